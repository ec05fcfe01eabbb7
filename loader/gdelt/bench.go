package gdelt

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/loader/kb"
	"github.com/eventgraph/eventgraph/loader/sink"
	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Bench methods.
const (
	MethodBulk    = "bulk"
	MethodLoadCSV = "load_csv"
	MethodNaive   = "naive"
)

// BenchOptions configure Bench.
type BenchOptions struct {
	Rows      int   // synthetic rows (default 10,000); ignored when Input is set
	Seed      int64 // synthetic data seed (default 1)
	BatchSize int   // bulk writer batch (default DefaultBatchSize)
	Workers   int   // bulk writer workers (default DefaultWorkers)
	// NaiveRows: the naive loop is timed on this prefix (default
	// min(rows, 2000)); the rest is then written untimed by the bulk writer
	// so the counts can be compared.
	NaiveRows int
	// WarmupRows: before timing, each method loads this many rows once,
	// untimed, into an emptied database (JIT and plan caches; default
	// min(rows, 500); negative: none).
	WarmupRows int
	// Methods to run (default all three, in the order bulk, load_csv, naive).
	Methods []string
	// Repeat: each method is timed this many times (interleaved, each run
	// from an emptied database); the median is reported (default 1).
	Repeat int
	// Input: real rows (e.g. from Read with Options.KB) instead of synthetic
	// ones; KB then names the actor nodes.
	Input []Row
	KB    *kb.KB
	// Wipe allows Bench to run on a database that is not empty. Bench
	// deletes every node of the database before each method.
	Wipe bool
	// Progress receives one line per step; nil discards.
	Progress io.Writer
	// ServerPID: the process id of a Neo4j server on this machine (Linux);
	// Bench then also reports the CPU time the server spent on each method,
	// which other load on the machine distorts less than wall time.
	ServerPID int
}

// MethodResult is one method's timing.
type MethodResult struct {
	Method     string  `json:"method"`
	Rows       int     `json:"rows"`         // rows timed
	RowsPerSec float64 `json:"rows_per_sec"` // median of Samples
	Seconds    float64 `json:"seconds"`      // Rows / RowsPerSec
	// Samples are the rows/s of each timed run (BenchOptions.Repeat).
	Samples        []float64 `json:"samples"`
	BestRowsPerSec float64   `json:"best_rows_per_sec"`
	Retries        int64     `json:"retries,omitempty"`     // bulk: batch transactions retried by the driver, all runs
	CSVSeconds     float64   `json:"csv_seconds,omitempty"` // load_csv: writing the CSV (not in Seconds)
	Note           string    `json:"note,omitempty"`
	// ServerCPUSeconds: CPU time of the Neo4j process per run (median),
	// when BenchOptions.ServerPID is set; CPUMsPerRow = that per row.
	ServerCPUSeconds float64 `json:"server_cpu_seconds,omitempty"`
	CPUMsPerRow      float64 `json:"server_cpu_ms_per_row,omitempty"`
	cpuSamples       []float64
	// PhaseSeconds (bulk): wall time per write phase of the last run.
	PhaseSeconds map[string]float64 `json:"phase_seconds,omitempty"`
	Counts       sink.Counts        `json:"counts"`
	Checksum     string             `json:"checksum"` // digest of the loaded events' properties and relationships
}

// BenchResult is the outcome of Bench; it marshals to JSON as is.
type BenchResult struct {
	Rows           int           `json:"rows"`
	Source         string        `json:"source"` // synthetic or input
	Seed           int64         `json:"seed,omitempty"`
	BatchSize      int           `json:"batch_size"`
	Workers        int           `json:"workers"`
	Neo4jVersion   string        `json:"neo4j_version"`
	Neo4jEdition   string        `json:"neo4j_edition"`
	Dataset        WriteStats    `json:"dataset"`
	Bulk           *MethodResult `json:"bulk,omitempty"`
	LoadCSV        *MethodResult `json:"load_csv,omitempty"`
	Naive          *MethodResult `json:"naive,omitempty"`
	RatioVsLoadCSV float64       `json:"ratio_vs_load_csv,omitempty"` // bulk rows/s ÷ LOAD CSV rows/s
	RatioVsNaive   float64       `json:"ratio_vs_naive,omitempty"`    // bulk rows/s ÷ naive rows/s
	// Server CPU per row of the other method ÷ the bulk writer's (when
	// ServerPID is set): how much less work the server does per row.
	CPURatioVsLoadCSV float64         `json:"server_cpu_ratio_vs_load_csv,omitempty"`
	CPURatioVsNaive   float64         `json:"server_cpu_ratio_vs_naive,omitempty"`
	CountsIdentical   bool            `json:"counts_identical"`
	Mismatches        []string        `json:"mismatches,omitempty"`
	Notes             []string        `json:"notes,omitempty"`
	Seconds           float64         `json:"seconds"`            // whole run, including wipes and warm-up
	LoadAvg           string          `json:"load_avg,omitempty"` // /proc/loadavg at start and end: other work on the machine skews timings
	TargetsMet        map[string]bool `json:"targets_met,omitempty"`
}

// Bench loads the same rows into database db three ways, each from an
// emptied database with the same constraints, and compares them: the bulk
// Writer; Neo4j's LOAD CSV … CALL { … } IN TRANSACTIONS OF 1000 ROWS from
// a CSV Bench writes into importDir (the server's import folder, as seen
// from this process); and a naive loop of one auto-commit statement per
// row. The three use the same MERGE logic (queries gdelt-merge-* and
// gdelt-bench-*). Bench verifies that the three graphs have identical
// node and relationship counts and event checksums.
//
// Bench deletes everything in db: it refuses a non-empty database unless
// opt.Wipe is set. importDir may be "" when load_csv is not among Methods.
func Bench(ctx context.Context, d neo4j.DriverWithContext, db, importDir string, opt BenchOptions) (BenchResult, error) {
	start := time.Now()
	load0 := loadAvg()
	res := BenchResult{BatchSize: opt.BatchSize, Workers: opt.Workers, Seed: opt.Seed}
	if res.BatchSize <= 0 {
		res.BatchSize = DefaultBatchSize
	}
	if res.Workers <= 0 {
		res.Workers = DefaultWorkers
	}
	logf := func(format string, a ...any) {
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "bench: "+format+"\n", a...)
		}
	}
	rows, k := opt.Input, opt.KB
	if rows == nil {
		if opt.Rows <= 0 {
			opt.Rows = 10000
		}
		if res.Seed == 0 {
			res.Seed = 1
		}
		rows, k = Synthetic(opt.Rows, res.Seed)
		res.Source = "synthetic"
	} else {
		res.Source = "input"
		res.Seed = 0
	}
	// Duplicates would make the row-wise methods and the bulk writer
	// disagree on which copy wins; keep the first of each event.
	rows = dedupe(rows)
	res.Rows = len(rows)
	res.Dataset = prepare(rows, k).stats
	methods := opt.Methods
	if len(methods) == 0 {
		methods = []string{MethodBulk, MethodLoadCSV, MethodNaive}
	}
	for _, m := range methods {
		if m != MethodBulk && m != MethodLoadCSV && m != MethodNaive {
			return res, fmt.Errorf("bench: unknown method %q", m)
		}
		if m == MethodLoadCSV && importDir == "" {
			return res, fmt.Errorf("bench: load_csv needs the server's import folder")
		}
	}
	naiveRows := opt.NaiveRows
	if naiveRows <= 0 {
		naiveRows = min(len(rows), 2000)
	}
	naiveRows = min(naiveRows, len(rows))
	warm := opt.WarmupRows
	if warm == 0 {
		warm = min(len(rows), 500)
	}
	warm = max(0, min(warm, len(rows)))

	if !opt.Wipe {
		n, err := single(ctx, d, db, "MATCH (n) RETURN count(n) AS n LIMIT 1")
		if err != nil {
			return res, err
		}
		if n.(int64) > 0 {
			return res, fmt.Errorf("bench: database %q has %d nodes; Bench deletes everything, so it needs an empty (scratch) database or Wipe", db, n)
		}
	}
	if err := components(ctx, d, db, &res); err != nil {
		return res, err
	}
	w := &Writer{Driver: d, Database: db, BatchSize: res.BatchSize, Workers: res.Workers, KB: k}
	if err := w.EnsureSchema(ctx); err != nil {
		return res, err
	}

	var csvPath string
	if contains(methods, MethodLoadCSV) {
		t := time.Now()
		name := "eventgraph-bench-gdelt.csv"
		csvPath = filepath.Join(importDir, name)
		if err := os.MkdirAll(importDir, 0o755); err != nil {
			return res, err
		}
		if err := WriteBenchCSV(csvPath, rows, k); err != nil {
			return res, err
		}
		defer os.Remove(csvPath)
		res.LoadCSV = &MethodResult{Method: MethodLoadCSV, CSVSeconds: time.Since(t).Seconds()}
	}

	run := func(method string, rows []Row, csvName string) (*MethodResult, error) {
		r := &MethodResult{Method: method, Rows: len(rows)}
		var err error
		cpu0 := procCPU(opt.ServerPID)
		t := time.Now()
		switch method {
		case MethodBulk:
			bw := &Writer{Driver: d, Database: db, BatchSize: res.BatchSize, Workers: res.Workers, KB: k, SkipSchema: true}
			var ws WriteStats
			ws, err = bw.WriteStats(ctx, rows)
			r.Retries = bw.Retries()
			r.PhaseSeconds = ws.PhaseSeconds
		case MethodLoadCSV:
			err = loadCSV(ctx, d, db, "file:///"+csvName)
		case MethodNaive:
			err = naive(ctx, d, db, rows, k)
		}
		r.Seconds = time.Since(t).Seconds()
		if cpu0 >= 0 {
			if cpu1 := procCPU(opt.ServerPID); cpu1 >= 0 {
				r.ServerCPUSeconds = cpu1 - cpu0
			}
		}
		if r.Seconds > 0 {
			r.RowsPerSec = float64(r.Rows) / r.Seconds
		}
		return r, err
	}

	// Warm up every method once (untimed), then time each method Repeat
	// times, interleaved, each run from an emptied database.
	if warm > 0 {
		for _, m := range methods {
			if err := wipe(ctx, d, db); err != nil {
				return res, err
			}
			warmName := ""
			if m == MethodLoadCSV {
				warmName = "eventgraph-bench-gdelt-warmup.csv"
				p := filepath.Join(importDir, warmName)
				if err := WriteBenchCSV(p, rows[:warm], k); err != nil {
					return res, err
				}
				defer os.Remove(p)
			}
			logf("%s: warm-up, %d rows", m, warm)
			if _, err := run(m, rows[:warm], warmName); err != nil {
				return res, fmt.Errorf("bench %s warm-up: %w", m, err)
			}
		}
	}
	repeat := max(1, opt.Repeat)
	for rep := 0; rep < repeat; rep++ {
		for _, m := range methods {
			if err := wipe(ctx, d, db); err != nil {
				return res, err
			}
			timed := rows
			if m == MethodNaive {
				timed = rows[:naiveRows]
			}
			logf("%s: %d rows (run %d of %d)", m, len(timed), rep+1, repeat)
			r, err := run(m, timed, filepath.Base(csvPath))
			if err != nil {
				return res, fmt.Errorf("bench %s: %w", m, err)
			}
			if m == MethodNaive && naiveRows < len(rows) {
				r.Note = fmt.Sprintf("timed on the first %d of %d rows (one auto-commit transaction per row); the other %d rows were then written untimed by the bulk writer so the final counts can be compared", naiveRows, len(rows), len(rows)-naiveRows)
				bw := &Writer{Driver: d, Database: db, BatchSize: res.BatchSize, Workers: res.Workers, KB: k, SkipSchema: true}
				if err := bw.Write(ctx, rows[naiveRows:]); err != nil {
					return res, fmt.Errorf("bench naive remainder: %w", err)
				}
			}
			if r.Counts, err = sink.Count(ctx, d, db); err != nil {
				return res, err
			}
			if r.Checksum, err = checksum(ctx, d, db); err != nil {
				return res, err
			}
			logf("%s: %.1f s, %.0f rows/s, %d nodes, %d relationships", m, r.Seconds, r.RowsPerSec, r.Counts.Nodes, r.Counts.Relationships)
			var slot **MethodResult
			switch m {
			case MethodBulk:
				slot = &res.Bulk
			case MethodLoadCSV:
				r.CSVSeconds = res.LoadCSV.CSVSeconds
				r.Note = "seconds excludes writing the CSV (csv_seconds)"
				slot = &res.LoadCSV
			case MethodNaive:
				slot = &res.Naive
			}
			if prev := *slot; prev != nil && len(prev.Samples) > 0 {
				res.Mismatches = append(res.Mismatches, compareCounts(prev, r)...) // runs of one method agree
				r.Samples = append(prev.Samples, r.RowsPerSec)
				r.cpuSamples = append(prev.cpuSamples, r.ServerCPUSeconds)
				r.Retries += prev.Retries
			} else {
				r.Samples = []float64{r.RowsPerSec}
				r.cpuSamples = []float64{r.ServerCPUSeconds}
			}
			*slot = r
		}
	}
	for _, r := range []*MethodResult{res.Bulk, res.LoadCSV, res.Naive} {
		if r != nil && len(r.Samples) > 0 {
			r.RowsPerSec = median(r.Samples)
			r.BestRowsPerSec = slices.Max(r.Samples)
			r.Seconds = float64(r.Rows) / r.RowsPerSec
			if opt.ServerPID > 0 {
				r.ServerCPUSeconds = round2(median(r.cpuSamples))
				r.CPUMsPerRow = math.Round(r.ServerCPUSeconds/float64(r.Rows)*1e6) / 1e3
			}
			for i := range r.Samples {
				r.Samples[i] = math.Round(r.Samples[i])
			}
		}
	}
	if err := wipe(ctx, d, db); err != nil {
		return res, err
	}

	// Compare.
	var done []*MethodResult
	for _, r := range []*MethodResult{res.Bulk, res.LoadCSV, res.Naive} {
		if r != nil && r.Method != "" {
			done = append(done, r)
		}
	}
	for _, r := range done[1:] {
		res.Mismatches = append(res.Mismatches, compareCounts(done[0], r)...)
	}
	res.CountsIdentical = len(res.Mismatches) == 0
	res.TargetsMet = map[string]bool{}
	if res.Bulk != nil && res.LoadCSV != nil && res.LoadCSV.RowsPerSec > 0 {
		res.RatioVsLoadCSV = round2(res.Bulk.RowsPerSec / res.LoadCSV.RowsPerSec)
		res.TargetsMet["bulk_ge_1x_load_csv"] = res.RatioVsLoadCSV >= 1.0
	}
	if res.Bulk != nil && res.LoadCSV != nil && res.Bulk.CPUMsPerRow > 0 {
		res.CPURatioVsLoadCSV = round2(res.LoadCSV.CPUMsPerRow / res.Bulk.CPUMsPerRow)
	}
	if res.Bulk != nil && res.Naive != nil && res.Bulk.CPUMsPerRow > 0 {
		res.CPURatioVsNaive = round2(res.Naive.CPUMsPerRow / res.Bulk.CPUMsPerRow)
	}
	if res.Bulk != nil && res.Naive != nil && res.Naive.RowsPerSec > 0 {
		res.RatioVsNaive = round2(res.Bulk.RowsPerSec / res.Naive.RowsPerSec)
		res.TargetsMet["bulk_ge_20x_naive"] = res.RatioVsNaive >= 20
	}
	res.Notes = append(res.Notes,
		"each method starts from an emptied database with the same constraints, after an untimed warm-up",
		"all three use the same MERGE logic; the bulk writer also deduplicates actor and place nodes client-side and writes nodes before relationships",
		"rows_per_sec counts input event rows and is the median of the runs in samples")
	if !res.CountsIdentical {
		res.Notes = append(res.Notes, "COUNTS DIFFER: the comparison is not meaningful")
	}
	res.Seconds = round2(time.Since(start).Seconds())
	if load0 != "" {
		res.LoadAvg = "start " + load0 + ", end " + loadAvg()
	}
	return res, nil
}

// procCPU is the user+system CPU seconds of process pid (Linux), or -1.
func procCPU(pid int) float64 {
	if pid <= 0 {
		return -1
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return -1
	}
	// Fields after the command name (which may contain spaces) start at ")".
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return -1
	}
	f := strings.Fields(s[i+1:])
	if len(f) < 13 {
		return -1
	}
	ut, err1 := strconv.ParseFloat(f[11], 64)
	st, err2 := strconv.ParseFloat(f[12], 64)
	if err1 != nil || err2 != nil {
		return -1
	}
	return (ut + st) / 100 // USER_HZ is 100 on Linux
}

// loadAvg is the 1-minute load average on Linux, or "".
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

func dedupe(rows []Row) []Row {
	seen := make(map[int64]bool, len(rows))
	out := rows[:0:0]
	for _, r := range rows {
		if !seen[r.GlobalEventID] {
			seen[r.GlobalEventID] = true
			out = append(out, r)
		}
	}
	return out
}

func compareCounts(a, b *MethodResult) []string {
	var out []string
	if a.Counts.Nodes != b.Counts.Nodes {
		out = append(out, fmt.Sprintf("nodes: %s %d, %s %d", a.Method, a.Counts.Nodes, b.Method, b.Counts.Nodes))
	}
	if a.Counts.Relationships != b.Counts.Relationships {
		out = append(out, fmt.Sprintf("relationships: %s %d, %s %d", a.Method, a.Counts.Relationships, b.Method, b.Counts.Relationships))
	}
	keys := map[string]bool{}
	for k := range a.Counts.ByLabel {
		keys["label "+k] = true
	}
	for k := range b.Counts.ByLabel {
		keys["label "+k] = true
	}
	for k := range a.Counts.ByType {
		keys["type "+k] = true
	}
	for k := range b.Counts.ByType {
		keys["type "+k] = true
	}
	var ks []string
	for k := range keys {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		kind, name, _ := strings.Cut(k, " ")
		var x, y int64
		if kind == "label" {
			x, y = a.Counts.ByLabel[name], b.Counts.ByLabel[name]
		} else {
			x, y = a.Counts.ByType[name], b.Counts.ByType[name]
		}
		if x != y {
			out = append(out, fmt.Sprintf("%s: %s %d, %s %d", k, a.Method, x, b.Method, y))
		}
	}
	if a.Checksum != b.Checksum {
		out = append(out, fmt.Sprintf("checksum: %s %s, %s %s", a.Method, a.Checksum, b.Method, b.Checksum))
	}
	return out
}

func single(ctx context.Context, d neo4j.DriverWithContext, db, q string) (any, error) {
	r, err := neo4j.ExecuteQuery(ctx, d, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	if err != nil {
		return nil, err
	}
	if len(r.Records) == 0 {
		return nil, fmt.Errorf("no result: %s", q)
	}
	return r.Records[0].Values[0], nil
}

func components(ctx context.Context, d neo4j.DriverWithContext, db string, res *BenchResult) error {
	r, err := neo4j.ExecuteQuery(ctx, d, "CALL dbms.components() YIELD name, versions, edition RETURN versions[0] AS v, edition AS e",
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	if err != nil {
		return err
	}
	if len(r.Records) > 0 {
		res.Neo4jVersion, _ = r.Records[0].Values[0].(string)
		res.Neo4jEdition, _ = r.Records[0].Values[1].(string)
	}
	return nil
}

// checksum digests what the three methods must agree on: every event's
// main properties and relationship endpoints.
func checksum(ctx context.Context, d neo4j.DriverWithContext, db string) (string, error) {
	q := `MATCH (e:Event)
OPTIONAL MATCH (a:Actor)-[p:PARTICIPATED_IN]->(e)
WITH e, count(p) AS np, sum(p.side) AS sides, sum(size(a.key)) AS akeys
OPTIONAL MATCH (e)-[:HELD_IN]->(pl:Place)
WITH e, np, sides, akeys, count(pl) AS nh, sum(size(pl.key)) AS pkeys
RETURN count(e) AS events, sum(np) AS parts, sum(sides) AS sides, sum(akeys) AS akeys, sum(nh) AS held, sum(pkeys) AS pkeys,
       round(sum(e.goldstein) * 1000) AS gold, sum(e.num_mentions) AS mentions, sum(size(e.participants)) AS names,
       sum(size(coalesce(e.url, ''))) AS urls, sum(size(e.date)) AS dates`
	r, err := neo4j.ExecuteQuery(ctx, d, q, nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	if err != nil {
		return "", err
	}
	var parts []string
	for i, k := range r.Keys {
		parts = append(parts, fmt.Sprintf("%s=%v", k, r.Records[0].Values[i]))
	}
	return strings.Join(parts, ","), nil
}

// wipe deletes every relationship and node of db (in transactions).
func wipe(ctx context.Context, d neo4j.DriverWithContext, db string) error {
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	for _, q := range []string{
		"MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS",
		"MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS",
	} {
		r, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = r.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("bench: empty the database: %w", err)
		}
	}
	return nil
}

func loadCSV(ctx context.Context, d neo4j.DriverWithContext, db, url string) error {
	// CALL … IN TRANSACTIONS needs an auto-commit transaction.
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	r, err := sess.Run(ctx, queries.Get("gdelt-bench-load-csv"), map[string]any{"url": url})
	if err == nil {
		_, err = r.Consume(ctx)
	}
	return err
}

func naive(ctx context.Context, d neo4j.DriverWithContext, db string, rows []Row, k *kb.KB) error {
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	q := queries.Get("gdelt-bench-naive-row")
	for i := range rows {
		r, err := sess.Run(ctx, q, map[string]any{"row": rowParams(&rows[i], k)})
		if err == nil {
			_, err = r.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("row %d: %w", i, err)
		}
	}
	return nil
}

// benchCSVHeader is the header of the LOAD CSV file (gdelt-bench-load-csv).
var benchCSVHeader = []string{
	"key", "category", "cameo", "cameo_base", "cameo_root", "quad_class", "goldstein", "avg_tone",
	"num_mentions", "num_sources", "num_articles", "is_root", "date", "date_added", "url", "place", "country",
	"lat", "lon", "actor1_code", "actor1_name", "actor2_code", "actor2_name", "participants",
	"a1_country", "a1_country_name", "a1_country_code", "a1_org", "a1_org_name", "a1_org_code",
	"a1_person", "a1_person_name", "a1_person_code",
	"a2_country", "a2_country_name", "a2_country_code", "a2_org", "a2_org_name", "a2_org_code",
	"a2_person", "a2_person_name", "a2_person_code",
	"place_key", "place_name", "place_full_name", "place_lat", "place_lon", "place_feature_id",
	"place_country", "place_country_name", "place_country_code",
}

// WriteBenchCSV writes rows as the CSV gdelt-bench-load-csv reads (empty
// fields are nulls).
func WriteBenchCSV(path string, rows []Row, k *kb.KB) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	cw := csv.NewWriter(bw)
	if err := cw.Write(benchCSVHeader); err != nil {
		f.Close()
		return err
	}
	rec := make([]string, len(benchCSVHeader))
	fl := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	for i := range rows {
		r := &rows[i]
		g := &r.ActionGeo
		var lat, lon string
		if g.HasLatLong {
			lat, lon = fl(g.Lat), fl(g.Long)
		}
		var names []string
		for _, a := range []*Actor{&r.Actor1, &r.Actor2} {
			if a.Name != "" {
				names = append(names, a.Name)
			}
		}
		rec = rec[:0]
		rec = append(rec, EventKey(r.GlobalEventID), Category(r.EventCode), r.EventCode, r.EventBaseCode, r.EventRootCode,
			strconv.Itoa(r.QuadClass), fl(r.Goldstein), fl(r.AvgTone), strconv.Itoa(r.NumMentions),
			strconv.Itoa(r.NumSources), strconv.Itoa(r.NumArticles), strconv.FormatBool(r.IsRootEvent),
			r.Date, r.DateAdded, r.SourceURL, g.FullName, g.ISO3, lat, lon,
			r.Actor1.Code, r.Actor1.Name, r.Actor2.Code, r.Actor2.Name, strings.Join(names, "|"))
		for _, a := range []*Actor{&r.Actor1, &r.Actor2} {
			for _, n := range []struct {
				key  string
				node func() actorNode
			}{
				{a.CountryKey, func() actorNode { return countryNode(a.CountryKey, k) }},
				{a.OrgKey, func() actorNode { return orgNode(a.OrgKey, k) }},
				{a.PersonKey, func() actorNode { return personNode(a.PersonKey, a.Name, a.CountryCode, k) }},
			} {
				if n.key == "" {
					rec = append(rec, "", "", "")
					continue
				}
				an := n.node()
				rec = append(rec, an.Key, an.Name, an.Code)
			}
		}
		if pl, ok := rowPlace(r); ok {
			var plat, plon string
			if pl.Lat != nil {
				plat, plon = fl(pl.Lat.(float64)), fl(pl.Lon.(float64))
			}
			rec = append(rec, pl.Key, pl.Name, pl.FullName, plat, plon, pl.FeatureID)
			if pl.Country != "" {
				c := countryNode(pl.Country, k)
				rec = append(rec, c.Key, c.Name, c.Code)
			} else {
				rec = append(rec, "", "", "")
			}
		} else {
			rec = append(rec, "", "", "", "", "", "", "", "", "")
		}
		if err := cw.Write(rec); err != nil {
			f.Close()
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		f.Close()
		return err
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Synthetic generates n event rows deterministically from seed, with the
// shape of GDELT's diplomatic events: 200 countries with Zipf-like
// popularity, n/5 cities (80% of events pick one by Zipf popularity, 20%
// uniformly; 10% of events have no city), two country actors per event,
// some of them also a person (8%) or an organization (5%), CAMEO codes of
// the roots 03-06. It returns the rows (with their knowledge-base keys set)
// and the knowledge base naming their actors.
func Synthetic(n int, seed int64) ([]Row, *kb.KB) {
	rng := rand.New(rand.NewSource(seed))
	loadTables()
	// 200 countries from the ISO codes GDELT geography knows.
	isoSet := map[string]bool{}
	for _, iso := range fipsISO3 {
		isoSet[iso] = true
	}
	var isos []string
	for iso := range isoSet {
		isos = append(isos, iso)
	}
	sort.Strings(isos)
	isos = isos[:min(200, len(isos))]
	rng.Shuffle(len(isos), func(i, j int) { isos[i], isos[j] = isos[j], isos[i] }) // popularity order
	var entries []kb.Entry
	for _, iso := range isos {
		entries = append(entries, kb.Entry{Key: "country:" + strings.ToLower(iso), Kind: kb.KindCountry, Name: "Country " + iso, ISO3: iso})
	}
	const nOrgs, nPersons = 20, 400
	for i := 0; i < nOrgs; i++ {
		entries = append(entries, kb.Entry{Key: fmt.Sprintf("org:bench-%02d", i), Kind: kb.KindOrganization,
			Name: fmt.Sprintf("Organization %02d", i), Acronym: fmt.Sprintf("ORG%02d", i)})
	}
	personCountry := make([]int, nPersons)
	for i := 0; i < nPersons; i++ {
		personCountry[i] = i % len(isos)
		entries = append(entries, kb.Entry{Key: fmt.Sprintf("person:bench-%03d", i), Kind: kb.KindPerson,
			Name: fmt.Sprintf("Person %03d", i), Country: isos[personCountry[i]]})
	}
	k := kb.New(entries)

	countryZipf := rand.NewZipf(rng, 1.1, 2, uint64(len(isos)-1))
	nPlaces := max(1, n/5)
	placeZipf := rand.NewZipf(rng, 1.1, 10, uint64(nPlaces-1))
	placeCountry := make([]int, nPlaces)
	placeLat := make([]float64, nPlaces)
	placeLon := make([]float64, nPlaces)
	for i := range placeCountry {
		placeCountry[i] = int(countryZipf.Uint64())
		placeLat[i] = math.Round((rng.Float64()*140-70)*1e4) / 1e4
		placeLon[i] = math.Round((rng.Float64()*360-180)*1e4) / 1e4
	}
	var codes []string
	for c := range cameoCodes {
		if len(c) >= 3 && (c[:2] == "03" || c[:2] == "04" || c[:2] == "05" || c[:2] == "06") {
			codes = append(codes, c)
		}
	}
	sort.Strings(codes)
	// 04x (consultations) dominate diplomatic GDELT rows.
	var consult []string
	for _, c := range codes {
		if c[:2] == "04" {
			consult = append(consult, c)
		}
	}
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	rows := make([]Row, n)
	for i := range rows {
		r := &rows[i]
		r.Line = i + 1
		r.GlobalEventID = 1_000_000_000 + int64(i)
		day := base.AddDate(0, 0, rng.Intn(3650))
		r.Date = day.Format("2006-01-02")
		r.DateAdded = day.AddDate(0, 0, 1).Format(time.RFC3339)
		code := codes[rng.Intn(len(codes))]
		if rng.Float64() < 0.6 {
			code = consult[rng.Intn(len(consult))]
		}
		r.EventCode, r.EventBaseCode, r.EventRootCode = code, code[:3], code[:2]
		r.QuadClass = 1
		if code[:2] == "06" {
			r.QuadClass = 2
		}
		r.IsRootEvent = rng.Intn(2) == 0
		r.Goldstein = float64(rng.Intn(201)-100) / 10
		r.NumMentions = 1 + rng.Intn(20)
		r.NumSources = 1 + rng.Intn(r.NumMentions)
		r.NumArticles = r.NumMentions
		r.AvgTone = math.Round((rng.Float64()*20-10)*1e6) / 1e6
		r.SourceURL = fmt.Sprintf("https://news.example/%d/%d", day.Year(), r.GlobalEventID)
		c1 := int(countryZipf.Uint64())
		c2 := int(countryZipf.Uint64())
		for try := 0; c2 == c1 && try < 5; try++ {
			c2 = int(countryZipf.Uint64())
		}
		for side, c := range []int{c1, c2} {
			a := &r.Actor1
			if side == 1 {
				a = &r.Actor2
			}
			iso := isos[c]
			a.Code, a.CountryCode, a.Name = iso+"GOV", iso, "COUNTRY "+iso
			a.Type1Code = "GOV"
			a.CountryKey = "country:" + strings.ToLower(iso)
			if rng.Float64() < 0.08 {
				p := rng.Intn(nPersons)
				a.PersonKey = fmt.Sprintf("person:bench-%03d", p)
				a.Name = fmt.Sprintf("PERSON %03d", p)
			}
			if rng.Float64() < 0.05 {
				o := rng.Intn(nOrgs)
				a.OrgKey = fmt.Sprintf("org:bench-%02d", o)
				a.KnownGroupCode = fmt.Sprintf("G%02d", o)
			}
		}
		g := &r.ActionGeo
		if rng.Float64() < 0.1 {
			iso := isos[c1]
			g.Type, g.FullName, g.ISO3 = 1, "Country "+iso, iso
			g.CountryKey = "country:" + strings.ToLower(iso)
			continue
		}
		var p int
		if rng.Float64() < 0.8 {
			p = int(placeZipf.Uint64())
		} else {
			p = rng.Intn(nPlaces)
		}
		iso := isos[placeCountry[p]]
		g.Type = 4
		g.FeatureID = strconv.Itoa(-1000000 - p)
		g.FullName = fmt.Sprintf("City %d, Country %s", p, iso)
		g.ISO3 = iso
		g.Lat, g.Long, g.HasLatLong = placeLat[p], placeLon[p], true
		g.CountryKey = "country:" + strings.ToLower(iso)
		g.PlaceKey = "place:gdelt:" + g.FeatureID
	}
	return rows, k
}
