// Package neo4jtest gives integration tests a real Neo4j: the one named by
// EVENTGRAPH_TEST_NEO4J_URI (started by scripts/test.sh), or else a
// disposable managed instance of its own (own data folder, free loopback
// port) that is stopped when the package's tests end. Tests fail, never
// skip, when Neo4j cannot be had.
package neo4jtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jlocal"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Version is the Neo4j version disposable instances run.
const Version = "5.26.30"

var (
	mu      sync.Mutex
	driver  neo4j.DriverWithContext
	server  *neo4jlocal.Server
	uri     string
	pw      string
	started error
	ran     atomic.Int64
)

// NewServer describes a disposable instance in dir on a free port, sharing
// the distribution cached under the user cache folder.
func NewServer(dir string) (*neo4jlocal.Server, error) {
	port, err := neo4jlocal.FreePort()
	if err != nil {
		return nil, err
	}
	base, err := os.UserCacheDir()
	if err != nil {
		return nil, err
	}
	return &neo4jlocal.Server{
		Version: Version, DistDir: filepath.Join(base, "eventgraph", "neo4j", "dist", Version),
		Dir: dir, BoltPort: port, Heap: "512m", Pagecache: "64m", StartTimeout: 180 * time.Second,
		Progress: os.Stderr,
	}, nil
}

func connect() error {
	if u := os.Getenv("EVENTGRAPH_TEST_NEO4J_URI"); u != "" {
		uri, pw = u, os.Getenv("EVENTGRAPH_TEST_NEO4J_PASSWORD")
	} else {
		dir, err := os.MkdirTemp("", "eventgraph-neo4jtest-")
		if err != nil {
			return err
		}
		srv, err := NewServer(dir)
		if err != nil {
			return err
		}
		server = srv
		if _, err := srv.Start(context.Background()); err != nil {
			return fmt.Errorf("start disposable Neo4j: %w", err)
		}
		uri = srv.URI()
		if pw, err = srv.Password(); err != nil {
			return err
		}
	}
	d, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth("neo4j", pw, ""))
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := d.VerifyConnectivity(ctx); err != nil {
		return fmt.Errorf("neo4j %s: %w", uri, err)
	}
	driver = d
	return nil
}

// Driver returns a driver to a real, empty Neo4j database ("neo4j"). It
// fails the test when Neo4j cannot be reached or started.
func Driver(t testing.TB) neo4j.DriverWithContext {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if driver == nil && started == nil {
		started = connect()
		if started == nil {
			started = errOK
		}
	}
	if started != errOK {
		t.Fatalf("integration test needs Neo4j and it cannot be had: %v", started)
	}
	Reset(t, driver)
	ran.Add(1)
	return driver
}

var errOK = fmt.Errorf("ok")

// Mark counts a test that ran against a real server of its own.
func Mark() { ran.Add(1) }

// URI and Password of the server in use (after Driver was called).
func URI() string      { return uri }
func Password() string { return pw }

// Reset empties the database and drops the schema.
func Reset(t testing.TB, d neo4j.DriverWithContext) {
	t.Helper()
	ctx := context.Background()
	// CALL … IN TRANSACTIONS needs an implicit (auto-commit) transaction.
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: "neo4j"})
	r, err := sess.Run(ctx, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", nil)
	if err == nil {
		_, err = r.Consume(ctx)
	}
	sess.Close(ctx)
	if err != nil {
		t.Fatalf("reset database: %v", err)
	}
	res, err := neo4j.ExecuteQuery(ctx, d, "SHOW CONSTRAINTS YIELD name RETURN name", nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j"))
	if err != nil {
		t.Fatalf("reset database: %v", err)
	}
	for _, r := range res.Records {
		name, _ := r.Get("name")
		if _, err := neo4j.ExecuteQuery(ctx, d, fmt.Sprintf("DROP CONSTRAINT `%s` IF EXISTS", name), nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j")); err != nil {
			t.Fatalf("reset database: %v", err)
		}
	}
	res, err = neo4j.ExecuteQuery(ctx, d, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j"))
	if err != nil {
		t.Fatalf("reset database: %v", err)
	}
	for _, r := range res.Records {
		name, _ := r.Get("name")
		if _, err := neo4j.ExecuteQuery(ctx, d, fmt.Sprintf("DROP INDEX `%s` IF EXISTS", name), nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j")); err != nil {
			t.Fatalf("reset database: %v", err)
		}
	}
}

// Main runs a package's tests and stops a disposable server afterwards,
// also when tests fail. It prints how many integration tests used Neo4j.
func Main(m *testing.M) int {
	code := m.Run()
	mu.Lock()
	defer mu.Unlock()
	if n := ran.Load(); n > 0 {
		where := uri
		if where == "" {
			where = "servers of their own"
		}
		fmt.Printf("neo4jtest: %d integration tests ran against Neo4j %s\n", n, where)
	}
	if driver != nil {
		_ = driver.Close(context.Background())
	}
	if server != nil {
		_ = server.Stop(context.Background(), 60*time.Second)
		_ = os.RemoveAll(server.Dir)
	}
	return code
}
