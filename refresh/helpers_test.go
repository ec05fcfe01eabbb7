package refresh_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/internal/testutil"
	"github.com/eventgraph/eventgraph/loader"
	"github.com/eventgraph/eventgraph/loader/extract"
	"github.com/eventgraph/eventgraph/loader/kb"
	"github.com/eventgraph/eventgraph/loader/sink"
	"github.com/eventgraph/eventgraph/loader/source"
	"github.com/eventgraph/eventgraph/refresh"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"gopkg.in/yaml.v3"
)

func TestMain(m *testing.M) { os.Exit(neo4jtest.Main(m)) }

var (
	kbOnce sync.Once
	theKB  *kb.KB
	theX   *extract.Extractor
)

func testKB(t testing.TB) (*kb.KB, *extract.Extractor) {
	kbOnce.Do(func() {
		theKB = kb.Default()
		theX = extract.New(theKB, extract.Options{})
	})
	return theKB, theX
}

// article is one input of a corpus: its content and feed metadata.
type article struct {
	name string // unique file name
	data []byte
	meta source.Meta
}

// corpus reads a folder with its manifest (at test time; nothing copied
// into the repository).
func corpus(t testing.TB, dir, prefix string) []article {
	t.Helper()
	man, _, err := source.LoadManifest(filepath.Join(dir, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	files, _ := source.Walk([]string{dir})
	var out []article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		meta, _ := man.Lookup(f)
		name := prefix + filepath.Base(f)
		meta.File = name
		out = append(out, article{name: name, data: b, meta: meta})
	}
	return out
}

// allCorpora: our examples, our dev and held-out sets, and the seeds.
func allCorpora(t testing.TB) []article {
	root := testutil.RepoRoot()
	var out []article
	out = append(out, corpus(t, filepath.Join(root, "examples"), "ex_")...)
	out = append(out, corpus(t, filepath.Join(root, "testdata", "corpus", "dev"), "dev_")...)
	for _, set := range []string{"heldout", "heldout2"} {
		if _, err := os.Stat(filepath.Join(root, "testdata", "corpus", set, "manifest.yaml")); err == nil {
			out = append(out, corpus(t, filepath.Join(root, "testdata", "corpus", set), set+"_")...)
		}
	}
	out = append(out, corpus(t, testutil.Shared(t, "corpus", "seeds"), "seed_")...)
	return append(out, undatedArticles()...)
}

// undatedArticles: articles without a publication date whose events stay
// undated; several have the same people, so their event keys collide and
// get suffixes (written here, original text).
func undatedArticles() []article {
	texts := []string{
		"Chinese President Xi Jinping met Russian President Vladimir Putin on Tuesday. The two leaders discussed trade.\n",
		"Vladimir Putin held talks with Xi Jinping on Wednesday about energy and security.\n",
		"Xi Jinping and Vladimir Putin met in Beijing on Friday, officials said.\n",
		"Xi Jinping received Vladimir Putin in Beijing on Monday for talks on the war in Ukraine.\n",
		"Emmanuel Macron spoke with Olaf Scholz by phone on Thursday about Ukraine.\n",
	}
	var out []article
	for i, t := range texts {
		name := fmt.Sprintf("nodate_%d.txt", i+1)
		out = append(out, article{name: name, data: []byte(t), meta: source.Meta{File: name}})
	}
	return out
}

// writeDir makes dir hold exactly these articles and their manifest.
func writeDir(t testing.TB, dir string, arts []article) {
	t.Helper()
	keep := map[string]bool{"manifest.yaml": true}
	var metas []source.Meta
	for _, a := range arts {
		keep[a.name] = true
		p := filepath.Join(dir, a.name)
		if old, err := os.ReadFile(p); err != nil || string(old) != string(a.data) {
			if err := os.WriteFile(p, a.data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		metas = append(metas, a.meta)
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if !keep[e.Name()] {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
	sort.Slice(metas, func(i, j int) bool { return metas[i].File < metas[j].File })
	b, err := yaml.Marshal(map[string]any{"articles": metas})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.yaml"), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func newRefresher(t testing.TB, d neo4j.DriverWithContext, o refresh.Options) *refresh.Refresher {
	k, x := testKB(t)
	o.KB, o.Extractor = k, x
	return refresh.New(d, "neo4j", o)
}

func runRefresh(t testing.TB, d neo4j.DriverWithContext, o refresh.Options) *refresh.Summary {
	t.Helper()
	s, err := newRefresher(t, d, o).Run(context.Background())
	if err != nil {
		t.Fatalf("refresh: %v (%+v)", err, s)
	}
	return s
}

// cleanLoad loads dir in one pass with the `load` pipeline.
func cleanLoad(t testing.TB, d neo4j.DriverWithContext, dir string) {
	t.Helper()
	k, _ := testKB(t)
	ctx := context.Background()
	ex, err := loader.Extract(ctx, loader.Options{Paths: []string{dir}, Manifest: filepath.Join(dir, "manifest.yaml"), KB: k})
	if err != nil {
		t.Fatal(err)
	}
	s := &sink.Sink{Driver: d, Database: "neo4j", KB: k}
	if _, probs, err := loader.Write(ctx, s, ex, nil); err != nil || len(probs) > 0 {
		t.Fatalf("load: %v %v", err, probs)
	}
}

// snapshot is what must be equal between refreshes and a clean load.
type snapshot struct {
	Labels map[string]int64
	Types  map[string]int64
	Events map[string]string // key -> date, participants, REPORTS count
}

// bookkeeping labels and the analysis written after a refresh (refresh.analyze)
// are not part of what must equal a clean load.
var bookkeeping = map[string]bool{"RefreshRun": true, "RefreshSource": true, "RefreshMeta": true, "AnalysisRun": true}

var analysisTypes = map[string]bool{"MET": true, "SCORED": true}

func snap(t testing.TB, d neo4j.DriverWithContext) snapshot {
	t.Helper()
	c, err := sink.Count(context.Background(), d, "neo4j")
	if err != nil {
		t.Fatal(err)
	}
	s := snapshot{Labels: map[string]int64{}, Types: map[string]int64{}, Events: map[string]string{}}
	for ty, n := range c.ByType {
		if !analysisTypes[ty] {
			s.Types[ty] = n
		}
	}
	for l, n := range c.ByLabel {
		if !bookkeeping[l] {
			s.Labels[l] = n
		}
	}
	res, err := neo4j.ExecuteQuery(context.Background(), d, `MATCH (e:Event)
		OPTIONAL MATCH (a:Article)-[r:REPORTS]->(e)
		WITH e, count(r) AS reports, count(DISTINCT a) AS articles
		RETURN e.key AS key, e.date AS date, e.participants AS parts, reports, articles,
		       COUNT { (e)<-[:PARTICIPATED_IN]-() } AS pin`, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res.Records {
		m := r.AsMap()
		s.Events[m["key"].(string)] = fmt.Sprintf("%v %v reports=%v articles=%v participated=%v", m["date"], m["parts"], m["reports"], m["articles"], m["pin"])
	}
	return s
}

func diff(a, b snapshot) string {
	var out []string
	cmp := func(what string, x, y map[string]int64) {
		keys := map[string]bool{}
		for k := range x {
			keys[k] = true
		}
		for k := range y {
			keys[k] = true
		}
		for k := range keys {
			if x[k] != y[k] {
				out = append(out, fmt.Sprintf("%s %s: %d vs %d", what, k, x[k], y[k]))
			}
		}
	}
	cmp("label", a.Labels, b.Labels)
	cmp("type", a.Types, b.Types)
	for k, v := range a.Events {
		if b.Events[k] != v {
			out = append(out, fmt.Sprintf("event %s: %q vs %q", k, v, b.Events[k]))
		}
	}
	for k, v := range b.Events {
		if _, ok := a.Events[k]; !ok {
			out = append(out, fmt.Sprintf("event %s: missing vs %q", k, v))
		}
	}
	sort.Strings(out)
	return strings.Join(out, "\n")
}

func count(t testing.TB, d neo4j.DriverWithContext, q string) int64 {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d, q, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := res.Records[0].Get("n")
	return n.(int64)
}

var _ = time.Second

// checkEvents compares the graph's extracted events (keys, REPORTS per
// event) with what the load pipeline's merge of dir gives, without a
// database: the invariant that holds after every refresh.
func checkEvents(t testing.TB, d neo4j.DriverWithContext, dir, what string) {
	t.Helper()
	k, _ := testKB(t)
	ex, err := loader.Extract(context.Background(), loader.Options{Paths: []string{dir}, Manifest: filepath.Join(dir, "manifest.yaml"), KB: k})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int64{}
	for _, e := range ex.Events {
		want[e.Key] = int64(len(e.Sources))
	}
	res, err := neo4j.ExecuteQuery(context.Background(), d, `MATCH (e:Event) OPTIONAL MATCH ()-[r:REPORTS]->(e)
		RETURN e.key AS key, count(r) AS n`, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, r := range res.Records {
		key, _ := r.Get("key")
		n, _ := r.Get("n")
		got[key.(string)] = n.(int64)
	}
	var bad []string
	for key, n := range want {
		if got[key] != n {
			bad = append(bad, fmt.Sprintf("%s: %d REPORTS in the graph, %d sources in a clean merge", key, got[key], n))
		}
	}
	for key, n := range got {
		if _, ok := want[key]; !ok {
			bad = append(bad, fmt.Sprintf("%s: in the graph (%d REPORTS), not in a clean merge", key, n))
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		t.Fatalf("%s: events differ from a clean merge:\n%s", what, strings.Join(bad, "\n"))
	}
}
