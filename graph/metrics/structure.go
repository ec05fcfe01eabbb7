package metrics

import "sync"

// parallelNodes calls f(worker, v) for every node, nodes split across
// workers by striding; newState makes each worker's scratch space.
func parallelNodes[S any](n int, newState func() S, f func(st S, v int32)) {
	W := workerCount(0, n)
	var wg sync.WaitGroup
	for k := 0; k < W; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			st := newState()
			for v := k; v < n; v += W {
				f(st, int32(v))
			}
		}(k)
	}
	wg.Wait()
}

// Clustering returns nx.clustering(G) (weight=None, the default), with
// self-loops ignored as in NetworkX.
//
// Undirected: c(v) = 2T(v) / (d(v)(d(v)-1)), T the number of triangles
// through v and d the number of neighbours other than v; 0 if T = 0.
//
// Directed (Fagiolo 2007): c(v) = T(v) / (2 (d_tot(d_tot-1) - 2 d_↔)),
// T(v) the number of directed triangles through v, d_tot = in + out degree
// and d_↔ the number of reciprocated neighbours.
//
// Hand-written (gonum has no local clustering coefficient), parallel over
// nodes, O(n) scratch per worker, O(Σ d²) time.
func Clustering(g *Graph) []float64 {
	c := g.csr()
	n := c.n
	out := make([]float64, n)
	if !c.directed {
		parallelNodes(n, func() []int32 { return stamps(n) }, func(mark []int32, v int32) {
			nb, _ := c.out.row(v)
			d := 0
			for _, u := range nb {
				if u != v {
					mark[u] = v
					d++
				}
			}
			t := 0
			for _, u := range nb {
				if u == v {
					continue
				}
				nb2, _ := c.out.row(u)
				for _, x := range nb2 {
					if x != u && mark[x] == v {
						t++
					}
				}
			}
			if t > 0 {
				out[v] = float64(t) / float64(d*(d-1))
			}
		})
		return out
	}
	type scratch struct{ p, s []int32 }
	parallelNodes(n, func() scratch { return scratch{stamps(n), stamps(n)} }, func(st scratch, i int32) {
		preds, _ := c.in.row(i)
		succs, _ := c.out.row(i)
		dp, ds, db := 0, 0, 0
		for _, j := range preds {
			if j != i {
				st.p[j] = i
				dp++
			}
		}
		for _, j := range succs {
			if j != i {
				st.s[j] = i
				ds++
				if st.p[j] == i {
					db++
				}
			}
		}
		count := func(j int32) int {
			t := 0
			for _, row := range [2]*adjacency{c.in, c.out} {
				nb, _ := row.row(j)
				for _, k := range nb {
					if k == j {
						continue
					}
					if st.p[k] == i {
						t++
					}
					if st.s[k] == i {
						t++
					}
				}
			}
			return t
		}
		t := 0
		for _, j := range preds {
			if j != i {
				t += count(j)
			}
		}
		for _, j := range succs {
			if j != i {
				t += count(j)
			}
		}
		if t != 0 {
			dt := dp + ds
			out[i] = float64(t) / float64((dt*(dt-1)-2*db)*2)
		}
	})
	return out
}

func stamps(n int) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

// AverageClustering returns nx.average_clustering(G): the mean of
// Clustering over all nodes (count_zeros=True); 0 for an empty graph
// (NetworkX divides by zero there).
func AverageClustering(g *Graph) float64 {
	return mean(Clustering(g))
}

func mean(x []float64) float64 {
	if len(x) == 0 {
		return 0
	}
	s := 0.0
	for _, v := range x {
		s += v
	}
	return s / float64(len(x))
}

// CoreNumber returns nx.core_number(G) computed on G with its self-loops
// removed: NetworkX (>= 2.x) raises NetworkXNotImplemented on a graph with
// self-loops and tells the caller to remove them first, which is what this
// does instead of failing. For a directed graph the degree is in + out
// degree and a reciprocated pair counts twice, as in NetworkX.
// Batagelj–Zaversnik bucket algorithm, O(n+m), hand-written.
func CoreNumber(g *Graph) []int {
	c := g.csr()
	n := c.n
	deg := make([]int, n)
	rows := []*adjacency{c.out}
	if c.directed {
		rows = append(rows, c.in)
	}
	md := 0
	for v := int32(0); v < int32(n); v++ {
		d := 0
		for _, a := range rows {
			d += a.deg(v)
		}
		if c.hasSelf[v] {
			d -= len(rows) // the self-loop sits once in each row
		}
		deg[v] = d
		md = max(md, d)
	}
	bin := make([]int, md+2)
	for _, d := range deg {
		bin[d]++
	}
	start := 0
	for d := 0; d <= md; d++ {
		num := bin[d]
		bin[d] = start
		start += num
	}
	pos := make([]int, n)
	vert := make([]int32, n)
	for v := 0; v < n; v++ {
		pos[v] = bin[deg[v]]
		vert[pos[v]] = int32(v)
		bin[deg[v]]++
	}
	for d := md; d > 0; d-- {
		bin[d] = bin[d-1]
	}
	bin[0] = 0
	for i := 0; i < n; i++ {
		v := vert[i]
		for _, a := range rows {
			nb, _ := a.row(v)
			for _, u := range nb {
				if u == v || deg[u] <= deg[v] {
					continue
				}
				du, pu := deg[u], pos[u]
				pw := bin[du]
				w := vert[pw]
				if u != w {
					pos[u], pos[w] = pw, pu
					vert[pu], vert[pw] = w, u
				}
				bin[du]++
				deg[u]--
			}
		}
	}
	return deg
}

// Components returns the connected components (weakly connected for a
// directed graph), as nx.connected_components / nx.weakly_connected_components:
// comp[v] is the component of node v, components numbered in order of their
// first node (insertion order), and sizes[c] is the size of component c.
// BFS, hand-written.
func Components(g *Graph) (comp []int, sizes []int) {
	c := g.csr()
	n := c.n
	comp = make([]int, n)
	for i := range comp {
		comp[i] = -1
	}
	queue := make([]int32, 0, n)
	for s := int32(0); s < int32(n); s++ {
		if comp[s] >= 0 {
			continue
		}
		id := len(sizes)
		comp[s] = id
		queue = append(queue[:0], s)
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			for _, a := range [2]*adjacency{c.out, c.in} {
				nb, _ := a.row(v)
				for _, u := range nb {
					if comp[u] < 0 {
						comp[u] = id
						queue = append(queue, u)
					}
				}
			}
		}
		sizes = append(sizes, len(queue))
	}
	return comp, sizes
}
