package metrics

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestReadEdgeListErrors(t *testing.T) {
	cases := []struct {
		name, in, want string
		is             error
	}{
		{"empty", "", "e.csv: empty file", ErrEmptyFile},
		{"no header", "a,b\nb,c\n", "e.csv:1: header missing", ErrNoHeader},
		{"header only target", "target\nx\n", "e.csv:1: header missing", ErrNoHeader},
		{"missing target", "source,target\na,b\nc\n", `e.csv:3: missing column "target"`, ErrMissingColumn},
		{"missing weight", "source,target,weight\na,b,1\nb,c\n", `e.csv:3: missing column "weight"`, ErrMissingColumn},
		{"non-numeric", "source,target,weight\na,b,1\nb,c,heavy\n", `e.csv:3: weight "heavy" is not a number`, ErrWeight},
		{"negative", "source,target,weight\na,b,-1\n", `e.csv:2: weight "-1" is negative`, ErrWeight},
		{"nan", "source,target,weight\na,b,NaN\n", `e.csv:2: weight "NaN" is NaN`, ErrWeight},
		{"inf", "source,target,weight\na,b,+Inf\n", `e.csv:2: weight "+Inf" is infinite`, ErrWeight},
		{"overflow", "source,target,weight\na,b,1e999\n", `e.csv:2: weight "1e999" is infinite or out of range`, ErrWeight},
		{"empty id", "source,target\na,\n", "e.csv:2: empty node id", nil},
		{"bad quote", "source,target\n\"a,b\n", "e.csv:2:", nil},
		{"line after quoted newline", "source,target\n\"a\nb\",c\nd,-\ne\n", `e.csv:5: missing column "target"`, ErrMissingColumn},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadEdgeList(strings.NewReader(c.in), "e.csv", false)
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			if !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %q, want prefix %q", err, c.want)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("error %v is not %v", err, c.is)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "e.csv" {
				t.Errorf("error %v is not a *ParseError naming the file", err)
			}
		})
	}
}

func TestReadEdgeList(t *testing.T) {
	in := "\ufeffTarget , Source,weight,note\n" +
		"b,a,1.5,x\n" +
		"\"Smith, John\",a,2,y\n" +
		"a,b,2.5,dup summed\n" +
		"c,c,1,self-loop\n" +
		"d,c,,empty weight is 1\n"
	g, err := ReadEdgeList(strings.NewReader(in), "e.csv", false)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(g.Nodes(), "|"), "a|b|Smith, John|c|d"; got != want {
		t.Errorf("nodes %q, want %q", got, want)
	}
	if g.NumEdges() != 4 || g.NumSelfLoops() != 1 {
		t.Errorf("edges %d self-loops %d, want 4, 1", g.NumEdges(), g.NumSelfLoops())
	}
	for _, c := range []struct {
		u, v string
		w    float64
	}{{"a", "b", 4}, {"b", "a", 4}, {"a", "Smith, John", 2}, {"c", "c", 1}, {"c", "d", 1}} {
		if w, ok := g.Weight(c.u, c.v); !ok || w != c.w {
			t.Errorf("weight %s-%s = %v %v, want %v", c.u, c.v, w, ok, c.w)
		}
	}
	// NetworkX degree: a self-loop counts twice.
	deg := Degree(g)
	if i, _ := g.Index("c"); deg[i] != 3 {
		t.Errorf("degree(c) = %d, want 3 (self-loop twice + d)", deg[i])
	}
	str := Strength(g)
	if i, _ := g.Index("c"); str[i] != 3 {
		t.Errorf("strength(c) = %v, want 3", str[i])
	}

	// LastDuplicate keeps the last weight, as NetworkX's add_edge.
	g2 := NewGraph(false)
	if err := g2.ReadEdges(strings.NewReader(in), "e.csv", LastDuplicate); err != nil {
		t.Fatal(err)
	}
	if w, _ := g2.Weight("a", "b"); w != 2.5 {
		t.Errorf("LastDuplicate weight %v, want 2.5", w)
	}

	// Directed: a->b and b->a are different edges.
	gd, err := ReadEdgeList(strings.NewReader("source,target\na,b\nb,a\na,b\n"), "d.csv", true)
	if err != nil {
		t.Fatal(err)
	}
	if gd.NumEdges() != 2 {
		t.Errorf("directed edges %d, want 2", gd.NumEdges())
	}
	if w, _ := gd.Weight("a", "b"); w != 2 {
		t.Errorf("directed dup weight %v, want 2", w)
	}
}

func TestReadNodes(t *testing.T) {
	g := NewGraph(false)
	if err := g.ReadNodes(strings.NewReader("id,label\nz,Zed\n\"y, why\",\nz,again\n"), "n.csv"); err != nil {
		t.Fatal(err)
	}
	if err := g.ReadEdges(strings.NewReader("source,target\na,z\n"), "e.csv", SumDuplicates); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(g.Nodes(), "|"); got != "z|y, why|a" {
		t.Errorf("nodes %q", got)
	}
	for _, c := range []struct{ in, want string }{
		{"", "n.csv: empty file"},
		{"name\nx\n", "n.csv:1: header missing"},
		{"label,id\nx\n", `n.csv:2: missing column "id"`},
		{"id\n\"\"\n", "n.csv:2: empty node id"},
	} {
		err := NewGraph(false).ReadNodes(strings.NewReader(c.in), "n.csv")
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("ReadNodes(%q) = %v, want %q", c.in, err, c.want)
		}
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	g := NewGraph(true)
	for _, e := range []Edge{{"a", "b", 0.1}, {"b", "a", 1e-300}, {`q"uote`, "com,ma", 3}, {"x", "x", 0}} {
		if err := g.AddEdge(e.Source, e.Target, e.Weight, SumDuplicates); err != nil {
			t.Fatal(err)
		}
	}
	g.AddNode("isolated")
	var nodes, edges bytes.Buffer
	if err := g.WriteNodeList(&nodes); err != nil {
		t.Fatal(err)
	}
	if err := g.WriteEdgeList(&edges); err != nil {
		t.Fatal(err)
	}
	h := NewGraph(true)
	if err := h.ReadNodes(&nodes, "n"); err != nil {
		t.Fatal(err)
	}
	if err := h.ReadEdges(&edges, "e", SumDuplicates); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(h.Nodes(), h.Edges()) != fmt.Sprint(g.Nodes(), g.Edges()) {
		t.Errorf("round trip: %v %v, want %v %v", h.Nodes(), h.Edges(), g.Nodes(), g.Edges())
	}
	if err := g.AddEdge("a", "b", math.NaN(), SumDuplicates); !errors.Is(err, ErrWeight) {
		t.Errorf("AddEdge(NaN) = %v", err)
	}
}

// lineReader produces "source,target,weight" and then n edge lines of a
// 100-node ring, without ever holding them in memory.
type lineReader struct {
	n, i int
	buf  []byte
}

func (r *lineReader) Read(p []byte) (int, error) {
	if len(r.buf) == 0 {
		if r.i > r.n {
			return 0, io.EOF
		}
		if r.i == 0 {
			r.buf = []byte("source,target,weight\n")
		} else {
			k := r.i % 100
			r.buf = fmt.Appendf(r.buf[:0], "node%d,node%d,1\n", k, (k+1)%100)
		}
		r.i++
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// TestReadEdgeListStreaming reads 10 million lines of a 100-edge graph and
// checks that the heap stays small: memory follows the graph, not the file.
func TestReadEdgeListStreaming(t *testing.T) {
	lines := 10_000_000
	if testing.Short() {
		lines = 200_000
	}
	done := make(chan struct{})
	peakc := make(chan uint64)
	go func() {
		var ms runtime.MemStats
		peak := uint64(0)
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse)
			select {
			case <-done:
				peakc <- peak
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	g, err := ReadEdgeList(&lineReader{n: lines}, "big.csv", false)
	close(done)
	peak := <-peakc
	if err != nil {
		t.Fatal(err)
	}
	if g.NumNodes() != 100 || g.NumEdges() != 100 {
		t.Fatalf("got %v, want 100 nodes and edges", g)
	}
	if w, _ := g.Weight("node0", "node1"); w != float64(lines/100) {
		t.Errorf("summed weight %v, want %d", w, lines/100)
	}
	t.Logf("%d lines: peak heap in use %.1f MiB", lines, float64(peak)/(1<<20))
	// The input is ~200 MB; a reader that kept it would use far more.
	if peak > 64<<20 {
		t.Errorf("peak heap in use %d MiB while streaming, want < 64 MiB", peak>>20)
	}
}
