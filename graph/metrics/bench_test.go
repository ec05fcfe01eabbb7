package metrics

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// randomGraph returns a seeded G(n, m) random graph: m distinct edges
// between distinct nodes "n0".."n{n-1}" (all nodes present), integer
// weights 1..5.
func randomGraph(n, m int, seed uint64, directed bool) *Graph {
	rng := rand.New(rand.NewPCG(seed, 1))
	g := NewGraph(directed)
	for i := 0; i < n; i++ {
		g.AddNode(fmt.Sprintf("n%d", i))
	}
	for g.NumEdges() < m {
		u, v := rng.IntN(n), rng.IntN(n)
		if u == v {
			continue
		}
		if _, ok := g.Weight(g.NodeID(u), g.NodeID(v)); ok {
			continue
		}
		_ = g.addEdgeIdx(int32(u), int32(v), float64(1+rng.IntN(5)), SumDuplicates)
	}
	return g
}

var benchGraphs = []struct {
	name string
	n, m int
	seed uint64
}{
	{"bench2000x10000", 2000, 10000, 2000},
	{"bench10000x50000", 10000, 50000, 10000},
}

// TestWriteBenchGraphs writes the benchmark graphs as CSV edge lists into
// $METRICS_BENCH_DIR for testdata/bench_networkx.py (into a temporary folder
// when unset) and checks that they read back as the same graphs.
func TestWriteBenchGraphs(t *testing.T) {
	dir := os.Getenv("METRICS_BENCH_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	for _, b := range benchGraphs {
		f, err := os.Create(filepath.Join(dir, b.name+".edges.csv"))
		if err != nil {
			t.Fatal(err)
		}
		if err := randomGraph(b.n, b.m, b.seed, false).WriteEdgeList(f); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		r, err := os.Open(filepath.Join(dir, b.name+".edges.csv"))
		if err != nil {
			t.Fatal(err)
		}
		back, err := ReadEdgeList(r, b.name, false)
		r.Close()
		if err != nil || back.NumNodes() != b.n || back.NumEdges() != b.m {
			t.Fatalf("%s reads back as %v nodes, %v edges (%v)", b.name, back.NumNodes(), back.NumEdges(), err)
		}
	}
}

func BenchmarkAll2000x10000(b *testing.B) {
	g := randomGraph(2000, 10000, 2000, false)
	b.ResetTimer()
	for b.Loop() {
		All(g, Options{Seed: 1})
	}
}

func BenchmarkBetweenness10000x50000(b *testing.B) {
	g := randomGraph(10000, 50000, 10000, false)
	b.ResetTimer()
	for b.Loop() {
		Betweenness(g)
	}
}

func BenchmarkBetweennessWeighted10000x50000(b *testing.B) {
	g := randomGraph(10000, 50000, 10000, false)
	b.ResetTimer()
	for b.Loop() {
		BetweennessWeighted(g)
	}
}

func BenchmarkReadEdgeList1M(b *testing.B) {
	for b.Loop() {
		if _, err := ReadEdgeList(&lineReader{n: 1_000_000}, "bench.csv", false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBetweenness2000x10000(b *testing.B) {
	g := randomGraph(2000, 10000, 2000, false)
	b.ResetTimer()
	for b.Loop() {
		BetweennessWith(g, BetweennessOptions{Workers: 1})
	}
}
