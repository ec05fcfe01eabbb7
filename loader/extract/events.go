package extract

import (
	"slices"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/extract/dates"
	"github.com/eventgraph/eventgraph/loader/extract/text"
	"github.com/eventgraph/eventgraph/loader/kb"
)

// How an event got its date.
const (
	dNone      = iota
	dSentence  // a date expression of the sentence
	dInherited // the previous sentence or event of the same passage
	dLead      // the publication date, for the lead of a news report
)

// localEvent is an event of one article (before and after local merging).
type localEvent struct {
	types     uint32 // bit per trigType
	typ       trigType
	strong    bool
	date      string
	dateEnd   string
	dateHow   int
	rawDate   string // without a publication date: the unresolved expression ("lundi"), to tell occasions apart
	place     string // place key
	placeCap  bool   // place is the capital of the visited country, not named by the text
	margins   bool   // "on the sidelines", "en marge": a bilateral beside a gathering
	country   string // ISO3 of the place (or of the visited country)
	org       string // organization key
	parts     []string
	host      string
	guest     string
	status    string
	conf      float64
	srcs      []srcRef
	sent      int // sentence index of the first source
	duration  int // days of a visit ("two-day state visit")
	fromPair  bool
	pending   bool // a dated summit whose attendees come in the next sentences
	anaphoric bool // dated from another event ("six weeks earlier"): a flashback
	article   string
	pub       string

	// display names, filled for output
	names      map[string]string // person key -> name
	placeName  string
	orgName    string
	pcountries []string
}

type srcRef struct {
	article string
	s, e    int // input byte offsets
	text    string
	ts      int // text offset (ordering)
}

func (e *localEvent) has(t trigType) bool { return e.types&(1<<uint(t)) != 0 }

type clause struct{ t0, t1 int }

// Future markers (folded), English and French.
var futureWords = map[string]bool{
	"will": true, "ll": true, "shall": true, "expected": true, "plans": true, "planned": true, "planning": true,
	"plan": true, "scheduled": true, "due": true, "upcoming": true, "next": true, "intends": true, "intend": true,
	"should": true, "set": false, "going": true, "forthcoming": true, "later": false, "prepares": true, "preparing": true,
	"va": true, "vont": true, "doit": true, "doivent": true, "devrait": true, "devraient": true, "prevu": true,
	"prevue": true, "prevus": true, "prevoit": true, "attendu": true, "attendue": true, "prochain": true,
	"prochaine": true, "projette": true, "compte": true, "entend": true, "aura": true, "auront": true, "sera": true,
	"seront": true, "to": false, "invitation": true, "hope": true, "hopes": true, "espere": true, "esperent": true,
}

// Negations.
var negWords = map[string]bool{
	"not": true, "never": true, "no": true, "without": true, "t": true, "ne": true, "n": true, "pas": true,
	"jamais": true, "aucun": true, "aucune": true, "sans": true, "refused": true, "refuses": true, "declined": true,
	"cancelled": true, "canceled": true, "postponed": true, "called": false, "annule": true, "annulee": true,
	"reporte": true, "reportee": true, "skipped": true, "snubbed": true, "boycotted": true, "avoided": true,
	"nor": true, "neither": true, "refuse": true, "renonce": true, "failed": true, "cut": true, "scrapped": true,
	"abandoned": true, "supposed": true, "originally": true, "initially": true, "absent": true,
}

// Hypothetical markers.
var hypoWords = map[string]bool{
	"if": true, "whether": true, "could": true, "might": true, "would": true, "may": true, "si": true,
	"pourrait": true, "pourraient": true, "aurait": true, "auraient": true, "serait": true, "eventuel": true,
	"eventuelle": true, "possible": true, "hypothetical": true, "unless": true,
	"souhaite": true, "wants": true, "want": true, "veut": true, "proposed": true,
	"propose": true, "offered": true, "invited": false, "urged": true, "called": true, "demanded": true,
}

// Speech verbs: a person right after them is the source, not a participant.
var speechWords = map[string]bool{
	"said": true, "says": true, "added": true, "noted": true, "stated": true, "declared": true, "explained": true,
	"stressed": true, "underlined": true, "wrote": true, "told": false, "according": true, "selon": true,
	"declare": true, "affirme": true, "explique": true, "souligne": true, "estime": true, "indique": true,
	"rapporte": true, "ajoute": true, "precise": true, "admitted": true, "warned": true, "reported": true,
	"insisted": true, "argued": true, "claimed": true, "asserted": true,
}

// Pair expressions: the two people the passage is about.
var pairPhrases = [][]string{
	{"the", "two", "leaders"}, {"the", "two", "men"}, {"the", "two", "presidents"}, {"the", "two", "heads", "of", "state"},
	{"both", "leaders"}, {"both", "men"}, {"both", "presidents"}, {"the", "two", "friends"}, {"the", "pair"},
	{"the", "two", "statesmen"}, {"the", "two", "sides"}, {"the", "leaders"},
	{"les", "deux", "hommes"}, {"les", "deux", "dirigeants"}, {"les", "deux", "chefs", "d", "etat"},
	{"les", "deux", "presidents"}, {"les", "deux", "leaders"}, {"tous", "deux"}, {"tous", "les", "deux"},
	{"les", "deux", "chefs", "de", "l", "etat"}, {"the", "two"},
}

// Partner expressions: the other one of the pair.
var partnerPhrases = [][]string{
	{"his", "counterpart"}, {"her", "counterpart"}, {"their", "counterpart"}, {"his", "old", "friend"},
	{"his", "friend"}, {"her", "friend"}, {"his", "host"}, {"her", "host"}, {"the", "host"}, {"his", "guest"},
	{"her", "guest"}, {"his", "partner"}, {"son", "homologue"}, {"son", "hote"}, {"son", "invite"},
	{"son", "vieil", "ami"}, {"son", "ami"}, {"son", "partenaire"}, {"sa", "homologue"}, {"leur", "hote"},
}

// Landmarks that locate a meeting in a city (folded phrase -> city name).
var landmarks = map[string]string{
	"great hall of the people": "Beijing", "tiananmen square": "Beijing", "tiananmen": "Beijing",
	"forbidden city": "Beijing", "cite interdite": "Beijing", "place tiananmen": "Beijing", "zhongnanhai": "Beijing",
	"diaoyutai": "Beijing", "palais du peuple": "Beijing", "red square": "Moscow", "place rouge": "Moscow",
	"kremlin": "Moscow", "white house": "Washington", "maison blanche": "Washington", "oval office": "Washington",
	"bureau ovale": "Washington", "elysee": "Paris", "elysee palace": "Paris", "palais de l elysee": "Paris",
	"downing street": "London", "planalto": "Brasilia", "palacio do planalto": "Brasilia", "granja do torto": "Brasilia",
	"casa rosada": "Buenos Aires", "blue house": "Seoul", "hyderabad house": "New Delhi", "rashtrapati bhavan": "New Delhi",
	"quirinale": "Rome", "palazzo chigi": "Rome", "union buildings": "Pretoria", "federal district": "Brasilia",
	"kantei": "Tokyo", "akasaka palace": "Tokyo", "bellevue palace": "Berlin", "chancellery": "",
	"lodge": "", "the lodge": "Canberra", "rideau hall": "Ottawa", "parliament hill": "Ottawa",
}

var landmarkIndex = func() map[string][][]string {
	m := map[string][][]string{}
	for k := range landmarks {
		w := strings.Fields(k)
		m[w[0]] = append(m[w[0]], w)
	}
	return m
}()

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
}

// findEvents detects the events of the body sentences and merges those
// of the article that are one.
func (a *article) findEvents() {
	a.dateline = a.findDateline()
	var cands []*localEvent
	var last *localEvent
	for si := range a.sents {
		s := &a.sents[si]
		if s.kind != text.Body {
			continue
		}
		trigs := findTriggers(a.toks, s.t0, s.t1, a.lang)
		if len(trigs) == 0 {
			continue
		}
		cls, asides := a.clauses(si)
		trigs = phoneTalks(trigs)
		trigs = slices.DeleteFunc(trigs, a.namingCall)
		// group the triggers by clause; phone calls apart
		type grp struct {
			cl    clause
			trigs []trigMatch
			place int // token of the group's place after a split by place, or -1
		}
		var groups []*grp
		for _, tm := range trigs {
			cl := clause{s.t0, s.t1}
			for _, c := range cls {
				if tm.t0 >= c.t0 && tm.t0 < c.t1 {
					cl = c
					break
				}
			}
			var g *grp
			for _, x := range groups {
				// "L'appel ... a eu lieu alors qu'il était en route pour
				// New York": a clause opened by a call is about the call
				if x.cl == cl && ((x.trigs[0].def.typ == tPhone) == (tm.def.typ == tPhone) || x.trigs[0].def.typ == tPhone && x.trigs[0].def.noun && a.opensClause(cl, x.trigs[0].t0)) {
					g = x
				}
			}
			if g == nil {
				g = &grp{cl: cl, place: -1}
				groups = append(groups, g)
			}
			g.trigs = append(g.trigs, tm)
		}
		// a clause with triggers at two places ("in Kazan for a summit and
		// in the fall in Beijing for the anniversary"): one event per place
		var split []*grp
		for _, g := range groups {
			parts, places := a.splitByPlace(si, g.cl, g.trigs)
			for i, part := range parts {
				split = append(split, &grp{cl: g.cl, trigs: part, place: places[i]})
			}
		}
		groups = split
		split = nil
		for _, g := range groups {
			for _, part := range a.splitByDate(si, g.cl, g.trigs) {
				split = append(split, &grp{cl: g.cl, trigs: part, place: g.place})
			}
		}
		groups = split
		// each date of a clause belongs to the group with the nearest trigger
		owner := map[int]int{}
		for d := s.d0; d < s.d1; d++ {
			best, bestD := -1, 1<<30
			for gi, g := range groups {
				if !inSpan(a.dates[d].t0, g.cl) {
					continue
				}
				for _, tm := range g.trigs {
					x := tokDist(a.dates[d].t0, a.dates[d].t1, tm.t0, tm.t1)
					for _, as := range asides {
						// a relative clause (", who was hosting X the same
						// day,") keeps its dates, the main clause its own
						if a.relativeAside(as) && inSpan(a.dates[d].t0, as) != inSpan(tm.t0, as) {
							x += 100
						}
					}
					if x < bestD {
						best, bestD = gi, x
					}
				}
				if g.place >= 0 {
					if x := tokDist(a.dates[d].t0, a.dates[d].t1, g.place, g.place+1); x < bestD {
						best, bestD = gi, x
					}
				}
			}
			if best >= 0 {
				owner[d] = best
			}
		}
		for gi, g := range groups {
			ev := a.buildEvent(si, g.cl, asides, g.trigs, owner, gi, last)
			if ev != nil && len(a.spawned) > 0 {
				cands = append(cands, a.spawned...)
				a.spawned = nil
			}
			if ev != nil {
				cands = append(cands, ev)
				if a.firstDay == nil && len(ev.date) == 10 && !ev.anaphoric && (a.pub == "" || ev.date <= a.pub) {
					a.firstDay = ev
				}
				if !ev.pending && (ev.date != "" || last == nil) {
					last = ev
				}
				if !ev.pending && !ev.anaphoric && len(ev.date) == 10 {
					a.narr = ev
					if (a.pub == "" || ev.date <= a.pub) && (a.present == nil || ev.date >= a.present.date) {
						a.present = ev
					}
				}
				if len(ev.parts) == 2 && ev.date != "" {
					a.lastPair = ev
				}
				if len(ev.parts) >= 2 && !ev.pending {
					a.lastPeople = ev
				}
			}
		}
	}
	cands = a.attachRosters(cands)
	a.evs = mergeLocal(cands)
}

// rosterCues mark a sentence listing who attended a summit ("sat around
// the table", "y participaient", "il était coprésidé par").
var rosterCues = [][]string{
	{"around", "the", "table"}, {"at", "the", "table"}, {"attended"}, {"took", "part"}, {"were", "present"}, {"was", "present"},
	{"co", "chaired"}, {"chaired"}, {"among", "the", "leaders"}, {"among", "those"}, {"attendees"}, {"were", "among"},
	{"autour", "de", "la", "table"}, {"figuraient"}, {"participaient"}, {"participait"}, {"ont", "participe"},
	{"a", "participe"}, {"etaient", "presents"}, {"etait", "present"}, {"copreside"}, {"copresidee"}, {"preside", "par"},
	{"presidee", "par"}, {"parmi", "les", "dirigeants"}, {"parmi", "les", "participants"}, {"aux", "cotes", "de"},
	{"sat", "around"}, {"guests"}, {"invites"}, {"round", "table"}, {"took", "their", "seats"}, {"were", "seated"},
	{"had", "made", "the", "trip"}, {"made", "the", "trip"}, {"made", "the", "journey"}, {"fait", "le", "deplacement"},
	{"faisaient", "partie"}, {"etaient", "du", "voyage"}, {"were", "also", "there"}, {"were", "in", "attendance"},
	{"pris", "place"}, {"took", "their", "places"}, {"egalement", "presents"}, {"aussi", "presents"}, {"also", "present"},
	{"also", "attended"}, {"around", "him"}, {"around", "her"}, {"autour", "de", "lui"}, {"autour", "d", "elle"},
	{"was", "the", "host"}, {"was", "host"}, {"etait", "l", "hote"}, {"etait", "l", "hotesse"},
	{"autour", "de", "l", "hote"}, {"alongside", "him"}, {"were", "joined", "by"},
}

// attachRosters adds the people of a roster sentence to the summit of
// the three sentences before it, and drops summits left without anyone.
func (a *article) attachRosters(cands []*localEvent) []*localEvent {
	var summits []*localEvent
	rosters := map[int]bool{}
	for _, ev := range cands {
		// a summit, or a leader hosting "the leaders of ..."
		gathering := ev.has(tSummit) || ev.has(tHost) && a.hasPhrase(clause{a.sents[ev.sent].t0, a.sents[ev.sent].t1}, leaderSet, func(int) bool { return true })
		if gathering && (ev.date != "" || a.pub == "") {
			summits = append(summits, ev)
		}
	}
	if len(summits) > 0 {
		for si := range a.sents {
			s := &a.sents[si]
			if s.kind != text.Body {
				continue
			}
			cue := a.hasPhrase(clause{s.t0, s.t1}, rosterSet, func(int) bool { return true })
			var target *localEvent
			for _, ev := range summits {
				if ev.sent < si && ev.sent >= si-5 && (target == nil || ev.sent >= target.sent) {
					target = ev
				}
			}
			// "Le onzième sommet des BRICS s'est tenu jeudi ... Jair
			// Bolsonaro y accueillait Xi, Poutine, Modi et Ramaphosa": a
			// summit that named nobody takes the people of the next sentence
			if !cue && !(target != nil && target.pending && len(target.parts) == 0 && target.sent == si-1 && a.personsIn(si) >= 2) {
				continue
			}
			if target == nil || a.datedOther(si, target) {
				continue
			}
			for i := s.m0; i < s.m1; i++ {
				m := &a.ments[i]
				if m.kind == kb.KindPerson && m.key != "" && !a.isSpeaker(si, m.t0) && !contains(target.parts, m.key) {
					target.parts = append(target.parts, m.key)
				}
			}
			rosters[si] = true
		}
	}
	out := cands[:0]
	for _, ev := range cands {
		// the roster itself ("for his last G20 summit") is no new event
		if len(ev.parts) > 0 && !(rosters[ev.sent] && ev.dateHow != dSentence) {
			out = append(out, ev)
		}
	}
	return out
}

// personsIn: how many distinct people sentence si names.
func (a *article) personsIn(si int) int {
	s := &a.sents[si]
	seen := map[string]bool{}
	for i := s.m0; i < s.m1; i++ {
		if m := &a.ments[i]; m.kind == kb.KindPerson && m.key != "" {
			seen[m.key] = true
		}
	}
	return len(seen)
}

// datedOther: sentence si has an event of its own with a date other than
// ev's.
func (a *article) datedOther(si int, ev *localEvent) bool {
	s := &a.sents[si]
	for d := s.d0; d < s.d1; d++ {
		v := a.dateValue(&a.dates[d], false, true, ev)
		if v == "" || a.dates[d].since || strings.HasPrefix(v, ev.date) || strings.HasPrefix(ev.date, v) {
			continue
		}
		if ev.dateEnd != "" && len(v) == len(ev.date) && v >= ev.date && v <= ev.dateEnd || withinDays(ev.date, v, 3) {
			continue
		}
		return true
	}
	return false
}

// timeReference: a noun trigger inside a time phrase ("on the eve of the
// summit", "ahead of the visit", "à la veille du sommet").
func (a *article) timeReference(si int, cl clause, tm trigMatch) bool {
	st := &a.sents[si]
	// "The day before the summit opened, he stopped in Nur-Sultan": a
	// date expression ending in before/after right before the noun
	for k := tm.t0 - 1; k >= cl.t0 && k >= tm.t0-3; k-- {
		n := a.toks[k].norm
		if n == "before" || n == "after" || n == "avant" || n == "apres" {
			for d := st.d0; d < st.d1; d++ {
				if a.dates[d].t1 == k+1 && a.dates[d].m.Anchor == dates.AnchorPrevious && !a.shiftBeforeEventNoun(&a.dates[d]) {
					return true
				}
			}
			break
		}
		if a.toks[k].kind == tkPunct {
			break
		}
	}
	for k := tm.t0 - 1; k >= cl.t0 && k >= tm.t0-7; k-- {
		if a.toks[k].kind == tkPunct {
			return false
		}
		if n := a.toks[k].norm; n == "eve" || n == "veille" || n == "ahead" || n == "lendemain" {
			return true
		}
	}
	return false
}

// arrivedFrom: a noun trigger in the origin of a journey ("landed in
// Hanoi straight from the Group of 20 summit", "arrivait du sommet").
func (a *article) arrivedFrom(cl clause, tm trigMatch) bool {
	for k := tm.t0 - 1; k >= cl.t0 && k >= tm.t0-8; k-- {
		n := a.toks[k].norm
		if a.toks[k].kind == tkPunct {
			return false
		}
		if n == "from" || n == "du" && a.lang == "fr" {
			for q := k - 1; q >= cl.t0 && q >= k-8; q-- {
				switch a.toks[q].norm {
				case "landed", "arrived", "arrives", "came", "comes", "flew", "returned", "returning", "travelled", "traveled",
					"straight", "directly", "fresh", "arrivait", "arrive", "revenait", "revient", "rentre", "venait", "arrivant":
					return true
				}
			}
			return false
		}
	}
	return false
}

// relativeStart: the token where a relative clause (", who", ", qui")
// starts between k and end, else end: "and then Narendra Modi, who
// repeated that India favoured dialogue" has no verb of its own.
func (a *article) relativeStart(k, end int) int {
	for q := k; q+1 < end; q++ {
		if a.toks[q].norm == "," {
			switch a.toks[q+1].norm {
			case "who", "which", "whose", "qui", "dont", "lequel", "laquelle":
				return q
			}
		}
	}
	return end
}

// verbTriggerAt: a verb trigger starts at token k or right after an
// auxiliary or adverb ("and held talks", "et a rencontré", "and then met").
func (a *article) verbTriggerAt(k, end int) bool {
	for q := k; q < end && q <= k+4; q++ {
		for _, tm := range findTriggers(a.toks, q, min(end, q+6), a.lang) {
			if tm.t0 == q && (!tm.def.noun || len(tm.def.words) > 1) && tm.def.strong { // "and held talks"
				return true
			}
		}
		switch a.toks[q].norm {
		case "then", "later", "also", "a", "ont", "avait", "avaient", "puis", "ensuite", "s", "se", "'", "’",
			"is", "was", "due", "to", "expected", "set", "doit", "devait", "va", "will":
			continue
		}
		break
	}
	return false
}

// possessedWith: "his summit with Donald Trump", "sa rencontre avec
// Xi Jinping": the possessor (the sentence's first person) and the people
// after "with"; nil for any other shape.
func (a *article) possessedWith(si int, cl clause, tm trigMatch, visible func(int) bool) []string {
	s := &a.sents[si]
	if tm.t0 == 0 {
		return nil
	}
	switch a.toks[tm.t0-1].norm {
	case "his", "her", "son", "sa":
	default:
		return nil
	}
	if tm.t1 >= s.t1 || (a.toks[tm.t1].norm != "with" && a.toks[tm.t1].norm != "avec") {
		return nil
	}
	var with []string
	for i := s.m0; i < s.m1; i++ {
		m := &a.ments[i]
		if m.t0 > tm.t1 && m.t0 <= tm.t1+8 && m.kind == kb.KindPerson && m.key != "" && visible(m.t0) {
			with = append(with, m.key)
		}
	}
	if len(with) == 0 {
		return nil
	}
	owner := ""
	for i := s.m0; i < s.m1; i++ {
		m := &a.ments[i]
		if m.t0 < tm.t0 && m.kind == kb.KindPerson && m.key != "" && !contains(with, m.key) && !a.isSpeaker(si, m.t0) {
			owner = m.key
			break
		}
	}
	if owner == "" {
		return nil
	}
	return append([]string{owner}, with...)
}

// opensClause: only determiners and punctuation precede token t in the
// clause ("L'appel ...", "The call ...").
func (a *article) opensClause(cl clause, t int) bool {
	for k := cl.t0; k < t; k++ {
		switch a.toks[k].norm {
		case "the", "a", "an", "this", "that", "le", "la", "l", "les", "un", "une", "cet", "cette", "ce", "'", "’":
			continue
		}
		if a.toks[k].kind == tkPunct {
			continue
		}
		return false
	}
	return true
}

// phoneTalks drops a meeting or talks verb followed closely by a call
// trigger ("se sont entretenus mardi par visioconférence", "held talks by
// video link"): one call, not a meeting and a call.
func phoneTalks(trigs []trigMatch) []trigMatch {
	out := trigs[:0:0]
	for i, tm := range trigs {
		if tm.def.typ == tMeet || tm.def.typ == tTalks {
			phone := false
			for _, nx := range trigs[i+1:] {
				if nx.def.typ == tPhone && nx.t0-tm.t1 <= 4 {
					phone = true
				}
			}
			// "called Xi on Tuesday to discuss Taiwan": what the call
			// was about
			for _, pv := range trigs[:i] {
				if pv.def.typ == tPhone && tm.t0-pv.t1 <= 8 && tm.def.typ == tTalks && !tm.def.noun {
					phone = true
				}
			}
			if phone {
				continue
			}
		}
		out = append(out, tm)
	}
	return out
}

// relativeAside: the aside is a relative clause on what precedes it
// (", who ...", ", qui ...").
func (a *article) relativeAside(as clause) bool {
	if as.t0+1 >= as.t1 || a.toks[as.t0].norm != "," {
		return false
	}
	n := a.toks[as.t0+1].norm
	return n == "who" || n == "qui"
}

// relativeEvent: every kept trigger is a verb inside one relative clause
// (", who", ", qui") whose antecedent is a person named right before it.
func (a *article) relativeEvent(ms []mention, asides []clause, kept []trigMatch) (clause, clause, bool) {
	for _, as := range asides {
		if as.t1-as.t0 < 3 || !a.relativeAside(as) {
			continue
		}
		all := true
		for _, tm := range kept {
			if !inSpan(tm.t0, as) || tm.def.noun {
				all = false
			}
		}
		if !all {
			continue
		}
		j := mentionEnding(ms, as.t0)
		if j < 0 || ms[j].kind != kb.KindPerson {
			continue
		}
		return as, clause{ms[j].t0, ms[j].t1}, true
	}
	return clause{}, clause{}, false
}

// timeClause: tokens [start, k) open with a time word ("after", "hours
// after", "avant que") and hold a verb trigger with its own subject
// ("after Joe Biden met Hu").
func (a *article) timeClause(start, k int) bool {
	open := -1
	for q := start; q < k && q <= start+3; q++ {
		if n := a.toks[q].norm; n == "after" || n == "before" || n == "apres" || n == "avant" {
			open = q
			break
		}
	}
	if open < 0 {
		return false
	}
	for _, tm := range findTriggers(a.toks, open+1, k, a.lang) {
		if !tm.def.noun && tm.t0 > open+1 {
			// a subject between the time word and the verb
			for q := open + 1; q < tm.t0; q++ {
				if a.toks[q].kind == tkWord && a.toks[q].cap {
					return true
				}
			}
		}
	}
	return false
}

// withOwnNoun: the person at token t follows "with"/"avec" right after one
// of the event's own noun triggers ("a telephone call with X").
func withOwnNoun(a *article, kept []trigMatch, t int) bool {
	if t < 1 {
		return false
	}
	if n := a.toks[t-1].norm; n != "with" && n != "avec" {
		return false
	}
	for _, tm := range kept {
		if tm.def.noun && tm.t1 == t-1 {
			return true
		}
	}
	return false
}

// linkedVerb: words joining a second verb of the same subject ("before
// sitting down with", "après avoir reçu").
var linkedVerb = map[string]bool{"before": true, "after": true, "avant": true, "apres": true}

var partnerNouns = map[string]bool{"counterpart": true, "host": true, "guest": true, "ally": true, "friend": true, "predecessor": true, "successor": true}

// commentOnEvent: the clause comments on an event told elsewhere ("Kremlin
// aide Yuri Ushakov had described the meeting in advance as highly
// important", "il a qualifié la rencontre de ..."): every trigger is a
// noun after a definite determiner, and a verb of speech or description
// governs it.
func (a *article) commentOnEvent(cl clause, kept []trigMatch) bool {
	critic := a.criticVerbBefore(cl, kept[0].t0)
	for _, tm := range kept {
		if !tm.def.noun || tm.t0 == cl.t0 {
			return false
		}
		switch n := a.toks[tm.t0-1].norm; n {
		case "the", "this", "that", "la", "le", "l", "cette", "ce":
		case "a", "an", "une", "un":
			if !critic {
				return false // "announced a visit": a new one
			}
		default:
			return false
		}
	}
	for k := cl.t0; k < kept[0].t0; k++ {
		n := a.toks[k].norm
		if speechWords[n] || commentVerbs[n] {
			return true
		}
		// "n'avait annoncé la visite que la veille": a pluperfect
		// announcement of the visit the story already told
		if (n == "annonce" || n == "announced" || n == "confirme" || n == "confirmed") && k > cl.t0 {
			if p := a.toks[k-1].norm; p == "avait" || p == "avaient" || p == "had" {
				return true
			}
		}
	}
	return false
}

// criticVerbBefore: a verb of criticism precedes token t in the clause
// ("ont dénoncé une visite", "condemned a meeting").
func (a *article) criticVerbBefore(cl clause, t int) bool {
	for k := cl.t0; k < t; k++ {
		switch a.toks[k].norm {
		case "denounced", "condemned", "criticised", "criticized", "dismissed", "denonce", "condamne", "critique", "fustige":
			return true
		}
	}
	return false
}

// betweenCountries: a noun trigger followed by "between"/"entre" and a
// country or a capital standing for one.
func (a *article) betweenCountries(si int, tm trigMatch) bool {
	s := &a.sents[si]
	k := tm.t1
	if k+1 >= s.t1 || a.toks[k].norm != "between" && a.toks[k].norm != "entre" {
		return false
	}
	k++
	for k < s.t1 && (a.toks[k].norm == "the" || a.toks[k].norm == "la" || a.toks[k].norm == "le" || a.toks[k].norm == "l" || a.toks[k].p == '\'') {
		k++
	}
	j := mentionStarting(a.ments[s.m0:s.m1], k)
	return j >= 0 && a.ments[s.m0+j].kind == kb.KindCountry
}

// namedIn: how many of parts the clause names (the others came from
// pronouns, "the two leaders" or a guessed host).
func (a *article) namedIn(si int, cl clause, parts []string) int {
	s := &a.sents[si]
	n := 0
	for _, p := range parts {
		for i := s.m0; i < s.m1; i++ {
			if m := &a.ments[i]; m.key == p && inSpan(m.t0, cl) {
				n++
				break
			}
		}
	}
	return n
}

// allBefore: the people of parts that sentence si names (at least one)
// are all named before token t; the others were guessed (a host).
func (a *article) allBefore(si int, parts []string, t int) bool {
	s := &a.sents[si]
	named := 0
	for _, p := range parts {
		for i := s.m0; i < s.m1; i++ {
			if m := &a.ments[i]; m.key == p {
				if m.t0 >= t {
					return false
				}
				named++
			}
		}
	}
	return named > 0
}

var commentVerbs = map[string]bool{
	"described": true, "describes": true, "hailed": true, "praised": true, "criticised": true,
	"criticized": true, "dismissed": true, "qualifie": true, "decrit": true, "salue": true, "critique": true,
	"denounced": true, "condemned": true, "denonce": true, "condamne": true, "fustige": true,
}

// namingCall: "called" that names rather than phones: "Modi has often
// called Netanyahu a personal friend", "called him “a great leader”".
func (a *article) namingCall(tm trigMatch) bool {
	if tm.def.typ != tPhone || tm.def.noun || tm.t1 >= len(a.toks) {
		return false
	}
	switch a.toks[tm.t0].norm {
	case "called", "calls", "call":
	default:
		return false
	}
	k := tm.t1
	if i := mentionStarting(a.ments, k); i >= 0 && a.ments[i].kind == kb.KindPerson {
		k = a.ments[i].t1
	} else if n := a.toks[k].norm; n == "him" || n == "her" || n == "them" {
		k++
	} else if n == "his" || n == "her" || n == "their" {
		// "called his Russian counterpart the architect of the project"
		q := k + 1
		for q < len(a.toks) && q <= k+3 && a.toks[q].kind == tkWord && !partnerNouns[a.toks[q].norm] {
			q++
		}
		if q >= len(a.toks) || !partnerNouns[a.toks[q].norm] {
			return false
		}
		k = q + 1
	} else {
		return false
	}
	if k >= len(a.toks) {
		return false
	}
	t := &a.toks[k]
	if t.kind == tkPunct {
		return t.p == '"' // quotes are normalized to '"'
	}
	switch t.norm {
	case "a", "an", "the", "his", "her", "their", "its", "one", "my", "our":
		return true
	}
	return false
}

// verbPhraseBefore: a verb trigger of several words ends right before
// token t: "before sitting down with David Cameron" (X takes part).
func (a *article) verbPhraseBefore(si, t int) bool {
	s := &a.sents[si]
	for k := t - 1; k >= s.t0 && k >= t-4; k-- {
		for _, tm := range findTriggers(a.toks, k, t, a.lang) {
			if tm.t0 == k && tm.t1 == t && !tm.def.noun && len(tm.def.words) > 1 {
				return true
			}
		}
	}
	return false
}

// Words opening a time phrase: a person named in it sets the time of the
// event and does not take part ("the day after Donald Trump's
// inauguration", "avant le retour de Donald Trump").
var timePhraseWords = map[string]bool{
	"lendemain": true, "veille": true, "avant": true, "apres": true, "after": true, "before": true, "ahead": true,
	"since": true, "depuis": true, "following": true, "eve": true,
}

// inTimePhrase: token t lies in a time phrase with no trigger or
// punctuation between its opening word and t.
func (a *article) inTimePhrase(si, t int) bool {
	s := &a.sents[si]
	// "three days after that of Emmanuel Macron, who met Trump": the
	// antecedent of the clause with the event
	for k := t + 1; k+1 < s.t1 && k <= t+5; k++ {
		if a.toks[k].norm == "," {
			if n := a.toks[k+1].norm; n == "who" || n == "qui" || n == "whose" {
				return false
			}
			break
		}
	}
	for k := t - 1; k >= s.t0 && k >= t-8; k-- {
		tk := &a.toks[k]
		if tk.kind == tkPunct && tk.norm != "'" && tk.norm != "’" {
			return false
		}
		if tms := findTriggers(a.toks, k, k+1, a.lang); len(tms) > 0 && !tms[0].def.noun {
			return false // "after meeting X": X takes part
		}
		if timePhraseWords[tk.norm] {
			return true
		}
	}
	return false
}

// subjectOfVerbAfter: the person at token t is followed, through names,
// "and" and commas only, by a verb trigger: "Xi Jinping and Vladimir
// Putin met".
func (a *article) subjectOfVerbAfter(si, t int) bool {
	s := &a.sents[si]
	k := t
	for k < s.t1 && k <= t+12 {
		if i := mentionStarting(a.ments[s.m0:s.m1], k); i >= 0 && a.ments[s.m0+i].kind == kb.KindPerson {
			k = a.ments[s.m0+i].t1
			continue
		}
		switch a.toks[k].norm {
		case "and", "et", ",":
			k++
			continue
		}
		break
	}
	if k >= s.t1 || k == t {
		return false
	}
	for _, tm := range findTriggers(a.toks, k, min(s.t1, k+4), a.lang) {
		if tm.t0 == k && !tm.def.noun {
			return true
		}
	}
	return false
}

// clauses cuts sentence si at semicolons, contrastive conjunctions
// ("while", "but", "tandis que") and temporal asides after a comma ("...,
// days before ..."); asides are dash or bracket pairs.
func (a *article) clauses(si int) ([]clause, []clause) {
	s := &a.sents[si]
	var cls []clause
	var asides []clause
	start := s.t0
	cut := func(k int) {
		if k > start {
			cls = append(cls, clause{start, k})
		}
		start = k
	}
	openDash, openParen := -1, -1
	for k := s.t0; k < s.t1; k++ {
		t := &a.toks[k]
		if t.kind == tkPunct {
			switch {
			case t.norm == ";":
				cut(k + 1)
			case t.norm == "(" || t.norm == "[":
				openParen = k
			case (t.norm == ")" || t.norm == "]") && openParen >= 0:
				asides = append(asides, clause{openParen, k + 1})
				openParen = -1
			case t.norm == "—" || t.norm == "–" || t.norm == "-" && t.space && k+1 < s.t1 && a.toks[k+1].space:
				if openDash >= 0 {
					asides = append(asides, clause{openDash, k + 1})
					openDash = -1
				} else if a.closingDash(k+1, s.t1) {
					openDash = k
				} else {
					// a single dash: a dateline ("CAIRO -") or a new clause
					cut(k + 1)
				}
			case t.norm == ",":
				// ", days before", ", weeks after", ", shortly before"
				for q := k + 1; q < s.t1 && q <= k+4; q++ {
					n := a.toks[q].norm
					if n == "before" || n == "after" || n == "avant" || n == "apres" {
						cut(k + 1)
						break
					}
					if a.toks[q].kind == tkPunct {
						break
					}
				}
				// "hours after Joe Biden met Hu on the tarmac, Obama hosted
				// the Chinese president": the time clause tells its own event
				if k > start && k+1 < s.t1 && a.timeClause(start, k) && len(findTriggers(a.toks, k+1, s.t1, a.lang)) > 0 {
					cut(k + 1)
					continue
				}
				// ", and in April he was received by ...": two coordinated
				// clauses, each with its own event, keep their own actors
				if k+1 < s.t1 && k > start {
					n := a.toks[k+1].norm
					if (n == "and" || n == "et" || n == "then" || n == "puis") &&
						len(findTriggers(a.toks, start, k, a.lang)) > 0 && len(findTriggers(a.toks, k+2, a.relativeStart(k+2, s.t1), a.lang)) > 0 {
						cut(k + 1)
						continue
					}
				}
				// "since September 2019, when he was received by ...": the
				// when-clause is an event of its own
				if k+1 < s.t1 {
					n := a.toks[k+1].norm
					if (n == "when" || n == "quand" || n == "lorsque" || n == "lorsqu") && len(findTriggers(a.toks, k+2, s.t1, a.lang)) > 0 {
						cut(k + 1)
						continue
					}
				}
				if k+1 < s.t1 {
					n := a.toks[k+1].norm
					if n == "while" || n == "whereas" || n == "but" || n == "mais" || n == "tandis" || n == "alors" && k+2 < s.t1 && a.toks[k+2].norm == "que" {
						cut(k + 1)
					}
				}
			}
			continue
		}
		if (t.norm == "while" || t.norm == "whereas" || t.norm == "tandis") && k > s.t0 && k > start+1 {
			cut(k)
		}
		// "called on Governor-General Dadae and held talks with Hipkins":
		// two verbs of one subject, each with its own partner; so are
		// "had lunch with the Queen before sitting down with Cameron",
		// "avant de rencontrer", "après avoir reçu"
		if (t.norm == "and" || t.norm == "et") && k > start+1 && a.verbTriggerAt(k+1, s.t1) && len(findTriggers(a.toks, start, k, a.lang)) > 0 {
			cut(k)
		}
		if linkedVerb[t.norm] && k > start+1 && k+1 < s.t1 && len(findTriggers(a.toks, start, k, a.lang)) > 0 {
			q := k + 1
			if n := a.toks[q].norm; n == "de" || n == "d" || n == "avoir" {
				q++
			}
			for q < s.t1 && a.toks[q].kind == tkPunct && a.toks[q].p == '\'' {
				q++
			}
			if ends := strings.HasSuffix(a.toks[q].norm, "ing") || t.norm == "avant" || t.norm == "apres"; ends && a.verbTriggerAt(q, s.t1) {
				cut(k)
			}
		}
	}

	// relative clauses and appositions between commas: ", who returned
	// to office on January 1,", ", his second such speech after one in
	// 2016,", ", the day after crowds ransacked ..."
	for k := s.t0; k+1 < s.t1; k++ {
		if a.toks[k].norm != "," {
			continue
		}
		// a relative clause on a trigger noun describes the event itself
		// ("Ce 38e sommet, qui s'achève ce dimanche,")
		if k > s.t0 && len(findTriggers(a.toks, k-1, k, a.lang)) > 0 {
			continue
		}
		n := a.toks[k+1].norm
		starter := false
		if a.lang == "fr" {
			starter = n == "qui" || n == "dont" || n == "lequel" || n == "laquelle" || n == "son" || n == "sa" || n == "ses" || n == "leur"
		} else {
			starter = n == "who" || n == "which" || n == "whose" || n == "his" || n == "her" || n == "its" || n == "their" || n == "the" || n == "a" || n == "an"
		}
		switch {
		case starter:
			end := k + 2
			for end < s.t1 && a.toks[end].norm != "," && a.toks[end].norm != ";" && !(a.toks[end].p == '-' && a.toks[end].space) {
				end++
			}
			if end < s.t1 {
				asides = append(asides, clause{k, end + 1})
			} else {
				asides = append(asides, clause{k, s.t1})
			}
		}
	}
	cut(s.t1)
	return cls, asides
}

// findDateline: the place of a dateline ("CAMP DAVID, Maryland -",
// "BRASÍLIA, Brazil –", "CUZCO, Peru (Reuters) -") opening the first body
// paragraph.
func (a *article) findDateline() string {
	for si := range a.sents {
		s := &a.sents[si]
		if s.kind != text.Body {
			continue
		}
		if s.t1-s.t0 < 3 || !a.toks[s.t0].upper {
			return ""
		}
		for i := s.m0; i < s.m1; i++ {
			m := &a.ments[i]
			if m.t0 > s.t0+2 {
				break
			}
			if m.kind == kb.KindPlace {
				return m.key
			}
			if m.kind == kb.KindCountry && m.how == hMetonym && m.place != "" {
				return m.place
			}
		}
		return ""
	}
	return ""
}

// closingDash: another spaced dash (or an em/en dash) follows.
func (a *article) closingDash(k, end int) bool {
	for ; k < end; k++ {
		t := &a.toks[k]
		if t.norm == "—" || t.norm == "–" || t.norm == "-" && t.space && k+1 < end && a.toks[k+1].space {
			return true
		}
	}
	return false
}

func inSpan(t int, c clause) bool { return t >= c.t0 && t < c.t1 }

// negated reports a negation or a hypothesis in the few words before the
// trigger (or "ne ... pas" around a French one).
func (a *article) negated(cl clause, tm trigMatch) bool {
	win := 4
	if tm.def.noun {
		win = 6 // "did not even bother attending the summit"
	}
	for k := tm.t0 - 1; k >= cl.t0 && k >= tm.t0-win; k-- {
		n := a.toks[k].norm
		if negWords[n] || hypoWords[n] {
			if n == "no" && k+1 < len(a.toks) && a.toks[k+1].p == '.' {
				continue
			}
			if (n == "ne" || n == "n") && a.lang == "fr" && a.restrictive(cl, tm) {
				continue // "ne s'étaient rencontrés qu'une fois": only, not never
			}
			return true
		}
		if a.toks[k].kind == tkPunct && a.toks[k].norm != "'" && a.toks[k].norm != "’" && a.toks[k].p != '"' {
			break // (quotes do not end the scope: 'would "immediately" begin negotiations')
		}
	}
	for k := tm.t1; k < cl.t1 && k < tm.t1+2; k++ {
		if a.toks[k].norm == "pas" || a.toks[k].norm == "jamais" {
			return true
		}
	}
	if tm.def.noun {
		// "Such a visit would have been hard to imagine": hypothetical
		if tm.t0 >= cl.t0+2 && a.toks[tm.t0-2].norm == "such" {
			return true
		}
		for k := tm.t1; k < cl.t1 && k < tm.t1+3; k++ {
			if n := a.toks[k].norm; n == "would" || n == "could" || n == "might" || n == "aurait" || n == "serait" || n == "pourrait" {
				return true
			}
		}
		// "the state visit ... has been postponed several times and never
		// took place", "la visite ... n'a jamais eu lieu"
		for k := tm.t1; k < cl.t1 && k < tm.t1+25; k++ {
			switch a.toks[k].norm {
			case "cancelled", "canceled", "postponed", "scrapped", "annulee", "annule", "reportee", "repoussee", "ajournee",
				"collapsed", "echoue", "capote":
				return true
			case "never", "jamais":
				return true
			}
			if len(findTriggers(a.toks, k, k+1, a.lang)) > 0 && k > tm.t1 {
				return false // another event's words
			}
		}
	}
	return false
}

// restrictive: the French "ne ... que" (only) after a trigger, with no
// "pas", "jamais" or "plus" in between.
func (a *article) restrictive(cl clause, tm trigMatch) bool {
	for k := tm.t1; k < cl.t1 && k < tm.t1+4; k++ {
		switch a.toks[k].norm {
		case "pas", "jamais", "plus", "point", "aucun", "aucune", "rien":
			return false
		case "qu", "que":
			return true
		}
	}
	return false
}

// future reports future markers before the trigger in its clause, or a
// French future-tense trigger.
func (a *article) future(cl clause, tm trigMatch) bool {
	for k := tm.t0 - 1; k >= cl.t0 && k >= tm.t0-30; k-- {
		n := a.toks[k].norm
		if futureWords[n] {
			if n == "next" && k+1 < len(a.toks) && (a.toks[k+1].norm == "day" || a.toks[k+1].norm == "to") {
				continue
			}
			// "un traité qui prévoit une assistance": a verb of planning
			// marks the future only before an infinitive
			if (n == "prevoit" || n == "compte" || n == "entend" || n == "plans" || n == "plan") && k+1 < len(a.toks) {
				nx := a.toks[k+1].norm
				if nx != "de" && nx != "d" && nx != "to" && !strings.HasSuffix(nx, "er") && !strings.HasSuffix(nx, "ir") {
					continue
				}
			}
			return true
		}
		if n == "to" && k > cl.t0 && (a.toks[k-1].norm == "is" || a.toks[k-1].norm == "are" || a.toks[k-1].norm == "due" || a.toks[k-1].norm == "set") {
			return true
		}
	}
	for k := tm.t0; k < tm.t1; k++ {
		// "is due in", "is expected in", "est attendu à", "doit se rendre"
		switch a.toks[k].norm {
		case "due", "expected", "attendu", "attendue", "attendus", "doit", "doivent", "will":
			return true
		}
	}
	if tm.def.noun {
		// "the visit will take him to", "la visite doit avoir lieu"
		for k := tm.t1; k < cl.t1 && k < tm.t1+3; k++ {
			switch a.toks[k].norm {
			case "will", "shall", "ll", "va", "doit", "devrait", "sera", "aura":
				return true
			}
		}
	}
	w := a.toks[tm.t0].norm
	if a.lang == "fr" && tm.def.fr && (strings.HasSuffix(w, "era") || strings.HasSuffix(w, "eront") || strings.HasSuffix(w, "ira") || strings.HasSuffix(w, "ra") && len(w) > 5) {
		return true
	}
	for k := tm.t0; k < tm.t1; k++ {
		n := a.toks[k].norm
		if strings.HasSuffix(n, "ra") && len(n) > 5 || strings.HasSuffix(n, "ront") {
			if a.lang == "fr" {
				return true
			}
		}
	}
	return false
}

// pastClause: a past auxiliary or passé composé in the clause.
func (a *article) pastClause(cl clause) bool {
	for k := cl.t0; k < cl.t1; k++ {
		n := a.toks[k].norm
		switch n {
		case "was", "were", "had", "did", "said", "met", "held", "took", "went", "came", "made", "spoke", "told",
			"began", "left", "flew", "gave", "brought", "sent", "saw", "led", "won", "lost", "stood", "sat", "shook",
			"rang", "became", "wrote", "hosted", "received", "welcomed", "signed", "attended", "visited", "arrived",
			"spent", "sought", "kept", "paid", "found", "drove", "rode", "ran", "chose", "struck", "thought",
			"felt", "heard", "meant", "got", "bought", "caught", "taught", "fought", "stayed":
			return true
		}
		// an English simple past ("agreed", "signed"), not a participle
		// after is/be/will/to nor a capitalised name ("United")
		if a.lang != "fr" && len(n) >= 5 && strings.HasSuffix(n, "ed") && !a.toks[k].cap && k > cl.t0 {
			switch a.toks[k-1].norm {
			case "is", "are", "be", "been", "being", "will", "to", "s", "the", "a", "an", "has", "have", "am":
			default:
				return true
			}
		}
		if a.lang == "fr" && (n == "est" || n == "sont" || n == "etait" || n == "etaient") && k+1 < cl.t1 && a.frParticiple(k) {
			return true
		}
		if a.lang == "fr" && (n == "a" || n == "ont" || n == "avait" || n == "avaient") && k+1 < cl.t1 &&
			a.doc.Text[a.toks[k].s:a.toks[k].e] == n {
			nx := a.toks[k+1].norm
			if strings.HasSuffix(nx, "e") || strings.HasSuffix(nx, "i") || strings.HasSuffix(nx, "u") || strings.HasSuffix(nx, "is") || strings.HasSuffix(nx, "it") {
				return true
			}
		}
	}
	return false
}

// frParticiple: the être auxiliary at token k forms a passé composé:
// reflexive ("s'est ouvert", "se sont vus") or followed by a participle
// ("est arrivé", "sont venus").
func (a *article) frParticiple(k int) bool {
	if k >= 2 && a.toks[k-1].norm == "'" && a.toks[k-2].norm == "s" || k >= 1 && (a.toks[k-1].norm == "se" || a.toks[k-1].norm == "s") {
		return true
	}
	if k+1 >= len(a.toks) {
		return false
	}
	raw := strings.ToLower(a.doc.Text[a.toks[k+1].s:a.toks[k+1].e])
	for _, suf := range []string{"é", "ée", "és", "ées", "venu", "venue", "venus", "parti", "partie", "partis", "allé", "revenu"} {
		if strings.HasSuffix(raw, suf) {
			return true
		}
	}
	return false
}

// pastTense: an English past form or a French passé composé trigger.
func (a *article) pastTense(cl clause, tm trigMatch) bool {
	w := a.toks[tm.t0].norm
	if strings.HasSuffix(w, "ed") {
		return true
	}
	switch w {
	case "met", "held", "flew", "went", "came", "took", "spoke", "made", "had", "sat", "shook", "rang", "told", "got", "landed":
		return true
	}
	if a.lang == "fr" {
		// a passé composé inside the trigger: "se sont parlé", "s'est entretenu"
		for k := tm.t0; k < tm.t1; k++ {
			switch a.toks[k].norm {
			case "sont", "est", "etait", "etaient", "avait", "avaient", "ont":
				return true
			}
		}
	}
	for k := tm.t0 - 1; k >= cl.t0 && k >= tm.t0-3; k-- {
		switch a.toks[k].norm {
		case "had", "did", "was", "were":
			return true
		case "ont", "sont", "avait", "avaient", "etait":
			if a.lang == "fr" {
				return true
			}
		case "a", "est":
			// French "a" (has) but not "à" (to), nor English "a"
			if a.lang == "fr" && a.doc.Text[a.toks[k].s:a.toks[k].e] == a.toks[k].norm {
				return true
			}
		}
	}
	return false
}

// buildEvent makes an event of the triggers of one clause, or nil.
func (a *article) buildEvent(si int, cl clause, asides []clause, trigs []trigMatch, owner map[int]int, gid int, last *localEvent) *localEvent {
	s := &a.sents[si]
	var kept []trigMatch
	for _, tm := range trigs {
		if a.negated(cl, tm) {
			continue
		}
		if tm.def.needObj && !a.hasObject(si, cl, tm) {
			continue
		}
		if tm.def.noun && tm.def.typ == tMeet && a.countedNoun(cl, tm) {
			continue // "their 43rd meeting": a count (a claim), not an event
		}
		if a.groupSubordinate(cl, tm) {
			continue // "for weeks before the leaders arrived": a time frame
		}
		if tm.def.noun && a.arrivedFrom(cl, tm) {
			continue // "landed in Hanoi straight from the G20 summit": where he came from
		}
		if tm.def.noun && a.betweenCountries(si, tm) {
			continue // "l'ouverture de négociations entre Kiev et Moscou": the countries' talks, not these people's
		}
		if tm.def.noun && len(trigs) > 1 && a.timeReference(si, cl, tm) {
			continue // "met on the eve of the G20 summit": when, not what
		}
		kept = append(kept, tm)
	}
	if len(kept) == 0 {
		return nil
	}
	ev := &localEvent{article: a.id, pub: a.pub, sent: si}
	for _, tm := range kept {
		ev.types |= 1 << uint(tm.def.typ)
		if tm.def.strong {
			ev.strong = true
		}
	}
	ev.typ = mainType(ev.types)
	trigIn := func(c clause) bool {
		for _, tm := range kept {
			if inSpan(tm.t0, c) {
				return true
			}
		}
		return false
	}
	visible := func(t int) bool {
		if !inSpan(t, cl) {
			return false
		}
		for _, as := range asides {
			if inSpan(t, as) && !trigIn(as) {
				return false
			}
		}
		return true
	}
	// participants
	ms := a.ments[s.m0:s.m1]
	if rel, ante, ok := a.relativeEvent(ms, asides, kept); ok {
		// "Donald Trump, qui recevait le même jour Benjamin Netanyahu":
		// the relative clause and its antecedent, not the main clause
		visible = func(t int) bool { return inSpan(t, rel) || t >= ante.t0 && t < ante.t1 }
	}
	var parts []string
	add := func(k string) {
		if k == "" {
			return
		}
		for _, p := range parts {
			if p == k {
				return
			}
		}
		parts = append(parts, k)
	}
	for i := range ms {
		m := &ms[i]
		if m.kind != kb.KindPerson || m.key == "" || !visible(m.t0) || a.isSpeaker(si, m.t0) || a.possessiveOther(si, m, kept) {
			continue
		}
		// "a week after Xi Jinping and Vladimir Putin met in Astana": the
		// subject of the clause the time word opens takes part; so does the
		// partner of the event's own noun ("after a telephone call with
		// Vladimir Putin on Monday")
		if a.inTimePhrase(si, m.t0) && !a.verbPhraseBefore(si, m.t0) && !a.subjectOfVerbAfter(si, m.t0) && !withOwnNoun(a, kept, m.t0) {
			continue // "au lendemain de l'investiture de Donald Trump"
		}
		if a.honoree(m.t0) {
			continue // "lors de l'hommage à Nelson Mandela"
		}
		add(m.key)
	}
	// another event's possessed with-phrase in the clause ("used his
	// meetings in Tianjin to brief Xi on his summit with Donald Trump in
	// Anchorage"): its people are not this event's
	for _, tm := range findTriggers(a.toks, cl.t0, cl.t1, a.lang) {
		mine := false
		for _, k := range kept {
			if k.t0 == tm.t0 {
				mine = true
			}
		}
		if mine || !tm.def.noun {
			continue
		}
		if own := a.possessedWith(si, cl, tm, visible); len(own) > 1 {
			for _, p := range own[1:] {
				parts = without(parts, p)
			}
		}
	}
	// "brief Xi and Modi on his summit with Donald Trump": a possessed
	// meeting noun with a with-phrase names its own people
	if len(kept) == 1 && kept[0].def.noun {
		if own := a.possessedWith(si, cl, kept[0], visible); len(own) > 0 {
			parts = own
		}
	}
	// host / guest roles
	for _, tm := range kept {
		switch tm.def.typ {
		case tHost:
			if h := a.actorBefore(si, cl, tm.t0, visible); h != "" {
				ev.host = h
				add(h)
			}
			if g := a.personAfter(si, cl, tm.t1, visible); g != "" {
				ev.guest = g
			}
		case tVisit:
			if g := a.actorBefore(si, cl, tm.t0, visible); g != "" && strings.HasPrefix(g, "person:") {
				ev.guest = g
			}
		}
	}
	// "the three leaders": the people of the last event of that size
	if n := a.groupPhrase(cl, visible); n >= 3 && last != nil && len(last.parts) == n && len(parts) < n {
		for _, p := range last.parts {
			add(p)
		}
	}
	// pair and partner expressions
	pair := a.pairAt(si, last)
	usedPair := false
	pairVisible := func(t int) bool { return visible(t) && !a.afterGroupSubordinator(cl, t) }
	if a.hasPhrase(cl, pairSet, pairVisible) && len(pair) == 2 && len(parts) < 2 {
		for _, p := range pair {
			add(p)
		}
		usedPair = true
	}
	if a.hasPhrase(cl, partnerSet, visible) && len(parts) == 1 && len(pair) == 2 {
		if parts[0] == pair[0] {
			add(pair[1])
		} else if parts[0] == pair[1] {
			add(pair[0])
		}
	}
	// "he", "his", "him", "il", "elle": the person the passage is about
	if coordinated := cl.t0 > s.t0 && (a.toks[cl.t0].norm == "and" || a.toks[cl.t0].norm == "et" || linkedVerb[a.toks[cl.t0].norm]); coordinated {
		// "... and held talks with Hipkins": the subject of the first verb
		if f := a.firstSubject(si, cl); f != "" {
			add(f)
		}
	}
	if first, then := a.guestsInTurn(si, cl, kept); first != "" && then != "" && len(parts) == 2 && a.hasPronoun(cl, kept, visible, 0) {
		// "He received Xi, ..., and then Modi": the host is the subject
		if h := a.focusPerson(si, parts); h != "" {
			add(h)
			ev.host = h
		}
	}
	if len(parts) < 2 && a.hasPronoun(cl, kept, visible, len(parts)) {
		if f := a.clauseSubject(si, cl, parts); f != "" {
			add(f) // "Biden toured China in 2011, and in 2013 Xi received him"
		} else if f := a.focusPerson(si, parts); f != "" {
			add(f)
		}
	}
	if len(parts) < 2 && len(pair) == 2 {
		// "they met", "ils se sont vus"; "Ils s'étaient serré la main ...,
		// puis avaient tenu une réunion": the subject of the first verb
		if n := a.toks[cl.t0].norm; cl.t0 > s.t0 && (n == "puis" || n == "then" || n == "and" || n == "et") && len(parts) == 0 {
			if f := a.toks[s.t0].norm; f == "they" || f == "ils" || f == "elles" {
				for _, p := range pair {
					add(p)
				}
				usedPair = true
			}
		}
		for _, tm := range kept {
			for k := tm.t0 - 1; k >= cl.t0 && k >= tm.t0-10; k-- {
				if a.toks[k].kind == tkPunct {
					break
				}
				if n := a.toks[k].norm; n == "they" || n == "ils" || n == "elles" {
					for _, p := range pair {
						add(p)
					}
					usedPair = true
				}
			}
		}
	}
	// place, country, organization
	hostGuess := ""
	a.locate(si, cl, kept, visible, ev)
	if ev.place == "" && cl.t0 > s.t0 && !ev.has(tPhone) {
		// "took place in Geneva in March 2000, when Clinton sat down with
		// Hafez al-Assad": the when-clause happens there
		if n := a.toks[cl.t0].norm; n == "when" || n == "quand" || n == "lorsque" || n == "lorsqu" || n == "where" || n == "ou" {
			for i := s.m1 - 1; i >= s.m0; i-- {
				m := &a.ments[i]
				// ", where": the place right before it, even "from Damascus"
				where := (n == "where" || n == "ou") && m.t1 >= cl.t0-1
				if m.t0 < cl.t0 && m.kind == kb.KindPlace && (where || !(m.t0 > 0 && (departure[a.toks[m.t0-1].norm] || a.toks[m.t0-1].norm == "from"))) {
					if p := a.x.kb.Get(m.key); p != nil {
						ev.place, ev.country = m.key, p.Country
					}
					break
				}
			}
		}
	}
	if ev.place == "" && a.dateline != "" && a.isLead(si) && ev.typ != tPhone {
		ev.place = a.dateline
		if p := a.x.kb.Get(a.dateline); p != nil {
			ev.country = p.Country
		}
	}
	// a visit, an attendance or a ceremony abroad: the host is the
	// visited country's leader when the article names them
	if len(parts) == 1 && ev.country != "" && (ev.has(tVisit) || ev.has(tAttend) || ev.has(tCeremony) || ev.has(tSummit) || ev.has(tMeet) || ev.has(tTalks)) {
		if h := a.leaderIn(ev.country, ""); h != "" && h != parts[0] {
			if ke := a.x.kb.Get(parts[0]); ke == nil || ke.Country != ev.country {
				hostGuess = h
				add(h)
				if ev.host == "" {
					ev.host = h
				}
				if ev.guest == "" {
					ev.guest = parts[0]
				}
			}
		}
	}
	// no person at all: a noun trigger continuing the passage about the pair
	if len(parts) == 0 && len(pair) == 2 {
		noun := false
		for _, tm := range kept {
			if tm.def.noun && tm.def.typ != tPhone {
				noun = true
			}
		}
		if noun && !a.otherActors(si, cl, pair, visible) && a.dateNear(si, kept, 8) {
			for _, p := range pair {
				add(p)
			}
			usedPair = true
		}
	}
	if len(parts) == 0 {
		if !ev.has(tSummit) {
			return nil
		}
		// "The sixth EU-AU summit opened on Thursday in Brussels": the
		// attendees may follow ("It was co-chaired by ...")
		ev.pending = true
	}
	ev.parts = parts
	ev.fromPair = usedPair
	ev.margins = a.hasPhrase(cl, marginSet, visible)
	if (a.namedIn(si, cl, parts) <= 1 || a.allBefore(si, parts, kept[0].t0) && a.criticVerbBefore(cl, kept[0].t0)) && a.commentOnEvent(cl, kept) {
		return nil
	}
	// told: only between officials of two countries
	if ev.types == 1<<uint(tTold) && !a.foreignPair(parts) {
		return nil
	}
	// date
	fut := false
	past := false
	for _, tm := range kept {
		if a.future(cl, tm) {
			fut = true
		}
		if a.pastTense(cl, tm) {
			past = true
		}
	}
	if !past && !fut {
		past = a.pastClause(cl)
	}
	a.dateEvent(si, cl, kept, owner, gid, fut, past, last, ev, visible)
	if hostGuess != "" && ev.date != "" && a.leaderIn(ev.country, ev.date) != hostGuess {
		// the host guessed from the visited country must have led it then
		// ("travelled to Siberia in August 2011": not today's president)
		ev.parts = without(ev.parts, hostGuess)
		if ev.host == hostGuess {
			ev.host, ev.guest = "", ""
		}
		if h := a.leaderIn(ev.country, ev.date); h != "" && !contains(ev.parts, h) {
			ev.parts = append(ev.parts, h)
			ev.host = h
		}
	}
	if ev.date == "" && a.pub == "" {
		ev.rawDate = a.unresolvedDate(si, cl)
	}
	// weak triggers need a date (or, without a publication date, a day
	// the text names: "ont signé lundi") and two people
	if !ev.strong && (ev.date == "" && (ev.rawDate == "" || !ev.has(tSign)) || len(ev.parts) < 2) {
		return nil
	}
	if ev.pending && ev.date == "" && a.pub != "" {
		return nil
	}
	// status
	ev.status = graph.StatusOccurred
	if fut {
		ev.status = graph.StatusPlanned
	}
	if ev.date != "" && a.pub != "" {
		c := prefixCmp(ev.date, a.pub)
		if c > 0 {
			ev.status = graph.StatusPlanned
		} else if c < 0 {
			ev.status = graph.StatusOccurred
		}
	}
	// duration of a visit
	ev.duration = a.duration(si, cl)
	// confidence
	c := 0.55
	if !ev.strong {
		c = 0.4
	}
	if ev.dateHow == dSentence {
		c += 0.2
	} else if ev.dateHow != dNone {
		c += 0.1
	}
	if len(ev.parts) >= 2 {
		c += 0.1
	}
	if ev.place != "" {
		c += 0.05
	}
	if ev.fromPair {
		c -= 0.1
	}
	if c > 0.95 {
		c = 0.95
	}
	ev.conf = c
	ev.srcs = []srcRef{{article: a.id, s: a.doc.Src(s.s), e: a.doc.SrcEnd(s.e), text: a.doc.Text[s.s:s.e], ts: s.s}}
	// "He received Xi Jinping, ..., and then Narendra Modi": one
	// reception per guest
	if first, then := a.guestsInTurn(si, cl, kept); first != "" && then != "" && contains(ev.parts, first) && contains(ev.parts, then) {
		second := *ev
		second.parts = without(ev.parts, first)
		ev.parts = without(ev.parts, then)
		if ev.guest == then {
			ev.guest = first
		}
		second.guest = then
		a.spawned = append(a.spawned, &second)
	}
	return ev
}

// guestsInTurn: a host or meeting verb whose objects come one after the
// other ("received Xi Jinping, who ..., and then Narendra Modi", "a reçu
// X, puis Y"): the first and the later guest.
func (a *article) guestsInTurn(si int, cl clause, kept []trigMatch) (string, string) {
	s := &a.sents[si]
	var tm *trigMatch
	for i := range kept {
		if !kept[i].def.noun && (kept[i].def.typ == tHost || kept[i].def.typ == tMeet) {
			tm = &kept[i]
			break
		}
	}
	if tm == nil {
		return "", ""
	}
	first := ""
	for i := s.m0; i < s.m1; i++ {
		m := &a.ments[i]
		if m.t0 < tm.t1 || m.t0 >= cl.t1 || m.kind != kb.KindPerson || m.key == "" {
			continue
		}
		if first == "" {
			first = m.key
			continue
		}
		// the later guest: right after "then"/"puis"
		for k := m.t0 - 1; k >= tm.t1 && k >= m.t0-4; k-- {
			switch a.toks[k].norm {
			case "then", "puis", "ensuite":
				if m.key != first {
					return first, m.key
				}
			}
		}
	}
	return "", ""
}

// possessiveOther: "Bolivar's dream": a possessive on a noun that is not
// the trigger.
func (a *article) possessiveOther(si int, m *mention, kept []trigMatch) bool {
	s := &a.sents[si]
	k := m.t1
	if k+1 >= s.t1 || a.toks[k].p != '\'' || a.toks[k+1].norm != "s" {
		return false
	}
	for _, tm := range kept {
		if tm.t0 >= k+2 && tm.t0 <= k+5 {
			return false
		}
	}
	return true
}

func tokDist(a0, a1, b0, b1 int) int {
	switch {
	case a1 <= b0:
		return b0 - a1
	case b1 <= a0:
		return a0 - b1
	}
	return 0
}

// splitByPlace partitions the triggers of a clause by their nearest place
// when the clause names two places or more.
func (a *article) splitByPlace(si int, cl clause, trigs []trigMatch) ([][]trigMatch, []int) {
	one := func() ([][]trigMatch, []int) { return [][]trigMatch{trigs}, []int{-1} }
	if len(trigs) < 2 {
		return one()
	}
	s := &a.sents[si]
	type pl struct {
		key    string
		t0, t1 int
	}
	var places []pl
	for i := s.m0; i < s.m1; i++ {
		m := &a.ments[i]
		if !inSpan(m.t0, cl) {
			continue
		}
		if m.t0 > 0 && (departure[a.toks[m.t0-1].norm] || a.toks[m.t0-1].norm == "from" || a.toks[m.t0-1].norm == "depuis") {
			continue // where someone came from is no venue
		}
		if m.kind == kb.KindPlace && a.arrivedFrom(cl, trigMatch{t0: m.t0, t1: m.t1}) {
			continue // "straight from the G20 summit in New Delhi"
		}
		if m.kind == kb.KindPlace || m.kind == kb.KindCountry && m.how == hMetonym && m.locative && m.place != "" {
			k := m.key
			if m.kind != kb.KindPlace {
				k = m.place
			}
			places = append(places, pl{k, m.t0, m.t1})
		}
	}
	distinct := map[string]bool{}
	for _, p := range places {
		distinct[p.key] = true
	}
	if len(distinct) < 2 {
		return one()
	}
	byKey := map[string][]trigMatch{}
	at := map[string]int{}
	var order []string
	for _, tm := range trigs {
		best, bestD, bestT := "", 1<<30, -1
		for _, p := range places {
			d := tokDist(p.t0, p.t1, tm.t0, tm.t1)
			if p.t0 < tm.t0 {
				d++ // a tie goes to the place after the trigger
			}
			if d < bestD {
				best, bestD, bestT = p.key, d, p.t0
			}
		}
		if _, ok := byKey[best]; !ok {
			order = append(order, best)
			at[best] = bestT
		}
		byKey[best] = append(byKey[best], tm)
	}
	var out [][]trigMatch
	var pos []int
	for _, k := range order {
		out = append(out, byKey[k])
		pos = append(pos, at[k])
	}
	return out, pos
}

// splitByDate partitions the triggers of a clause by their nearest date
// when the clause gives two different dates ("held talks on January 23
// and attended the summit the next day").
func (a *article) splitByDate(si int, cl clause, trigs []trigMatch) [][]trigMatch {
	if len(trigs) < 2 {
		return [][]trigMatch{trigs}
	}
	s := &a.sents[si]
	var ds []int
	vals := map[string]bool{}
	for d := s.d0; d < s.d1; d++ {
		dr := &a.dates[d]
		if !inSpan(dr.t0, cl) || dr.since || dr.value == "" && dr.m.Anchor != dates.AnchorPrevious {
			continue
		}
		ds = append(ds, d)
		if dr.value != "" {
			vals[dr.value] = true
		} else {
			vals[dr.m.Text] = true
		}
	}
	if len(ds) < 2 || len(vals) < 2 {
		return [][]trigMatch{trigs}
	}
	byD := map[int][]trigMatch{}
	var order []int
	for _, tm := range trigs {
		best, bestD := -1, 1<<30
		for _, d := range ds {
			x := tokDist(a.dates[d].t0, a.dates[d].t1, tm.t0, tm.t1)
			if a.dates[d].t0 < tm.t0 {
				x++ // a tie goes to the date after the trigger
			}
			if x < bestD {
				best, bestD = d, x
			}
		}
		if _, ok := byD[best]; !ok {
			order = append(order, best)
		}
		byD[best] = append(byD[best], tm)
	}
	var out [][]trigMatch
	for _, d := range order {
		out = append(out, byD[d])
	}
	return out
}

// countedNoun: an ordinal just before the trigger noun.
func (a *article) countedNoun(cl clause, tm trigMatch) bool {
	for k := tm.t0 - 1; k >= cl.t0 && k >= tm.t0-3; k-- {
		if ordinal(a.toks[k].norm) > 0 {
			return true
		}
	}
	return false
}

// mainType picks the most telling trigger type of a set.
func mainType(types uint32) trigType {
	for _, t := range []trigType{tPhone, tSummit, tHost, tVisit, tMeet, tTalks, tNegotiate, tMeal, tPress, tCeremony, tSign, tAttend, tMediate, tTold} {
		if types&(1<<uint(t)) != 0 {
			return t
		}
	}
	return tMeet
}

func prefixCmp(a, b string) int {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	return strings.Compare(a[:n], b[:n])
}

// isSpeaker: a person right after a speech verb ("said Furlan",
// "according to X", "selon X").
func (a *article) isSpeaker(si, t int) bool {
	s := &a.sents[si]
	if a.commentator(si, t) {
		return true
	}
	for k := t - 1; k >= s.t0 && k >= t-9; k-- {
		n := a.toks[k].norm
		if speechWords[n] {
			return true
		}
		if a.toks[k].kind == tkPunct && a.toks[k].norm != "," && a.toks[k].p != '\'' && a.toks[k].p != '-' {
			return false
		}
		if a.toks[k].kind == tkWord && !a.toks[k].cap && n != "to" && n != "a" && n != "the" {
			// "said the minister X", "a déclaré son conseiller à la
			// sécurité nationale, X": allow lower-case titles
			if _, ok := roleIndex[n]; !ok && !honorifics[n] && !titleFiller[n] {
				return false
			}
		}
	}
	return false
}

// Lower-case words of a speaker's description between a speech verb and
// the name ("said his national security adviser, X").
var titleFiller = map[string]bool{
	"his": true, "her": true, "its": true, "their": true, "son": true, "sa": true, "ses": true, "leur": true,
	"le": true, "la": true, "l": true, "de": true, "du": true, "des": true, "d": true, "of": true, "for": true,
	"national": true, "nationale": true, "security": true, "securite": true, "adviser": true, "advisor": true,
	"conseiller": true, "conseillere": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"porte": true, "parole": true, "chief": true, "chef": true, "diplomatique": true, "diplomatic": true,
	"top": true, "senior": true, "aide": true, "envoy": true, "envoye": true, "special": true, "speciale": true,
	"foreign": true, "policy": true, "politique": true, "etrangere": true, "il": true, "t": true,
}

// Nouns that make a person a commentator, not an actor ("X, an analyst
// at ...", "l'analyste X", "selon le chercheur X").
var commentatorNouns = map[string]bool{
	"analyst": true, "analysts": true, "expert": true, "experts": true, "researcher": true, "scholar": true,
	"professor": true, "journalist": true, "commentator": true, "economist": true, "historian": true,
	"fellow": true, "columnist": true, "correspondent": true, "pollster": true,
	"analyste": true, "experte": true, "chercheur": true, "chercheuse": true, "professeur": true,
	"professeure": true, "journaliste": true, "politologue": true, "economiste": true, "historien": true,
	"historienne": true, "specialiste": true, "editorialiste": true, "sinologue": true, "correspondant": true,
}

// commentator: the person at token t is described as an analyst, an
// expert, a journalist... right before or after the name.
func (a *article) commentator(si, t int) bool {
	s := &a.sents[si]
	// "analyst Jane Doe", "l'analyste X", "the China expert X"
	for k := t - 1; k >= s.t0 && k >= t-3; k-- {
		if commentatorNouns[a.toks[k].norm] {
			return true
		}
		if a.toks[k].kind == tkWord && a.toks[k].cap {
			break
		}
	}
	// "X, an analyst at ...", "X, analyste à ..."
	e := t
	for e < s.t1 && a.toks[e].kind == tkWord && a.toks[e].cap {
		e++
	}
	if e < s.t1 && a.toks[e].norm == "," {
		for k := e + 1; k < s.t1 && k <= e+5; k++ {
			if commentatorNouns[a.toks[k].norm] {
				return true
			}
			if a.toks[k].kind == tkPunct {
				break
			}
		}
	}
	return false
}

// hasObject: a person, a country or a pair/partner expression follows.
func (a *article) hasObject(si int, cl clause, tm trigMatch) bool {
	s := &a.sents[si]
	end := tm.t1 + 8
	if tm.def.typ == tPhone {
		end = tm.t1 + 4 // "called Zelensky", not "called the friendship between the two nations"
	}
	if a.toks[tm.t0].norm == "salue" || a.toks[tm.t1-1].norm == "salue" {
		// "a salué son homologue", not "a salué l'engagement du dirigeant
		// chinois": a person right after the verb, or nothing
		for i := s.m0; i < s.m1; i++ {
			m := &a.ments[i]
			if m.t0 >= tm.t1 && m.t0 <= tm.t1+2 && m.kind == kb.KindPerson {
				return true
			}
		}
		return false
	}
	if end > cl.t1 {
		end = cl.t1
	}
	for i := s.m0; i < s.m1; i++ {
		m := &a.ments[i]
		if m.t0 >= tm.t1 && m.t0 < end && (m.kind == kb.KindPerson || m.kind == kb.KindCountry && !m.locative) {
			return true
		}
	}
	for k := tm.t1; k < end; k++ {
		for _, ph := range partnerPhrases {
			if a.phraseAt(k, cl.t1, ph) {
				return true
			}
		}
		for _, ph := range pairPhrases {
			if a.phraseAt(k, cl.t1, ph) {
				return true
			}
		}
		if n := a.toks[k].norm; n == "him" || n == "her" || n == "them" || n == "le" || n == "la" || n == "les" || n == "l" {
			if tm.def.typ != tPhone || n == "him" || n == "her" || n == "them" {
				return true
			}
		}
	}
	return false
}

// phraseSet is a list of phrases with the set of their first words, so
// that hasPhrase tries the phrases only at tokens that can open one.
type phraseSet struct {
	list  [][]string
	heads map[string]bool
}

func newPhraseSet(list [][]string) phraseSet {
	ps := phraseSet{list: list, heads: map[string]bool{}}
	for _, ph := range list {
		ps.heads[ph[0]] = true
	}
	return ps
}

// The phrase sets hasPhrase looks for.
var (
	pairSet    = newPhraseSet(pairPhrases)
	partnerSet = newPhraseSet(partnerPhrases)
	rosterSet  = newPhraseSet(rosterCues)
	marginSet  = newPhraseSet([][]string{{"on", "the", "sidelines"}, {"on", "the", "margins"}, {"on", "the", "fringes"},
		{"in", "the", "margins"}, {"en", "marge"}, {"a", "la", "marge"}})
	leaderSet = newPhraseSet([][]string{{"leaders"}, {"dirigeants"}, {"chefs", "d", "etat"}})
	sequelSet = newPhraseSet([][]string{{"then"}, {"afterwards"}, {"ensuite"}, {"puis"}, {"after", "that"}, {"later", "that", "day"},
		{"dans", "la", "foulee"}})
)

func (a *article) phraseAt(k, end int, ph []string) bool {
	q := k
	for _, w := range ph {
		for q < end && a.toks[q].kind == tkPunct && a.toks[q].p == '\'' {
			q++
		}
		if q >= end || a.toks[q].norm != w {
			return false
		}
		q++
	}
	return true
}

func (a *article) hasPhrase(cl clause, ps phraseSet, visible func(int) bool) bool {
	for k := cl.t0; k < cl.t1; k++ {
		if !ps.heads[a.toks[k].norm] || !visible(k) {
			continue
		}
		for _, ph := range ps.list {
			if a.toks[k].norm == ph[0] && a.phraseAt(k, cl.t1, ph) {
				return true
			}
		}
	}
	return false
}

// actorBefore: the nearest person (or a country's leader, for a country or
// metonym subject) before token t in the clause.
func (a *article) actorBefore(si int, cl clause, t int, visible func(int) bool) string {
	s := &a.sents[si]
	for i := s.m1 - 1; i >= s.m0; i-- {
		m := &a.ments[i]
		if m.t1 > t || !visible(m.t0) {
			continue
		}
		if m.t0 < cl.t0 {
			break
		}
		if m.kind == kb.KindPerson && m.key != "" {
			return m.key
		}
		if m.kind == kb.KindCountry && (m.how == hMetonym || m.how == hName) && !m.locative {
			if iso := a.x.kb.Get(m.key); iso != nil {
				if h := a.leaderIn(iso.ISO3, ""); h != "" {
					return h
				}
			}
		}
	}
	return ""
}

// personAfter: the first person after token t in the clause.
func (a *article) personAfter(si int, cl clause, t int, visible func(int) bool) string {
	s := &a.sents[si]
	for i := s.m0; i < s.m1; i++ {
		m := &a.ments[i]
		if m.t0 < t || !visible(m.t0) {
			continue
		}
		if m.kind == kb.KindPerson && m.key != "" {
			return m.key
		}
	}
	return ""
}

// leaderIn returns the head of state or government of the country (ISO3)
// that the article names, "" if none.
func (a *article) leaderIn(iso3, date string) string {
	c := a.x.kb.Country(iso3)
	if c == nil {
		return ""
	}
	if date == "" {
		date = a.pub
	}
	best, bestN := "", 0
	for _, r := range []string{kb.RoleHeadOfState, kb.RoleHeadOfGovernment} {
		for _, h := range a.x.offices.at(r, c.Key, date) {
			if n := a.named[h.e.Key]; n > bestN {
				best, bestN = h.e.Key, n
			}
		}
	}
	return best
}

// foreignPair: at least two of the people belong to different countries.
func (a *article) foreignPair(parts []string) bool {
	cs := map[string]bool{}
	for _, p := range parts {
		if e := a.x.kb.Get(p); e != nil && e.Country != "" {
			cs[e.Country] = true
		} else if pi := a.persons[p]; pi != nil && pi.country != "" {
			cs[pi.country] = true
		}
	}
	return len(cs) >= 2
}

// otherActors: the clause names countries as actors that are not the
// pair's ("United States-Japan dialogue"): the pair is not the subject.
func (a *article) otherActors(si int, cl clause, pair []string, visible func(int) bool) bool {
	pc := map[string]bool{}
	for _, p := range pair {
		if e := a.x.kb.Get(p); e != nil {
			pc[e.Country] = true
		}
	}
	s := &a.sents[si]
	for i := s.m0; i < s.m1; i++ {
		m := &a.ments[i]
		if m.kind == kb.KindPerson && m.key != "" && !contains(pair, m.key) {
			// "The encounter is scheduled for Wednesday, when Xi and Modi
			// are to hold talks": the sentence names its own people
			return true
		}
		if !visible(m.t0) || m.kind != kb.KindCountry || m.locative {
			continue
		}
		if e := a.x.kb.Get(m.key); e != nil && !pc[e.ISO3] {
			return true
		}
	}
	return false
}

// Subject pronouns refer back to the passage's person; possessive and
// object ones often to a person of the same sentence ("After his visit
// to France, Xi Jinping visited Serbia").
var pronouns = map[string]bool{"he": true, "she": true, "il": true, "elle": true}
var weakPronouns = map[string]bool{"him": true, "his": true, "her": true}

// hasPronoun: a personal pronoun before a trigger (or right after it) in
// the clause; possessive and object pronouns count only when the clause
// names nobody.
func (a *article) hasPronoun(cl clause, trigs []trigMatch, visible func(int) bool, nparts int) bool {
	for _, tm := range trigs {
		for k := cl.t0; k < cl.t1 && k < tm.t1+3; k++ {
			n := a.toks[k].norm
			if !visible(k) {
				continue
			}
			if pronouns[n] && k < tm.t0 || weakPronouns[n] && nparts == 0 {
				return true
			}
			// "the Chinese president received him": the guest
			if tm.def.typ == tHost && k == tm.t1 && (n == "him" || n == "her") {
				return true
			}
		}
	}
	return false
}

// firstSubject: the person named (or titled) before the first trigger of
// sentence si, for a clause coordinated after it.
func (a *article) firstSubject(si int, cl clause) string {
	s := &a.sents[si]
	trigs := findTriggers(a.toks, s.t0, cl.t0, a.lang)
	if len(trigs) == 0 {
		return ""
	}
	for i := s.m0; i < s.m1; i++ {
		m := &a.ments[i]
		if m.t0 >= trigs[0].t0 {
			break
		}
		if m.kind == kb.KindPerson && m.key != "" && !a.isSpeaker(si, m.t0) {
			return m.key
		}
	}
	return ""
}

// possessive: a mention followed by 's ("Kim's father"): not the subject.
func (a *article) possessive(m *mention) bool {
	return m.t1+1 < len(a.toks) && a.toks[m.t1].p == '\'' && a.toks[m.t1+1].norm == "s"
}

// clauseSubject: the first person named in an earlier clause of sentence
// si, when that clause opens the sentence ("As vice president, Biden
// toured China ..., and ... received him").
func (a *article) clauseSubject(si int, cl clause, exclude []string) string {
	s := &a.sents[si]
	if cl.t0 <= s.t0 {
		return ""
	}
	for i := s.m0; i < s.m1; i++ {
		m := &a.ments[i]
		if m.t0 >= cl.t0 {
			break
		}
		if m.kind == kb.KindPerson && m.key != "" && !contains(exclude, m.key) && !a.isSpeaker(si, m.t0) && !a.possessive(m) {
			// "he had met Biden, and in April he was received by Xi":
			// the subject of both is a pronoun
			for k := s.t0; k < m.t0; k++ {
				if pronouns[a.toks[k].norm] {
					return ""
				}
			}
			return m.key
		}
	}
	return ""
}

// focusPerson: the last person named before sentence si (within three
// sentences), else the article's most mentioned person; not one of
// exclude.
func (a *article) focusPerson(si int, exclude []string) string {
	// the subject (first person) of the current sentence before the
	// pronoun's clause, else of the nearest previous sentence naming one
	cnt := a.personCounts()
	top, topN := "", 0
	for k, n := range cnt {
		if (n > topN || n == topN && k < top) && !contains(exclude, k) {
			top, topN = k, n
		}
	}
	for sj := si - 1; sj >= 0 && sj >= si-3; sj-- {
		s := &a.sents[sj]
		for i := s.m0; i < s.m1; i++ {
			m := &a.ments[i]
			if m.kind == kb.KindPerson && m.key != "" && !a.possessive(m) {
				if contains(exclude, m.key) {
					break
				}
				// a passing speaker ("Chief Cabinet Secretary X told
				// reporters ...") is not who "he" goes on about: the
				// story's main person is
				if cnt[m.key] <= 1 && topN >= 3 && top != m.key {
					return top
				}
				return m.key
			}
		}
	}
	best, bn := "", 0
	for k, n := range cnt {
		if n > bn || n == bn && k < best {
			if !contains(exclude, k) {
				best, bn = k, n
			}
		}
	}
	return best
}

// groupPhrase: "the three leaders", "les trois dirigeants": the number.
func (a *article) groupPhrase(cl clause, visible func(int) bool) int {
	for k := cl.t0; k+2 < cl.t1; k++ {
		if !visible(k) {
			continue
		}
		n := a.toks[k].norm
		if n != "the" && n != "les" && n != "all" && n != "tous" {
			continue
		}
		q := k + 1
		if a.toks[q].norm == "les" {
			q++
		}
		v, ok := numberWords[a.toks[q].norm]
		if !ok || q+1 >= cl.t1 {
			continue
		}
		switch a.toks[q+1].norm {
		case "leaders", "men", "presidents", "heads", "dirigeants", "hommes", "chefs":
			return v
		}
	}
	return 0
}

// endVerbBefore: a verb of ending right before a date ("ends on
// Sunday", "s'achève ce dimanche", "se termine le 9").
func (a *article) endVerbBefore(si, t int) bool {
	s := &a.sents[si]
	for k := t - 1; k >= s.t0 && k >= t-3; k-- {
		switch a.toks[k].norm {
		case "ends", "ended", "end", "concludes", "concluded", "closes", "closed", "acheve", "achevera", "termine",
			"terminera", "cloture", "clos", "prend":
			return true
		}
	}
	return false
}

// relativeDayClause: the clause opens with "a day after", "two days
// before", "la veille de", "au lendemain de": the event is n days before
// (sign +1: "after") or after (sign -1) the date of the main clause.
func (a *article) relativeDayClause(cl clause) (int, int, bool) {
	k := cl.t0
	for k < cl.t1 && a.toks[k].kind == tkPunct {
		k++
	}
	if k+2 >= cl.t1 {
		return 0, 0, false
	}
	n, ok := numberWords[a.toks[k].norm]
	if a.toks[k].norm == "a" || a.toks[k].norm == "one" {
		n, ok = 1, true
	}
	if !ok || (a.toks[k+1].norm != "day" && a.toks[k+1].norm != "days") {
		return 0, 0, false
	}
	switch a.toks[k+2].norm {
	case "after":
		return n, 1, true
	case "before":
		return n, -1, true
	}
	return 0, 0, false
}

// dateNear: a resolved date (not a period start) within n tokens of a
// trigger.
func (a *article) dateNear(si int, trigs []trigMatch, n int) bool {
	s := &a.sents[si]
	for d := s.d0; d < s.d1; d++ {
		dr := &a.dates[d]
		if dr.since || dr.value == "" && dr.m.Anchor != dates.AnchorPrevious {
			continue
		}
		for _, tm := range trigs {
			if tokDist(dr.t0, dr.t1, tm.t0, tm.t1) <= n {
				return true
			}
		}
	}
	return false
}

// hasEventDate: the sentence has a resolved date that is not the start of
// a period.
func (a *article) hasEventDate(si int) bool {
	s := &a.sents[si]
	for d := s.d0; d < s.d1; d++ {
		if !a.dates[d].since && (a.dates[d].value != "" || a.dates[d].m.Anchor == dates.AnchorPrevious) {
			return true
		}
	}
	return false
}

// pairAt returns the two people of the current passage: those of the last
// event of two or more people in the preceding sentences, else the two
// people the article mentions most (twice or more each).
func (a *article) pairAt(si int, last *localEvent) []string {
	cnt := a.personCounts()
	if a.sents[si].first && si > 0 {
		// a paragraph opening with "the two leaders" goes back to the
		// people of the story
		if g := a.mainPair(cnt); g != nil {
			return g
		}
	}
	if a.lastPeople != nil && a.lastPeople.date == "" && len(a.lastPeople.parts) == 2 && (last == nil || a.lastPeople.sent > last.sent) && si-a.lastPeople.sent <= 1 &&
		a.hasPhrase(clause{a.sents[si].t0, a.sents[si].t1}, pairSet, func(int) bool { return true }) {
		// "...reçu avec faste par Vladimir Poutine. Les deux hommes ...":
		// the people of the sentence before, even undated
		return a.lastPeople.parts
	}
	if last != nil && len(last.parts) >= 2 && si-last.sent <= 12 {
		if len(last.parts) == 2 {
			// a passing pair (someone named once) gives way to the
			// article's main pair
			if (cnt[last.parts[0]] <= 1 || cnt[last.parts[1]] <= 1) && (last.status == graph.StatusPlanned || a.hasEventDate(si)) {
				if g := a.mainPair(cnt); g != nil {
					return g
				}
			}
			return last.parts
		}
		// "the two presidents" after a call with five leaders: the last
		// pair of the story
		if a.lastPair != nil && si-a.lastPair.sent <= 12 {
			return a.lastPair.parts
		}
		ps := append([]string(nil), last.parts...)
		sort.SliceStable(ps, func(i, j int) bool { return cnt[ps[i]] > cnt[ps[j]] })
		return ps[:2]
	}
	return a.mainPair(cnt)
}

// mainPair: the two people the article is about, when they stand out.
func (a *article) mainPair(cnt map[string]int) []string {
	type kv struct {
		k string
		n int
	}
	var l []kv
	for k, n := range cnt {
		if n >= 2 {
			l = append(l, kv{k, n})
		}
	}
	sort.Slice(l, func(i, j int) bool {
		if l[i].n != l[j].n {
			return l[i].n > l[j].n
		}
		return l[i].k < l[j].k
	})
	if len(l) < 2 {
		return nil
	}
	// a clear pair: the third is much rarer
	if len(l) > 2 && l[2].n*2 > l[1].n {
		return nil
	}
	return []string{l[0].k, l[1].k}
}

// mentionAt: a mention covers token t.
func (a *article) mentionAt(si, t int) bool {
	s := &a.sents[si]
	for i := s.m0; i < s.m1; i++ {
		if t >= a.ments[i].t0 && t < a.ments[i].t1 {
			return true
		}
	}
	return false
}

// landmarkLocative: "at the Great Hall", "on Red Square", "by the
// Forbidden City", "sur la place Rouge".
func (a *article) landmarkLocative(si, t int) bool {
	if a.isLocative(si, t) {
		return true
	}
	s := &a.sents[si]
	k := t - 1
	for k >= s.t0 && (a.toks[k].norm == "the" || a.toks[k].norm == "la" || a.toks[k].norm == "le" || a.toks[k].norm == "l" || a.toks[k].p == '\'') {
		k--
	}
	if k < s.t0 {
		return false
	}
	switch a.toks[k].norm {
	case "on", "by", "outside", "inside", "near", "before", "sur", "devant", "pres":
		return true
	}
	return false
}

// personCounts counts the mentions of each person in the article.
func (a *article) personCounts() map[string]int {
	if a.pcount != nil {
		return a.pcount
	}
	cnt := map[string]int{}
	for si := range a.sents {
		s := &a.sents[si]
		for i := s.m0; i < s.m1; i++ {
			m := &a.ments[i]
			// "the day after Donald Trump's inauguration": a time mark, not
			// one of the people the story is about
			if m.kind == kb.KindPerson && m.key != "" && !a.inTimePhrase(si, m.t0) {
				cnt[m.key]++
			}
		}
	}
	a.pcount = cnt
	return cnt
}

// locate sets the place, its country and the organization of the event.
func (a *article) locate(si int, cl clause, trigs []trigMatch, visible func(int) bool, ev *localEvent) {
	s := &a.sents[si]
	t := trigs[0].t0
	bestD := 1 << 30
	setPlace := func(key string, at int) {
		if key == "" {
			return
		}
		d := at - t
		if d < 0 {
			d = -d*2 + 1 // prefer places after the trigger
		}
		if d < bestD {
			if p := a.x.kb.Get(key); p != nil {
				// a landmark stands for its city
				if city, ok := landmarks[Fold(p.Name)]; ok && city != "" {
					if ck := a.x.placeByName(city); ck != "" {
						key = ck
					}
				}
				bestD = d
				ev.place = key
				ev.country = p.Country
			}
		}
	}
	phone := ev.has(tPhone) && ev.types == 1<<uint(tPhone)
	var visitCountry string
	visitAt := 1 << 30
	for i := s.m0; i < s.m1; i++ {
		m := &a.ments[i]
		if !visible(m.t0) {
			continue
		}
		if m.t0 > 0 && departure[a.toks[m.t0-1].norm] {
			continue // "left New Delhi for Hanoi": the point of departure
		}
		if m.t0 > 0 && (a.toks[m.t0-1].norm == "from" || a.toks[m.t0-1].norm == "depuis") && m.kind != kb.KindOrganization {
			continue // "a journey of several days from Pyongyang"
		}
		if m.kind == kb.KindCountry && m.t1+1 < s.t1 && a.toks[m.t1].p == '\'' && a.toks[m.t1+1].norm == "s" {
			continue // "in Russia's Far East": somewhere in Russia, not Moscow
		}
		if (m.kind == kb.KindPlace || m.kind == kb.KindCountry) && a.topicalPlace(si, m) {
			continue // "the war in Gaza", "la crise au Soudan": a topic, not a venue
		}
		switch {
		case m.kind == kb.KindCountry && m.how == hMetonym && m.place != "" && m.t0 > 1 && (a.toks[m.t0-1].norm == "for" || a.toks[m.t0-1].norm == "pour") && a.departed(si, m.t0):
			if !phone {
				setPlace(m.place, m.t0) // "left X for Hanoi, where ..."
			}
		case m.kind == kb.KindPlace:
			if !phone {
				setPlace(m.key, m.t0)
			}
		case m.kind == kb.KindCountry && m.how == hMetonym && m.locative && m.place != "":
			if !phone {
				setPlace(m.place, m.t0)
			}
		case m.kind == kb.KindOrganization:
			if ev.org == "" {
				ev.org = m.key
			}
		case m.kind == kb.KindCountry && m.how == hName && m.locative && m.t0 > t:
			if m.t0 < visitAt {
				visitAt = m.t0
				if e := a.x.kb.Get(m.key); e != nil {
					visitCountry = e.ISO3
				}
			}
		}
	}
	if !phone {
		// landmarks
		for k := cl.t0; k < cl.t1; k++ {
			if !visible(k) {
				continue
			}
			for _, w := range landmarkIndex[a.toks[k].norm] {
				if a.phraseAt(k, cl.t1, w) && a.landmarkLocative(si, k) {
					if city := landmarks[strings.Join(w, " ")]; city != "" {
						setPlace(a.x.placeByName(city), k)
					}
				}
			}
		}
		// "the capital of China", "la capitale chinoise"
		for k := cl.t0; k+2 < cl.t1; k++ {
			if n := a.toks[k].norm; (n == "capital" || n == "capitale") && visible(k) {
				for i := s.m0; i < s.m1; i++ {
					m := &a.ments[i]
					if m.kind == kb.KindCountry && m.t0 > k && m.t0 <= k+3 {
						if c := a.x.kb.Get(m.key); c != nil && c.Capital != "" {
							setPlace(c.Capital, m.t0)
						}
					}
				}
			}
		}
	}
	// "in Bethlehem": a place the KB lacks, named after a locative
	// preposition right after the trigger
	if ev.place == "" && !phone {
		for _, tm := range trigs {
			for k := tm.t1; k+1 < cl.t1 && k <= tm.t1+6; k++ {
				n := a.toks[k].norm
				if n != "in" && n != "at" && n != "a" && n != "en" {
					continue
				}
				if k > 0 && topicNouns[a.toks[k-1].norm] {
					continue // "the war in Gaza"
				}
				nx := &a.toks[k+1]
				if nx.kind != tkWord || !nx.cap || sentenceWord[nx.norm] || a.mentionAt(si, k+1) {
					continue
				}
				j := k + 1
				for j < cl.t1 && a.toks[j].kind == tkWord && a.toks[j].cap && !a.mentionAt(si, j) && j < k+4 {
					j++
				}
				name := a.doc.Text[a.toks[k+1].s:a.toks[j-1].e]
				ev.place = "place:unresolved:" + slug(name)
				ev.placeName = name
				if visitCountry != "" {
					ev.country = visitCountry
				}
				break
			}
			if ev.place != "" {
				break
			}
		}
	}
	if ev.place == "" && visitCountry != "" && !phone {
		ev.country = visitCountry
		if ev.has(tVisit) || ev.has(tHost) {
			if c := a.x.kb.Country(visitCountry); c != nil && c.Capital != "" && a.x.kb.Get(c.Capital) != nil {
				ev.place, ev.placeCap = c.Capital, true
			}
		}
	}
}

// Verbs of departure: the place after them is not the event's.
var departure = map[string]bool{"left": true, "leaves": true, "leaving": true, "departed": true, "quitte": true, "quitté": true, "quitter": true, "quittant": true}

// departed: a departure verb precedes token t in the sentence.
func (a *article) departed(si, t int) bool {
	s := &a.sents[si]
	for k := t - 1; k >= s.t0 && k >= t-6; k-- {
		if departure[a.toks[k].norm] {
			return true
		}
	}
	return false
}

// dateEvent picks the date of the event: an expression of its clause,
// else of the sentence not claimed by another clause, else the previous
// passage's, else (lead of a news report) the publication date.
func (a *article) dateEvent(si int, cl clause, trigs []trigMatch, owner map[int]int, gid int, fut, past bool, last *localEvent, ev *localEvent, visible func(int) bool) {
	s := &a.sents[si]
	best, bestD := -1, 1<<30
	endOnly := ""       // the end of the event when the clause gives only that
	whenClause := false // "in August 2011, when the Russian president received him"
	coordClause := cl.t0 > s.t0 && (a.toks[cl.t0].norm == "and" || a.toks[cl.t0].norm == "et" || linkedVerb[a.toks[cl.t0].norm])
	if cl.t0 < s.t1 {
		n := a.toks[cl.t0].norm
		whenClause = n == "when" || n == "quand" || n == "lorsque" || n == "lorsqu"
	}
	for d := s.d0; d < s.d1; d++ {
		dr := &a.dates[d]
		// "depuis septembre 2019, quand il y avait été reçu": the time of
		// the when-clause
		sinceWhen := whenClause && dr.t1 >= cl.t0-2 && dr.t1 <= cl.t0 ||
			coordClause && !dr.since && dr.t1 <= cl.t0 && !a.clauseHasDate(si, cl) // "On Monday X called on A and held talks with B"
		if dr.since && !sinceWhen {
			continue
		}
		v := a.dateValue(dr, fut || a.futureBefore(dr), past, last)
		if v == "" {
			continue
		}
		// a plan cannot lie in the past of the article
		if fut && a.pub != "" && prefixCmp(v, a.pub) < 0 {
			continue
		}
		dist := 1 << 20
		for _, tm := range trigs {
			x := dr.t0 - tm.t1
			if dr.t1 <= tm.t0 {
				x = tm.t0 - dr.t1
			}
			if x < 0 {
				x = 0
			}
			if x < dist {
				dist = x
			}
		}
		if o, ok := owner[d]; ok && o != gid && !sinceWhen {
			continue
		}
		if inSpan(dr.t0, cl) && !visible(dr.t0) {
			continue
		}
		if a.endVerbBefore(si, dr.t0) {
			if inSpan(dr.t0, cl) && len(v) == 10 && (endOnly == "" || v > endOnly) {
				endOnly = v
			}
			continue // "qui s'achève dimanche": the end, not the date
		}
		if !inSpan(dr.t0, cl) {
			dist += 1000
		}
		if dr.m.Anchor == dates.AnchorPrevious && (!dr.m.Resolved || dr.value == "") {
			dist += 50 // "quatre jours après ..., vendredi dernier": the weekday says it
		}
		if a.openedBefore(dr) && len(v) == 10 {
			dist = 0 // "The meeting, held to mark ... in 1949, opened on Tuesday"
		}
		if dr.relative && len(v) == 4 && a.dayDateIn(si, cl, d) {
			// "se sont engagés vendredi à remplacer cette année
			// l'armistice": "this year" dates the plan, the day the event
			dist += 40
		}
		if dist < bestD {
			best, bestD = d, dist
		}
	}
	if day := a.storyDay(); day != nil && a.caption(si) {
		// "(Photo caption: the three presidents pose before their talks
		// in Tehran.)": the picture is of the story's event
		ev.date, ev.dateHow = day.date, dInherited
		return
	}
	if best >= 0 {
		dr := &a.dates[best]
		ev.date = a.dateValue(dr, fut || a.futureBefore(dr), past, last)
		if len(ev.date) == 10 && dr.m.Anchor == dates.AnchorPrevious && dr.m.ShiftMonths == 0 && dr.m.ShiftDays != 0 && a.namesOwnEvent(dr, trigs) {
			// "le 17 décembre 2014, au lendemain d'un entretien
			// téléphonique": the call was the day before the 17th, not
			// the day after
			ev.date = dates.Shift(ev.date, -2*dr.m.ShiftDays)
		}
		if len(ev.date) == 10 && a.eveBefore(si, dr.t0) {
			// "met on the eve of the summit, which opens on Tuesday"
			ev.date = dates.Shift(ev.date, -1)
		}
		if dr.m.Anchor == dates.AnchorPrevious && last != nil {
			// "the next day": the passage goes on with the same people;
			// "a week later, X met Y", "three months earlier, X met Y":
			// another occasion, only a lone person gets company
			near := dr.m.ShiftMonths == 0 && dr.m.ShiftDays <= 2 && dr.m.ShiftDays >= -2
			ev.anaphoric = !near
			few := len(ev.parts) < 2
			for _, p := range last.parts {
				if !contains(ev.parts, p) && (near && few || len(ev.parts) < 2) {
					ev.parts = append(ev.parts, p)
				}
			}
			if ev.place == "" && !ev.has(tPhone) {
				ev.place, ev.country = last.place, last.country
			}
		}
		if dr.end != "" && !dr.relative && dates.PrecisionOf(dr.end) == dates.Day && ev.date == dr.value {
			ev.dateEnd = dr.end
		}
		if ev.has(tSummit) {
			// "hosted the two-day meeting, which opened on Thursday": the
			// opening day is the summit's date
			if v := a.openingDate(si, fut, past, last); v != "" && v != ev.date && len(v) == 10 && withinDays(v, ev.date, 7) {
				ev.date = v
			}
		}
		if ev.dateEnd == "" {
			ev.dateEnd = a.rangeEnd(si, best, ev.date, fut, past, last)
		}
		ev.dateHow = dSentence
		return
	}
	// "greeted the visiting prime minister on the tarmac, when he landed
	// on Tuesday afternoon": the when-clause that follows gives the time
	if cl.t1 < s.t1 {
		q := cl.t1
		if q < s.t1 && a.toks[q].norm == "," {
			q++
		}
		if q < s.t1 {
			if n := a.toks[q].norm; n == "when" || n == "quand" || n == "lorsque" || n == "lorsqu" {
				for d := s.d0; d < s.d1; d++ {
					dr := &a.dates[d]
					if dr.t0 > q && !dr.since {
						if v := a.dateValue(dr, fut, past, last); v != "" {
							ev.date, ev.dateHow = v, dSentence
							return
						}
					}
				}
			}
		}
	}
	if endOnly != "" && (ev.has(tSummit) || ev.has(tVisit)) {
		// "Ce 38e sommet, qui s'achève ce dimanche": it ends that day and
		// began in that month, at the latest
		ev.date, ev.dateEnd, ev.dateHow = endOnly[:7], endOnly, dSentence
		return
	}
	// ", a day after talks with X": a day before the sentence's date
	if n, sign, ok := a.relativeDayClause(cl); ok {
		for d := s.d0; d < s.d1; d++ {
			dr := &a.dates[d]
			if dr.t0 < cl.t0 && len(dr.value) == 10 && !dr.since {
				ev.date = dates.Shift(dr.value, -sign*n)
				ev.dateHow = dSentence
				return
			}
		}
	}
	// "Trump then telephoned Zelensky": the sequel of the last event
	if last != nil && len(last.date) == 10 && last.sent < si && si-last.sent <= 5 && !fut && overlap(last.parts, ev.parts) > 0 &&
		a.hasPhrase(cl, sequelSet, visible) {
		ev.date = last.date
		ev.dateHow = dInherited
		return
	}
	// the previous event of the passage
	if last != nil && last.date != "" && last.sent < si && si-last.sent <= 2 && a.sents[last.sent].block >= a.sents[si].block-1 &&
		overlap(last.parts, ev.parts) > 0 && !(fut && last.status == graph.StatusOccurred) && (last.typ == tPhone) == (ev.typ == tPhone) {
		ev.date = last.date
		ev.dateHow = dInherited
		if ev.place == "" && !ev.has(tPhone) {
			ev.place, ev.country = last.place, last.country
		}
		return
	}
	// a date of the previous sentence of the same paragraph about the
	// same people
	if si > 0 && a.sents[si-1].block == s.block || si > 0 && a.sents[si-1].block == s.block-1 && s.first {
		p := &a.sents[si-1]
		if a.mentionsAny(si-1, ev.parts) || !a.mentionsPerson(si-1) {
			for d := p.d1 - 1; d >= p.d0; d-- {
				dr := &a.dates[d]
				if dr.since {
					continue
				}
				if v := a.dateValue(dr, fut, past, last); v != "" && dates.PrecisionOf(v) >= dates.Month {
					ev.date = v
					ev.dateHow = dInherited
					return
				}
			}
		}
	}
	// the lead of a news report: today (present) or this month (past)
	if a.pub != "" && a.isLead(si) && !fut {
		if past {
			ev.date = a.pub[:7]
		} else {
			ev.date = a.pub
		}
		ev.dateHow = dLead
	}
}

// unresolvedDate: the folded text of a date expression in clause cl that
// needs the publication date ("lundi", "on Sunday"), or "".
func (a *article) unresolvedDate(si int, cl clause) string {
	s := &a.sents[si]
	for d := s.d0; d < s.d1; d++ {
		dr := &a.dates[d]
		if inSpan(dr.t0, cl) && dr.value == "" && dr.m.Anchor == dates.AnchorPublication && !dr.since {
			return Fold(dr.m.Text)
		}
	}
	return ""
}

// clauseHasDate: a date expression inside clause cl.
func (a *article) clauseHasDate(si int, cl clause) bool {
	s := &a.sents[si]
	for d := s.d0; d < s.d1; d++ {
		if inSpan(a.dates[d].t0, cl) {
			return true
		}
	}
	return false
}

// shiftBeforeEventNoun: an anaphoric shift ending in after/before that
// is followed by a meeting noun ("a month after the visit", "trois jours
// après sa rencontre avec").
func (a *article) shiftBeforeEventNoun(dr *dateRef) bool {
	if dr.t1 <= dr.t0 || dr.t1 > len(a.toks) {
		return false
	}
	switch a.toks[dr.t1-1].norm {
	case "after", "before", "apres", "avant":
	default:
		return false
	}
	// "The call comes a month after", "Le geste intervient un mois
	// après": the story's event comes after the one the noun names
	come := false
	for q := dr.t0 - 1; q >= 0 && q >= dr.t0-3; q-- {
		switch a.toks[q].norm {
		case "comes", "came", "come", "follows", "followed", "intervient", "intervenait", "survient", "arrive", "arrivait", "suit":
			come = true
		}
	}
	if !come {
		return false
	}
	for q := dr.t1; q < len(a.toks) && q <= dr.t1+3; q++ {
		for _, tm := range findTriggers(a.toks, q, min(len(a.toks), q+4), a.lang) {
			if tm.t0 == q && tm.def.noun && tm.def.strong {
				return true
			}
		}
		// "came a week after Xi Jinping and Vladimir Putin met in Astana"
		if si := sort.Search(len(a.sents), func(i int) bool { return a.sents[i].t1 > q }); si < len(a.sents) && q >= a.sents[si].t0 {
			s := &a.sents[si]
			if i := mentionStarting(a.ments[s.m0:s.m1], q); i >= 0 && a.ments[s.m0+i].kind == kb.KindPerson && a.subjectOfVerbAfter(si, q) {
				return true
			}
		}
		switch a.toks[q].norm {
		case "the", "his", "her", "their", "la", "le", "l", "sa", "son", "leur", "'", "’", "a", "an", "une", "un":
			continue
		}
		return false
	}
	return false
}

// futureBefore: a future auxiliary or verb right before a date, in its
// own words ("which Widodo will open on Tuesday").
func (a *article) futureBefore(dr *dateRef) bool {
	for k := dr.t0 - 1; k >= 0 && k >= dr.t0-4; k-- {
		t := &a.toks[k]
		if t.kind == tkPunct {
			return false
		}
		switch t.norm {
		case "will", "shall", "ll", "va", "vont", "doit", "doivent":
			return true
		}
		if a.lang == "fr" && len(t.norm) > 5 && (strings.HasSuffix(t.norm, "ra") || strings.HasSuffix(t.norm, "ront")) {
			return true
		}
	}
	return false
}

// eveBefore: "on the eve of", "à la veille de" before token t in the
// sentence: the date is the day after the event's.
func (a *article) eveBefore(si, t int) bool {
	s := &a.sents[si]
	for k := s.t0; k+1 < t; k++ {
		n, nx := a.toks[k].norm, a.toks[k+1].norm
		if n == "eve" && nx == "of" || n == "veille" && (nx == "de" || nx == "du" || nx == "d") {
			return true
		}
	}
	return false
}

// openingDate: a day after a verb of opening in sentence si ("which
// opened on Thursday", "qui s'est ouvert jeudi", "began on").
func (a *article) openingDate(si int, fut, past bool, last *localEvent) string {
	s := &a.sents[si]
	for d := s.d0; d < s.d1; d++ {
		dr := &a.dates[d]
		for k := dr.t0 - 1; k >= s.t0 && k >= dr.t0-3; k-- {
			switch a.toks[k].norm {
			case "opened", "opens", "began", "begins", "started", "starts", "ouvert", "ouverte", "ouvre", "debute", "commence":
				return a.dateValue(dr, fut, past, last)
			}
		}
	}
	return ""
}

// rangeEnd: the end of a range of days written as two expressions
// ("from Friday to Sunday", "du jeudi au samedi", "s'est ouvert jeudi et
// s'est achevé vendredi"): a later day of the same fortnight, joined to
// the start by a range word or introduced by a verb of ending.
func (a *article) rangeEnd(si, d0 int, start string, fut, past bool, last *localEvent) string {
	s := &a.sents[si]
	if len(start) != 10 {
		return ""
	}
	first := &a.dates[d0]
	for d := s.d0; d < s.d1; d++ {
		dr := &a.dates[d]
		if d == d0 {
			continue
		}
		v := a.dateValue(dr, fut, past, last)
		if len(v) != 10 || v <= start || !withinDays(start, v, 14) || dr.since {
			continue
		}
		joined := false
		if k := first.t1; k < dr.t0 && dr.t0-k <= 2 && d > d0 {
			switch a.toks[k].norm {
			case "to", "until", "through", "till", "au", "jusqu", "-", "–", "and", "et":
				joined = true
				if (a.toks[k].norm == "and" || a.toks[k].norm == "et") && first.t0 > 0 {
					p := a.toks[first.t0-1].norm
					joined = p == "between" || p == "entre"
				}
			}
		}
		if joined || a.endVerbBefore(si, dr.t0) {
			return v
		}
	}
	return ""
}

// openedBefore: the date follows an opening verb ("opened on Tuesday",
// "s'est ouvert mardi", "began on Monday").
func (a *article) openedBefore(dr *dateRef) bool {
	k := dr.t0 - 1
	if k >= 0 && (a.toks[k].norm == "on" || a.toks[k].norm == "le") {
		k--
	}
	if k < 0 {
		return false
	}
	switch a.toks[k].norm {
	case "opened", "opens", "began", "begins", "started", "ouvert", "ouverte", "debute", "commence":
		return true
	}
	return false
}

// dayDateIn: the clause cl of sentence si holds a day-precise date other
// than date d.
func (a *article) dayDateIn(si int, cl clause, d int) bool {
	s := &a.sents[si]
	for o := s.d0; o < s.d1; o++ {
		if dr := &a.dates[o]; o != d && !dr.since && len(dr.value) == 10 && inSpan(dr.t0, cl) {
			return true
		}
	}
	return false
}

// honoree: the person at token t is the one a tribute or funeral is for
// ("l'hommage à Nelson Mandela", "the memorial for Nelson Mandela",
// "les obsèques de X", "in memory of X").
func (a *article) honoree(t int) bool {
	if t < 2 {
		return false
	}
	p, q := a.toks[t-1].norm, a.toks[t-2].norm
	switch {
	case (p == "a" || p == "to") && (q == "hommage" || q == "tribute" || q == "homage"):
		return true
	case (p == "de" || p == "d" || p == "of" || p == "for") && (q == "obseques" || q == "funerailles" || q == "funeral" || q == "memorial" || q == "memory" || q == "memoire"):
		return true
	case p == "'" && t >= 3 && a.toks[t-2].norm == "d" && (a.toks[t-3].norm == "obseques" || a.toks[t-3].norm == "funerailles" || a.toks[t-3].norm == "memoire"):
		return true
	}
	return false
}

// storyDay: the event of the story's own day: the latest day-dated event
// up to the publication date, else the first day-dated one (a summit still
// awaiting its roster).
func (a *article) storyDay() *localEvent {
	if a.present != nil {
		return a.present
	}
	return a.firstDay
}

// caption: sentence si is a photo caption ("(Photo caption: ...",
// "Caption: ...", "Légende : ...").
func (a *article) caption(si int) bool {
	s := &a.sents[si]
	k := s.t0
	if k < s.t1 && (a.toks[k].norm == "(" || a.toks[k].norm == "[") {
		k++
	}
	if k < s.t1 && a.toks[k].norm == "photo" {
		k++
	}
	return k+1 < s.t1 && (a.toks[k].norm == "caption" || a.toks[k].norm == "legende") && a.toks[k+1].norm == ":"
}

// namesOwnEvent: the relative day expression dr ("au lendemain", "the day
// after", "à la veille") is followed by de/of and the event's own noun
// trigger: it tells when something else happened relative to this event.
func (a *article) namesOwnEvent(dr *dateRef, trigs []trigMatch) bool {
	q := dr.t1
	if q >= len(a.toks) {
		return false
	}
	switch a.toks[q].norm {
	case "de", "d", "du", "of":
	default:
		return false
	}
	q++
	for q < len(a.toks) && q <= dr.t1+4 {
		switch a.toks[q].norm {
		case "'", "’", "the", "a", "an", "un", "une", "la", "le", "l", "sa", "son", "leur", "his", "her", "their":
			q++
			continue
		}
		break
	}
	for _, tm := range trigs {
		if tm.t0 != q || !tm.def.noun {
			return false
		}
	}
	return len(trigs) > 0
}

// dateValue resolves a date reference for an event: anaphoric ones against
// the last event, week-like relative ranges to their common prefix.
func (a *article) dateValue(dr *dateRef, fut, past bool, last *localEvent) string {
	v := dr.value
	anaphoric := dr.m.Anchor == dates.AnchorPrevious && (!dr.m.Resolved || v == "")
	if anaphoric && a.shiftBeforeEventNoun(dr) {
		// "Le geste intervient un mois après la visite d'État de M. Xi à
		// Moscou": the visit lies a month before the story's day, not a
		// month after the last event
		present := a.storyDay()
		if present == nil {
			return ""
		}
		if dr.m.ShiftMonths != 0 {
			return dates.ShiftMonths(present.date, -int(dr.m.ShiftMonths), dr.m.ShiftYears)
		}
		w := dates.Shift(present.date, -dr.m.ShiftDays)
		if dr.m.ShiftDays <= -14 || dr.m.ShiftDays >= 14 {
			w = w[:7]
		}
		return w
	}
	if anaphoric && dr.m.ShiftMonths != 0 {
		// "three months earlier", "un an plus tard": from the last event
		if last != nil && last.date != "" {
			v = dates.ShiftMonths(last.date, int(dr.m.ShiftMonths), dr.m.ShiftYears)
		}
	} else if anaphoric {
		if last != nil && last.anaphoric && a.narr != nil && dr.m.ShiftDays >= -7 && dr.m.ShiftDays <= 7 {
			// "la veille" after a flashback ("six weeks earlier, ..."):
			// the day before the story's own event
			last = a.narr
		}
		if a.present != nil && a.pub != "" && dr.m.ShiftDays < 0 && dr.m.ShiftDays >= -7 && dr.m.ShiftMonths == 0 && (last == nil || last.date < a.present.date) {
			// "La veille, Lula avait été reçu" after a background event
			// (the inauguration of 1 January): the eve of the story's day
			// (known only with a publication date: without one, the
			// latest day-dated event may itself be a flashback)
			last = a.present
		}
		if last != nil && dates.PrecisionOf(last.date) == dates.Day {
			base := last.date
			if dr.m.ShiftDays > 0 && last.dateEnd != "" {
				base = last.dateEnd
			}
			v = dates.Shift(base, dr.m.ShiftDays)
			if dr.m.ShiftDays <= -14 || dr.m.ShiftDays >= 14 {
				v = v[:7] // "six weeks earlier": a month, not a day
			}
		}
	}
	// "On Wednesday" in a present-tense sentence published on a Tuesday:
	// the coming Wednesday
	if dr.future != "" && (fut || !past && a.pub != "" && withinDays(a.pub, dr.future, 7) && a.nearerFuture(v, dr.future)) {
		v = dr.future
	}
	if v == "" {
		return ""
	}
	if dr.relative && dr.end != "" && dr.m.Anchor == dates.AnchorPublication {
		v = commonPrefix(v, dr.end)
	}
	return v
}

// nearerFuture: with no tense to go by, a weekday is the nearer of its
// two readings ("Tuesday" in an article of Wednesday is yesterday; on
// Monday it is tomorrow).
func (a *article) nearerFuture(past, future string) bool {
	if len(past) != 10 || len(a.pub) != 10 {
		return true
	}
	for n := 0; n <= 7; n++ {
		if dates.Shift(a.pub, n) == future {
			return true
		}
		if dates.Shift(a.pub, -n) == past {
			return false
		}
	}
	return true
}

// withinDays: b is a day at most n days after the day a.
func withinDays(a, b string, n int) bool {
	if len(a) != 10 || len(b) != 10 {
		return false
	}
	return b >= a && b <= dates.Shift(a, n)
}

// commonPrefix of two ISO dates at a date-part boundary.
func commonPrefix(a, b string) string {
	switch {
	case len(a) >= 10 && len(b) >= 10 && a[:10] == b[:10]:
		return a[:10]
	case len(a) >= 7 && len(b) >= 7 && a[:7] == b[:7]:
		return a[:7]
	case len(a) >= 4 && len(b) >= 4 && a[:4] == b[:4]:
		return a[:4]
	}
	return ""
}

// without returns a copy of l without s.
func without(l []string, s string) []string {
	var out []string
	for _, x := range l {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func overlap(x, y []string) int {
	n := 0
	for _, a := range x {
		for _, b := range y {
			if a == b {
				n++
			}
		}
	}
	return n
}

func (a *article) mentionsAny(si int, keys []string) bool {
	s := &a.sents[si]
	for i := s.m0; i < s.m1; i++ {
		for _, k := range keys {
			if a.ments[i].key == k {
				return true
			}
		}
	}
	return false
}

func (a *article) mentionsPerson(si int) bool {
	s := &a.sents[si]
	for i := s.m0; i < s.m1; i++ {
		if a.ments[i].kind == kb.KindPerson {
			return true
		}
	}
	return false
}

// isLead: the first or second body sentence of the article.
func (a *article) isLead(si int) bool {
	n := 0
	for i := 0; i <= si && i < len(a.sents); i++ {
		if a.sents[i].kind == text.Body {
			n++
		}
	}
	return n <= 2
}

// duration: "two-day state visit", "N-day trip", "visite de trois jours".
func (a *article) duration(si int, cl clause) int {
	for k := cl.t0; k+2 < cl.t1; k++ {
		n := 0
		if v, ok := numberWords[a.toks[k].norm]; ok {
			n = v
		} else if a.toks[k].kind == tkNum && len(a.toks[k].norm) <= 2 {
			for _, c := range a.toks[k].norm {
				n = n*10 + int(c-'0')
			}
		}
		if n <= 0 || n > 30 {
			continue
		}
		q := k + 1
		if a.toks[q].p == '-' {
			q++
		}
		if q < cl.t1 && (a.toks[q].norm == "day" || a.toks[q].norm == "jours" || a.toks[q].norm == "jour") {
			return n
		}
	}
	return 0
}

// placeByName finds a place key by its folded name.
func (x *Extractor) placeByName(name string) string {
	f := Fold(name)
	for _, k := range []string{"place:" + strings.ReplaceAll(f, " ", "-")} {
		if x.kb.Get(k) != nil {
			return k
		}
	}
	return x.placeNames[f]
}

// Nouns whose place is a topic, not a venue ("the war in Gaza", "la guerre
// en Ukraine", "the Sudan crisis").
var topicNouns = map[string]bool{
	"war": true, "wars": true, "conflict": true, "crisis": true, "fighting": true, "violence": true, "situation": true,
	"ceasefire": true, "truce": true, "invasion": true, "offensive": true, "occupation": true, "famine": true,
	"guerre": true, "conflit": true, "crise": true, "combats": true, "treve": true,
	"cessez": true,
	// "the warring sides in Libya", "les belligérants au Soudan": people
	// of a place, not where the event is
	"sides": true, "parties": true, "factions": true, "camps": true, "rebels": true, "militias": true,
	"belligerants": true, "rebelles": true, "milices": true,
}

var topicPreps = map[string]bool{"in": true, "on": true, "over": true, "of": true, "en": true, "au": true, "aux": true, "a": true, "dans": true, "de": true, "du": true, "d": true}

// topicalPlace: a place mention that names the topic of a noun ("the war
// in Gaza", "la guerre en Ukraine", "the Gaza war", "the Ukraine crisis").
func (a *article) topicalPlace(si int, m *mention) bool {
	s := &a.sents[si]
	k := m.t0 - 1
	for k > s.t0 && (a.toks[k].norm == "the" || a.toks[k].norm == "la" || a.toks[k].norm == "l" || a.toks[k].p == '\'') {
		k--
	}
	if k > s.t0 && topicPreps[a.toks[k].norm] && topicNouns[a.toks[k-1].norm] {
		return true
	}
	if m.t1 < s.t1 && topicNouns[a.toks[m.t1].norm] && a.lang != "fr" {
		return true
	}
	return false
}

var subordinators = map[string]bool{"before": true, "after": true, "until": true, "till": true, "once": true, "avant": true, "apres": true, "jusqu": true}
var groupNouns = map[string]bool{"leaders": true, "delegates": true, "delegations": true, "guests": true, "participants": true, "heads": true,
	"dirigeants": true, "delegues": true, "invites": true, "chefs": true}

// groupSubordinate: a trigger in a temporal clause whose subject is an
// unnamed group ("before the leaders arrived", "avant que les dirigeants
// n'arrivent"): it dates something else.
func (a *article) groupSubordinate(cl clause, tm trigMatch) bool {
	group := false
	for k := tm.t0 - 1; k >= cl.t0 && k >= tm.t0-6; k-- {
		n := a.toks[k].norm
		if groupNouns[n] {
			group = true
		}
		if subordinators[n] {
			return group
		}
		if a.toks[k].kind == tkPunct && n != "'" {
			return false
		}
	}
	return false
}

// afterGroupSubordinator: token t is a group noun phrase of a temporal
// clause ("before the leaders arrived").
func (a *article) afterGroupSubordinator(cl clause, t int) bool {
	for k := t - 1; k >= cl.t0 && k >= t-2; k-- {
		if subordinators[a.toks[k].norm] {
			return true
		}
	}
	return false
}
