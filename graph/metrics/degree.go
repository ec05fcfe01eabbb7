package metrics

// Degree returns the degree of every node, as NetworkX's G.degree: the
// number of incident edges, a self-loop counting twice (once at each end).
// For a directed graph it is in-degree + out-degree. Hand-written.
func Degree(g *Graph) []int {
	c := g.csr()
	d := make([]int, c.n)
	for i := range d {
		d[i] = c.out.deg(int32(i))
		if c.directed {
			d[i] += c.in.deg(int32(i))
		} else if c.hasSelf[i] {
			d[i]++ // stored once in the row, counts twice
		}
	}
	return d
}

// InDegree returns the in-degree of every node (G.in_degree); for an
// undirected graph it equals Degree.
func InDegree(g *Graph) []int {
	if !g.directed {
		return Degree(g)
	}
	c := g.csr()
	d := make([]int, c.n)
	for i := range d {
		d[i] = c.in.deg(int32(i))
	}
	return d
}

// OutDegree returns the out-degree of every node (G.out_degree); for an
// undirected graph it equals Degree.
func OutDegree(g *Graph) []int {
	if !g.directed {
		return Degree(g)
	}
	c := g.csr()
	d := make([]int, c.n)
	for i := range d {
		d[i] = c.out.deg(int32(i))
	}
	return d
}

func rowSum(a *adjacency, i int32) float64 {
	_, w := a.row(i)
	s := 0.0
	for _, x := range w {
		s += x
	}
	return s
}

// Strength returns the weighted degree of every node, as NetworkX's
// G.degree(weight="weight"): the sum of incident edge weights, a self-loop
// counting twice. For a directed graph it is in-strength + out-strength.
func Strength(g *Graph) []float64 {
	c := g.csr()
	s := make([]float64, c.n)
	for i := range s {
		s[i] = rowSum(c.out, int32(i))
		if c.directed {
			s[i] += rowSum(c.in, int32(i))
		} else {
			s[i] += c.self[i]
		}
	}
	return s
}

// InStrength returns the sum of the weights of the incoming edges of every
// node (G.in_degree(weight="weight")); for undirected graphs it equals
// Strength.
func InStrength(g *Graph) []float64 {
	if !g.directed {
		return Strength(g)
	}
	c := g.csr()
	s := make([]float64, c.n)
	for i := range s {
		s[i] = rowSum(c.in, int32(i))
	}
	return s
}

// OutStrength returns the sum of the weights of the outgoing edges of every
// node (G.out_degree(weight="weight")); for undirected graphs it equals
// Strength.
func OutStrength(g *Graph) []float64 {
	if !g.directed {
		return Strength(g)
	}
	c := g.csr()
	s := make([]float64, c.n)
	for i := range s {
		s[i] = rowSum(c.out, int32(i))
	}
	return s
}

// Density returns nx.density(G): m / (n(n-1)) for directed graphs and
// 2m / (n(n-1)) for undirected ones, m counting self-loops; 0 if n <= 1.
func Density(g *Graph) float64 {
	n := float64(g.NumNodes())
	if n <= 1 {
		return 0
	}
	d := float64(g.NumEdges()) / (n * (n - 1))
	if !g.directed {
		d *= 2
	}
	return d
}
