package cli_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/internal/testutil"
)

func loadSeeds(t *testing.T) {
	t.Helper()
	seeds := testutil.Shared(t, "corpus", "seeds")
	if r := run(t, "load", "-q", "--manifest", filepath.Join(seeds, "manifest.yaml"), seeds); r.code != 0 {
		t.Fatalf("load: %d %s", r.code, r.err)
	}
}

// Issue 4 and 5 acceptance on the seed corpus: analysis written back
// idempotently, the named queries, the report and the GraphML export.
func TestAnalyzeQueryReportExportOnSeeds(t *testing.T) {
	d := neo4jtest.Driver(t)
	loadSeeds(t)
	r := run(t, "analyze", "--write")
	if r.code != 0 || !strings.Contains(r.out, "Most central") || !strings.Contains(r.out, "Xi Jinping") {
		t.Fatalf("analyze: %d\n%s%s", r.code, r.out, r.err)
	}
	c1 := counts(t, d)
	if r := run(t, "analyze", "--write"); r.code != 0 {
		t.Fatalf("second analyze: %s", r.err)
	}
	c2 := counts(t, d)
	if c1.Nodes != c2.Nodes || c1.Relationships != c2.Relationships {
		t.Fatalf("analyze --write is not idempotent: %+v -> %+v", c1, c2)
	}
	if n := scalar(t, d, "MATCH (r:AnalysisRun {current:true}) RETURN count(r) AS n"); n != int64(1) {
		t.Fatalf("%v current runs", n)
	}
	if n := scalar(t, d, "MATCH (:Person {name:'Xi Jinping'})-[m:MET]-(:Person {name:'Vladimir Putin'}) RETURN m.count AS n"); n.(int64) < 8 {
		t.Fatalf("MET count %v", n)
	}
	if n := scalar(t, d, "MATCH (p:Person {name:'Xi Jinping'}) RETURN p.pagerank > 0 AS n"); n != true {
		t.Fatal("no current pagerank on Xi Jinping")
	}
	if n := scalar(t, d, "MATCH (:Person)-[s:SCORED]->(:AnalysisRun) RETURN count(DISTINCT s.window) AS n"); n.(int64) < 3 {
		t.Fatalf("windows with metrics: %v", n)
	}

	// At least 12 named queries; meetings-between returns every meeting (>= 8, one row each).
	r = run(t, "query", "list")
	if lines := strings.Count(strings.TrimSpace(r.out), "\n") + 1; lines < 12 {
		t.Fatalf("%d named queries", lines)
	}
	r = run(t, "query", "meetings-between", "-p", "a=Xi Jinping", "-p", "b=Vladimir Putin", "--format", "json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(r.out), &rows); err != nil || r.code != 0 {
		t.Fatalf("meetings-between: %v %s", err, r.err)
	}
	seen := map[string]bool{}
	for _, row := range rows {
		k := row["event"].(string)
		if seen[k] {
			t.Fatalf("event %s listed twice", k)
		}
		seen[k] = true
	}
	if len(rows) < 8 {
		t.Fatalf("meetings-between returned %d rows", len(rows))
	}
	for _, q := range [][]string{
		{"partners", "-p", "person=Vladimir Putin"}, {"timeline", "-p", "from=2024", "-p", "to=2025"},
		{"top-central", "-p", "metric=betweenness"}, {"communities"}, {"members", "-p", "organization=BRICS", "-p", "date=2024-06-01"},
		{"path", "-p", "a=Narendra Modi", "-p", "b=Donald Trump"}, {"claims"}, {"summits", "-p", "organization=BRICS"},
		{"new-since", "-p", "since=2000-01-01"}, {"country-dyads"},
	} {
		r := run(t, append([]string{"query"}, q...)...)
		if r.code != 0 || strings.Contains(r.out, "(0 rows)") {
			t.Errorf("query %v: exit %d, %s %s", q, r.code, r.out, r.err)
		}
	}
	r = run(t, "query", "members", "-p", "organization=BRICS", "-p", "date=2024-06-01", "--format", "csv")
	for _, iso := range []string{"EGY", "IRN", "ETH", "ARE", "CHN"} {
		if !strings.Contains(r.out, iso) {
			t.Errorf("BRICS members on 2024-06-01 lack %s:\n%s", iso, r.out)
		}
	}

	dir := t.TempDir()
	html := filepath.Join(dir, "r.html")
	if r := run(t, "report", "-o", html, "--focus", "Xi Jinping"); r.code != 0 {
		t.Fatalf("report: %s", r.err)
	}
	b, err := os.ReadFile(html)
	if err != nil {
		t.Fatal(err)
	}
	page := string(b)
	if !strings.Contains(page, "<svg") || strings.Count(page, "<circle") < 5 {
		t.Fatal("report has no network drawing")
	}
	for _, bad := range []string{`src="http`, `href="http://fonts`, "@import", `<link rel="stylesheet" href="http`} {
		if strings.Contains(page, bad) {
			t.Fatalf("report references an external resource: %s", bad)
		}
	}
	if r := run(t, "report", "--format", "md", "-o", filepath.Join(dir, "md")); r.code != 0 {
		t.Fatalf("md report: %s", r.err)
	}
	if _, err := os.Stat(filepath.Join(dir, "md", "network.svg")); err != nil {
		t.Fatal("markdown report without network.svg")
	}
	gml := filepath.Join(dir, "g.graphml")
	if r := run(t, "export", "--format", "graphml", "-o", gml); r.code != 0 {
		t.Fatalf("export: %s", r.err)
	}
	out, err := exec.Command("python3", "-c", "import sys, networkx as nx; print(nx.read_graphml(sys.argv[1]).number_of_nodes())", gml).CombinedOutput()
	if err != nil {
		t.Fatalf("NetworkX cannot read the export (pip install networkx): %v %s", err, out)
	}
	got, _ := strconv.Atoi(strings.TrimSpace(string(out)))
	want := scalar(t, d, "MATCH (p:Person) WHERE EXISTS { (p)-[:PARTICIPATED_IN]->(:Event) } RETURN count(p) AS n")
	if int64(got) != want.(int64) {
		t.Fatalf("GraphML has %d nodes, the graph %v people with events", got, want)
	}
}

func TestReportOnEmptyGraphSaysSo(t *testing.T) {
	neo4jtest.Driver(t)
	html := filepath.Join(t.TempDir(), "r.html")
	r := run(t, "report", "-o", html)
	b, _ := os.ReadFile(html)
	if r.code != 0 || !strings.Contains(r.err, "no events") || !strings.Contains(string(b), "no events yet") {
		t.Fatalf("empty report: %d %q", r.code, r.err)
	}
}

func TestAnalyzeEdgesWithoutDatabase(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "e.csv")
	if err := os.WriteFile(p, []byte("source,target,weight\nhub,a,1\nhub,b,1\nhub,\"c, Jr.\",2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, "analyze", "--edges", p, "--format", "json")
	var res struct {
		Nodes []struct {
			ID          string
			Degree      int
			Betweenness float64
		}
	}
	if err := json.Unmarshal([]byte(r.out), &res); err != nil || r.code != 0 {
		t.Fatalf("%v %s", err, r.err)
	}
	if len(res.Nodes) != 4 || res.Nodes[0].ID != "hub" || res.Nodes[0].Degree != 3 || res.Nodes[0].Betweenness != 1 || res.Nodes[3].ID != "c, Jr." {
		t.Fatalf("star graph: %+v", res.Nodes)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("source,target,weight\na,b,1\nb,c,-2\n"), 0o644)
	r = run(t, "analyze", "--edges", bad)
	if r.code == 0 || !strings.Contains(r.err, "bad.csv") || !strings.Contains(r.err, "3") {
		t.Fatalf("negative weight: %d %q", r.code, r.err)
	}
}
