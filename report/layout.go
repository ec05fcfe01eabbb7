package report

import (
	"math"
	"math/rand/v2"
	"sort"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/iterator"
	"gonum.org/v1/gonum/graph/layout"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/spatial/r2"
)

// network is the leader network ready to draw: the nodes and edges that
// can be drawn, with positions, radii and label placements in SVG units.
type network struct {
	nodes  []Node
	edges  []drawnEdge
	pos    []r2.Vec
	rad    []float64
	labels []placedLabel
	size   sizeMetric
	maxCnt int
	maxW   float64 // largest tie weight (Weight, else Count)
	total  int     // leaders in the data (drawn or not)
	w, h   float64
}

type drawnEdge struct {
	Edge
	a, b int // node indexes
}

type placedLabel struct {
	node       int
	x, y       float64
	anchor     string // start, middle, end
	size       float64
	bold       bool
	minX, maxX float64
	minY, maxY float64
}

// sizeMetric is what node area shows: PageRank, else betweenness, else
// events, else nothing (all equal).
type sizeMetric struct {
	name string
	of   func(Node) float64
}

func chooseSize(nodes []Node) sizeMetric {
	for _, m := range []sizeMetric{
		{"PageRank", func(n Node) float64 { return n.PageRank }},
		{"betweenness", func(n Node) float64 { return n.Betweenness }},
		{"events", func(n Node) float64 { return float64(n.Events) }},
		{"degree", func(n Node) float64 { return n.Degree }},
	} {
		for _, n := range nodes {
			if m.of(n) > 0 {
				return m
			}
		}
	}
	return sizeMetric{"", func(Node) float64 { return 0 }}
}

const (
	netW      = 1000.0
	netH      = 600.0
	netMargin = 28.0
	minRadius = 5.0
	maxRadius = 24.0
	// maxDrawn is the most leaders the drawing shows.
	maxDrawn = 150
)

// layoutNetwork lays the leader network out deterministically: gonum's
// Eades force-directed layout (seeded) per connected component, the largest
// in the main area and the rest in a strip below; then principal-axis
// rotation, scaling to the box, overlap removal and greedy label placement.
func layoutNetwork(d *Data) *network {
	nw := &network{w: netW, h: netH}
	// Draw the most central leaders (and the focus) when there are too
	// many to read; the tables and exports keep them all.
	keep := map[string]bool{}
	unique := map[string]bool{}
	for _, n := range d.Nodes {
		unique[n.Key] = true
	}
	nw.total = len(unique)
	if nw.total > maxDrawn {
		isFocus := map[string]bool{}
		for _, f := range d.Focus {
			isFocus[f] = true
		}
		for _, n := range d.Nodes {
			if isFocus[n.Name] && len(keep) < maxDrawn {
				keep[n.Key] = true
			}
		}
		for _, i := range ranked(d.Nodes) {
			if len(keep) >= maxDrawn {
				break
			}
			keep[d.Nodes[i].Key] = true
		}
	}
	seen := map[string]int{}
	for _, n := range d.Nodes {
		if _, dup := seen[n.Key]; dup {
			continue
		}
		if nw.total > maxDrawn && !keep[n.Key] {
			continue
		}
		seen[n.Key] = len(nw.nodes)
		nw.nodes = append(nw.nodes, n)
	}
	pairs := map[[2]int]bool{}
	for _, e := range d.Edges {
		a, okA := seen[e.A]
		b, okB := seen[e.B]
		if !okA || !okB || a == b {
			continue
		}
		k := [2]int{min(a, b), max(a, b)}
		if pairs[k] {
			continue
		}
		pairs[k] = true
		nw.edges = append(nw.edges, drawnEdge{Edge: e, a: a, b: b})
		nw.maxCnt = max(nw.maxCnt, e.Count)
		nw.maxW = math.Max(nw.maxW, tieWeight(e))
	}
	// Lightest edges first, so that strong ties are drawn on top.
	sort.SliceStable(nw.edges, func(i, j int) bool { return nw.edges[i].Count < nw.edges[j].Count })
	n := len(nw.nodes)
	if n == 0 {
		return nw
	}
	nw.size = chooseSize(nw.nodes)
	maxS := 0.0
	for _, nd := range nw.nodes {
		maxS = math.Max(maxS, nw.size.of(nd))
	}
	nw.rad = make([]float64, n)
	for i, nd := range nw.nodes {
		r := (minRadius + maxRadius) / 2
		if maxS > 0 {
			r = minRadius + (maxRadius-minRadius)*math.Sqrt(math.Max(0, nw.size.of(nd))/maxS)
		}
		if n > 80 {
			r *= 0.7
		}
		nw.rad[i] = r
	}

	comps := components(n, nw.edges)
	nw.pos = make([]r2.Vec, n)
	type box struct{ x, y, w, h float64 }
	main := box{netMargin, netMargin, netW - 2*netMargin, netH - 2*netMargin}
	var rest [][]int
	var isolates []int
	for _, c := range comps[1:] {
		if len(c) == 1 {
			isolates = append(isolates, c[0])
		} else {
			rest = append(rest, c)
		}
	}
	if len(comps[0]) == 1 { // no edges at all: everything is an isolate
		isolates = append([]int{comps[0][0]}, isolates...)
		sort.Ints(isolates)
		comps = nil
	}
	strip := 0.0
	if len(rest) > 0 || len(isolates) > 0 {
		strip = 110
		if comps == nil {
			strip = main.h
		}
	}
	if comps != nil {
		main.h -= strip
		nw.placeComponent(comps[0], main.x, main.y, main.w, main.h, 0)
	}
	if strip > 0 {
		// Components after the first share the strip by size; isolates
		// take a final cell in rows.
		y := main.y + main.h
		if comps == nil {
			y = main.y
		}
		total := 0
		for _, c := range rest {
			total += len(c)
		}
		if len(isolates) > 0 {
			total += max(len(isolates), 3)
		}
		x := main.x
		for i, c := range rest {
			w := main.w * float64(len(c)) / float64(total)
			nw.placeComponent(c, x, y+10, w, strip-10, uint64(i+1))
			x += w
		}
		if len(isolates) > 0 {
			nw.placeGrid(isolates, x, y+10, main.x+main.w-x, strip-10)
		}
	}
	nw.separate()
	nw.placeLabels(d.Focus)
	return nw
}

// tieWeight is how strong a tie is for the layout: the projection weight
// (bilateral meetings count fully, summits a little), else shared events.
func tieWeight(e Edge) float64 {
	if e.Weight > 0 {
		return e.Weight
	}
	return float64(max(e.Count, 1))
}

// tieLength is the target distance along a tie for Isomap.
func tieLength(e Edge, maxW float64) float64 {
	s := tieWeight(e) / math.Max(maxW, 1e-9)
	return 1 / math.Sqrt(0.08+s)
}

// degenerate reports whether points have (almost) no spread in some
// direction.
func degenerate(pts []r2.Vec) bool {
	p := principalAxes(pts)
	var sx, sy float64
	for _, v := range p {
		sx = math.Max(sx, math.Abs(v.X))
		sy = math.Max(sy, math.Abs(v.Y))
	}
	return sx < 1e-9 || sy < 1e-3*sx
}

// components returns the connected components, largest first (ties by
// smallest member), each sorted.
func components(n int, edges []drawnEdge) [][]int {
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, e := range edges {
		ra, rb := find(e.a), find(e.b)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	groups := map[int][]int{}
	for i := range n {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	var out [][]int
	for _, g := range groups {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i][0] < out[j][0]
	})
	return out
}

// placeComponent lays out the nodes of one component into a box.
func (nw *network) placeComponent(members []int, x0, y0, w, h float64, seed uint64) {
	local := map[int]int{}
	for i, m := range members {
		local[m] = i
	}
	g := &orderedGraph{nodes: make([]graph.Node, len(members)), adj: make([][]int64, len(members)), w: map[[2]int64]float64{}}
	for i := range members {
		g.nodes[i] = simple.Node(int64(i))
	}
	for _, e := range nw.edges {
		a, okA := local[e.a]
		b, okB := local[e.b]
		if !okA || !okB {
			continue
		}
		// Isomap's distance along a tie shrinks as the tie grows: ties of
		// many bilateral meetings pull leaders together, one shared
		// summit barely does.
		g.adj[a] = append(g.adj[a], int64(b))
		g.adj[b] = append(g.adj[b], int64(a))
		g.w[[2]int64{int64(min(a, b)), int64(max(a, b))}] = tieLength(e.Edge, nw.maxW)
	}
	for i := range g.adj {
		sort.Slice(g.adj[i], func(x, y int) bool { return g.adj[i][x] < g.adj[i][y] })
	}
	pts := make([]r2.Vec, len(members))
	switch len(members) {
	case 1:
		pts[0] = r2.Vec{}
	case 2:
		pts[0], pts[1] = r2.Vec{X: -1}, r2.Vec{X: 1}
	default:
		opt := layout.NewOptimizerR2(g, layout.IsomapR2{}.Update)
		for opt.Update() {
		}
		ok := true
		for i := range members {
			pts[i] = opt.Coord2(int64(i))
			if math.IsNaN(pts[i].X) || math.IsNaN(pts[i].Y) {
				ok = false
			}
		}
		if !ok || degenerate(pts) {
			// Isomap needs two dimensions of spread; fall back to a
			// seeded force-directed layout.
			for k := range g.w {
				g.w[k] = 1
			}
			eades := layout.EadesR2{Repulsion: 1, Rate: 0.05, Updates: 300, Theta: 0.2, Src: rand.NewPCG(0x5eed, seed)}
			opt := layout.NewOptimizerR2(g, eades.Update)
			for opt.Update() {
			}
			for i := range members {
				pts[i] = opt.Coord2(int64(i))
			}
		}
	}
	pts = principalAxes(pts)
	fit(pts, x0+maxRadius, y0+maxRadius*0.6, w-2*maxRadius, h-1.2*maxRadius)
	for i, m := range members {
		nw.pos[m] = pts[i]
	}
}

// placeGrid puts isolated nodes in rows, most central first.
func (nw *network) placeGrid(members []int, x0, y0, w, h float64) {
	cols := max(1, int(math.Ceil(math.Sqrt(float64(len(members))*w/math.Max(h, 1)))))
	rows := int(math.Ceil(float64(len(members)) / float64(cols)))
	cw, rh := w/float64(cols), h/float64(max(rows, 1))
	for i, m := range members {
		c, r := i%cols, i/cols
		nw.pos[m] = r2.Vec{X: x0 + cw*(float64(c)+0.5), Y: y0 + rh*(float64(r)+0.5)}
	}
}

// principalAxes centres the points and rotates them so that their widest
// spread is horizontal (the drawing is landscape).
func principalAxes(pts []r2.Vec) []r2.Vec {
	var c r2.Vec
	for _, p := range pts {
		c = r2.Add(c, p)
	}
	c = r2.Scale(1/float64(len(pts)), c)
	var sxx, syy, sxy float64
	for _, p := range pts {
		d := r2.Sub(p, c)
		sxx += d.X * d.X
		syy += d.Y * d.Y
		sxy += d.X * d.Y
	}
	theta := 0.5 * math.Atan2(2*sxy, sxx-syy)
	cos, sin := math.Cos(-theta), math.Sin(-theta)
	out := make([]r2.Vec, len(pts))
	for i, p := range pts {
		d := r2.Sub(p, c)
		out[i] = r2.Vec{X: d.X*cos - d.Y*sin, Y: d.X*sin + d.Y*cos}
		if math.IsNaN(out[i].X) || math.IsNaN(out[i].Y) {
			out[i] = r2.Vec{}
		}
	}
	return out
}

// fit scales points into a box, keeping proportions within a factor 1.4.
func fit(pts []r2.Vec, x0, y0, w, h float64) {
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, p := range pts {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	rx, ry := maxX-minX, maxY-minY
	sx, sy := 0.0, 0.0
	if rx > 1e-9 {
		sx = w / rx
	}
	if ry > 1e-9 {
		sy = h / ry
	}
	switch {
	case sx == 0 && sy == 0:
	case sx == 0:
		sy = math.Min(sy, h)
	case sy == 0:
		sx = math.Min(sx, w)
	default:
		s := math.Min(sx, sy)
		sx, sy = math.Min(sx, s*1.4), math.Min(sy, s*1.4)
	}
	cx, cy := (minX+maxX)/2, (minY+maxY)/2
	for i, p := range pts {
		pts[i] = r2.Vec{X: x0 + w/2 + (p.X-cx)*sx, Y: y0 + h/2 + (p.Y-cy)*sy}
	}
}

// separate pushes overlapping circles apart and keeps them in the frame.
func (nw *network) separate() {
	n := len(nw.nodes)
	for it := 0; it < 120; it++ {
		moved := false
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				d := r2.Sub(nw.pos[j], nw.pos[i])
				dist := math.Hypot(d.X, d.Y)
				need := nw.rad[i] + nw.rad[j] + 11
				if dist >= need {
					continue
				}
				if dist < 1e-6 {
					a := float64(i*7 + j*13) // deterministic direction
					d, dist = r2.Vec{X: math.Cos(a), Y: math.Sin(a)}, 1
				}
				push := r2.Scale((need-dist)/2/dist, d)
				nw.pos[i] = r2.Sub(nw.pos[i], push)
				nw.pos[j] = r2.Add(nw.pos[j], push)
				moved = true
			}
		}
		for i := range nw.pos {
			r := nw.rad[i] + 2
			nw.pos[i].X = math.Min(math.Max(nw.pos[i].X, r+2), nw.w-r-2)
			nw.pos[i].Y = math.Min(math.Max(nw.pos[i].Y, r+2), nw.h-r-2)
		}
		if !moved {
			break
		}
	}
}

// textWidth estimates the width of s in a sans-serif face at size px.
func textWidth(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case r == ' ' || r == 'i' || r == 'l' || r == 'j' || r == '.' || r == ',' || r == '\'' || r == 'I' || r == '|' || r == '!':
			w += 0.28
		case r == 'f' || r == 't' || r == 'r' || r == '-' || r == '(' || r == ')':
			w += 0.36
		case r == 'm' || r == 'w' || r == 'M' || r == 'W':
			w += 0.84
		case r >= 'A' && r <= 'Z':
			w += 0.66
		case r < 0x80:
			w += 0.54
		case r >= 0x2E80: // CJK and wider scripts
			w += 1.0
		default:
			w += 0.58
		}
	}
	if bold {
		w *= 1.07
	}
	// Calibrated on DejaVu Sans, the widest of the common sans faces a
	// system font stack falls back to.
	return w * size * 1.1
}

// placeLabels labels nodes greedily, most central (and focus) first, at the
// first of eight positions around the node that overlaps no other label,
// node or frame edge; a node whose label does not fit keeps its tooltip.
func (nw *network) placeLabels(focus []string) {
	isFocus := map[string]bool{}
	for _, f := range focus {
		isFocus[f] = true
	}
	order := ranked(nw.nodes)
	sort.SliceStable(order, func(i, j int) bool {
		return isFocus[nw.nodes[order[i]].Name] && !isFocus[nw.nodes[order[j]].Name]
	})
	limit := 40
	for rank, i := range order {
		if len(nw.labels) >= limit {
			break
		}
		name := oneLine(nw.nodes[i].Name)
		if name == "" {
			continue
		}
		if len([]rune(name)) > 28 {
			name = string([]rune(name)[:27]) + "…"
		}
		size, bold := 12.5, false
		if rank < 5 || isFocus[nw.nodes[i].Name] {
			size, bold = 13.5, true
		}
		tw := textWidth(name, size, bold)
		p, r := nw.pos[i], nw.rad[i]
		asc, desc := size*0.74, size*0.24 // above and below the baseline
		type cand struct {
			x, y   float64
			anchor string
		}
		g := 3.0
		cands := []cand{
			{p.X + r + g, p.Y + asc/2 - desc/2, "start"},
			{p.X - r - g, p.Y + asc/2 - desc/2, "end"},
			{p.X, p.Y - r - g - desc, "middle"},
			{p.X, p.Y + r + g + asc, "middle"},
			{p.X + r*0.7 + g, p.Y - r*0.7 - desc, "start"},
			{p.X + r*0.7 + g, p.Y + r*0.7 + asc, "start"},
			{p.X - r*0.7 - g, p.Y - r*0.7 - desc, "end"},
			{p.X - r*0.7 - g, p.Y + r*0.7 + asc, "end"},
		}
		for _, c := range cands {
			l := placedLabel{node: i, x: c.x, y: c.y, anchor: c.anchor, size: size, bold: bold}
			switch c.anchor {
			case "start":
				l.minX, l.maxX = c.x, c.x+tw
			case "end":
				l.minX, l.maxX = c.x-tw, c.x
			default:
				l.minX, l.maxX = c.x-tw/2, c.x+tw/2
			}
			l.minY, l.maxY = c.y-asc, c.y+desc
			if nw.labelFits(l) {
				nw.labels = append(nw.labels, l)
				break
			}
		}
	}
}

func (nw *network) labelFits(l placedLabel) bool {
	if l.minX < 2 || l.maxX > nw.w-2 || l.minY < 2 || l.maxY > nw.h-2 {
		return false
	}
	const pad = 2.0
	for _, o := range nw.labels {
		if l.minX < o.maxX+pad && o.minX < l.maxX+pad && l.minY < o.maxY+pad && o.minY < l.maxY+pad {
			return false
		}
	}
	for j, p := range nw.pos {
		if j == l.node {
			continue
		}
		// distance from the circle centre to the rectangle
		dx := math.Max(math.Max(l.minX-p.X, 0), p.X-l.maxX)
		dy := math.Max(math.Max(l.minY-p.Y, 0), p.Y-l.maxY)
		if math.Hypot(dx, dy) < nw.rad[j]+1.5 {
			return false
		}
	}
	return true
}

// orderedGraph is an undirected weighted graph whose node and neighbour
// iteration order is fixed, so that the seeded layout is reproducible
// (gonum's simple graphs iterate maps).
type orderedGraph struct {
	nodes []graph.Node
	adj   [][]int64
	w     map[[2]int64]float64
}

func (g *orderedGraph) Node(id int64) graph.Node {
	if id < 0 || id >= int64(len(g.nodes)) {
		return nil
	}
	return g.nodes[id]
}

func (g *orderedGraph) Nodes() graph.Nodes { return iterator.NewOrderedNodes(g.nodes) }

func (g *orderedGraph) From(id int64) graph.Nodes {
	if id < 0 || id >= int64(len(g.nodes)) {
		return graph.Empty
	}
	ns := make([]graph.Node, len(g.adj[id]))
	for i, v := range g.adj[id] {
		ns[i] = g.nodes[v]
	}
	return iterator.NewOrderedNodes(ns)
}

func (g *orderedGraph) weight(x, y int64) (float64, bool) {
	w, ok := g.w[[2]int64{min(x, y), max(x, y)}]
	return w, ok
}

func (g *orderedGraph) HasEdgeBetween(x, y int64) bool {
	_, ok := g.weight(x, y)
	return ok
}

func (g *orderedGraph) Edge(u, v int64) graph.Edge { return g.WeightedEdge(u, v) }

func (g *orderedGraph) WeightedEdge(u, v int64) graph.WeightedEdge {
	w, ok := g.weight(u, v)
	if !ok {
		return nil
	}
	return simple.WeightedEdge{F: g.nodes[u], T: g.nodes[v], W: w}
}

func (g *orderedGraph) Weight(x, y int64) (float64, bool) {
	if x == y {
		return 0, true
	}
	return g.weight(x, y)
}
