package kb

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// baseData is the generated base KB (see generate.go and importer/).
//
//go:embed data/base.json.gz
var baseData []byte

// BaseData returns the embedded, gzip'd JSON of the base KB.
func BaseData() []byte { return baseData }

// BaseEntries decodes the embedded base KB.
func BaseEntries() ([]Entry, error) {
	zr, err := gzip.NewReader(bytes.NewReader(baseData))
	if err != nil {
		return nil, fmt.Errorf("kb: base data: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("kb: base data: %w", err)
	}
	var entries []Entry
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, fmt.Errorf("kb: base data: %w", err)
	}
	return entries, nil
}

var (
	defaultOnce sync.Once
	defaultKB   *KB
	defaultErr  error
)

// Default returns the base KB (no overlay), decoded once and shared.
// It panics if the embedded data is corrupt, which the tests rule out.
func Default() *KB {
	defaultOnce.Do(func() {
		var entries []Entry
		entries, defaultErr = BaseEntries()
		if defaultErr == nil {
			defaultKB = New(entries)
		}
	})
	if defaultErr != nil {
		panic(defaultErr)
	}
	return defaultKB
}

// Load returns the base KB with the overlay of overlayDir merged in: every
// *.yaml / *.yml file of the folder (not its sub-folders), in name order.
// An overlay entry whose key exists is merged into it with Merge (names
// are added, scalars and non-empty offices/memberships replace); a new key
// adds an entry. An empty overlayDir means no overlay.
func Load(overlayDir string) (*KB, error) {
	base, err := BaseEntries()
	if err != nil {
		return nil, err
	}
	if overlayDir == "" {
		return New(base), nil
	}
	over, err := LoadOverlay(overlayDir)
	if err != nil {
		return nil, err
	}
	return New(append(base, over...)), nil
}

// LoadOverlay reads the overlay files of dir.
func LoadOverlay(dir string) ([]Entry, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("kb: overlay: %w", err)
	}
	var names []string
	for _, de := range des {
		n := de.Name()
		if de.IsDir() || strings.HasPrefix(n, ".") {
			continue
		}
		if ext := strings.ToLower(filepath.Ext(n)); ext == ".yaml" || ext == ".yml" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var out []Entry
	for _, n := range names {
		path := filepath.Join(dir, n)
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("kb: overlay: %w", err)
		}
		entries, err := ParseOverlay(b)
		if err != nil {
			return nil, fmt.Errorf("kb: overlay %s: %w", path, err)
		}
		out = append(out, entries...)
	}
	return out, nil
}

// overlayFile is the format of an overlay file.
type overlayFile struct {
	Entries []Entry `yaml:"entries"`
}

var kindOfPrefix = map[string]string{"person": KindPerson, "country": KindCountry, "org": KindOrganization, "place": KindPlace}

// ParseOverlay parses one overlay file:
//
//	entries:
//	  - key: person:jane-doe
//	    kind: person            # optional: implied by the key's prefix
//	    name: Jane Doe
//	    names: {en: [Jane Doe], fr: [Jeanne Doe]}
//	    offices: [{role: foreign_minister, title: Foreign Minister, of: country:fra, from: 2026-01-02}]
//
// Unknown fields are errors (a typo would otherwise be silently lost), as
// are entries without a valid key. Errors name the line when yaml gives it.
func ParseOverlay(data []byte) ([]Entry, error) {
	var f overlayFile
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil // empty file
		}
		return nil, err
	}
	// the entries' lines, for error messages
	var doc yaml.Node
	_ = yaml.Unmarshal(data, &doc)
	lines := entryLines(&doc)
	var out []Entry
	for i, e := range f.Entries {
		where := fmt.Sprintf("entry %d", i+1)
		if i < len(lines) && lines[i] > 0 {
			where = fmt.Sprintf("line %d: entry %d", lines[i], i+1)
		}
		e.Key = strings.TrimSpace(e.Key)
		prefix, _, ok := strings.Cut(e.Key, ":")
		kind, known := kindOfPrefix[prefix]
		switch {
		case e.Key == "":
			return nil, fmt.Errorf("%s: missing key", where)
		case !ok || !known:
			return nil, fmt.Errorf("%s: key %q must start with person:, country:, org: or place:", where, e.Key)
		case e.Key != strings.ToLower(e.Key):
			return nil, fmt.Errorf("%s: key %q must be lower-case", where, e.Key)
		case e.Kind != "" && e.Kind != kind:
			return nil, fmt.Errorf("%s: kind %q does not match key %q", where, e.Kind, e.Key)
		}
		e.Kind = kind
		for j, o := range e.Offices {
			if !validRole[o.Role] {
				return nil, fmt.Errorf("%s: office %d: unknown role %q (want head_of_state, head_of_government, foreign_minister, defence_minister, org_head or other)", where, j+1, o.Role)
			}
			if o.Of == "" {
				return nil, fmt.Errorf("%s: office %d: missing of", where, j+1)
			}
			for _, d := range []string{o.From, o.To} {
				if !validDate(d) {
					return nil, fmt.Errorf("%s: office %d: bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", where, j+1, d)
				}
			}
		}
		for j, m := range e.Memberships {
			if m.Org == "" {
				return nil, fmt.Errorf("%s: membership %d: missing org", where, j+1)
			}
			for _, d := range []string{m.Since, m.Until} {
				if !validDate(d) {
					return nil, fmt.Errorf("%s: membership %d: bad date %q (want YYYY, YYYY-MM or YYYY-MM-DD)", where, j+1, d)
				}
			}
		}
		if len(e.Sources) == 0 {
			e.Sources = []string{"overlay"}
		}
		out = append(out, e)
	}
	return out, nil
}

func entryLines(doc *yaml.Node) []int {
	if doc == nil || len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "entries" && root.Content[i+1].Kind == yaml.SequenceNode {
			var out []int
			for _, n := range root.Content[i+1].Content {
				out = append(out, n.Line)
			}
			return out
		}
	}
	return nil
}

// validDate: "", YYYY, YYYY-MM or YYYY-MM-DD with digits.
func validDate(d string) bool {
	switch len(d) {
	case 0:
		return true
	case 4, 7, 10:
	default:
		return false
	}
	for i, r := range d {
		if i == 4 || i == 7 {
			if r != '-' {
				return false
			}
			continue
		}
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
