package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/extract/dates"
	"github.com/eventgraph/eventgraph/loader/extract/text"
	"github.com/eventgraph/eventgraph/loader/kb"
)

// DefaultMaxBytes is the input size limit when Options.MaxBytes is 0.
const DefaultMaxBytes = 20 << 20

// Doc is one input document with the metadata a feed delivers.
type Doc struct {
	Path      string
	Data      []byte
	Published string // ISO date (or date-time), "" when unknown
	Language  string // "en", "fr", or "" to detect
	Title     string
	Outlet    string
	URL       string
}

// Options tune the extractor.
type Options struct {
	// MaxBytes: larger inputs are refused (default DefaultMaxBytes).
	MaxBytes int
	// MinConfidence: events below it are dropped (default 0: keep all).
	MinConfidence float64
}

// Extractor extracts articles. It is immutable after New and safe for
// concurrent use.
type Extractor struct {
	kb  *kb.KB
	m   *matcher
	opt Options

	offices    officeIndex
	fuzzy      *fuzzyIndex
	placeNames map[string]string // folded place name -> place key
}

// New builds the dictionaries of k (once; this takes a moment for a large
// knowledge base).
func New(k *kb.KB, opt Options) *Extractor {
	if opt.MaxBytes <= 0 {
		opt.MaxBytes = DefaultMaxBytes
	}
	x := &Extractor{kb: k, m: newMatcher(k), opt: opt}
	x.fuzzy = newFuzzyIndex(x.m)
	x.offices = buildOffices(k)
	x.placeNames = map[string]string{}
	k.Entries(func(e *kb.Entry) {
		if e.Kind != kb.KindPlace {
			return
		}
		names := []string{e.Name}
		for _, l := range sortedKeys(e.Names) {
			names = append(names, e.Names[l]...)
		}
		for _, n := range names {
			if f := Fold(n); f != "" {
				if _, ok := x.placeNames[f]; !ok {
					x.placeNames[f] = e.Key
				}
			}
		}
	})
	return x
}

// Result is what one article yields. Events are article-local (one per
// event the article reports, with the sentences as sources); Merge fuses
// them across articles.
type Result struct {
	Article  graph.Article
	Entities []graph.Entity
	Events   []graph.Event
	Claims   []graph.Claim
}

// ArticleID is the stable identifier of an article: the first 16 hex
// digits of the SHA-256 of its bytes.
func ArticleID(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:8])
}

// Article extracts one document. It fails, naming the path, on input that
// is not text (binary, invalid UTF-8, larger than Options.MaxBytes).
func (x *Extractor) Article(d Doc) (*Result, error) {
	if err := text.Check(d.Data, x.opt.MaxBytes); err != nil {
		return nil, fmt.Errorf("%s: %w", d.Path, err)
	}
	td := text.Parse(d.Data, text.LooksLikeHTML(d.Path, d.Data))
	lang := strings.ToLower(strings.TrimSpace(d.Language))
	if lang != "en" && lang != "fr" {
		lang = text.DetectLanguage(td.Text)
	}
	h := sha256.Sum256(d.Data)
	id := hex.EncodeToString(h[:8])
	pub := normDate(d.Published)
	if pub == "" {
		pub = dateFromHints(td.DateHints, lang)
	}
	a := &article{x: x, doc: td, lang: lang, pub: pub, id: id}
	var ents []graph.Entity
	if len(td.Text) > 2*windowBytes {
		ents = a.runWindowed()
	} else {
		a.run()
		ents = a.entities()
	}

	res := &Result{}
	res.Article = graph.Article{Type: graph.TypeArticle, ID: id, Path: d.Path, Language: lang,
		Outlet: d.Outlet, URL: d.URL, Hash: hex.EncodeToString(h[:]), Bytes: len(d.Data)}
	title := strings.TrimSpace(d.Title)
	if title == "" {
		title = strings.TrimSpace(td.Title)
	}
	if title != "" {
		res.Article.Title = &title
	}
	if pub != "" {
		p := pub
		res.Article.Published = &p
	}
	res.Entities = ents
	res.Events = a.events(x.opt.MinConfidence)
	res.Claims = a.claims
	return res, nil
}

// normDate keeps the ISO date part of a date or date-time.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if dates.PrecisionOf(s[:10]) == dates.Day {
			return s[:10]
		}
	}
	if len(s) == 7 || len(s) == 4 {
		return s
	}
	return ""
}

// dateFromHints resolves the first publication-date line to a day.
func dateFromHints(hints []string, lang string) string {
	for _, h := range hints {
		for _, m := range dates.Find(h, "", "") {
			if m.Resolved && dates.PrecisionOf(m.Date.Value) == dates.Day {
				return m.Date.Value
			}
		}
		// ISO date-times in meta tags
		for i := 0; i+10 <= len(h); i++ {
			if d := normDate(h[i:]); len(d) == 10 {
				return d
			}
		}
	}
	return ""
}

// windowBytes: inputs over twice this size are extracted window by window
// (runs of whole sentences of about this size), so the tokens, mentions
// and dates of only one window are alive at a time.
const windowBytes = 256 << 10

// runWindowed extracts a long text window by window: the entities of the
// windows are joined by key, their events merged as those of one article.
// What crosses a window is lost (a surname resolved by a full name in an
// earlier window, the passage's last event): news articles are far below
// the window size, so this only concerns huge inputs.
func (a *article) runWindowed() []graph.Entity {
	spans := a.sentenceSpans()
	byKey := map[string]*graph.Entity{}
	parts := map[string][][]graph.Mention{} // mentions per window, joined once at the end
	var order []string
	var evs []*localEvent
	a.persons = map[string]*personInfo{}
	a.named = map[string]int{}
	for i := 0; i < len(spans); {
		j, size := i, 0
		for j < len(spans) && (j == i || size+spans[j].e-spans[j].s <= windowBytes) {
			size += spans[j].e - spans[j].s
			j++
		}
		w := &article{x: a.x, doc: a.doc, lang: a.lang, pub: a.pub, id: a.id, spans: spans[i:j], lo: spans[i].s, hi: spans[j-1].e}
		w.run()
		for _, e := range w.entities() {
			parts[e.Key] = append(parts[e.Key], e.Mentions)
			if byKey[e.Key] != nil {
				continue
			}
			c := e
			c.Mentions = nil
			byKey[e.Key] = &c
			order = append(order, e.Key)
		}
		for k, v := range w.persons {
			if _, ok := a.persons[k]; !ok {
				a.persons[k] = v
			}
		}
		for k, v := range w.named {
			a.named[k] += v
		}
		evs = append(evs, w.evs...)
		a.claims = append(a.claims, w.claims...)
		i = j
	}
	a.evs = mergeLocal(evs)
	sort.Strings(order)
	out := make([]graph.Entity, 0, len(order))
	for _, k := range order {
		e := byKey[k]
		n := 0
		for _, ms := range parts[k] {
			n += len(ms)
		}
		e.Mentions = make([]graph.Mention, 0, n)
		for _, ms := range parts[k] {
			e.Mentions = append(e.Mentions, ms...)
		}
		out = append(out, *e)
	}
	return out
}
