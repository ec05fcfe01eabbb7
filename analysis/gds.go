package analysis

// The server-side engine: the same person metrics computed by Neo4j Graph
// Data Science (GDS) inside the database, for graphs that outgrow one
// process. Statements are in queries/gds/; the procedures, configurations,
// property names and the differences from the Go engine are in docs/gds.md.

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// DefaultGDSPrefix prefixes the property names the GDS engine writes, so
// that its values and the Go engine's can live side by side.
const DefaultGDSPrefix = "gds_"

// GDSProperties are the metrics the GDS engine writes, without prefix. They
// are the Go engine's names (see nodeRow) minus katz, which GDS lacks, plus
// triangles.
var GDSProperties = []string{"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector",
	"pagerank", "hub", "authority", "clustering", "triangles", "core", "community", "component"}

// ErrNoGDS is returned when the server has no Graph Data Science plugin.
var ErrNoGDS = errors.New("the Neo4j server has no Graph Data Science plugin")

// GDSOptions configure RunGDS. The zero value writes gds_-prefixed
// properties with NetworkX's scaling.
type GDSOptions struct {
	// Prefix of the property names; "" means DefaultGDSPrefix unless
	// SameNames is set.
	Prefix string
	// SameNames writes the Go engine's names (degree, pagerank, …) so that
	// queries written for it read GDS's values unchanged.
	SameNames bool
	// Raw keeps GDS's own scaling (betweenness as an unnormalized pair
	// count, harmonic divided by n-1, hub and authority with unit 2-norm)
	// instead of rescaling to NetworkX's.
	Raw bool
	// Graph names the in-memory GDS graphs (default "eventgraph-people";
	// the directed one gets "-directed"); they are dropped afterwards.
	Graph string
	// Concurrency of the algorithms (default 4, OpenGDS's limit). Louvain
	// always runs single-threaded so that its partition is reproducible.
	Concurrency int
}

func (o GDSOptions) prefix() string {
	if o.SameNames {
		return ""
	}
	if o.Prefix == "" {
		return DefaultGDSPrefix
	}
	return o.Prefix
}

// GDSResult summarizes a GDS run.
type GDSResult struct {
	Version           string        `json:"gds_version"`
	Prefix            string        `json:"prefix"`
	Properties        []string      `json:"properties"` // property names written on :Person
	Nodes             int64         `json:"nodes"`
	Edges             int64         `json:"edges"` // pairs of people sharing an event
	Communities       int64         `json:"communities"`
	Modularity        float64       `json:"modularity"`
	Components        int64         `json:"components"`
	Degeneracy        int64         `json:"degeneracy"`
	AverageClustering float64       `json:"average_clustering"`
	Triangles         int64         `json:"triangles"`
	PageRankConverged bool          `json:"pagerank_converged"`
	EigenConverged    bool          `json:"eigenvector_converged"`
	Elapsed           time.Duration `json:"elapsed_ns"`
}

// GDSVersion returns the server's GDS version, or an error wrapping
// ErrNoGDS that says how to get the plugin.
func GDSVersion(ctx context.Context, d neo4j.DriverWithContext, db string) (string, error) {
	res, err := neo4j.ExecuteQuery(ctx, d, queries.Get("gds-version"), nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		if strings.Contains(err.Error(), "ProcedureNotFound") || strings.Contains(err.Error(), "no procedure") ||
			strings.Contains(err.Error(), "Unknown function") || strings.Contains(err.Error(), "not found") {
			return "", fmt.Errorf("%w (%v): with the managed server set managed.plugins to [gds] and restart it "+
				"(eventgraph neo4j stop; eventgraph neo4j start); elsewhere install GDS as its documentation says; see docs/gds.md", ErrNoGDS, err)
		}
		return "", fmt.Errorf("gds.version: %w", err)
	}
	if len(res.Records) == 0 {
		return "", ErrNoGDS
	}
	v, _ := res.Records[0].Get("version")
	return fmt.Sprint(v), nil
}

// RunGDS projects the leader co-participation graph (the whole period, as
// the Go engine's window "all"), runs every metric GDS has in write mode
// onto :Person nodes, rescales to NetworkX's conventions unless o.Raw, and
// drops the in-memory graphs. Properties an earlier run wrote are removed
// first. It writes no AnalysisRun and no SCORED relationships.
func RunGDS(ctx context.Context, d neo4j.DriverWithContext, db string, o GDSOptions) (*GDSResult, error) {
	start := time.Now()
	ver, err := GDSVersion(ctx, d, db)
	if err != nil {
		return nil, err
	}
	pre := o.prefix()
	graph := o.Graph
	if graph == "" {
		graph = "eventgraph-people"
	}
	directed := graph + "-directed"
	conc := int64(o.Concurrency)
	if conc <= 0 {
		conc = 4
	}
	r := &GDSResult{Version: ver, Prefix: pre}
	for _, p := range GDSProperties {
		r.Properties = append(r.Properties, pre+p)
	}
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	// run executes a named statement in an auto-commit transaction (GDS
	// procedures and CALL … IN TRANSACTIONS both want one) and returns
	// its first record.
	run := func(name string, params map[string]any) (map[string]any, error) {
		res, err := sess.Run(ctx, queries.Get(name), params)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		recs, err := res.Collect(ctx)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(recs) == 0 {
			return map[string]any{}, nil
		}
		return recs[0].AsMap(), nil
	}
	drop := func() {
		for _, g := range []string{graph, directed} {
			_, _ = run("gds-drop", map[string]any{"graph": g})
		}
	}
	drop()
	defer drop()
	nulls := map[string]any{}
	for _, p := range r.Properties {
		nulls[p] = nil
	}
	if _, err := run("gds-clear", map[string]any{"props": nulls}); err != nil {
		return nil, err
	}
	m, err := run("gds-project-people", map[string]any{"graph": graph})
	if err != nil {
		return nil, err
	}
	r.Nodes, r.Edges = i64(m["nodes"]), i64(m["relationships"])/2
	if r.Nodes == 0 {
		r.Elapsed = time.Since(start)
		return r, nil
	}
	base := func() map[string]any {
		return map[string]any{"graph": graph, "prefix": pre, "concurrency": conc}
	}
	steps := []struct {
		name string
		set  func(p map[string]any)
		get  func(m map[string]any)
	}{
		{name: "gds-degree"},
		{name: "gds-strength"},
		{name: "gds-pagerank", set: func(p map[string]any) { p["max_iterations"], p["tolerance"] = int64(100), 1e-7 },
			get: func(m map[string]any) { r.PageRankConverged, _ = m["didConverge"].(bool) }},
		{name: "gds-betweenness"},
		{name: "gds-closeness"},
		{name: "gds-harmonic"},
		{name: "gds-eigenvector", set: func(p map[string]any) { p["max_iterations"], p["tolerance"] = int64(100), 1e-7 },
			get: func(m map[string]any) { r.EigenConverged, _ = m["didConverge"].(bool) }},
		{name: "gds-louvain", set: func(p map[string]any) { p["concurrency"] = int64(1) },
			get: func(m map[string]any) { r.Communities, r.Modularity = i64(m["communityCount"]), f64(m["modularity"]) }},
		{name: "gds-kcore", get: func(m map[string]any) { r.Degeneracy = i64(m["degeneracy"]) }},
		{name: "gds-clustering", get: func(m map[string]any) { r.AverageClustering = f64(m["averageClusteringCoefficient"]) }},
		{name: "gds-triangles", get: func(m map[string]any) { r.Triangles = i64(m["globalTriangleCount"]) }},
		{name: "gds-wcc", get: func(m map[string]any) { r.Components = i64(m["componentCount"]) }},
	}
	for _, s := range steps {
		p := base()
		if s.set != nil {
			s.set(p)
		}
		m, err := run(s.name, p)
		if err != nil {
			return nil, err
		}
		if s.get != nil {
			s.get(m)
		}
	}
	_, _ = run("gds-drop", map[string]any{"graph": graph})
	if _, err := run("gds-project-people-directed", map[string]any{"graph": directed}); err != nil {
		return nil, err
	}
	p := base()
	p["graph"], p["iterations"] = directed, int64(100)
	if _, err := run("gds-hits", p); err != nil {
		return nil, err
	}
	if !o.Raw {
		sums, err := run("gds-hits-sums", map[string]any{"prefix": pre})
		if err != nil {
			return nil, err
		}
		n := float64(r.Nodes)
		bf := 1.0
		if n > 2 {
			bf = 2 / ((n - 1) * (n - 2))
		}
		if _, err := run("gds-rescale", map[string]any{"prefix": pre, "betweenness": bf, "harmonic": n - 1,
			"hub": inv(f64(sums["hub"])), "authority": inv(f64(sums["authority"]))}); err != nil {
			return nil, err
		}
	}
	r.Elapsed = time.Since(start)
	return r, nil
}

func inv(x float64) float64 {
	if x == 0 {
		return 0
	}
	return 1 / x
}

func i64(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	}
	return 0
}

func f64(v any) float64 {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	}
	return 0
}
