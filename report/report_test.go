package report

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func loadFixture(t testing.TB) *Data {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "fixture.json"))
	if err != nil {
		t.Fatal(err)
	}
	var d Data
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("fixture.json: %v", err)
	}
	return &d
}

func renderHTML(t testing.TB, d *Data) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := RenderHTML(&buf, d); err != nil {
		t.Fatalf("RenderHTML: %v", err)
	}
	return buf.Bytes()
}

func parseHTML(t testing.TB, b []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("HTML does not parse: %v", err)
	}
	return doc
}

// walk calls f on every element.
func walk(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attrOf(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, c string) bool {
	v, _ := attrOf(n, "class")
	for _, f := range strings.Fields(v) {
		if f == c {
			return true
		}
	}
	return false
}

func find(n *html.Node, pred func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(n, func(x *html.Node) {
		if pred(x) {
			out = append(out, x)
		}
	})
	return out
}

func byTag(tag string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == tag }
}

func byID(id string) func(*html.Node) bool {
	return func(n *html.Node) bool { v, _ := attrOf(n, "id"); return v == id }
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

// checkOffline fails when the page would fetch anything on load: external
// scripts, styles, images, fonts, frames, media, or url()/@import in CSS.
// Only <a href> may point elsewhere (a link is not fetched).
func checkOffline(t *testing.T, doc *html.Node) {
	t.Helper()
	walk(doc, func(n *html.Node) {
		switch n.DataAtom {
		case atom.Link, atom.Img, atom.Iframe, atom.Frame, atom.Object, atom.Embed, atom.Video, atom.Audio, atom.Source, atom.Track, atom.Base, atom.Picture:
			t.Errorf("element <%s> may fetch a resource", n.Data)
		}
		if n.Data == "image" || n.Data == "use" || n.Data == "feimage" {
			t.Errorf("SVG element <%s> may fetch a resource", n.Data)
		}
		for _, a := range n.Attr {
			k := strings.ToLower(a.Key)
			v := strings.ToLower(strings.TrimSpace(a.Val))
			switch {
			case k == "src" || k == "srcset" || k == "poster" || k == "data" || k == "background" || k == "xlink:href" || k == "manifest":
				t.Errorf("<%s %s=%q> may fetch a resource", n.Data, a.Key, a.Val)
			case k == "href" && n.DataAtom != atom.A:
				t.Errorf("<%s href=%q>: only <a> may carry href", n.Data, a.Val)
			case k == "style" && (strings.Contains(v, "url(") || strings.Contains(v, "@import")):
				t.Errorf("<%s style=%q> fetches", n.Data, a.Val)
			case k == "href" && !(strings.HasPrefix(v, "#") || strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://")):
				t.Errorf("<a href=%q>: neither an anchor nor a web link", a.Val)
			}
		}
		if n.DataAtom == atom.Style {
			css := strings.ToLower(textOf(n))
			if strings.Contains(css, "url(") || strings.Contains(css, "@import") || strings.Contains(css, "@font-face") {
				t.Errorf("<style> fetches (url(), @import or @font-face)")
			}
		}
		if n.DataAtom == atom.Meta {
			if v, _ := attrOf(n, "http-equiv"); strings.EqualFold(v, "refresh") {
				t.Errorf("<meta http-equiv=refresh>")
			}
		}
	})
}

func TestRenderHTMLFixture(t *testing.T) {
	d := loadFixture(t)
	out := renderHTML(t, d)
	doc := parseHTML(t, out)
	checkOffline(t, doc)

	// One network circle per node, each with a tooltip; one tooltip per edge.
	svgs := find(doc, byID("network-svg"))
	if len(svgs) != 1 {
		t.Fatalf("network SVG: found %d", len(svgs))
	}
	circles := find(svgs[0], byTag("circle"))
	if len(circles) != len(d.Nodes) {
		t.Errorf("network has %d circles, want %d (one per node)", len(circles), len(d.Nodes))
	}
	if all := find(doc, byTag("circle")); len(all) != len(d.Nodes) {
		t.Errorf("page has %d circles, want %d", len(all), len(d.Nodes))
	}
	for _, c := range circles {
		if len(find(c, byTag("title"))) != 1 {
			t.Errorf("circle without <title> tooltip")
		}
	}
	edges := find(svgs[0], func(n *html.Node) bool { return n.Data == "line" && hasClass(n, "edge") })
	if len(edges) != len(d.Edges) {
		t.Errorf("network has %d edges, want %d", len(edges), len(d.Edges))
	}
	for _, e := range edges {
		if len(find(e, byTag("title"))) != 1 {
			t.Errorf("edge without <title> tooltip")
		}
	}
	labels := find(svgs[0], func(n *html.Node) bool { return n.Data == "text" && hasClass(n, "label") })
	if len(labels) < 10 {
		t.Errorf("only %d node labels", len(labels))
	}

	// Every SVG is an accessible figure.
	for _, s := range find(doc, byTag("svg")) {
		if r, _ := attrOf(s, "role"); r != "img" {
			t.Errorf("<svg> without role=img")
		}
		if l, _ := attrOf(s, "aria-label"); strings.TrimSpace(l) == "" {
			t.Errorf("<svg> without aria-label")
		}
		p := s.Parent
		for p != nil && p.DataAtom != atom.Figure {
			p = p.Parent
		}
		if p == nil || len(find(p, byTag("figcaption"))) == 0 {
			t.Errorf("<svg> outside a <figure> with <figcaption>")
		}
	}
	if n := len(find(doc, func(n *html.Node) bool { return n.Data == "svg" && hasClass(n, "dyad") })); n != len(d.Dyads) {
		t.Errorf("%d dyad panels, want %d", n, len(d.Dyads))
	}
	if n := len(find(doc, func(n *html.Node) bool { return n.Data == "svg" && hasClass(n, "timeline") })); n != 1 {
		t.Errorf("%d timelines, want 1", n)
	}

	// Tables have rows; the events table one per event.
	tables := find(doc, byTag("table"))
	if len(tables) != 5 {
		t.Errorf("%d tables, want 5 (actors, communities, organizations, events, claims)", len(tables))
	}
	for _, tb := range tables {
		var rows int
		for _, body := range find(tb, byTag("tbody")) {
			rows += len(find(body, byTag("tr")))
		}
		if rows == 0 {
			t.Errorf("a table without rows")
		}
	}
	evTable := find(doc, byID("events-table"))
	if len(evTable) != 1 {
		t.Fatal("no events table")
	}
	rows := find(find(evTable[0], byTag("tbody"))[0], byTag("tr"))
	if len(rows) != len(d.Events) {
		t.Errorf("events table has %d rows, want %d", len(rows), len(d.Events))
	}
	// Every event has an anchor and its sentences; every source with a URL
	// is a link.
	ids := map[string]bool{}
	walk(doc, func(n *html.Node) {
		if v, ok := attrOf(n, "id"); ok {
			if ids[v] {
				t.Errorf("duplicate id %q", v)
			}
			ids[v] = true
		}
	})
	page := string(out)
	for _, e := range d.Events {
		for _, s := range e.Sources {
			if !strings.Contains(page, html.EscapeString(s.Sentence)) && !strings.Contains(textOf(doc), s.Sentence) {
				t.Errorf("sentence missing: %q", s.Sentence)
			}
			if s.URL != "" && !strings.Contains(page, `href="`+s.URL+`"`) {
				t.Errorf("source URL not linked: %s", s.URL)
			}
		}
	}
	// Every in-page link resolves.
	var anchors int
	walk(doc, func(n *html.Node) {
		if v, ok := attrOf(n, "href"); ok && strings.HasPrefix(v, "#") {
			anchors++
			if !ids[v[1:]] {
				t.Errorf("link to missing anchor %q", v)
			}
		}
	})
	if anchors < len(d.Events) {
		t.Errorf("only %d in-page links", anchors)
	}
	// Dyad panels link to their events.
	for i := range d.Dyads {
		panel := find(doc, byID("dyad-"+strconv.Itoa(i+1)))
		if len(panel) != 1 {
			t.Fatalf("dyad-%d missing", i+1)
		}
		var links int
		walk(panel[0], func(n *html.Node) {
			if v, ok := attrOf(n, "href"); ok && strings.HasPrefix(v, "#ev-") {
				links++
			}
		})
		if links != len(d.Dyads[i].Events) {
			t.Errorf("dyad-%d links %d events, want %d", i+1, links, len(d.Dyads[i].Events))
		}
	}
	// The caption says what the claims are against the graph.
	for _, want := range []string{
		"Articles claim at least 45 meetings by 2025-09-02; the graph holds 23 of them.",
		"43 meetings by 2024-05-16",
		"about 40 meetings by 2023-03-20",
		"Xi Jinping", "Recep Tayyip Erdoğan", "Most central leaders", "Organization membership",
		"BRICS", "SCO", "NATO",
	} {
		if !strings.Contains(textOf(doc), want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// Print styles and no sticky headers.
	if !strings.Contains(page, "@media print") {
		t.Error("no print styles")
	}
	if strings.Contains(page, "sticky") {
		t.Error("sticky positioning")
	}
	// Exactly one script, inline.
	if s := find(doc, byTag("script")); len(s) != 1 {
		t.Errorf("%d scripts, want 1", len(s))
	}
}

func TestRenderHTMLEscapesData(t *testing.T) {
	d := loadFixture(t)
	evil := `<script>alert("x")</script>`
	d.Title = "Report " + evil
	d.Nodes[0].Name = "Xi " + evil
	d.Nodes[1].Office = `"><img src=x onerror=alert(1)>`
	d.Events[0].Participants[0] = d.Nodes[0].Name
	d.Events[0].Sources[0].Sentence = "He said </blockquote><script>alert(2)</script> & left"
	d.Events[0].Sources[0].URL = "javascript:alert(3)"
	d.Events[1].Place = "Moscow</td><td>"
	d.Dyads[0].A = "A </h3>" + evil
	d.Claims[0].Source.Title = evil
	d.Communities[0].Members[0] = evil
	d.Memberships[0].Members[0] = evil
	out := renderHTML(t, d)
	doc := parseHTML(t, out)
	checkOffline(t, doc)
	if s := find(doc, byTag("script")); len(s) != 1 {
		t.Errorf("%d <script> elements, want only ours", len(s))
	}
	if n := find(doc, byTag("img")); len(n) != 0 {
		t.Error("injected <img>")
	}
	page := string(out)
	for _, bad := range []string{"<script>alert", "javascript:", "<img src=x"} {
		if strings.Contains(page, bad) {
			t.Errorf("unescaped %q in output", bad)
		}
	}
	if !strings.Contains(textOf(doc), `Xi <script>alert("x")</script>`) {
		t.Error("escaped name does not read back as text")
	}
	if !strings.Contains(page, "Xi &lt;script&gt;") {
		t.Error("name not entity-escaped")
	}
}

func TestEmpty(t *testing.T) {
	var nilData *Data
	if !nilData.Empty() || !(&Data{}).Empty() {
		t.Error("nil and zero Data must be empty")
	}
	if loadFixture(t).Empty() {
		t.Error("fixture is not empty")
	}
	if !errors.Is(ErrEmpty, ErrEmpty) || ErrEmpty.Error() == "" {
		t.Error("ErrEmpty")
	}
	for _, d := range []*Data{nil, {}, {Title: "Nothing", Generated: "2025-01-01T00:00:00Z", Nodes: []Node{{Key: "p", Name: "P"}}}} {
		out := renderHTML(t, d)
		doc := parseHTML(t, out)
		checkOffline(t, doc)
		text := textOf(doc)
		if !strings.Contains(text, "The graph holds no events yet: load articles with eventgraph load") {
			t.Errorf("empty page lacks the message: %s", text)
		}
		if n := len(find(doc, byTag("svg"))); n != 0 {
			t.Errorf("empty page has %d drawings", n)
		}
		if n := len(find(doc, byTag("table"))); n != 0 {
			t.Errorf("empty page has %d tables", n)
		}
		dir := t.TempDir()
		path, err := RenderMarkdown(dir, d)
		if err != nil {
			t.Fatal(err)
		}
		md, _ := os.ReadFile(path)
		if !strings.Contains(string(md), "The graph holds no events yet") {
			t.Errorf("empty Markdown lacks the message")
		}
	}
}

// TestSparseData renders data with events but without most other parts.
func TestSparseData(t *testing.T) {
	d := &Data{
		Title:  "Sparse",
		Events: []EventRef{{Key: "event:1", Date: "2024", Category: "new_kind", Participants: []string{"Nobody"}}},
		Nodes: []Node{
			{Key: "a", Name: "A", Community: -1}, {Key: "b", Name: "B", Community: -1}, {Key: "c", Name: "C", Community: 3},
			{Key: "d", Name: "D", Community: 3}, {Key: "e", Name: "E", Community: 4}, {Key: "a", Name: "dup"},
		},
		Edges:         []Edge{{A: "a", B: "b", Count: 1}, {A: "c", B: "d", Count: 2}, {A: "c", B: "zz", Count: 1}, {A: "a", B: "a"}},
		EventsPerYear: []YearCount{{Year: 2024, Count: 1, ByCategory: map[string]int{"new_kind": 1}}},
		Dyads:         []DyadPanel{{A: "A", B: "B", Count: 1, PerYear: map[int]int{2024: 1}, Claims: []ClaimRef{{Kind: "meeting_count", Value: 3, AsOf: "2024-06", Observed: -1}}}},
	}
	out := renderHTML(t, d)
	doc := parseHTML(t, out)
	checkOffline(t, doc)
	circles := find(doc, byTag("circle"))
	if len(circles) != 5 { // the duplicate key is drawn once
		t.Errorf("%d circles, want 5", len(circles))
	}
	walkLinks(t, doc)
	dir := t.TempDir()
	if _, err := RenderMarkdown(dir, d); err != nil {
		t.Fatal(err)
	}
	checkSVGFiles(t, dir, 1)
}

func walkLinks(t *testing.T, doc *html.Node) {
	t.Helper()
	ids := map[string]bool{}
	walk(doc, func(n *html.Node) {
		if v, ok := attrOf(n, "id"); ok {
			ids[v] = true
		}
	})
	walk(doc, func(n *html.Node) {
		if v, ok := attrOf(n, "href"); ok && strings.HasPrefix(v, "#") && !ids[v[1:]] {
			t.Errorf("link to missing anchor %q", v)
		}
	})
}

// checkSVGFiles checks that every SVG in dir is well-formed XML with an
// <svg> root in the SVG namespace, and that there are at least want.
func checkSVGFiles(t *testing.T, dir string, want int) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.svg"))
	if len(files) < want {
		t.Errorf("%d SVG files, want at least %d", len(files), want)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := xmlWellFormed(b, "svg", "http://www.w3.org/2000/svg"); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
	}
}

// xmlWellFormed parses b strictly and checks the root element.
func xmlWellFormed(b []byte, root, ns string) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	dec.Strict = true
	first := true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if se, ok := tok.(xml.StartElement); ok && first {
			first = false
			if se.Name.Local != root || se.Name.Space != ns {
				return errors.New("root is " + se.Name.Space + " " + se.Name.Local)
			}
		}
	}
}

func TestRenderMarkdown(t *testing.T) {
	d := loadFixture(t)
	d.Nodes[2].Office = "Prime | Minister *and* [more]"
	dir := t.TempDir()
	path, err := RenderMarkdown(filepath.Join(dir, "out"), d)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(path) != "report.md" {
		t.Errorf("path %s", path)
	}
	md, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	checkSVGFiles(t, filepath.Join(dir, "out"), 2+len(d.Dyads))
	for _, name := range []string{"network.svg", "timeline.svg", "dyad-1.svg", "dyad-4.svg"} {
		if _, err := os.Stat(filepath.Join(dir, "out", name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if !strings.Contains(string(md), "]("+name+")") {
			t.Errorf("report.md does not show %s", name)
		}
	}
	text := string(md)
	for _, want := range []string{
		"# Leader diplomacy", "## The leader network", "## Events per year", "## Strongest relationships",
		"## Most central leaders", "## Communities", "## Organization membership", "## Events (", "## Claims against the graph",
		"Prime \\| Minister \\*and\\* \\[more\\]",
		"**Articles claim at least 45 meetings by 2025-09-02; the graph holds 23 of them.**",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("report.md lacks %q", want)
		}
	}
	// Every table row has as many cells as its header.
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		if !strings.HasPrefix(lines[i], "| ") || i+1 >= len(lines) || !strings.HasPrefix(lines[i+1], "| ---") {
			continue
		}
		cols := cells(lines[i])
		j := i + 2
		for ; j < len(lines) && strings.HasPrefix(lines[j], "|"); j++ {
			if n := cells(lines[j]); n != cols {
				t.Errorf("line %d has %d cells, header %d: %s", j+1, n, cols, lines[j])
			}
		}
		if j == i+2 {
			t.Errorf("table at line %d has no rows", i+1)
		}
		i = j
	}
	// Every event anchor is there.
	if n := strings.Count(text, `<a id="ev-`); n != len(d.Events) {
		t.Errorf("%d event anchors, want %d", n, len(d.Events))
	}
}

// cells counts the cells of a GFM table row (unescaped pipes).
func cells(line string) int {
	n := 0
	for i := 0; i < len(line); i++ {
		if line[i] == '\\' {
			i++
			continue
		}
		if line[i] == '|' {
			n++
		}
	}
	return n - 1
}

func TestMarkdownEscaping(t *testing.T) {
	for in, want := range map[string]string{
		"a|b":         `a\|b`,
		"<script>":    "&lt;script&gt;",
		"# title":     `\# title`,
		"1. item":     `1\. item`,
		"6.09":        "6.09",
		"*x* _y_ `z`": "\\*x\\* \\_y\\_ \\`z\\`",
		"line\nbreak": "line break",
		"[a](b)":      `\[a\](b)`,
		"- dash":      `\- dash`,
		"R&D":         "R&amp;D",
		"Erdoğan":     "Erdoğan",
		"back\\slash": `back\\slash`,
	} {
		if got := mdText(in); got != want {
			t.Errorf("mdText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDeterministic(t *testing.T) {
	render := func() map[string][]byte {
		d := loadFixture(t) // fresh maps each time: map order must not matter
		out := map[string][]byte{"html": renderHTML(t, d)}
		files, err := markdownFiles(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			out[f.name] = f.data
		}
		var g, x bytes.Buffer
		for _, o := range []ExportOptions{{}, {Countries: true}} {
			if err := o.WriteGraphML(&g, d); err != nil {
				t.Fatal(err)
			}
			if err := o.WriteGEXF(&x, d); err != nil {
				t.Fatal(err)
			}
		}
		out["graphml"], out["gexf"] = g.Bytes(), x.Bytes()
		dir := t.TempDir()
		np, ep, err := WriteCSV(dir, d)
		if err != nil {
			t.Fatal(err)
		}
		out["nodes.csv"], _ = os.ReadFile(np)
		out["edges.csv"], _ = os.ReadFile(ep)
		return out
	}
	a, b := render(), render()
	if len(a) != len(b) {
		t.Fatalf("different outputs: %d vs %d", len(a), len(b))
	}
	for k := range a {
		if !bytes.Equal(a[k], b[k]) {
			t.Errorf("%s differs between two renderings", k)
		}
	}
}

// TestLargeNetwork draws the most central leaders of a large network, in
// reasonable time, and keeps every leader in the tables' data.
func TestLargeNetwork(t *testing.T) {
	const n = 600
	d := &Data{Title: "Large", Figures: Figures{Events: 1}, Focus: []string{"Leader 599"}}
	for i := range n {
		d.Nodes = append(d.Nodes, Node{Key: "p" + strconv.Itoa(i), Name: "Leader " + strconv.Itoa(i),
			PageRank: 1 / float64(i+1), Community: i % 9})
	}
	seed := uint64(1)
	next := func() int {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int(seed >> 33)
	}
	for range 4 * n {
		a, b := next()%n, next()%n
		d.Edges = append(d.Edges, Edge{A: "p" + strconv.Itoa(a), B: "p" + strconv.Itoa(b), Count: 1 + next()%20})
	}
	d.Events = []EventRef{{Key: "e", Date: "2024-01-01", Participants: []string{"Leader 1"}}}
	start := time.Now()
	out := renderHTML(t, d)
	if el := time.Since(start); el > 20*time.Second {
		t.Errorf("rendering %d leaders took %v", n, el)
	}
	doc := parseHTML(t, out)
	svg := find(doc, byID("network-svg"))
	if len(svg) != 1 {
		t.Fatal("no network")
	}
	if c := len(find(svg[0], byTag("circle"))); c != maxDrawn {
		t.Errorf("%d circles, want %d", c, maxDrawn)
	}
	if !strings.Contains(textOf(doc), "most central of 600 leaders") {
		t.Error("the caption does not say the drawing shows a part")
	}
	focus := false
	for _, c := range find(svg[0], byTag("title")) {
		if strings.HasPrefix(textOf(c), "Leader 599") {
			focus = true
		}
	}
	if !focus {
		t.Error("the focus leader is not drawn")
	}
	walkLinks(t, doc)
}
