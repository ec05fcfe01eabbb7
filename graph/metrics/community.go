package metrics

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
)

// Communities is a partition of a graph's nodes.
type Communities struct {
	// Of[v] is the community of node v. Communities are numbered by size,
	// largest first, ties broken by their first node in insertion order.
	Of []int
	// Sizes[c] is the number of nodes in community c.
	Sizes []int
	// Modularity is Q of the partition (see Modularity); NaN for a graph
	// without edge weight.
	Modularity float64
	// Err is set if gonum's Louvain failed (it panicked on some inputs in
	// testing before weights were rescaled; kept as a safety net). The
	// partition is then all singletons.
	Err error
}

// Louvain partitions g with gonum's community.Modularize (Louvain method,
// resolution 1, edge weights used) driven by a PCG source seeded with seed,
// so the result is deterministic for a given graph and seed. Directed graphs
// are modularized with the directed modularity (Leicht–Newman), as
// nx.community.louvain_communities does for a DiGraph.
//
// NetworkX's louvain_communities is randomized differently, so partitions
// are not comparable one to one; the modularity reached is (the parity tests
// require it within ±0.05 of nx.community.louvain_communities(G, seed=1)).
// Self-loops count in the modularity as in NetworkX (see Modularity), but
// gonum's first Louvain level does not weigh them when moving nodes.
func Louvain(g *Graph, seed uint64) Communities {
	n := g.NumNodes()
	if n == 0 {
		return Communities{Modularity: math.NaN()}
	}
	view := g.modularityView()
	var groups [][]graph.Node
	var err error
	if linkWeight(g) == 0 {
		// No edge weight between distinct nodes: every node is its own
		// community, as NetworkX's louvain returns (merging two nodes
		// without a link only lowers Q; with no weight at all Q is 0/0).
		// gonum's Louvain panics on such graphs.
		groups = make([][]graph.Node, n)
		for i := range groups {
			groups[i] = []graph.Node{view.Node(int64(i))}
		}
	} else {
		groups, err = modularize(view, seed)
		if err != nil {
			groups = nil
		}
	}
	of := make([]int, n)
	if groups == nil {
		for i := range of {
			of[i] = i
		}
	}
	for ci, grp := range groups {
		for _, v := range grp {
			of[v.ID()] = ci
		}
	}
	c := renumber(of, Modularity(g, of))
	c.Err = err
	return c
}

func modularize(view graph.Weighted, seed uint64) (groups [][]graph.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("louvain: gonum community.Modularize failed: %v", r)
		}
	}()
	src := rand.NewPCG(seed, 0x9e3779b97f4a7c15)
	return community.Modularize(view, 1, src).Communities(), nil
}

// modularityView is the gonum view for community.Q and Modularize:
// self-loops weighted as NetworkX's modularity counts them, and all weights
// divided by the largest one. Modularity does not change when all weights
// are scaled, and the scaling keeps gonum's sums of weights from
// overflowing to +Inf (which makes its Louvain panic).
func (g *Graph) modularityView() graph.Weighted {
	mx := 0.0
	for _, w := range g.ew {
		mx = math.Max(mx, w)
	}
	scale := 1.0
	if mx > 0 {
		scale = 1 / mx
	}
	if math.IsInf(scale, 0) {
		scale = 1
	}
	return g.scaledView(selfMul(g), scale)
}

// linkWeight is the total weight of the edges that are not self-loops.
func linkWeight(g *Graph) float64 {
	s := 0.0
	for i, w := range g.ew {
		if g.eu[i] != g.ev[i] {
			s += w
		}
	}
	return s
}

func selfMul(g *Graph) float64 {
	if g.directed {
		return 1
	}
	return 2
}

// renumber numbers communities by size (desc), then first node.
func renumber(of []int, q float64) Communities {
	size := map[int]int{}
	first := map[int]int{}
	for v, c := range of {
		size[c]++
		if _, ok := first[c]; !ok {
			first[c] = v
		}
	}
	ids := make([]int, 0, len(size))
	for c := range size {
		ids = append(ids, c)
	}
	slices.SortFunc(ids, func(a, b int) int {
		if size[a] != size[b] {
			return size[b] - size[a]
		}
		return first[a] - first[b]
	})
	newID := make(map[int]int, len(ids))
	res := Communities{Of: make([]int, len(of)), Sizes: make([]int, len(ids)), Modularity: q}
	for i, c := range ids {
		newID[c] = i
		res.Sizes[i] = size[c]
	}
	for v, c := range of {
		res.Of[v] = newID[c]
	}
	return res
}

// Modularity returns the modularity of the partition of comm[v] (any
// integer labels) with resolution 1, using edge weights, computed by gonum's
// community.Q. It equals nx.community.modularity(G, communities):
//
//	undirected: Q = Σ_c [ L_c/m - (k_c / 2m)² ]
//	directed:   Q = Σ_c [ L_c/m - k_c^out k_c^in / m² ]
//
// with L_c the weight of the edges inside c, k_c the summed (weighted)
// degree, a self-loop counting once in m and L_c and twice in an undirected
// degree. NaN if the graph has no edge weight (NetworkX: ZeroDivisionError).
func Modularity(g *Graph, comm []int) float64 {
	n := g.NumNodes()
	if n == 0 {
		return math.NaN()
	}
	view := g.modularityView()
	byLabel := map[int][]graph.Node{}
	var labels []int
	for v := 0; v < n; v++ {
		if _, ok := byLabel[comm[v]]; !ok {
			labels = append(labels, comm[v])
		}
		byLabel[comm[v]] = append(byLabel[comm[v]], view.Node(int64(v)))
	}
	groups := make([][]graph.Node, 0, len(labels))
	for _, l := range labels {
		groups = append(groups, byLabel[l])
	}
	q := community.Q(view, groups, 1)
	if math.IsInf(q, 0) {
		return math.NaN()
	}
	return q
}
