package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/internal/testutil"
)

// A graph built by load can be kept current by refresh: load stores the
// same bookkeeping, so new articles re-merge with the loaded events.
func TestRefreshAfterLoad(t *testing.T) {
	d := neo4jtest.Driver(t)
	seeds := testutil.Shared(t, "corpus", "seeds")
	dir := t.TempDir()
	man := "articles:\n"
	var man2 string
	for i, f := range []string{"000_0b4bfa5c2e7870fe.txt", "001_13e5bbda91499c74.txt", "002_6c5e7b0bd96ddb25.txt"} {
		b, err := os.ReadFile(filepath.Join(seeds, f))
		if err != nil {
			t.Fatal(err)
		}
		if i < 2 {
			if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if i == 2 {
			man2 = man
		}
		man += "  - file: " + f + "\n    published: 2024-05-1" + []string{"6", "7", "6"}[i] + "\n    language: en\n"
	}
	full := man
	man = man2
	if err := os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte(man), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, "load", "-q", "--manifest", filepath.Join(dir, "manifest.yaml"), dir); r.code != 0 {
		t.Fatalf("load: %d %s", r.code, r.err)
	}
	// the third article arrives
	b, _ := os.ReadFile(filepath.Join(seeds, "002_6c5e7b0bd96ddb25.txt"))
	if err := os.WriteFile(filepath.Join(dir, "002_6c5e7b0bd96ddb25.txt"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.yaml"), []byte(full), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, "refresh", "--source", dir, "--format", "json", "--lock", filepath.Join(t.TempDir(), "lock"))
	var sum struct {
		New, Failed int
	}
	if err := json.Unmarshal([]byte(r.out), &sum); err != nil || r.code != 0 {
		t.Fatalf("refresh after load: exit %d %v\n%s\n%s", r.code, err, r.out, r.err)
	}
	if sum.New < 1 || sum.Failed != 0 {
		t.Fatalf("refresh after load: %+v\n%s", sum, r.out)
	}
	n := scalar(t, d, `MATCH (:Person {name:'Xi Jinping'})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(:Person {name:'Vladimir Putin'})
		WHERE e.date STARTS WITH '2024-05-16'
		MATCH (a:Article)-[:REPORTS]->(e)
		RETURN count(DISTINCT a) AS n`)
	if n != int64(3) {
		t.Fatalf("the 2024-05-16 meeting should be one event with 3 articles after load + refresh, got %v articles", n)
	}
	if n := scalar(t, d, `MATCH (e:Event) WHERE e.date STARTS WITH '2024-05-16' AND EXISTS { (:Person {name:'Xi Jinping'})-[:PARTICIPATED_IN]->(e) } RETURN count(e) AS n`); n != int64(1) {
		t.Fatalf("%v events on 2024-05-16 with Xi", n)
	}
}
