package metrics

import (
	"errors"
	"fmt"
	"math"
)

// Power-iteration metrics. All are hand-written so that the iteration, the
// normalization and the stopping rule are NetworkX's own (gonum's
// network.PageRank, for one, treats dangling nodes and convergence
// differently); all are O(n+m) memory and O(m) time per iteration.
//
// Throughout, A is the adjacency matrix as NetworkX builds it: A[u][v] is the
// weight of u→v (u–v stored both ways if undirected) and a self-loop is one
// diagonal entry A[u][u] = w.

// ErrNotConverged is returned when a power iteration did not converge
// within its iteration limit; NetworkX raises
// nx.PowerIterationFailedConvergence in the same situation.
var ErrNotConverged = errors.New("power iteration failed to converge")

func notConverged(name string, iter int) error {
	return fmt.Errorf("%s: %w within %d iterations", name, ErrNotConverged, iter)
}

// ErrEmptyGraph is returned by metrics that are undefined on a graph
// without nodes (or, for HITS, without edges).
var ErrEmptyGraph = errors.New("graph has no nodes")

func nans(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = math.NaN()
	}
	return x
}

// EigenvectorOptions configures EigenvectorWith. Zero values mean
// NetworkX's defaults.
type EigenvectorOptions struct {
	MaxIter  int     // default 100
	Tol      float64 // default 1e-6
	Weighted bool    // use edge weights (weight="weight"); default weight=None
}

// Eigenvector returns nx.eigenvector_centrality(G) with its defaults
// (max_iter=100, tol=1e-6, weight=None): power iteration on A + I starting
// from the uniform vector, x ← (A+I)ᵀx / ‖(A+I)ᵀx‖₂ — i.e. a node is scored
// by the scores of the nodes pointing *to* it (left eigenvector for directed
// graphs) — stopping when Σ|x - x_prev| < n·tol. The result has unit
// Euclidean norm. On a disconnected graph the iteration converges towards
// the component with the largest eigenvalue, as NetworkX's does; if it does
// not converge within MaxIter, NetworkX raises and this returns
// ErrNotConverged and all-NaN values. ErrEmptyGraph for n = 0.
func Eigenvector(g *Graph) ([]float64, error) {
	return EigenvectorWith(g, EigenvectorOptions{})
}

// EigenvectorWith is Eigenvector with options.
func EigenvectorWith(g *Graph, o EigenvectorOptions) ([]float64, error) {
	if o.MaxIter <= 0 {
		o.MaxIter = 100
	}
	if o.Tol <= 0 {
		o.Tol = 1e-6
	}
	c := g.csr()
	n := c.n
	if n == 0 {
		return nil, ErrEmptyGraph
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	y := make([]float64, n)
	for iter := 0; iter < o.MaxIter; iter++ {
		for v := int32(0); v < int32(n); v++ {
			s := x[v]
			nb, w := c.in.row(v)
			for k, u := range nb {
				if o.Weighted {
					s += x[u] * w[k]
				} else {
					s += x[u]
				}
			}
			y[v] = s
		}
		norm := 0.0
		for _, v := range y {
			norm += v * v
		}
		norm = math.Sqrt(norm)
		if norm == 0 {
			norm = 1
		}
		err := 0.0
		for i := range y {
			y[i] /= norm
			err += math.Abs(y[i] - x[i])
		}
		x, y = y, x
		if err < float64(n)*o.Tol {
			return x, nil
		}
	}
	return nans(n), notConverged("eigenvector centrality", o.MaxIter)
}

// PageRankOptions configures PageRankWith. Zero values mean NetworkX's
// defaults.
type PageRankOptions struct {
	Alpha      float64 // damping, default 0.85
	MaxIter    int     // default 100
	Tol        float64 // default 1e-6
	Unweighted bool    // ignore edge weights (weight=None); default weight="weight"
}

// PageRank returns nx.pagerank(G) with its defaults (alpha=0.85,
// max_iter=100, tol=1e-6, weight="weight", no personalization): the
// transition matrix is A with each row divided by its sum (an undirected
// graph is A symmetric; a self-loop appears once in its row), nodes whose
// row sums to 0 (dangling) spread their rank uniformly, and
//
//	x ← α (xP + (Σ_dangling x)/n) + (1-α)/n
//
// from x = 1/n until Σ|x - x_prev| < n·tol. ErrNotConverged (and NaNs) after
// MaxIter iterations, where NetworkX raises. nil, nil for n = 0 (NetworkX
// returns {}). Hand-written: gonum's network.PageRank uses another
// stopping rule and dangling-node convention.
func PageRank(g *Graph) ([]float64, error) {
	return PageRankWith(g, PageRankOptions{})
}

// PageRankWith is PageRank with options.
func PageRankWith(g *Graph, o PageRankOptions) ([]float64, error) {
	if o.Alpha == 0 {
		o.Alpha = 0.85
	}
	if o.MaxIter <= 0 {
		o.MaxIter = 100
	}
	if o.Tol <= 0 {
		o.Tol = 1e-6
	}
	c := g.csr()
	n := c.n
	if n == 0 {
		return nil, nil
	}
	wt := func(w float64) float64 {
		if o.Unweighted {
			return 1
		}
		return w
	}
	// inverse out-strength
	inv := make([]float64, n)
	var dangling []int32
	for i := int32(0); i < int32(n); i++ {
		_, w := c.out.row(i)
		s := 0.0
		for _, x := range w {
			s += wt(x)
		}
		if s != 0 {
			inv[i] = 1 / s
		} else {
			dangling = append(dangling, i)
		}
	}
	nf := float64(n)
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / nf
	}
	y := make([]float64, n)
	for iter := 0; iter < o.MaxIter; iter++ {
		dsum := 0.0
		for _, i := range dangling {
			dsum += x[i]
		}
		err := 0.0
		for v := int32(0); v < int32(n); v++ {
			s := 0.0
			nb, w := c.in.row(v)
			for k, u := range nb {
				s += x[u] * (wt(w[k]) * inv[u])
			}
			y[v] = o.Alpha*(s+dsum/nf) + (1-o.Alpha)/nf
			err += math.Abs(y[v] - x[v])
		}
		x, y = y, x
		if err < nf*o.Tol {
			return x, nil
		}
	}
	return nans(n), notConverged("pagerank", o.MaxIter)
}

// HITSOptions configures HITSWith.
type HITSOptions struct {
	MaxIter    int     // default 10000
	Tol        float64 // L1 change of the max-normalized authority vector, default 1e-12
	Unweighted bool    // ignore edge weights; default uses them, as nx.hits
}

// HITS returns the hub and authority scores of nx.hits(G) (normalized=True):
// the authority vector a is the principal eigenvector of AᵀA (A weighted,
// as nx.adjacency_matrix), the hub vector is h = A·a, and each is divided by
// its sum. Undirected graphs use the symmetric A, i.e. every edge both ways.
//
// NetworkX gets a from scipy's ARPACK svds; this runs power iteration on
// AᵀA from the uniform vector, normalizing by the maximum, until the L1
// change is below Tol. The two agree whenever the largest singular value of
// A is simple. When it is not (e.g. every bipartite undirected graph, or
// two components with the same top singular value), the answer is not
// unique: NetworkX returns whatever vector ARPACK lands on (possibly with
// negative entries), this returns the projection of the uniform start.
// ErrEmptyGraph for a graph without edges (NetworkX: ARPACK error);
// ErrNotConverged after MaxIter iterations.
func HITS(g *Graph) (hubs, authorities []float64, err error) {
	return HITSWith(g, HITSOptions{})
}

// HITSWith is HITS with options.
func HITSWith(g *Graph, o HITSOptions) (hubs, authorities []float64, err error) {
	if o.MaxIter <= 0 {
		o.MaxIter = 10000
	}
	if o.Tol <= 0 {
		o.Tol = 1e-12
	}
	c := g.csr()
	n := c.n
	if n == 0 {
		return nil, nil, nil
	}
	wt := func(w float64) float64 {
		if o.Unweighted {
			return 1
		}
		return w
	}
	// h = A a: h[u] = Σ_{u→v} w a[v]
	mulA := func(dst, a []float64) {
		for u := int32(0); u < int32(n); u++ {
			s := 0.0
			nb, w := c.out.row(u)
			for k, v := range nb {
				s += wt(w[k]) * a[v]
			}
			dst[u] = s
		}
	}
	// a = Aᵀ h: a[v] = Σ_{u→v} w h[u]
	mulAT := func(dst, h []float64) {
		for v := int32(0); v < int32(n); v++ {
			s := 0.0
			nb, w := c.in.row(v)
			for k, u := range nb {
				s += wt(w[k]) * h[u]
			}
			dst[v] = s
		}
	}
	a := make([]float64, n)
	for i := range a {
		a[i] = 1 / float64(n)
	}
	h := make([]float64, n)
	next := make([]float64, n)
	converged := false
	for iter := 0; iter < o.MaxIter; iter++ {
		mulA(h, a)
		mulAT(next, h)
		mx := 0.0
		for _, v := range next {
			mx = math.Max(mx, v)
		}
		if mx == 0 {
			return nans(n), nans(n), fmt.Errorf("hits: %w", errNoEdgeWeight)
		}
		err := 0.0
		for i := range next {
			next[i] /= mx
			err += math.Abs(next[i] - a[i])
		}
		a, next = next, a
		if err < o.Tol {
			converged = true
			break
		}
	}
	if !converged {
		return nans(n), nans(n), notConverged("hits", o.MaxIter)
	}
	mulA(h, a)
	normalizeSum(h)
	normalizeSum(a)
	return h, a, nil
}

var errNoEdgeWeight = fmt.Errorf("%w (no edge of positive weight)", ErrEmptyGraph)

func normalizeSum(x []float64) {
	s := 0.0
	for _, v := range x {
		s += v
	}
	if s != 0 {
		for i := range x {
			x[i] /= s
		}
	}
}

// KatzOptions configures KatzWith. Zero values mean NetworkX's defaults
// (Beta 0 means 1.0: Katz centrality with β = 0 is identically zero).
type KatzOptions struct {
	Alpha    float64 // attenuation, default 0.1
	Beta     float64 // default 1.0
	MaxIter  int     // default 1000
	Tol      float64 // default 1e-6
	Raw      bool    // skip the final normalization (normalized=False)
	Weighted bool    // use edge weights; default weight=None
}

// Katz returns nx.katz_centrality(G) with its defaults (alpha=0.1,
// beta=1.0, max_iter=1000, tol=1e-6, normalized=True, weight=None):
// iteration x ← α Aᵀx + β from x = 0 until Σ|x - x_prev| < n·tol, then x is
// scaled to unit Euclidean norm. For directed graphs a node is scored by
// its in-edges, as NetworkX. The iteration converges only if α < 1/λ_max
// (λ_max the largest eigenvalue of A); otherwise, as NetworkX raises, this
// returns ErrNotConverged and all-NaN values. nil, nil for n = 0.
func Katz(g *Graph) ([]float64, error) {
	return KatzWith(g, KatzOptions{})
}

// KatzWith is Katz with options.
func KatzWith(g *Graph, o KatzOptions) ([]float64, error) {
	if o.Alpha == 0 {
		o.Alpha = 0.1
	}
	if o.Beta == 0 {
		o.Beta = 1
	}
	if o.MaxIter <= 0 {
		o.MaxIter = 1000
	}
	if o.Tol <= 0 {
		o.Tol = 1e-6
	}
	c := g.csr()
	n := c.n
	if n == 0 {
		return nil, nil
	}
	x := make([]float64, n)
	y := make([]float64, n)
	for iter := 0; iter < o.MaxIter; iter++ {
		err := 0.0
		for v := int32(0); v < int32(n); v++ {
			s := 0.0
			nb, w := c.in.row(v)
			for k, u := range nb {
				if o.Weighted {
					s += x[u] * w[k]
				} else {
					s += x[u]
				}
			}
			y[v] = o.Alpha*s + o.Beta
			err += math.Abs(y[v] - x[v])
		}
		x, y = y, x
		if err < float64(n)*o.Tol {
			if !o.Raw {
				norm := 0.0
				for _, v := range x {
					norm += v * v
				}
				norm = math.Sqrt(norm)
				if norm != 0 {
					for i := range x {
						x[i] /= norm
					}
				}
			}
			return x, nil
		}
		if math.IsInf(err, 0) || math.IsNaN(err) {
			break // diverged for good
		}
	}
	return nans(n), notConverged("katz centrality", o.MaxIter)
}
