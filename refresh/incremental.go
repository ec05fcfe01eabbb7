package refresh

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/extract"
	"github.com/eventgraph/eventgraph/loader/sink"
	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// unit is one article to write (new or changed) in a transaction.
type unit struct {
	item   *Item
	res    *extract.Result
	hash   string // sha256 of the content
	meta   string // digest of the metadata
	oldKey string // article of the previous version of this source, "" when new
	// outcome, set by apply
	status string // written, duplicate
}

// applyStats is what one transaction changed.
type applyStats struct {
	added, removed, rewritten int
	months                    map[string]bool
}

// runQuery runs a named query in a transaction and returns its records.
func runQuery(ctx context.Context, tx neo4j.ManagedTransaction, name string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, queries.Get(name), params)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return recs, nil
}

// runRows runs a named UNWIND query over rows in batches.
func runRows(ctx context.Context, tx neo4j.ManagedTransaction, name string, rows []map[string]any, size int, extra map[string]any) error {
	for i := 0; i < len(rows); i += size {
		params := map[string]any{"rows": rows[i:min(i+size, len(rows))]}
		for k, v := range extra {
			params[k] = v
		}
		if _, err := runQuery(ctx, tx, name, params); err != nil {
			return err
		}
	}
	return nil
}

func getString(r *neo4j.Record, k string) string {
	v, _ := r.Get(k)
	s, _ := v.(string)
	return s
}

func getInt(r *neo4j.Record, k string) int {
	v, _ := r.Get(k)
	n, _ := v.(int64)
	return int(n)
}

func getStrings(r *neo4j.Record, k string) []string {
	v, _ := r.Get(k)
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// stored is an article already in the graph, with its extraction and the
// events its sentences report.
type stored struct {
	res     *extract.Result
	reports map[string][]int // event key -> REPORTS starts
}

// neighbourhood is the closed set of article-local events that a change
// can affect, and the stored events they form.
type neighbourhood struct {
	tx       neo4j.ManagedTransaction
	w        *Refresher
	removed  map[string]bool
	articles map[string]*stored      // articles in the neighbourhood (stored or new)
	local    map[string]map[int]bool // article -> included local event indexes
	events   map[string]string       // stored event keys in the neighbourhood -> date
	probeQ   []localRef              // local events whose neighbours are not looked up yet
	eventQ   []string                // events whose reporting articles are not loaded yet
	undatedQ map[string]bool         // people whose stored undated events are not looked up yet
	seenPK   map[string]bool
}

type localRef struct {
	article string
	idx     int
}

func (n *neighbourhood) ev(r localRef) *graph.Event { return &n.articles[r.article].res.Events[r.idx] }

func (n *neighbourhood) addLocal(article string, idx int) {
	m := n.local[article]
	if m == nil {
		m = map[int]bool{}
		n.local[article] = m
	}
	if m[idx] {
		return
	}
	m[idx] = true
	n.probeQ = append(n.probeQ, localRef{article, idx})
	// undated events of one article interact (one undated event per group
	// of people and article): take them together
	a := n.articles[article]
	if deref(a.res.Events[idx].Date) == "" {
		for j := range a.res.Events {
			if j != idx && deref(a.res.Events[j].Date) == "" {
				n.addLocal(article, j)
			}
		}
	}
}

func (n *neighbourhood) addEvent(key string) {
	if _, ok := n.events[key]; ok {
		return
	}
	n.events[key] = ""
	n.eventQ = append(n.eventQ, key)
}

// eligibleUndated: an undated local event that Merge may attach to a dated
// event (it needs a place or a country); other undated events are dropped
// by Merge and never matter.
func eligibleUndated(e *graph.Event) bool {
	return (e.Date == nil || *e.Date == "") && (e.PlaceKey != "" || deref(e.Country) != "")
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// load fetches stored articles (extraction and REPORTS) not loaded yet.
func (n *neighbourhood) load(ctx context.Context, keys []string) error {
	var need []string
	for _, k := range keys {
		if _, ok := n.articles[k]; !ok && !n.removed[k] {
			need = append(need, k)
		}
	}
	if len(need) == 0 {
		return nil
	}
	sort.Strings(need)
	recs, err := runQuery(ctx, n.tx, "refresh-articles", map[string]any{"keys": need})
	if err != nil {
		return err
	}
	for _, r := range recs {
		key := getString(r, "key")
		blob, format := getString(r, "extraction"), getString(r, "format")
		if blob == "" || format != extractionFormat {
			return fmt.Errorf("article %s (%s) has no stored extraction (it was written by `load`, or by an older eventgraph): "+
				"its events cannot be re-merged incrementally; reload the graph with `refresh` (see docs/refresh.md)", key, getString(r, "path"))
		}
		res, err := n.w.decode(key, blob)
		if err != nil {
			return fmt.Errorf("article %s: %w", key, err)
		}
		n.articles[key] = &stored{res: res, reports: map[string][]int{}}
	}
	for _, k := range need {
		if _, ok := n.articles[k]; !ok {
			return fmt.Errorf("article %s reports an event but is not in the graph", k)
		}
	}
	recs, err = runQuery(ctx, n.tx, "refresh-article-reports", map[string]any{"keys": need})
	if err != nil {
		return err
	}
	for _, r := range recs {
		a := n.articles[getString(r, "article")]
		ev := getString(r, "event")
		a.reports[ev] = append(a.reports[ev], getInt(r, "start"))
	}
	return nil
}

func intersects(starts []int, srcs []graph.Source) bool {
	for _, s := range srcs {
		for _, t := range starts {
			if s.Start == t {
				return true
			}
		}
	}
	return false
}

// close grows the neighbourhood until no event outside it can be affected:
// stored events sharing a participant with an included local event at a
// compatible date (a month either side, and the event's span), the
// article-local events that form them, stored undated events of the same
// people, and so on until a fixpoint.
func (n *neighbourhood) close(ctx context.Context) error {
	for len(n.probeQ) > 0 || len(n.eventQ) > 0 || len(n.undatedQ) > 0 {
		if len(n.eventQ) > 0 {
			keys := n.eventQ
			n.eventQ = nil
			recs, err := runQuery(ctx, n.tx, "refresh-event-reports", map[string]any{"keys": keys})
			if err != nil {
				return err
			}
			var arts []string
			type rep struct{ event, article string }
			var reps []rep
			for _, r := range recs {
				a := getString(r, "article")
				if n.removed[a] {
					continue
				}
				arts = append(arts, a)
				reps = append(reps, rep{getString(r, "event"), a})
				if d := getString(r, "date"); d != "" {
					n.events[getString(r, "event")] = d
				}
			}
			if err := n.load(ctx, arts); err != nil {
				return err
			}
			for _, rp := range reps {
				a := n.articles[rp.article]
				starts := a.reports[rp.event]
				for i := range a.res.Events {
					if intersects(starts, a.res.Events[i].Sources) {
						n.addLocal(rp.article, i)
					}
				}
			}
			continue
		}
		if len(n.probeQ) > 0 {
			refs := n.probeQ
			n.probeQ = nil
			var dated []map[string]any
			var undatedSets [][]string
			var undatedProbes []map[string]any
			var nodate []map[string]any
			for _, ref := range refs {
				e := n.ev(ref)
				// the stored events this local event already belongs to
				if a := n.articles[ref.article]; a.reports != nil {
					for evKey, starts := range a.reports {
						if intersects(starts, e.Sources) {
							n.addEvent(evKey)
						}
					}
				}
				for _, pk := range e.ParticipantKeys {
					if !n.seenPK[pk] {
						n.seenPK[pk] = true
						n.undatedQ[pk] = true
					}
				}
				d := deref(e.Date)
				if d == "" {
					// undated events of the same people stay undated events
					// whose keys collide and get suffixes: take them all
					for _, pk := range e.ParticipantKeys {
						nodate = append(nodate, map[string]any{"pk": pk, "nodate": true})
					}
					if !eligibleUndated(e) {
						continue
					}
					undatedSets = append(undatedSets, e.ParticipantKeys)
					for _, pk := range e.ParticipantKeys {
						undatedProbes = append(undatedProbes, map[string]any{"pk": pk, "start": nil, "end": nil})
					}
					continue
				}
				end := d
				if de := deref(e.DateEnd); de > end {
					end = de
				}
				ws, we := monthShift(d, -1), monthShift(end, +1)
				for _, pk := range e.ParticipantKeys {
					dated = append(dated, map[string]any{"pk": pk, "start": ws, "end": we})
				}
			}
			if len(dated) > 0 {
				recs, err := runQuery(ctx, n.tx, "refresh-probe-events", map[string]any{"probes": dated})
				if err != nil {
					return err
				}
				for _, r := range recs {
					n.addEvent(getString(r, "key"))
				}
			}
			if len(nodate) > 0 {
				recs, err := runQuery(ctx, n.tx, "refresh-probe-events", map[string]any{"probes": nodate})
				if err != nil {
					return err
				}
				for _, r := range recs {
					n.addEvent(getString(r, "key"))
				}
			}
			if len(undatedProbes) > 0 {
				recs, err := runQuery(ctx, n.tx, "refresh-probe-events", map[string]any{"probes": undatedProbes})
				if err != nil {
					return err
				}
				for _, r := range recs {
					parts := getStrings(r, "parts")
					for _, set := range undatedSets {
						if overlap(parts, set) >= min(2, len(set)) {
							n.addEvent(getString(r, "key"))
							break
						}
					}
				}
			}
			continue
		}
		// stored undated events (with a place or country) of the people
		// of the neighbourhood: they may attach to its events
		pks := make([]string, 0, len(n.undatedQ))
		for pk := range n.undatedQ {
			pks = append(pks, pk)
		}
		n.undatedQ = map[string]bool{}
		sort.Strings(pks)
		recs, err := runQuery(ctx, n.tx, "refresh-undated-articles", map[string]any{"pks": pks})
		if err != nil {
			return err
		}
		var arts []string
		for _, r := range recs {
			if k := getString(r, "key"); !n.removed[k] {
				arts = append(arts, k)
			}
		}
		if err := n.load(ctx, arts); err != nil {
			return err
		}
		want := map[string]bool{}
		for _, pk := range pks {
			want[pk] = true
		}
		for _, k := range arts {
			a := n.articles[k]
			for i := range a.res.Events {
				e := &a.res.Events[i]
				if !eligibleUndated(e) {
					continue
				}
				for _, pk := range e.ParticipantKeys {
					if want[pk] {
						n.addLocal(k, i)
						break
					}
				}
			}
		}
	}
	return nil
}

func overlap(a, b []string) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if x == y {
				n++
				break
			}
		}
	}
	return n
}

// monthShift turns an ISO date prefix into the month (YYYY-MM) delta
// months from its first (delta < 0) or last (delta > 0) month.
func monthShift(d string, delta int) string {
	var y, m int
	if len(d) >= 7 {
		fmt.Sscanf(d[:7], "%4d-%2d", &y, &m)
	} else {
		fmt.Sscanf(d, "%4d", &y)
		if delta < 0 {
			m = 1
		} else {
			m = 12
		}
	}
	if y == 0 {
		if delta < 0 {
			return ""
		}
		return "9999"
	}
	m += delta
	for m < 1 {
		m += 12
		y--
	}
	for m > 12 {
		m -= 12
		y++
	}
	return fmt.Sprintf("%04d-%02d", y, m)
}

// results returns the neighbourhood as extraction results holding only
// the included local events, in a fixed order.
func (n *neighbourhood) results() []*extract.Result {
	keys := make([]string, 0, len(n.local))
	for k := range n.local {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]*extract.Result, 0, len(keys))
	for _, k := range keys {
		a := n.articles[k]
		idx := make([]int, 0, len(n.local[k]))
		for i := range n.local[k] {
			idx = append(idx, i)
		}
		sort.Ints(idx)
		r := &extract.Result{Article: a.res.Article}
		for _, i := range idx {
			r.Events = append(r.Events, a.res.Events[i])
		}
		out = append(out, r)
	}
	return out
}

func undatedParts(r *extract.Result) []string {
	seen := map[string]bool{}
	out := []string{}
	for i := range r.Events {
		e := &r.Events[i]
		if !eligibleUndated(e) {
			continue
		}
		for _, pk := range e.ParticipantKeys {
			if !seen[pk] {
				seen[pk] = true
				out = append(out, pk)
			}
		}
	}
	sort.Strings(out)
	return out
}

// apply writes a batch of units in the given transaction: it removes the
// previous versions of changed articles with their own facts, adds the new
// articles, re-merges the events of the neighbourhood and rewrites those
// events. It is a pure function of the graph read inside tx (the driver
// may retry it).
func (w *Refresher) apply(ctx context.Context, tx neo4j.ManagedTransaction, units []*unit, runKey string) (*applyStats, error) {
	st := &applyStats{months: map[string]bool{}}
	nb := &neighbourhood{tx: tx, w: w, removed: map[string]bool{}, articles: map[string]*stored{},
		local: map[string]map[int]bool{}, events: map[string]string{}, undatedQ: map[string]bool{}, seenPK: map[string]bool{}}

	// 1. which articles go, which come
	for _, u := range units {
		u.status = ""
		if u.oldKey == "" {
			continue
		}
		recs, err := runQuery(ctx, tx, "refresh-article-owners", map[string]any{"keys": []string{u.oldKey}, "except": u.item.ID})
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			nb.removed[u.oldKey] = true
		}
	}
	var adds []*unit
	addKeys := map[string]bool{}
	for _, u := range units {
		key := u.res.Article.ID
		if addKeys[key] {
			u.status = "duplicate"
			continue
		}
		recs, err := runQuery(ctx, tx, "refresh-articles", map[string]any{"keys": []string{key}})
		if err != nil {
			return nil, err
		}
		if len(recs) > 0 && !nb.removed[key] {
			if getString(recs[0], "format") == extractionFormat {
				u.status = "duplicate" // the same content came from another source
				continue
			}
			// written by `load` (no stored extraction): adopt it, i.e.
			// replace it by the same article with its extraction stored
			nb.removed[key] = true
		}
		u.status = "written"
		addKeys[key] = true
		adds = append(adds, u)
	}

	// 2. the neighbourhood of what goes and what comes
	if len(nb.removed) > 0 {
		var keys []string
		for k := range nb.removed {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		recs, err := runQuery(ctx, tx, "refresh-article-reports", map[string]any{"keys": keys})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			nb.addEvent(getString(r, "event"))
		}
	}
	for _, u := range adds {
		key := u.res.Article.ID
		nb.articles[key] = &stored{res: u.res}
		for i := range u.res.Events {
			nb.addLocal(key, i)
		}
	}
	if err := nb.close(ctx); err != nil {
		return nil, err
	}

	// 3. merge the neighbourhood as a clean load would
	merged := extract.Merge(nb.results())
	newKeys := map[string]bool{}
	for _, e := range merged {
		newKeys[e.Key] = true
		if _, ok := nb.events[e.Key]; !ok {
			st.added++
		}
		if d := deref(e.Date); len(d) >= 7 {
			st.months[d[:7]] = true
		}
	}
	var gone []string
	for k, d := range nb.events {
		if !newKeys[k] {
			gone = append(gone, k)
			if len(d) >= 7 {
				st.months[d[:7]] = true
			}
		}
	}
	sort.Strings(gone)
	st.removed = len(gone)
	st.rewritten = len(merged)

	// 4. write
	size := w.batch()
	orphans := map[string]bool{}
	var removedKeys []string
	for k := range nb.removed {
		removedKeys = append(removedKeys, k)
	}
	sort.Strings(removedKeys)
	for _, k := range removedKeys {
		recs, err := runQuery(ctx, tx, "refresh-delete-article", map[string]any{"key": k})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			for _, a := range getStrings(r, "actors") {
				orphans[a] = true
			}
		}
	}
	if len(gone) > 0 {
		recs, err := runQuery(ctx, tx, "refresh-delete-events", map[string]any{"keys": gone})
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			for _, a := range getStrings(r, "actors") {
				orphans[a] = true
			}
		}
	}
	have := map[string]bool{}
	byName := map[string]string{}
	for _, u := range adds {
		a := u.res.Article
		art := sink.ArticleRow(a)
		persons, places, mentions := w.rows.entityRows(u.res.Entities)
		claims := claimRows(a.ID, u.res.Claims, u.res.Entities)
		for _, e := range u.res.Entities {
			if e.Kind == graph.KindPerson {
				have[e.Key] = true
				byName[e.Name] = e.Key
			}
		}
		props, err := ArticleProps(u.res, u.item.ID, u.item.Size, u.item.MTime)
		if err != nil {
			return nil, err
		}
		steps := []struct {
			name  string
			rows  []map[string]any
			extra map[string]any
		}{
			{"merge-article", []map[string]any{art}, nil},
			{"merge-persons", persons, nil},
			{"merge-places", places, nil},
			{"merge-mentions", mentions, map[string]any{"article": a.ID}},
			{"merge-claims", claims, map[string]any{"article": a.ID}},
		}
		for _, s := range steps {
			if len(s.rows) == 0 {
				continue
			}
			if err := runRows(ctx, tx, s.name, s.rows, size, s.extra); err != nil {
				return nil, err
			}
		}
		if _, err := runQuery(ctx, tx, "refresh-article-extra", map[string]any{"key": a.ID, "props": props}); err != nil {
			return nil, err
		}
	}
	if len(merged) > 0 {
		if err := runRows(ctx, tx, "merge-persons", w.rows.participantRows(merged, have), size, nil); err != nil {
			return nil, err
		}
		var existing []string
		for _, e := range merged {
			if _, ok := nb.events[e.Key]; ok {
				existing = append(existing, e.Key)
			}
		}
		if len(existing) > 0 {
			if _, err := runQuery(ctx, tx, "refresh-clear-events", map[string]any{"keys": existing}); err != nil {
				return nil, err
			}
		}
		evRows := make([]map[string]any, 0, len(merged))
		reports := map[string][]map[string]any{}
		for _, e := range merged {
			evRows = append(evRows, w.rows.eventRow(e, byName))
			for _, s := range e.Sources {
				reports[s.Article] = append(reports[s.Article], map[string]any{"event": e.Key, "start": s.Start, "end": s.End, "text": s.Text})
			}
		}
		if err := runRows(ctx, tx, "merge-events", evRows, size, nil); err != nil {
			return nil, err
		}
		arts := make([]string, 0, len(reports))
		for a := range reports {
			arts = append(arts, a)
		}
		sort.Strings(arts)
		for _, a := range arts {
			if err := runRows(ctx, tx, "merge-reports", reports[a], size, map[string]any{"article": a}); err != nil {
				return nil, err
			}
		}
	}
	var cands []string
	for k := range orphans {
		if strings.HasPrefix(k, "person:") || (strings.HasPrefix(k, "place:") && w.KB.Get(k) == nil) {
			cands = append(cands, k)
		}
	}
	if len(cands) > 0 {
		sort.Strings(cands)
		if _, err := runQuery(ctx, tx, "refresh-delete-orphans", map[string]any{"keys": cands}); err != nil {
			return nil, err
		}
	}
	// 5. remember the sources, in the same transaction
	rows := make([]map[string]any, 0, len(units))
	for _, u := range units {
		rows = append(rows, stateRow(u.item, u.hash, u.meta, u.status, "", u.res.Article.ID, runKey))
	}
	if err := runRows(ctx, tx, "refresh-set-sources", rows, size, nil); err != nil {
		return nil, err
	}
	return st, nil
}

func stateRow(it *Item, hash, meta, status, errText, article, run string) map[string]any {
	return map[string]any{"id": it.ID, "kind": it.Kind, "size": it.Size, "mtime": it.MTime, "version": it.Version,
		"hash": hash, "meta": meta, "status": status, "error": errText, "article": article, "run": run}
}
