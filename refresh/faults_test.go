package refresh_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/internal/testutil"
	"github.com/eventgraph/eventgraph/refresh"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func runRecord(t *testing.T, d neo4j.DriverWithContext, key string) map[string]any {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d, "MATCH (r:RefreshRun {key: $k}) RETURN r", map[string]any{"k": key}, neo4j.EagerResultTransformer)
	if err != nil || len(res.Records) != 1 {
		t.Fatalf("RefreshRun %s: %v (%d records)", key, err, len(res.Records))
	}
	n, _ := res.Records[0].Get("r")
	return n.(neo4j.Node).Props
}

// A malformed article and a malformed feed: recorded as failed with the
// reason (summary and RefreshRun), skipped on later runs until they
// change, and the rest proceeds.
func TestMalformedArticleAndFeed(t *testing.T) {
	d := neo4jtest.Driver(t)
	dir := t.TempDir()
	arts := corpus(t, filepath.Join(testutil.RepoRoot(), "examples"), "")[:3]
	writeDir(t, dir, arts)
	bad := filepath.Join(dir, "broken.txt")
	if err := os.WriteFile(bad, []byte("Xi met Putin\x00\x00\x01\x02 in Beijing\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	fs := newFeedServer(t)
	fs.broken = true
	srcs := []refresh.Source{&refresh.Dir{Path: dir}, &refresh.Feed{URL: fs.URL + "/rss.xml", Fetcher: fastFetcher()}}

	s := runRefresh(t, d, refresh.Options{Sources: srcs})
	if s.New != 3 || s.Failed != 2 || s.Status != "partial" {
		t.Fatalf("first pass: %+v", s)
	}
	reasons := map[string]string{}
	for _, f := range s.Failures {
		reasons[f.Source] = f.Reason
		if !f.Permanent {
			t.Errorf("%s: a malformed input is a permanent failure", f.Source)
		}
	}
	if r := reasons[bad]; !strings.Contains(r, "binary") && !strings.Contains(r, "NUL") {
		t.Errorf("reason for the binary file: %q", r)
	}
	if r := reasons[fs.URL+"/rss.xml"]; !strings.Contains(r, "malformed feed") {
		t.Errorf("reason for the truncated feed: %q", r)
	}
	rec := runRecord(t, d, s.Run)
	if rec["status"] != "partial" || rec["failed"] != int64(2) || rec["new"] != int64(3) {
		t.Errorf("RefreshRun: %v", rec)
	}
	if fl, _ := rec["failures"].([]any); len(fl) != 2 || !strings.Contains(fl[0].(string)+fl[1].(string), "malformed feed") {
		t.Errorf("RefreshRun failures: %v", rec["failures"])
	}

	// later runs skip both until they change
	s = runRefresh(t, d, refresh.Options{Sources: srcs})
	if s.Failed != 0 || s.SkippedFailed != 2 || s.Unchanged != 3 || s.Status != "ok" {
		t.Fatalf("second pass: %+v", s)
	}
	// touching the bad file without changing it: read, same hash, still skipped
	later := time.Now().Add(time.Minute)
	_ = os.Chtimes(bad, later, later)
	s = runRefresh(t, d, refresh.Options{Sources: srcs})
	if s.Failed != 0 || s.SkippedFailed != 2 {
		t.Fatalf("touched bad file: %+v", s)
	}
	// once repaired, both are processed
	if err := os.WriteFile(bad, []byte("Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on 16 May 2024.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	fs.mu.Lock()
	fs.broken = false
	fs.mu.Unlock()
	s = runRefresh(t, d, refresh.Options{Sources: srcs})
	if s.Failed != 0 || s.New != 2 {
		t.Fatalf("after repair: %+v", s)
	}
}

// A source that answers slowly or not at all is bounded by the fetch
// timeout; the other sources proceed, and a daemon keeps its schedule.
func TestSlowSourceIsBounded(t *testing.T) {
	d := neo4jtest.Driver(t)
	fs := newFeedServer(t)
	fs.sleep = time.Hour // pages never answer
	dir := t.TempDir()
	writeDir(t, dir, corpus(t, filepath.Join(testutil.RepoRoot(), "examples"), "")[:2])
	f := &refresh.Fetcher{Timeout: 300 * time.Millisecond, PerHost: 1000, Burst: 10}
	srcs := append(feedSources(fs, f), &refresh.Dir{Path: dir})
	start := time.Now()
	s := runRefresh(t, d, refresh.Options{Sources: srcs})
	took := time.Since(start)
	if s.New != 2 || s.Failed != 2 {
		t.Fatalf("slow pages: %+v", s)
	}
	for _, fl := range s.Failures {
		if !strings.Contains(fl.Reason, "no answer within 300ms") || fl.Permanent {
			t.Errorf("failure %+v: want a transient timeout", fl)
		}
	}
	if took > time.Minute {
		t.Errorf("a run with hanging pages took %s", took)
	}
	// transient failures are retried: the next run fetches the pages again
	pages := fs.pageCount()
	fs.mu.Lock()
	fs.sleep = 0
	fs.mu.Unlock()
	s = runRefresh(t, d, refresh.Options{Sources: srcs})
	if s.New != 2 || s.Failed != 0 || fs.pageCount() != pages+2 {
		t.Fatalf("after the source recovers: %+v", s)
	}

	// a daemon whose source hangs keeps ticking: runs end by the fetch
	// timeout and the next ticks run
	fs.mu.Lock()
	fs.sleep = time.Hour
	fs.mu.Unlock()
	hang := &refresh.Feed{URL: fs.URL + "/rss.xml", Fetcher: &refresh.Fetcher{Timeout: 200 * time.Millisecond, PerHost: 1000, Burst: 10}}
	fs.mu.Lock()
	fs.rss = rssFeed(fs.URL, "Fri, 17 May 2024 09:30:00 +0000") // the item looks updated: its page is fetched again
	fs.mu.Unlock()
	r := newRefresher(t, d, refresh.Options{Sources: []refresh.Source{hang}})
	runs := make(chan *refresh.Summary, 10)
	dm := &refresh.Daemon{Schedule: "@every 1s", RunAtStart: true, LockPath: filepath.Join(t.TempDir(), "lock"),
		Run: func(ctx context.Context) (*refresh.Summary, error) {
			s, err := r.Run(ctx)
			runs <- s
			return s, err
		}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- dm.Serve(ctx) }()
	for i := 0; i < 3; i++ {
		select {
		case s := <-runs:
			if s.Failed != 1 {
				t.Errorf("tick %d: %+v", i, s)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("the daemon did not tick %d times", i+1)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// Neo4j stopped during a refresh: the run fails with a clear error; the
// daemon retries with bounded back-off and records the failures; once
// Neo4j is back the next run catches up and the graph equals a clean load.
func TestNeo4jStoppedDuringRefresh(t *testing.T) {
	main := neo4jtest.Driver(t) // the shared server, for the clean load to compare with
	srv, err := neo4jtest.NewServer(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := srv.Start(ctx); err != nil {
		t.Fatalf("start a Neo4j of our own: %v", err)
	}
	defer srv.Stop(context.Background(), 60*time.Second)
	pw, err := srv.Password()
	if err != nil {
		t.Fatal(err)
	}
	d, err := neo4j.NewDriverWithContext(srv.URI(), neo4j.BasicAuth("neo4j", pw, ""), func(c *neo4j.Config) {
		c.MaxTransactionRetryTime = 2 * time.Second
		c.SocketConnectTimeout = 2 * time.Second
		c.ConnectionAcquisitionTimeout = 5 * time.Second
	})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	neo4jtest.Mark()

	dir := t.TempDir()
	arts := append(corpus(t, filepath.Join(testutil.RepoRoot(), "examples"), "ex_"), corpus(t, testutil.Shared(t, "corpus", "seeds"), "seed_")...)
	writeDir(t, dir, arts)
	src := []refresh.Source{&refresh.Dir{Path: dir}}

	// the server stops right after the second article is committed
	stopped := false
	r := newRefresher(t, d, refresh.Options{Sources: src, OnWritten: func(n int) {
		if n == 2 && !stopped {
			stopped = true
			if err := srv.Stop(context.Background(), 60*time.Second); err != nil {
				t.Errorf("stop Neo4j: %v", err)
			}
		}
	}})
	s, err := r.Run(ctx)
	if err == nil || !errors.Is(err, refresh.ErrInfrastructure) {
		t.Fatalf("a refresh whose database stops must fail: %v %+v", err, s)
	}
	if s.Status != "failed" || s.New != 2 || !strings.Contains(s.Error, "refresh failed: write") || s.Failed != 0 {
		t.Errorf("summary: %+v", s)
	}
	t.Logf("run with Neo4j stopped: %s", s.Error)

	// the daemon retries with back-off while Neo4j is down, then catches up
	backlog := &refresh.Backlog{}
	var got []*refresh.Summary
	results := make(chan *refresh.Summary, 20)
	dm := &refresh.Daemon{Schedule: "@every 2s", RunAtStart: true, Retries: 2, Backoff: 200 * time.Millisecond,
		MaxBackoff: time.Second, LockPath: filepath.Join(t.TempDir(), "lock"), Listen: "127.0.0.1:0",
		Run: func(ctx context.Context) (*refresh.Summary, error) {
			s, err := newRefresher(t, d, refresh.Options{Sources: src, Backlog: backlog}).Run(ctx)
			results <- s
			return s, err
		}}
	addr := make(chan string, 1)
	dm.Ready = func(a string) { addr <- a }
	dctx, cancel := context.WithCancel(ctx)
	done := make(chan error)
	go func() { done <- dm.Serve(dctx) }()
	base := "http://" + <-addr
	// one scheduled run = 1 attempt + 2 retries, all failing
	for i := 0; i < 3; i++ {
		select {
		case s := <-results:
			got = append(got, s)
			if s.Status != "failed" {
				t.Fatalf("attempt %d with Neo4j down: %+v", i+1, s)
			}
		case <-time.After(2 * time.Minute):
			t.Fatal("no attempt")
		}
	}
	deadline := time.Now().Add(time.Minute)
	for !strings.Contains(httpGet(t, base+"/metrics"), "eventgraph_refresh_runs_total{status=\"failed\"} 1") {
		if time.Now().After(deadline) {
			t.Fatalf("metrics: %s", httpGet(t, base+"/metrics"))
		}
		time.Sleep(100 * time.Millisecond)
	}
	m := httpGet(t, base+"/metrics")
	if !strings.Contains(m, "eventgraph_refresh_retries_total 2") {
		t.Errorf("retries not bounded/counted:\n%s", m)
	}
	if _, err := srv.Start(ctx); err != nil {
		t.Fatal(err)
	}
	deadline = time.Now().Add(3 * time.Minute)
	for {
		select {
		case s := <-results:
			got = append(got, s)
			if s.Status == "ok" && s.New > 0 {
				goto caughtUp
			}
		case <-time.After(time.Until(deadline)):
			t.Fatalf("no successful run after Neo4j came back: %d runs", len(got))
		}
	}
caughtUp:
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	last := got[len(got)-1]
	if last.New != len(arts)-2 {
		t.Errorf("catch-up run wrote %d new articles, want %d", last.New, len(arts)-2)
	}
	// the failed attempts were recorded once Neo4j was back
	if n := count(t, d, "MATCH (r:RefreshRun {status:'failed'}) RETURN count(r) AS n"); n < 3 {
		t.Errorf("%d failed RefreshRuns recorded, want the failed attempts", n)
	}
	after := snap(t, d)
	cleanLoad(t, main, dir)
	if df := diff(after, snap(t, main)); df != "" {
		t.Fatalf("after Neo4j came back the graph differs from a clean load:\n%s", df)
	}
}
