package refresh_test

import (
	"bufio"
	"bytes"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/internal/cli"
	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/internal/testutil"
)

// SIGTERM to a serve in the middle of a load: the committed articles
// stay, nothing is half-written, the process exits 0, and the next
// refresh completes the graph of a clean load.
func TestServeGracefulShutdown(t *testing.T) {
	d := neo4jtest.Driver(t)
	dir := t.TempDir()
	writeDir(t, dir, corpus(t, filepath.Join(testutil.RepoRoot(), "examples"), ""))
	lock := filepath.Join(t.TempDir(), "lock")
	cmd := exec.Command(binary(t), "serve", "--schedule", "@every 1h", "--source", dir, "--lock", lock, "--listen", "")
	cmd.Env = cliEnv(neo4jtest.URI(), neo4jtest.Password(), "EVENTGRAPH_TEST_PAUSE_AFTER_ARTICLES=3")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var log bytes.Buffer
	sc := bufio.NewScanner(stderr)
	paused := false
	for sc.Scan() {
		log.WriteString(sc.Text() + "\n")
		if strings.Contains(sc.Text(), "test pause after 3 written articles") {
			paused = true
			break
		}
	}
	if !paused {
		t.Fatalf("serve never paused:\n%s", log.String())
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		for sc.Scan() {
			log.WriteString(sc.Text() + "\n")
		}
		done <- cmd.Wait()
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve after SIGTERM: %v\n%s", err, log.String())
		}
	case <-time.After(90 * time.Second):
		t.Fatalf("serve did not exit after SIGTERM:\n%s", log.String())
	}
	if !strings.Contains(log.String(), "serve: stopped") {
		t.Errorf("no orderly stop:\n%s", log.String())
	}
	if n := count(t, d, "MATCH (a:Article) RETURN count(a) AS n"); n != 3 {
		t.Fatalf("%d articles after SIGTERM during the pause, want the 3 committed", n)
	}
	if n := count(t, d, "MATCH (r:RefreshRun {status:'interrupted'}) RETURN count(r) AS n"); n != 1 {
		t.Errorf("the run stopped by SIGTERM should be recorded as interrupted (%d)", n)
	}
	s, code, errs := cliRefresh(t, lock, "--source", dir)
	if code != 0 || s.New != 5 || s.Unchanged != 3 {
		t.Fatalf("refresh after the shutdown: exit %d %+v\n%s", code, s, errs)
	}
	got := snap(t, d)
	neo4jtest.Reset(t, d)
	cleanLoad(t, d, dir)
	if df := diff(got, snap(t, d)); df != "" {
		t.Fatalf("differs from a clean load:\n%s", df)
	}
}

// Usage errors of the two commands, without a database.
func TestRefreshAndServeUsage(t *testing.T) {
	run := func(args ...string) (int, string) {
		var out, errb bytes.Buffer
		code := cli.MainEnv(args, strings.NewReader(""), &out, &errb, func(string) string { return "" })
		return code, out.String() + errb.String()
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"refresh"}, "no source"},
		{[]string{"refresh", "--source", "x", "--format", "xml"}, "want text or json"},
		{[]string{"serve", "--source", "x"}, "--schedule is required"},
		{[]string{"serve", "--source", "x", "--schedule", "every ten minutes"}, "schedule"},
		{[]string{"serve", "--source", "x", "--schedule", "@every 10m", "--listen", "0.0.0.0:9464"}, "not loopback"},
	} {
		code, out := run(c.args...)
		if code != cli.ExitUsage || !strings.Contains(out, c.want) {
			t.Errorf("%v: exit %d, %q (want %d and %q)", c.args, code, out, cli.ExitUsage, c.want)
		}
	}
}
