package extract

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/extract/eval"
	"github.com/eventgraph/eventgraph/loader/kb"
)

var (
	outDir  = flag.String("out", "", "write the predictions of the corpus tests to this folder (one JSONL per corpus)")
	verbose = flag.Bool("report", false, "print the full score reports")
)

// testKB is the knowledge base of the corpus tests.
func testKB(t testing.TB) *kb.KB { return kb.Default() }

// sharedCorpus is a dev set of the shared folder (beside the repository,
// or at /work/shared).
func sharedCorpus(name string) string {
	for _, d := range []string{"../../../shared/corpus", "../../../../shared/corpus", "/work/shared/corpus"} {
		if _, err := os.Stat(filepath.Join(d, name, "manifest.yaml")); err == nil {
			return filepath.Join(d, name)
		}
	}
	return filepath.Join("/work/shared/corpus", name)
}

// runCorpus extracts every article of a manifest folder.
func runCorpus(t testing.TB, x *Extractor, dir string) ([]*Result, []graph.Event) {
	m, err := eval.LoadManifest(filepath.Join(dir, "manifest.yaml"))
	if err != nil {
		t.Fatalf("corpus missing (the shared folder must sit beside the repository): %v", err)
	}
	var rs []*Result
	for _, a := range m.Articles {
		p := filepath.Join(dir, a.File)
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r, err := x.Article(Doc{Path: p, Data: data, Published: a.Published, Language: a.Language, Title: a.Title, Outlet: a.Outlet, URL: a.URL})
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, r)
	}
	return rs, Merge(rs)
}

type corpusCase struct {
	name, dir         string
	entityF1, eventF1 float64
	dateExact         float64
	maxDup            int
}

func TestCorpora(t *testing.T) {
	x := New(testKB(t), Options{})
	cases := []corpusCase{
		// the targets (entity F1 >= 0.95, event F1 >= 0.90, no duplicate)
		{"seeds", sharedCorpus("seeds"), 0.95, 0.90, 0.90, 0},
		// event floor below the 0.90 target: the Cusco summit is reported
		// without a year nor a publication date ("on 8 December",
		// "on Wednesday"), so the gold's dated event cannot be matched by
		// an honest (undated) prediction; the other 4 of 5 events match
		{"wikinews", sharedCorpus("wikinews"), 0.95, 0.85, 0.90, 0},
		// our dev set (tuned on): floors just below what we reach
		// (entity 0.987, event F1 0.899, no duplicate), so regressions fail
		{"dev", "../../testdata/corpus/dev", 0.97, 0.88, 0.90, 0},
		// Every held-out set was written blind, scored once (the honest
		// figure, in docs/extraction.md), then studied; floors sit just
		// under today's scores. heldout 0.987/0.898; heldout2 0.931/0.846
		// with 1 duplicate (a background forum trip that an undated gold
		// event also matches); heldout3 0.983/0.912; heldout4 0.965/0.956
		{"heldout", "../../testdata/corpus/heldout", 0.96, 0.87, 0.90, 0},
		{"heldout2", "../../testdata/corpus/heldout2", 0.91, 0.82, 0.95, 1},
		{"heldout3", "../../testdata/corpus/heldout3", 0.96, 0.89, 0.95, 0},
		{"heldout4", "../../testdata/corpus/heldout4", 0.94, 0.93, 0.90, 0},
		// heldout5-9 (session 2), studied in session 3: 0.982/0.818 (1
		// duplicate), 0.980/0.818 (1), 0.983/0.795 (1), 0.965/0.795,
		// 0.988/0.866
		{"heldout5", "../../testdata/corpus/heldout5", 0.96, 0.79, 0.95, 1},
		{"heldout6", "../../testdata/corpus/heldout6", 0.96, 0.79, 0.85, 1},
		{"heldout7", "../../testdata/corpus/heldout7", 0.96, 0.77, 0.90, 1},
		{"heldout8", "../../testdata/corpus/heldout8", 0.94, 0.77, 0.95, 0},
		{"heldout9", "../../testdata/corpus/heldout9", 0.96, 0.84, 0.90, 0},
		// heldout10 and heldout11: written blind in session 3 and scored
		// once (0.911/0.603/1 and 0.929/0.667/1), then studied: 0.940/0.727
		// (1 duplicate), 0.962/0.800 (1)
		{"heldout10", "../../testdata/corpus/heldout10", 0.92, 0.70, 0.90, 1},
		{"heldout11", "../../testdata/corpus/heldout11", 0.94, 0.77, 0.95, 1},
		// heldout12: 8 long articles written blind at the end of session 3,
		// scored once after the last change and not studied: 0.967 / 0.674
		// / 3 duplicates (the session-2 code: 0.962 / 0.682 / 2)
		{"heldout12", "../../testdata/corpus/heldout12", 0.94, 0.65, 0.90, 3},
		// the demo corpus (examples/): 0.974, 0.868
		{"examples", "../../examples", 0.95, 0.84, 0.90, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(c.dir, "gold.json")); err != nil {
				t.Fatal("gold.json missing")
			}
			rs, evs := runCorpus(t, x, c.dir)
			var buf bytes.Buffer
			if err := Write(&buf, rs, evs); err != nil {
				t.Fatal(err)
			}
			if *outDir != "" {
				if err := os.WriteFile(filepath.Join(*outDir, c.name+".jsonl"), buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			g, err := eval.LoadGold(filepath.Join(c.dir, "gold.json"))
			if err != nil {
				t.Fatal(err)
			}
			p, err := eval.ReadPred(&buf)
			if err != nil {
				t.Fatal(err)
			}
			r := eval.Score(g, p)
			if *verbose {
				t.Logf("%s\n%s", c.name, r)
			}
			t.Logf("%s: entity F1 %.3f, event F1 %.3f (P %.3f R %.3f), duplicates %d, date exact %.3f",
				c.name, r.EntityF1Mean, r.Events.F1, r.Events.Precision, r.Events.Recall, r.Events.Duplicates, r.Events.DateExact)
			if r.EntityF1Mean < c.entityF1 || r.Events.F1 < c.eventF1 || r.Events.Duplicates > c.maxDup || r.Events.DateExact < c.dateExact {
				t.Errorf("%s below the bar (entity F1 >= %.2f, event F1 >= %.2f, duplicates <= %d, date exact >= %.2f)", c.name, c.entityF1, c.eventF1, c.maxDup, c.dateExact)
			}
		})
	}
}
