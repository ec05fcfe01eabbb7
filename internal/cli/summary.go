package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/loader/sink"
	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/spf13/cobra"
)

func (app *App) summaryCmd() *cobra.Command {
	var limit int
	cmd := &cobra.Command{
		Use:   "summary",
		Short: "Print what is in the graph: counts, and the events with their participants and sources",
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			conn, err := app.Connect(ctx)
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			c, err := sink.Count(ctx, conn.Driver, conn.Database)
			if err != nil {
				return err
			}
			fmt.Fprintf(app.Out, "%s holds %d nodes and %d relationships\n", conn.URI, c.Nodes, c.Relationships)
			fmt.Fprintf(app.Out, "  nodes: %s\n  relationships: %s\n", countList(c.ByLabel), countList(c.ByType))
			res, err := neo4j.ExecuteQuery(ctx, conn.Driver, queries.Get("events-overview"), map[string]any{"limit": limit},
				neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(conn.Database), neo4j.ExecuteQueryWithReadersRouting())
			if err != nil {
				return err
			}
			fmt.Fprintf(app.Out, "\nevents (most reported first, at most %d):\n", limit)
			for _, r := range res.Records {
				m := r.AsMap()
				fmt.Fprintf(app.Out, "  %-10v %-10v %-9v %-14v %s  [%v source(s)]\n", orDash(m["date"]), m["category"], m["status"],
					orDash(m["place"]), joinAny(m["participants"]), m["sources"])
			}
			return nil
		},
	}
	cmd.Flags().IntVar(&limit, "limit", 25, "at most this many events")
	return cmd
}

func orDash(v any) any {
	if v == nil || v == "" {
		return "-"
	}
	return v
}

func joinAny(v any) string {
	l, _ := v.([]any)
	s := make([]string, 0, len(l))
	for _, x := range l {
		s = append(s, fmt.Sprint(x))
	}
	return strings.Join(s, ", ")
}

func countList(m map[string]int64) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, ", ")
}
