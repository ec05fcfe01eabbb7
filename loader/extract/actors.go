package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/extract/text"
	"github.com/eventgraph/eventgraph/loader/kb"
)

// How a mention names its actor.
type howKind uint8

const (
	hName       howKind = iota // full name, acronym
	hSurname                   // surname of a person named in full (or titled)
	hDemonym                   // "Chinese", "chinois"
	hMetonym                   // "the Kremlin", "Beijing said"
	hTitle                     // "the Chinese president", "le Premier ministre indien"
	hUnresolved                // "Prime Minister Jane Doe" (not in the KB)
	hFuzzy                     // a spelling variant of a full name
)

// mention is an actor (or place) span of the text.
type mention struct {
	t0, t1   int // tokens
	s, e     int // text offsets
	kind     string
	key      string
	how      howKind
	entity   bool   // reported as an entity mention
	locative bool   // after a locative preposition ("in Beijing")
	place    string // for locative metonyms: the place key (capital)
	role     string // title mentions: the role
	group    int    // mentions of one plural title share a group (>0)
	name     string // unresolved persons: the full name
	country  string // unresolved persons: ISO3 of the title's country
	seat     bool   // metonyms: a seat of power ("the White House"), not a city
}

type personInfo struct {
	key, name, country string
}

var locPreps = map[string]bool{
	"in": true, "at": true, "to": true, "from": true, "near": true, "into": true, "outside": true,
	"inside": true, "toward": true, "towards": true, "via": true, "across": true, "around": true,
	"en": true, "à": true, "a": false, "au": true, "aux": true, "dans": true, "vers": true, "près": true,
	"pres": true, "of": false,
}

// Particles inside person names.
var nameParticles = map[string]bool{
	"von": true, "van": true, "der": true, "den": true, "de": true, "da": true, "do": true, "dos": true,
	"das": true, "di": true, "del": true, "la": true, "le": true, "bin": true, "ibn": true, "al": true,
	"el": true, "du": true, "ben": true, "y": true,
}

// findMentions resolves the actor mentions of every sentence.
func (a *article) findMentions() {
	m := a.x.m
	t := a.doc.Text
	raws := make([][]rawMatch, len(a.sents))
	a.named = map[string]int{}
	a.persons = map[string]*personInfo{}
	for si := range a.sents {
		s := &a.sents[si]
		rs := m.scan(t, a.toks[s.t0:s.t1], nil)
		keep := rs[:0]
		for k := range rs {
			rs[k].t0 += s.t0
			rs[k].t1 += s.t0
			if a.namesAPlace(s, rs[k]) {
				continue // "place Kim Il-sung", "Indira Gandhi International Airport"
			}
			keep = append(keep, rs[k])
		}
		rs = keep
		for k := range rs {
			for _, p := range rs[k].pays {
				if p.fk == fkName && p.entry >= 0 && m.entries[p.entry].Kind == kb.KindPerson {
					a.named[m.entries[p.entry].Key]++
					break
				}
			}
		}
		raws[si] = rs
	}
	// unresolved titled persons and fuzzy full names come first: later
	// surnames may refer to them
	extra := make([][]mention, len(a.sents))
	for si := range a.sents {
		extra[si] = a.unknownPersons(si, raws[si])
	}
	// surnames of the unresolved people ("Ruto" after "President William
	// Ruto")
	lastNames := map[string]int{}
	for si := range extra {
		for i := range extra[si] {
			e := &extra[si][i]
			if e.how == hUnresolved {
				lastNames[a.toks[e.t1-1].norm] = si*1000 + i
			}
		}
	}
	for si := range a.sents {
		s := &a.sents[si]
		var ms []mention
		covered := map[int]bool{}
		for _, e := range extra[si] {
			ms = append(ms, e)
			for k := e.t0; k < e.t1; k++ {
				covered[k] = true
			}
		}
		for _, r := range raws[si] {
			if covered[r.t0] || covered[r.t1-1] {
				continue
			}
			if mm, ok := a.resolveRaw(si, r); ok {
				ms = append(ms, mm)
			}
		}
		if len(lastNames) > 0 {
			for k := s.t0; k < s.t1; k++ {
				tk := &a.toks[k]
				if tk.kind != tkWord || !tk.cap || covered[k] {
					continue
				}
				ref, ok := lastNames[tk.norm]
				if !ok {
					continue
				}
				if k+1 < s.t1 && a.toks[k+1].kind == tkWord && a.toks[k+1].cap && a.toks[k+1].space {
					continue
				}
				src := &extra[ref/1000][ref%1000]
				m := mention{t0: k, t1: k + 1, s: int(tk.s), e: int(tk.e), kind: kb.KindPerson, key: src.key, how: hSurname, entity: true, name: src.name, country: src.country}
				ms = append(ms, m)
				covered[k] = true
			}
		}
		ms = append(ms, a.titleMentions(si, ms)...)
		ms = append(ms, a.titleAnaphors(si, ms)...)
		ms = append(ms, a.bareTitleMentions(si, ms)...)
		kept := ms[:0]
		for _, mm := range ms {
			if mm.kind == kb.KindPerson && a.placeAround(s, mm.t0, mm.t1) {
				continue // "place Kim Il-sung", "Indira Gandhi International Airport"
			}
			kept = append(kept, mm)
		}
		ms = kept
		sort.SliceStable(ms, func(i, j int) bool {
			if ms[i].t0 != ms[j].t0 {
				return ms[i].t0 < ms[j].t0
			}
			return ms[i].t1 > ms[j].t1
		})
		s.m0 = len(a.ments)
		a.ments = append(a.ments, ms...)
		s.m1 = len(a.ments)
	}
	a.dropGenericOrgs()
}

// titleAnaphors: "the crown prince", "l'émir", "the governor-general"
// after "Crown Prince Mohammed bin Salman", "l'émir Tamim": a title the
// article put before a person's name designates that person again. The
// titles of this sentence's named persons are remembered for the next.
func (a *article) titleAnaphors(si int, ms []mention) []mention {
	s := &a.sents[si]
	var out []mention
	if len(a.titleOf) > 0 {
		for k := s.t0; k+1 < s.t1; k++ {
			n := a.toks[k].norm
			if n != "the" && n != "le" && n != "la" && n != "l" {
				continue
			}
			q := k + 1
			for q < s.t1 && a.toks[q].kind == tkPunct && a.toks[q].p == '\'' {
				q++
			}
			for _, w := range []int{2, 1} {
				if q+w > s.t1 {
					continue
				}
				var ws []string
				for i := q; i < q+w; i++ {
					ws = append(ws, a.toks[i].norm)
				}
				key, ok := a.titleOf[strings.Join(ws, " ")]
				if !ok || key == "" || mentionStarting(ms, q) >= 0 {
					continue
				}
				// a name follows: that person, not the anaphor
				if nx := q + w; nx < s.t1 && a.toks[nx].kind == tkWord && a.toks[nx].cap && !sentenceWord[a.toks[nx].norm] {
					break
				}
				out = append(out, mention{t0: q, t1: q + w, s: int(a.toks[q].s), e: int(a.toks[q+w-1].e), kind: kb.KindPerson,
					key: key, how: hTitle, entity: true})
				k = q + w - 1
				break
			}
		}
	}
	if a.titleOf == nil {
		a.titleOf = map[string]string{}
	}
	for i := range ms {
		m := &ms[i]
		if m.kind != kb.KindPerson || m.key == "" || m.how == hTitle {
			continue
		}
		// one or two capitalised title words right before the name, or
		// opening the mention ("Crown Prince Mohammed bin Salman")
		first := m.t0
		for first < m.t1-1 && first < m.t0+2 && a.toks[first].cap && anaphoricTitle[a.toks[first].norm] {
			first++
		}
		if first > m.t0 {
			var ws []string
			for q := m.t0; q < first; q++ {
				ws = append(ws, a.toks[q].norm)
			}
			a.rememberTitle(strings.Join(ws, " "), m.key)
			if first-m.t0 == 2 {
				a.rememberTitle(ws[1], m.key)
			}
			continue
		}
		var ws []string
		for q := m.t0 - 1; q >= s.t0 && q >= m.t0-2; q-- {
			t := &a.toks[q]
			if t.kind != tkWord || !t.cap || mentionEnding(ms, q+1) >= 0 && q+1 != m.t0 || !anaphoricTitle[t.norm] {
				break
			}
			ws = append([]string{t.norm}, ws...)
			a.rememberTitle(strings.Join(ws, " "), m.key)
		}
	}
	return out
}

// rememberTitle binds title words to a person; two people with the same
// title make it ambiguous.
func (a *article) rememberTitle(w, key string) {
	if prev, ok := a.titleOf[w]; ok && prev != key {
		a.titleOf[w] = ""
	} else if !ok {
		a.titleOf[w] = key
	}
}

// Title words that, once put before a name, designate that person again.
var anaphoricTitle = map[string]bool{
	"crown": true, "prince": true, "emir": true, "emir's": false, "king": true, "queen": true, "sultan": true, "sheikh": true,
	"governor": true, "general": true, "governor-general": true, "pope": true, "pape": true, "emire": true, "roi": true,
	"reine": true, "cheikh": true, "secretary": true, "chancellor": true, "chancelier": true, "chanceliere": true,
	"heritier": true, "vice": false,
}

// Words that make a person's name the name of a place or an institution.
var placeNounsBefore = map[string]bool{
	"place": true, "rue": true, "avenue": true, "boulevard": true, "square": true, "aeroport": true, "stade": true,
	"universite": true, "pont": true, "quai": true, "fondation": true, "lycee": true, "ecole": true, "mausolee": true,
	"palais": false, "esplanade": true, "parc": true, "gare": true, "musee": true, "centre": false,
}
var placeNounsAfter = map[string]bool{
	"square": true, "street": true, "avenue": true, "airport": true, "stadium": true, "university": true, "bridge": true,
	"boulevard": true, "mausoleum": true, "foundation": true, "prize": true, "library": true, "road": true,
	"station": true, "institute": true, "school": true, "academy": true, "memorial": true, "park": true,
	"international": true, "museum": true, "hospital": true, "doctrine": true,
}

// namesAPlace: a person's name used as the name of a place or an
// institution.
func (a *article) namesAPlace(s *sentence, r rawMatch) bool {
	person := false
	for _, p := range r.pays {
		if p.entry >= 0 && a.x.m.entries[p.entry].Kind == kb.KindPerson {
			person = true
		}
	}
	if !person {
		return false
	}
	return a.placeAround(s, r.t0, r.t1)
}

func (a *article) placeAround(s *sentence, t0, t1 int) bool {
	if t0 > s.t0 && placeNounsBefore[a.toks[t0-1].norm] && !a.toks[t0-1].cap {
		return true
	}
	return t1 < s.t1 && a.toks[t1].cap && placeNounsAfter[a.toks[t1].norm]
}

// Short forms that name a body of a larger organization only when the
// article names that organization ("the Security Council" of the UN, not
// of Russia).
var genericOrgForms = map[string]string{
	"security council": "org:un", "general assembly": "org:un", "human rights council": "org:un",
	"conseil de securite": "org:un", "assemblee generale": "org:un", "conseil des droits de l homme": "org:un",
}

func (a *article) dropGenericOrgs() {
	have := map[string]bool{}
	for i := range a.ments {
		if a.ments[i].kind == kb.KindOrganization {
			have[a.ments[i].key] = true
		}
	}
	for i := range a.ments {
		m := &a.ments[i]
		if m.kind != kb.KindOrganization {
			continue
		}
		if parent, ok := genericOrgForms[Fold(a.doc.Text[m.s:m.e])]; ok && !have[parent] {
			m.entity = false
			m.key = ""
		}
	}
}

func (a *article) mk(t0, t1 int, e *kb.Entry, how howKind) mention {
	return mention{t0: t0, t1: t1, s: int(a.toks[t0].s), e: int(a.toks[t1-1].e), kind: e.Kind, key: e.Key, how: how, entity: true}
}

// isLocative: a locative preposition (or "in the capital of") before t.
func (a *article) isLocative(si, t int) bool {
	s := &a.sents[si]
	k := t - 1
	for k >= s.t0 && (a.toks[k].norm == "the" || a.toks[k].norm == "l" || a.toks[k].norm == "la" || a.toks[k].norm == "le" || a.toks[k].p == '\'') {
		k--
	}
	if k < s.t0 {
		return false
	}
	n := a.toks[k].norm
	if k > s.t0 && topicVerbs[a.toks[k-1].norm] {
		return false // "un sommet consacré à Gaza", "talks devoted to Gaza"
	}
	if n == "a" {
		// French "à", not the English article
		return a.doc.Text[a.toks[k].s:a.toks[k].e] == "à"
	}
	return locPreps[n] || visitVerbs[n]
}

// topicVerbs: a place after them and a preposition is the subject matter.
var topicVerbs = map[string]bool{
	"consacre": true, "consacree": true, "consacres": true, "consacrees": true, "dedie": true, "dediee": true,
	"devoted": true, "dedicated": true,
}

// Verbs whose object is a place ("visited Beijing", "a visité Pékin").
var visitVerbs = map[string]bool{
	"visited": true, "visit": true, "visits": true, "visiting": true, "toured": true, "tour": true,
	"reached": true, "left": true, "leaves": true, "leaving": true, "quitte": true, "quitté": true,
	"visite": true, "visiter": true, "visitera": true,
}

// resolveRaw turns a dictionary match into a mention.
func (a *article) resolveRaw(si int, r rawMatch) (mention, bool) {
	ents := a.x.m.entries
	var person, org, country, place, metonym, demonym, surname *kb.Entry
	var surnames []*kb.Entry
	for _, p := range r.pays {
		if p.fk == fkBlock {
			return mention{}, false
		}
		e := ents[p.entry]
		switch p.fk {
		case fkName:
			switch e.Kind {
			case kb.KindPerson:
				if person == nil || a.betterPerson(e, person) {
					person = e
				}
			case kb.KindOrganization:
				if org == nil {
					org = e
				}
			case kb.KindCountry:
				if country == nil || a.x.countryWeight(e) > a.x.countryWeight(country) {
					country = e
				}
			case kb.KindPlace:
				if place == nil {
					place = e
				}
			}
		case fkSurname:
			surnames = append(surnames, e)
		case fkDemonym:
			if demonym == nil || a.x.countryWeight(e) > a.x.countryWeight(demonym) {
				demonym = e
			}
		case fkMetonym:
			if metonym == nil || a.x.countryWeight(e) > a.x.countryWeight(metonym) {
				metonym = e
			}
		}
	}
	// "US$300 million": a currency
	if r.t1 < len(a.toks) && a.toks[r.t1].norm == "$" && !a.toks[r.t1].space {
		return mention{}, false
	}
	loc := a.isLocative(si, r.t0)
	// a one-word place or seat of power followed by an unknown capitalised
	// word is part of a name ("Santiago Peña", "Washington Irving")
	if person == nil && org == nil && country == nil && len(surnames) == 0 && demonym == nil && (place != nil || metonym != nil) && r.t1-r.t0 == 1 {
		s := &a.sents[si]
		if r.t1 < s.t1 && a.toks[r.t1].kind == tkWord && a.toks[r.t1].cap && a.toks[r.t1].space && !sentenceWord[a.toks[r.t1].norm] && !a.knownAt(si, r.t1) {
			return mention{}, false
		}
	}
	switch {
	case person != nil:
		return a.mk(r.t0, r.t1, person, hName), true
	case len(surnames) > 0:
		surname = a.pickSurname(si, r, surnames)
		if surname != nil {
			return a.mk(r.t0, r.t1, surname, hSurname), true
		}
	}
	switch {
	case org != nil:
		return a.mk(r.t0, r.t1, org, hName), true
	case country != nil:
		m := a.mk(r.t0, r.t1, country, hName)
		m.locative = loc
		return m, true
	case place != nil && metonym != nil && !loc:
		m := a.mk(r.t0, r.t1, metonym, hMetonym)
		m.place = place.Key
		return m, true
	case place != nil:
		m := a.mk(r.t0, r.t1, place, hName)
		m.locative = loc
		return m, true
	case metonym != nil:
		m := a.mk(r.t0, r.t1, metonym, hMetonym)
		m.locative = loc
		m.place = metonym.Capital
		m.seat = true
		return m, true
	case demonym != nil:
		return a.mk(r.t0, r.t1, demonym, hDemonym), true
	}
	return mention{}, false
}

// knownAt: a dictionary form starts at token t.
func (a *article) knownAt(si, t int) bool {
	s := &a.sents[si]
	rs := a.x.m.scan(a.doc.Text, a.toks[t:min(s.t1, t+6)], nil)
	return len(rs) > 0 && rs[0].t0 == 0
}

// countryWeight ranks countries that share a name or demonym ("American":
// the United States before the Northern Mariana Islands): UN members and
// countries with more memberships and names first.
func (x *Extractor) countryWeight(e *kb.Entry) int {
	w := len(e.Memberships)
	for _, m := range e.Memberships {
		if m.Org == "org:un" {
			w += 1000
		}
	}
	for _, l := range e.Names {
		w += len(l)
	}
	if e.Capital != "" {
		w += 10
	}
	return w
}

// betterPerson prefers the person holding an office at the article date.
func (a *article) betterPerson(e, than *kb.Entry) bool {
	return len(a.x.kb.OfficesAt(e.Key, a.pub)) > 0 && len(a.x.kb.OfficesAt(than.Key, a.pub)) == 0
}

// pickSurname resolves a surname alone: to a person named in full in the
// article, or after a title or honorific to the only KB person with it.
func (a *article) pickSurname(si int, r rawMatch, cands []*kb.Entry) *kb.Entry {
	s := &a.sents[si]
	// part of another, unknown name: "Steve Martin", "Martin Luther"
	if r.t1 < s.t1 && a.toks[r.t1].kind == tkWord && (a.toks[r.t1].cap) && a.toks[r.t1].space && !isTitleWord(a.toks[r.t1].norm) {
		// "Liu He": a capitalised "He" right after a name is a given
		// name, not the pronoun (which would start a sentence)
		if nx := a.toks[r.t1].norm; !sentenceWord[nx] || nx == "he" || nx == "it" || nx == "an" || nx == "le" || nx == "la" {
			return nil
		}
	}
	if r.t0 > s.t0 {
		pv := &a.toks[r.t0-1]
		if pv.kind == tkWord && pv.cap && !honorifics[pv.norm] && !isTitleWord(pv.norm) && !sentenceWord[pv.norm] && r.t0-1 > s.t0 {
			if _, ok := roleIndex[pv.norm]; !ok {
				return nil
			}
		}
	}
	var best *kb.Entry
	for _, e := range cands {
		if a.named[e.Key] > 0 {
			if best == nil || a.named[e.Key] > a.named[best.Key] ||
				a.named[e.Key] == a.named[best.Key] && inOfficeAt(e, a.pub) && !inOfficeAt(best, a.pub) {
				best = e // "M. Kim": Kim Jong-un, not Kim Il Sung of a square's name
			}
		}
	}
	if best != nil {
		return best
	}
	if len(cands) == 1 && a.titled(si, r.t0) {
		return cands[0]
	}
	return nil
}

// inOfficeAt: the person held an office on the date (any office; the
// publication date, or now without one).
func inOfficeAt(e *kb.Entry, date string) bool {
	for _, o := range e.Offices {
		if (o.From == "" || o.From <= date || date == "") && (o.To == "" || date != "" && o.To >= date) {
			return true
		}
	}
	return false
}

// titled: an honorific or a role title right before token t.
func (a *article) titled(si, t int) bool {
	s := &a.sents[si]
	k := t - 1
	for k >= s.t0 && a.toks[k].kind == tkPunct && a.toks[k].p == '.' {
		k--
	}
	if k < s.t0 {
		return false
	}
	n := a.toks[k].norm
	if honorifics[n] || isTitleWord(n) {
		return true
	}
	// "Secretary General of the Andean Community Wagner": a role title a
	// few capitalised words (and of/the/de) before
	for q := k; q >= s.t0 && q >= t-8; q-- {
		tq := &a.toks[q]
		if _, ok := roleIndex[tq.norm]; ok && tq.cap {
			return true
		}
		if !(tq.kind == tkWord && (tq.cap || tq.norm == "of" || tq.norm == "the" || tq.norm == "de" || tq.norm == "du" || tq.norm == "la")) {
			return false
		}
	}
	return false
}

func isTitleWord(n string) bool {
	switch n {
	case "president", "président", "présidente", "minister", "ministre", "chancellor", "chancelier", "chancelière",
		"premier", "king", "queen", "roi", "reine", "emir", "sultan", "secretary", "leader", "dictator", "mr", "mrs", "ms", "m", "mme",
		"homologue", "counterpart", "envoy", "envoye", "emissaire":
		return true
	}
	return false
}

// Capitalised words that often start a sentence or follow a name.
var sentenceWord = map[string]bool{
	"the": true, "a": true, "an": true, "and": true, "but": true, "in": true, "on": true, "at": true,
	"le": true, "la": true, "les": true, "et": true, "mais": true, "i": true, "he": true, "she": true,
	"it": true, "we": true, "they": true, "his": true, "her": true, "this": true, "that": true, "il": true,
	"elle": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "lundi": true, "mardi": true, "mercredi": true, "jeudi": true,
	"vendredi": true, "samedi": true, "dimanche": true, "january": true, "february": true, "march": true,
	"april": true, "may": true, "june": true, "july": true, "august": true, "september": true, "october": true,
	"november": true, "december": true, "for": true, "with": true, "after": true, "before": true, "as": true,
}

// unknownPersons finds persons the dictionaries miss: titled names that
// are not in the KB ("Prime Minister Jane Doe of Tuvalu", "M. Tuilaepa
// Sailele") and spelling variants of KB names ("Luis Inacio Lula da Silva").
func (a *article) unknownPersons(si int, raws []rawMatch) []mention {
	s := &a.sents[si]
	// tokens of non-person matches stop a run; a person match may be
	// part of a longer variant ("Luis Inacio" + "Lula da Silva")
	covered := func(k int) bool {
		for _, r := range raws {
			if k >= r.t0 && k < r.t1 {
				for _, p := range r.pays {
					if p.entry >= 0 && a.x.m.entries[p.entry].Kind == kb.KindPerson {
						return false
					}
				}
				return true
			}
		}
		return false
	}
	personAt := func(k int) bool {
		for _, r := range raws {
			if k >= r.t0 && k < r.t1 {
				// a surname the article resolves to nobody ("Wagner" of
				// "Thérèse Kayikwamba Wagner") is part of the unknown name
				if r.t1-r.t0 == 1 && surnameOnly(r) && a.pickSurname(si, r, surnameEntries(a.x.m, r)) == nil {
					continue
				}
				return true
			}
		}
		return false
	}
	var out []mention
	k := s.t0
	for k < s.t1 {
		tk := &a.toks[k]
		if tk.kind != tkWord || !tk.cap || covered(k) {
			k++
			continue
		}
		// a run of capitalised words (with particles and initials)
		j := k
		for j < s.t1 {
			tj := &a.toks[j]
			if tj.kind == tkWord && (tj.cap || tj.upper) && !covered(j) {
				j++
				continue
			}
			if tj.kind == tkWord && nameParticles[tj.norm] && j+1 < s.t1 && j > k &&
				(a.toks[j+1].kind == tkWord && (a.toks[j+1].cap || nameParticles[a.toks[j+1].norm]) ||
					a.toks[j+1].p == '-' && !a.toks[j+1].space && j+2 < s.t1 && a.toks[j+2].cap) {
				j++
				continue
			}
			// "Mata'afa", "O'Brien" (not the possessive "'s")
			if tj.kind == tkPunct && tj.p == '\'' && !tj.space && j > k && j+1 < s.t1 && a.toks[j+1].kind == tkWord && !a.toks[j+1].space && a.toks[j+1].norm != "s" {
				j += 2
				continue
			}
			if tj.kind == tkPunct && (tj.p == '-' || tj.p == '.') && !tj.space && j > k && j+1 < s.t1 && a.toks[j+1].kind == tkWord && !a.toks[j+1].space && (a.toks[j+1].cap || tj.p == '-') && !covered(j+1) {
				j += 2
				continue
			}
			if tj.kind == tkPunct && tj.p == '.' && j > k && len(a.toks[j-1].norm) == 1 && j+1 < s.t1 && a.toks[j+1].space {
				j++
				continue
			}
			break
		}
		if m, ok := a.x.fuzzy.find(a, k, j); ok && !exactPersonCovers(a, raws, m) {
			out = append(out, m)
			k = m.t1
			continue
		}
		// an unknown titled name: only words no dictionary matched
		q := k
		for q < j && !personAt(q) {
			q++
		}
		if m, ok := a.titledUnknown(si, k, q); ok && q == j {
			out = append(out, m)
			k = j
			continue
		}
		k = j
		if k == j {
			k++
		}
	}
	return out
}

// surnameOnly: every reading of the raw match is a surname.
func surnameOnly(r rawMatch) bool {
	for _, p := range r.pays {
		if p.fk != fkSurname {
			return false
		}
	}
	return len(r.pays) > 0
}

func surnameEntries(m *matcher, r rawMatch) []*kb.Entry {
	var out []*kb.Entry
	for _, p := range r.pays {
		out = append(out, m.entries[p.entry])
	}
	return out
}

// titledUnknown: [k, j) is a run of capitalised words; when a role title
// or honorific precedes it (or starts it) and two to four name words
// remain, it is a person the KB lacks.
func (a *article) titledUnknown(si, k, j int) (mention, bool) {
	s := &a.sents[si]
	// skip title words at the start of the run ("Prime Minister Jane Doe")
	start := k
	titled := false
	for start < j {
		if d, e := roleAt(a.toks, start, j); d != nil {
			start = e
			titled = true
			continue
		}
		if honorifics[a.toks[start].norm] {
			start++
			for start < j && a.toks[start].kind == tkPunct {
				start++
			}
			titled = true
			continue
		}
		break
	}
	if !titled {
		// title before the run: "le Premier ministre samoan, M. X Y"
		p := k - 1
		for p >= s.t0 && a.toks[p].kind == tkPunct && a.toks[p].p == '.' {
			p--
		}
		if p >= s.t0 && (honorifics[a.toks[p].norm] && a.toks[p].cap || isTitleWord(a.toks[p].norm) || officialNouns[a.toks[p].norm]) {
			titled = true
		}
	}
	if !titled {
		// "House Speaker John Boehner", "Vice Premier Liu He": an official
		// noun inside the run, two name words or more after it
		for q := k; q+2 < j+1 && q < j; q++ {
			if officialNouns[a.toks[q].norm] && j-(q+1) >= 2 {
				start, titled = q+1, true
				break
			}
		}
	}
	if !titled && (a.roleBeforeComma(si, k) || a.roleAfterComma(si, j)) {
		// "le ministre des Affaires étrangères, Ernesto Araújo", "Sigmar
		// Gabriel, the economy minister"
		titled = true
	}
	if !titled {
		return mention{}, false
	}
	// name words
	var words []int
	for q := start; q < j; q++ {
		if a.toks[q].kind == tkWord {
			// "Liu He": "He" after a first name word is a given name
			if (sentenceWord[a.toks[q].norm] && !(a.toks[q].norm == "he" && q > start)) || isTitleWord(a.toks[q].norm) {
				return mention{}, false
			}
			words = append(words, q)
		}
	}
	if len(words) < 2 || len(words) > 4 {
		return mention{}, false
	}
	last := words[len(words)-1]
	// the name must not be a place or an organisation ("President of
	// Tuvalu" never gets here: "of" is lower case)
	name := a.doc.Text[a.toks[words[0]].s:a.toks[last].e]
	m := mention{t0: words[0], t1: last + 1, s: int(a.toks[words[0]].s), e: int(a.toks[last].e), kind: kb.KindPerson,
		key: "person:unresolved:" + slug(name), how: hUnresolved, entity: true, name: name}
	// "Mme Kayikwamba Wagner" after "Thérèse Kayikwamba Wagner": the
	// person already named in full
	// (the smallest key when several end so: map order must not decide)
	var full *personInfo
	tail := " " + strings.ReplaceAll(slug(name), "-", " ")
	for _, p := range a.persons {
		if strings.HasPrefix(p.key, "person:unresolved:") && p.key != m.key && strings.HasSuffix(" "+strings.ReplaceAll(slug(p.name), "-", " "), tail) &&
			(full == nil || p.key < full.key) {
			full = p
		}
	}
	if full != nil {
		m.key, m.name, m.country = full.key, full.name, full.country
		return m, true
	}
	// "of Tuvalu" right after: the person's country; a monarch's name
	// includes it ("Abdullah II of Jordan")
	if last+2 < s.t1 && a.toks[last+1].norm == "of" {
		if c, end := a.countryAtEnd(last + 2); c != "" {
			m.country = c
			if monarchTitle(a.doc.Text[a.toks[k].s:a.toks[start-1].e]) {
				m.e = int(a.toks[end-1].e)
				m.t1 = end
				m.name = a.doc.Text[m.s:m.e]
				m.key = "person:unresolved:" + slug(m.name)
			}
		}
	}
	if m.country == "" {
		// "The US commander in Iraq, General David Petraeus", "le ministre
		// algérien des Affaires étrangères, Ahmed Attaf": the title's country
		m.country = a.titleCountry(si, k)
	}
	a.persons[m.key] = &personInfo{key: m.key, name: m.name, country: m.country}
	return m, true
}

// officialNouns: lower-case nouns of an official's description ("Kremlin
// aide Yuri Ushakov", "le porte-parole du Kremlin, Dmitri Peskov").
var officialNouns = map[string]bool{
	"minister": true, "ministers": true, "ministre": true, "secretary": true, "chancellor": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "aide": true, "adviser": true, "advisor": true, "envoy": true,
	"ambassador": true, "governor": true, "mayor": true, "premier": true, "president": true, "leader": true,
	"commander": true, "general": true, "negotiator": true, "diplomat": true, "parole": true, "conseiller": true,
	"official": true, "responsable": true, "speaker": true, "senator": true, "chairman": true, "chairwoman": true,
	"senateur": true, "senatrice": true, "depute": true, "deputee": true,
	"conseillere": true, "ambassadeur": true, "ambassadrice": true, "envoye": true, "envoyee": true,
	"negociateur": true, "gouverneur": true, "maire": true, "chef": true, "cheffe": true, "secretaire": true,
	"president-elect": true, "vice-president": true, "vice-premier": true,
}

// roleBeforeComma: a lower-case official's description ends with a comma
// right before token k ("the Kremlin's spokesman, Dmitry Peskov", "le
// ministre des Affaires étrangères, Ernesto Araújo").
func (a *article) roleBeforeComma(si, k int) bool {
	s := &a.sents[si]
	if k-2 < s.t0 || a.toks[k-1].norm != "," {
		return false
	}
	for p := k - 2; p >= s.t0 && p >= k-8; p-- {
		t := &a.toks[p]
		if t.kind == tkPunct && t.p != '\'' && t.p != '-' {
			return false
		}
		if t.kind == tkWord && officialNouns[t.norm] && !t.cap || t.kind == tkWord && (t.norm == "ministre" || t.norm == "minister" || t.norm == "homologue" || t.norm == "counterpart") {
			return true
		}
	}
	return false
}

// roleAfterComma: the capitalised run ending before token j is followed by
// ", the|le|la [adjectives] <official noun>" ("Sigmar Gabriel, the economy
// minister", "Boyko Borissov, the Bulgarian prime minister").
func (a *article) roleAfterComma(si, j int) bool {
	s := &a.sents[si]
	if j+2 >= s.t1 || a.toks[j].norm != "," {
		return false
	}
	switch a.toks[j+1].norm {
	case "the", "le", "la", "l", "his", "her", "son", "sa":
	default:
		return false
	}
	for q := j + 2; q < s.t1 && q <= j+6; q++ {
		t := &a.toks[q]
		if t.kind != tkWord {
			if t.p == '\'' {
				continue
			}
			return false
		}
		if officialNouns[t.norm] || isTitleWord(t.norm) {
			// "the Chinese president's project": a possessive, not the
			// description of the name before the comma
			return !(q+2 < s.t1 && a.toks[q+1].p == '\'' && a.toks[q+2].norm == "s")
		}
		if commentatorNouns[t.norm] {
			return false
		}
	}
	return false
}

// titleCountry: the country or demonym of the title phrase that ends
// before token k, skipping places introduced by "in" ("in Iraq").
func (a *article) titleCountry(si, k int) string {
	s := &a.sents[si]
	for p := k - 1; p >= s.t0 && p >= k-9; p-- {
		t := &a.toks[p]
		if t.kind == tkPunct && t.norm != "," && t.norm != "'" && t.norm != "’" {
			break
		}
		if t.kind != tkWord {
			continue
		}
		if c, _ := a.countryAtEnd(p); c != "" {
			if p > s.t0 {
				switch a.toks[p-1].norm {
				case "in", "to", "from", "en", "au", "aux", "a", "de", "du", "vers":
					continue
				}
			}
			return c
		}
	}
	return ""
}

// countryAtEnd returns the ISO3 of a country named at token t (by the
// dictionaries) and the token after the name, or "".
func (a *article) countryAtEnd(t int) (string, int) {
	rs := a.x.m.scan(a.doc.Text, a.toks[t:min(len(a.toks), t+8)], nil)
	if len(rs) > 0 && rs[0].t0 == 0 {
		for _, p := range rs[0].pays {
			if p.entry >= 0 {
				e := a.x.m.entries[p.entry]
				if e.Kind == kb.KindCountry {
					return e.ISO3, t + rs[0].t1
				}
			}
		}
	}
	return "", t
}

func slug(s string) string {
	f := Fold(s)
	return strings.ReplaceAll(f, " ", "-")
}

// entities groups the entity mentions by actor.
func (a *article) entities() []graph.Entity {
	byKey := map[string]*graph.Entity{}
	var order []string
	t := a.doc.Text
	for i := range a.ments {
		m := &a.ments[i]
		if !m.entity || m.key == "" {
			continue
		}
		if m.how == hTitle && a.named[m.key] == 0 {
			continue
		}
		// a capital or seat of power names its country as an actor
		// ("Beijing said"), but alone it may stand for something else
		// ("Bruxelles" for the EU): count it only with another mention
		if m.how == hMetonym && !a.namedCountry(m.key) && !a.metonymActor(m) {
			continue
		}
		e := byKey[m.key]
		if e == nil {
			e = a.newEntity(m)
			if e == nil {
				continue
			}
			byKey[m.key] = e
			order = append(order, m.key)
		}
		s, en := a.doc.Src(m.s), a.doc.SrcEnd(m.e)
		e.Mentions = append(e.Mentions, graph.Mention{Start: s, End: en, Text: t[m.s:m.e]})
	}
	sort.Strings(order)
	out := make([]graph.Entity, 0, len(order))
	for _, k := range order {
		e := byKey[k]
		sort.SliceStable(e.Mentions, func(i, j int) bool { return e.Mentions[i].Start < e.Mentions[j].Start })
		out = append(out, *e)
	}
	return out
}

// namedCountry: the country has a mention other than a metonym.
func (a *article) namedCountry(key string) bool {
	if a.ncountry == nil {
		a.ncountry = map[string]bool{}
		for i := range a.ments {
			m := &a.ments[i]
			if m.kind == kb.KindCountry && m.how != hMetonym && m.key != "" {
				a.ncountry[m.key] = true
			}
		}
	}
	return a.ncountry[key]
}

func (a *article) newEntity(m *mention) *graph.Entity {
	e := &graph.Entity{Type: graph.TypeEntity, Article: a.id, Kind: m.kind, Key: m.key, Resolved: true}
	if m.how == hUnresolved {
		e.Name = m.name
		e.Resolved = false
		e.Country = m.country
		return e
	}
	ke := a.x.kb.Get(m.key)
	if ke == nil {
		return nil
	}
	e.Name = ke.Name
	switch ke.Kind {
	case kb.KindCountry:
		e.ISO3 = ke.ISO3
	case kb.KindOrganization:
		e.Acronym = ke.Acronym
	case kb.KindPlace:
		e.Country = ke.Country
	case kb.KindPerson:
		e.Country = ke.Country
		if offs := a.x.kb.OfficesAt(ke.Key, a.pub); len(offs) > 0 && a.pub != "" {
			o := pickOffice(offs)
			e.Role = o.Role
			e.Office = a.officeName(o)
		}
	}
	return e
}

// pickOffice prefers the highest office.
func pickOffice(offs []kb.Office) kb.Office {
	rank := func(r string) int {
		switch r {
		case kb.RoleHeadOfState:
			return 0
		case kb.RoleHeadOfGovernment:
			return 1
		case kb.RoleOrgHead:
			return 2
		case kb.RoleForeignMinister:
			return 3
		case kb.RoleDefenceMinister:
			return 4
		}
		return 5
	}
	best := offs[0]
	for _, o := range offs[1:] {
		if rank(o.Role) < rank(best.Role) {
			best = o
		}
	}
	return best
}

func (a *article) officeName(o kb.Office) string {
	title := o.Title
	if title == "" {
		title = strings.ReplaceAll(o.Role, "_", " ")
	}
	if of := a.x.kb.Get(o.Of); of != nil {
		return title + " of " + of.Name
	}
	return title
}

// capitalised reports whether s starts with an upper-case letter.
func capitalised(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

var _ = text.Body

// exactPersonCovers: an exact dictionary person name overlaps the fuzzy
// match m and is at least as long ("Mahmoud Ali Youssouf" is a KB name:
// no fuzzy "Mahmood Ali" inside it).
func exactPersonCovers(a *article, raws []rawMatch, m mention) bool {
	for _, r := range raws {
		if r.t1 <= m.t0 || r.t0 >= m.t1 || r.t1-r.t0 < m.t1-m.t0 {
			continue
		}
		for _, p := range r.pays {
			if p.fk == fkName && p.entry >= 0 && a.x.m.entries[p.entry].Kind == kb.KindPerson {
				return true
			}
		}
	}
	return false
}

// Capitals that stand for an organization as often as for their country.
var orgCapitals = map[string]bool{"brussels": true, "bruxelles": true, "luxembourg": true}

// metonymActor: a metonym that names its country alone: a seat of power
// ("the White House announced", "le Kremlin"), or a capital used as an
// actor rather than a place ("a message aimed at Beijing").
func (a *article) metonymActor(m *mention) bool {
	if m.locative {
		return false
	}
	if m.seat {
		return true
	}
	if orgCapitals[a.toks[m.t0].norm] {
		return false
	}
	// "the Beijing summit", "Moscow-based": an attribute, not an actor
	if m.t1 < len(a.toks) {
		nx := &a.toks[m.t1]
		if nx.kind == tkWord && !nx.cap && (strings.HasSuffix(nx.norm, "ing") || nx.norm == "summit" || nx.norm == "talks" || nx.norm == "declaration" || nx.norm == "process" || nx.norm == "format") {
			return false
		}
		if nx.kind == tkPunct && nx.p == '-' && !nx.space {
			return false
		}
	}
	return true
}
