package gdelt

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jlocal"
	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/loader/sink"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestImportCSVFiles(t *testing.T) {
	k := testKB(t)
	_, rows := readFile(t, sharedData(t, "gdelt", export2), Options{All: true, KB: k})
	dir := t.TempDir()
	x, err := NewImportCSV(dir, k)
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		if err := x.Add(&rows[i]); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.Add(&rows[0]); err != nil { // a repeated event is dropped
		t.Fatal(err)
	}
	c, err := x.Close()
	if err != nil {
		t.Fatal(err)
	}
	p := prepare(rows, k).stats
	if c.Events != 2414 || c.Duplicates != 1 || c.Actors != p.Actors || c.Places != p.Places || c.Participations != p.Parts {
		t.Fatalf("import counts %+v, writer would send %+v", c, p)
	}
	for name, header := range importHeaders {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(recs[0]) != len(header) {
			t.Fatalf("%s: header %v", name, recs[0])
		}
		want := map[string]int{"events.csv": c.Events, "participated_in.csv": c.Participations, "held_in.csv": c.HeldIn,
			"actors.csv": c.Actors, "places.csv": c.Places, "in.csv": c.In}[name]
		if len(recs)-1 != want {
			t.Errorf("%s: %d rows, want %d", name, len(recs)-1, want)
		}
	}
}

// TestAdminImportMatchesWriter loads the same rows with neo4j-admin
// database import (into a fresh instance) and with the Writer (into the
// test database) and compares the graphs; then the Writer, run on the
// imported database, changes nothing.
func TestAdminImportMatchesWriter(t *testing.T) {
	d, _ := testNeo4j(t)
	ctx := context.Background()
	k := testKB(t)
	_, rows := readFile(t, sharedData(t, "gdelt", export2), Options{All: true, KB: k})

	w := &Writer{Driver: d, Database: "neo4j", KB: k}
	if err := w.Write(ctx, rows); err != nil {
		t.Fatal(err)
	}
	want, err := sink.Count(ctx, d, "neo4j")
	if err != nil {
		t.Fatal(err)
	}
	wantSum, err := checksum(ctx, d, "neo4j")
	if err != nil {
		t.Fatal(err)
	}

	csvDir := t.TempDir()
	x, err := NewImportCSV(csvDir, k)
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		x.Add(&rows[i])
	}
	if _, err := x.Close(); err != nil {
		t.Fatal(err)
	}
	inst, err := os.MkdirTemp("", "eventgraph-gdelt-import-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(inst)
	srv, err := neo4jtest.NewServer(inst)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Install(ctx); err != nil {
		t.Fatal(err)
	}
	java, err := neo4jlocal.Java()
	if err != nil {
		t.Fatal(err)
	}
	args := append([]string{"-cp", filepath.Join(srv.DistDir, "lib", "*"), "org.neo4j.cli.AdminTool"}, x.AdminArgs("neo4j")...)
	cmd := exec.CommandContext(ctx, java, args...)
	cmd.Dir = inst
	cmd.Env = append(os.Environ(), "NEO4J_HOME="+inst, "NEO4J_CONF="+filepath.Join(inst, "conf"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("neo4j-admin database import: %v\n%s", err, out)
	}
	if _, err := srv.Start(ctx); err != nil {
		t.Fatal(err)
	}
	defer srv.Stop(context.Background(), 60*time.Second)
	neo4jtest.Mark()
	pw, err := srv.Password()
	if err != nil {
		t.Fatal(err)
	}
	di, err := neo4j.NewDriverWithContext(srv.URI(), neo4j.BasicAuth("neo4j", pw, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer di.Close(ctx)
	wi := &Writer{Driver: di, Database: "neo4j", KB: k}
	if err := wi.EnsureSchema(ctx); err != nil { // constraints after the import
		t.Fatal(err)
	}
	check := func(stage string) {
		got, err := sink.Count(ctx, di, "neo4j")
		if err != nil {
			t.Fatal(err)
		}
		if got.Nodes != want.Nodes || got.Relationships != want.Relationships {
			t.Fatalf("%s: imported %d nodes / %d relationships, Writer %d / %d", stage, got.Nodes, got.Relationships, want.Nodes, want.Relationships)
		}
		for l, n := range want.ByLabel {
			if got.ByLabel[l] != n {
				t.Errorf("%s: label %s: %d, Writer %d", stage, l, got.ByLabel[l], n)
			}
		}
		for ty, n := range want.ByType {
			if got.ByType[ty] != n {
				t.Errorf("%s: type %s: %d, Writer %d", stage, ty, got.ByType[ty], n)
			}
		}
		sum, err := checksum(ctx, di, "neo4j")
		if err != nil {
			t.Fatal(err)
		}
		if sum != wantSum {
			t.Errorf("%s: checksum\n imported %s\n Writer   %s", stage, sum, wantSum)
		}
	}
	check("after import")
	// Increments on top of the import: the same rows again change nothing.
	if err := wi.Write(ctx, rows); err != nil {
		t.Fatal(err)
	}
	check("after Writer on the imported database")
	res, err := neo4j.ExecuteQuery(ctx, di, "MATCH (e:Event {key: 'gdelt:719024876'}) RETURN e.quad_class, e.goldstein, e.is_root, e.participants",
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase("neo4j"))
	if err != nil || len(res.Records) != 1 {
		t.Fatal(err)
	}
	v := res.Records[0].Values
	if v[0] != int64(3) || v[1] != -4.4 || v[2] != false || len(v[3].([]any)) != 2 {
		t.Fatalf("imported property types: %#v", v)
	}
}
