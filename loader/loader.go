// Package loader runs eventgraph's pipeline: source -> extract -> merge ->
// sink. Reading and extraction run in parallel; each article's facts are
// written to Neo4j in one transaction.
package loader

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/extract"
	"github.com/eventgraph/eventgraph/loader/kb"
	"github.com/eventgraph/eventgraph/loader/sink"
	"github.com/eventgraph/eventgraph/loader/source"
	"github.com/eventgraph/eventgraph/refresh"
)

// Options say what to read.
type Options struct {
	Paths    []string
	Manifest string // optional manifest.yaml
	KB       *kb.KB
	MaxBytes int64
	Workers  int // 0: GOMAXPROCS
	// Tick is called after each article is extracted (for progress bars).
	Tick func()
}

// Extracted is the outcome of extraction over a corpus.
type Extracted struct {
	Results  []*extract.Result // in input order, failed inputs left out
	Events   []graph.Event     // merged over all articles
	Problems []error           // per-input problems; the others proceeded
	Files    int               // inputs found
}

// Files lists the inputs and manifest problems without reading them.
func Files(o Options) ([]string, *source.Manifest, []error, error) {
	var man *source.Manifest
	var problems []error
	if o.Manifest != "" {
		m, p, err := source.LoadManifest(o.Manifest)
		if err != nil {
			return nil, nil, nil, err
		}
		man, problems = m, p
	}
	files, p := source.Walk(o.Paths)
	problems = append(problems, p...)
	if len(o.Paths) == 0 && man != nil {
		return nil, nil, nil, errors.New("no input paths given")
	}
	return files, man, problems, nil
}

// Extract reads and extracts every input, then merges events.
func Extract(ctx context.Context, o Options) (*Extracted, error) {
	files, man, problems, err := Files(o)
	if err != nil {
		return nil, err
	}
	x := extract.New(o.KB, extract.Options{MaxBytes: int(o.MaxBytes)})
	workers := o.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	results := make([]*extract.Result, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = extractOne(files[i], man, x, o.MaxBytes)
				if o.Tick != nil {
					o.Tick()
				}
			}
		}()
	}
	for i := range files {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := &Extracted{Problems: problems, Files: len(files)}
	seen := map[string]string{}
	for i, r := range results {
		if errs[i] != nil {
			out.Problems = append(out.Problems, errs[i])
			continue
		}
		if prev, dup := seen[r.Article.ID]; dup {
			out.Problems = append(out.Problems, &source.InputError{Path: files[i], Err: fmt.Errorf("same content as %s; read once", prev)})
			continue
		}
		seen[r.Article.ID] = files[i]
		out.Results = append(out.Results, r)
	}
	out.Events = extract.Merge(out.Results)
	return out, nil
}

func extractOne(path string, man *source.Manifest, x *extract.Extractor, maxBytes int64) (res *extract.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, &source.InputError{Path: path, Err: fmt.Errorf("internal error while extracting: %v", p)}
		}
	}()
	d, err := source.Read(path, source.Options{MaxBytes: maxBytes, Manifest: man})
	if err != nil {
		return nil, err
	}
	r, err := x.Article(extract.Doc{Path: d.Path, Data: d.Data, Published: d.Meta.Published, Language: d.Meta.Language,
		Title: d.Meta.Title, Outlet: d.Meta.Outlet, URL: d.Meta.URL})
	if err != nil {
		var ie *source.InputError
		if errors.As(err, &ie) {
			return nil, err
		}
		return nil, &source.InputError{Path: path, Err: err}
	}
	return r, nil
}

// Summary is the outcome of a load.
type Summary struct {
	Articles int     `json:"articles"`
	Failed   int     `json:"failed"`
	Actors   int     `json:"actors"`
	Events   int     `json:"events"`
	Claims   int     `json:"claims"`
	Seconds  float64 `json:"seconds"`
}

// ArticleFacts splits the merged corpus into per-article write units.
func ArticleFacts(ex *Extracted) []sink.ArticleFacts {
	byArticle := map[string][]graph.Event{}
	for _, ev := range ex.Events {
		seen := map[string]bool{}
		for _, s := range ev.Sources {
			if !seen[s.Article] {
				seen[s.Article] = true
				byArticle[s.Article] = append(byArticle[s.Article], ev)
			}
		}
	}
	out := make([]sink.ArticleFacts, 0, len(ex.Results))
	for _, r := range ex.Results {
		evs := byArticle[r.Article.ID]
		sort.Slice(evs, func(i, j int) bool { return evs[i].Key < evs[j].Key })
		f := sink.ArticleFacts{Article: r.Article, Entities: r.Entities, Events: evs, Claims: r.Claims}
		// The same bookkeeping refresh keeps, so that later refreshes can
		// re-merge the events of articles written by load.
		if abs, err := filepath.Abs(r.Article.Path); err == nil {
			if st, err := os.Stat(abs); err == nil {
				f.Extra, _ = refresh.ArticleProps(r, abs, st.Size(), st.ModTime().UnixNano())
			}
		}
		out = append(out, f)
	}
	return out
}

// Write writes the reference data and then every article in its own
// transaction. An article that fails is reported; the others proceed.
func Write(ctx context.Context, s *sink.Sink, ex *Extracted, tick func()) (Summary, []error, error) {
	var sum Summary
	if err := s.EnsureSchema(ctx); err != nil {
		return sum, nil, err
	}
	if err := s.WriteReference(ctx); err != nil {
		return sum, nil, err
	}
	var problems []error
	actors := map[string]bool{}
	events := map[string]bool{}
	for _, f := range ArticleFacts(ex) {
		if err := ctx.Err(); err != nil {
			return sum, problems, err
		}
		if err := s.WriteArticle(ctx, f); err != nil {
			problems = append(problems, err)
			sum.Failed++
		} else {
			sum.Articles++
			sum.Claims += len(f.Claims)
			for _, e := range f.Entities {
				actors[e.Key] = true
			}
			for _, e := range f.Events {
				events[e.Key] = true
			}
		}
		if tick != nil {
			tick()
		}
	}
	sum.Actors, sum.Events = len(actors), len(events)
	return sum, problems, nil
}
