package text

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Errors that Check returns, wrapped with details; test with errors.Is.
var (
	ErrBinary   = errors.New("binary data, not text")
	ErrEncoding = errors.New("not valid UTF-8")
	ErrTooLarge = errors.New("input too large")
	ErrEmpty    = errors.New("no text")
)

// Kind classifies a block of text.
type Kind uint8

const (
	// Body is article prose: actors and events are extracted from it.
	Body Kind = iota
	// Title is a headline (the first line of a plain-text article, HTML
	// <title> or <h1>): actors are extracted, events are not.
	Title
	// Heading is a short line without final punctuation inside the body
	// (cross-heads, pull-quote attributions): actors only.
	Heading
	// Related is a teaser of another article (after "Similar news",
	// "Read also", "PREV"/"NEXT"): actors only, never events.
	Related
	// Boiler is page furniture (subscription prompts, share buttons,
	// cookie notices, credits, copyright, bylines): ignored.
	Boiler
)

func (k Kind) String() string {
	switch k {
	case Body:
		return "body"
	case Title:
		return "title"
	case Heading:
		return "heading"
	case Related:
		return "related"
	case Boiler:
		return "boiler"
	}
	return "?"
}

// Block is a paragraph (or line) of Doc.Text, [Start, End).
type Block struct {
	Start, End int
	Kind       Kind
}

// Span is a range of Doc.Text, [Start, End).
type Span struct{ Start, End int }

// run maps Text[T:T+TL] to input[S:S+SL]. Identity runs have TL == SL and
// map byte for byte; others (decoded entities, collapsed spaces) map every
// byte of their text to the whole source range.
type run struct{ T, S, TL, SL int }

// Doc is the visible text of one input.
type Doc struct {
	Text   string
	Blocks []Block
	// Title is the best headline candidate ("" when none).
	Title string
	// DateHints are lines that state the publication date ("Published on
	// May 16, 2024", "Updated: 2004-05-24", <meta article:published_time>),
	// in document order; the caller resolves them.
	DateHints []string
	// HTML reports whether the input was parsed as HTML.
	HTML bool
	runs []run // nil: Text is the input itself
	size int   // input length
}

// Src maps a byte offset of Text to a byte offset of the input (for a start).
func (d *Doc) Src(t int) int {
	if d.runs == nil {
		return clamp(t, 0, d.size)
	}
	if t >= len(d.Text) {
		return d.size
	}
	i := sort.Search(len(d.runs), func(i int) bool { return d.runs[i].T+d.runs[i].TL > t })
	if i >= len(d.runs) {
		return d.size
	}
	r := d.runs[i]
	if t < r.T {
		return r.S
	}
	if r.TL == r.SL {
		return r.S + (t - r.T)
	}
	return r.S
}

// SrcEnd maps an exclusive end offset of Text to the input.
func (d *Doc) SrcEnd(t int) int {
	if d.runs == nil {
		return clamp(t, 0, d.size)
	}
	if t <= 0 {
		return d.Src(0)
	}
	i := sort.Search(len(d.runs), func(i int) bool { return d.runs[i].T+d.runs[i].TL > t-1 })
	if i >= len(d.runs) {
		return d.size
	}
	r := d.runs[i]
	if t-1 < r.T {
		return r.S
	}
	if r.TL == r.SL {
		return r.S + (t - r.T)
	}
	return r.S + r.SL
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

// Check reports whether data can be read as text: not larger than max
// bytes (0: no limit), no NUL bytes nor a high share of control
// characters, valid UTF-8.
func Check(data []byte, max int) error {
	if max > 0 && len(data) > max {
		return fmt.Errorf("%w: %d bytes, the limit is %d (raise Options.MaxBytes to read it)", ErrTooLarge, len(data), max)
	}
	if len(data) >= 2 && (data[0] == 0xFF && data[1] == 0xFE || data[0] == 0xFE && data[1] == 0xFF) {
		return fmt.Errorf("%w: UTF-16 byte-order mark; convert the file to UTF-8", ErrEncoding)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	sample := data
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	ctrl := 0
	for _, c := range sample {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' {
			ctrl++
		}
	}
	if len(sample) > 0 && ctrl*20 > len(sample) {
		return fmt.Errorf("%w: %d control characters in the first %d bytes", ErrBinary, ctrl, len(sample))
	}
	if !utf8.Valid(data) {
		off := firstInvalid(data)
		return fmt.Errorf("%w: invalid byte sequence at offset %d (re-encode the file as UTF-8)", ErrEncoding, off)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	return nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// LooksLikeHTML sniffs HTML from the path's extension or the first bytes.
func LooksLikeHTML(path string, data []byte) bool {
	p := strings.ToLower(path)
	if strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm") || strings.HasSuffix(p, ".xhtml") {
		return true
	}
	if strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".md") {
		return false
	}
	head := data
	if len(head) > 4096 {
		head = head[:4096]
	}
	head = bytes.TrimLeft(head, " \t\r\n\ufeff")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	l := bytes.ToLower(head)
	for _, m := range []string{"<!doctype html", "<html", "<head", "<body", "<p>", "<p ", "<div", "<article", "<meta", "<title"} {
		if bytes.Contains(l, []byte(m)) {
			return true
		}
	}
	return false
}

// Parse returns the visible text of data, as HTML when html is true.
// Call Check first.
func Parse(data []byte, html bool) *Doc {
	if html {
		return parseHTML(data)
	}
	return parsePlain(data)
}

func parsePlain(data []byte) *Doc {
	d := &Doc{Text: string(data), size: len(data)}
	start := 0
	if strings.HasPrefix(d.Text, "\ufeff") {
		start = 3
	}
	d.Blocks = lineBlocks(d.Text, start, len(d.Text))
	classify(d)
	return d
}

// lineBlocks splits text[start:end] into blocks: one per line, except that
// a long line not ending a sentence continues into a next line that starts
// in lower case (hard-wrapped prose).
func lineBlocks(s string, start, end int) []Block {
	var out []Block
	i := start
	cur := Block{Start: -1}
	for i < end {
		j := strings.IndexByte(s[i:end], '\n')
		var ls, le, next int
		if j < 0 {
			ls, le, next = i, end, end
		} else {
			ls, le, next = i, i+j, i+j+1
		}
		// trim
		for ls < le && isSpaceByte(s[ls]) {
			ls++
		}
		for le > ls && isSpaceByte(s[le-1]) {
			le--
		}
		if ls == le {
			if cur.Start >= 0 {
				out = append(out, cur)
				cur.Start = -1
			}
			i = next
			continue
		}
		if cur.Start >= 0 && continues(s[cur.Start:cur.End], s[ls:le]) {
			cur.End = le
		} else {
			if cur.Start >= 0 {
				out = append(out, cur)
			}
			cur = Block{Start: ls, End: le}
		}
		i = next
	}
	if cur.Start >= 0 {
		out = append(out, cur)
	}
	return out
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

// continues reports whether line b continues the hard-wrapped line a.
func continues(a, b string) bool {
	if len(a) < 50 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(a)
	if strings.ContainsRune(".!?:;\"”»)…", r) {
		return false
	}
	f, _ := utf8.DecodeRuneInString(b)
	return isLower(f)
}
