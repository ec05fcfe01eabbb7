package text

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func sentences(s string) []string {
	var out []string
	for _, sp := range Sentences(s, 0, len(s)) {
		out = append(out, s[sp.Start:sp.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"Mr. Modi met Dr. Ramaphosa. They talked.", []string{"Mr. Modi met Dr. Ramaphosa.", "They talked."}},
		{"The U.S. and the U.N. agreed. The talks ended.", []string{"The U.S. and the U.N. agreed.", "The talks ended."}},
		{"He left the U.S. The visit ended.", []string{"He left the U.S.", "The visit ended."}},
		{"George W. Bush visited St. Petersburg on Jan. 5. He left.", []string{"George W. Bush visited St. Petersburg on Jan. 5.", "He left."}},
		{"M. Poutine a reçu Mme Dupont. Ils ont parlé.", []string{"M. Poutine a reçu Mme Dupont.", "Ils ont parlé."}},
		{`"We agreed," he said. "It is done." Then he left.`, []string{`"We agreed," he said.`, `"It is done."`, "Then he left."}},
		{"Is it over? Yes! It is.", []string{"Is it over?", "Yes!", "It is."}},
		{"The Chinese No. 1 spoke. He left.", []string{"The Chinese No. 1 spoke.", "He left."}},
		{"It reached a record level. 240 billion dollars were traded.", []string{"It reached a record level.", "240 billion dollars were traded."}},
		{"no end", []string{"no end"}},
	}
	for _, c := range cases {
		if got := sentences(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q:\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

func TestLanguage(t *testing.T) {
	if DetectLanguage("Le président a reçu son homologue dans la capitale.") != "fr" {
		t.Error("fr")
	}
	if DetectLanguage("The president received his counterpart in the capital.") != "en" {
		t.Error("en")
	}
}

func TestBoilerplate(t *testing.T) {
	in := strings.Join([]string{
		"Leaders meet in Canberra",
		"",
		"By Jane Smith",
		"Published on May 16, 2024 at 05:46.",
		"Anthony Albanese met his counterpart on Thursday, officials said, in a long and friendly meeting that lasted three hours.",
		"Photo: Canberra Times / AFP",
		"Subscribe to our newsletter!",
		"Share on Facebook",
		"Trade talks",
		"Read also: Albanese in Tokyo",
		"© 2024 Daily News. All rights reserved.",
		"Lire aussi : Le sommet de Pékin",
		"Similar News:",
		"Xi Jinping en visite à Moscou",
		"Lire la suite »",
	}, "\n")
	d := Parse([]byte(in), false)
	var kinds []string
	for _, b := range d.Blocks {
		kinds = append(kinds, b.Kind.String())
	}
	want := []string{"title", "boiler", "boiler", "body", "boiler", "boiler", "boiler", "heading", "related", "boiler", "related", "boiler", "related", "boiler"}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("kinds\n got %v\nwant %v", kinds, want)
	}
	if len(d.DateHints) == 0 || !strings.HasPrefix(d.DateHints[0], "Published") {
		t.Errorf("date hints %q", d.DateHints)
	}
}

func TestHTML(t *testing.T) {
	page := `<html><head><title>T &amp; U</title><style>p{}</style></head><body>
<aside>Ad Xi</aside><p>Caf&eacute; <i>talks</i>&nbsp;ended.</p><div hidden>secret</div><p>Second para.</p></body></html>`
	d := Parse([]byte(page), true)
	if strings.Contains(d.Text, "Ad Xi") || strings.Contains(d.Text, "secret") || strings.Contains(d.Text, "p{}") {
		t.Errorf("furniture kept: %q", d.Text)
	}
	i := strings.Index(d.Text, "Café talks ended.")
	if i < 0 {
		t.Fatalf("text %q", d.Text)
	}
	e := i + len("Café talks ended.")
	if got := page[d.Src(i):d.SrcEnd(e)]; got != "Caf&eacute; <i>talks</i>&nbsp;ended." {
		t.Errorf("offsets map to %q", got)
	}
	if d.Title != "T & U" {
		t.Errorf("title %q", d.Title)
	}
}

func TestCheck(t *testing.T) {
	if err := Check([]byte("plain text"), 0); err != nil {
		t.Error(err)
	}
	for _, b := range [][]byte{{0xff, 0xfe, 'a', 0}, []byte("a\x00b"), []byte("\xc3\x28"), []byte("   ")} {
		if Check(b, 0) == nil {
			t.Errorf("%q accepted", b)
		}
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"Mr. X met Y. Z left.", "U.S. A. B.", "…", "\"Q.\" R", "a.b.c.d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		start := time.Now()
		prev := 0
		for _, sp := range Sentences(s, 0, len(s)) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v in %q", sp, s)
			}
			prev = sp.End
		}
		if time.Since(start) > time.Second {
			t.Fatalf("slow on %d bytes", len(s))
		}
	})
}

func FuzzHTML(f *testing.F) {
	for _, s := range []string{"<p>a &amp; b</p>", "<script>x", "<div class=share><p>x</div>y", "&#x1F600;<br/>", "<title>t</title><h1>h</h1>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d := Parse(b, true)
		if !utf8.ValidString(d.Text) && utf8.Valid(b) {
			t.Fatalf("invalid text from valid input")
		}
		for _, bl := range d.Blocks {
			if bl.Start < 0 || bl.End > len(d.Text) || bl.Start > bl.End {
				t.Fatalf("bad block %v", bl)
			}
			s, e := d.Src(bl.Start), d.SrcEnd(bl.End)
			if s < 0 || e > len(b) || s > e {
				t.Fatalf("bad source range %d-%d of %d", s, e, len(b))
			}
		}
	})
}

func TestOneLineIsNoTitle(t *testing.T) {
	d := Parse([]byte("Barack Obama and Vladimir Putin will meet in Zurich\n"), false)
	if len(d.Blocks) != 1 || d.Blocks[0].Kind != Body {
		t.Errorf("one line: %+v", d.Blocks)
	}
	d = Parse([]byte("Obama and Putin to meet\n\nBarack Obama and Vladimir Putin will meet in Zurich.\n"), false)
	if d.Blocks[0].Kind != Title {
		t.Errorf("a headline over a paragraph: %+v", d.Blocks)
	}
}
