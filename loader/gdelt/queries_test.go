package gdelt

import (
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/queries"
)

func dedent(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		out = append(out, strings.TrimSpace(l))
	}
	return strings.TrimSpace(strings.Join(out, "\n"))
}

// The three benchmarked methods must run the same MERGE logic: the naive
// per-row body equals the LOAD CSV per-row body, and both end with the
// bulk writer's event statement and contain its actor and place MERGEs.
func TestBenchStatementsShareTheWriterLogic(t *testing.T) {
	naive := queries.Get("gdelt-bench-naive-row")
	load := queries.Get("gdelt-bench-load-csv")
	naiveBody := dedent(strings.TrimPrefix(naive, "WITH $row AS row\n"))
	i := strings.Index(load, "  CALL (row) {\n    UNWIND row.actors AS a")
	j := strings.LastIndex(load, "} IN TRANSACTIONS OF 1000 ROWS")
	if i < 0 || j < 0 {
		t.Fatal("gdelt-bench-load-csv: body not found")
	}
	if loadBody := dedent(load[i:j]); loadBody != naiveBody {
		t.Fatalf("LOAD CSV and naive bodies differ:\n%s\n----\n%s", loadBody, naiveBody)
	}
	events := dedent(strings.TrimPrefix(queries.Get("gdelt-merge-events"), "UNWIND $rows AS row\n"))
	if !strings.HasSuffix(naiveBody, events) {
		t.Fatal("the per-row body does not end with gdelt-merge-events")
	}
	actors := dedent(strings.TrimPrefix(queries.Get("gdelt-merge-actors"), "UNWIND $rows AS a\n"))
	if !strings.Contains(naiveBody, actors) {
		t.Fatal("the per-row body does not contain gdelt-merge-actors")
	}
	places := dedent(queries.Get("gdelt-merge-places"))
	places = places[strings.Index(places, "MERGE (pl:Place"):]
	if !strings.Contains(naiveBody, places) {
		t.Fatal("the per-row body does not contain gdelt-merge-places")
	}
	// The CSV header names every column the LOAD CSV statement reads.
	for _, col := range benchCSVHeader {
		if !strings.Contains(load, "line."+col+",") && !strings.Contains(load, "line."+col+")") &&
			!strings.Contains(load, "line."+col+" ") && !strings.Contains(load, "line."+col+"}") {
			t.Errorf("LOAD CSV statement does not read column %s", col)
		}
	}
}

func TestPlanPartitions(t *testing.T) {
	keys := []string{"usa", "usa", "chn", "usa", "rus", "", "chn", "fra", "", "usa"}
	plan := Plan(len(keys), 3, func(i int) string { return keys[i] })
	owner := map[string]int{}
	total := 0
	for w, rows := range plan {
		for j, i := range rows {
			total++
			if j > 0 && rows[j-1] >= i {
				t.Fatalf("worker %d: rows out of input order: %v", w, rows)
			}
			if keys[i] == "" {
				continue
			}
			if o, ok := owner[keys[i]]; ok && o != w {
				t.Fatalf("key %s on workers %d and %d", keys[i], o, w)
			}
			owner[keys[i]] = w
		}
	}
	if total != len(keys) {
		t.Fatalf("%d rows planned, want %d", total, len(keys))
	}
	// usa (4 rows) alone on one worker, the rest balanced on the others.
	for w, rows := range plan {
		if owner["usa"] == w && len(rows) != 4 {
			t.Fatalf("the hot key's worker has %v", rows)
		}
	}
	if p := Plan(5, 1, nil); len(p) != 1 || len(p[0]) != 5 {
		t.Fatalf("one worker: %v", p)
	}
	if p := Plan(10, 2, nil); len(p[0]) != 5 || len(p[1]) != 5 {
		t.Fatalf("stripes: %v", p)
	}
}
