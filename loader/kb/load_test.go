package kb_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/loader/kb"
	"github.com/eventgraph/eventgraph/loader/kb/internal/gen"
)

func TestLoadNoOverlay(t *testing.T) {
	start := time.Now()
	k, err := kb.Load("")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("Load: %d entries in %v", k.Len(), time.Since(start))
	if k.Len() != kb.Default().Len() {
		t.Errorf("Load(\"\") has %d entries, Default %d", k.Len(), kb.Default().Len())
	}
}

func TestLoadOverlay(t *testing.T) {
	k, err := kb.Load("testdata/overlay")
	if err != nil {
		t.Fatal(err)
	}
	if k.Len() != kb.Default().Len()+2 {
		t.Errorf("overlay should add 2 entries: %d vs %d", k.Len(), kb.Default().Len())
	}
	jane := k.Get("person:jane-example")
	if jane == nil || jane.Kind != kb.KindPerson || !contains(jane.Names["fr"], "Jeanne Exemple") {
		t.Fatalf("added person: %+v", jane)
	}
	if got := holderNames(k, kb.RoleForeignMinister, "country:fra", "2030-06-01"); len(got) == 0 || got[0] != "Jane Example" {
		t.Errorf("overlay office not found: %v", got)
	}
	sco := k.Get("org:sco")
	if sco.Note != "overridden by the overlay" || !contains(sco.Names["fr"], "Organisation de Shanghai") || !contains(sco.Names["fr"], "OCS") {
		t.Errorf("override not merged: %+v", sco)
	}
	if sco.Acronym != "SCO" {
		t.Errorf("override lost the acronym: %q", sco.Acronym)
	}
	if p := k.Get("place:evian"); p == nil || p.Kind != kb.KindPlace || p.Country != "FRA" {
		t.Errorf("added place: %+v", p)
	}
	if errs := k.Validate(); len(errs) > 0 {
		t.Errorf("overlay KB does not validate: %v", errs)
	}
	// the base is untouched
	if kb.Default().Get("person:jane-example") != nil {
		t.Error("overlay leaked into Default()")
	}
}

func TestLoadOverridesOffices(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yml"), []byte(`entries:
  - key: person:vladimir-putin
    offices:
      - {role: head_of_state, title: President, of: country:rus, from: 2000-05-07, to: 2030-05-07}
`), 0o644)
	k, err := kb.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	p := k.Get("person:vladimir-putin")
	if len(p.Offices) != 1 || p.Offices[0].To != "2030-05-07" || !contains(p.Names["fr"], "Vladimir Poutine") {
		t.Errorf("override: %+v", p)
	}
}

func TestMalformedOverlay(t *testing.T) {
	_, err := kb.Load("testdata/bad")
	if err == nil {
		t.Fatal("no error for a malformed overlay")
	}
	if !strings.Contains(err.Error(), "broken.yaml") || !strings.Contains(err.Error(), "line") {
		t.Errorf("error should name the file and line: %v", err)
	}
	for _, c := range []struct{ yaml, want string }{
		{"entries:\n  - key: person:x\n    nmae: X\n", "nmae"},
		{"entries:\n  - name: X\n", "missing key"},
		{"entries:\n  - key: human:x\n", "must start with"},
		{"entries:\n  - key: Person:X\n", "must start with"},
		{"entries:\n  - key: person:x\n    kind: place\n", "does not match"},
		{"entries:\n  - key: person:x\n    offices: [{role: king, of: country:fra}]\n", "unknown role"},
		{"entries:\n  - key: person:x\n    offices: [{role: other, of: country:fra, from: 12/05/2020}]\n", "bad date"},
		{"entries:\n  - key: country:xyz\n    memberships: [{since: 2020}]\n", "missing org"},
		{"entries: 3\n", "cannot unmarshal"},
	} {
		_, err := kb.ParseOverlay([]byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseOverlay(%q) = %v, want an error containing %q", c.yaml, err, c.want)
		}
	}
	if _, err := kb.Load("testdata/no-such-dir"); err == nil {
		t.Error("no error for a missing overlay folder")
	}
}

func FuzzOverlay(f *testing.F) {
	seed, _ := os.ReadFile("testdata/overlay/example.yaml")
	f.Add(seed)
	bad, _ := os.ReadFile("testdata/bad/broken.yaml")
	f.Add(bad)
	f.Add([]byte("entries:\n  - key: person:x\n    offices: [{role: other, of: org:un, from: '2020'}]\n"))
	f.Add([]byte("entries: [{key: place:x, lat: 1e400}]"))
	f.Add([]byte("- a\n- b"))
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, err := kb.ParseOverlay(data)
		if err != nil {
			return
		}
		k := kb.New(entries)
		for _, e := range entries {
			if k.Get(e.Key) == nil {
				t.Fatalf("entry %q lost", e.Key)
			}
		}
		_ = k.Validate()
	})
}

// The committed data is what the importer produces from the shared
// datasets: regenerate it and compare.
func TestRegenerate(t *testing.T) {
	shared := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(shared, "leaders", "mledoze_countries.json")); err != nil {
		t.Fatalf("shared data not found (%v): cannot regenerate", err)
	}
	if testing.Short() {
		t.Skip("short mode")
	}
	entries, _, err := gen.Build(gen.Options{Shared: shared, Manual: "manual"})
	if err != nil {
		t.Fatal(err)
	}
	fresh, err := gen.Encode(entries)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(kb.BaseData()))
	if err != nil {
		t.Fatal(err)
	}
	committed, _ := io.ReadAll(zr)
	if !bytes.Equal(fresh, committed) {
		out := filepath.Join(t.TempDir(), "base.json")
		os.WriteFile(out, fresh, 0o644)
		t.Fatalf("loader/kb/data/base.json.gz is stale: run `go generate ./loader/kb` (fresh JSON in %s)", out)
	}
	// and the build is deterministic down to the compressed bytes
	again, _, _ := gen.Build(gen.Options{Shared: shared, Manual: "manual"})
	enc2, _ := gen.Encode(again)
	gz1, _ := gen.Gzip(fresh)
	gz2, _ := gen.Gzip(enc2)
	if !bytes.Equal(gz1, gz2) {
		t.Error("two builds differ")
	}
	if !bytes.Equal(gz1, kb.BaseData()) {
		t.Log("compressed bytes differ from the committed file (another Go version's compress/flate?); the JSON is identical")
	}
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := kb.Load(""); err != nil {
			b.Fatal(err)
		}
	}
}
