package refresh_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/internal/testutil"
	"github.com/eventgraph/eventgraph/refresh"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds eventgraph once for the subprocess tests.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "eventgraph-refresh-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "eventgraph")
		cmd := exec.Command("go", "build", "-o", binPath, "./cmd/eventgraph")
		cmd.Dir = testutil.RepoRoot()
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

func cliEnv(uri, pw string, extra ...string) []string {
	env := append(os.Environ(), "NEO4J_URI="+uri, "NEO4J_PASSWORD="+pw, "NEO4J_USERNAME=neo4j",
		"EVENTGRAPH_CONFIG="+filepath.Join(testutil.RepoRoot(), "config.yaml"))
	return append(env, extra...)
}

// cliRefresh runs `eventgraph refresh --format json` and decodes its summary.
func cliRefresh(t *testing.T, lock string, args ...string) (*refresh.Summary, int, string) {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"refresh", "-q", "--format", "json", "--lock", lock}, args...)...)
	cmd.Env = cliEnv(neo4jtest.URI(), neo4jtest.Password())
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	var s refresh.Summary
	if len(out) > 0 {
		if err := json.Unmarshal(out, &s); err != nil {
			t.Fatalf("refresh output %q: %v (stderr %s)", out, err, stderr.String())
		}
	}
	return &s, code, stderr.String()
}

func seedArticles(t *testing.T) map[string]article {
	out := map[string]article{}
	for _, a := range corpus(t, testutil.Shared(t, "corpus", "seeds"), "") {
		out[a.name] = a
	}
	return out
}

func pick(all map[string]article, prefixes ...string) []article {
	var out []article
	for _, p := range prefixes {
		for name, a := range all {
			if strings.HasPrefix(name, p) {
				out = append(out, a)
			}
		}
	}
	return out
}

// graphCounts: node and relationship counts of the event graph (the
// refresh bookkeeping — one RefreshRun per run — left out).
func graphCounts(t *testing.T, d neo4j.DriverWithContext) (int64, int64) {
	s := snap(t, d)
	var n, r int64
	res, err := neo4j.ExecuteQuery(context.Background(), d,
		"MATCH (x) WHERE NOT x:RefreshRun AND NOT x:RefreshSource AND NOT x:RefreshMeta AND NOT x:AnalysisRun RETURN count(x) AS n", nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := res.Records[0].Get("n")
	n = v.(int64)
	for _, c := range s.Types {
		r += c
	}
	return n, r
}

const xiPutin16May = `MATCH (:Person {name:'Xi Jinping'})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(:Person {name:'Vladimir Putin'})
	WHERE e.date = '2024-05-16' RETURN count(DISTINCT e) AS n`

// The "must show": three seeds refreshed twice (second: new 0,
// same counts); two more added under a running serve that is SIGKILLed
// in the middle of writing them; two further refreshes complete the work
// with identical counts, one 2024-05-16 Xi–Putin event, and the graph of
// a clean load.
func TestServeKilledMidLoadThenRefreshCompletes(t *testing.T) {
	d := neo4jtest.Driver(t)
	seeds := seedArticles(t)
	dir := t.TempDir()
	lock := filepath.Join(t.TempDir(), "refresh.lock")
	writeDir(t, dir, pick(seeds, "000_", "001_", "002_"))

	s1, code, errs := cliRefresh(t, lock, "--source", dir)
	if code != 0 || s1.New != 3 {
		t.Fatalf("first refresh: exit %d, %+v\n%s", code, s1, errs)
	}
	n1, r1 := graphCounts(t, d)
	s2, code, errs := cliRefresh(t, lock, "--source", dir)
	if code != 0 || s2.New != 0 || s2.Changed != 0 || s2.Unchanged != 3 {
		t.Fatalf("second refresh: exit %d, %+v\n%s", code, s2, errs)
	}
	if n2, r2 := graphCounts(t, d); n1 != n2 || r1 != r2 {
		t.Fatalf("second refresh changed counts: %d/%d -> %d/%d", n1, r1, n2, r2)
	}
	t.Logf("three seeds: %d nodes, %d relationships; second refresh: new 0, unchanged 3, same counts", n1, r1)

	// serve, pausing after its first written article
	cmd := exec.Command(binary(t), "serve", "--schedule", "@every 1s", "--source", dir, "--lock", lock,
		"--listen", "127.0.0.1:0", "--retries", "0")
	cmd.Env = cliEnv(neo4jtest.URI(), neo4jtest.Password(), "EVENTGRAPH_TEST_PAUSE_AFTER_ARTICLES=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	var addr string
	var log []string
	wait := func(what string, match func(string) bool) {
		t.Helper()
		timeout := time.After(2 * time.Minute)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("serve ended while waiting for %s:\n%s", what, strings.Join(log, "\n"))
				}
				log = append(log, l)
				if match(l) {
					return
				}
			case <-timeout:
				t.Fatalf("no %s within 2 minutes:\n%s", what, strings.Join(log, "\n"))
			}
		}
	}
	wait("health address", func(l string) bool {
		if i := strings.Index(l, "http://"); i >= 0 && strings.Contains(l, "/healthz") {
			addr = strings.TrimSpace(l[i+len("http://"):])
			return true
		}
		return false
	})
	wait("a first (empty) run", func(l string) bool { return strings.Contains(l, "refresh done") })
	// health and metrics answer
	hb := httpGet(t, "http://"+addr+"/healthz")
	if !strings.Contains(hb, `"last_status":"ok"`) {
		t.Errorf("/healthz: %s", hb)
	}
	mb := httpGet(t, "http://"+addr+"/metrics")
	for _, m := range []string{"eventgraph_refresh_runs_total{status=\"ok\"}", "eventgraph_refresh_duration_seconds_bucket",
		"eventgraph_refresh_last_success_timestamp_seconds", "eventgraph_refresh_articles_total{outcome=\"unchanged\"} 3"} {
		if !strings.Contains(mb, m) {
			t.Errorf("/metrics lacks %s", m)
		}
	}

	// two more articles arrive; the daemon is killed right after writing the first
	all := pick(seeds, "000_", "001_", "002_", "003_", "004_")
	writeDir(t, dir, all)
	wait("the test pause", func(l string) bool { return strings.Contains(l, "test pause after 1 written articles") })
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if n := count(t, d, "MATCH (a:Article) RETURN count(a) AS n"); n != 4 {
		t.Fatalf("killed mid-load: %d articles in the graph, want 4 (3 + the one committed)", n)
	}
	if n := count(t, d, "MATCH (r:RefreshRun {status:'running'}) RETURN count(r) AS n"); n != 1 {
		t.Errorf("the killed run should be left 'running' until the next run: %d", n)
	}

	// the kernel released the flock: the next refreshes run and complete the work
	s3, code, errs := cliRefresh(t, lock, "--source", dir)
	if code != 0 || s3.New != 1 || s3.Unchanged != 4 {
		t.Fatalf("refresh after the kill: exit %d, %+v\n%s", code, s3, errs)
	}
	n3, r3 := graphCounts(t, d)
	s4, code, errs := cliRefresh(t, lock, "--source", dir)
	if code != 0 || s4.New != 0 || s4.Unchanged != 5 {
		t.Fatalf("second refresh after the kill: exit %d, %+v\n%s", code, s4, errs)
	}
	n4, r4 := graphCounts(t, d)
	if n3 != n4 || r3 != r4 {
		t.Fatalf("counts changed between the two refreshes: %d/%d -> %d/%d", n3, r3, n4, r4)
	}
	if n := count(t, d, xiPutin16May); n != 1 {
		t.Fatalf("%d Xi–Putin events dated 2024-05-16, want exactly 1", n)
	}
	if n := count(t, d, "MATCH (r:RefreshRun {status:'interrupted'}) RETURN count(r) AS n"); n != 1 {
		t.Errorf("the killed run is not marked interrupted (%d)", n)
	}
	got := snap(t, d)
	neo4jtest.Reset(t, d)
	cleanLoad(t, d, dir)
	if df := diff(got, snap(t, d)); df != "" {
		t.Fatalf("after the kill and two refreshes the graph differs from a clean load:\n%s", df)
	}
	t.Logf("after SIGKILL mid-load: refresh new 1, then new 0; %d nodes, %d relationships both times; one 2024-05-16 Xi–Putin event; equal to a clean load", n4, r4)
}

func httpGet(t *testing.T, u string) string {
	t.Helper()
	c := &http.Client{Timeout: 10 * time.Second}
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
