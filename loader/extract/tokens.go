package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Token kinds.
const (
	tkWord uint8 = 1 + iota
	tkNum
	tkPunct
)

// token is a word, a number or one punctuation character of the text.
type token struct {
	s, e  int32  // byte offsets in the document text
	norm  string // folded form: lower case, no accents (words, numbers); the character (punct)
	kind  uint8
	cap   bool // first letter upper case
	upper bool // all letters upper case (two letters or more)
	p     byte // normalized punctuation: '\'' for apostrophes, '-' for dashes/hyphens, '"' for quotes
	space bool // white space precedes the token
}

var (
	foldOnce  sync.Once
	foldTable map[rune]string
)

// fold maps a rune to its lower-case, accent-free form.
func foldRune(r rune) string {
	foldOnce.Do(buildFold)
	if s, ok := foldTable[r]; ok {
		return s
	}
	return string(unicode.ToLower(r))
}

func buildFold() {
	foldTable = map[rune]string{}
	special := map[rune]string{'ø': "o", 'Ø': "o", 'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe",
		'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d", 'ı': "i", 'ð': "d", 'Ð': "d", 'þ': "th", 'Þ': "th", 'ħ': "h"}
	for r := rune(0x80); r < 0x2500; r++ {
		if s, ok := special[r]; ok {
			foldTable[r] = s
			continue
		}
		if !unicode.IsLetter(r) {
			continue
		}
		d := norm.NFD.String(string(r))
		var b strings.Builder
		for _, c := range d {
			if unicode.Is(unicode.Mn, c) {
				continue
			}
			b.WriteRune(unicode.ToLower(c))
		}
		f := b.String()
		if f == "" {
			f = string(unicode.ToLower(r))
		}
		foldTable[r] = f
	}
}

// Fold returns s lower-cased, without accents, with runs of anything but
// letters and digits replaced by one space (the key used to compare names).
func Fold(s string) string {
	var b strings.Builder
	sp := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if sp && b.Len() > 0 {
				b.WriteByte(' ')
			}
			sp = false
			if r < 0x80 {
				b.WriteByte(byte(unicode.ToLower(r)))
			} else {
				b.WriteString(foldRune(r))
			}
			continue
		}
		sp = true
	}
	return b.String()
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '‘' || r == '`' }
func isDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '‐' || r == '‑' || r == '−'
}
func isQuote(r rune) bool {
	return r == '"' || r == '“' || r == '”' || r == '«' || r == '»' || r == '„'
}

// tokenize appends the tokens of text[start:end] to out.
func tokenize(text string, start, end int, out []token) []token {
	i := start
	space := true
	var buf []byte
	for i < end {
		c := text[i]
		if c < 0x80 {
			switch {
			case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
				space = true
				i++
				continue
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
				// word or number below
			default:
				t := token{s: int32(i), e: int32(i + 1), kind: tkPunct, norm: punctNorm[c], space: space}
				switch c {
				case '\'', '`':
					t.p = '\''
				case '-':
					t.p = '-'
				case '"':
					t.p = '"'
				default:
					t.p = c
				}
				out = append(out, t)
				space = false
				i++
				continue
			}
		} else {
			r, n := utf8.DecodeRuneInString(text[i:end])
			if r == '\u00a0' || r == '\u202f' || r == '\u2009' || unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b' {
				space = true
				i += n
				continue
			}
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r) {
				t := token{s: int32(i), e: int32(i + n), kind: tkPunct, norm: string(r), space: space}
				switch {
				case isApos(r):
					t.p = '\''
				case isDash(r):
					t.p = '-'
				case isQuote(r):
					t.p = '"'
				case r == '…':
					t.p = '.'
				default:
					t.p = '?'
				}
				out = append(out, t)
				space = false
				i += n
				continue
			}
		}
		// a word: letters, digits and combining marks
		j := i
		ascii := true
		allDigit := true
		nUpper, nLetter := 0, 0
		first := true
		capFirst := false
		for j < end {
			c := text[j]
			if c < 0x80 {
				if c >= 'a' && c <= 'z' {
					allDigit = false
					nLetter++
					if first {
						first = false
					}
					j++
					continue
				}
				if c >= 'A' && c <= 'Z' {
					allDigit = false
					nLetter++
					nUpper++
					if first {
						capFirst = true
						first = false
					}
					j++
					continue
				}
				if c >= '0' && c <= '9' {
					j++
					first = false
					continue
				}
				break
			}
			r, n := utf8.DecodeRuneInString(text[j:end])
			if unicode.IsLetter(r) {
				ascii = false
				allDigit = false
				nLetter++
				if unicode.IsUpper(r) {
					nUpper++
					if first {
						capFirst = true
					}
				}
				first = false
				j += n
				continue
			}
			if unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
				ascii = false
				j += n
				continue
			}
			break
		}
		w := text[i:j]
		var nm string
		if ascii {
			if nUpper == 0 {
				nm = w
			} else {
				buf = append(buf[:0], w...)
				for k := range buf {
					if buf[k] >= 'A' && buf[k] <= 'Z' {
						buf[k] += 'a' - 'A'
					}
				}
				nm = string(buf)
			}
		} else {
			buf = buf[:0]
			for _, r := range w {
				if r < 0x80 {
					buf = append(buf, byte(unicode.ToLower(r)))
				} else if unicode.Is(unicode.Mn, r) {
					continue
				} else {
					buf = append(buf, foldRune(r)...)
				}
			}
			nm = string(buf)
		}
		t := token{s: int32(i), e: int32(j), norm: nm, kind: tkWord, cap: capFirst, upper: nUpper >= 2 && nUpper == nLetter, space: space}
		if allDigit {
			t.kind = tkNum
		}
		out = append(out, t)
		space = false
		i = j
	}
	return out
}

var punctNorm [128]string

func init() {
	for c := 0; c < 128; c++ {
		punctNorm[c] = string(rune(c))
	}
}
