package cli

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/spf13/cobra"
)

type queryOptions struct {
	params []string
	format string
}

func (app *App) queryCmd() *cobra.Command {
	o := &queryOptions{}
	cmd := &cobra.Command{
		Use:   "query NAME [--param key=value ...] [--format table|json|csv]",
		Short: "Run a named query from the library ('eventgraph query list' shows them)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] == "list" {
				return app.listQueries()
			}
			if len(args) > 1 {
				return usageError{fmt.Errorf("unexpected arguments %q: parameters go in --param key=value", args[1:])}
			}
			q, err := lookupLibrary(args[0])
			if err != nil {
				return err
			}
			params, err := BindParams(q, o.params)
			if err != nil {
				return usageError{err}
			}
			if err := checkFormat(o.format); err != nil {
				return err
			}
			ctx := cmd.Context()
			conn, err := app.Connect(ctx)
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			keys, rows, err := app.runRead(ctx, conn, q.Text, params)
			if err != nil {
				return fmt.Errorf("query %s: %w", q.Name, err)
			}
			return writeRows(app.Out, o.format, keys, rows)
		},
	}
	cmd.Flags().StringArrayVarP(&o.params, "param", "p", nil, "a parameter as key=value (repeatable)")
	cmd.Flags().StringVarP(&o.format, "format", "f", "table", "table, json or csv")
	return cmd
}

func checkFormat(f string) error {
	switch f {
	case "table", "json", "csv":
		return nil
	}
	return usageError{fmt.Errorf("--format %q: use table, json or csv", f)}
}

func (app *App) listQueries() error {
	qs, err := queries.All("library")
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(app.Out, 0, 4, 2, ' ', 0)
	for _, q := range qs {
		var ps []string
		for _, p := range q.Params {
			if p.HasDefault {
				ps = append(ps, fmt.Sprintf("[%s=%s]", p.Name, p.Default))
			} else {
				ps = append(ps, p.Name)
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", q.Name, strings.Join(ps, " "), q.Description)
	}
	return tw.Flush()
}

// lookupLibrary finds a library query or names the close matches.
func lookupLibrary(name string) (*queries.Query, error) {
	q, err := queries.Lookup(name)
	if err == nil && q.Group == "library" {
		return q, nil
	}
	qs, _ := queries.All("library")
	type cand struct {
		name string
		d    int
	}
	var cands []cand
	for _, x := range qs {
		d := levenshtein(name, x.Name)
		if d <= 3 || strings.Contains(x.Name, name) || strings.Contains(name, x.Name) {
			cands = append(cands, cand{x.Name, d})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		return cands[i].d < cands[j].d || cands[i].d == cands[j].d && cands[i].name < cands[j].name
	})
	msg := fmt.Sprintf("no query named %q", name)
	if len(cands) > 0 {
		var names []string
		for _, c := range cands {
			names = append(names, c.name)
		}
		msg += "; did you mean: " + strings.Join(names, ", ")
	}
	return nil, usageError{errors.New(msg + " (eventgraph query list shows all)")}
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur := make([]int, len(rb)+1)
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(rb)]
}

var isoDateRe = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// BindParams turns key=value strings into typed parameters as the query
// declares them, filling defaults; it names the parameter and the expected
// type on error.
func BindParams(q *queries.Query, kvs []string) (map[string]any, error) {
	given := map[string]string{}
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return nil, fmt.Errorf("--param %q: want key=value", kv)
		}
		given[strings.TrimSpace(k)] = v
	}
	declared := map[string]queries.Param{}
	for _, p := range q.Params {
		declared[p.Name] = p
	}
	for k := range given {
		if _, ok := declared[k]; !ok {
			var names []string
			for _, p := range q.Params {
				names = append(names, p.Name)
			}
			return nil, fmt.Errorf("query %s has no parameter %q (it takes: %s)", q.Name, k, strings.Join(names, ", "))
		}
	}
	out := map[string]any{}
	for _, p := range q.Params {
		raw, ok := given[p.Name]
		if !ok {
			if !p.HasDefault {
				return nil, fmt.Errorf("query %s needs --param %s=<%s> (%s)", q.Name, p.Name, p.Type, p.Description)
			}
			raw = strings.Trim(p.Default, `"`)
		}
		v, err := convert(p.Type, raw)
		if err != nil {
			return nil, fmt.Errorf("parameter %s of query %s: %q is not a %s: %v", p.Name, q.Name, raw, p.Type, err)
		}
		out[p.Name] = v
	}
	return out, nil
}

func convert(typ, raw string) (any, error) {
	switch typ {
	case "string":
		return raw, nil
	case "int":
		return strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
	case "float":
		return strconv.ParseFloat(strings.TrimSpace(raw), 64)
	case "bool":
		return strconv.ParseBool(strings.TrimSpace(raw))
	case "date":
		raw = strings.TrimSpace(raw)
		if !isoDateRe.MatchString(raw) {
			return nil, errors.New("want YYYY, YYYY-MM or YYYY-MM-DD")
		}
		return raw, nil
	case "datetime":
		raw = strings.TrimSpace(raw)
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, raw); err == nil {
				return t.UTC(), nil
			}
		}
		return nil, errors.New("want an RFC 3339 time such as 2026-11-23T08:00:00Z, or a date")
	case "list":
		var out []string
		for _, s := range strings.Split(raw, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		if out == nil {
			out = []string{}
		}
		return out, nil
	case "map":
		var m map[string]any
		if err := json.Unmarshal([]byte(raw), &m); err != nil {
			return nil, fmt.Errorf("want a JSON object: %v", err)
		}
		return m, nil
	}
	return nil, fmt.Errorf("unknown type %s", typ)
}

// runRead runs a statement in a read transaction with the configured timeout.
func (app *App) runRead(ctx context.Context, conn *Conn, stmt string, params map[string]any) ([]string, []map[string]any, error) {
	c, err := app.Config()
	if err != nil {
		return nil, nil, err
	}
	sess := conn.Driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: conn.Database, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(ctx)
	timeout := time.Duration(c.Neo4j.QueryTimeout) * time.Second
	type out struct {
		keys []string
		rows []map[string]any
	}
	res, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		r, err := tx.Run(ctx, stmt, params)
		if err != nil {
			return nil, err
		}
		recs, err := r.Collect(ctx)
		if err != nil {
			return nil, err
		}
		keys, _ := r.Keys()
		o := out{keys: keys}
		for _, rec := range recs {
			o.rows = append(o.rows, rec.AsMap())
		}
		return o, nil
	}, neo4j.WithTxTimeout(timeout))
	if err != nil {
		return nil, nil, explainNeo4jError(err, timeout)
	}
	o := res.(out)
	return o.keys, o.rows, nil
}

func explainNeo4jError(err error, timeout time.Duration) error {
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch {
		case strings.Contains(ne.Code, "TransactionTimedOut") || strings.Contains(ne.Code, "Terminated"):
			return fmt.Errorf("stopped after the query timeout of %s (neo4j.query_timeout): %s", timeout, ne.Msg)
		case strings.Contains(ne.Code, "SyntaxError"):
			return fmt.Errorf("Cypher syntax error: %s", ne.Msg)
		}
		return fmt.Errorf("%s: %s", ne.Code, ne.Msg)
	}
	return err
}

// plain turns driver values into JSON-friendly ones.
func plain(v any) any {
	switch x := v.(type) {
	case nil:
		return nil
	case dbtype.Node:
		m := map[string]any{"labels": x.Labels}
		for k, p := range x.Props {
			m[k] = plain(p)
		}
		return m
	case dbtype.Relationship:
		m := map[string]any{"type": x.Type}
		for k, p := range x.Props {
			m[k] = plain(p)
		}
		return m
	case dbtype.Path:
		var nodes []any
		for _, n := range x.Nodes {
			nodes = append(nodes, plain(n))
		}
		return nodes
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = plain(e)
		}
		return out
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case dbtype.Date:
		return x.String()
	case dbtype.LocalDateTime:
		return x.String()
	case dbtype.Duration:
		return x.String()
	case float64:
		return x
	}
	return v
}

func cell(v any) string {
	v = plain(v)
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'g', 6, 64)
	case []any, map[string]any:
		b, _ := json.Marshal(x)
		return string(b)
	}
	return fmt.Sprint(v)
}

func writeRows(w io.Writer, format string, keys []string, rows []map[string]any) error {
	switch format {
	case "json":
		out := make([]map[string]any, 0, len(rows))
		for _, r := range rows {
			m := map[string]any{}
			for k, v := range r {
				m[k] = plain(v)
			}
			out = append(out, m)
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "csv":
		cw := csv.NewWriter(w)
		_ = cw.Write(keys)
		for _, r := range rows {
			rec := make([]string, len(keys))
			for i, k := range keys {
				rec[i] = cell(r[k])
			}
			_ = cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	default:
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(keys, "\t"))
		for _, r := range rows {
			rec := make([]string, len(keys))
			for i, k := range keys {
				s := cell(r[k])
				if len(s) > 120 {
					s = s[:117] + "..."
				}
				rec[i] = strings.ReplaceAll(s, "\t", " ")
			}
			fmt.Fprintln(tw, strings.Join(rec, "\t"))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		fmt.Fprintf(w, "(%d rows)\n", len(rows))
		return nil
	}
}
