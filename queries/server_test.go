package queries_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestMain(m *testing.M) { os.Exit(neo4jtest.Main(m)) }

// sample values per parameter type, so every statement can be planned.
func sample(p queries.Param) any {
	switch p.Type {
	case "int":
		return int64(5)
	case "float":
		return 0.5
	case "bool":
		return true
	case "date":
		return "2024-05-16"
	case "datetime":
		return time.Date(2024, 5, 16, 0, 0, 0, 0, time.UTC)
	case "list":
		return []any{map[string]any{}}
	case "map":
		return map[string]any{}
	}
	return "x"
}

// Every statement of every group is valid Cypher for the server we run:
// each is planned with EXPLAIN (and library queries also run on an empty graph).
func TestEveryStatementPlansOnTheRealServer(t *testing.T) {
	d := neo4jtest.Driver(t)
	ctx := context.Background()
	qs, err := queries.All("")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if q.Group == "gds" {
			continue // needs the GDS plugin: planned on a GDS server by analysis/gds_test.go
		}
		params := map[string]any{}
		for _, p := range q.Params {
			params[p.Name] = sample(p)
		}
		if q.Name == "merge-claims" || q.Name == "merge-events" {
			params["rows"] = []any{}
		}
		for _, stmt := range queries.Statements(q.Text) {
			if _, err := neo4j.ExecuteQuery(ctx, d, "EXPLAIN "+stmt, params, neo4j.EagerResultTransformer); err != nil {
				t.Errorf("%s: %v", q.File, err)
			}
		}
		if q.Group == "library" {
			if _, err := neo4j.ExecuteQuery(ctx, d, q.Text, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithReadersRouting()); err != nil {
				t.Errorf("%s on an empty graph: %v", q.File, err)
			}
		}
	}
}
