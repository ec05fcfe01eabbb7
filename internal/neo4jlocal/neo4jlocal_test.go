package neo4jlocal_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jlocal"
	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestMain(m *testing.M) { os.Exit(neo4jtest.Main(m)) }

func TestMissingMavenNamesToolAndWaysOut(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, err := neo4jlocal.Maven()
	if !errors.Is(err, neo4jlocal.ErrMissingTool) {
		t.Fatalf("want ErrMissingTool, got %v", err)
	}
	for _, want := range []string{"mvn", "install", "NEO4J_URI"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
}

func TestMissingJavaNamesToolAndWaysOut(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	t.Setenv("JAVA_HOME", t.TempDir())
	restore := neo4jlocal.SetExtraJavas(nil)
	defer restore()
	_, err := neo4jlocal.Java()
	if !errors.Is(err, neo4jlocal.ErrMissingTool) {
		t.Fatalf("want ErrMissingTool, got %v", err)
	}
	for _, want := range []string{"Java 17", "install", "NEO4J_URI"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
}

// TestLifecycle runs a real managed server of its own: start, no-op start,
// loopback-only config, authentication on, owner-only password, stop.
func TestLifecycle(t *testing.T) {
	neo4jtest.Mark()
	ctx := context.Background()
	dir := t.TempDir()
	srv, err := neo4jtest.NewServer(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop(ctx, 60*time.Second)
	st, err := srv.Start(ctx)
	if err != nil {
		t.Fatalf("start: %v", err)
	}
	if !st.Running || st.PID == 0 || st.Version != neo4jtest.Version || !strings.HasPrefix(st.URI, "bolt://127.0.0.1:") {
		t.Fatalf("bad status after start: %+v", st)
	}
	st2, err := srv.Start(ctx)
	if err != nil || st2.PID != st.PID {
		t.Fatalf("second start is not a no-op: %+v %v", st2, err)
	}
	conf, err := os.ReadFile(filepath.Join(dir, "conf", "neo4j.conf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"server.default_listen_address=127.0.0.1", "server.http.enabled=false", "dbms.security.auth_enabled=true"} {
		if !strings.Contains(string(conf), want) {
			t.Errorf("neo4j.conf lacks %q", want)
		}
	}
	fi, err := os.Stat(filepath.Join(dir, "auth", "password"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("password file mode %v, want 0600", fi.Mode().Perm())
	}
	// Authentication is on: a wrong password is refused, the right one works.
	bad, _ := neo4j.NewDriverWithContext(srv.URI(), neo4j.BasicAuth("neo4j", "wrong-password", ""))
	if err := bad.VerifyConnectivity(ctx); err == nil {
		t.Error("wrong password accepted")
	}
	bad.Close(ctx)
	pw, _ := srv.Password()
	good, _ := neo4j.NewDriverWithContext(srv.URI(), neo4j.BasicAuth("neo4j", pw, ""))
	res, err := neo4j.ExecuteQuery(ctx, good, "CALL dbms.components() YIELD versions RETURN versions[0] AS v", nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := res.Records[0].Get("v")
	if v != neo4jtest.Version {
		t.Errorf("server reports version %v", v)
	}
	good.Close(ctx)
	if err := srv.Stop(ctx, 60*time.Second); err != nil {
		t.Fatal(err)
	}
	if st := srv.Status(ctx); st.Running || st.PID != 0 {
		t.Fatalf("still running after stop: %+v", st)
	}
	// A stale pid file (pid of an unrelated process) is not mistaken for the server.
	if err := os.WriteFile(filepath.Join(dir, "run", "eventgraph-neo4j.pid"), []byte("1\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if st := srv.Status(ctx); st.Running || st.PID != 0 {
		t.Fatalf("stale pid file taken for a running server: %+v", st)
	}
}
