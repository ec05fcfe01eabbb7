package metrics

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
)

// The parity tests compare every metric with the values NetworkX computes
// on the same graphs (testdata/gen_golden.py writes them).

const tol = 1e-6

// modularityTol is how far the modularity of gonum's Louvain partition may
// be from that of nx.community.louvain_communities(G, seed=1): both are
// randomized heuristics, so partitions are not compared.
const modularityTol = 0.05

type golden struct {
	NetworkX       string                `json:"networkx"`
	Name           string                `json:"name"`
	Directed       bool                  `json:"directed"`
	Duplicates     string                `json:"duplicates"`
	HITSDegenerate bool                  `json:"hits_degenerate"`
	NodeIDs        []string              `json:"node_ids"`
	NodeMetrics    map[string][]*float64 `json:"node_metrics"`
	Errors         map[string]string     `json:"errors"`
	Graph          struct {
		Nodes             int        `json:"nodes"`
		Edges             int        `json:"edges"`
		SelfLoops         int        `json:"self_loops"`
		Directed          bool       `json:"directed"`
		Density           float64    `json:"density"`
		Components        int        `json:"components"`
		ComponentSizes    []int      `json:"component_sizes"`
		LargestComponent  int        `json:"largest_component"`
		AverageClustering *float64   `json:"average_clustering"`
		LouvainPartition  [][]string `json:"louvain_partition"`
		LouvainModularity *float64   `json:"louvain_modularity"`
		ParityModularity  *float64   `json:"parity_partition_modularity"`
	} `json:"graph"`
}

func goldenNames(t testing.TB) []string {
	files, err := filepath.Glob("testdata/golden/*.json")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		base := strings.TrimSuffix(filepath.Base(f), ".json")
		if base == "dyads" || base == "events" {
			continue
		}
		names = append(names, base)
	}
	if len(names) < 8 {
		t.Fatalf("found %d golden graphs, want >= 8: run testdata/gen_golden.py", len(names))
	}
	return names
}

func loadGolden(t testing.TB, name string) (*golden, *Graph) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata/golden", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var gd golden
	if err := json.Unmarshal(b, &gd); err != nil {
		t.Fatal(err)
	}
	g := NewGraph(gd.Directed)
	if f, err := os.Open(filepath.Join("testdata/golden", name+".nodes.csv")); err == nil {
		defer f.Close()
		if err := g.ReadNodes(f, f.Name()); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(filepath.Join("testdata/golden", name+".edges.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	policy := SumDuplicates
	if gd.Duplicates == "last" {
		policy = LastDuplicate
	}
	if err := g.ReadEdges(f, f.Name(), policy); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(g.Nodes(), gd.NodeIDs) {
		t.Fatalf("%s: node order %q, NetworkX has %q", name, g.Nodes(), gd.NodeIDs)
	}
	return &gd, g
}

// maxDiff records the largest absolute difference seen per metric, for the
// summary TestZZParitySummary logs.
var maxDiff = struct {
	sync.Mutex
	m map[string]float64
}{m: map[string]float64{}}

func record(metric string, d float64) {
	maxDiff.Lock()
	defer maxDiff.Unlock()
	maxDiff.m[metric] = math.Max(maxDiff.m[metric], d)
}

func ints(x []int) []float64 {
	f := make([]float64, len(x))
	for i, v := range x {
		f[i] = float64(v)
	}
	return f
}

// compare checks got against the golden values of metric; a null golden
// (NetworkX raised) requires err != nil and NaN values.
func compare(t *testing.T, gd *golden, metric string, got []float64, err error) {
	t.Helper()
	want, ok := gd.NodeMetrics[metric]
	if !ok {
		t.Fatalf("%s: golden has no %s", gd.Name, metric)
	}
	if want == nil {
		if err == nil {
			t.Errorf("%s %s: NetworkX failed (%s) but Go returned no error", gd.Name, metric, gd.Errors[metric])
		}
		for i, v := range got {
			if !math.IsNaN(v) {
				t.Errorf("%s %s[%s] = %v, want NaN (NetworkX failed)", gd.Name, metric, gd.NodeIDs[i], v)
				break
			}
		}
		return
	}
	if err != nil {
		t.Errorf("%s %s: unexpected error %v", gd.Name, metric, err)
		return
	}
	if len(got) != len(want) {
		t.Fatalf("%s %s: %d values, want %d", gd.Name, metric, len(got), len(want))
	}
	worst := 0.0
	for i := range want {
		if want[i] == nil {
			t.Fatalf("%s %s: null value in golden", gd.Name, metric)
		}
		d := math.Abs(got[i] - *want[i])
		if math.IsNaN(d) {
			d = math.Inf(1)
		}
		if d > tol {
			t.Errorf("%s %s[%s] = %.12g, NetworkX %.12g (diff %.3g)", gd.Name, metric, gd.NodeIDs[i], got[i], *want[i], d)
		}
		worst = math.Max(worst, d)
	}
	record(metric, worst)
}

func TestNetworkXParity(t *testing.T) {
	for _, name := range goldenNames(t) {
		t.Run(name, func(t *testing.T) {
			gd, g := loadGolden(t, name)
			compare(t, gd, "degree", ints(Degree(g)), nil)
			compare(t, gd, "strength", Strength(g), nil)
			if gd.Directed {
				compare(t, gd, "in_degree", ints(InDegree(g)), nil)
				compare(t, gd, "out_degree", ints(OutDegree(g)), nil)
				compare(t, gd, "in_strength", InStrength(g), nil)
				compare(t, gd, "out_strength", OutStrength(g), nil)
			}
			compare(t, gd, "betweenness", Betweenness(g), nil)
			compare(t, gd, "betweenness_weighted", BetweennessWeighted(g), nil)
			compare(t, gd, "closeness", Closeness(g), nil)
			compare(t, gd, "harmonic", Harmonic(g), nil)
			x, err := Eigenvector(g)
			compare(t, gd, "eigenvector", x, err)
			x, err = PageRank(g)
			compare(t, gd, "pagerank", x, err)
			h, a, err := HITS(g)
			if gd.HITSDegenerate && gd.NodeMetrics["authority"] != nil {
				t.Logf("%s: largest singular value not simple, HITS not unique: not compared", name)
			} else {
				compare(t, gd, "hub", h, err)
				compare(t, gd, "authority", a, err)
			}
			x, err = Katz(g)
			compare(t, gd, "katz", x, err)
			compare(t, gd, "clustering", Clustering(g), nil)
			compare(t, gd, "core", ints(CoreNumber(g)), nil)

			// graph level
			gg := gd.Graph
			if g.NumNodes() != gg.Nodes || g.NumEdges() != gg.Edges || g.NumSelfLoops() != gg.SelfLoops {
				t.Errorf("nodes/edges/self-loops %d/%d/%d, NetworkX %d/%d/%d",
					g.NumNodes(), g.NumEdges(), g.NumSelfLoops(), gg.Nodes, gg.Edges, gg.SelfLoops)
			}
			if d := math.Abs(Density(g) - gg.Density); d > tol {
				t.Errorf("density %v, NetworkX %v", Density(g), gg.Density)
			}
			record("density", math.Abs(Density(g)-gg.Density))
			_, sizes := Components(g)
			if !slices.Equal(sizes, gg.ComponentSizes) || len(sizes) != gg.Components {
				t.Errorf("component sizes %v, NetworkX %v", sizes, gg.ComponentSizes)
			}
			if gg.AverageClustering != nil {
				d := math.Abs(AverageClustering(g) - *gg.AverageClustering)
				record("average_clustering", d)
				if d > tol {
					t.Errorf("average clustering %v, NetworkX %v", AverageClustering(g), *gg.AverageClustering)
				}
			}

			// modularity: exact on NetworkX's own partitions ...
			checkQ := func(what string, comm []int, want *float64) {
				q := Modularity(g, comm)
				if want == nil {
					if !math.IsNaN(q) {
						t.Errorf("%s modularity %v, NetworkX failed (no edge weight)", what, q)
					}
					return
				}
				d := math.Abs(q - *want)
				record("modularity(fixed partition)", d)
				if d > tol {
					t.Errorf("%s modularity %v, NetworkX %v", what, q, *want)
				}
			}
			nxComm := make([]int, g.NumNodes())
			for c, members := range gg.LouvainPartition {
				for _, id := range members {
					i, ok := g.Index(id)
					if !ok {
						t.Fatalf("unknown node %q in partition", id)
					}
					nxComm[i] = c
				}
			}
			checkQ("NetworkX Louvain partition", nxComm, gg.LouvainModularity)
			parity := make([]int, g.NumNodes())
			for i := range parity {
				parity[i] = i % 2
			}
			checkQ("parity partition", parity, gg.ParityModularity)

			// ... and within ±0.05 for gonum's own Louvain.
			lv := Louvain(g, 1)
			if gg.LouvainModularity == nil {
				if !math.IsNaN(lv.Modularity) {
					t.Errorf("Louvain modularity %v, NetworkX undefined", lv.Modularity)
				}
			} else {
				d := math.Abs(lv.Modularity - *gg.LouvainModularity)
				record("louvain modularity (gonum vs nx, ±0.05)", d)
				if d > modularityTol {
					t.Errorf("Louvain modularity %v, NetworkX %v (diff %v > %v)", lv.Modularity, *gg.LouvainModularity, d, modularityTol)
				}
			}
			checkAll(t, g, lv)
		})
	}
}

// checkAll checks that All agrees with the individual functions and
// marshals to the documented JSON shape.
func checkAll(t *testing.T, g *Graph, lv Communities) {
	t.Helper()
	r := All(g, Options{Seed: 1, WeightedBetweenness: true})
	same := func(metric string, want []float64, get func(NodeResult) float64) {
		for i, nr := range r.Nodes {
			x, y := get(nr), want[i]
			if !(x == y || math.Abs(x-y) <= 1e-12 || (math.IsNaN(x) && math.IsNaN(y))) {
				t.Errorf("All: %s[%s] = %v, %s() = %v", metric, nr.ID, x, metric, y)
				return
			}
		}
	}
	same("betweenness", Betweenness(g), func(n NodeResult) float64 { return float64(n.Betweenness) })
	same("betweenness_weighted", BetweennessWeighted(g), func(n NodeResult) float64 { return float64(*n.BetweennessWeighted) })
	same("closeness", Closeness(g), func(n NodeResult) float64 { return float64(n.Closeness) })
	same("harmonic", Harmonic(g), func(n NodeResult) float64 { return float64(n.Harmonic) })
	x, _ := Katz(g)
	same("katz", x, func(n NodeResult) float64 { return float64(n.Katz) })
	same("community", ints(lv.Of), func(n NodeResult) float64 { return float64(n.Community) })
	if !(float64(r.Graph.Modularity) == lv.Modularity || math.IsNaN(lv.Modularity)) {
		t.Errorf("All: modularity %v, Louvain %v", r.Graph.Modularity, lv.Modularity)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	gr := doc["graph"].(map[string]any)
	for _, k := range []string{"nodes", "edges", "directed", "components", "largest_component", "density", "modularity", "communities", "average_clustering"} {
		if _, ok := gr[k]; !ok {
			t.Errorf("JSON graph lacks %q", k)
		}
	}
	nodes := doc["nodes"].([]any)
	if len(nodes) != g.NumNodes() {
		t.Fatalf("JSON has %d nodes, want %d", len(nodes), g.NumNodes())
	}
	for i, nd := range nodes {
		m := nd.(map[string]any)
		if m["id"] != g.NodeID(i) {
			t.Errorf("JSON node %d is %v, want %q (input order)", i, m["id"], g.NodeID(i))
		}
		for _, k := range []string{"id", "degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank", "hub", "authority", "katz", "clustering", "core", "community"} {
			if _, ok := m[k]; !ok {
				t.Errorf("JSON node lacks %q", k)
			}
		}
	}
	var back Result
	if err := json.Unmarshal(b, &back); err != nil {
		t.Errorf("Result does not unmarshal: %v", err)
	}
}

// TestZZParitySummary logs the largest difference from NetworkX per metric
// (go test -run 'Parity' -v).
func TestZZParitySummary(t *testing.T) {
	maxDiff.Lock()
	defer maxDiff.Unlock()
	keys := make([]string, 0, len(maxDiff.m))
	for k := range maxDiff.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "  %-40s %.3g\n", k, maxDiff.m[k])
	}
	t.Logf("max |Go - NetworkX| per metric:\n%s", b.String())
}

func TestGoldenRecordsVersion(t *testing.T) {
	for _, name := range goldenNames(t) {
		gd, _ := loadGolden(t, name)
		if gd.NetworkX == "" {
			t.Errorf("%s: golden lacks the networkx version", name)
		}
	}
}

var _ = errors.Is
