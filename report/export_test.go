package report

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestGraphMLAndGEXFParse(t *testing.T) {
	d := loadFixture(t)
	d.Nodes[0].Office = "A & B <C> \"D\" \x01"
	for _, o := range []ExportOptions{{}, {Countries: true}} {
		var g, x bytes.Buffer
		if err := o.WriteGraphML(&g, d); err != nil {
			t.Fatal(err)
		}
		if err := o.WriteGEXF(&x, d); err != nil {
			t.Fatal(err)
		}
		if err := xmlWellFormed(g.Bytes(), "graphml", "http://graphml.graphdrawing.org/xmlns"); err != nil {
			t.Errorf("GraphML: %v", err)
		}
		if err := xmlWellFormed(x.Bytes(), "gexf", "http://gexf.net/1.3"); err != nil {
			t.Errorf("GEXF: %v", err)
		}
		nodes, edges := o.graph(d)
		wantNodes := len(d.Nodes)
		if o.Countries {
			wantNodes += len(d.Countries)
		}
		if len(nodes) != wantNodes {
			t.Errorf("countries=%v: %d nodes, want %d", o.Countries, len(nodes), wantNodes)
		}
		if got := strings.Count(g.String(), "<node id="); got != len(nodes) {
			t.Errorf("GraphML has %d nodes, want %d", got, len(nodes))
		}
		if got := strings.Count(x.String(), "<edge id="); got != len(edges) {
			t.Errorf("GEXF has %d edges, want %d", got, len(edges))
		}
		for _, key := range []string{"name", "kind", "country", "office", "events", "degree", "strength", "pagerank", "betweenness", "eigenvector", "closeness", "community"} {
			if !strings.Contains(g.String(), `attr.name="`+key+`"`) {
				t.Errorf("GraphML lacks node attribute %s", key)
			}
			if !strings.Contains(x.String(), `title="`+key+`"`) {
				t.Errorf("GEXF lacks node attribute %s", key)
			}
		}
		for _, key := range []string{"count", "weight", "strength", "first", "last"} {
			if !strings.Contains(g.String(), `for="edge" attr.name="`+key+`"`) {
				t.Errorf("GraphML lacks edge attribute %s", key)
			}
		}
	}
	// Edges to unknown nodes and self-loops are left out.
	d = &Data{
		Nodes: []Node{{Key: "a", Name: "A"}, {Key: "b", Name: "B"}},
		Edges: []Edge{{A: "a", B: "b", Count: 1}, {A: "b", B: "a", Count: 1}, {A: "a", B: "zz"}, {A: "a", B: "a"}},
	}
	if _, edges := (ExportOptions{}).graph(d); len(edges) != 1 {
		t.Errorf("%d edges, want 1", len(edges))
	}
}

func TestWriteCSV(t *testing.T) {
	d := loadFixture(t)
	dir := filepath.Join(t.TempDir(), "csv")
	np, ep, err := ExportOptions{Countries: true}.WriteCSV(dir, d)
	if err != nil {
		t.Fatal(err)
	}
	read := func(p string) [][]string {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return rows
	}
	nodes, edges := read(np), read(ep)
	if got := strings.Join(nodes[0], ","); got != "id,label,kind,country,office,events,degree,strength,pagerank,betweenness,eigenvector,closeness,community" {
		t.Errorf("nodes header %s", got)
	}
	if got := strings.Join(edges[0], ","); got != "source,target,type,weight,kind,count,strength,first,last" {
		t.Errorf("edges header %s", got)
	}
	if len(nodes)-1 != len(d.Nodes)+len(d.Countries) {
		t.Errorf("%d node rows", len(nodes)-1)
	}
	if len(edges)-1 < len(d.Edges)+len(d.CountryEdges) {
		t.Errorf("%d edge rows", len(edges)-1)
	}
	for _, r := range nodes[1:] {
		if _, err := strconv.ParseFloat(r[8], 64); err != nil {
			t.Errorf("pagerank %q: %v", r[8], err)
		}
	}
}

// TestNetworkXReadsExports reads the exports with NetworkX, as an analyst
// would. NetworkX is a test dependency: pip install networkx.
func TestNetworkXReadsExports(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal("python3 not found: install Python 3 and then `pip install networkx` (the export tests read GraphML and GEXF with NetworkX)")
	}
	if out, err := exec.Command(py, "-c", "import networkx").CombinedOutput(); err != nil {
		t.Fatalf("NetworkX is not importable: run `pip install networkx` (%v: %s)", err, strings.TrimSpace(string(out)))
	}
	d := loadFixture(t)
	dir := t.TempDir()
	for _, o := range []ExportOptions{{}, {Countries: true}} {
		var g, x bytes.Buffer
		if err := o.WriteGraphML(&g, d); err != nil {
			t.Fatal(err)
		}
		if err := o.WriteGEXF(&x, d); err != nil {
			t.Fatal(err)
		}
		gp, xp := filepath.Join(dir, "g.graphml"), filepath.Join(dir, "g.gexf")
		if err := os.WriteFile(gp, g.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(xp, x.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		nodes, edges := o.graph(d)
		script := `
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
x = nx.read_gexf(sys.argv[2])
top = "person:xi"
for h in (g, x):
    a = h.nodes[top]
    assert isinstance(a["pagerank"], float), type(a["pagerank"])
    assert isinstance(a["events"], int), type(a["events"])
    assert isinstance(a["community"], int), type(a["community"])
    assert a["name"] == "Xi Jinping", a["name"]
    e = h.edges[top, "person:putin"]
    assert isinstance(e["count"], int) and e["count"] > 10, e
    assert e["first"] < e["last"], e
print(g.number_of_nodes(), g.number_of_edges(), x.number_of_nodes(), x.number_of_edges())
`
		out, err := exec.Command(py, "-c", script, gp, xp).CombinedOutput()
		if err != nil {
			t.Fatalf("NetworkX could not read the exports: %v\n%s", err, out)
		}
		want := strings.Repeat(strconv.Itoa(len(nodes))+" "+strconv.Itoa(len(edges))+" ", 2)
		if got := strings.TrimSpace(string(out)); got != strings.TrimSpace(want) {
			t.Errorf("countries=%v: NetworkX read (graphml nodes edges, gexf nodes edges) %q, want %q", o.Countries, got, strings.TrimSpace(want))
		}
	}
}

func TestXMLEscapeInvalidChars(t *testing.T) {
	d := &Data{Nodes: []Node{{Key: "a\x00b", Name: "x\x1fy\uFFFE"}}}
	var g bytes.Buffer
	if err := WriteGraphML(&g, d); err != nil {
		t.Fatal(err)
	}
	if err := xmlWellFormed(g.Bytes(), "graphml", "http://graphml.graphdrawing.org/xmlns"); err != nil {
		t.Error(err)
	}
	var x bytes.Buffer
	if err := WriteGEXF(&x, d); err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(x.Bytes(), new(struct{})); err != nil {
		t.Error(err)
	}
}
