// Package refresh keeps the event graph up to date with its sources
// (directories with manifests, RSS/Atom feeds): one pass finds new and
// changed articles cheaply, extracts only those, and writes each one in
// its own transaction together with the re-merged events of its
// neighbourhood, so that after any sequence of refreshes — interrupted or
// not — the graph equals what one clean `load` of the same articles
// produces. See docs/refresh.md.
package refresh

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/eventgraph/eventgraph/loader/extract"
	"github.com/eventgraph/eventgraph/loader/kb"
	"github.com/eventgraph/eventgraph/loader/sink"
	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Hooks let the caller act on a finished run (recompute metrics for the
// affected windows, regenerate the report). An error from a hook marks
// the run as failed after its writes are committed.
type Hooks struct {
	AfterWrite func(ctx context.Context, s Summary) error
}

// Failure is one input that could not be processed, with the reason.
type Failure struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
	// Permanent failures (malformed content) are skipped until the content
	// changes; transient ones (network) are retried on the next run.
	Permanent bool `json:"permanent"`
}

// Summary is the outcome of one refresh run.
type Summary struct {
	Run       string    `json:"run"`
	Status    string    `json:"status"` // ok, partial (some inputs failed), failed, interrupted
	Started   time.Time `json:"started"`
	New       int       `json:"new"`
	Changed   int       `json:"changed"`
	Unchanged int       `json:"unchanged"`
	Failed    int       `json:"failed"`
	// SkippedFailed: inputs that failed before and have not changed since.
	SkippedFailed int `json:"skipped_failed"`
	// Duplicates: new sources whose content is already in the graph.
	Duplicates      int `json:"duplicates"`
	Written         int `json:"articles_written"`
	EventsAdded     int `json:"events_added"`
	EventsRemoved   int `json:"events_removed"`
	EventsRewritten int `json:"events_rewritten"`
	// AffectedMonths are the months (YYYY-MM) of events added, removed or
	// rewritten: the windows whose metrics need recomputing.
	AffectedMonths []string `json:"affected_months"`
	// GDELT is the outcome of the GDELT update lists read by this run.
	GDELT   *GDELTSummary `json:"gdelt,omitempty"`
	Seconds float64       `json:"seconds"`
	// ListSeconds: listing and classifying (grows with the corpus: a stat
	// and a remembered state per item); WriteSeconds: reading, extracting
	// and writing new and changed articles (grows with them).
	ListSeconds  float64   `json:"list_seconds"`
	WriteSeconds float64   `json:"write_seconds"`
	Error        string    `json:"error,omitempty"`
	Failures     []Failure `json:"failures"`
}

// Options configure a Refresher.
type Options struct {
	Sources []Source
	KB      *kb.KB
	// Extractor is built from KB when nil.
	Extractor *extract.Extractor
	MaxBytes  int64
	// Workers extract in parallel (default GOMAXPROCS).
	Workers int
	// Batch: articles per transaction (default 1; larger batches speed up
	// bulk loads and stay all-or-nothing).
	Batch int
	// BatchSize: rows per UNWIND statement.
	BatchSize int
	// Force re-reads and re-extracts every item, ignoring size, mtime and
	// hash (after an extractor upgrade); unchanged results are still
	// rewritten.
	Force bool
	// TxTimeout bounds one article's transaction (default 2 minutes).
	TxTimeout time.Duration
	Hooks     Hooks
	Log       *slog.Logger
	// PauseAfter (tests): after this many written articles the run sleeps
	// for PauseFor, so that a test can kill the process right there.
	PauseAfter int
	PauseFor   time.Duration
	// OnWritten is called after each committed article (progress).
	OnWritten func(n int)
	// Backlog holds run records the database could not take; shared by
	// the runs of a daemon.
	Backlog *Backlog
}

// Refresher runs refresh passes against one database.
type Refresher struct {
	Options
	Driver   neo4j.DriverWithContext
	Database string

	rows    rowBuilder
	mu      sync.Mutex
	cache   map[string]cached
	written int
}

type cached struct {
	blob string
	res  *extract.Result
}

// New returns a Refresher.
func New(d neo4j.DriverWithContext, database string, o Options) *Refresher {
	if o.Extractor == nil {
		o.Extractor = extract.New(o.KB, extract.Options{MaxBytes: int(o.MaxBytes)})
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Batch <= 0 {
		o.Batch = 1
	}
	if o.TxTimeout <= 0 {
		o.TxTimeout = 2 * time.Minute
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return &Refresher{Options: o, Driver: d, Database: database, rows: rowBuilder{sink.Rows{KB: o.KB}}, cache: map[string]cached{}}
}

func (w *Refresher) batch() int {
	if w.BatchSize <= 0 {
		return 1000
	}
	return w.BatchSize
}

// decode returns a stored extraction, cached by article key and blob.
func (w *Refresher) decode(key, blob string) (*extract.Result, error) {
	w.mu.Lock()
	c, ok := w.cache[key]
	w.mu.Unlock()
	if ok && c.blob == blob {
		return c.res, nil
	}
	res, err := decodeResult(blob)
	if err != nil {
		return nil, err
	}
	w.mu.Lock()
	if len(w.cache) > 200000 {
		w.cache = map[string]cached{}
	}
	w.cache[key] = cached{blob, res}
	w.mu.Unlock()
	return res, nil
}

func (w *Refresher) session(ctx context.Context) neo4j.SessionWithContext {
	return w.Driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: w.Database, AccessMode: neo4j.AccessModeWrite})
}

func (w *Refresher) exec(ctx context.Context, name string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := neo4j.ExecuteQuery(ctx, w.Driver, queries.Get(name), params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(w.Database))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return res.Records, nil
}

// ErrInfrastructure marks a run that failed because of the database (not
// of an input): nothing is remembered as failed and the next run retries.
var ErrInfrastructure = errors.New("refresh failed")

// prepare creates the schema and writes the reference data when the
// knowledge base changed since it was last written.
func (w *Refresher) prepare(ctx context.Context) error {
	s := &sink.Sink{Driver: w.Driver, Database: w.Database, BatchSize: w.BatchSize, KB: w.KB}
	if err := s.EnsureSchema(ctx); err != nil {
		return err
	}
	sess := w.session(ctx)
	defer sess.Close(ctx)
	for _, stmt := range queries.Statements(queries.Get("refresh-schema")) {
		if _, err := sess.Run(ctx, stmt, nil); err != nil {
			return fmt.Errorf("refresh schema: %w", err)
		}
	}
	fp := kbFingerprint(w.KB)
	recs, err := w.exec(ctx, "refresh-meta", map[string]any{"key": "reference"})
	if err != nil {
		return err
	}
	if len(recs) > 0 && getString(recs[0], "value") == fp {
		return nil
	}
	if err := s.WriteReference(ctx); err != nil {
		return err
	}
	_, err = w.exec(ctx, "refresh-set-meta", map[string]any{"key": "reference", "value": fp})
	return err
}

func kbFingerprint(k *kb.KB) string {
	h := sha256.New()
	k.Entries(func(e *kb.Entry) {
		fmt.Fprintf(h, "%s|%s|%s|%s|%v|%v|%v|%v|%d|%d\n", e.Key, e.Kind, e.Name, e.Country, e.Names, e.Lat, e.Lon, e.Memberships, len(e.Offices), len(e.Sources))
	})
	return hex.EncodeToString(h.Sum(nil)[:16])
}

type state struct {
	size, mtime              int64
	version, hash, meta      string
	status, errText, article string
}

func (w *Refresher) states(ctx context.Context, ids []string) (map[string]*state, error) {
	out := map[string]*state{}
	for i := 0; i < len(ids); i += 5000 {
		recs, err := w.exec(ctx, "refresh-source-states", map[string]any{"ids": ids[i:min(i+5000, len(ids))]})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			size, _ := r.Get("size")
			mtime, _ := r.Get("mtime")
			s := &state{version: getString(r, "version"), hash: getString(r, "hash"), meta: getString(r, "meta"),
				status: getString(r, "status"), errText: getString(r, "error"), article: getString(r, "article")}
			s.size, _ = size.(int64)
			s.mtime, _ = mtime.(int64)
			out[getString(r, "id")] = s
		}
	}
	return out, nil
}

// RunKey names a run: time and process.
func RunKey(t time.Time) string {
	return "refresh:" + t.UTC().Format("20060102T150405.000000000Z") + ":" + strconv.Itoa(os.Getpid())
}

// Run performs one refresh pass. The returned error is non-nil when the
// run failed as a whole (database unreachable, cancelled); input failures
// only show in the summary (status "partial").
func (w *Refresher) Run(ctx context.Context) (*Summary, error) {
	start := time.Now()
	sum := &Summary{Run: RunKey(start), Started: start.UTC(), Status: "running", Failures: []Failure{}, AffectedMonths: []string{}}
	months := map[string]bool{}
	err := w.run(ctx, sum, months)
	for m := range months {
		sum.AffectedMonths = append(sum.AffectedMonths, m)
	}
	sort.Strings(sum.AffectedMonths)
	switch {
	case err != nil && ctx.Err() != nil:
		sum.Status = "interrupted"
		sum.Error = err.Error()
	case err != nil:
		sum.Status = "failed"
		sum.Error = err.Error()
	case sum.Failed > 0:
		sum.Status = "partial"
	default:
		sum.Status = "ok"
	}
	if err == nil && w.Hooks.AfterWrite != nil {
		if herr := w.Hooks.AfterWrite(ctx, *sum); herr != nil {
			err = fmt.Errorf("after-write hook: %w", herr)
			sum.Status, sum.Error = "failed", err.Error()
		}
	}
	sum.Seconds = time.Since(start).Seconds()
	// record the outcome even when the caller is shutting down
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
	defer cancel()
	if rerr := w.recordFinish(rctx, sum); rerr != nil {
		w.Log.Warn("refresh: could not record the run; it will be recorded by the next run that reaches the database", "run", sum.Run, "err", rerr)
		w.Backlog.push(*sum)
		if err == nil {
			err = fmt.Errorf("%w: record run: %v", ErrInfrastructure, rerr)
			sum.Status, sum.Error = "failed", err.Error()
		}
	}
	return sum, err
}

func (w *Refresher) recordFinish(ctx context.Context, s *Summary) error {
	fails := make([]string, 0, len(s.Failures))
	for _, f := range s.Failures {
		fails = append(fails, f.Source+": "+f.Reason)
	}
	props := map[string]any{
		"started": s.Started, "finished": time.Now().UTC(), "status": s.Status, "new": s.New, "changed": s.Changed,
		"unchanged": s.Unchanged, "failed": s.Failed, "skipped_failed": s.SkippedFailed, "duplicates": s.Duplicates,
		"articles_written": s.Written, "events_added": s.EventsAdded, "events_removed": s.EventsRemoved,
		"events_rewritten": s.EventsRewritten, "seconds": time.Since(s.Started).Seconds(), "error": s.Error,
		"failures": fails, "affected_months": s.AffectedMonths, "pid": os.Getpid(),
	}
	if s.Seconds > 0 {
		props["seconds"] = s.Seconds
		props["finished"] = s.Started.Add(time.Duration(s.Seconds * float64(time.Second)))
	}
	_, err := w.exec(ctx, "refresh-run-finish", map[string]any{"key": s.Run, "props": props})
	return err
}

func (w *Refresher) fail(sum *Summary, id string, err error, permanent bool) {
	sum.Failed++
	sum.Failures = append(sum.Failures, Failure{Source: id, Reason: err.Error(), Permanent: permanent})
	w.Log.Warn("refresh: input failed", "source", id, "err", err)
}

func (w *Refresher) run(ctx context.Context, sum *Summary, months map[string]bool) error {
	if err := w.prepare(ctx); err != nil {
		return fmt.Errorf("%w: prepare the database: %v", ErrInfrastructure, err)
	}
	host, _ := os.Hostname()
	recs, err := w.exec(ctx, "refresh-run-start", map[string]any{"key": sum.Run, "props": map[string]any{
		"started": sum.Started, "host": host, "pid": os.Getpid()}})
	if err != nil {
		return fmt.Errorf("%w: record run: %v", ErrInfrastructure, err)
	}
	for _, old := range w.Backlog.take() {
		if err := w.recordFinish(ctx, &old); err != nil {
			w.Backlog.push(old)
		}
	}
	if len(recs) > 0 {
		if n := getInt(recs[0], "interrupted"); n > 0 {
			w.Log.Info("refresh: earlier runs were interrupted; this run completes their work", "runs", n)
		}
	}

	// 1. list every source (cheap: stat, feed documents)
	var items []*Item
	var problems []Problem
	for _, src := range w.Sources {
		its, probs, err := src.List(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			var p Problem
			if errors.As(err, &p) {
				problems = append(problems, p)
			} else {
				problems = append(problems, Problem{ID: src.Name(), Err: err})
			}
			continue
		}
		problems = append(problems, probs...)
		for i := range its {
			items = append(items, &its[i])
		}
	}
	ids := make([]string, 0, len(items)+len(problems))
	seen := map[string]bool{}
	var uniq []*Item
	for _, it := range items {
		if !seen[it.ID] {
			seen[it.ID] = true
			uniq = append(uniq, it)
			ids = append(ids, it.ID)
		}
	}
	items = uniq
	for _, p := range problems {
		ids = append(ids, p.ID)
	}
	states, err := w.states(ctx, ids)
	if err != nil {
		return fmt.Errorf("%w: read source states: %v", ErrInfrastructure, err)
	}
	// source-level problems: remembered (when their content is known) and
	// skipped until it changes
	var probRows []map[string]any
	for _, p := range problems {
		if s := states[p.ID]; p.Hash != "" && s != nil && s.status == "failed" && s.hash == p.Hash {
			sum.SkippedFailed++
			continue
		}
		w.fail(sum, p.ID, p.Err, p.Hash != "")
		if p.Hash != "" {
			probRows = append(probRows, stateRow(&Item{ID: p.ID, Kind: "source"}, p.Hash, "", "failed", p.Err.Error(), "", sum.Run))
		}
	}
	if len(probRows) > 0 {
		if err := w.writeStates(ctx, probRows); err != nil {
			return err
		}
	}

	// 2. classify without reading: size+mtime (files), version (feeds)
	var todo []*Item
	for _, it := range items {
		s := states[it.ID]
		if s != nil && !w.Force && s.meta == it.metaDigest() && (s.status == "written" || s.status == "duplicate" || s.status == "failed") &&
			s.size == it.Size && s.mtime == it.MTime && s.version == it.Version {
			if s.status == "failed" {
				sum.SkippedFailed++
			} else {
				sum.Unchanged++
			}
			continue
		}
		todo = append(todo, it)
	}

	// 3. read, hash, extract (in parallel, a chunk at a time), then write
	// each article in its own transaction
	listed := time.Now()
	sum.ListSeconds = listed.Sub(sum.Started).Seconds()
	defer func() { sum.WriteSeconds = time.Since(listed).Seconds() }()
	chunk := max(64, w.Batch)
	for i := 0; i < len(todo); i += chunk {
		if err := ctx.Err(); err != nil {
			return err
		}
		part := todo[i:min(i+chunk, len(todo))]
		units, touch := w.extractAll(ctx, part, states, sum)
		if len(touch) > 0 {
			if err := w.writeStates(ctx, touch); err != nil {
				return err
			}
		}
		for j := 0; j < len(units); j += w.Batch {
			if err := ctx.Err(); err != nil {
				return err
			}
			b := units[j:min(j+w.Batch, len(units))]
			if err := w.writeUnits(ctx, b, sum, months); err != nil {
				return err
			}
		}
	}
	return nil
}

func (w *Refresher) writeStates(ctx context.Context, rows []map[string]any) error {
	sess := w.session(ctx)
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, runRows(ctx, tx, "refresh-set-sources", rows, w.batch(), nil)
	})
	if err != nil {
		return fmt.Errorf("%w: remember source states: %v", ErrInfrastructure, err)
	}
	return nil
}

// extractAll reads and extracts items; it returns the units to write and
// state rows to update (unchanged content with a new mtime, failures).
func (w *Refresher) extractAll(ctx context.Context, items []*Item, states map[string]*state, sum *Summary) ([]*unit, []map[string]any) {
	type out struct {
		u         *unit
		touch     map[string]any
		err       error
		permanent bool
		unchanged bool
		skipped   bool
	}
	outs := make([]out, len(items))
	var wg sync.WaitGroup
	next := make(chan int)
	for k := 0; k < w.Workers; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				outs[i] = func() (o out) {
					it := items[i]
					defer func() {
						if p := recover(); p != nil {
							o = out{err: fmt.Errorf("internal error while extracting: %v", p), permanent: true}
						}
					}()
					data, err := it.Fetch(ctx)
					if err != nil {
						return out{err: err, permanent: isPermanent(err)}
					}
					h := sha256.Sum256(data)
					hash := hex.EncodeToString(h[:])
					meta := it.metaDigest()
					s := states[it.ID]
					if s != nil && !w.Force && s.hash == hash && s.meta == meta {
						// same content: remember the new size/mtime/version
						status := s.status
						return out{touch: stateRow(it, hash, meta, status, s.errText, s.article, sum.Run),
							unchanged: status != "failed", skipped: status == "failed"}
					}
					res, err := w.Extractor.Article(extract.Doc{Path: it.ID, Data: data, Published: it.Meta.Published,
						Language: it.Meta.Language, Title: it.Meta.Title, Outlet: it.Meta.Outlet, URL: it.Meta.URL})
					if err != nil {
						return out{err: err, permanent: true, touch: stateRow(it, hash, meta, "failed", err.Error(), "", sum.Run)}
					}
					u := &unit{item: it, res: res, hash: hash, meta: meta}
					if s != nil && (s.status == "written" || s.status == "duplicate") {
						u.oldKey = s.article
					}
					return out{u: u}
				}()
			}
		}()
	}
	for i := range items {
		next <- i
	}
	close(next)
	wg.Wait()
	var units []*unit
	var touch []map[string]any
	for i, o := range outs {
		switch {
		case o.err != nil:
			w.fail(sum, items[i].ID, o.err, o.permanent)
			if o.permanent && o.touch != nil {
				touch = append(touch, o.touch)
			}
		case o.unchanged:
			sum.Unchanged++
			touch = append(touch, o.touch)
		case o.skipped:
			sum.SkippedFailed++
			touch = append(touch, o.touch)
		default:
			units = append(units, o.u)
		}
	}
	return units, touch
}

// writeUnits writes a batch of articles in one transaction. The
// transaction runs to its end (or rolls back) even when ctx is cancelled
// by a shutdown: an article is never half-written.
func (w *Refresher) writeUnits(ctx context.Context, units []*unit, sum *Summary, months map[string]bool) error {
	tctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), w.TxTimeout)
	defer cancel()
	sess := w.session(tctx)
	defer sess.Close(tctx)
	v, err := sess.ExecuteWrite(tctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return w.apply(tctx, tx, units, sum.Run)
	})
	if err != nil {
		var ids []string
		for _, u := range units {
			ids = append(ids, u.item.ID)
		}
		if isInfrastructure(err) {
			return fmt.Errorf("%w: write %v: %v", ErrInfrastructure, ids, err)
		}
		// the graph refused these articles (or their neighbourhood cannot be
		// re-merged): reported, retried on the next run
		for _, u := range units {
			w.fail(sum, u.item.ID, err, false)
		}
		return nil
	}
	st := v.(*applyStats)
	sum.EventsAdded += st.added
	sum.EventsRemoved += st.removed
	sum.EventsRewritten += st.rewritten
	for m := range st.months {
		months[m] = true
	}
	for _, u := range units {
		switch {
		case u.status == "duplicate":
			sum.Duplicates++
		case u.oldKey != "":
			sum.Changed++
			sum.Written++
		default:
			sum.New++
			sum.Written++
		}
		if u.status == "written" {
			w.written++
			if w.OnWritten != nil {
				w.OnWritten(w.written)
			}
			if w.PauseAfter > 0 && w.written == w.PauseAfter {
				w.Log.Warn("refresh: test pause", "articles", w.written, "for", w.PauseFor)
				fmt.Fprintf(os.Stderr, "eventgraph: test pause after %d written articles\n", w.written)
				select {
				case <-time.After(w.PauseFor):
				case <-ctx.Done():
				}
			}
		}
	}
	return nil
}

// isInfrastructure: the database (not the input) failed: unreachable,
// timed out, out of retries, transient or internal errors, cancelled.
func isInfrastructure(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return true
	}
	var ce *neo4j.ConnectivityError
	var tl *neo4j.TransactionExecutionLimit
	var ue *neo4j.UsageError
	if errors.As(err, &ce) || errors.As(err, &tl) || errors.As(err, &ue) || neo4j.IsRetryable(err) {
		return true
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		return ne.Classification() == "TransientError" || ne.Classification() == "DatabaseError"
	}
	return false
}
