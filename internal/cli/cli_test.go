package cli_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/internal/cli"
	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/internal/testutil"
	"github.com/eventgraph/eventgraph/loader/sink"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestMain(m *testing.M) { os.Exit(neo4jtest.Main(m)) }

type result struct {
	code     int
	out, err string
}

// run runs the command line against the test Neo4j.
func run(t *testing.T, args ...string) result {
	t.Helper()
	env := map[string]string{
		"NEO4J_URI":         neo4jtest.URI(),
		"NEO4J_PASSWORD":    neo4jtest.Password(),
		"EVENTGRAPH_CONFIG": filepath.Join(testutil.RepoRoot(), "config.yaml"),
	}
	var out, errb bytes.Buffer
	code := cli.MainEnv(args, strings.NewReader(""), &out, &errb, func(k string) string { return env[k] })
	return result{code, out.String(), errb.String()}
}

func counts(t *testing.T, d neo4j.DriverWithContext) sink.Counts {
	t.Helper()
	c, err := sink.Count(context.Background(), d, "neo4j")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func scalar(t *testing.T, d neo4j.DriverWithContext, q string) any {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d, q, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := res.Records[0].Get("n")
	return v
}

// The acceptance: the seed corpus loaded twice gives identical
// counts, and the 16 May 2024 Xi–Putin meeting is one event with >= 3 sources.
func TestLoadSeedsTwiceIsIdempotent(t *testing.T) {
	d := neo4jtest.Driver(t)
	seeds := testutil.Shared(t, "corpus", "seeds")
	args := []string{"load", "-q", "--manifest", filepath.Join(seeds, "manifest.yaml"), seeds}
	r := run(t, args...)
	if r.code != 0 {
		t.Fatalf("load: exit %d\n%s%s", r.code, r.out, r.err)
	}
	if !strings.Contains(r.out, "loaded 5 articles") {
		t.Errorf("summary line: %q", r.out)
	}
	c1 := counts(t, d)
	if r := run(t, args...); r.code != 0 {
		t.Fatalf("second load: exit %d\n%s", r.code, r.err)
	}
	c2 := counts(t, d)
	if c1.Nodes != c2.Nodes || c1.Relationships != c2.Relationships {
		t.Fatalf("second load changed counts: %d/%d -> %d/%d", c1.Nodes, c1.Relationships, c2.Nodes, c2.Relationships)
	}
	n := scalar(t, d, `MATCH (:Person {name:'Xi Jinping'})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(:Person {name:'Vladimir Putin'})
		WHERE e.date STARTS WITH '2024-05-16'
		MATCH (a:Article)-[:REPORTS]->(e)
		WITH e, count(DISTINCT a) AS articles WHERE articles >= 3
		RETURN count(e) AS n`)
	if n != int64(1) {
		t.Fatalf("want exactly one 2024-05-16 Xi–Putin event reported by >= 3 articles, got %v", n)
	}
	if n := scalar(t, d, `MATCH (e:Event) WHERE e.date STARTS WITH '2024-05-16' AND
		EXISTS { (:Person {name:'Xi Jinping'})-[:PARTICIPATED_IN]->(e) } AND EXISTS { (:Person {name:'Vladimir Putin'})-[:PARTICIPATED_IN]->(e) }
		RETURN count(e) AS n`); n != int64(1) {
		t.Fatalf("2024-05-16 Xi–Putin events: %v", n)
	}
}

// Bad inputs are reported with the file and the problem; the rest loads;
// the exit status is non-zero.
func TestLoadBadInputs(t *testing.T) {
	d := neo4jtest.Driver(t)
	dir := t.TempDir()
	good := "President Cyril Ramaphosa of South Africa met President Bola Tinubu of Nigeria in Abuja on 3 December 2024 for talks on trade.\n"
	files := map[string][]byte{
		"good.txt":      []byte(good),
		"binary.txt":    {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0},
		"empty.txt":     {},
		"latin1.txt":    []byte("Le pr\xe9sident fran\xe7ais a re\xe7u son homologue \xe0 l'\xc9lys\xe9e.\n"),
		"manifest.yaml": []byte("articles:\n  - file: good.txt\n    published: 2024-12-04\n  - file: missing.txt\n    published: 2024-12-04\n  - file: latin1.txt\n    published: 04/12/2024\n"),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := run(t, "load", "-q", "--manifest", filepath.Join(dir, "manifest.yaml"), dir)
	if r.code != cli.ExitPartial {
		t.Fatalf("exit %d, want %d\n%s", r.code, cli.ExitPartial, r.err)
	}
	for _, want := range []string{"binary.txt", "empty.txt", "latin1.txt", "missing.txt", "04/12/2024"} {
		if !strings.Contains(r.err, want) {
			t.Errorf("stderr does not name %s:\n%s", want, r.err)
		}
	}
	if n := scalar(t, d, "MATCH (a:Article) RETURN count(a) AS n"); n != int64(1) {
		t.Fatalf("want the one good article loaded, got %v", n)
	}
	if n := scalar(t, d, "MATCH (a:Article {published:'2024-12-04'}) RETURN count(a) AS n"); n != int64(1) {
		t.Fatal("good article lost its manifest metadata")
	}
}

func TestExtractNeedsNoDatabaseAndFollowsContract(t *testing.T) {
	seeds := testutil.Shared(t, "corpus", "seeds")
	var out, errb bytes.Buffer
	code := cli.MainEnv([]string{"extract", "--manifest", filepath.Join(seeds, "manifest.yaml"), seeds}, nil, &out, &errb,
		func(k string) string { return map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1"}[k] })
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	types := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		for _, ty := range []string{"article", "entity", "event", "claim"} {
			if strings.HasPrefix(line, `{"type":"`+ty+`"`) {
				types[ty]++
			}
		}
	}
	if types["article"] != 5 || types["entity"] == 0 || types["event"] == 0 {
		t.Fatalf("records by type: %v", types)
	}
}

func TestCypherIsReadOnlyUnlessWrite(t *testing.T) {
	d := neo4jtest.Driver(t)
	r := run(t, "cypher", "CREATE (:X {v: 1})")
	if r.code == 0 || !strings.Contains(r.err, "--write") {
		t.Fatalf("write not refused: exit %d %q", r.code, r.err)
	}
	if n := scalar(t, d, "MATCH (x:X) RETURN count(x) AS n"); n != int64(0) {
		t.Fatal("refused statement wrote anyway")
	}
	// A write hidden in a subquery is also refused: the planner, not the text, decides.
	r = run(t, "cypher", "CALL () { MERGE (:X {v: 2}) } RETURN 1 AS one")
	if r.code == 0 || !strings.Contains(r.err, "--write") {
		t.Fatalf("hidden write not refused: exit %d %q", r.code, r.err)
	}
	if r := run(t, "cypher", "--write", "CREATE (:X {v: $v})", "--param", "v=3"); r.code != 0 {
		t.Fatalf("--write failed: %s", r.err)
	}
	r = run(t, "cypher", "MATCH (x:X) WHERE x.v = $v RETURN x.v AS v", "--param", "v=3", "--format", "json")
	if r.code != 0 || !strings.Contains(r.out, `"v": 3`) {
		t.Fatalf("read with parameter: exit %d out %q err %q", r.code, r.out, r.err)
	}
	// Hostile parameter values are data, not Cypher.
	r = run(t, "cypher", "RETURN $s AS s", "--param", "s=x' }) MATCH (n) DETACH DELETE n //", "--format", "csv")
	if r.code != 0 || !strings.Contains(r.out, "DETACH DELETE") {
		t.Fatalf("hostile parameter: %d %q %q", r.code, r.out, r.err)
	}
	if n := scalar(t, d, "MATCH (x:X) RETURN count(x) AS n"); n != int64(1) {
		t.Fatal("hostile parameter changed the graph")
	}
	r = run(t, "cypher", "MATCH (n RETURN n")
	if r.code == 0 || !strings.Contains(r.err, "syntax") || !strings.Contains(r.err, "column") {
		t.Fatalf("syntax error without position: %q", r.err)
	}
}

func TestQueryErrors(t *testing.T) {
	neo4jtest.Driver(t)
	r := run(t, "query", "meetings-betwen")
	if r.code == 0 || !strings.Contains(r.err, "meetings-between") {
		t.Fatalf("no close match offered: %q", r.err)
	}
	r = run(t, "query", "partners", "--param", "person=Xi Jinping", "--param", "limit=ten")
	if r.code == 0 || !strings.Contains(r.err, "limit") || !strings.Contains(r.err, "int") {
		t.Fatalf("ill-typed parameter not named: %q", r.err)
	}
	r = run(t, "query", "partners")
	if r.code == 0 || !strings.Contains(r.err, "person") {
		t.Fatalf("missing parameter not named: %q", r.err)
	}
	r = run(t, "query", "list")
	if r.code != 0 || strings.Count(r.out, "\n") < 12 {
		t.Fatalf("query list: %q", r.out)
	}
}

func TestConfigErrorNamesKey(t *testing.T) {
	var out, errb bytes.Buffer
	code := cli.MainEnv([]string{"neo4j", "status"}, nil, &out, &errb, func(k string) string {
		return map[string]string{"EVENTGRAPH_NEO4J_BATCH_SIZE": "-5"}[k]
	})
	if code == 0 || !strings.Contains(errb.String(), "neo4j.batch_size=-5") {
		t.Fatalf("exit %d %q", code, errb.String())
	}
}

// eval prints the same summary as the reference scorer on the same output.
func TestEvalAgreesWithReferenceScorer(t *testing.T) {
	seeds := testutil.Shared(t, "corpus", "seeds")
	scorer := testutil.Shared(t, "tools", "score_extraction.py")
	man := filepath.Join(seeds, "manifest.yaml")
	gold := filepath.Join(seeds, "gold.json")
	var out, errb bytes.Buffer
	if code := cli.MainEnv([]string{"eval", "--gold", gold, "--manifest", man, seeds}, nil, &out, &errb, func(string) string { return "" }); code != 0 {
		t.Fatalf("eval: exit %d %s", code, errb.String())
	}
	pred := filepath.Join(t.TempDir(), "pred.jsonl")
	var o2, e2 bytes.Buffer
	if code := cli.MainEnv([]string{"extract", "-o", pred, "--manifest", man, seeds}, nil, &o2, &e2, func(string) string { return "" }); code != 0 {
		t.Fatalf("extract: exit %d %s", code, e2.String())
	}
	ref, err := exec.Command("python3", scorer, "--gold", gold, "--pred", pred).Output()
	if err != nil {
		t.Fatalf("reference scorer (python3 %s): %v", scorer, err)
	}
	last := func(s string) string {
		lines := strings.Split(strings.TrimSpace(s), "\n")
		return lines[len(lines)-1]
	}
	if last(out.String()) != last(string(ref)) {
		t.Fatalf("eval and the reference scorer disagree:\n  eval: %s\n  ref:  %s", last(out.String()), last(string(ref)))
	}
}
