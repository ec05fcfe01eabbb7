package text

import (
	"bytes"
	stdhtml "html"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Elements whose content is never article text.
var dropElems = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Figure: true,
	atom.Figcaption: true, atom.Form: true, atom.Iframe: true, atom.Svg: true,
	atom.Button: true, atom.Select: true, atom.Template: true, atom.Textarea: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Video: true,
	atom.Audio: true, atom.Menu: true, atom.Dialog: true,
}

// Elements that end a block of text.
var blockElems = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Table: true, atom.Section: true,
	atom.Article: true, atom.Blockquote: true, atom.Pre: true, atom.Hr: true, atom.Dd: true,
	atom.Dt: true, atom.Dl: true, atom.Main: true, atom.Title: true, atom.Body: true,
	atom.Head: true, atom.Html: true, atom.Caption: true, atom.Address: true, atom.Time: false,
}

// Class or id fragments of page furniture.
var dropClassWords = []string{
	"share", "social", "newsletter", "related", "cookie", "advert", "promo", "subscribe",
	"paywall", "comment", "breadcrumb", "byline", "caption", "credit", "footer", "sidebar",
	"nav", "menu", "outbrain", "taboola", "recommend", "read-also", "lire-aussi", "popup",
	"modal", "banner", "signup", "login", "abonn", "pub-", "ad-slot", "adslot", "sponsor",
}

// htmlBuilder accumulates visible text and its offset map.
type htmlBuilder struct {
	buf      []byte
	runs     []run
	blocks   []Block
	kinds    []Kind // kind of the current block, by nesting
	blkStart int
	space    bool // last emitted byte is a space (or nothing)
}

func (b *htmlBuilder) add(textPart string, srcStart, srcLen int) {
	if len(textPart) == 0 {
		return
	}
	t := len(b.buf)
	b.buf = append(b.buf, textPart...)
	if n := len(b.runs); n > 0 {
		last := &b.runs[n-1]
		if last.TL == last.SL && len(textPart) == srcLen && last.T+last.TL == t && last.S+last.SL == srcStart {
			last.TL += srcLen
			last.SL += srcLen
			return
		}
	}
	b.runs = append(b.runs, run{T: t, S: srcStart, TL: len(textPart), SL: srcLen})
}

// text appends the raw (escaped) text raw found at src offset off,
// decoding entities and collapsing white space.
func (b *htmlBuilder) text(raw []byte, off int) {
	i := 0
	for i < len(raw) {
		c := raw[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f':
			j := i + 1
			for j < len(raw) && (raw[j] == ' ' || raw[j] == '\t' || raw[j] == '\n' || raw[j] == '\r' || raw[j] == '\f') {
				j++
			}
			if !b.space {
				b.add(" ", off+i, j-i)
				b.space = true
			}
			i = j
		case c == '&':
			end := bytes.IndexByte(raw[i:min(len(raw), i+40)], ';')
			if end > 0 {
				ent := string(raw[i : i+end+1])
				dec := stdhtml.UnescapeString(ent)
				if dec != ent {
					if dec == "\u00a0" {
						dec = " "
					}
					if dec == " " {
						if !b.space {
							b.add(" ", off+i, end+1)
							b.space = true
						}
					} else {
						b.add(dec, off+i, end+1)
						b.space = false
					}
					i += end + 1
					continue
				}
			}
			b.add("&", off+i, 1)
			b.space = false
			i++
		default:
			j := i + 1
			for j < len(raw) && raw[j] != ' ' && raw[j] != '\t' && raw[j] != '\n' && raw[j] != '\r' && raw[j] != '\f' && raw[j] != '&' {
				j++
			}
			// U+00A0 inside text: keep as is (matchers treat it as space)
			b.add(string(raw[i:j]), off+i, j-i)
			b.space = false
			i = j
		}
	}
}

// endBlock closes the current block with the given kind.
func (b *htmlBuilder) endBlock(off int, kind Kind) {
	// trim trailing space
	end := len(b.buf)
	for end > b.blkStart && b.buf[end-1] == ' ' {
		end--
	}
	start := b.blkStart
	for start < end && b.buf[start] == ' ' {
		start++
	}
	if end > start {
		b.blocks = append(b.blocks, Block{Start: start, End: end, Kind: kind})
	}
	if len(b.buf) > 0 && b.buf[len(b.buf)-1] != '\n' {
		b.add("\n", off, 0)
	}
	b.blkStart = len(b.buf)
	b.space = true
}

func parseHTML(data []byte) *Doc {
	z := html.NewTokenizer(bytes.NewReader(data))
	z.SetMaxBuf(0)
	var b htmlBuilder
	b.space = true
	off := 0
	dropTag := atom.Atom(0)
	dropName := ""
	dropDepth := 0
	inTitle := false
	inH1 := false
	var titleCand, h1Cand string
	var hints []string
	kind := Body
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		tokOff := off
		off += len(raw)
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if dropDepth > 0 {
				if tt == html.StartTagToken && (a == dropTag && a != 0 || a == 0 && string(name) == dropName) {
					dropDepth++
				} else if tt == html.EndTagToken && (a == dropTag && a != 0 || a == 0 && string(name) == dropName) {
					dropDepth--
				}
				continue
			}
			if tt == html.EndTagToken {
				if blockElems[a] {
					k := kind
					if inTitle || inH1 {
						k = Title
					}
					b.endBlock(tokOff, k)
				}
				if a == atom.Title {
					inTitle = false
				}
				if a == atom.H1 {
					inH1 = false
				}
				continue
			}
			// start tag
			var attrs map[string]string
			if hasAttr {
				attrs = map[string]string{}
				for {
					k, v, more := z.TagAttr()
					attrs[string(k)] = string(v)
					if !more {
						break
					}
				}
			}
			if a == atom.Meta {
				p := strings.ToLower(attrs["property"] + attrs["name"] + attrs["itemprop"])
				if strings.Contains(p, "published") || p == "date" || p == "pubdate" || p == "dc.date" || strings.Contains(p, "datepublished") || p == "dcterms.created" {
					if c := attrs["content"]; c != "" {
						hints = append(hints, "published "+c)
					}
				}
				continue
			}
			if a == atom.Time && attrs["datetime"] != "" {
				hints = append(hints, "published "+attrs["datetime"])
			}
			selfClosing := tt == html.SelfClosingTagToken || a == atom.Br || a == atom.Img || a == atom.Hr || a == atom.Input || a == atom.Link || a == atom.Wbr || a == atom.Source
			if !selfClosing && (dropElems[a] || (a != atom.Body && a != atom.Html && a != atom.Article && a != atom.Main && dropByAttrs(attrs))) {
				dropTag, dropName, dropDepth = a, string(name), 1
				if a == atom.Script || a == atom.Style || a == atom.Textarea || a == atom.Title {
					// raw text elements: their end tag comes next
				}
				continue
			}
			if blockElems[a] {
				k := kind
				if inTitle || inH1 {
					k = Title
				}
				b.endBlock(tokOff, k)
			}
			if a == atom.Title {
				inTitle = true
			}
			if a == atom.H1 {
				inH1 = true
			}
		case html.TextToken:
			if dropDepth > 0 {
				continue
			}
			start := len(b.buf)
			b.text(raw, tokOff)
			if inTitle {
				titleCand += string(b.buf[start:])
			} else if inH1 {
				h1Cand += string(b.buf[start:])
			}
		}
	}
	b.endBlock(off, kind)
	d := &Doc{Text: string(b.buf), runs: b.runs, size: len(data), HTML: true, DateHints: hints}
	d.Blocks = b.blocks
	if d.runs == nil {
		d.runs = []run{}
	}
	t := strings.TrimSpace(h1Cand)
	if t == "" {
		t = strings.TrimSpace(titleCand)
	}
	d.Title = t
	// the <title> usually repeats the <h1> with the site name; keep one
	// title block (the h1 when there is one), demote the other to boiler.
	if h1 := strings.TrimSpace(h1Cand); h1 != "" {
		for i := range d.Blocks {
			if d.Blocks[i].Kind == Title && strings.TrimSpace(d.Text[d.Blocks[i].Start:d.Blocks[i].End]) != h1 &&
				strings.Contains(strings.TrimSpace(titleCand), d.Text[d.Blocks[i].Start:d.Blocks[i].End]) {
				d.Blocks[i].Kind = Boiler
			}
		}
	}
	classify(d)
	return d
}

func dropByAttrs(attrs map[string]string) bool {
	if len(attrs) == 0 {
		return false
	}
	if _, ok := attrs["hidden"]; ok {
		return true
	}
	if strings.EqualFold(attrs["aria-hidden"], "true") {
		return true
	}
	if r := strings.ToLower(attrs["role"]); r == "navigation" || r == "banner" || r == "contentinfo" || r == "complementary" || r == "dialog" {
		return true
	}
	if st := strings.ToLower(strings.ReplaceAll(attrs["style"], " ", "")); strings.Contains(st, "display:none") {
		return true
	}
	ci := strings.ToLower(attrs["class"] + " " + attrs["id"])
	if strings.TrimSpace(ci) == "" {
		return false
	}
	for _, w := range dropClassWords {
		if strings.Contains(ci, w) {
			// "article-body", "content" never match these words; avoid
			// dropping the article itself when a wrapper's class is
			// e.g. "article has-comments"
			if w == "comment" && strings.Contains(ci, "article") {
				continue
			}
			return true
		}
	}
	return false
}
