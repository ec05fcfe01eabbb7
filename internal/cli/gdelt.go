package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"github.com/eventgraph/eventgraph/loader/gdelt"
	"github.com/spf13/cobra"
)

func (app *App) ingestCmd() *cobra.Command {
	var format string
	var all, asJSON bool
	var workers, batch int
	cmd := &cobra.Command{
		Use:   "ingest --format gdelt FILE...",
		Short: "Load GDELT event exports (2.0: 61 columns; 1.0: 57/58 columns; plain, .zip or CSV with header) into the graph",
		Long: "Streams each file with constant memory. Actors map onto the knowledge base's countries, organizations\n" +
			"and people; events keep their CAMEO codes, QuadClass, Goldstein scale, tone, counts, action location\n" +
			"and source URL. By default only the cooperative diplomatic families (03, 04, 05, 06) are loaded;\n" +
			"--all loads everything. Idempotent by GDELT's GlobalEventID. Rows that cannot be parsed are reported\n" +
			"with file and line and skipped; the exit status is 2 when any row or file failed.",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "gdelt" {
				return usageError{fmt.Errorf("--format %q: only gdelt is supported (articles go through 'eventgraph load')", format)}
			}
			ctx := cmd.Context()
			c, err := app.Config()
			if err != nil {
				return err
			}
			k, err := app.KB()
			if err != nil {
				return err
			}
			conn, err := app.Connect(ctx)
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			if batch == 0 {
				batch = c.Neo4j.BatchSize
			}
			w := &gdelt.Writer{Driver: conn.Driver, Database: conn.Database, BatchSize: batch, Workers: workers, KB: k}
			var total gdelt.Stats
			failedFiles := 0
			start := time.Now()
			for _, path := range args {
				f, err := gdelt.Open(path)
				if err != nil {
					fmt.Fprintf(app.Err, "eventgraph: %s: %v\n", path, err)
					failedFiles++
					continue
				}
				st, err := gdelt.Ingest(ctx, w, f, path, gdelt.Options{All: all, KB: k}, 0)
				f.Close()
				for _, re := range st.Errors {
					fmt.Fprintf(app.Err, "eventgraph: %s\n", re.Error())
				}
				if st.Failed > len(st.Errors) {
					fmt.Fprintf(app.Err, "eventgraph: %s: %d more row errors not shown\n", path, st.Failed-len(st.Errors))
				}
				if err != nil {
					fmt.Fprintf(app.Err, "eventgraph: %s: %v\n", path, err)
					failedFiles++
				}
				total.Add(st)
			}
			total.Errors = nil
			out := map[string]any{"files": len(args), "failed_files": failedFiles, "rows": total.Rows, "accepted": total.Accepted,
				"filtered": total.Filtered, "failed_rows": total.Failed, "seconds": time.Since(start).Seconds()}
			if asJSON {
				if err := json.NewEncoder(app.Out).Encode(out); err != nil {
					return err
				}
			} else {
				fmt.Fprintf(app.Out, "ingested %d files: %d rows, %d events loaded, %d filtered out, %d failed rows, in %.1fs\n",
					len(args)-failedFiles, total.Rows, total.Accepted, total.Filtered, total.Failed, out["seconds"])
			}
			if failedFiles > 0 || total.Failed > 0 {
				return fmt.Errorf("%w: %d files and %d rows failed", errPartial, failedFiles, total.Failed)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&format, "format", "", "input format: gdelt")
	cmd.Flags().BoolVar(&all, "all", false, "load every CAMEO family, not only 03-06")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the summary as JSON")
	cmd.Flags().IntVar(&workers, "workers", gdelt.DefaultWorkers, "concurrent write transactions")
	cmd.Flags().IntVar(&batch, "batch", 0, "rows per transaction (default neo4j.batch_size)")
	return cmd
}

func (app *App) benchCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "bench", Short: "Benchmarks measured against named anchors in the same run"}
	var rows, workers, batch, naive, repeat int
	var format string
	load := &cobra.Command{
		Use:   "load [--rows N] [--format json]",
		Short: "Load the same event rows three ways: eventgraph's writer, Neo4j's LOAD CSV ... IN TRANSACTIONS, a naive loop",
		Long: "Uses the managed local Neo4j (it needs the server's import folder for LOAD CSV) and ERASES ITS GRAPH:\n" +
			"run it on a server that holds nothing you need. Each method starts from an empty database with the\n" +
			"same constraints; their node and relationship counts must agree.",
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			c, err := app.Config()
			if err != nil {
				return err
			}
			if !c.UsesManaged() {
				return fmt.Errorf("bench load needs the managed local Neo4j (it writes into the server's import folder and erases the graph); unset NEO4J_URI")
			}
			srv, err := app.Server()
			if err != nil {
				return err
			}
			conn, err := app.Connect(ctx)
			if err != nil {
				return err
			}
			defer conn.Close(ctx)
			st := srv.Status(ctx)
			res, err := gdelt.Bench(ctx, conn.Driver, conn.Database, filepath.Join(srv.Dir, "import"), gdelt.BenchOptions{
				Rows: rows, BatchSize: batch, Workers: workers, NaiveRows: naive, Repeat: repeat, Wipe: true, Progress: app.progress(), ServerPID: st.PID})
			if err != nil {
				return err
			}
			if format == "json" {
				enc := json.NewEncoder(app.Out)
				enc.SetIndent("", "  ")
				return enc.Encode(res)
			}
			for _, m := range []*gdelt.MethodResult{res.Bulk, res.LoadCSV, res.Naive} {
				if m != nil {
					fmt.Fprintf(app.Out, "%-9s %10.0f rows/s  (%d rows)\n", m.Method, m.RowsPerSec, m.Rows)
				}
			}
			fmt.Fprintf(app.Out, "ratio vs LOAD CSV: %.2f   ratio vs naive: %.1f   counts identical: %v\n", res.RatioVsLoadCSV, res.RatioVsNaive, res.CountsIdentical)
			return nil
		},
	}
	load.Flags().IntVar(&rows, "rows", 10000, "synthetic event rows")
	load.Flags().IntVar(&workers, "workers", 0, "bulk writer workers (default 2)")
	load.Flags().IntVar(&batch, "batch", 0, "bulk writer batch size (default 1000)")
	load.Flags().IntVar(&naive, "naive-rows", 0, "rows timed for the naive loop (default min(rows, 2000))")
	load.Flags().IntVar(&repeat, "repeat", 1, "time each method this many times, interleaved, each from an empty database; the median is reported")
	load.Flags().StringVarP(&format, "format", "f", "text", "text or json")
	cmd.AddCommand(load)
	return cmd
}
