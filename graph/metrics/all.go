package metrics

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"sync"
)

// Float is a float64 that marshals NaN and ±Inf — a metric that is
// undefined or did not converge — as JSON null, and null back to NaN.
type Float float64

// MarshalJSON implements json.Marshaler.
func (f Float) MarshalJSON() ([]byte, error) {
	v := float64(f)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(v)
}

// UnmarshalJSON implements json.Unmarshaler.
func (f *Float) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = Float(math.NaN())
		return nil
	}
	v, err := strconv.ParseFloat(string(b), 64)
	*f = Float(v)
	return err
}

// Options configures All. The zero value gives NetworkX's defaults for
// every metric and Louvain seed 0.
type Options struct {
	// Seed seeds the Louvain random source.
	Seed uint64
	// WeightedBetweenness also computes betweenness with edge length
	// 1/weight (NodeResult.BetweennessWeighted).
	WeightedBetweenness bool
	// Workers bounds the goroutines of the path metrics; 0 means
	// runtime.GOMAXPROCS(0).
	Workers int

	Eigenvector EigenvectorOptions
	PageRank    PageRankOptions
	HITS        HITSOptions
	Katz        KatzOptions
}

// Result is everything All computes. It marshals as
//
//	{"nodes":[{"id":…,"degree":…,…}], "graph":{"nodes":…,…}, "errors":[…]}
//
// with nodes in insertion order; a metric that failed (e.g. Katz did not
// converge) is null in every node and its error is listed in "errors".
type Result struct {
	Nodes  []NodeResult `json:"nodes"`
	Graph  GraphResult  `json:"graph"`
	Errors []string     `json:"errors,omitempty"`
}

// NodeResult holds the metrics of one node. In*/Out* are set for directed
// graphs only; BetweennessWeighted only with Options.WeightedBetweenness.
type NodeResult struct {
	ID                  string `json:"id"`
	Degree              int    `json:"degree"`
	InDegree            *int   `json:"in_degree,omitempty"`
	OutDegree           *int   `json:"out_degree,omitempty"`
	Strength            Float  `json:"strength"`
	InStrength          *Float `json:"in_strength,omitempty"`
	OutStrength         *Float `json:"out_strength,omitempty"`
	Betweenness         Float  `json:"betweenness"`
	BetweennessWeighted *Float `json:"betweenness_weighted,omitempty"`
	Closeness           Float  `json:"closeness"`
	Harmonic            Float  `json:"harmonic"`
	Eigenvector         Float  `json:"eigenvector"`
	PageRank            Float  `json:"pagerank"`
	Hub                 Float  `json:"hub"`
	Authority           Float  `json:"authority"`
	Katz                Float  `json:"katz"`
	Clustering          Float  `json:"clustering"`
	Core                int    `json:"core"`
	Community           int    `json:"community"`
	Component           int    `json:"component"`
}

// GraphResult holds the graph-level metrics.
type GraphResult struct {
	Nodes             int   `json:"nodes"`
	Edges             int   `json:"edges"`
	SelfLoops         int   `json:"self_loops"`
	Directed          bool  `json:"directed"`
	Components        int   `json:"components"`
	LargestComponent  int   `json:"largest_component"`
	ComponentSizes    []int `json:"component_sizes"`
	Density           Float `json:"density"`
	Modularity        Float `json:"modularity"`
	Communities       int   `json:"communities"`
	AverageClustering Float `json:"average_clustering"`
}

// All computes every metric of the package on g. The path metrics
// (betweenness, closeness, harmonic) share one parallel pass of
// single-source searches; the other metrics run concurrently after it.
func All(g *Graph, o Options) Result {
	c := g.csr()
	n := c.n
	res := Result{Nodes: make([]NodeResult, n)}

	paths := runPaths(c, pathJob{betweenness: true, distances: true}, o.Workers)
	rescaleBetweenness(paths.bc, n, c.directed, true)
	closeness := closenessFrom(paths, n, true)
	var bw []float64
	if o.WeightedBetweenness {
		bw = BetweennessWith(g, BetweennessOptions{Weighted: true, Workers: o.Workers})
	}

	var (
		wg                    sync.WaitGroup
		mu                    sync.Mutex
		eig, pr, hub, auth, k []float64
		clus                  []float64
		core                  []int
		comm                  Communities
	)
	fail := func(x []float64, err error) []float64 {
		if err != nil {
			mu.Lock()
			res.Errors = append(res.Errors, err.Error())
			mu.Unlock()
			if x == nil {
				x = nans(n)
			}
		}
		return x
	}
	wg.Add(3)
	go func() {
		defer wg.Done()
		x, err := EigenvectorWith(g, o.Eigenvector)
		eig = fail(x, err)
		x, err = PageRankWith(g, o.PageRank)
		pr = fail(x, err)
		h, a, err := HITSWith(g, o.HITS)
		hub, auth = fail(h, err), fail(a, err)
		x, err = KatzWith(g, o.Katz)
		k = fail(x, err)
	}()
	go func() {
		defer wg.Done()
		comm = Louvain(g, o.Seed)
		if comm.Err != nil {
			mu.Lock()
			res.Errors = append(res.Errors, comm.Err.Error())
			mu.Unlock()
		}
	}()
	go func() {
		defer wg.Done()
		clus = Clustering(g)
		core = CoreNumber(g)
	}()
	wg.Wait()
	slices.Sort(res.Errors)

	compOf, sizes := Components(g)
	deg := Degree(g)
	str := Strength(g)
	var indeg, outdeg []int
	var instr, outstr []float64
	if c.directed {
		indeg, outdeg = InDegree(g), OutDegree(g)
		instr, outstr = InStrength(g), OutStrength(g)
	}
	for i := range res.Nodes {
		r := &res.Nodes[i]
		r.ID = g.names[i]
		r.Degree = deg[i]
		r.Strength = Float(str[i])
		if c.directed {
			r.InDegree, r.OutDegree = &indeg[i], &outdeg[i]
			is, os := Float(instr[i]), Float(outstr[i])
			r.InStrength, r.OutStrength = &is, &os
		}
		r.Betweenness = Float(paths.bc[i])
		if bw != nil {
			f := Float(bw[i])
			r.BetweennessWeighted = &f
		}
		r.Closeness = Float(closeness[i])
		r.Harmonic = Float(paths.harm[i])
		r.Eigenvector = Float(eig[i])
		r.PageRank = Float(pr[i])
		r.Hub = Float(hub[i])
		r.Authority = Float(auth[i])
		r.Katz = Float(k[i])
		r.Clustering = Float(clus[i])
		r.Core = core[i]
		r.Community = comm.Of[i]
		r.Component = compOf[i]
	}
	largest := 0
	for _, s := range sizes {
		largest = max(largest, s)
	}
	res.Graph = GraphResult{
		Nodes:             n,
		Edges:             c.m,
		SelfLoops:         c.nself,
		Directed:          c.directed,
		Components:        len(sizes),
		LargestComponent:  largest,
		ComponentSizes:    sizes,
		Density:           Float(Density(g)),
		Modularity:        Float(comm.Modularity),
		Communities:       len(comm.Sizes),
		AverageClustering: Float(mean(clus)),
	}
	if res.Graph.ComponentSizes == nil {
		res.Graph.ComponentSizes = []int{}
	}
	return res
}

func jsonMarshal(v any) ([]byte, error) { return json.Marshal(v) }
