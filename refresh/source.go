package refresh

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/eventgraph/eventgraph/loader/source"
)

// Item is one article a source offers, described cheaply (without reading
// its content) so that unchanged articles can be skipped.
type Item struct {
	// ID is the source identity: the absolute path of a file, or the URL of
	// a feed item's page.
	ID string
	// Kind is "file" or "feed".
	Kind string
	// Size and MTime (Unix nanoseconds) of a file; 0 for feed items.
	Size  int64
	MTime int64
	// Version of a feed item: its GUID with its updated/published stamps.
	Version string
	// Meta is the feed metadata (manifest entry or feed item).
	Meta source.Meta
	// Fetch reads the content.
	Fetch func(ctx context.Context) ([]byte, error)
}

// metaDigest fingerprints the metadata that changes an extraction.
func (it *Item) metaDigest() string {
	m := it.Meta
	h := sha256.Sum256([]byte(m.Published + "\x00" + m.Language + "\x00" + m.Title + "\x00" + m.Outlet + "\x00" + m.URL))
	return hex.EncodeToString(h[:8])
}

// Problem is a failure of a source (or an item) found while listing: a
// malformed feed, a manifest naming a missing file, an unreadable folder.
type Problem struct {
	// ID is the source identity the problem belongs to (feed URL, path).
	ID string
	// Hash of the content that failed, when known: the problem is then
	// remembered and skipped until the content changes.
	Hash string
	Err  error
}

func (p Problem) Error() string { return p.ID + ": " + p.Err.Error() }

// Source lists the articles of one configured source.
type Source interface {
	// Name identifies the source in summaries and logs.
	Name() string
	// List returns the items (cheaply described) and per-item problems;
	// an error means the whole source could not be listed.
	List(ctx context.Context) ([]Item, []Problem, error)
}

// Dir is a directory of articles with the manifest.yaml of that directory
// when present (published, language, title, outlet, url per file).
type Dir struct {
	Path     string
	MaxBytes int64
}

// Name implements Source.
func (d *Dir) Name() string { return "dir:" + d.Path }

// List implements Source: it stats every file, reads none.
func (d *Dir) List(ctx context.Context) ([]Item, []Problem, error) {
	dir, err := filepath.Abs(d.Path)
	if err != nil {
		return nil, nil, err
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("source %s: %w", d.Path, err)
	}
	if !st.IsDir() {
		return nil, nil, fmt.Errorf("source %s: not a directory", d.Path)
	}
	var man *source.Manifest
	var problems []Problem
	for _, name := range []string{"manifest.yaml", "manifest.yml"} {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err != nil {
			continue
		}
		m, probs, err := source.LoadManifest(p)
		if err != nil {
			// a manifest that cannot be parsed: the articles are still
			// read, without its metadata
			problems = append(problems, Problem{ID: p, Err: err})
		} else {
			man = m
			for _, pr := range probs {
				id := p
				var ie *source.InputError
				if errors.As(pr, &ie) {
					id = ie.Path
				}
				problems = append(problems, Problem{ID: id, Err: pr})
			}
		}
		break
	}
	files, walkProblems := source.Walk([]string{dir})
	for _, pr := range walkProblems {
		problems = append(problems, Problem{ID: dir, Err: pr})
	}
	items := make([]Item, 0, len(files))
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		fi, err := os.Stat(f)
		if err != nil {
			problems = append(problems, Problem{ID: f, Err: err})
			continue
		}
		meta, _ := man.Lookup(f)
		path := f
		items = append(items, Item{ID: f, Kind: "file", Size: fi.Size(), MTime: fi.ModTime().UnixNano(), Meta: meta,
			Fetch: func(ctx context.Context) ([]byte, error) {
				doc, err := source.Read(path, source.Options{MaxBytes: d.MaxBytes})
				if err != nil {
					return nil, err
				}
				return doc.Data, nil
			}})
	}
	return items, problems, nil
}

// PermanentError marks an input problem that will not go away by itself
// (malformed content): the input is skipped until its content changes.
type PermanentError struct{ Err error }

func (e *PermanentError) Error() string { return e.Err.Error() }
func (e *PermanentError) Unwrap() error { return e.Err }

// isPermanent: a read error that retrying cannot fix (too large, empty,
// malformed); network errors and vanished files are retried next run.
func isPermanent(err error) bool {
	var pe *PermanentError
	return errors.As(err, &pe) || errors.Is(err, source.ErrTooLarge) || errors.Is(err, source.ErrEmpty)
}

func sourceMeta(published, language, title, outlet, url string) source.Meta {
	return source.Meta{Published: published, Language: language, Title: title, Outlet: outlet, URL: url}
}
