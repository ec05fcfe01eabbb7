package report

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzRenderHTML puts arbitrary strings in names, offices, places, titles,
// sentences, URLs and claim qualifiers: rendering must not panic, the page
// must parse with our one script and nothing injected, and the pictures
// must stay well-formed XML.
func FuzzRenderHTML(f *testing.F) {
	for _, s := range [][2]string{
		{"Xi Jinping", "They met in Moscow."},
		{`<script>alert(1)</script>`, `"><img src=x onerror=alert(1)>`},
		{"a|b*c_d[e](f)", "line\nbreak\r\n\ttab"},
		{"\x00\x01\x7f\ufffe\xff\xfe", "]]><!--"},
		{"javascript:alert(1)", "https://example.org/a b?c=<d>"},
		{"", ""},
		{"Erdoğan — 習近平 — بوتين", "&amp; &lt; &#0; &#x110000;"},
		{"</svg></title><title>", "</textarea></style></script>"},
		{"e1", "e1"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, name, text string) {
		d := fuzzData(name, text)
		var buf bytes.Buffer
		if err := RenderHTML(&buf, d); err != nil {
			t.Fatal(err)
		}
		doc, err := html.Parse(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("HTML does not parse: %v", err)
		}
		var scripts, imgs, circles int
		walk(doc, func(n *html.Node) {
			switch n.Data {
			case "script":
				scripts++
			case "img", "iframe", "object", "embed":
				imgs++
			case "circle":
				circles++
			}
		})
		if scripts != 1 || imgs != 0 {
			t.Fatalf("injected elements: %d scripts, %d images", scripts, imgs)
		}
		if circles != 3 {
			t.Fatalf("%d circles, want 3", circles)
		}
		ids := map[string]bool{}
		walk(doc, func(n *html.Node) {
			if v, ok := attrOf(n, "id"); ok {
				if ids[v] {
					t.Fatalf("duplicate id %q", v)
				}
				ids[v] = true
			}
		})
		walk(doc, func(n *html.Node) {
			if v, ok := attrOf(n, "href"); ok && strings.HasPrefix(v, "#") && !ids[v[1:]] {
				t.Fatalf("link to missing anchor %q", v)
			}
		})
		files, err := markdownFiles(d)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f.name, ".svg") {
				if err := xmlWellFormed(f.data, "svg", "http://www.w3.org/2000/svg"); err != nil {
					t.Fatalf("%s: %v", f.name, err)
				}
			}
		}
		var g bytes.Buffer
		if err := (ExportOptions{Countries: true}).WriteGraphML(&g, d); err != nil {
			t.Fatal(err)
		}
		if err := xmlWellFormed(g.Bytes(), "graphml", "http://graphml.graphdrawing.org/xmlns"); err != nil {
			t.Fatalf("GraphML: %v", err)
		}
		g.Reset()
		if err := (ExportOptions{Countries: true}).WriteGEXF(&g, d); err != nil {
			t.Fatal(err)
		}
		if err := xmlWellFormed(g.Bytes(), "gexf", "http://gexf.net/1.3"); err != nil {
			t.Fatalf("GEXF: %v", err)
		}
	})
}

func fuzzData(name, text string) *Data {
	src := SourceRef{Article: text, Title: name, Path: text, URL: text, Published: text, Sentence: text}
	claim := ClaimRef{Subject: []string{name, "B"}, Kind: "meeting_count", Value: 7, Qualifier: text, AsOf: "2024-05-16", Observed: 2, Source: src}
	return &Data{
		Title: name, Generated: text, Window: text, Focus: []string{name},
		Figures: Figures{Events: 2, Languages: map[string]int{text: 1}, FirstDate: text},
		Nodes: []Node{
			{Key: name, Name: name, Office: text, Country: text, PageRank: 0.5, Community: 0},
			{Key: "b" + name, Name: "B", Office: name, PageRank: 0.3, Community: 1},
			{Key: "c" + name, Name: text, PageRank: 0.2, Community: -1},
		},
		Edges:         []Edge{{A: name, B: "b" + name, Count: 2, First: text, Last: text}, {A: "b" + name, B: "c" + name, Count: 1}},
		Countries:     []Node{{Key: "country:" + text, Name: text, Country: name}},
		EventsPerYear: []YearCount{{Year: 2024, Count: 2, ByCategory: map[string]int{text: 1, "meeting": 1}}},
		Dyads: []DyadPanel{{A: name, B: "B", AKey: name, Count: 2, First: text, Last: text,
			PerYear: map[int]int{2023: 1, 2024: 1}, Claims: []ClaimRef{claim}, Events: []string{"e1", text}}},
		Communities: []Community{{ID: 0, Members: []string{name}}, {ID: 1, Members: []string{"B", text}}},
		Memberships: []Membership{{Org: name, Key: text, Members: []string{text, name}}},
		Events: []EventRef{
			{Key: "e1", Date: "2023-01-02", Category: text, Status: text, Place: name, Country: text, Organization: text,
				Participants: []string{name, "B"}, Sources: []SourceRef{src, src}},
			{Key: text, Date: text, Category: "meeting", Participants: []string{text}, Sources: []SourceRef{src}},
		},
		Claims:   []ClaimRef{claim, {Subject: []string{text}, Kind: text, Value: -1, Qualifier: name, Observed: -1, Source: src}},
		Analysis: &AnalysisRunRef{At: text, GraphVersion: name, Params: text},
	}
}
