package metrics

import (
	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/simple"
)

// Why a view and not a stored gonum graph: gonum's simple graphs panic on
// self-loops ("simple: adding self edge") and report Weight(x, x) as a
// constant, and its multi graphs make every algorithm pay for line
// iteration. NetworkX keeps self-loops, so Graph stores its own compact
// adjacency and exposes gonum's interfaces over it. The view's node IDs are
// the Graph's node indices.

// Gonum returns a read-only gonum view of g: a graph.WeightedUndirected or a
// graph.WeightedDirected whose node IDs are g's node indices. From(u) does
// not include u itself; a self-loop shows only through Weight(u, u) (and
// HasEdgeBetween/Edge), which returns the self-loop weight, or 0 (and true)
// if u has none, as gonum's simple graphs do with self = 0.
//
// The view must not be used after g is mutated.
func (g *Graph) Gonum() graph.Weighted {
	return g.gonumView(1)
}

// gonumView returns the view with self-loop weights multiplied by selfMul.
// community.Q and community.Modularize count A_uu once in k_u and once in
// the diagonal term, while NetworkX's modularity counts an undirected
// self-loop twice in the degree (and so twice on the diagonal); selfMul = 2
// on undirected graphs makes gonum's Q equal NetworkX's.
func (g *Graph) gonumView(selfMul float64) graph.Weighted {
	return g.scaledView(selfMul, 1)
}

// scaledView is gonumView with every weight multiplied by scale.
func (g *Graph) scaledView(selfMul, scale float64) graph.Weighted {
	c := g.csr()
	b := gview{c: c, selfMul: selfMul, scale: scale}
	if c.directed {
		return directedView{b}
	}
	return undirectedView{b}
}

type gview struct {
	c       *csr
	selfMul float64
	scale   float64
}

func (v gview) Node(id int64) graph.Node {
	if id < 0 || id >= int64(v.c.n) {
		return nil
	}
	return simple.Node(id)
}

func (v gview) Nodes() graph.Nodes {
	if v.c.n == 0 {
		return graph.Empty
	}
	return iterator.NewImplicitNodes(0, v.c.n, func(id int) graph.Node { return simple.Node(id) })
}

func (v gview) ok(id int64) bool { return id >= 0 && id < int64(v.c.n) }

func (v gview) nodesOf(a *adjacency, id int64) graph.Nodes {
	if !v.ok(id) {
		return graph.Empty
	}
	nb, _ := a.row(int32(id))
	nodes := make([]graph.Node, 0, len(nb))
	for _, j := range nb {
		if int64(j) != id {
			nodes = append(nodes, simple.Node(j))
		}
	}
	if len(nodes) == 0 {
		return graph.Empty
	}
	return iterator.NewOrderedNodes(nodes)
}

func (v gview) From(id int64) graph.Nodes { return v.nodesOf(v.c.out, id) }

// weight returns the weight of x→y (x–y if undirected).
func (v gview) weight(x, y int64) (float64, bool) {
	if !v.ok(x) || !v.ok(y) {
		return 0, false
	}
	if x == y {
		return v.c.self[x] * v.selfMul * v.scale, true
	}
	w, ok := v.c.out.weight(int32(x), int32(y))
	return w * v.scale, ok
}

func (v gview) hasEdge(x, y int64) bool {
	if !v.ok(x) || !v.ok(y) {
		return false
	}
	if x == y {
		return v.c.hasSelf[x]
	}
	_, ok := v.c.out.weight(int32(x), int32(y))
	return ok
}

func (v gview) Weight(x, y int64) (float64, bool) { return v.weight(x, y) }

func (v gview) WeightedEdge(x, y int64) graph.WeightedEdge {
	if !v.hasEdge(x, y) {
		return nil
	}
	w, _ := v.weight(x, y)
	return simple.WeightedEdge{F: simple.Node(x), T: simple.Node(y), W: w}
}

func (v gview) Edge(x, y int64) graph.Edge {
	if e := v.WeightedEdge(x, y); e != nil {
		return e
	}
	return nil
}

type undirectedView struct{ gview }

var _ graph.WeightedUndirected = undirectedView{}

func (v undirectedView) HasEdgeBetween(x, y int64) bool { return v.hasEdge(x, y) }

func (v undirectedView) EdgeBetween(x, y int64) graph.Edge { return v.Edge(x, y) }

func (v undirectedView) WeightedEdgeBetween(x, y int64) graph.WeightedEdge {
	return v.WeightedEdge(x, y)
}

type directedView struct{ gview }

var _ graph.WeightedDirected = directedView{}

func (v directedView) HasEdgeBetween(x, y int64) bool { return v.hasEdge(x, y) || v.hasEdge(y, x) }

func (v directedView) HasEdgeFromTo(u, w int64) bool { return v.hasEdge(u, w) }

func (v directedView) To(id int64) graph.Nodes { return v.nodesOf(v.c.in, id) }
