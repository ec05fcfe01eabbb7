// Package gen builds eventgraph's base knowledge base from the public
// datasets in shared/data (see loader/kb/SOURCES.md) and the hand-filled
// files in loader/kb/manual. The output is deterministic: the same inputs
// always give the same bytes.
package gen

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/loader/kb"
)

// Options say where the inputs are.
type Options struct {
	Shared string // the shared data folder (holds leaders/ and cameo/)
	Manual string // loader/kb/manual
}

// builder holds the state shared by the importers.
type builder struct {
	opt       Options
	countries map[string]*kb.Entry // by ISO3
	fipsISO   map[string]string    // CIA/FIPS code (lower) -> ISO3
	iso2ISO   map[string]string
	cowISO    map[int]string // COW numeric code -> ISO3
	sovereign map[string]bool
	nameISO   map[string]string // folded country name -> ISO3
	places    map[string]*kb.Entry
	orgs      map[string]*kb.Entry
	orgByCIA  map[string]string
	orgByCOW  map[string]string
	people    *people
	capitalFR map[string][]string // ISO3 -> French names of the capital (manual)
	warnings  []string
}

func (b *builder) path(parts ...string) string {
	return filepath.Join(append([]string{b.opt.Shared}, parts...)...)
}

func (b *builder) warnf(format string, args ...any) {
	b.warnings = append(b.warnings, fmt.Sprintf(format, args...))
}

// Build reads every source and returns the sorted entries and the
// importers' warnings (rows they could not use).
func Build(opt Options) ([]kb.Entry, []string, error) {
	b := &builder{opt: opt, places: map[string]*kb.Entry{}, orgs: map[string]*kb.Entry{}}
	steps := []struct {
		name string
		fn   func() error
	}{
		{"countries", b.buildCountries},
		{"places", b.buildPlaces},
		{"organizations", b.buildOrgs},
		{"memberships", b.buildMemberships},
		{"people", b.buildPeople},
	}
	for _, s := range steps {
		if err := s.fn(); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", s.name, err)
		}
	}
	var out []kb.Entry
	for _, e := range b.countries {
		out = append(out, *e)
	}
	for _, e := range b.places {
		out = append(out, *e)
	}
	for _, e := range b.orgs {
		out = append(out, *e)
	}
	out = append(out, b.people.entries()...)
	for i := range out {
		normalizeEntry(&out[i])
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	for i := 1; i < len(out); i++ {
		if out[i].Key == out[i-1].Key {
			return nil, nil, fmt.Errorf("duplicate key %s", out[i].Key)
		}
	}
	sort.Strings(b.warnings)
	return out, b.warnings, nil
}

// normalizeEntry sorts and de-duplicates every list so output is stable.
func normalizeEntry(e *kb.Entry) {
	e.Names = normMap(e.Names)
	e.Demonyms = normMap(e.Demonyms)
	e.Metonyms = normMap(e.Metonyms)
	e.Surnames = uniqSorted(e.Surnames)
	e.Sources = uniqSorted(e.Sources)
	sort.SliceStable(e.Offices, func(i, j int) bool {
		a, b := e.Offices[i], e.Offices[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.Of != b.Of {
			return a.Of < b.Of
		}
		if a.Role != b.Role {
			return a.Role < b.Role
		}
		return a.To < b.To
	})
	sort.SliceStable(e.Memberships, func(i, j int) bool {
		a, b := e.Memberships[i], e.Memberships[j]
		if a.Org != b.Org {
			return a.Org < b.Org
		}
		if a.Since != b.Since {
			return a.Since < b.Since
		}
		return a.Status < b.Status
	})
	e.Lat = round(e.Lat)
	e.Lon = round(e.Lon)
}

func round(f float64) float64 {
	if f >= 0 {
		return float64(int64(f*10000+0.5)) / 10000
	}
	return -float64(int64(-f*10000+0.5)) / 10000
}

func normMap(m map[string][]string) map[string][]string {
	if len(m) == 0 {
		return nil
	}
	out := map[string][]string{}
	for k, v := range m {
		var keep []string
		for _, s := range v {
			if okAlias(s) {
				keep = append(keep, clean(s))
			}
		}
		if u := uniqSorted(keep); len(u) > 0 {
			out[k] = u
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// Encode writes entries as JSON, one entry per line inside an array.
func Encode(entries []kb.Entry) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i, e := range entries {
		b, err := json.Marshal(e)
		if err != nil {
			return nil, err
		}
		buf.Write(b)
		if i < len(entries)-1 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("]\n")
	return buf.Bytes(), nil
}

// Gzip compresses deterministically (no name, no time stamp).
func Gzip(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Generate builds the base KB, validates it and returns the gzip'd JSON
// and the warnings.
func Generate(opt Options) ([]byte, []string, error) {
	entries, warnings, err := Build(opt)
	if err != nil {
		return nil, nil, err
	}
	if errs := kb.New(entries).Validate(); len(errs) > 0 && os.Getenv("KB_NOVALIDATE") == "" {
		var msgs []string
		for _, e := range errs {
			msgs = append(msgs, e.Error())
		}
		return nil, warnings, fmt.Errorf("validation failed:\n  %s", strings.Join(msgs, "\n  "))
	}
	js, err := Encode(entries)
	if err != nil {
		return nil, nil, err
	}
	gz, err := Gzip(js)
	return gz, warnings, err
}
