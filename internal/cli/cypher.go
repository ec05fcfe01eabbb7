package cli

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/spf13/cobra"
)

// ErrWriteRefused is returned for a statement that would write without --write.
var ErrWriteRefused = errors.New("statement would write to the graph")

func (app *App) cypherCmd() *cobra.Command {
	var params []string
	var format string
	var write bool
	cmd := &cobra.Command{
		Use:   "cypher 'STATEMENT' [--param k=v ...] [--format table|json|csv] [--write]",
		Short: "Run ad hoc Cypher, read-only unless --write; values travel only as parameters",
		Long: "Runs one Cypher statement. The statement is first planned with EXPLAIN and refused when its query\n" +
			"type is not read-only, unless --write is given. Parameters are strings unless they parse as JSON\n" +
			"(numbers, booleans, lists, objects): --param name=Putin --param n=5 --param ids='[\"a\",\"b\"]'.",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := checkFormat(format); err != nil {
				return err
			}
			p, err := parseLooseParams(params)
			if err != nil {
				return usageError{err}
			}
			ctx := cmd.Context()
			conn, err := app.Connect(ctx)
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			keys, rows, err := app.runCypher(ctx, conn, args[0], p, write)
			if err != nil {
				return err
			}
			return writeRows(app.Out, format, keys, rows)
		},
	}
	cmd.Flags().StringArrayVarP(&params, "param", "p", nil, "a parameter as key=value (repeatable)")
	cmd.Flags().StringVarP(&format, "format", "f", "table", "table, json or csv")
	cmd.Flags().BoolVar(&write, "write", false, "allow a statement that writes")
	return cmd
}

func parseLooseParams(kvs []string) (map[string]any, error) {
	out := map[string]any{}
	for _, kv := range kvs {
		k, v, ok := cutKV(kv)
		if !ok {
			return nil, fmt.Errorf("--param %q: want key=value", kv)
		}
		out[k] = looseValue(v)
	}
	return out, nil
}

// QueryType plans a statement with EXPLAIN and returns the server's query
// type: r (read), rw, w (write) or s (schema).
func QueryType(ctx context.Context, d neo4j.DriverWithContext, db, stmt string, params map[string]any) (neo4j.StatementType, error) {
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, "EXPLAIN "+stmt, params)
	if err != nil {
		return 0, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return 0, err
	}
	return sum.StatementType(), nil
}

func (app *App) runCypher(ctx context.Context, conn *Conn, stmt string, params map[string]any, write bool) ([]string, []map[string]any, error) {
	c, err := app.Config()
	if err != nil {
		return nil, nil, err
	}
	timeout := time.Duration(c.Neo4j.QueryTimeout) * time.Second
	qt, err := QueryType(ctx, conn.Driver, conn.Database, stmt, params)
	if err != nil {
		return nil, nil, explainNeo4jError(err, timeout)
	}
	if qt == neo4j.StatementTypeReadOnly {
		return app.runRead(ctx, conn, stmt, params)
	}
	if !write {
		return nil, nil, fmt.Errorf("%w (query type %s); add --write to run it", ErrWriteRefused, queryTypeName(qt))
	}
	sess := conn.Driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: conn.Database, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, stmt, params, neo4j.WithTxTimeout(timeout))
	if err != nil {
		return nil, nil, explainNeo4jError(err, timeout)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, nil, explainNeo4jError(err, timeout)
	}
	keys, _ := res.Keys()
	var rows []map[string]any
	for _, r := range recs {
		rows = append(rows, r.AsMap())
	}
	sum, err := res.Consume(ctx)
	if err == nil && app.progress() != nil {
		cs := sum.Counters()
		fmt.Fprintf(app.Err, "nodes created %d, deleted %d; relationships created %d, deleted %d; properties set %d\n",
			cs.NodesCreated(), cs.NodesDeleted(), cs.RelationshipsCreated(), cs.RelationshipsDeleted(), cs.PropertiesSet())
	}
	return keys, rows, nil
}

func queryTypeName(t neo4j.StatementType) string {
	switch t {
	case neo4j.StatementTypeReadOnly:
		return "read-only"
	case neo4j.StatementTypeReadWrite:
		return "read-write"
	case neo4j.StatementTypeWriteOnly:
		return "write-only"
	case neo4j.StatementTypeSchemaWrite:
		return "schema write"
	}
	return "unknown"
}
