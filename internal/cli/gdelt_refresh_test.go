package cli_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/internal/testutil"
)

// refresh --gdelt reads a GDELT update list, ingests the export it names
// once, and skips it on the next run.
func TestRefreshGDELTUpdateList(t *testing.T) {
	d := neo4jtest.Driver(t)
	src := testutil.Shared(t, "data", "gdelt", "20180101000000.export.CSV")
	f, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	var rows bytes.Buffer
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 0; n < 300 && sc.Scan(); n++ {
		rows.Write(sc.Bytes())
		rows.WriteByte('\n')
	}
	f.Close()
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	w, _ := zw.Create("20180101000000.export.CSV")
	w.Write(rows.Bytes())
	zw.Close()
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/lastupdate.txt", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("123 abc123 " + srv.URL + "/20180101000000.export.CSV.zip\n456 def456 " + srv.URL + "/20180101000000.mentions.CSV.zip\n"))
	})
	mux.HandleFunc("/20180101000000.export.CSV.zip", func(w http.ResponseWriter, r *http.Request) { w.Write(zbuf.Bytes()) })
	srv = httptest.NewServer(mux)
	defer srv.Close()
	empty := t.TempDir()
	lock := filepath.Join(t.TempDir(), "lock")
	type sum struct {
		GDELT struct {
			Files   int `json:"gdelt_files"`
			Skipped int `json:"gdelt_skipped"`
			Events  int `json:"gdelt_events"`
		}
	}
	var s1, s2 sum
	r := run(t, "refresh", "--source", empty, "--gdelt", srv.URL+"/lastupdate.txt", "--format", "json", "--lock", lock)
	if err := json.Unmarshal([]byte(r.out), &s1); err != nil || r.code != 0 {
		t.Fatalf("first refresh: %d %v %s %s", r.code, err, r.out, r.err)
	}
	if s1.GDELT.Files != 1 || s1.GDELT.Events == 0 {
		t.Fatalf("first refresh ingested %+v", s1.GDELT)
	}
	n1 := scalar(t, d, "MATCH (e:Event) WHERE e.key STARTS WITH 'gdelt:' RETURN count(e) AS n")
	if n1 != int64(s1.GDELT.Events) {
		t.Fatalf("%v GDELT events in the graph, %d reported", n1, s1.GDELT.Events)
	}
	r = run(t, "refresh", "--source", empty, "--gdelt", srv.URL+"/lastupdate.txt", "--format", "json", "--lock", lock)
	if err := json.Unmarshal([]byte(r.out), &s2); err != nil || r.code != 0 {
		t.Fatalf("second refresh: %d %v %s", r.code, err, r.err)
	}
	if s2.GDELT.Files != 0 || s2.GDELT.Skipped != 1 {
		t.Fatalf("second refresh should skip the export: %+v", s2.GDELT)
	}
	if n2 := scalar(t, d, "MATCH (e:Event) WHERE e.key STARTS WITH 'gdelt:' RETURN count(e) AS n"); n2 != n1 {
		t.Fatalf("events changed on the second refresh: %v -> %v", n1, n2)
	}
}
