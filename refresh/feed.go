package refresh

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/mmcdole/gofeed"
	"golang.org/x/time/rate"
)

// Fetcher gets documents over HTTP(S) politely: a timeout per request, a
// size limit, and a rate per host shared by every feed and page.
type Fetcher struct {
	Client *http.Client
	// Timeout bounds one request, connection to last byte (default 20s).
	Timeout time.Duration
	// MaxBytes: larger bodies are refused (default 5 MB).
	MaxBytes int64
	// PerHost is the request rate per host (default one every 2s), Burst
	// its burst (default 1).
	PerHost rate.Limit
	Burst   int
	// UserAgent sent with every request.
	UserAgent string

	mu    sync.Mutex
	hosts map[string]*rate.Limiter
}

// NewFetcher returns a Fetcher with the defaults.
func NewFetcher() *Fetcher { return &Fetcher{} }

func (f *Fetcher) limiter(host string) *rate.Limiter {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.hosts == nil {
		f.hosts = map[string]*rate.Limiter{}
	}
	l := f.hosts[host]
	if l == nil {
		r, b := f.PerHost, f.Burst
		if r == 0 {
			r = rate.Every(2 * time.Second)
		}
		if b <= 0 {
			b = 1
		}
		l = rate.NewLimiter(r, b)
		f.hosts[host] = l
	}
	return l
}

// Get fetches a URL; it returns the body and its media type.
func (f *Fetcher) Get(ctx context.Context, raw string) ([]byte, string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, "", &PermanentError{fmt.Errorf("not an http(s) URL: %q", raw)}
	}
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = 20 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := f.limiter(u.Host).Wait(ctx); err != nil {
		return nil, "", fmt.Errorf("GET %s: waiting for the per-host rate: %w", raw, err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, raw, nil)
	if err != nil {
		return nil, "", &PermanentError{err}
	}
	ua := f.UserAgent
	if ua == "" {
		ua = "eventgraph-refresh/1 (+https://github.com/eventgraph/eventgraph)"
	}
	req.Header.Set("User-Agent", ua)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml, text/html;q=0.9, */*;q=0.5")
	client := f.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) || ctx.Err() == context.DeadlineExceeded {
			return nil, "", fmt.Errorf("GET %s: no answer within %s", raw, timeout)
		}
		return nil, "", fmt.Errorf("GET %s: %w", raw, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		err := fmt.Errorf("GET %s: HTTP %s", raw, resp.Status)
		if resp.StatusCode == http.StatusNotFound || resp.StatusCode == http.StatusGone {
			return nil, "", &PermanentError{err}
		}
		return nil, "", err
	}
	limit := f.MaxBytes
	if limit <= 0 {
		limit = 5 << 20
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return nil, "", fmt.Errorf("GET %s: body not complete within %s", raw, timeout)
		}
		return nil, "", fmt.Errorf("GET %s: %w", raw, err)
	}
	if int64(len(body)) > limit {
		return nil, "", &PermanentError{fmt.Errorf("GET %s: more than %d bytes", raw, limit)}
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return body, mt, nil
}

// Feed is an RSS 2.0 or Atom feed whose items link to article pages.
// Publication date, title and language come from the feed; the page is
// fetched and reduced to the article by readability.
type Feed struct {
	URL     string
	Fetcher *Fetcher
	// Outlet overrides the feed's title as the articles' outlet.
	Outlet string
}

// Name implements Source.
func (f *Feed) Name() string { return "feed:" + f.URL }

func normLang(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "en" || strings.HasPrefix(s, "en-") || strings.HasPrefix(s, "en_"):
		return "en"
	case s == "fr" || strings.HasPrefix(s, "fr-") || strings.HasPrefix(s, "fr_"):
		return "fr"
	}
	return ""
}

// List implements Source: it fetches and parses the feed document; pages
// are fetched only for new or updated items.
func (f *Feed) List(ctx context.Context) ([]Item, []Problem, error) {
	body, _, err := f.Fetcher.Get(ctx, f.URL)
	if err != nil {
		return nil, nil, Problem{ID: f.URL, Err: fmt.Errorf("feed: %w", err)}
	}
	h := sha256.Sum256(body)
	hash := hex.EncodeToString(h[:])
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, []Problem{{ID: f.URL, Hash: hash, Err: &PermanentError{fmt.Errorf("malformed feed: %v", err)}}}, nil
	}
	base, _ := url.Parse(f.URL)
	outlet := f.Outlet
	if outlet == "" {
		outlet = strings.TrimSpace(feed.Title)
	}
	var items []Item
	var problems []Problem
	for i, it := range feed.Items {
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		if link == "" {
			problems = append(problems, Problem{ID: fmt.Sprintf("%s#item%d", f.URL, i+1), Hash: hash,
				Err: &PermanentError{fmt.Errorf("feed item %q has no link", it.Title)}})
			continue
		}
		if u, err := base.Parse(link); err == nil {
			link = u.String()
		}
		var pub string
		switch {
		case it.PublishedParsed != nil:
			pub = it.PublishedParsed.UTC().Format("2006-01-02")
		case it.UpdatedParsed != nil:
			pub = it.UpdatedParsed.UTC().Format("2006-01-02")
		}
		lang := normLang(feed.Language)
		if it.DublinCoreExt != nil && len(it.DublinCoreExt.Language) > 0 {
			if l := normLang(it.DublinCoreExt.Language[0]); l != "" {
				lang = l
			}
		}
		guid := it.GUID
		if guid == "" {
			guid = link
		}
		page := link
		items = append(items, Item{ID: link, Kind: "feed", Version: guid + "|" + it.Updated + "|" + it.Published,
			Meta:  sourceMeta(pub, lang, strings.TrimSpace(it.Title), outlet, link),
			Fetch: func(ctx context.Context) ([]byte, error) { return f.page(ctx, page) }})
	}
	return items, problems, nil
}

// page fetches an article page and keeps the article: readability's
// cleaned HTML (the extractor reads HTML), or the text as served.
func (f *Feed) page(ctx context.Context, link string) ([]byte, error) {
	body, mt, err := f.Fetcher.Get(ctx, link)
	if err != nil {
		return nil, err
	}
	if mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		if strings.HasPrefix(mt, "text/") {
			return body, nil
		}
		return nil, &PermanentError{fmt.Errorf("GET %s: %s is not an article page", link, mt)}
	}
	u, _ := url.Parse(link)
	art, err := readability.FromReader(bytes.NewReader(body), u)
	if err != nil || art.Node == nil {
		if err == nil {
			err = errors.New("no article found")
		}
		return nil, &PermanentError{fmt.Errorf("GET %s: readability: %v", link, err)}
	}
	var buf bytes.Buffer
	buf.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n")
	if err := art.RenderHTML(&buf); err != nil {
		return nil, &PermanentError{fmt.Errorf("GET %s: readability: %v", link, err)}
	}
	buf.WriteString("\n</body></html>\n")
	return buf.Bytes(), nil
}
