// Command benchrun measures the GDELT write paths (gdelt.Bench) on a
// disposable Neo4j of its own, or on a running server, and prints the
// result as JSON. It is the development harness behind the figures in
// docs/benchmarks.md; `eventgraph bench load` is the user-facing command.
//
//	go run ./loader/gdelt/internal/benchrun -rows 100000
//	go run ./loader/gdelt/internal/benchrun -uri bolt://127.0.0.1:7687 -password … -import /path/to/import -rows 10000
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/loader/gdelt"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func main() {
	rows := flag.Int("rows", 10000, "synthetic rows")
	seed := flag.Int64("seed", 1, "synthetic data seed")
	batch := flag.Int("batch", 0, "bulk batch size (default gdelt.DefaultBatchSize)")
	workers := flag.Int("workers", 0, "bulk workers (default gdelt.DefaultWorkers)")
	naive := flag.Int("naive", 0, "naive prefix rows (default min(rows, 2000))")
	repeat := flag.Int("repeat", 1, "time each method this many times (median reported)")
	methods := flag.String("methods", "", "comma-separated subset of bulk,load_csv,naive")
	heap := flag.String("heap", "512m", "heap of the disposable server")
	pagecache := flag.String("pagecache", "128m", "page cache of the disposable server")
	sweep := flag.String("sweep", "", "bulk-only sweep: comma-separated WORKERSxBATCH configurations, timed -repeat rounds, interleaved, on one server (e.g. 2x1000,4x1000,2x5000)")
	timeout := flag.Duration("timeout", 0, "give up after this long (the disposable server is still stopped)")
	uri := flag.String("uri", "", "use this running server instead of a disposable one")
	password := flag.String("password", os.Getenv("NEO4J_PASSWORD"), "password for -uri")
	importDir := flag.String("import", "", "the -uri server's import folder")
	pid := flag.Int("pid", 0, "process id of the -uri server (to report its CPU time)")
	flag.Parse()
	serverPIDFlag = *pid
	if err := run(*rows, *seed, *batch, *workers, *naive, *methods, *heap, *pagecache, *uri, *password, *importDir, *repeat, *sweep, *timeout); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}

var serverPIDFlag int

func run(rows int, seed int64, batch, workers, naive int, methods, heap, pagecache, uri, password, importDir string, repeat int, sweep string, timeout time.Duration) error {
	ctx := context.Background()
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	serverPID := serverPIDFlag
	if uri == "" {
		dir, err := os.MkdirTemp("", "eventgraph-benchrun-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		srv, err := neo4jtest.NewServer(dir)
		if err != nil {
			return err
		}
		srv.Heap, srv.Pagecache = heap, pagecache
		if _, err := srv.Start(context.Background()); err != nil {
			return err
		}
		defer srv.Stop(context.Background(), 120*time.Second)
		uri = srv.URI()
		if password, err = srv.Password(); err != nil {
			return err
		}
		importDir = filepath.Join(dir, "import")
		if b, err := os.ReadFile(filepath.Join(dir, "run", "eventgraph-neo4j.pid")); err == nil {
			serverPID, _ = strconv.Atoi(strings.TrimSpace(string(b)))
		}
	}
	d, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth("neo4j", password, ""))
	if err != nil {
		return err
	}
	defer d.Close(ctx)
	if sweep != "" {
		return runSweep(ctx, d, rows, seed, repeat, sweep, serverPID)
	}
	opt := gdelt.BenchOptions{Rows: rows, Seed: seed, BatchSize: batch, Workers: workers, NaiveRows: naive, Repeat: repeat, Wipe: true, ServerPID: serverPID, Progress: os.Stderr}
	if methods != "" {
		opt.Methods = strings.Split(methods, ",")
	}
	res, err := gdelt.Bench(ctx, d, "neo4j", importDir, opt)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}

// runSweep times the bulk writer in several configurations, interleaved
// (round 1: every configuration, round 2: every configuration, …), so that
// other load on the machine spreads over all of them, and prints the
// median rows/s of each.
func runSweep(ctx context.Context, d neo4j.DriverWithContext, rows int, seed int64, rounds int, sweep string, pid int) error {
	type cfg struct{ workers, batch int }
	var cfgs []cfg
	for _, c := range strings.Split(sweep, ",") {
		var x cfg
		if _, err := fmt.Sscanf(c, "%dx%d", &x.workers, &x.batch); err != nil {
			return fmt.Errorf("-sweep %q: %w", c, err)
		}
		cfgs = append(cfgs, x)
	}
	samples := make([][]float64, len(cfgs))
	cpu := make([][]float64, len(cfgs))
	for r := 0; r < max(1, rounds); r++ {
		for i, c := range cfgs {
			warm := -1
			if r == 0 && i == 0 {
				warm = 0 // default warm-up once
			}
			res, err := gdelt.Bench(ctx, d, "neo4j", "", gdelt.BenchOptions{Rows: rows, Seed: seed, Workers: c.workers, BatchSize: c.batch,
				Methods: []string{gdelt.MethodBulk}, WarmupRows: warm, Wipe: true, ServerPID: pid})
			if err != nil {
				return err
			}
			samples[i] = append(samples[i], res.Bulk.RowsPerSec)
			cpu[i] = append(cpu[i], res.Bulk.CPUMsPerRow)
			fmt.Fprintf(os.Stderr, "round %d workers %d batch %d: %.0f rows/s, server CPU %.3f ms/row (retries %d, load %s)\n", r+1, c.workers, c.batch, res.Bulk.RowsPerSec, res.Bulk.CPUMsPerRow, res.Bulk.Retries, res.LoadAvg)
		}
	}
	for i, c := range cfgs {
		s := append([]float64(nil), samples[i]...)
		sort.Float64s(s)
		u := append([]float64(nil), cpu[i]...)
		sort.Float64s(u)
		fmt.Printf("workers %d batch %5d: median %6.0f rows/s, server CPU %.3f ms/row  samples %v\n", c.workers, c.batch, s[len(s)/2], u[len(u)/2], s)
	}
	return nil
}
