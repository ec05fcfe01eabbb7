package gdelt

import (
	"reflect"
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
	// The bulk event statement rebuilds the row map from its columns, then
	// runs the per-row body with exactly two substitutions: the actor and
	// place nodes are found by element id (checked by key) rather than by
	// key alone.
	events := queries.Get("gdelt-merge-events")
	k := strings.Index(events, "} AS row\n")
	if k < 0 {
		t.Fatal("gdelt-merge-events: no row map")
	}
	events = events[k+len("} AS row\n"):]
	for _, sub := range [][2]string{
		{"MATCH (a) WHERE elementId(a) = p.id AND a.key = p.key", "MATCH (a:Actor {key: p.key})"},
		{"MATCH (pl) WHERE elementId(pl) = row.place_id AND pl.key = row.place_key", "MATCH (pl:Place {key: row.place_key})"},
	} {
		if strings.Count(events, sub[0]) != 1 {
			t.Fatalf("gdelt-merge-events: %q not found once", sub[0])
		}
		events = strings.Replace(events, sub[0], sub[1], 1)
	}
	if events = dedent(events); !strings.HasSuffix(naiveBody, events) {
		t.Fatal("the per-row body does not end with gdelt-merge-events")
	}
	// The node statements end by returning each node's element id (for
	// the event statement); the write logic before that is the per-row
	// body's.
	actors := dedent(strings.TrimPrefix(queries.Get("gdelt-merge-actors"), "UNWIND $rows AS a\n"))
	actors, ok := strings.CutSuffix(actors, "\nWITH a\nMATCH (n:Actor {key: a.key})\nRETURN a.key AS key, elementId(n) AS id")
	if !ok {
		t.Fatal("gdelt-merge-actors does not end by returning the element ids")
	}
	if !strings.Contains(naiveBody, actors) {
		t.Fatal("the per-row body does not contain gdelt-merge-actors")
	}
	places := dedent(queries.Get("gdelt-merge-places"))
	places = places[strings.Index(places, "MERGE (pl:Place"):]
	places, ok = strings.CutSuffix(places, "\nRETURN p.key AS key, elementId(pl) AS id")
	if !ok {
		t.Fatal("gdelt-merge-places does not end by returning the element ids")
	}
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

// eventColumns carries exactly eventParams' fields (plus the node ids), and
// gdelt-merge-events rebuilds every field of the row map from it.
func TestEventColumnsMatchEventParams(t *testing.T) {
	rows, _ := Synthetic(300, 7)
	evs := make([]*Row, len(rows))
	ids := map[string]string{}
	for i := range rows {
		evs[i] = &rows[i]
		for _, p := range participations(&rows[i]) {
			ids[p.Key] = "id:" + p.Key
		}
		if k := rows[i].ActionGeo.PlaceKey; k != "" {
			ids[k] = "id:" + k
		}
	}
	idx := []int{5, 0, 299, 17}
	cols := eventColumns(evs, idx, ids)
	q := queries.Get("gdelt-merge-events")
	for name := range cols {
		if !strings.Contains(q, "$cols."+name+"[i]") {
			t.Errorf("column %s is not read by gdelt-merge-events", name)
		}
	}
	at := func(col string, j int) any {
		v := reflect.ValueOf(cols[col])
		if v.Len() != len(idx) {
			t.Fatalf("column %s has %d values, want %d", col, v.Len(), len(idx))
		}
		return v.Index(j).Interface()
	}
	for j, i := range idx {
		m := eventParams(evs[i])
		for k, want := range m {
			switch k {
			case "parts":
				var keys []string
				var sides []int64
				for _, p := range want.([]map[string]any) {
					keys = append(keys, p["key"].(string))
					sides = append(sides, int64(p["side"].(int)))
				}
				gotKeys, gotSides, gotIDs := at("part_key", j).([]string), at("part_side", j).([]int64), at("part_id", j).([]string)
				if !reflect.DeepEqual(gotKeys, keys) && !(len(keys) == 0 && len(gotKeys) == 0) {
					t.Errorf("row %d part keys %v, want %v", i, gotKeys, keys)
				}
				if !reflect.DeepEqual(gotSides, sides) && !(len(sides) == 0 && len(gotSides) == 0) {
					t.Errorf("row %d part sides %v, want %v", i, gotSides, sides)
				}
				for x, key := range gotKeys {
					if gotIDs[x] != ids[key] {
						t.Errorf("row %d part %s id %q", i, key, gotIDs[x])
					}
				}
				continue
			case "quad_class", "num_mentions", "num_sources", "num_articles":
				want = int64(want.(int))
			}
			if got := at(k, j); !reflect.DeepEqual(got, want) {
				t.Errorf("row %d field %s: %#v, want %#v", i, k, got, want)
			}
		}
		if pk := evs[i].ActionGeo.PlaceKey; pk != "" && at("place_id", j) != ids[pk] {
			t.Errorf("row %d place id %v", i, at("place_id", j))
		}
	}
}
