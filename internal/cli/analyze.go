package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"text/tabwriter"

	"github.com/eventgraph/eventgraph/analysis"
	"github.com/eventgraph/eventgraph/graph/metrics"
	"github.com/spf13/cobra"
)

type analyzeOptions struct {
	write      bool
	edges      string
	directed   bool
	format     string
	windows    string
	halfLife   float64
	seed       uint64
	top        int
	weighted   bool
	decay      bool
	projection string
	engine     string
	sameNames  bool
}

func (app *App) analyzeCmd() *cobra.Command {
	o := &analyzeOptions{}
	cmd := &cobra.Command{
		Use:   "analyze [--write] | --edges FILE.csv [--directed]",
		Short: "Network metrics with gonum: centralities, communities, dyads over time; --write stores them in Neo4j",
		Long: "Without --edges: projects the graph in Neo4j onto the leader co-participation network (and the\n" +
			"country network), computes every metric for the whole period and each window, and the relationship\n" +
			"metrics of every pair that shares events; prints the most central actors and strongest ties.\n" +
			"--write stores them: properties on Person and Country nodes (current values), SCORED relationships to\n" +
			"an AnalysisRun per window (history), and MET relationships with the dyad metrics.\n\n" +
			"With --edges FILE.csv (header source,target[,weight]; string ids) no database is used: the metrics of\n" +
			"that graph are printed with NetworkX's default conventions (see docs/metrics.md).",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.edges != "" {
				return app.analyzeEdges(o)
			}
			return app.analyzeGraph(cmd, o)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.write, "write", false, "store the metrics in Neo4j")
	f.StringVar(&o.edges, "edges", "", "analyze an edge-list CSV instead of the database")
	f.BoolVar(&o.directed, "directed", false, "with --edges: the edges are directed")
	f.BoolVar(&o.weighted, "weighted-betweenness", false, "with --edges: also betweenness with distance = 1/weight")
	f.StringVarP(&o.format, "format", "f", "text", "text or json")
	f.StringVar(&o.windows, "windows", "", "year, rolling:N or none (config analysis.windows)")
	f.Float64Var(&o.halfLife, "half-life", 0, "tie-strength half-life in days (config analysis.half_life_days)")
	f.Uint64Var(&o.seed, "seed", 0, "Louvain seed (config analysis.seed)")
	f.IntVar(&o.top, "top", 0, "how many actors and ties to print (config analysis.top)")
	f.StringVar(&o.engine, "engine", "go", "go (gonum, in this process) or gds (Neo4j Graph Data Science on the server; see docs/gds.md)")
	f.BoolVar(&o.sameNames, "gds-same-names", false, "with --engine gds: write degree, pagerank, … instead of gds_degree, gds_pagerank, …")
	f.BoolVar(&o.decay, "decay", false, "weigh leader ties by shared events decayed with the half-life instead of counts")
	f.StringVar(&o.projection, "projection", "leader", "what to print: leader, leader-event or country-org (--write always stores leader and country metrics)")
	app.bindFlag("analysis.windows", f.Lookup("windows"))
	app.bindFlag("analysis.half_life_days", f.Lookup("half-life"))
	app.bindFlag("analysis.seed", f.Lookup("seed"))
	app.bindFlag("analysis.top", f.Lookup("top"))
	return cmd
}

func (app *App) analyzeEdges(o *analyzeOptions) error {
	if o.write {
		return usageError{fmt.Errorf("--write and --edges do not go together: an edge list is analysed without the database")}
	}
	var r io.Reader = app.In
	name := "standard input"
	if o.edges != "-" {
		f, err := os.Open(o.edges)
		if err != nil {
			return err
		}
		defer f.Close()
		r, name = f, o.edges
	}
	g, err := metrics.ReadEdgeList(r, name, o.directed)
	if err != nil {
		return err
	}
	c, err := app.Config()
	if err != nil {
		return err
	}
	res := metrics.All(g, metrics.Options{Seed: c.Analysis.Seed, WeightedBetweenness: o.weighted})
	if o.format == "json" {
		enc := json.NewEncoder(app.Out)
		return enc.Encode(res)
	}
	nodes := append([]metrics.NodeResult(nil), res.Nodes...)
	sort.SliceStable(nodes, func(i, j int) bool { return nodes[i].PageRank > nodes[j].PageRank })
	fmt.Fprintf(app.Out, "%d nodes, %d edges, %d components, %d communities (modularity %.3f)\n", res.Graph.Nodes, res.Graph.Edges,
		res.Graph.Components, res.Graph.Communities, float64(res.Graph.Modularity))
	tw := tabwriter.NewWriter(app.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tdegree\tstrength\tpagerank\tbetweenness\tcloseness\teigenvector\tcommunity")
	for i, n := range nodes {
		if i >= c.Analysis.Top {
			break
		}
		fmt.Fprintf(tw, "%s\t%d\t%.4g\t%.4f\t%.4f\t%.4f\t%.4f\t%d\n", n.ID, n.Degree, float64(n.Strength), float64(n.PageRank),
			float64(n.Betweenness), float64(n.Closeness), float64(n.Eigenvector), n.Community)
	}
	return tw.Flush()
}

func (app *App) analysisParams() (analysis.Params, error) {
	c, err := app.Config()
	if err != nil {
		return analysis.Params{}, err
	}
	w := c.Analysis.Windows
	if w == "none" {
		w = ""
	}
	return analysis.Params{HalfLifeDays: c.Analysis.HalfLifeDays, Windows: w, Seed: c.Analysis.Seed}, nil
}

func (app *App) analyzeGraph(cmd *cobra.Command, o *analyzeOptions) error {
	ctx := cmd.Context()
	c, err := app.Config()
	if err != nil {
		return err
	}
	p, err := app.analysisParams()
	if err != nil {
		return err
	}
	conn, err := app.Connect(ctx)
	if err != nil {
		return err
	}
	defer conn.Close(ctx)
	switch o.engine {
	case "go":
	case "gds":
		res, err := analysis.RunGDS(ctx, conn.Driver, conn.Database, analysis.GDSOptions{SameNames: o.sameNames})
		if err != nil {
			return err
		}
		if o.format == "json" {
			return json.NewEncoder(app.Out).Encode(res)
		}
		fmt.Fprintf(app.Out, "GDS %s wrote %v on %d people (%d ties): %d communities (modularity %.3f), %d components, in %s\n",
			res.Version, res.Properties, res.Nodes, res.Edges, res.Communities, res.Modularity, res.Components, res.Elapsed)
		return nil
	default:
		return usageError{fmt.Errorf("--engine %q: use go or gds", o.engine)}
	}
	events, err := analysis.ReadEvents(ctx, conn.Driver, conn.Database)
	if err != nil {
		return err
	}
	claims, err := analysis.ReadClaims(ctx, conn.Driver, conn.Database)
	if err != nil {
		return err
	}
	p.DecayedWeight = o.decay
	switch o.projection {
	case "leader":
	case "leader-event", "country-org":
		g := analysis.LeaderEvent(events)
		if o.projection == "country-org" {
			ms, err := analysis.ReadMemberships(ctx, conn.Driver, conn.Database)
			if err != nil {
				return err
			}
			g = analysis.CountryOrganization(ms)
		}
		res := metrics.All(g, metrics.Options{Seed: p.Seed})
		if o.format == "json" {
			return json.NewEncoder(app.Out).Encode(res)
		}
		names, err := analysis.Names(ctx, conn.Driver, conn.Database)
		if err != nil {
			return err
		}
		fmt.Fprintf(app.Out, "%s bipartite graph: %d nodes, %d edges, %d components\n", o.projection, res.Graph.Nodes, res.Graph.Edges, res.Graph.Components)
		for _, c := range analysis.TopCentral(res, names, c.Analysis.Top) {
			fmt.Fprintf(app.Out, "  %-40s degree %3d  pagerank %.4f  betweenness %.4f\n", c.Name, c.Degree, c.PageRank, c.Betweenness)
		}
		return nil
	default:
		return usageError{fmt.Errorf("--projection %q: use leader, leader-event or country-org", o.projection)}
	}
	out, err := analysis.Run(events, claims, p)
	if err != nil {
		return err
	}
	if o.write {
		if err := analysis.Write(ctx, conn.Driver, conn.Database, out, events, c.Neo4j.BatchSize); err != nil {
			return err
		}
	}
	names, err := analysis.Names(ctx, conn.Driver, conn.Database)
	if err != nil {
		return err
	}
	if o.format == "json" {
		return json.NewEncoder(app.Out).Encode(analysis.Summarize(out, names, c.Analysis.Top))
	}
	analysis.PrintText(app.Out, out, names, c.Analysis.Top)
	if o.write {
		fmt.Fprintf(app.Out, "written to %s as analysis run %s (graph version %s)\n", conn.URI, out.RunKey, out.GraphVersion)
	}
	return nil
}
