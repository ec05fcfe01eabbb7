package gdelt

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jlocal"
	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/loader/sink"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

var (
	ownMu  sync.Mutex
	ownSrv *neo4jlocal.Server
	ownErr error
)

func TestMain(m *testing.M) {
	code := neo4jtest.Main(m)
	ownMu.Lock()
	if ownSrv != nil {
		_ = ownSrv.Stop(context.Background(), 60*time.Second)
		_ = os.RemoveAll(ownSrv.Dir)
	}
	ownMu.Unlock()
	os.Exit(code)
}

// testNeo4j returns the shared test database and its server's import
// folder. Under scripts/test.sh that is the server it started
// (EVENTGRAPH_TEST_NEO4J_DIR); otherwise this package starts its own
// disposable server (so that it knows the import folder) and points
// neo4jtest at it.
func testNeo4j(t *testing.T) (neo4j.DriverWithContext, string) {
	t.Helper()
	ownMu.Lock()
	if os.Getenv("EVENTGRAPH_TEST_NEO4J_URI") == "" && ownSrv == nil && ownErr == nil {
		ownErr = startOwn()
	}
	err := ownErr
	ownMu.Unlock()
	if err != nil {
		t.Fatalf("integration test needs Neo4j and it cannot be had: %v", err)
	}
	d := neo4jtest.Driver(t)
	dir := os.Getenv("EVENTGRAPH_TEST_NEO4J_DIR")
	if dir == "" {
		t.Fatal("EVENTGRAPH_TEST_NEO4J_URI is set but EVENTGRAPH_TEST_NEO4J_DIR is not: the import folder is unknown")
	}
	return d, filepath.Join(dir, "import")
}

func startOwn() error {
	dir, err := os.MkdirTemp("", "eventgraph-gdelt-neo4j-")
	if err != nil {
		return err
	}
	srv, err := neo4jtest.NewServer(dir)
	if err != nil {
		return err
	}
	if _, err := srv.Start(context.Background()); err != nil {
		os.RemoveAll(dir)
		return err
	}
	ownSrv = srv
	pw, err := srv.Password()
	if err != nil {
		return err
	}
	os.Setenv("EVENTGRAPH_TEST_NEO4J_URI", srv.URI())
	os.Setenv("EVENTGRAPH_TEST_NEO4J_PASSWORD", pw)
	os.Setenv("EVENTGRAPH_TEST_NEO4J_DIR", dir)
	return nil
}

func value(t *testing.T, d neo4j.DriverWithContext, q string, params map[string]any) any {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d, q, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) == 0 {
		return nil
	}
	return res.Records[0].Values[0]
}

func TestIngestExportTwiceIsIdempotent(t *testing.T) {
	d, _ := testNeo4j(t)
	ctx := context.Background()
	k := testKB(t)
	path := sharedData(t, "gdelt", export2)
	w := &Writer{Driver: d, Database: "neo4j", KB: k, BatchSize: 500}
	ingest := func() (Stats, sink.Counts) {
		f, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		st, err := Ingest(ctx, w, f, export2, Options{All: true, KB: k}, 1000)
		if err != nil {
			t.Fatal(err)
		}
		c, err := sink.Count(ctx, d, "neo4j")
		if err != nil {
			t.Fatal(err)
		}
		return st, c
	}
	st1, c1 := ingest()
	st2, c2 := ingest()
	if st1.Accepted != 2414 || st2.Accepted != st1.Accepted {
		t.Fatalf("accepted %d then %d", st1.Accepted, st2.Accepted)
	}
	if c1.Nodes != c2.Nodes || c1.Relationships != c2.Relationships {
		t.Fatalf("second load changed the graph: %+v then %+v", c1, c2)
	}
	for l, n := range c1.ByLabel {
		if c2.ByLabel[l] != n {
			t.Errorf("label %s: %d then %d", l, n, c2.ByLabel[l])
		}
	}
	for ty, n := range c1.ByType {
		if c2.ByType[ty] != n {
			t.Errorf("type %s: %d then %d", ty, n, c2.ByType[ty])
		}
	}
	if c1.ByLabel["Event"] != int64(st1.Accepted) {
		t.Fatalf("%d Event nodes for %d accepted rows", c1.ByLabel["Event"], st1.Accepted)
	}
	if c1.ByType["PARTICIPATED_IN"] == 0 || c1.ByType["HELD_IN"] == 0 || c1.ByType["IN"] == 0 {
		t.Fatalf("relationships missing: %+v", c1.ByType)
	}
	if n := value(t, d, "MATCH (e:Event) WHERE e.gdelt_new IS NOT NULL RETURN count(e)", nil).(int64); n != 0 {
		t.Fatalf("%d events kept the novelty flag", n)
	}
	// Row 2: police in Melbourne; ActionGeo Brunswick West (a world city).
	q := `MATCH (e:Event {key: 'gdelt:719024876'})
	      OPTIONAL MATCH (e)-[:HELD_IN]->(p:Place)-[:IN]->(c:Country)
	      RETURN e.source, e.cameo, e.category, e.date, e.goldstein, e.url, p.key, p.name, c.key, e.country, e.lat`
	res, err := neo4j.ExecuteQuery(ctx, d, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j"))
	if err != nil || len(res.Records) != 1 {
		t.Fatalf("%v %v", err, res)
	}
	v := res.Records[0].Values
	if v[0] != "gdelt" || v[1] != "130" || v[2] != "other" || v[3] != "2017-12-02" || v[4] != -4.4 ||
		v[6] != "place:gdelt:-1562136" || v[7] != "Brunswick West" || v[8] != "country:aus" || v[9] != "AUS" || v[10] != -37.7833 {
		t.Fatalf("event 719024876: %v", v)
	}
	// A consultation between two countries, with sides.
	n := value(t, d, `MATCH (a:Country)-[r1:PARTICIPATED_IN {side: 1}]->(e:Event {category: 'meeting'})<-[r2:PARTICIPATED_IN {side: 2}]-(b:Country)
	                  WHERE a <> b RETURN count(e)`, nil).(int64)
	if n == 0 {
		t.Fatal("no meeting between two countries")
	}
	// Merkel and Obama resolved to people.
	n = value(t, d, `MATCH (p:Person)-[:PARTICIPATED_IN]->(:Event) WHERE p.key IN ['person:angela-merkel', 'person:barack-obama'] RETURN count(*)`, nil).(int64)
	if n != 3 {
		t.Fatalf("%d person participations, want 3", n)
	}
	// Unmapped actors keep their GDELT code and name on the event.
	if v := value(t, d, "MATCH (e:Event {key: 'gdelt:719024876'}) RETURN e.actor1_code + '/' + e.actor1_name", nil); v != "COP/POLICE" {
		t.Fatalf("actor1 of 719024876: %v", v)
	}
}

func TestWriterKeepsExistingKBNodesAndMergesRelationships(t *testing.T) {
	d, _ := testNeo4j(t)
	ctx := context.Background()
	k := testKB(t)
	// Reference data first, as the extract pipeline writes it.
	if _, err := neo4j.ExecuteQuery(ctx, d, "CREATE (:Country:Actor {key: 'country:rus', name: 'Russia', iso3: 'RUS', sources: ['kb']})", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j")); err != nil {
		t.Fatal(err)
	}
	_, rows := readFile(t, sharedData(t, "gdelt", "gdelt1_daily_sample_20160728.events.tsv"), Options{All: true, KB: k})
	w := &Writer{Driver: d, Database: "neo4j", KB: k, BatchSize: 50, Workers: 3}
	// Half, then all (the first half's events now exist: MERGE path), then all again.
	for _, part := range [][]Row{rows[:len(rows)/2], rows, rows} {
		if err := w.Write(ctx, part); err != nil {
			t.Fatal(err)
		}
	}
	if v := value(t, d, "MATCH (c:Country {key: 'country:rus'}) RETURN c.name + '|' + c.sources[0]", nil); v != "Russia|kb" {
		t.Fatalf("existing country changed: %v", v)
	}
	if v := value(t, d, "MATCH (c:Country {key: 'country:rus'}) RETURN count(c)", nil).(int64); v != 1 {
		t.Fatal("duplicate country")
	}
	dup := value(t, d, `MATCH (a)-[r:PARTICIPATED_IN]->(e) WITH a, e, r.side AS s, count(*) AS n WHERE n > 1 RETURN count(*)`, nil).(int64)
	dupH := value(t, d, `MATCH (e)-[r:HELD_IN]->(p) WITH e, p, count(*) AS n WHERE n > 1 RETURN count(*)`, nil).(int64)
	if dup != 0 || dupH != 0 {
		t.Fatalf("duplicate relationships: %d PARTICIPATED_IN, %d HELD_IN", dup, dupH)
	}
	if n := value(t, d, "MATCH (e:Event) RETURN count(e)", nil).(int64); n != int64(len(rows)) {
		t.Fatalf("%d events, want %d", n, len(rows))
	}
	if v := value(t, d, "MATCH (p:Person {key: 'person:vladimir-putin'})-[:PARTICIPATED_IN]->(e:Event) RETURN count(e)", nil); v.(int64) != 1 {
		t.Fatalf("Putin events: %v", v)
	}
	// A cancelled context stops the writer.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := w.Write(cctx, rows); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled write: %v", err)
	}
}

func TestBenchSmall(t *testing.T) {
	d, importDir := testNeo4j(t)
	res, err := Bench(context.Background(), d, "neo4j", importDir, BenchOptions{Rows: 2000, Seed: 7, BatchSize: 500, Wipe: true, NaiveRows: 300})
	if err != nil {
		t.Fatal(err)
	}
	if !res.CountsIdentical {
		t.Fatalf("methods disagree: %v", res.Mismatches)
	}
	for _, m := range []*MethodResult{res.Bulk, res.LoadCSV, res.Naive} {
		if m == nil || m.RowsPerSec <= 0 || m.Counts.ByLabel["Event"] != 2000 {
			t.Fatalf("method result %+v", m)
		}
	}
	if res.Naive.Rows != 300 || res.Naive.Note == "" || res.Neo4jVersion == "" || res.Rows != 2000 {
		t.Fatalf("%+v", res)
	}
	c := res.Bulk.Counts
	if c.ByType["PARTICIPATED_IN"] == 0 || c.ByType["HELD_IN"] == 0 || c.ByType["IN"] == 0 || c.ByLabel["Place"] == 0 {
		t.Fatalf("counts %+v", c)
	}
	t.Logf("bulk %.0f rows/s, load csv %.0f rows/s, naive %.0f rows/s (ratios %.2f, %.2f; timings are not asserted)",
		res.Bulk.RowsPerSec, res.LoadCSV.RowsPerSec, res.Naive.RowsPerSec, res.RatioVsLoadCSV, res.RatioVsNaive)
	// Bench refuses a database with data unless told to wipe it.
	if _, err := neo4j.ExecuteQuery(context.Background(), d, "CREATE (:Keep)", nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j")); err != nil {
		t.Fatal(err)
	}
	if _, err := Bench(context.Background(), d, "neo4j", importDir, BenchOptions{Rows: 10}); err == nil {
		t.Fatal("Bench ran on a non-empty database")
	}
}

func TestBenchOnGDELTRows(t *testing.T) {
	d, importDir := testNeo4j(t)
	k := testKB(t)
	_, rows := readFile(t, sharedData(t, "gdelt", export2), Options{All: true, KB: k})
	res, err := Bench(context.Background(), d, "neo4j", importDir, BenchOptions{Input: rows, KB: k, Wipe: true, NaiveRows: 300, WarmupRows: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !res.CountsIdentical || res.Source != "input" || res.Rows != 2414 {
		t.Fatalf("%+v", res)
	}
	if res.Bulk.Counts.ByLabel["Event"] != 2414 || res.Bulk.Counts.ByLabel["Person"] != 2 {
		t.Fatalf("counts %+v", res.Bulk.Counts)
	}
}
