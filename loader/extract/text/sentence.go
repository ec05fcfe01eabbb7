package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Abbreviations that a period does not end a sentence after (lower-cased,
// without the period). Single letters (initials) are handled apart.
var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "ste": true, "sr": true, "jr": true,
	"gen": true, "sen": true, "rep": true, "gov": true, "lt": true, "col": true, "capt": true, "cpt": true,
	"maj": true, "sgt": true, "adm": true, "prof": true, "pres": true, "hon": true, "rev": true, "fr": true,
	"vs": true, "etc": true, "inc": true, "ltd": true, "co": true, "corp": true, "dept": true, "univ": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mme": true, "mlle": true, "mm": true, "me": true, "mgr": true, "cf": true, "ex": true,
	"av": true, "apr.": true, "env": true, "vol": true, "p": true, "pp": true, "approx": true,
	"janv": true, "févr": true, "fév": true, "avr": true, "juil": true, "déc": true,
	"gén": true, "lieut": true, "sgd": true, "ste.": true, "est": false, "ft": true, "mt": true,
	"no": true, "nos": true, "art": true, "al": true, "e.g": true, "i.e": true,
}

// Words that start a sentence after an ambiguous period ("U.S.", "a.m.").
var sentenceStarters = map[string]bool{
	"the": true, "a": true, "an": true, "he": true, "she": true, "it": true, "they": true, "we": true,
	"i": true, "this": true, "that": true, "these": true, "those": true, "in": true, "on": true, "but": true,
	"and": true, "however": true, "meanwhile": true, "his": true, "her": true, "their": true, "its": true,
	"there": true, "after": true, "before": true, "when": true, "while": true, "as": true, "at": true,
	"le": true, "la": true, "les": true, "il": true, "elle": true, "ils": true, "elles": true, "un": true,
	"une": true, "des": true, "ce": true, "cette": true, "mais": true, "en": true, "dans": true, "depuis": true,
}

// Sentences splits s[start:end] into sentences (absolute offsets of s).
// It is linear in the length of the range.
func Sentences(s string, start, end int) []Span {
	var out []Span
	ss := start
	i := start
	for i < end {
		c := s[i]
		if c != '.' && c != '!' && c != '?' && !(c == 0xE2 && strings.HasPrefix(s[i:], "…")) {
			i++
			continue
		}
		// a run of terminal punctuation
		j := i
		for j < end {
			if s[j] == '.' || s[j] == '!' || s[j] == '?' {
				j++
				continue
			}
			if strings.HasPrefix(s[j:end], "…") {
				j += len("…")
				continue
			}
			break
		}
		// closing quotes and brackets
		for j < end {
			r, n := utf8.DecodeRuneInString(s[j:end])
			if r == '"' || r == '”' || r == '’' || r == '\'' || r == ')' || r == ']' || r == '»' {
				j += n
				continue
			}
			break
		}
		// must be followed by space, then a sentence start
		k := j
		for k < end {
			r, n := utf8.DecodeRuneInString(s[k:end])
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u00a0' {
				k += n
				continue
			}
			break
		}
		if k == j || k >= end {
			i = j
			if k >= end {
				break
			}
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[k:end])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune("\"“«'‘([—–-¿¡", next)) {
			i = j
			continue
		}
		if s[i] == '.' && j == i+1 && !boundaryAfterPeriod(s, start, i, k, end) {
			i = j
			continue
		}
		out = appendSpan(out, s, ss, j)
		ss = k
		i = k
	}
	out = appendSpan(out, s, ss, end)
	return out
}

func appendSpan(out []Span, s string, a, b int) []Span {
	for a < b && (s[a] == ' ' || s[a] == '\n' || s[a] == '\t' || s[a] == '\r') {
		a++
	}
	for b > a && (s[b-1] == ' ' || s[b-1] == '\n' || s[b-1] == '\t' || s[b-1] == '\r') {
		b--
	}
	if b > a {
		out = append(out, Span{a, b})
	}
	return out
}

// boundaryAfterPeriod decides for a single period at s[p] followed by
// white space and a capital/digit at s[next].
func boundaryAfterPeriod(s string, start, p, next, end int) bool {
	// the word before the period
	w := p
	for w > start {
		r, n := utf8.DecodeLastRuneInString(s[start:w])
		if unicode.IsLetter(r) || r == '.' || r == '-' {
			w -= n
			continue
		}
		break
	}
	word := s[w:p]
	if word == "" {
		return true
	}
	low := strings.ToLower(word)
	nextWord := wordAt(s, next, end)
	// "No. 1", "p. 12", "art. 5"
	if low == "no" || low == "p" || low == "pp" || low == "art" || low == "vol" || low == "nos" {
		r, _ := utf8.DecodeRuneInString(s[next:end])
		return !unicode.IsDigit(r)
	}
	if abbrev[low] {
		return false
	}
	// dotted acronyms "U.S.", "U.N.", "a.m.": a boundary only when the next
	// word usually starts a sentence
	if strings.Contains(word, ".") {
		return sentenceStarters[strings.ToLower(nextWord)]
	}
	// initials: "George W. Bush", "M. Poutine"
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(r) {
			return false
		}
	}
	// a number followed by a period then a capital: "in 2003. The" is a
	// boundary; keep it.
	return true
}

func wordAt(s string, i, end int) string {
	j := i
	for j < end {
		r, n := utf8.DecodeRuneInString(s[j:end])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return s[i:j]
}
