package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/loader/kb"
)

// Form kinds: how a surface form names its entry.
type formKind uint8

const (
	fkName    formKind = iota // full name, acronym, short form
	fkSurname                 // person surname used alone
	fkDemonym                 // country demonym ("Chinese", "chinois")
	fkMetonym                 // seat of power for the government ("the Kremlin")
	fkBlock                   // a phrase that is no entity ("South America")
)

// payload is one entry a form names.
type payload struct {
	entry int32 // index in matcher.entries; -1 for blocks
	fk    formKind
	ntok  uint8
	caps  uint32   // bit i: word i of the form starts with a capital and so must the text's
	exact []string // short forms (fewer than 4 letters): the words, case-sensitive
}

type node struct {
	next map[string]int32
	pay  []payload
}

// matcher is a token trie over the folded word forms of the KB.
type matcher struct {
	nodes   []node
	entries []*kb.Entry
	index   map[string]int32 // entry key -> index
}

// Phrases that contain a country name or demonym but name no actor.
var blockPhrases = []string{
	"South America", "North America", "Latin America", "Central America", "South American", "North American",
	"Latin American", "Central American", "Latin Americans", "South Americans", "Inter-American", "Pan-American",
	"Amérique latine", "Amérique du Sud", "Amérique du Nord", "Amérique centrale", "latino-américain",
	"latino-américaine", "latino-américains", "latino-américaines", "sud-américain", "sud-américaine",
	"sud-américains", "sud-américaines", "nord-américain", "nord-américaine", "nord-américains", "nord-américaines",
	"Indian Ocean", "océan Indien", "New Mexico", "New Jersey", "New Guinea", "Gulf of Mexico", "golfe du Mexique",
	"American Samoa", "Guinea pig", "Turkey vulture", "Jordan River", "Korean Peninsula", "péninsule coréenne",
	"Arab world", "monde arabe", "French Guiana", "Guyane française", "English Channel", "Red Sea", "mer Rouge",
	"Washington Post", "New York Times", "Wall Street Journal", "China Daily", "Russia Today", "Voice of America",
	"China Sea", "mer de Chine", "Korea Herald", "Korea Times", "Japan Times", "Hindustan Times", "Times of India",
	"Le Monde", "Jordanian dinar", "Georgia Tech", "Lake Chad", "lac Tchad", "S America", "S. America", "N America",
	"N. America", "South Americas", "Americas", "the Americas", "Sud-Américains", "Latino-Américains",
}

func newMatcher(k *kb.KB) *matcher {
	m := &matcher{nodes: []node{{}}, index: map[string]int32{}}
	k.Entries(func(e *kb.Entry) {
		idx := int32(len(m.entries))
		m.entries = append(m.entries, e)
		m.index[e.Key] = idx
		seen := map[string]bool{}
		add := func(form string, fk formKind) {
			form = strings.TrimSpace(form)
			if form == "" {
				return
			}
			sk := string(rune('0'+fk)) + form
			if seen[sk] {
				return
			}
			seen[sk] = true
			m.add(form, payload{entry: idx, fk: fk})
		}
		// a one-word "full name" of a person who also has longer names
		// is a first name or a surname the datasets mistook for a name
		// ("Sharif" for Sharif Sheikh Ahmed): it names nobody alone
		loneWord := func(f string) bool {
			if e.Kind != kb.KindPerson || strings.Contains(strings.TrimSpace(f), " ") {
				return false
			}
			for _, ns := range e.Names {
				for _, n := range ns {
					if strings.Contains(strings.TrimSpace(n), " ") {
						return true
					}
				}
			}
			return false
		}
		if !loneWord(e.Name) {
			add(e.Name, fkName)
		}
		if e.Acronym != "" {
			add(e.Acronym, fkName)
		}
		for _, lang := range sortedKeys(e.Names) {
			for _, f := range e.Names[lang] {
				if !loneWord(f) {
					add(f, fkName)
				}
				// "Tamim ben Hamad Al Thani": French writes ben for bin
				if e.Kind == kb.KindPerson && strings.Contains(f, " bin ") {
					add(strings.ReplaceAll(f, " bin ", " ben "), fkName)
				}
				// "au Caire", "du Caire": French contracts the article of
				// "Le Caire"
				if rest, ok := strings.CutPrefix(f, "Le "); ok && lang == "fr" && e.Kind == kb.KindPlace && len(rest) >= 4 {
					add(rest, fkName)
				}
			}
		}
		for _, f := range e.Surnames {
			add(f, fkSurname)
		}
		for _, lang := range sortedKeys(e.Demonyms) {
			for _, f := range e.Demonyms[lang] {
				add(f, fkDemonym)
			}
		}
		for _, lang := range sortedKeys(e.Metonyms) {
			for _, f := range e.Metonyms[lang] {
				add(f, fkMetonym)
			}
		}
	})
	for _, f := range blockPhrases {
		m.add(f, payload{entry: -1, fk: fkBlock})
	}
	return m
}

func sortedKeys(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// add inserts a form. Its words are those of the tokenizer; punctuation is
// dropped (the scan skips joiners: . - ').
func (m *matcher) add(form string, p payload) {
	toks := tokenize(form, 0, len(form), nil)
	var words []token
	for _, t := range toks {
		if t.kind != tkPunct {
			words = append(words, t)
		}
	}
	if len(words) == 0 || len(words) > 32 {
		return
	}
	letters := 0
	for _, r := range form {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			letters++
		}
	}
	p.ntok = uint8(len(words))
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(form[w.s:w.e])
		if unicode.IsUpper(r) || unicode.IsDigit(r) && i == 0 && p.fk == fkName {
			p.caps |= 1 << uint(i)
		}
	}
	// a lower-case single word (French demonyms) matches any case; a
	// capitalised one needs a capital in the text.
	if letters < 4 {
		p.exact = make([]string, len(words))
		for i, w := range words {
			p.exact[i] = form[w.s:w.e]
		}
	}
	n := int32(0)
	for _, w := range words {
		nd := &m.nodes[n]
		if nd.next == nil {
			nd.next = map[string]int32{}
		}
		c, ok := nd.next[w.norm]
		if !ok {
			c = int32(len(m.nodes))
			m.nodes = append(m.nodes, node{})
			m.nodes[n].next[w.norm] = c
		}
		n = c
	}
	for _, q := range m.nodes[n].pay {
		if q.entry == p.entry && q.fk == p.fk && q.caps == p.caps && strings.Join(q.exact, " ") == strings.Join(p.exact, " ") {
			return
		}
	}
	m.nodes[n].pay = append(m.nodes[n].pay, p)
}

// rawMatch is a matched form: tokens [t0, t1) and the payloads valid there.
type rawMatch struct {
	t0, t1 int
	pays   []payload
}

func isJoiner(t *token) bool { return t.kind == tkPunct && (t.p == '.' || t.p == '-' || t.p == '\'') }

// scan finds the longest valid match at each word token, left to right,
// without overlaps, and appends them to out.
func (m *matcher) scan(text string, toks []token, out []rawMatch) []rawMatch {
	var words [32]int
	i := 0
	for i < len(toks) {
		if toks[i].kind == tkPunct {
			i++
			continue
		}
		n := int32(0)
		k := i
		nw := 0
		bestEnd := -1
		var best []payload
		for k < len(toks) && nw < 32 {
			t := &toks[k]
			if t.kind == tkPunct {
				if nw > 0 && isJoiner(t) && k+1 < len(toks) && toks[k+1].kind != tkPunct {
					k++
					continue
				}
				break
			}
			c, ok := m.nodes[n].next[t.norm]
			if !ok {
				break
			}
			n = c
			words[nw] = k
			nw++
			k++
			if pays := m.nodes[n].pay; len(pays) > 0 {
				var valid []payload
				for _, p := range pays {
					if m.valid(text, toks, words[:nw], p) {
						valid = append(valid, p)
					}
				}
				if len(valid) > 0 {
					bestEnd = k
					best = valid
				}
			}
		}
		if bestEnd > 0 {
			// a trailing joiner ("U.S.") belongs to the match
			end := bestEnd
			if end < len(toks) && toks[end].kind == tkPunct && toks[end].p == '.' && !toks[end].space && end-1 >= i && len(toks[end-1].norm) == 1 {
				end++
			}
			out = append(out, rawMatch{t0: i, t1: end, pays: best})
			i = bestEnd
			continue
		}
		i++
	}
	return out
}

func (m *matcher) valid(text string, toks []token, words []int, p payload) bool {
	if int(p.ntok) != len(words) {
		return false
	}
	if p.exact != nil {
		for i, w := range words {
			if text[toks[w].s:toks[w].e] != p.exact[i] {
				return false
			}
		}
		return true
	}
	for i, w := range words {
		if p.caps&(1<<uint(i)) != 0 && !toks[w].cap && !toks[w].upper {
			return false
		}
	}
	return true
}
