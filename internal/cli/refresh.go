package cli

import (
	"context"
	"errors"
	"os"

	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"github.com/eventgraph/eventgraph/analysis"
	"github.com/eventgraph/eventgraph/report"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/eventgraph/eventgraph/loader/extract"
	"github.com/eventgraph/eventgraph/loader/gdelt"
	"github.com/eventgraph/eventgraph/loader/kb"
	"github.com/eventgraph/eventgraph/refresh"
	"github.com/spf13/cobra"
	"golang.org/x/time/rate"
)

// refreshOptions are the flags shared by refresh and serve. Proposed
// config keys (refresh.sources, refresh.feeds, refresh.batch, refresh.lock,
// refresh.fetch_timeout, refresh.fetch_max_bytes, refresh.feed_rate,
// serve.schedule, serve.listen, serve.retries, serve.retry_backoff,
// serve.run_timeout) are listed in docs/refresh.md; flags until then.
type refreshOptions struct {
	sources       []string
	feeds         []string
	gdelt         []string
	kbDir         string
	workers       int
	batch         int
	force         bool
	lock          string
	fetchTimeout  time.Duration
	fetchMaxBytes int64
	feedRate      float64
	format        string

	once      sync.Once
	kb        *kb.KB
	extractor *extract.Extractor
	kbErr     error
	fetcher   *refresh.Fetcher
	backlog   refresh.Backlog
	app       *App
}

func (app *App) addRefreshFlags(cmd *cobra.Command, o *refreshOptions) {
	o.app = app
	f := cmd.Flags()
	f.StringArrayVar(&o.sources, "source", nil, "directory of articles (with its manifest.yaml when present); repeatable")
	f.StringArrayVar(&o.feeds, "feed", nil, "RSS 2.0 or Atom feed URL whose items link to article pages; repeatable")
	f.StringArrayVar(&o.gdelt, "gdelt", nil, "GDELT update list URL (lastupdate.txt): ingests each new event export it names; repeatable")
	f.StringVar(&o.kbDir, "kb", "", "folder of YAML files that add to or override the knowledge base (config extract.kb_overlay)")
	f.IntVar(&o.workers, "workers", 0, "parallel extraction workers (default: number of CPUs)")
	f.IntVar(&o.batch, "batch", 1, "articles per transaction (1: one transaction per article; larger speeds up bulk loads)")
	f.BoolVar(&o.force, "force", false, "re-read and re-extract every article (after an extractor upgrade)")
	f.StringVar(&o.lock, "lock", "", "lock file shared by refresh and serve (default: per database under the user cache folder)")
	f.DurationVar(&o.fetchTimeout, "fetch-timeout", 20*time.Second, "timeout of one HTTP request (feed or page)")
	f.Int64Var(&o.fetchMaxBytes, "fetch-max-bytes", 5<<20, "larger feeds and pages are refused")
	f.Float64Var(&o.feedRate, "feed-rate", 0.5, "HTTP requests per second per host")
	app.bindFlag("extract.kb_overlay", f.Lookup("kb"))
}

// refreshHooks recompute and write the metrics (refresh.analyze) and
// rewrite the HTML report (refresh.report) after a refresh that changed
// events. The analysis recomputes every window; it is cheap next to
// extraction, and the affected months are logged.
func (app *App) refreshHooks(conn *Conn) refresh.Hooks {
	return refresh.Hooks{AfterWrite: func(ctx context.Context, s refresh.Summary) error {
		if s.EventsAdded+s.EventsRemoved+s.EventsRewritten == 0 {
			return nil
		}
		c, err := app.Config()
		if err != nil {
			return err
		}
		if c.Refresh.Analyze {
			p, err := app.analysisParams()
			if err != nil {
				return err
			}
			events, err := analysis.ReadEvents(ctx, conn.Driver, conn.Database)
			if err != nil {
				return err
			}
			claims, err := analysis.ReadClaims(ctx, conn.Driver, conn.Database)
			if err != nil {
				return err
			}
			out, err := analysis.Run(events, claims, p)
			if err != nil {
				return err
			}
			if err := analysis.Write(ctx, conn.Driver, conn.Database, out, events, c.Neo4j.BatchSize); err != nil {
				return err
			}
			app.log.Info("refresh: metrics recomputed", "run", out.RunKey, "affected_months", s.AffectedMonths)
		}
		if c.Refresh.Report != "" {
			d, err := report.Collect(ctx, conn.Driver, conn.Database, report.CollectOptions{})
			if err != nil {
				return err
			}
			tmp := c.Refresh.Report + ".tmp"
			f, err := os.Create(tmp)
			if err != nil {
				return err
			}
			if err := errors.Join(report.RenderHTML(f, d), f.Close()); err != nil {
				return err
			}
			if err := os.Rename(tmp, c.Refresh.Report); err != nil { // readers never see half a page
				return err
			}
		}
		return nil
	}}
}

func (o *refreshOptions) sourceList(maxBytes int64) ([]refresh.Source, error) {
	if len(o.sources)+len(o.feeds)+len(o.gdelt) == 0 && o.app != nil {
		if c, err := o.app.Config(); err == nil {
			o.sources, o.feeds = c.Refresh.Sources, c.Refresh.Feeds
		}
	}
	if len(o.sources)+len(o.feeds)+len(o.gdelt) == 0 {
		return nil, usageError{fmt.Errorf("no source: give --source DIR and/or --feed URL")}
	}
	if o.fetcher == nil {
		o.fetcher = &refresh.Fetcher{Timeout: o.fetchTimeout, MaxBytes: o.fetchMaxBytes, PerHost: rate.Limit(o.feedRate), Burst: 1}
	}
	var out []refresh.Source
	for _, d := range o.sources {
		out = append(out, &refresh.Dir{Path: d, MaxBytes: maxBytes})
	}
	for _, u := range o.feeds {
		out = append(out, &refresh.Feed{URL: u, Fetcher: o.fetcher})
	}
	return out, nil // GDELT update lists are read after the articles (refreshOnce)
}

func (app *App) lockPath(o *refreshOptions) (string, error) {
	if o.lock != "" {
		return o.lock, nil
	}
	c, err := app.Config()
	if err != nil {
		return "", err
	}
	uri := c.Neo4j.URI
	if c.UsesManaged() {
		uri = "managed:" + strconv.Itoa(c.Managed.BoltPort)
	}
	h := sha256.Sum256([]byte(uri + "|" + c.Neo4j.Database))
	return filepath.Join(filepath.Dir(refresh.DefaultLockPath()), "refresh-"+hex.EncodeToString(h[:6])+".lock"), nil
}

// refreshOnce connects, runs one refresh and closes; the knowledge base
// and the extractor are built once per process.
func (app *App) refreshOnce(o *refreshOptions) func(ctx context.Context) (*refresh.Summary, error) {
	return func(ctx context.Context) (*refresh.Summary, error) {
		c, err := app.Config()
		if err != nil {
			return nil, err
		}
		o.once.Do(func() {
			o.kb, o.kbErr = app.KB()
			if o.kbErr == nil {
				o.extractor = extract.New(o.kb, extract.Options{MaxBytes: int(c.Extract.MaxBytes)})
			}
		})
		if o.kbErr != nil {
			return nil, o.kbErr
		}
		srcs, err := o.sourceList(c.Extract.MaxBytes)
		if err != nil {
			return nil, err
		}
		conn, err := app.Connect(ctx)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", refresh.ErrInfrastructure, err)
		}
		defer conn.Close(context.WithoutCancel(ctx))
		opts := refresh.Options{Sources: srcs, KB: o.kb, Extractor: o.extractor, MaxBytes: c.Extract.MaxBytes,
			Workers: o.workers, Batch: o.batch, BatchSize: c.Neo4j.BatchSize, Force: o.force, Hooks: app.refreshHooks(conn),
			Log: app.log, Backlog: &o.backlog}
		// hidden test hook: sleep after N written articles so that a test
		// can kill the process in the middle of a load
		if n, err := strconv.Atoi(app.Getenv("EVENTGRAPH_TEST_PAUSE_AFTER_ARTICLES")); err == nil && n > 0 {
			opts.PauseAfter, opts.PauseFor = n, 10*time.Minute
		}
		sum, err := refresh.New(conn.Driver, conn.Database, opts).Run(ctx)
		if err != nil || len(o.gdelt) == 0 {
			return sum, err
		}
		w := &gdelt.Writer{Driver: conn.Driver, Database: conn.Database, BatchSize: c.Neo4j.BatchSize, KB: o.kb}
		g := &refresh.GDELTSummary{}
		for _, u := range o.gdelt {
			gs, gerr := refresh.IngestUpdateList(ctx, conn.Driver, conn.Database, u, o.fetcher, w, gdelt.Options{KB: o.kb})
			g.Files, g.Skipped, g.Events, g.RowsBad = g.Files+gs.Files, g.Skipped+gs.Skipped, g.Events+gs.Events, g.RowsBad+gs.RowsBad
			g.Failures = append(g.Failures, gs.Failures...)
			if gerr != nil {
				g.Failures = append(g.Failures, gerr.Error())
			}
		}
		sum.GDELT = g
		if len(g.Failures) > 0 && sum.Status == "ok" {
			sum.Status = "partial"
			sum.Failed += len(g.Failures)
		}
		return sum, nil
	}
}

func (app *App) printRefresh(s *refresh.Summary, format string) error {
	if format == "json" {
		enc := json.NewEncoder(app.Out)
		return enc.Encode(s)
	}
	fmt.Fprintf(app.Out, "refresh %s: %d new, %d changed, %d unchanged, %d failed (%d skipped as failed before, %d duplicates); events +%d -%d; %.1fs\n",
		s.Status, s.New, s.Changed, s.Unchanged, s.Failed, s.SkippedFailed, s.Duplicates, s.EventsAdded, s.EventsRemoved, s.Seconds)
	for _, f := range s.Failures {
		fmt.Fprintf(app.Out, "  failed: %s: %s\n", f.Source, f.Reason)
	}
	if g := s.GDELT; g != nil {
		fmt.Fprintf(app.Out, "GDELT: %d export files ingested (%d already seen), %d events, %d rows failed\n", g.Files, g.Skipped, g.Events, g.RowsBad)
		for _, f := range g.Failures {
			fmt.Fprintf(app.Out, "  failed: %s\n", f)
		}
	}
	return nil
}

func (app *App) refreshCmd() *cobra.Command {
	o := &refreshOptions{}
	cmd := &cobra.Command{
		Use:   "refresh [--source DIR]... [--feed URL]... [--format text|json]",
		Short: "One incremental pass: write new and changed articles, skip unchanged ones (docs/refresh.md)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.format != "text" && o.format != "json" {
				return usageError{fmt.Errorf("--format %q: want text or json", o.format)}
			}
			if _, err := app.Config(); err != nil {
				return err
			}
			if _, err := o.sourceList(0); err != nil {
				return err
			}
			path, err := app.lockPath(o)
			if err != nil {
				return err
			}
			lock, err := refresh.TryLock(path)
			if err != nil {
				return err
			}
			defer lock.Unlock()
			s, err := app.refreshOnce(o)(cmd.Context())
			if s != nil {
				if perr := app.printRefresh(s, o.format); perr != nil {
					return perr
				}
			}
			if err != nil {
				return err
			}
			if s.Failed > 0 {
				return fmt.Errorf("%w: %d inputs failed", errPartial, s.Failed)
			}
			return nil
		},
	}
	app.addRefreshFlags(cmd, o)
	cmd.Flags().StringVar(&o.format, "format", "text", "summary format: text or json")
	return cmd
}
