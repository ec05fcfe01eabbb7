package gen

import (
	"regexp"
	"strings"
	"unicode"
)

var months = map[string]string{"january": "01", "february": "02", "march": "03", "april": "04", "may": "05", "june": "06",
	"july": "07", "august": "08", "september": "09", "october": "10", "november": "11", "december": "12"}

var dateRE = regexp.MustCompile(`(?i)(\d{1,2})\s+(january|february|march|april|may|june|july|august|september|october|november|december),?\s+(\d{4})|(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{1,2}),\s+(\d{4})|(january|february|march|april|may|june|july|august|september|october|november|december)\s+(\d{4})|\b((?:19|20)\d{2})\b`)

// parseDate returns the first date of s as ISO (day, month or year precision).
func parseDate(s string) string {
	m := dateRE.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	pad := func(d string) string {
		if len(d) == 1 {
			return "0" + d
		}
		return d
	}
	switch {
	case m[1] != "":
		return m[3] + "-" + months[strings.ToLower(m[2])] + "-" + pad(m[1])
	case m[4] != "":
		return m[6] + "-" + months[strings.ToLower(m[4])] + "-" + pad(m[5])
	case m[7] != "":
		return m[8] + "-" + months[strings.ToLower(m[7])]
	default:
		return m[9]
	}
}

// titleVocab: words that belong to a title, not to a name.
var titleVocab = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`president vice prime minister premier chancellor federal king queen emperor
	empress emir amir sultan crown prince princess grand duke duchess supreme leader chairman chairwoman chair
	acting interim transitional caretaker co-prince coprince captain captains regent regents governor general
	governor-general chief executive state counsellor counselor head of the council sovereign military
	presidential president-elect sheikh shaykh sayyid his her majesty highness excellency first deputy
	secretary-general secretary provisional national revolutionary command presidency member members
	minister-president taoiseach union government transition junta committee salvation restoration
	democracy and for high representative lieutenant colonel gen. gen col. maj. major brig. brigadier
	general. lt. lt field marshal marshal admiral adm. dr. dr mr. mrs. ms. sir dame lord baron baroness
	pope holy father cardinal archbishop bishop monsignor msgr. mgr. reverend rev. fr. father the
	paramount commander-in-chief commander in chief defacto unelected self-declared
	swiss confederation ministers polynesia french republic islands commission air administrator overall
	taliban designate prime-minister-designate co-chiefs chiefs chief-of-state
	ayatollah hojatoleslam hojjat-ol-eslam islamic revolution vice-marshal air-marshal`) {
		titleVocab[w] = true
	}
}

// nameParts is a name split the CIA way: the surname is in capitals.
type nameParts struct {
	given   []string // given names as written, patronymics and initials removed
	surname []string // capitals part, title-cased
	after   []string // given names written after the surname (East Asian order)
	full    string   // the whole name, title-cased, patronymics kept
}

func isPatronymic(w string) bool {
	f := fold(w)
	for _, suf := range []string{"ovich", "evich", "ovna", "evna", "yevna", "ichna", "ovych", "ivna", "ovych", "yevych", "ievich", "ovitch"} {
		if strings.HasSuffix(f, suf) && len(f) > len(suf)+1 {
			return true
		}
	}
	return false
}

func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return len([]rune(w)) == 1 || (strings.Count(w, ".") >= 1 && len([]rune(strings.ReplaceAll(w, ".", ""))) <= 2)
}

var lowerParticles = map[string]bool{"da": true, "de": true, "do": true, "dos": true, "das": true, "von": true, "van": true,
	"der": true, "den": true, "bin": true, "ibn": true, "bint": true, "al": true, "y": true, "i": true, "e": true, "ter": true, "zu": true, "du": true, "del": true, "la": true, "le": true, "ould": true}

// splitCIAName splits "Vladimir Vladimirovich PUTIN", "XI Jinping",
// "Luiz Inacio LULA DA SILVA", "Joseph R. BIDEN Jr.".
func splitCIAName(raw string) (nameParts, bool) {
	toks := strings.Fields(raw)
	first, last := -1, -1
	for i, t := range toks {
		if capsTok(strings.Trim(t, ",.")) && (!isRoman(t) || i == 0) {
			if first < 0 {
				first = i
			}
			last = i
		} else if first >= 0 && isRoman(t) && i == last+1 {
			last = i
		}
	}
	if first < 0 {
		// no capitals (some recent Factbook texts): the last word is the surname
		var keep []string
		for _, t := range toks {
			if !titleVocab[strings.ToLower(t)] {
				keep = append(keep, t)
			}
		}
		if len(keep) < 2 || len(keep) > 5 {
			return nameParts{}, false
		}
		toks = keep
		k := len(toks) - 1
		if isRoman(toks[k]) && k > 0 {
			k--
		}
		toks[k] = strings.ToUpper(toks[k])
		first, last = k, len(toks)-1
	}
	var p nameParts
	var fullToks []string
	for i, t := range toks {
		t = strings.Trim(t, ",")
		switch {
		case i < first:
			fullToks = append(fullToks, t)
			if isPatronymic(t) || isInitial(t) {
				continue
			}
			if t == "oglu" || t == "ogly" || t == "kyzy" || t == "uulu" || t == "qizi" {
				if len(p.given) > 0 {
					p.given = p.given[:len(p.given)-1]
				}
				continue
			}
			p.given = append(p.given, t)
		case i <= last:
			w := titleWord(t)
			if lowerParticles[strings.ToLower(t)] && i > first {
				w = strings.ToLower(t)
			}
			if isRoman(t) && i > first {
				w = t // "CHARLES III"; a first "XI" is a surname
			}
			p.surname = append(p.surname, w)
			fullToks = append(fullToks, w)
		default:
			if t == "Jr." || t == "Sr." || t == "Jr" {
				continue
			}
			p.after = append(p.after, t)
			fullToks = append(fullToks, t)
		}
	}
	p.full = strings.Join(fullToks, " ")
	return p, true
}

func isRoman(t string) bool {
	t = strings.Trim(t, ",.")
	if t == "" {
		return false
	}
	for _, r := range t {
		if !strings.ContainsRune("IVX", r) {
			return false
		}
	}
	return len(t) <= 4
}

func (p nameParts) canonical() string {
	var parts []string
	parts = append(parts, p.given...)
	parts = append(parts, p.surname...)
	parts = append(parts, p.after...)
	return strings.Join(parts, " ")
}

// principal is the first office holder named in a CIA executive text.
type principal struct {
	title string
	raw   string // name as written
	since string
	parts nameParts
}

var sinceRE = regexp.MustCompile(`(?i)\(([^()]*?\bsince\b[^()]*)\)`)

// parsePrincipal reads "President Vladimir Vladimirovich PUTIN (since 7 May
// 2012); Vice President ..." and similar texts.
func parsePrincipal(text string) (principal, bool) {
	text = strings.ReplaceAll(text, "\u00a0", " ")
	low := strings.ToLower(strings.TrimSpace(text))
	if low == "" || strings.HasPrefix(low, "vacant") || strings.HasPrefix(low, "none") || strings.HasPrefix(low, "na") && len(low) < 4 {
		return principal{}, false
	}
	var p principal
	head := text
	if loc := sinceRE.FindStringSubmatchIndex(text); loc != nil {
		head = text[:loc[0]]
		p.since = parseDate(text[loc[2]:loc[3]])
		// the since clause must belong to the first person: no ';' before it
		if strings.Contains(head, ";") {
			head = head[:strings.Index(head, ";")]
			p.since = ""
		}
	} else if i := strings.IndexAny(text, ";"); i >= 0 {
		head = text[:i]
	}
	head = parenRE.ReplaceAllString(head, " ")
	head = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(head), ",:"))
	toks := strings.Fields(head)
	// the name: the first run of capitals, the given names before it and
	// the capitalized words after it.
	first := -1
	for i, t := range toks {
		tt := strings.Trim(t, ",.")
		if capsTok(tt) && !titleVocab[strings.ToLower(tt)] && tt != "UN" && tt != "EU" && tt != "CEO" {
			first = i
			break
		}
	}
	if first < 0 {
		// no capitals: "Prime Minister Manuel Osa Nsue Nsua"
		i := 0
		for i < len(toks) && titleVocab[strings.ToLower(strings.Trim(toks[i], ","))] {
			i++
		}
		rest := toks[i:]
		if len(rest) < 2 || len(rest) > 5 {
			return principal{}, false
		}
		for _, t := range rest {
			if !startsUpper(t) && !lowerParticles[t] {
				return principal{}, false
			}
		}
		p.title = strings.Join(toks[:i], " ")
		p.raw = strings.Join(rest, " ")
		parts, ok := splitCIAName(p.raw)
		if !ok {
			return principal{}, false
		}
		p.parts = parts
		return p, true
	}
	start := first
	for start > 0 {
		t := toks[start-1]
		lt := strings.ToLower(t)
		arabic := strings.HasPrefix(lt, "al-") || strings.HasPrefix(lt, "el-") || strings.HasPrefix(lt, "ad-") || strings.HasPrefix(lt, "as-") || strings.HasPrefix(lt, "ash-")
		if titleVocab[strings.ToLower(strings.Trim(t, ","))] || strings.HasSuffix(t, ",") || !startsUpper(t) && !lowerParticles[t] && !arabic || first-start >= 5 {
			break
		}
		if start >= 2 && (toks[start-2] == "of" || toks[start-2] == "the") {
			break // "President of the Government of Spain Pedro SANCHEZ": Spain is the title's
		}
		start--
	}
	end := first + 1
	for end < len(toks) {
		t := strings.Trim(toks[end], ",")
		if capsTok(t) || isRoman(t) || lowerParticles[strings.ToLower(t)] && end+1 < len(toks) && isCaps(strings.Trim(toks[end+1], ",")) {
			end++
			continue
		}
		if startsUpper(t) && !titleVocab[strings.ToLower(t)] && !strings.HasSuffix(toks[end-1], ",") {
			end++
			continue
		}
		if t == "Jr." || t == "Jr" {
			end++
			continue
		}
		break
	}
	// "of the Netherlands" etc. after a monarch's name is not part of it
	p.raw = strings.TrimRight(strings.Join(toks[start:end], " "), ",")
	p.title = strings.TrimSpace(strings.Join(toks[:start], " "))
	parts, ok := splitCIAName(p.raw)
	if !ok {
		return principal{}, false
	}
	p.parts = parts
	return p, true
}

func startsUpper(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

// phoenixName turns "VLADIMIR_VLADIMIROVICH_PUTIN_" into "Vladimir Vladimirovich Putin".
func phoenixName(s string) string {
	s = strings.Trim(s, "_ {}")
	var out []string
	for _, w := range strings.Split(s, "_") {
		if w == "" {
			continue
		}
		if isRoman(w) && len(out) > 0 {
			out = append(out, w)
			continue
		}
		if lowerParticles[strings.ToLower(w)] && len(out) > 0 {
			out = append(out, strings.ToLower(w))
			continue
		}
		out = append(out, titleWord(w))
	}
	return strings.Join(out, " ")
}

// capsTok: a word in capitals, or whose first hyphen part is ("SASSOU-Nguesso").
func capsTok(t string) bool {
	if isCaps(t) {
		return true
	}
	for _, part := range strings.Split(t, "-") {
		if isCaps(part) {
			return true
		}
	}
	return false
}

// brokenName: the annual Factbook archive replaced accented letters by
// spaces ("RODR GUEZ G mez"); such names are not used.
func brokenName(raw string) bool {
	for _, t := range strings.Fields(raw) {
		lt := strings.ToLower(t)
		if lowerParticles[lt] || strings.HasPrefix(lt, "al-") || strings.HasPrefix(lt, "el-") || strings.HasPrefix(lt, "ad-") || strings.HasPrefix(lt, "as-") || strings.HasPrefix(lt, "ash-") || lt == "bin" || lt == "ould" {
			continue
		}
		r := []rune(t)
		if unicode.IsLower(r[0]) || len(r) == 1 && t != "I" && t != "V" {
			return true
		}
	}
	return false
}
