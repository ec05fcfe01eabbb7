package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

var enStop = map[string]bool{
	"the": true, "and": true, "of": true, "to": true, "in": true, "is": true, "that": true, "with": true,
	"for": true, "was": true, "on": true, "he": true, "it": true, "said": true, "his": true, "by": true,
	"as": true, "at": true, "from": true, "has": true, "have": true, "are": true, "were": true, "which": true,
	"this": true, "will": true, "be": true, "an": true, "their": true, "they": true, "after": true, "who": true,
}

var frStop = map[string]bool{
	"le": true, "la": true, "les": true, "de": true, "des": true, "du": true, "et": true, "est": true,
	"un": true, "une": true, "en": true, "que": true, "qui": true, "dans": true, "pour": true, "pas": true,
	"sur": true, "au": true, "aux": true, "avec": true, "il": true, "elle": true, "ont": true, "été": true,
	"ce": true, "cette": true, "son": true, "sa": true, "ses": true, "lui": true, "mais": true, "selon": true,
	"avait": true, "sont": true, "par": true, "se": true, "ne": true, "leur": true, "d": true, "l": true,
}

// DetectLanguage returns "fr" or "en" (the default) by counting stop
// words in the first 64 KiB of s.
func DetectLanguage(s string) string {
	if len(s) > 64<<10 {
		s = s[:64<<10]
	}
	en, fr := 0, 0
	i := 0
	var buf [16]byte
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsLetter(r) {
				break
			}
			j += n
		}
		w := s[i:j]
		if len(w) <= len(buf) {
			lw := strings.ToLower(w)
			if enStop[lw] {
				en++
			}
			if frStop[lw] {
				fr++
			}
		}
		i = j
	}
	if fr > en {
		return "fr"
	}
	return "en"
}
