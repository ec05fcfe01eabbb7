package refresh_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/refresh"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Pages and feeds written for these tests (original text).
const pageEN = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Xi and Putin hold talks in Beijing | Test Wire</title></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<div class="cookie-banner">We use cookies to improve your experience.</div>
<main><article>
<h1>Xi and Putin hold talks in Beijing</h1>
<p class="byline">By a Test Wire reporter</p>
<p>Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on Thursday, May 16, 2024, at the start of a two-day state visit.</p>
<p>The two leaders held talks at the Great Hall of the People and signed a joint statement on deepening their partnership. Putin said relations between Moscow and Beijing were at their best level in history.</p>
<p>Xi told reporters that the two countries would keep working together on energy, trade and security, and that their partnership was not directed at any third party.</p>
</article></main>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Macron to visit Washington</a></li></ul></aside>
<footer>© 2024 Test Wire. All rights reserved.</footer>
</body></html>`

const pageFR = `<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Macron reçoit Xi Jinping à Paris</title></head>
<body>
<header><a href="/">Accueil</a> <a href="/monde">Monde</a></header>
<article>
<h1>Emmanuel Macron reçoit Xi Jinping à l'Élysée</h1>
<p>Le président français Emmanuel Macron a reçu lundi 6 mai 2024 son homologue chinois Xi Jinping au palais de l'Élysée, à Paris, pour une visite d'État de deux jours.</p>
<p>Les deux dirigeants se sont entretenus du commerce, de la guerre en Ukraine et du climat. Xi Jinping s'est ensuite rendu dans les Hautes-Pyrénées avec Emmanuel Macron.</p>
</article>
<div class="newsletter">Inscrivez-vous à notre lettre d'information.</div>
</body></html>`

func rssFeed(base string, pubEN string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Test Wire World</title>
  <link>` + base + `/</link>
  <description>World news from Test Wire</description>
  <language>en-us</language>
  <atom:link href="` + base + `/rss.xml" rel="self" type="application/rss+xml"/>
  <item>
    <title>Xi and Putin hold talks in Beijing</title>
    <link>` + base + `/world/xi-putin-beijing</link>
    <guid isPermaLink="false">testwire-1001</guid>
    <pubDate>` + pubEN + `</pubDate>
    <description>The two leaders met at the start of a state visit.</description>
  </item>
</channel>
</rss>`
}

func atomFeed(base string, updated string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Le Fil de test</title>
  <id>urn:uuid:4f2b8a2e-0000-4000-8000-000000000001</id>
  <updated>` + updated + `</updated>
  <link href="` + base + `/atom.xml" rel="self"/>
  <entry>
    <title>Emmanuel Macron reçoit Xi Jinping à l'Élysée</title>
    <id>urn:uuid:4f2b8a2e-0000-4000-8000-000000000002</id>
    <link href="` + base + `/monde/macron-xi-paris" rel="alternate" type="text/html"/>
    <published>2024-05-06T18:00:00+02:00</published>
    <updated>` + updated + `</updated>
    <summary>Visite d'État de deux jours.</summary>
  </entry>
</feed>`
}

type feedServer struct {
	*httptest.Server
	mu     sync.Mutex
	pages  int
	rss    string
	atom   string
	fr     string
	sleep  time.Duration
	broken bool
}

func newFeedServer(t *testing.T) *feedServer {
	fs := &feedServer{fr: pageFR}
	mux := http.NewServeMux()
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		body, broken := fs.rss, fs.broken
		fs.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		if broken {
			body = body[:len(body)/2] // truncated XML
		}
		fmt.Fprint(w, body)
	})
	mux.HandleFunc("/atom.xml", func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		body := fs.atom
		fs.mu.Unlock()
		w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
		fmt.Fprint(w, body)
	})
	page := func(body func() string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			fs.mu.Lock()
			fs.pages++
			sleep := fs.sleep
			fs.mu.Unlock()
			if sleep > 0 {
				select {
				case <-time.After(sleep):
				case <-r.Context().Done():
					return
				}
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body())
		}
	}
	mux.HandleFunc("/world/xi-putin-beijing", page(func() string { return pageEN }))
	mux.HandleFunc("/monde/macron-xi-paris", page(func() string { fs.mu.Lock(); defer fs.mu.Unlock(); return fs.fr }))
	fs.Server = httptest.NewServer(mux)
	t.Cleanup(fs.Close)
	fs.rss = rssFeed(fs.URL, "Thu, 16 May 2024 09:30:00 +0000")
	fs.atom = atomFeed(fs.URL, "2024-05-06T18:00:00+02:00")
	return fs
}

func (fs *feedServer) pageCount() int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.pages
}

func fastFetcher() *refresh.Fetcher {
	return &refresh.Fetcher{Timeout: 5 * time.Second, PerHost: 1000, Burst: 10}
}

func feedSources(fs *feedServer, f *refresh.Fetcher) []refresh.Source {
	return []refresh.Source{&refresh.Feed{URL: fs.URL + "/rss.xml", Fetcher: f}, &refresh.Feed{URL: fs.URL + "/atom.xml", Fetcher: f}}
}

// RSS 2.0 and Atom feeds: pages fetched, reduced by readability, written
// with the feed's date, title and language; unchanged items are skipped
// without fetching their pages; an updated item replaces its article.
func TestFeedsRSSAndAtom(t *testing.T) {
	d := neo4jtest.Driver(t)
	fs := newFeedServer(t)
	f := fastFetcher()
	s := runRefresh(t, d, refresh.Options{Sources: feedSources(fs, f)})
	if s.New != 2 || s.Failed != 0 {
		t.Fatalf("first pass: %+v", s)
	}
	res, err := neo4j.ExecuteQuery(context.Background(), d, `MATCH (a:Article) RETURN a.url AS url, a.published AS pub,
		a.language AS lang, a.title AS title, a.outlet AS outlet ORDER BY url`, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res.Records {
		m := r.AsMap()
		got = append(got, fmt.Sprintf("%v|%v|%v|%v", m["pub"], m["lang"], m["title"], m["outlet"]))
	}
	want := []string{"2024-05-06|fr|Emmanuel Macron reçoit Xi Jinping à l'Élysée|Le Fil de test",
		"2024-05-16|en|Xi and Putin hold talks in Beijing|Test Wire World"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("articles:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := count(t, d, xiPutin16May); n != 1 {
		t.Errorf("Xi–Putin 2024-05-16 events from the RSS item: %d", n)
	}
	if n := count(t, d, `MATCH (:Person {name:'Emmanuel Macron'})-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(:Person {name:'Xi Jinping'}) WHERE e.date STARTS WITH '2024-05' RETURN count(e) AS n`); n < 1 {
		t.Errorf("no Macron–Xi event from the Atom entry")
	}
	// boilerplate removed by readability
	if n := count(t, d, `MATCH (a:Article)-[m:MENTIONS]->(x) WHERE any(t IN m.texts WHERE t = 'Macron') AND a.language = 'en' RETURN count(m) AS n`); n != 0 {
		t.Errorf("the related-links teaser leaked into the English article")
	}
	pages := fs.pageCount()
	s = runRefresh(t, d, refresh.Options{Sources: feedSources(fs, f)})
	if s.New+s.Changed != 0 || s.Unchanged != 2 || fs.pageCount() != pages {
		t.Fatalf("second pass should skip both items without fetching pages: %+v, pages %d -> %d", s, pages, fs.pageCount())
	}
	// the Atom entry is updated with a new text
	fs.mu.Lock()
	fs.atom = atomFeed(fs.URL, "2024-05-07T08:00:00+02:00")
	fs.fr = strings.Replace(pageFR, "du climat.", "du climat et de l'intelligence artificielle.", 1)
	fs.mu.Unlock()
	before := snap(t, d)
	s = runRefresh(t, d, refresh.Options{Sources: feedSources(fs, f)})
	if s.Changed != 1 || s.Unchanged != 1 || fs.pageCount() != pages+1 {
		t.Fatalf("updated entry: %+v (pages %d)", s, fs.pageCount())
	}
	after := snap(t, d)
	if before.Labels["Article"] != after.Labels["Article"] || len(before.Events) != len(after.Events) {
		t.Errorf("a changed article must replace its previous version: %v -> %v articles, %d -> %d events",
			before.Labels["Article"], after.Labels["Article"], len(before.Events), len(after.Events))
	}
}
