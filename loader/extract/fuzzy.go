package extract

import (
	"strings"

	"github.com/eventgraph/eventgraph/loader/kb"
)

// fuzzyIndex finds person names written with one small difference from a
// KB form: a transliteration variant ("Nabioullina" for "Nabiullina",
// "Luis" for "Luiz") or a word glued to the last name by a lost space
// ("von der Leyenthe").
type fuzzyIndex struct {
	byFirst map[string][]fuzzyForm
	byLast  map[string][]fuzzyForm
	// bySkel: names by folded spelling, for transliterations that
	// differ in more than one word ("Hafez al-Assad", "Hafiz Al-Asad");
	// -1 when two people share a skeleton
	bySkel map[string]int32
}

// skelDigraphs: spellings of one sound across English and French
// transliterations ("Pashinyan", "Pachinian"; "Kadhimi", "Kazimi";
// "Tsakhiagiin", "Tsahiagiyn"; "Georgi", "Gueorgui"; "Djibo", "Jibo").
var skelDigraphs = strings.NewReplacer("sch", "x", "sh", "x", "ch", "x", "kh", "h", "dh", "z", "gue", "ge", "gui", "gi", "dj", "j", "ph", "f")

// skeleton folds a name's spelling: digraphs of one sound, vowels by
// class (e/i/y, o/u), no doubled letters, no Arabic article ("Hafez
// al-Assad" and "Hafiz Al-Asad" -> "hafiz asad").
func skeleton(words []string) string {
	var b strings.Builder
	n := 0
	for _, w := range words {
		if w == "al" || w == "el" || w == "ul" || w == "ad" || w == "as" || w == "ash" || w == "an" {
			continue
		}
		for _, art := range []string{"al-", "el-", "ul-"} {
			if len(w) > len(art)+2 && strings.HasPrefix(w, art) {
				w = w[len(art):] // "al-kadhimi"
			}
		}
		w = skelDigraphs.Replace(w)
		if n > 0 {
			b.WriteByte(' ')
		}
		n++
		var last byte
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch c {
			case 'e', 'i', 'y':
				c = 'i' // "Hafez", "Hafiz"
			case 'o', 'u':
				c = 'u' // "Mohamed", "Muhamed"
			case '\'', '-':
				continue
			}
			if c == last {
				continue // "Assad", "Asad"
			}
			b.WriteByte(c)
			last = c
		}
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

type fuzzyForm struct {
	entry int32
	words []string
}

func newFuzzyIndex(m *matcher) *fuzzyIndex {
	fx := &fuzzyIndex{byFirst: map[string][]fuzzyForm{}, byLast: map[string][]fuzzyForm{}, bySkel: map[string]int32{}}
	seen := map[string]bool{}
	for i, e := range m.entries {
		if e.Kind != kb.KindPerson {
			continue
		}
		forms := []string{e.Name}
		for _, l := range sortedKeys(e.Names) {
			forms = append(forms, e.Names[l]...)
		}
		for _, f := range forms {
			w := strings.Fields(Fold(f))
			if len(w) < 2 {
				continue
			}
			k := e.Key + "|" + strings.Join(w, " ")
			if seen[k] {
				continue
			}
			seen[k] = true
			if sk := skeleton(w); len(sk) >= 6 {
				if prev, ok := fx.bySkel[sk]; ok && prev >= 0 && prev != int32(i) && m.entries[prev].Key != e.Key {
					fx.bySkel[sk] = -1
				} else if !ok {
					fx.bySkel[sk] = int32(i)
				}
			}
			ff := fuzzyForm{entry: int32(i), words: w}
			fx.byFirst[w[0]] = append(fx.byFirst[w[0]], ff)
			fx.byLast[w[len(w)-1]] = append(fx.byLast[w[len(w)-1]], ff)
		}
	}
	return fx
}

// Short words that a lost space may glue to a name.
var glueWords = map[string]bool{"the": true, "and": true, "of": true, "in": true, "le": true, "la": true, "les": true, "et": true, "de": true, "a": true, "s": true}

// find looks for a variant of a KB person name among the words of toks[k:j].
func (fx *fuzzyIndex) find(a *article, k, j int) (mention, bool) {
	var idx []int
	for q := k; q < j; q++ {
		if a.toks[q].kind == tkWord {
			idx = append(idx, q)
		}
	}
	if len(idx) < 2 {
		return mention{}, false
	}
	try := func(ff fuzzyForm, p int) (mention, bool) {
		n := len(ff.words)
		if p < 0 || p+n > len(idx) {
			return mention{}, false
		}
		miss := 0
		for w := 0; w < n; w++ {
			got := a.toks[idx[p+w]].norm
			want := ff.words[w]
			if got == want {
				continue
			}
			miss++
			if miss > 1 {
				return mention{}, false
			}
			if len(want) >= 4 && editOne(got, want) {
				continue
			}
			if w == n-1 && strings.HasPrefix(got, want) && glueWords[got[len(want):]] {
				continue
			}
			return mention{}, false
		}
		if miss != 1 {
			return mention{}, false
		}
		e := a.x.m.entries[ff.entry]
		t0, t1 := idx[p], idx[p+n-1]+1
		m := a.mk(t0, t1, e, hFuzzy)
		// a glued word is not part of the name
		last := &a.toks[t1-1]
		if got, want := last.norm, ff.words[n-1]; got != want && strings.HasPrefix(got, want) {
			m.e = int(last.s) + len(want)
			if m.e > int(last.e) {
				m.e = int(last.e)
			}
		}
		a.named[e.Key]++
		return m, true
	}
	for p := range idx {
		for _, ff := range fx.byFirst[a.toks[idx[p]].norm] {
			if m, ok := try(ff, p); ok {
				return m, true
			}
		}
		for _, ff := range fx.byLast[a.toks[idx[p]].norm] {
			if m, ok := try(ff, p-len(ff.words)+1); ok {
				return m, true
			}
		}
	}
	for p := range idx {
		// a transliteration with several differences: the same consonants
		for n := 4; n >= 2; n-- {
			if p+n > len(idx) {
				continue
			}
			var ws []string
			for q := p; q < p+n; q++ {
				ws = append(ws, a.toks[idx[q]].norm)
			}
			if !a.toks[idx[p]].cap || !a.toks[idx[p+n-1]].cap {
				continue
			}
			if ei, ok := fx.bySkel[skeleton(ws)]; ok && ei >= 0 && len(skeleton(ws)) >= 6 {
				e := a.x.m.entries[ei]
				m := a.mk(idx[p], idx[p+n-1]+1, e, hFuzzy)
				a.named[e.Key]++
				return m, true
			}
		}
	}
	return mention{}, false
}

// editOne reports whether a and b differ by exactly one edit (substitution,
// insertion or deletion of one byte).
func editOne(a, b string) bool {
	if a == b {
		return false
	}
	la, lb := len(a), len(b)
	if la-lb > 1 || lb-la > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		return a[i+1:] == b[i+1:]
	case la < lb:
		return a[i:] == b[i+1:]
	default:
		return a[i+1:] == b[i:]
	}
}
