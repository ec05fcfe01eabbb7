package metrics

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"
)

// Graph is a weighted, simple graph (at most one edge per node pair, plus at
// most one self-loop per node) whose nodes are identified by strings.
//
// Nodes get dense indices 0..n-1 in insertion order; every per-node slice
// returned by this package is indexed that way, and every output lists nodes
// in that order. Index and NodeID convert between the two.
//
// Storage is a compact adjacency structure (CSR) built lazily on first use by
// a metric; Gonum returns a gonum graph view of it (see gonum.go for why the
// package does not store a gonum simple graph directly: those reject
// self-loops).
//
// A Graph is not safe for concurrent mutation. Once built, any number of
// metrics may run concurrently on it as long as nobody mutates it.
type Graph struct {
	directed bool

	names []string
	index map[string]int32

	// Edges in insertion order. For undirected graphs eu <= ev is not
	// enforced: the endpoints are kept as first seen.
	eu, ev []int32
	ew     []float64
	eidx   map[uint64]int32

	mu  sync.Mutex
	adj *csr
}

// Edge is one edge of a Graph.
type Edge struct {
	Source, Target string
	Weight         float64
}

// DuplicatePolicy says what adding an edge that already exists does.
type DuplicatePolicy int

const (
	// SumDuplicates adds the new weight to the existing one: two rows
	// "a,b,1" and "a,b,2" give one edge of weight 3. This is the default of
	// ReadEdgeList, since an edge list of meetings repeats a pair once per
	// meeting.
	SumDuplicates DuplicatePolicy = iota
	// LastDuplicate overwrites the weight with the last one seen, which is
	// what NetworkX's G.add_edge (and so nx.read_edgelist) does. Use it for
	// parity with a graph built by NetworkX.
	LastDuplicate
)

// NewGraph returns an empty graph.
func NewGraph(directed bool) *Graph {
	return &Graph{
		directed: directed,
		index:    make(map[string]int32),
		eidx:     make(map[uint64]int32),
	}
}

// Directed reports whether g is directed.
func (g *Graph) Directed() bool { return g.directed }

// NumNodes returns the number of nodes.
func (g *Graph) NumNodes() int { return len(g.names) }

// NumEdges returns the number of distinct edges, self-loops included
// (as NetworkX's G.number_of_edges()).
func (g *Graph) NumEdges() int { return len(g.eu) }

// NodeID returns the string id of the node with index i.
func (g *Graph) NodeID(i int) string { return g.names[i] }

// Nodes returns the string ids of all nodes in insertion order.
func (g *Graph) Nodes() []string { return slices.Clone(g.names) }

// Index returns the index of the node with string id id.
func (g *Graph) Index(id string) (int, bool) {
	i, ok := g.index[id]
	return int(i), ok
}

// AddNode adds a node (if it is not there yet) and returns its index.
func (g *Graph) AddNode(id string) int {
	if i, ok := g.index[id]; ok {
		return int(i)
	}
	if len(g.names) >= math.MaxInt32 {
		panic("metrics: too many nodes")
	}
	i := int32(len(g.names))
	g.names = append(g.names, id)
	g.index[id] = i
	g.adj = nil
	return int(i)
}

// ErrWeight is returned for an edge weight that is negative, NaN or infinite.
var ErrWeight = errors.New("weight must be a finite number >= 0")

func checkWeight(w float64) error {
	if math.IsNaN(w) || math.IsInf(w, 0) || w < 0 {
		return ErrWeight
	}
	return nil
}

// AddEdge adds an edge u–v (u→v if directed) of weight w, adding the nodes
// if needed. If the edge exists, the policy decides: SumDuplicates adds w to
// its weight, LastDuplicate replaces it. For an undirected graph v–u is the
// same edge as u–v. u == v adds a self-loop.
func (g *Graph) AddEdge(u, v string, w float64, policy DuplicatePolicy) error {
	if err := checkWeight(w); err != nil {
		return err
	}
	ui := int32(g.AddNode(u))
	vi := int32(g.AddNode(v))
	return g.addEdgeIdx(ui, vi, w, policy)
}

func (g *Graph) edgeKey(u, v int32) uint64 {
	if !g.directed && u > v {
		u, v = v, u
	}
	return uint64(uint32(u))<<32 | uint64(uint32(v))
}

// errOverflow is returned when summing duplicate weights overflows.
var errOverflow = fmt.Errorf("%w: the summed weight of duplicate edges overflows", ErrWeight)

func (g *Graph) addEdgeIdx(u, v int32, w float64, policy DuplicatePolicy) error {
	k := g.edgeKey(u, v)
	if e, ok := g.eidx[k]; ok {
		if policy == LastDuplicate {
			g.ew[e] = w
		} else {
			if math.IsInf(g.ew[e]+w, 0) {
				return errOverflow
			}
			g.ew[e] += w
		}
		g.adj = nil
		return nil
	}
	g.eidx[k] = int32(len(g.eu))
	g.eu = append(g.eu, u)
	g.ev = append(g.ev, v)
	g.ew = append(g.ew, w)
	g.adj = nil
	return nil
}

// Weight returns the weight of edge u–v (u→v if directed).
func (g *Graph) Weight(u, v string) (float64, bool) {
	ui, ok1 := g.index[u]
	vi, ok2 := g.index[v]
	if !ok1 || !ok2 {
		return 0, false
	}
	e, ok := g.eidx[g.edgeKey(ui, vi)]
	if !ok {
		return 0, false
	}
	return g.ew[e], true
}

// Edges returns all edges in insertion order.
func (g *Graph) Edges() []Edge {
	out := make([]Edge, len(g.eu))
	for i := range g.eu {
		out[i] = Edge{g.names[g.eu[i]], g.names[g.ev[i]], g.ew[i]}
	}
	return out
}

// NumSelfLoops returns the number of self-loops.
func (g *Graph) NumSelfLoops() int {
	n := 0
	for i := range g.eu {
		if g.eu[i] == g.ev[i] {
			n++
		}
	}
	return n
}

func (g *Graph) String() string {
	kind := "undirected"
	if g.directed {
		kind = "directed"
	}
	return fmt.Sprintf("%s graph, %d nodes, %d edges", kind, g.NumNodes(), g.NumEdges())
}

// adjacency is one CSR half: the neighbours of node i are
// nbr[off[i]:off[i+1]], sorted by index, with weights w[...] alongside.
type adjacency struct {
	off []int32
	nbr []int32
	w   []float64
}

func (a *adjacency) row(i int32) ([]int32, []float64) {
	lo, hi := a.off[i], a.off[i+1]
	return a.nbr[lo:hi], a.w[lo:hi]
}

func (a *adjacency) deg(i int32) int { return int(a.off[i+1] - a.off[i]) }

// weight returns the weight of the entry j in row i (binary search).
func (a *adjacency) weight(i, j int32) (float64, bool) {
	nb, w := a.row(i)
	k, ok := slices.BinarySearch(nb, j)
	if !ok {
		return 0, false
	}
	return w[k], true
}

// csr is the frozen form of a Graph used by every metric.
//
// For an undirected graph out == in and every edge u–v (u != v) is stored in
// both rows; a self-loop is stored once, in its node's row — as in the
// adjacency matrix NetworkX builds (nx.to_scipy_sparse_array) and as in
// NetworkX's G[u] adjacency dict. For a directed graph out holds successors
// and in predecessors.
type csr struct {
	n        int
	directed bool
	out, in  *adjacency
	self     []float64 // self-loop weight per node (0 if none)
	hasSelf  []bool
	nself    int
	m        int // distinct edges incl. self-loops
}

func (g *Graph) csr() *csr {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.adj == nil {
		g.adj = buildCSR(g)
	}
	return g.adj
}

func buildCSR(g *Graph) *csr {
	n := len(g.names)
	c := &csr{n: n, directed: g.directed, m: len(g.eu), self: make([]float64, n), hasSelf: make([]bool, n)}
	for i := range g.eu {
		if g.eu[i] == g.ev[i] {
			c.self[g.eu[i]] = g.ew[i]
			c.hasSelf[g.eu[i]] = true
			c.nself++
		}
	}
	build := func(from, to []int32, both bool) *adjacency {
		cnt := make([]int32, n+1)
		for i := range from {
			cnt[from[i]+1]++
			if both && from[i] != to[i] {
				cnt[to[i]+1]++
			}
		}
		for i := 0; i < n; i++ {
			cnt[i+1] += cnt[i]
		}
		total := cnt[n]
		a := &adjacency{off: cnt, nbr: make([]int32, total), w: make([]float64, total)}
		pos := slices.Clone(cnt[:n])
		for i := range from {
			u, v := from[i], to[i]
			a.nbr[pos[u]], a.w[pos[u]] = v, g.ew[i]
			pos[u]++
			if both && u != v {
				a.nbr[pos[v]], a.w[pos[v]] = u, g.ew[i]
				pos[v]++
			}
		}
		// sort each row by neighbour index
		for i := 0; i < n; i++ {
			lo, hi := a.off[i], a.off[i+1]
			if hi-lo < 2 {
				continue
			}
			nb, w := a.nbr[lo:hi], a.w[lo:hi]
			if slices.IsSorted(nb) {
				continue
			}
			idx := make([]int, len(nb))
			for k := range idx {
				idx[k] = k
			}
			slices.SortFunc(idx, func(x, y int) int { return int(nb[x]) - int(nb[y]) })
			nb2 := make([]int32, len(nb))
			w2 := make([]float64, len(nb))
			for k, j := range idx {
				nb2[k], w2[k] = nb[j], w[j]
			}
			copy(nb, nb2)
			copy(w, w2)
		}
		return a
	}
	if g.directed {
		c.out = build(g.eu, g.ev, false)
		c.in = build(g.ev, g.eu, false)
	} else {
		c.out = build(g.eu, g.ev, true)
		c.in = c.out
	}
	return c
}
