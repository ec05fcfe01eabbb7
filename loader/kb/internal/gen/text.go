package gen

import (
	"regexp"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold lower-cases s, strips accents and turns punctuation into spaces:
// the form used to compare names across sources.
func fold(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'ß':
			b.WriteString("ss")
		case r == 'ø' || r == 'Ø':
			b.WriteByte('o')
		case r == 'ł' || r == 'Ł':
			b.WriteByte('l')
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		case r == 'ı':
			b.WriteByte('i')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == 'ʻ' || r == '`' || r == 'ʼ':
			// apostrophes vanish: "Yel'tsin" = "Yeltsin"
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func foldTokens(s string) []string { return strings.Fields(fold(s)) }

// slug makes the part of a key after the kind prefix.
func slug(s string) string { return strings.ReplaceAll(fold(s), " ", "-") }

// isLatin reports whether every letter of s is Latin script.
func isLatin(s string) bool {
	has := false
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(unicode.Latin, r) {
				return false
			}
			has = true
		}
	}
	return has
}

var spaceRE = regexp.MustCompile(`\s+`)

func clean(s string) string {
	s = strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
	return strings.Trim(s, " ,;")
}

// uniqSorted returns the distinct non-empty strings of ss, sorted.
func uniqSorted(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		s = clean(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// genericWords are never names on their own.
var genericWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`president prime minister premier government republic kingdom
	state states federation union island islands the of and la le les de des du l united democratic
	people peoples people's federal islamic arab socialist commonwealth territory principality
	chancellor king queen leader minister ministry council assembly organization organisation
	nation nations national international group king emir sultan sheikh prince crown
	north south east west central new saint st city capital république royaume état états
	unis uni union`) {
		genericWords[w] = true
	}
}

// knownShort are short forms (under 3 characters) allowed as names.
var knownShort = map[string]bool{"U.S.": true, "U.K.": true, "U.N.": true, "E.U.": true, "US": true, "UK": true, "UN": true, "EU": true, "AU": true, "UE": true, "UA": true, "G7": true, "G8": true, "Xi": true, "Hu": true, "Li": true}

// okAlias filters surface forms an extractor will look for in text.
func okAlias(s string) bool {
	s = clean(s)
	if s == "" || !isLatin(s) {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters++
		}
	}
	if letters < 3 && !knownShort[s] {
		return false
	}
	f := fold(s)
	if f == "" || genericWords[f] || genericPhrases[f] {
		return false
	}
	return true
}

var genericPhrases = map[string]bool{"the government": true, "the president": true, "prime minister": true, "head of state": true,
	"head of government": true, "foreign minister": true, "the republic": true, "the kingdom": true, "the state": true, "the union": true}

func titleWord(w string) string {
	// "YEL'TSIN" -> "Yel'tsin", "KELLER-SUTTER" -> "Keller-Sutter", "MCCAIN" -> "McCain"?
	rs := []rune(strings.ToLower(w))
	up := true
	for i, r := range rs {
		if up && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
			up = false
		}
		if r == '-' || r == ' ' {
			up = true
		}
	}
	return string(rs)
}

// isCaps: an all-capitals word of 2+ letters ("PUTIN", "YEL'TSIN", "AL-SISI").
func isCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}
