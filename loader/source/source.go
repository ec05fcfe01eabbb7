// Package source reads article inputs: files and directories of plain text
// or HTML, with the feed metadata of a manifest.yaml.
package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// Meta is what a news feed delivers with an article.
type Meta struct {
	File      string `yaml:"file"`
	Published string `yaml:"published"`
	Outlet    string `yaml:"outlet"`
	URL       string `yaml:"url"`
	Language  string `yaml:"language"`
	Title     string `yaml:"title"`
}

// Manifest lists articles with their metadata; File is relative to Dir.
type Manifest struct {
	Path     string `yaml:"-"`
	Dir      string `yaml:"-"`
	Articles []Meta `yaml:"articles"`
	byPath   map[string]Meta
}

// Doc is one input read from disk.
type Doc struct {
	Path string // as given or walked
	Data []byte
	Meta Meta
}

// InputError is a problem with one input; the other inputs proceed.
type InputError struct {
	Path string
	Err  error
}

func (e *InputError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Sentinel errors for conditions callers test.
var (
	ErrTooLarge = errors.New("file too large")
	ErrEmpty    = errors.New("empty file")
)

// LoadManifest reads and checks a manifest. Problems with single entries
// (missing file, malformed date) are returned as InputErrors alongside the
// manifest so the other entries can proceed; a manifest that cannot be
// parsed at all is an error.
func LoadManifest(path string) (*Manifest, []error, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("manifest %s: %w", path, err)
	}
	var m Manifest
	if err := yaml.Unmarshal(b, &m); err != nil {
		return nil, nil, fmt.Errorf("manifest %s: not valid YAML: %w", path, err)
	}
	m.Path = path
	m.Dir = filepath.Dir(path)
	m.byPath = map[string]Meta{}
	var problems []error
	for i, a := range m.Articles {
		where := fmt.Sprintf("manifest %s: article %d", path, i+1)
		if a.File == "" {
			problems = append(problems, fmt.Errorf("%s: no file", where))
			continue
		}
		full := filepath.Clean(filepath.Join(m.Dir, a.File))
		if a.Published != "" {
			norm, err := NormalizeDate(a.Published)
			if err != nil {
				problems = append(problems, &InputError{Path: full, Err: fmt.Errorf("%s: published %q: %w; the article is read without a publication date", where, a.Published, err)})
				a.Published = ""
			} else {
				a.Published = norm
			}
		}
		if a.Language != "" && a.Language != "en" && a.Language != "fr" {
			problems = append(problems, fmt.Errorf("%s (%s): language %q is not supported (en, fr); detecting it instead", where, a.File, a.Language))
			a.Language = ""
		}
		if _, err := os.Stat(full); err != nil {
			problems = append(problems, &InputError{Path: full, Err: fmt.Errorf("named in manifest %s but %w", path, errors.Unwrap(err))})
		}
		m.Articles[i] = a
		m.byPath[absPath(full)] = a
	}
	return &m, problems, nil
}

// NormalizeDate accepts an ISO date or timestamp (YYYY-MM-DD, RFC 3339)
// and returns YYYY-MM-DD.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", time.RFC1123Z, time.RFC1123} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format("2006-01-02"), nil
		}
	}
	return "", errors.New("not a date (want YYYY-MM-DD or RFC 3339)")
}

// Lookup returns the metadata of a file, if the manifest lists it.
func (m *Manifest) Lookup(path string) (Meta, bool) {
	if m == nil {
		return Meta{}, false
	}
	meta, ok := m.byPath[absPath(path)]
	return meta, ok
}

// Options control reading.
type Options struct {
	MaxBytes int64     // refuse larger files (0: no limit)
	Manifest *Manifest // optional
}

var textExt = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true, ".xhtml": true, ".md": true, "": true}

// Walk resolves PATHs (files or directories, walked recursively in
// lexical order) into the list of article files. Directories skip
// manifest and gold files and files whose extension is not text or HTML.
// Problems (missing paths, unreadable directories) are returned per path.
func Walk(paths []string) ([]string, []error) {
	var files []string
	var problems []error
	seen := map[string]bool{}
	add := func(p string) {
		c := filepath.Clean(p)
		if !seen[c] {
			seen[c] = true
			files = append(files, c)
		}
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			problems = append(problems, &InputError{Path: p, Err: unwrapPath(err)})
			continue
		}
		if !st.IsDir() {
			add(p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				problems = append(problems, &InputError{Path: path, Err: unwrapPath(err)})
				if d != nil && d.IsDir() && path != p {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				if strings.HasPrefix(d.Name(), ".") && path != p {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") || isMetaFile(name) {
				return nil
			}
			if !textExt[strings.ToLower(filepath.Ext(name))] {
				return nil
			}
			add(path)
			return nil
		})
		if err != nil {
			problems = append(problems, &InputError{Path: p, Err: err})
		}
	}
	sort.Strings(files)
	return files, problems
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

func isMetaFile(name string) bool {
	l := strings.ToLower(name)
	switch l {
	case "manifest.yaml", "manifest.yml", "gold.json", "sources.md", "readme.md", "license", "license.txt":
		return true
	}
	return false
}

func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Read reads one file with its metadata; it refuses files over MaxBytes
// and empty files. Content checks (binary, UTF-8) belong to extraction.
func Read(path string, o Options) (Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return Doc{}, &InputError{Path: path, Err: unwrapPath(err)}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Doc{}, &InputError{Path: path, Err: unwrapPath(err)}
	}
	if st.IsDir() {
		return Doc{}, &InputError{Path: path, Err: errors.New("is a directory")}
	}
	if o.MaxBytes > 0 && st.Size() > o.MaxBytes {
		return Doc{}, &InputError{Path: path, Err: fmt.Errorf("%w: %d bytes, the limit is %d (extract.max_bytes)", ErrTooLarge, st.Size(), o.MaxBytes)}
	}
	var r io.Reader = f
	if o.MaxBytes > 0 {
		r = io.LimitReader(f, o.MaxBytes+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return Doc{}, &InputError{Path: path, Err: unwrapPath(err)}
	}
	if o.MaxBytes > 0 && int64(len(data)) > o.MaxBytes {
		return Doc{}, &InputError{Path: path, Err: fmt.Errorf("%w: more than %d bytes (extract.max_bytes)", ErrTooLarge, o.MaxBytes)}
	}
	if len(strings.TrimSpace(string(data))) == 0 {
		return Doc{}, &InputError{Path: path, Err: ErrEmpty}
	}
	meta, _ := o.Manifest.Lookup(path)
	return Doc{Path: path, Data: data, Meta: meta}, nil
}
