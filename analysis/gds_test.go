package analysis_test

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/analysis"
	"github.com/eventgraph/eventgraph/graph/metrics"
	"github.com/eventgraph/eventgraph/internal/neo4jlocal"
	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// gdsDriver returns a driver to a Neo4j with Graph Data Science: the one
// named by EVENTGRAPH_TEST_GDS_URI (+ _PASSWORD), or else a disposable
// managed instance started with Plugins: [gds] (assembled from Maven
// Central), stopped when the test ends. Like every integration test here it
// fails, never skips, when that cannot be had.
func gdsDriver(t *testing.T) (neo4j.DriverWithContext, *neo4jlocal.Server) {
	t.Helper()
	ctx := context.Background()
	uri, pw := os.Getenv("EVENTGRAPH_TEST_GDS_URI"), os.Getenv("EVENTGRAPH_TEST_GDS_PASSWORD")
	var srv *neo4jlocal.Server
	if uri == "" {
		var err error
		srv, err = neo4jtest.NewServer(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		srv.Plugins = []string{"gds"}
		t.Cleanup(func() { _ = srv.Stop(context.Background(), 60*time.Second) })
		if _, err := srv.Start(ctx); err != nil {
			t.Fatalf("start Neo4j with the GDS plugin: %v", err)
		}
		if pw, err = srv.Password(); err != nil {
			t.Fatal(err)
		}
		uri = srv.URI()
	}
	d, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth("neo4j", pw, ""))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = d.Close(context.Background()) })
	neo4jtest.Reset(t, d)
	return d, srv
}

// gdsEvents is a seeded graph with a large component, a pair that only
// meet each other, a leader alone at an event (isolated node) and events
// the analysis ignores (planned, undated).
func gdsEvents() []map[string]any {
	rng := rand.New(rand.NewPCG(7, 11))
	var evs []map[string]any
	add := func(date, status string, people ...string) {
		ev := map[string]any{"key": fmt.Sprintf("event:%03d", len(evs)), "status": status, "people": people}
		if date != "" {
			ev["date"] = date
		}
		evs = append(evs, ev)
	}
	for i := 0; i < 70; i++ {
		k := 2 + rng.IntN(3)
		seen := map[int]bool{}
		var ps []string
		for len(ps) < k {
			p := rng.IntN(24)
			if !seen[p] {
				seen[p] = true
				ps = append(ps, fmt.Sprintf("person:p%02d", p))
			}
		}
		add(fmt.Sprintf("20%02d-%02d-%02d", 15+rng.IntN(10), 1+rng.IntN(12), 1+rng.IntN(28)), "occurred", ps...)
	}
	add("2020-01-01", "occurred", "person:pair1", "person:pair2")
	add("2021", "occurred", "person:pair1", "person:pair2")
	add("2022-03", "occurred", "person:alone")
	add("2026-01-01", "planned", "person:p00", "person:ghost")
	add("", "occurred", "person:p01", "person:ghost")
	return evs
}

func TestGDSMatchesGoEngine(t *testing.T) {
	d, srv := gdsDriver(t)
	ctx := context.Background()
	db := neo4j.ExecuteQueryWithDatabase("neo4j")

	// Every statement of queries/gds plans on a server with GDS (the
	// shared test server of queries/ has no GDS).
	qs, err := queries.All("gds")
	if err != nil || len(qs) == 0 {
		t.Fatalf("gds queries: %v (%d)", err, len(qs))
	}
	for _, q := range qs {
		params := map[string]any{"graph": "g", "prefix": "gds_", "concurrency": int64(1), "max_iterations": int64(1),
			"tolerance": 0.1, "iterations": int64(1), "betweenness": 1.0, "harmonic": 1.0, "hub": 1.0, "authority": 1.0,
			"props": map[string]any{"gds_x": nil}}
		if _, err := neo4j.ExecuteQuery(ctx, d, "EXPLAIN "+q.Text, params, neo4j.EagerResultTransformer, db); err != nil {
			t.Errorf("%s: %v", q.File, err)
		}
	}

	if _, err := neo4j.ExecuteQuery(ctx, d, `UNWIND $events AS ev
		CREATE (e:Event {key: ev.key, date: ev.date, status: ev.status})
		WITH e, ev UNWIND ev.people AS k
		MERGE (p:Person:Actor {key: k})
		CREATE (p)-[:PARTICIPATED_IN]->(e)`, map[string]any{"events": anySlice(gdsEvents())}, neo4j.EagerResultTransformer, db); err != nil {
		t.Fatal(err)
	}
	// a stale value from an earlier run must go
	if _, err := neo4j.ExecuteQuery(ctx, d, `MATCH (p:Person {key:'person:ghost'}) SET p.gds_pagerank = 1.0`, nil, neo4j.EagerResultTransformer, db); err != nil {
		t.Fatal(err)
	}

	// The Go engine on the same data.
	events, err := analysis.ReadEvents(ctx, d, "neo4j")
	if err != nil {
		t.Fatal(err)
	}
	out, err := analysis.Run(events, nil, analysis.Params{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var goRes metrics.Result
	for _, w := range out.Windows {
		if w.Label == "all" && w.Projection == "person" {
			goRes = w.Result
		}
	}
	var recs []metrics.EventRecord
	for _, e := range events {
		if len(e.People) > 0 {
			recs = append(recs, metrics.EventRecord{Key: e.Key, Date: e.Date, Participants: e.People})
		}
	}
	g, err := metrics.Project(recs, metrics.ProjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// tight references for the iterative metrics
	prTight, err := metrics.PageRankWith(g, metrics.PageRankOptions{MaxIter: 10000, Tol: 1e-15})
	if err != nil {
		t.Fatal(err)
	}
	// GDS HITS ignores weights: compare with ours on the unweighted graph
	ug := metrics.NewGraph(false)
	for _, id := range g.Nodes() {
		ug.AddNode(id)
	}
	for _, e := range g.Edges() {
		if err := ug.AddEdge(e.Source, e.Target, 1, metrics.SumDuplicates); err != nil {
			t.Fatal(err)
		}
	}
	hub, auth, err := metrics.HITS(ug)
	if err != nil {
		t.Fatal(err)
	}

	r, err := analysis.RunGDS(ctx, d, "neo4j", analysis.GDSOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("GDS %s: %d nodes, %d edges, %d communities (Q %.4f; Go %.4f), %d components, in %s",
		r.Version, r.Nodes, r.Edges, r.Communities, r.Modularity, goRes.Graph.Modularity, r.Components, r.Elapsed)
	if r.Nodes != int64(goRes.Graph.Nodes) || r.Edges != int64(goRes.Graph.Edges) {
		t.Fatalf("GDS graph %d nodes / %d edges, Go %d / %d", r.Nodes, r.Edges, goRes.Graph.Nodes, goRes.Graph.Edges)
	}
	if r.Components != int64(goRes.Graph.Components) {
		t.Errorf("components: GDS %d, Go %d", r.Components, goRes.Graph.Components)
	}

	res, err := neo4j.ExecuteQuery(ctx, d, `MATCH (p:Person) RETURN p.key AS key, properties(p) AS props`, nil, neo4j.EagerResultTransformer, db)
	if err != nil {
		t.Fatal(err)
	}
	props := map[string]map[string]any{}
	for _, rec := range res.Records {
		k, _ := rec.Get("key")
		m, _ := rec.Get("props")
		props[k.(string)] = m.(map[string]any)
	}
	for _, name := range r.Properties {
		if v, ok := props["person:ghost"][name]; ok {
			t.Errorf("person:ghost (not in the analysed graph) has %s = %v", name, v)
		}
	}

	maxDiff := map[string]float64{}
	check := func(metric string, node string, gdsV any, goV, tol float64) {
		gv, ok := gdsV.(float64)
		if iv, isInt := gdsV.(int64); isInt {
			gv, ok = float64(iv), true
		}
		if !ok {
			t.Errorf("%s %s: GDS wrote %v (%T)", node, metric, gdsV, gdsV)
			return
		}
		diff := math.Abs(gv - goV)
		maxDiff[metric] = max(maxDiff[metric], diff)
		if diff > tol {
			t.Errorf("%s %s: GDS %.12g, Go %.12g (|Δ| %.3g > %.3g)", node, metric, gv, goV, diff, tol)
		}
	}
	gdsComm := make([]int, g.NumNodes())
	compOf := map[int64]int{}
	for _, n := range goRes.Nodes {
		p := props[n.ID]
		if p == nil {
			t.Fatalf("%s missing in Neo4j", n.ID)
		}
		i, _ := g.Index(n.ID)
		check("degree", n.ID, p["gds_degree"], float64(n.Degree), 0)
		check("strength", n.ID, p["gds_strength"], float64(n.Strength), 1e-9)
		check("betweenness", n.ID, p["gds_betweenness"], float64(n.Betweenness), 1e-9)
		check("closeness", n.ID, p["gds_closeness"], float64(n.Closeness), 1e-9)
		check("harmonic", n.ID, p["gds_harmonic"], float64(n.Harmonic), 1e-9)
		check("eigenvector", n.ID, p["gds_eigenvector"], float64(n.Eigenvector), 1e-5)
		check("pagerank", n.ID, p["gds_pagerank"], float64(n.PageRank), 1e-5)
		check("pagerank (tight)", n.ID, p["gds_pagerank"], prTight[i], 1e-6)
		check("hub (unweighted)", n.ID, p["gds_hub"], hub[i], 1e-5)
		check("authority (unweighted)", n.ID, p["gds_authority"], auth[i], 1e-5)
		check("clustering", n.ID, p["gds_clustering"], float64(n.Clustering), 1e-12)
		check("core", n.ID, p["gds_core"], float64(n.Core), 0)
		c, _ := p["gds_community"].(int64)
		gdsComm[i] = int(c)
		// components: the same partition under another numbering
		comp, _ := p["gds_component"].(int64)
		if want, seen := compOf[comp]; seen && want != n.Component {
			t.Errorf("%s: GDS component %d mixes Go components %d and %d", n.ID, comp, want, n.Component)
		}
		compOf[comp] = n.Component
	}
	if len(compOf) != goRes.Graph.Components {
		t.Errorf("GDS wrote %d component ids, Go has %d components", len(compOf), goRes.Graph.Components)
	}
	// Louvain: GDS's reported modularity is that of its own partition as we
	// compute it, and close to ours (partitions may differ).
	if q := metrics.Modularity(g, gdsComm); math.Abs(q-r.Modularity) > 1e-9 {
		t.Errorf("modularity of GDS's partition: GDS says %.12f, metrics.Modularity %.12f", r.Modularity, q)
	}
	if math.Abs(r.Modularity-float64(goRes.Graph.Modularity)) > 0.05 {
		t.Errorf("Louvain modularity: GDS %.4f, Go %.4f", r.Modularity, float64(goRes.Graph.Modularity))
	}
	for m, v := range maxDiff {
		t.Logf("max |GDS - Go| %-24s %.3g", m, v)
	}

	// SameNames writes the Go engine's names; Raw keeps GDS's scaling.
	r2, err := analysis.RunGDS(ctx, d, "neo4j", analysis.GDSOptions{SameNames: true, Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	if r2.Prefix != "" || r2.Properties[0] != "degree" {
		t.Fatalf("SameNames: prefix %q, properties %v", r2.Prefix, r2.Properties)
	}
	res, err = neo4j.ExecuteQuery(ctx, d, `MATCH (p:Person) WHERE p.betweenness IS NOT NULL
		RETURN max(p.betweenness) AS raw, max(p.gds_betweenness) AS scaled, count(*) AS n`, nil, neo4j.EagerResultTransformer, db)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := res.Records[0].Get("raw")
	scaled, _ := res.Records[0].Get("scaled")
	n := float64(r2.Nodes)
	if want := scaled.(float64) * (n - 1) * (n - 2) / 2; math.Abs(raw.(float64)-want) > 1e-6*want {
		t.Errorf("raw betweenness max %v, want scaled × (n-1)(n-2)/2 = %v", raw, want)
	}

	if srv == nil {
		return
	}
	// Without Plugins, the next start removes exactly the jars it had
	// installed (the user's own files stay) and GDS is gone.
	if err := srv.Stop(ctx, 60*time.Second); err != nil {
		t.Fatal(err)
	}
	plugins := filepath.Join(srv.Dir, "plugins")
	mine := filepath.Join(plugins, "mine.txt")
	if err := os.WriteFile(mine, []byte("not ours"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv.Plugins = nil
	if _, err := srv.Start(ctx); err != nil {
		t.Fatal(err)
	}
	left, _ := filepath.Glob(filepath.Join(plugins, "*"))
	if len(left) != 1 || left[0] != mine {
		t.Errorf("plugins/ after dropping gds: %v, want only %s", left, mine)
	}
	if _, err := analysis.GDSVersion(ctx, d, "neo4j"); !errors.Is(err, analysis.ErrNoGDS) {
		t.Errorf("GDSVersion without the plugin: %v, want ErrNoGDS", err)
	}
	if _, err := analysis.RunGDS(ctx, d, "neo4j", analysis.GDSOptions{}); !errors.Is(err, analysis.ErrNoGDS) {
		t.Errorf("RunGDS without the plugin: %v, want ErrNoGDS", err)
	}
}

func anySlice(ms []map[string]any) []any {
	out := make([]any, len(ms))
	for i, m := range ms {
		out[i] = m
	}
	return out
}
