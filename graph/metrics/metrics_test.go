package metrics

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/topo"
)

func TestParallelMatchesSerial(t *testing.T) {
	for _, directed := range []bool{false, true} {
		g := randomGraph(300, 1200, 9, directed)
		for _, weighted := range []bool{false, true} {
			one := BetweennessWith(g, BetweennessOptions{Weighted: weighted, Workers: 1})
			four := BetweennessWith(g, BetweennessOptions{Weighted: weighted, Workers: 4})
			for i := range one {
				if math.Abs(one[i]-four[i]) > 1e-12 {
					t.Fatalf("directed=%v weighted=%v: node %d: 1 worker %v, 4 workers %v", directed, weighted, i, one[i], four[i])
				}
			}
		}
	}
}

// TestAgainstGonum cross-checks the hand-written betweenness and components
// with gonum's own implementations through the gonum view.
func TestAgainstGonum(t *testing.T) {
	for _, directed := range []bool{false, true} {
		g := randomGraph(80, 200, 3, directed)
		raw := BetweennessWith(g, BetweennessOptions{Raw: true})
		gb := network.Betweenness(g.Gonum())
		for i, v := range raw {
			if !directed {
				v *= 2 // gonum counts both orders of an undirected pair
			}
			if math.Abs(v-gb[int64(i)]) > 1e-9 {
				t.Errorf("directed=%v node %d: betweenness %v, gonum %v", directed, i, v, gb[int64(i)])
				break
			}
		}
	}
	g := randomGraph(60, 50, 4, false) // sparse: several components
	comp, sizes := Components(g)
	cc := topo.ConnectedComponents(g.Gonum().(graph.Undirected))
	if len(cc) != len(sizes) {
		t.Fatalf("%d components, gonum %d", len(sizes), len(cc))
	}
	for _, c := range cc {
		for _, n := range c {
			if comp[n.ID()] != comp[c[0].ID()] {
				t.Errorf("nodes %d and %d split, gonum joins them", n.ID(), c[0].ID())
			}
		}
	}
}

func TestLouvainDeterministic(t *testing.T) {
	g := randomGraph(400, 1600, 5, false)
	a := Louvain(g, 7)
	for range 3 {
		b := Louvain(g, 7)
		if !slices.Equal(a.Of, b.Of) || a.Modularity != b.Modularity {
			t.Fatal("Louvain with the same seed gave different partitions")
		}
	}
	if a.Modularity < 0.2 || len(a.Sizes) < 2 {
		t.Errorf("modularity %v with %d communities: implausible", a.Modularity, len(a.Sizes))
	}
	for i := 1; i < len(a.Sizes); i++ {
		if a.Sizes[i] > a.Sizes[i-1] {
			t.Errorf("community sizes not descending: %v", a.Sizes)
		}
	}
	if a.Of[0] != 0 && a.Sizes[a.Of[0]] == a.Sizes[0] {
		// node 0 is in a largest community, so that community comes first
		t.Errorf("tie not broken by first node: node 0 in community %d", a.Of[0])
	}
}

func TestAllEmptyGraph(t *testing.T) {
	r := All(NewGraph(false), Options{})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"nodes":[]`) || !strings.Contains(string(b), `"modularity":null`) {
		t.Errorf("empty graph JSON %s", b)
	}
}

func TestFloatJSON(t *testing.T) {
	b, _ := json.Marshal([]Float{1.5, Float(math.NaN()), Float(math.Inf(1)), 0})
	if string(b) != "[1.5,null,null,0]" {
		t.Errorf("got %s", b)
	}
	var back []Float
	if err := json.Unmarshal(b, &back); err != nil || back[0] != 1.5 || !math.IsNaN(float64(back[1])) {
		t.Errorf("unmarshal %v %v", back, err)
	}
}

func FuzzReadEdgeList(f *testing.F) {
	f.Add([]byte("source,target,weight\na,b,1\nb,c,2\nc,a,0.5\nc,c,1\n"), false)
	f.Add([]byte("source,target\n\"x, y\",z\nz,\"x, y\"\n"), true)
	f.Add([]byte("target,source,weight\na,b,1e308\nb,a,1e308\n"), false)
	f.Add([]byte("source,target,weight\na,b,-1\n"), false)
	f.Add([]byte("source,target\n\"a\nb\",c\n"), true)
	f.Add([]byte(""), false)
	f.Add([]byte("\ufeffsource,target,weight\r\na,b,0\r\n"), false)
	f.Fuzz(func(t *testing.T, data []byte, directed bool) {
		g, err := ReadEdgeList(bytes.NewReader(data), "fuzz.csv", directed)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.csv") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		// write and read back: same nodes and edges (ids with \r excepted:
		// encoding/csv turns a quoted \r\n into \n)
		var nodes, edges bytes.Buffer
		if err := g.WriteNodeList(&nodes); err != nil {
			t.Fatal(err)
		}
		if err := g.WriteEdgeList(&edges); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(strings.Join(g.Nodes(), ""), "\r") {
			h := NewGraph(directed)
			if err := h.ReadNodes(&nodes, "n"); err != nil {
				t.Fatalf("reading written nodes: %v", err)
			}
			if err := h.ReadEdges(&edges, "e", SumDuplicates); err != nil {
				t.Fatalf("reading written edges: %v", err)
			}
			if fmt.Sprint(h.Nodes(), h.Edges()) != fmt.Sprint(g.Nodes(), g.Edges()) {
				t.Fatalf("round trip changed the graph")
			}
		}
		if g.NumNodes() <= 40 {
			r := All(g, Options{WeightedBetweenness: true, HITS: HITSOptions{MaxIter: 500}})
			for _, e := range r.Errors {
				if strings.Contains(e, "louvain") {
					t.Fatalf("gonum Louvain failed: %s", e)
				}
			}
			if _, err := json.Marshal(r); err != nil {
				t.Fatalf("marshal: %v", err)
			}
		}
	})
}
