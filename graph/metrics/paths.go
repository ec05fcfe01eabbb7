package metrics

import (
	"math"
	"runtime"
	"sync"
)

// Shortest-path metrics: betweenness, closeness and harmonic centrality.
//
// All three come out of one engine: Brandes' algorithm run from every source
// node, the sources split across workers (runtime.GOMAXPROCS by default).
// Worker k takes sources k, k+W, k+2W, ... (a fixed assignment, so results
// are reproducible for a given worker count) and owns its scratch arrays and
// accumulators, O(n) each (O(n+m) with the Dijkstra heap); they are summed
// at the end. No n×n distance matrix is ever built: gonum's
// network.Betweenness is single-threaded and map-based, and
// network.BetweennessWeighted, network.Closeness and network.Harmonic need a
// path.AllShortest (n×n), so the engine is hand-written.
//
// Closeness and harmonic centrality need the distances d(s, t) *into* each
// node t (NetworkX runs them on G.reverse() for directed graphs), which a
// forward search from every source s provides: each reached t gets d(s, t)
// added to its accumulators.

// BetweennessOptions configures BetweennessWith.
type BetweennessOptions struct {
	// Weighted uses Dijkstra with edge length 1/weight (NetworkX:
	// G[u][v]["distance"] = 1/G[u][v]["weight"], then
	// betweenness_centrality(G, weight="distance")). An edge of weight 0 has
	// infinite length and is never used. Unweighted (the default) uses BFS,
	// as betweenness_centrality(G, weight=None).
	Weighted bool
	// Raw skips normalization (normalized=False in NetworkX: undirected
	// values are halved, directed ones left as they are).
	Raw bool
	// Workers is the number of goroutines; 0 means runtime.GOMAXPROCS(0).
	Workers int
}

// Betweenness returns nx.betweenness_centrality(G) with its defaults
// (normalized=True, weight=None, endpoints=False, k=None): for each node v
// the sum over pairs s != v != t of σ_st(v)/σ_st, divided by (n-1)(n-2) —
// for undirected graphs this counts each unordered pair twice, exactly as
// NetworkX does. 0 for every node if n <= 2. Self-loops do not change
// shortest paths. Parallel Brandes, hand-written (see the package notes).
func Betweenness(g *Graph) []float64 {
	return BetweennessWith(g, BetweennessOptions{})
}

// BetweennessWeighted returns betweenness with edge length 1/weight, i.e.
// strong ties are short: nx.betweenness_centrality(G, weight="distance")
// after setting distance = 1/weight on every edge. Path ties are detected
// by exact float equality of the summed lengths, as in NetworkX.
func BetweennessWeighted(g *Graph) []float64 {
	return BetweennessWith(g, BetweennessOptions{Weighted: true})
}

// BetweennessWith returns betweenness centrality with the given options.
func BetweennessWith(g *Graph, opts BetweennessOptions) []float64 {
	c := g.csr()
	res := runPaths(c, pathJob{betweenness: true, weighted: opts.Weighted}, opts.Workers)
	rescaleBetweenness(res.bc, c.n, c.directed, !opts.Raw)
	return res.bc
}

// rescaleBetweenness is NetworkX's _rescale with endpoints=False, k=None.
func rescaleBetweenness(bc []float64, n int, directed, normalized bool) {
	N := n - 1
	if N < 2 {
		return
	}
	var scale float64
	if normalized {
		scale = 1 / (float64(N) * float64(N-1))
	} else {
		if directed {
			return
		}
		scale = 0.5
	}
	for i := range bc {
		bc[i] *= scale
	}
}

// Closeness returns nx.closeness_centrality(G) with its defaults
// (distance=None, wf_improved=True): for node u with r nodes that can reach
// it (r excludes u) at total distance D,
//
//	C(u) = (r / D) · (r / (n-1))
//
// the second factor being the Wasserman–Faust scaling for disconnected
// graphs; 0 if r = 0 or n <= 1. Distances are hop counts *to* u (for
// directed graphs, incoming distance, as NetworkX, which runs on
// G.reverse()). One BFS per node, parallel, O(n+m) memory per worker.
func Closeness(g *Graph) []float64 {
	return ClosenessWith(g, true)
}

// ClosenessWith is Closeness with wf_improved chosen: false gives r / D.
func ClosenessWith(g *Graph, wfImproved bool) []float64 {
	c := g.csr()
	res := runPaths(c, pathJob{distances: true}, 0)
	return closenessFrom(res, c.n, wfImproved)
}

func closenessFrom(res pathResult, n int, wfImproved bool) []float64 {
	out := make([]float64, n)
	for i := range out {
		if res.far[i] > 0 && n > 1 {
			r := float64(res.reach[i])
			v := r / float64(res.far[i])
			if wfImproved {
				v *= r / float64(n-1)
			}
			out[i] = v
		}
	}
	return out
}

// Harmonic returns nx.harmonic_centrality(G) (distance=None): for node u
// the sum over v != u of 1/d(v, u), unreachable pairs adding 0; distances
// are hop counts into u, so for directed graphs incoming, as NetworkX.
// One BFS per node, parallel, O(n+m) memory per worker.
func Harmonic(g *Graph) []float64 {
	c := g.csr()
	return runPaths(c, pathJob{distances: true}, 0).harm
}

type pathJob struct {
	betweenness bool // accumulate Brandes dependencies
	weighted    bool // Dijkstra on 1/weight instead of BFS
	distances   bool // accumulate farness/reach/harmonic (unweighted only)
}

type pathResult struct {
	bc    []float64
	harm  []float64
	far   []int64
	reach []int64
}

func workerCount(workers, n int) int {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	return max(1, min(workers, n))
}

// runPaths runs a single-source search from every node and returns the
// summed accumulators.
func runPaths(c *csr, job pathJob, workers int) pathResult {
	n := c.n
	W := workerCount(workers, n)
	var outLen []float64
	if job.weighted {
		outLen = lengths(c.out.w)
	}
	parts := make([]pathResult, W)
	var wg sync.WaitGroup
	for k := 0; k < W; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			w := newPathWorker(c, job)
			for s := k; s < n; s += W {
				if job.weighted {
					w.dijkstra(c, int32(s), outLen)
				} else {
					w.bfs(c, int32(s))
				}
			}
			parts[k] = w.res
		}(k)
	}
	wg.Wait()
	res := parts[0]
	for _, p := range parts[1:] {
		for i := 0; i < n; i++ {
			if job.betweenness {
				res.bc[i] += p.bc[i]
			}
			if job.distances {
				res.harm[i] += p.harm[i]
				res.far[i] += p.far[i]
				res.reach[i] += p.reach[i]
			}
		}
	}
	if res.bc == nil {
		res.bc = make([]float64, n)
	}
	return res
}

func lengths(w []float64) []float64 {
	l := make([]float64, len(w))
	for i, x := range w {
		l[i] = 1 / x // +Inf for weight 0: never relaxed
	}
	return l
}

type pathWorker struct {
	job   pathJob
	dist  []int32   // BFS distance, -1 = unseen
	fdist []float64 // Dijkstra distance, +Inf = unseen
	done  []bool
	sigma []float64
	delta []float64
	order []int32 // BFS queue / settle order = Brandes' stack
	preds []int32 // BFS shortest-path predecessors, by in-adjacency offset
	npred []int32
	heap  distHeap
	res   pathResult
}

func newPathWorker(c *csr, job pathJob) *pathWorker {
	n := c.n
	w := &pathWorker{
		job:   job,
		sigma: make([]float64, n),
		order: make([]int32, 0, n),
	}
	if job.weighted {
		w.fdist = make([]float64, n)
		for i := range w.fdist {
			w.fdist[i] = math.Inf(1)
		}
		w.done = make([]bool, n)
	} else {
		w.dist = make([]int32, n)
		for i := range w.dist {
			w.dist[i] = -1
		}
	}
	if job.betweenness {
		w.delta = make([]float64, n)
		w.res.bc = make([]float64, n)
	}
	if job.betweenness || job.weighted {
		w.preds = make([]int32, len(c.in.nbr))
		w.npred = make([]int32, n)
	}
	if job.distances {
		w.res.harm = make([]float64, n)
		w.res.far = make([]int64, n)
		w.res.reach = make([]int64, n)
	}
	return w
}

func (w *pathWorker) bfs(c *csr, s int32) {
	dist, sigma := w.dist, w.sigma
	order := w.order[:0]
	bc := w.job.betweenness
	// With betweenness, the predecessors of x on shortest paths are
	// recorded in preds[c.in.off[x]:][:npred[x]] (they are in-neighbours of
	// x, so the in-adjacency offsets bound them): O(m) per worker, and the
	// backward pass visits only the shortest-path DAG.
	preds, npred, poff := w.preds, w.npred, c.in.off
	dist[s] = 0
	sigma[s] = 1
	order = append(order, s)
	for head := 0; head < len(order); head++ {
		v := order[head]
		dv := dist[v]
		sv := sigma[v]
		nb, _ := c.out.row(v)
		for _, x := range nb {
			dx := dist[x]
			if dx < 0 {
				dx = dv + 1
				dist[x] = dx
				order = append(order, x)
			}
			if dx == dv+1 {
				sigma[x] += sv
				if bc {
					preds[poff[x]+npred[x]] = v
					npred[x]++
				}
			}
		}
	}
	if w.job.distances {
		for _, t := range order[1:] {
			d := dist[t]
			w.res.far[t] += int64(d)
			w.res.reach[t]++
			w.res.harm[t] += 1 / float64(d)
		}
	}
	if bc {
		delta := w.delta
		for i := len(order) - 1; i > 0; i-- {
			x := order[i]
			coeff := (1 + delta[x]) / sigma[x]
			for _, v := range preds[poff[x] : poff[x]+npred[x]] {
				delta[v] += sigma[v] * coeff
			}
			w.res.bc[x] += delta[x]
		}
		for _, v := range order {
			delta[v] = 0
			npred[v] = 0
		}
	}
	for _, v := range order {
		dist[v] = -1
		sigma[v] = 0
	}
	w.order = order
}

func (w *pathWorker) dijkstra(c *csr, s int32, outLen []float64) {
	dist, sigma, done := w.fdist, w.sigma, w.done
	preds, npred, poff := w.preds, w.npred, c.in.off
	order := w.order[:0]
	h := w.heap[:0]
	dist[s] = 0
	sigma[s] = 1
	h = h.push(heapItem{0, s})
	for len(h) > 0 {
		var it heapItem
		it, h = h.pop()
		v := it.v
		if done[v] {
			continue
		}
		done[v] = true
		order = append(order, v)
		dv := dist[v]
		sv := sigma[v]
		lo, hi := c.out.off[v], c.out.off[v+1]
		for k := lo; k < hi; k++ {
			x := c.out.nbr[k]
			if done[x] {
				continue
			}
			// As NetworkX: a strictly shorter path resets x's path count
			// and predecessors, an equal one (exact float equality) adds.
			alt := dv + outLen[k]
			if alt < dist[x] {
				dist[x] = alt
				sigma[x] = sv
				preds[poff[x]] = v
				npred[x] = 1
				h = h.push(heapItem{alt, x})
			} else if alt == dist[x] && !math.IsInf(alt, 1) {
				sigma[x] += sv
				preds[poff[x]+npred[x]] = v
				npred[x]++
			}
		}
	}
	if w.job.betweenness {
		delta := w.delta
		for i := len(order) - 1; i > 0; i-- {
			x := order[i]
			coeff := (1 + delta[x]) / sigma[x]
			for _, v := range preds[poff[x] : poff[x]+npred[x]] {
				delta[v] += sigma[v] * coeff
			}
			w.res.bc[x] += delta[x]
		}
		for _, v := range order {
			delta[v] = 0
		}
	}
	for _, v := range order {
		dist[v] = math.Inf(1)
		sigma[v] = 0
		done[v] = false
		npred[v] = 0
	}
	w.order = order
	w.heap = h
}

type heapItem struct {
	d float64
	v int32
}

// distHeap is a binary min-heap on d with lazy deletion (an entry per
// relaxation, so at most m+1 entries).
type distHeap []heapItem

func (h distHeap) push(it heapItem) distHeap {
	h = append(h, it)
	i := len(h) - 1
	for i > 0 {
		p := (i - 1) / 2
		if h[p].d <= it.d {
			break
		}
		h[i] = h[p]
		i = p
	}
	h[i] = it
	return h
}

func (h distHeap) pop() (heapItem, distHeap) {
	top := h[0]
	last := h[len(h)-1]
	h = h[:len(h)-1]
	n := len(h)
	if n == 0 {
		return top, h
	}
	i := 0
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		if r := l + 1; r < n && h[r].d < h[l].d {
			l = r
		}
		if last.d <= h[l].d {
			break
		}
		h[i] = h[l]
		i = l
	}
	h[i] = last
	return top, h
}
