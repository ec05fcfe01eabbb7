package gen

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/loader/kb"
)

// obs is one observation of a person in an office, from one source.
type obs struct {
	role, of, title  string
	since, until     string // declared bounds
	seenFrom, seenTo string // when the source saw it
	current          bool   // the source's latest snapshot still shows it
	source           string
	prio             int // lower is more trusted for dates
}

type nameForm struct {
	surname  []string // folded, known only for CIA-style names
	tokens   []string // folded, no initials or patronymics
	initials []string
}

type person struct {
	id        int
	country   string
	canon     string
	canonPrio int
	canonSeen string
	forms     []nameForm
	names     map[string][]string
	surnames  []string
	qids      map[string]bool
	sources   map[string]bool
	manual    *kb.Entry
	obs       []*obs
	ciaSur    []string        // CIA surnames, for the Surnames field
	merged    *person         // set when deduplicated into another person
	genShort  map[string]bool // short forms derived from a CIA full name (given[0] + SURNAME), not seen in a source
}

type people struct {
	b         *builder
	list      []*person
	byCountry map[string][]*person
	byQ       map[string]*person
}

func plainForm(name string) nameForm {
	var f nameForm
	ws := strings.Fields(name)
	for len(ws) > 1 && (titleVocab[strings.ToLower(ws[0])] || honorific[strings.ToLower(ws[0])]) {
		ws = ws[1:] // "Sheikh Jabir ...", "King Salman", "Gen. Colin Powell"
	}
	for _, t := range ws {
		if isPatronymic(t) {
			continue
		}
		ft := fold(t)
		if ft == "" {
			continue
		}
		if isInitial(t) || isRoman(t) {
			f.initials = append(f.initials, ft)
			continue
		}
		if ft == "jr" || ft == "sr" {
			continue
		}
		f.tokens = append(f.tokens, strings.Fields(ft)...)
	}
	return f
}

func ciaForm(p nameParts) nameForm {
	var f nameForm
	for _, s := range p.surname {
		if isRoman(s) {
			continue
		}
		f.surname = append(f.surname, strings.Fields(fold(s))...)
	}
	for _, s := range append(append(append([]string{}, p.given...), p.surname...), p.after...) {
		if isRoman(s) {
			f.initials = append(f.initials, fold(s))
			continue
		}
		f.tokens = append(f.tokens, strings.Fields(fold(s))...)
	}
	return f
}

var nicknames = map[string]string{"joe": "joseph", "bill": "william", "liz": "elizabeth", "tony": "anthony", "mike": "michael",
	"bob": "robert", "jim": "james", "ash": "ashton", "pete": "peter", "chuck": "charles", "boris": "alexander"}

func tokCompat(x, y string) bool {
	if x == y || nicknames[x] == y || nicknames[y] == x {
		return true
	}
	n := 0
	for n < len(x) && n < len(y) && x[n] == y[n] {
		n++
	}
	if n >= 3 {
		return true
	}
	sx, sy := skeleton(x), skeleton(y)
	return len(sx) >= 2 && len(sy) >= 2 && (strings.HasPrefix(sx, sy) || strings.HasPrefix(sy, sx))
}

// skeleton folds transliteration variants: Sargsian/Sargsyan,
// Bakiev/Bakiyev, Meredov/Meredow.
var (
	skelRepl  = strings.NewReplacer("y", "i", "w", "v", "ou", "u", "kh", "k", "dh", "d", "th", "t", "ph", "f", "j", "i", "ee", "i", "oo", "u")
	skelCache = map[string]string{}
)

func skeleton(t string) string {
	if s, ok := skelCache[t]; ok {
		return s
	}
	s := skeleton1(t)
	skelCache[t] = s
	return s
}

func skeleton1(t string) string {
	t = skelRepl.Replace(t)
	var b []byte
	for i := 0; i < len(t); i++ {
		if i > 0 && t[i] == t[i-1] {
			continue
		}
		b = append(b, t[i])
	}
	return string(b)
}

// tokEq: the same name token up to transliteration.
func tokEq(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < 4 || len(b) < 4 {
		return false
	}
	sa, sb := skeleton(a), skeleton(b)
	if sa == sb {
		return true
	}
	if len(a) >= 5 && len(b) >= 5 && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a)) && abs(len(a)-len(b)) <= 2 {
		return true // Rahmon / Rahmonov
	}
	return len(sa) >= 6 && len(sb) >= 6 && editDistance1(sa, sb)
}

func editDistance1(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i, j, diff := 0, 0, 0
	for i < len(a) && j < len(b) {
		if a[i] == b[j] {
			i++
			j++
			continue
		}
		diff++
		if diff > 1 {
			return false
		}
		if len(a) == len(b) {
			i++
		}
		j++
	}
	return diff+(len(b)-j)-(len(a)-i) <= 1
}

func has(list []string, x string) bool {
	for _, y := range list {
		if tokEq(x, y) {
			return true
		}
	}
	return false
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !has(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func subset(a, b []string) bool {
	for _, x := range a {
		if !has(b, x) {
			return false
		}
	}
	return true
}

func givenCompat(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return true
	}
	small, large := a, b
	if len(small) > len(large) {
		small, large = large, small
	}
	for _, x := range small {
		ok := false
		for _, y := range large {
			if tokCompat(x, y) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// compatible: can the two forms name the same person (in one country)?
// Returns 0 (no), 1 (compatible) or 2 (same tokens).
func compatible(a, b nameForm) int {
	if len(a.tokens) == 0 || len(b.tokens) == 0 {
		return 0
	}
	if len(a.initials) > 0 && len(b.initials) > 0 && strings.Join(a.initials, " ") != strings.Join(b.initials, " ") {
		return 0
	}
	if len(a.tokens) == 1 && len(b.tokens) == 1 && (len(a.initials) > 0) != (len(b.initials) > 0) {
		return 0 // "Felipe VI" is not "King PHILIPPE"
	}
	if len(a.tokens) == len(b.tokens) && subset(a.tokens, b.tokens) && subset(b.tokens, a.tokens) {
		return 2
	}
	// Arabic names: the Factbook capitalizes the first name, and the family
	// part ("al-Sabah") is shared by relatives: the first names must agree.
	if (arabic(a.tokens) || arabic(b.tokens)) && !tokCompat(a.tokens[0], b.tokens[0]) {
		return 0
	}
	sa, sb := a.surname, b.surname
	switch {
	case sa != nil && sb != nil:
		if !subset(sa, sb) && !subset(sb, sa) {
			return 0
		}
		if givenCompat(minus(a.tokens, sa), minus(b.tokens, sb)) {
			return 1
		}
	case sa != nil || sb != nil:
		if sb != nil {
			a, b = b, a
			sa = sb
		}
		if !subset(sa, b.tokens) {
			// "Ali Hoseini-KHAMENEI" / "Ali Khamenei": the last part of a
			// compound surname, with the same first name
			last := sa[len(sa)-1]
			if len(sa) < 2 || !has(b.tokens, last) || !tokCompat(a.tokens[0], b.tokens[0]) {
				return 0
			}
			sa = []string{last}
		}
		ga, gb := minus(a.tokens, sa), minus(b.tokens, sa)
		if len(ga) > 0 && len(gb) == 0 {
			return 0 // "Kim" alone does not name "KIM Jong Un"
		}
		if givenCompat(ga, gb) {
			return 1
		}
	default:
		small, large := a.tokens, b.tokens
		if len(small) > len(large) {
			small, large = large, small
		}
		if len(small) >= 2 && subset(small, large) {
			return 1
		}
		if tokEq(a.tokens[len(a.tokens)-1], b.tokens[len(b.tokens)-1]) && len(a.tokens) >= 2 && len(b.tokens) >= 2 {
			if givenCompat(a.tokens[:len(a.tokens)-1], b.tokens[:len(b.tokens)-1]) {
				return 1
			}
		}
	}
	return 0
}

func (ps *people) find(country string, f nameForm) *person {
	var best *person
	bestScore := 0
	for _, p := range ps.byCountry[country] {
		for _, g := range p.forms {
			if s := compatible(f, g); s > bestScore {
				best, bestScore = p, s
			}
		}
	}
	return best
}

// findAnywhere looks a name up in every country (exact token match only).
func (ps *people) findAnywhere(f nameForm) *person { return ps.findAnywhereMin(f, 2) }

func (ps *people) findAnywhereMin(f nameForm, min int) *person {
	for _, p := range ps.list {
		for _, g := range p.forms {
			if compatible(f, g) >= min {
				return p
			}
		}
	}
	return nil
}

func (ps *people) newPerson(country string) *person {
	p := &person{id: len(ps.list), country: country, canonPrio: 99, names: map[string][]string{}, qids: map[string]bool{}, sources: map[string]bool{}}
	ps.list = append(ps.list, p)
	ps.byCountry[country] = append(ps.byCountry[country], p)
	return p
}

func (p *person) addName(display string, f nameForm, prio int, seen, lang string) {
	display = clean(display)
	if display == "" || len(f.tokens) == 0 {
		return
	}
	delete(p.genShort, display) // a source gives it too
	if len(f.tokens) < 2 && p.manual == nil && len(f.initials) == 0 && (len(f.tokens[0]) < 5 || surnameStop[f.tokens[0]] || arabicGiven[f.tokens[0]]) {
		return // one-word forms ("Hamad", "Abdallah") are too ambiguous; "Harald V", "Naruhito" are fine
	}
	if !p.hasName(lang, display) {
		p.forms = append(p.forms, f)
		add(&p.names, lang, display)
	}
	if prio < p.canonPrio || prio == p.canonPrio && seen > p.canonSeen {
		p.canon, p.canonPrio, p.canonSeen = display, prio, seen
	}
}

// resolve finds or creates the person named display in country.
func (ps *people) resolve(country, display string, f nameForm, qid string, prio int, seen, source string) *person {
	var p *person
	if qid != "" {
		p = ps.byQ[qid]
	}
	if p == nil {
		p = ps.find(country, f)
	}
	if p == nil && country != "" {
		// a person first seen without a country (heads of UN bodies)
		if g := ps.find("", f); g != nil {
			p = g
			p.country = country
			ps.byCountry[country] = append(ps.byCountry[country], p)
		}
	}
	if p == nil {
		p = ps.newPerson(country)
	}
	if qid != "" {
		p.qids[qid] = true
		ps.byQ[qid] = p
	}
	p.addName(display, f, prio, seen, "en")
	p.sources[source] = true
	return p
}

const (
	prioManual = iota
	prioCIAHist
	prioCIAAnnual
	prioCountryInfo
	prioMinisters
	prioWikidata
)

func (b *builder) buildPeople() error {
	ps := &people{b: b, byCountry: map[string][]*person{}, byQ: map[string]*person{}}
	b.people = ps
	if err := b.manualPeople(); err != nil {
		return err
	}
	for _, step := range []func() error{b.wikidataLeaders, b.foreignMinisters2022, b.holders21, b.countryInfo, b.ciaExecHistory, b.ciaAnnual, b.cia2019Ministers, b.phoenixNames} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func (b *builder) manualPeople() error {
	var mp manualEntries
	if err := readYAML(b.opt.Manual+"/people.yaml", &mp); err != nil {
		return err
	}
	ps := b.people
	seen := map[string]bool{}
	for _, m := range mp.Entries {
		e := m.Entry
		if !strings.HasPrefix(e.Key, "person:") || seen[e.Key] {
			return fmt.Errorf("manual/people.yaml: bad or duplicate key %q", e.Key)
		}
		seen[e.Key] = true
		if e.Country != "" && b.countries[e.Country] == nil {
			return fmt.Errorf("manual/people.yaml: %s: unknown country %s", e.Key, e.Country)
		}
		e.Kind = kb.KindPerson
		if e.Note == "" {
			e.Note = mp.Note
		}
		for i := range e.Offices {
			e.Offices[i].Source = srcManual
		}
		p := ps.newPerson(e.Country)
		ee := e
		p.manual = &ee
		p.sources[srcManual] = true
		p.addName(e.Name, plainForm(e.Name), prioManual, "", "en")
		for lang, ns := range e.Names {
			for _, n := range ns {
				p.forms = append(p.forms, plainForm(n))
				add(&p.names, lang, n)
			}
		}
	}
	return nil
}

// addObs records an observation; offices the manual file gives for the
// same (role, of) are authoritative and the observation is dropped then.
func (p *person) addObs(o *obs) {
	if p.manual != nil {
		for _, mo := range p.manual.Offices {
			if mo.Role == o.role && mo.Of == o.of {
				return
			}
		}
	}
	p.obs = append(p.obs, o)
	p.sources[o.source] = true
}

func titleFor(role string) string {
	switch role {
	case kb.RoleHeadOfState:
		return "Head of State"
	case kb.RoleHeadOfGovernment:
		return "Head of Government"
	case kb.RoleForeignMinister:
		return "Foreign Minister"
	case kb.RoleDefenceMinister:
		return "Defence Minister"
	}
	return ""
}

// ---- building entries

type term struct {
	p               *person
	role, of, title string
	from, to        string
	fromApprox      bool
	toKnown         bool
	lastSeen        string
	current         bool
	sources         []string
	manual          bool
	drop            bool
}

// dedupe merges people that the sources spelled differently but that
// share a full name form: always within a country, across countries only
// when their offices overlap in time (a text filed under the wrong country;
// the offices of the minority country are dropped then).
func (ps *people) dedupe() {
	root := func(p *person) *person {
		for p.merged != nil {
			p = p.merged
		}
		return p
	}
	window := func(p *person) (string, string) {
		lo, hi := "9999", ""
		for _, o := range p.obs {
			st := o.since
			if st == "" {
				st = o.seenFrom
			}
			en := o.seenTo
			if o.until > en {
				en = o.until
			}
			if st != "" && st < lo {
				lo = st
			}
			if o.current {
				en = "9999"
			}
			if en > hi {
				hi = en
			}
		}
		return lo, hi
	}
	owner := map[string]*person{}
	for _, p := range ps.list {
		var forms []string
		for _, lang := range sortedKeys(p.names) {
			for _, n := range p.names[lang] {
				forms = append(forms, fold(n))
				if sk := articleSkeleton(fold(n)); sk != "" && p.country != "" {
					forms = append(forms, "~ "+p.country+" "+sk) // same country only
				}
			}
		}
		sort.Strings(forms)
		for _, f := range forms {
			if len(strings.Fields(f)) < 2 {
				continue
			}
			q := owner[f]
			if q == nil {
				owner[f] = p
				continue
			}
			a, c := root(q), root(p)
			if a == c || a.manual != nil && c.manual != nil {
				continue
			}
			if a.country != c.country && a.country != "" && c.country != "" {
				alo, ahi := window(a)
				clo, chi := window(c)
				if ahi < clo[:min(len(clo), len(ahi))] || chi < alo[:min(len(alo), len(chi))] {
					continue // different people, different times
				}
			}
			t, u := a, c
			if u.manual != nil || t.manual == nil && len(u.obs) > len(t.obs) {
				t, u = u, t
			}
			for _, o := range u.obs {
				if u.country != t.country && t.country != "" && o.of == "country:"+strings.ToLower(u.country) {
					ps.b.warnf("dedupe: %q merged into %q (%s); office of %s dropped", u.canon, t.canon, t.country, u.country)
					continue
				}
				t.addObs(o)
			}
			for lang, ns := range u.names {
				for _, n := range ns {
					if !t.hasName(lang, n) {
						add(&t.names, lang, n)
						if u.genShort[n] {
							if t.genShort == nil {
								t.genShort = map[string]bool{}
							}
							t.genShort[n] = true
						}
					}
				}
			}
			t.forms = append(t.forms, u.forms...)
			for q := range u.qids {
				t.qids[q] = true
			}
			for s := range u.sources {
				t.sources[s] = true
			}
			t.ciaSur = append(t.ciaSur, u.ciaSur...)
			if t.country == "" {
				t.country = u.country
			}
			if u.canonPrio < t.canonPrio && t.manual == nil {
				t.canon, t.canonPrio = u.canon, u.canonPrio
			}
			u.merged = t
		}
	}
}

func (ps *people) entries() []kb.Entry {
	b := ps.b
	ps.dedupe()
	// 1. terms per person and (role, of)
	byPost := map[string][]*term{}
	var all []*term
	for _, p := range ps.list {
		if p.merged != nil {
			continue
		}
		groups := map[string][]*obs{}
		for _, o := range p.obs {
			k := o.role + "|" + o.of
			groups[k] = append(groups[k], o)
		}
		for _, k := range sortedKeys(groups) {
			for _, t := range clusterTerms(p, groups[k]) {
				all = append(all, t)
				byPost[t.role+"|"+t.of] = append(byPost[t.role+"|"+t.of], t)
			}
		}
		if p.manual != nil {
			for _, o := range p.manual.Offices {
				t := &term{p: p, role: o.Role, of: o.Of, title: o.Title, from: o.From, to: o.To, toKnown: true, manual: true, sources: []string{srcManual}}
				byPost[t.role+"|"+t.of] = append(byPost[t.role+"|"+t.of], t)
			}
		}
	}
	// 2. close open terms at the successor's start
	for _, post := range sortedKeys(byPost) {
		ts := byPost[post]
		sort.SliceStable(ts, func(i, j int) bool {
			if ts[i].from != ts[j].from {
				return ts[i].from < ts[j].from
			}
			return ts[i].p.id < ts[j].p.id
		})
		common := map[string]int{}
		for _, t := range ts {
			if t.title != "" && !t.manual {
				common[t.title]++
			}
		}
		defTitle := titleFor(strings.Split(post, "|")[0])
		best := 0
		for _, k := range sortedKeys(common) {
			if common[k] > best && !strings.Contains(strings.ToLower(k), "acting") && !strings.Contains(strings.ToLower(k), "interim") {
				defTitle, best = k, common[k]
			}
		}
		for i, t := range ts {
			if t.title == "" {
				t.title = defTitle
			}
			if t.manual {
				continue
			}
			// the successor: the next holder who took office after this
			// term was last seen (a term never ends before its last sighting)
			var next *term
			for _, u := range ts[i+1:] {
				if u.p != t.p && u.from != "" && u.from > t.from && !strings.HasPrefix(t.from, u.from) &&
					(t.lastSeen == "" || kb.Within(u.from, t.lastSeen, "")) {
					next = u
					break
				}
			}
			if t.toKnown && t.to != "" {
				// a year-only end ("2022") is sharpened by the successor's start
				if next != nil && len(t.to) == 4 && strings.HasPrefix(next.from, t.to) {
					t.to = next.from
				}
				continue
			}
			if !t.current && t.lastSeen != "" && t.lastSeen < t.from[:min(len(t.from), len(t.lastSeen))] {
				t.drop = true // seen only before taking office (president-elect)
				continue
			}
			switch {
			case next != nil && (t.current || t.lastSeen == "" || next.from <= addYears(t.lastSeen, 2)):
				t.to = next.from
			case t.current:
				t.to = ""
			default:
				t.to = t.lastSeen
			}
		}
	}
	// 3. entries
	var out []kb.Entry
	keys := map[string]bool{}
	for _, e := range b.orgs {
		keys[e.Key] = true
	}
	for _, p := range ps.list {
		var e kb.Entry
		if p.manual != nil {
			e = *p.manual
			keys[e.Key] = true
		}
	}
	for _, p := range ps.list {
		if p.merged != nil {
			continue
		}
		var e kb.Entry
		if p.manual != nil {
			e = *p.manual
			if len(e.Surnames) == 0 {
				e.Surnames = manualSurnames(e.Name, e.Country)
			}
		} else {
			if p.canon == "" || len(p.obs) == 0 {
				continue
			}
			p.canon = p.commonName()
			e = kb.Entry{Kind: kb.KindPerson, Name: p.canon, Country: p.country}
			e.Key = "person:" + slug(p.canon)
			if keys[e.Key] && p.country != "" {
				e.Key += "-" + strings.ToLower(p.country)
			}
			for n := 2; keys[e.Key]; n++ {
				e.Key = fmt.Sprintf("person:%s-%d", slug(p.canon), n)
			}
			keys[e.Key] = true
			e.Surnames = surnamesFor(p)
		}
		for lang, ns := range p.names {
			for _, n := range ns {
				if n == p.canon || p.manual != nil && containsFold(p.manual.Names[lang], n) || !badVariantRE.MatchString(n) {
					add(&e.Names, lang, n)
				}
			}
		}
		if p.manual != nil {
			e.Surnames = append(e.Surnames, p.manual.Surnames...)
		}
		for _, t := range all {
			if t.p != p || t.drop {
				continue
			}
			o := kb.Office{Role: t.role, Title: t.title, Of: t.of, From: t.from, To: t.to, Source: strings.Join(uniqSorted(t.sources), " + ")}
			if t.fromApprox || !t.current && !t.toKnown && t.to == t.lastSeen && t.to != "" {
				o.Approx = true
			}
			e.Offices = append(e.Offices, o)
		}
		for s := range p.sources {
			e.Sources = append(e.Sources, s)
		}
		for q := range p.qids {
			e.Wikidata = append(e.Wikidata, q)
		}
		sort.Strings(e.Wikidata)
		out = append(out, e)
	}
	return out
}

// commonName picks the name the press and Wikipedia use among a person's
// English forms: a source's shorter form that keeps the surname and drops
// middle names ("Raila Odinga" for "Raila Amolo Odinga", "Xanana Gusmao"
// for "Kay Rala Xanana Gusmao", "Santiago Peña" for "Santiago Peña
// Palacios") wins over the full legal name of the Factbook, and such a
// form given by a source wins over the one derived from the Factbook's
// capitals ("Bola Tinubu" for "Bola Ahmed Adekunle TINUBU").
func (p *person) commonName() string {
	canon := p.canon
	if p.country == "MNG" {
		// "Ukhnaagiin Khurelsukh": the patronymic in the genitive, then the
		// name the person is known by (the Factbook's capitals)
		pick := func() string {
			for _, n := range sortedStrings(p.names["en"]) {
				t := strings.Fields(n)
				if len(t) == 2 && isASCIIName(n) && (strings.HasSuffix(t[0], "iin") || strings.HasSuffix(t[0], "yn") || strings.HasSuffix(t[0], "in")) &&
					containsFold(p.ciaSur, t[1]) {
					return n
				}
			}
			return ""
		}
		if n := pick(); n != "" {
			return n // a source's form
		}
		p.addMongolianGenitives()
		if n := pick(); n != "" {
			return n
		}
		return canon
	}
	if p.canonPrio <= prioWikidata-4 && !badVariantRE.MatchString(canon) && !strings.ContainsAny(canon, "\"“”") && len(strings.Fields(canon)) <= 4 {
		// a Wikidata label or an English Wikipedia title: the form the
		// press uses ("Ram Nath Kovind", "Xavier Espot Zamora")
		return canon
	}
	if keepWhole[p.country] {
		// "Ibrahim Boubacar Keita", "Vo Van Thuong": the second given name
		// (francophone Africa) or the middle name (Vietnam) is part of the
		// name the press uses
		ct := foldTokens(canon)
		if len(ct) == 3 && !p.genShort[canon] {
			return canon
		}
		if len(ct) == 2 {
			// the longest source form with the same first and last name
			// (up to 3 words; Vietnamese names have up to 4: "Vo Thi Anh Xuan")
			most := 3
			if p.country == "VNM" {
				most = 4
			}
			best, bestN := canon, 2
			for _, n := range sortedStrings(p.names["en"]) {
				t := foldTokens(n)
				if len(t) > bestN && len(t) <= most && t[0] == ct[0] && t[len(t)-1] == ct[1] && !p.genShort[n] && !badVariantRE.MatchString(n) {
					best, bestN = n, len(t)
				}
			}
			if bestN > 2 {
				return best
			}
		}
	}
	ref := foldTokens(canon)
	if p.genShort[canon] {
		// compare with the full forms this short one was derived from
		for _, n := range p.names["en"] {
			if t := foldTokens(n); len(t) > len(ref) && isSubseq(ref, t) {
				ref = t
			}
		}
	}
	if len(ref) <= 2 {
		return canon
	}
	best, bestN := canon, len(foldTokens(canon))
	if p.genShort[canon] {
		bestN = 99
	}
	for _, n := range p.names["en"] {
		t := foldTokens(n)
		if p.genShort[n] || len(t) < 2 || len(t) > bestN || badVariantRE.MatchString(n) || !isSubseq(t, ref) {
			continue
		}
		if len(t) == bestN && n >= best {
			continue
		}
		// the surname (last word, or a Hispanic first surname) stays
		if t[len(t)-1] != ref[len(ref)-1] && t[len(t)-1] != ref[len(ref)-2] {
			continue
		}
		best, bestN = n, len(t)
	}
	if bestN == 99 {
		return canon
	}
	if best == canon {
		// no source gives a shorter form: the one derived from the capitals
		for _, n := range sortedStrings(p.names["en"]) {
			if p.genShort[n] && isSubseq(foldTokens(n), ref) {
				return n
			}
		}
	}
	return best
}

// addMongolianGenitives adds "Khaltmaagiin Battulga" for "Khaltmaa
// Battulga": Mongolian patronymics are written in the genitive (-giin
// after a long vowel, -iin or -yn otherwise) before the given name.
func (p *person) addMongolianGenitives() {
	for _, n := range append([]string(nil), p.names["en"]...) {
		t := strings.Fields(n)
		if len(t) != 2 || !containsFold(p.ciaSur, t[1]) || strings.HasSuffix(t[0], "iin") || strings.HasSuffix(t[0], "yn") {
			continue
		}
		var forms []string
		low := strings.ToLower(t[0])
		switch {
		case strings.HasSuffix(low, "aa") || strings.HasSuffix(low, "ee") || strings.HasSuffix(low, "oo") || strings.HasSuffix(low, "uu"):
			forms = []string{t[0] + "giin"}
		case strings.ContainsAny(low[len(low)-1:], "aeiouyn"):
			continue // the genitive of these is irregular
		default:
			forms = []string{t[0] + "iin", t[0] + "yn"}
		}
		for _, f := range forms {
			v := f + " " + t[1]
			if !containsFold(p.names["en"], v) {
				p.names["en"] = append(p.names["en"], v)
			}
		}
	}
}

// keepWhole: countries whose leaders are known by all three names
// (francophone Africa; Vietnam, family name first).
var keepWhole = map[string]bool{"VNM": true, "MLI": true, "SEN": true, "TCD": true, "GNB": true, "NER": true, "BFA": true, "GIN": true,
	"CIV": true, "CMR": true, "COG": true, "COD": true, "GAB": true, "TGO": true, "BEN": true, "MRT": true, "DJI": true,
	"COM": true, "CAF": true}

// isASCIIName: a name without diacritics (the English press form).
func isASCIIName(n string) bool {
	for _, r := range n {
		if r > 127 {
			return false
		}
	}
	return true
}

func sortedStrings(xs []string) []string {
	out := append([]string(nil), xs...)
	sort.Strings(out)
	return out
}

// articleSkeleton folds away the spellings of the Arabic article and of
// word breaks: "Abdel Fattah el-Sisi", "Abdel Fattah Al-Sisi" and
// "Abdelfattah Elsisi" are one name. "" for names without an article.
func articleSkeleton(f string) string {
	ws := strings.Fields(f)
	if len(ws) < 2 {
		return ""
	}
	var b strings.Builder
	art := false
	for i, w := range ws {
		switch {
		case w == "al" || w == "el":
			art = true
			continue
		case i > 0 && len(w) > 5 && (strings.HasPrefix(w, "al") || strings.HasPrefix(w, "el")):
			art = true
			w = w[2:]
		}
		b.WriteString(w)
	}
	if !art {
		return ""
	}
	return b.String()
}

// isSubseq: the words of a appear in b in order.
func isSubseq(a, b []string) bool {
	i := 0
	for _, w := range b {
		if i < len(a) && a[i] == w {
			i++
		}
	}
	return i == len(a)
}

func addYears(d string, n int) string {
	if len(d) < 4 {
		return d
	}
	var y int
	fmt.Sscanf(d[:4], "%d", &y)
	return fmt.Sprintf("%04d%s", y+n, d[4:])
}

// clusterTerms groups one person's observations of one post into terms.
func clusterTerms(p *person, os []*obs) []*term {
	start := func(o *obs) string {
		if o.since != "" {
			return o.since
		}
		return o.seenFrom
	}
	end := func(o *obs) string {
		e := o.seenTo
		if o.until != "" && o.until > e {
			e = o.until
		}
		if e == "" {
			e = start(o)
		}
		return e
	}
	sort.SliceStable(os, func(i, j int) bool { return start(os[i]) < start(os[j]) })
	var groups [][]*obs
	var curEnd string
	for _, o := range os {
		s := start(o)
		if len(groups) > 0 && len(s) >= 4 && s[:4] <= addYears(curEnd, 1)[:4] {
			groups[len(groups)-1] = append(groups[len(groups)-1], o)
			if e := end(o); e > curEnd {
				curEnd = e
			}
			continue
		}
		groups = append(groups, []*obs{o})
		curEnd = end(o)
	}
	var out []*term
	for _, g := range groups {
		t := &term{p: p, role: g[0].role, of: g[0].of}
		// start: the earliest declared date, the most precise one of that year
		var sinces []*obs
		for _, o := range g {
			if o.since != "" {
				sinces = append(sinces, o)
			}
		}
		if len(sinces) > 0 {
			sort.SliceStable(sinces, func(i, j int) bool {
				a, b := sinces[i], sinces[j]
				if a.since[:4] != b.since[:4] {
					return a.since < b.since
				}
				if len(a.since) != len(b.since) {
					return len(a.since) > len(b.since)
				}
				if a.since != b.since {
					return a.since < b.since
				}
				return a.prio < b.prio
			})
			t.from = sinces[0].since
		} else {
			t.from = start(g[0])
			t.fromApprox = true
		}
		// end: declared end (most precise), or the last sighting
		titles := map[string]string{}
		for _, o := range g {
			if o.until != "" && (!t.toKnown || o.until > t.to || strings.HasPrefix(o.until, t.to)) {
				t.to, t.toKnown = o.until, true
			}
			if o.seenTo > t.lastSeen {
				t.lastSeen = o.seenTo
			}
			if o.current {
				t.current = true
			}
			t.sources = append(t.sources, o.source)
			if o.title != "" {
				if cur, ok := titles["best"]; !ok || o.seenTo >= titles["seen"] && o.prio <= prioCIAAnnual || cur == "" {
					titles["best"], titles["seen"] = o.title, o.seenTo
				}
			}
		}
		if t.current || t.to != "" && t.to < t.from[:min(len(t.from), len(t.to))] {
			t.to, t.toKnown = "", false
		}
		if t.to == "" && !t.current && t.lastSeen == "" {
			t.lastSeen = t.from
		}
		t.title = titles["best"]
		out = append(out, t)
	}
	return out
}

// surnameStop: surnames that are common words or too frequent to identify
// anyone alone.
var surnameStop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`may moon king rice brown young green white black little long love hope park
	kim lee li wang zhang liu chen yang zhao huang zhou wu xu sun ma zhu hu guo he lin luo gao
	choi jung kang cho yoon jang lim han shin seo kwon hwang ahn song
	nguyen tran le pham hoang phan vu dang bui do ho ngo duong ly
	ali khan singh shah ahmed ahmad mohammed muhammad mohamed mohammad hassan hussein ibrahim abdullah
	abdallah hamad khalifa salman tamim sabah saud nahyan thani said saeed sultan faisal
	martin charles james john george thomas paul francis david michael william peter
	rose may best bush cook ward mason bishop hall wood hill lord price power case
	man dan don key jer kun hou eke dja`) {
		surnameStop[w] = true
	}
}

func surnamesFor(p *person) []string {
	var out []string
	for _, s := range p.ciaSur {
		s = strings.Trim(s, `"'`)
		f := fold(s)
		if !usableSurname(f) || strings.HasPrefix(f, "al ") && len(strings.Fields(f)) > 2 {
			continue
		}
		out = append(out, s)
	}
	if familyFirst(p.country, strings.Fields(p.canon)) {
		// "Lee Jae-myung", "Li Qiang": the family name comes first and is
		// what the press uses alone ("Lee flies to Washington"); short and
		// shared by many, it resolves only to someone the article named
		if ws := strings.Fields(p.canon); len(ws) >= 2 && len(ws[0]) >= 2 {
			out = append(out, ws[0])
		}
	}
	return uniqSorted(out)
}

// manualSurnames: the surname of a hand-filled person whose entry lists
// none: the family name of an East Asian name, else the last word of a
// name of two words or more, under the rules of surnamesFor. Monarchs'
// ("Charles III", "Salman of Saudi Arabia") and patronymic names ("bin
// Salman") have none.
func manualSurnames(name, country string) []string {
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return nil
	}
	if familyFirst(country, ws) {
		if len(ws[0]) >= 2 {
			return []string{ws[0]}
		}
		return nil
	}
	for _, w := range ws {
		switch strings.ToLower(w) {
		case "of", "bin", "bint", "ibn", "ben", "al", "el":
			return nil
		}
	}
	last := ws[len(ws)-1]
	if isRoman(last) || !usableSurname(fold(last)) {
		return nil
	}
	return []string{last}
}

// usableSurname: a folded surname long enough and rare enough to stand
// alone (at least three letters, not a common word).
func usableSurname(f string) bool {
	return len(strings.ReplaceAll(f, " ", "")) >= 3 && !surnameStop[f]
}

// familyFirst: the name starts with the family name: leaders of the
// familyNameFirst countries, and Singapore's three-word Chinese names
// ("Lee Hsien Loong", "Goh Chok Tong"; not "Lawrence Wong").
func familyFirst(country string, words []string) bool {
	return familyNameFirst[country] || country == "SGP" && len(words) == 3
}

// familyNameFirst: countries whose leaders' names start with the family
// name, used alone in the press.
var familyNameFirst = map[string]bool{"KOR": true, "PRK": true, "CHN": true, "TWN": true}

func (p *person) hasName(lang, n string) bool {
	for _, x := range p.names[lang] {
		if x == n {
			return true
		}
	}
	return false
}

// arabicGiven: first names the Factbook capitalizes for Gulf rulers.
var arabicGiven = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`abdallah abdullah hamad khalifa khalifah salman tamim sabah nawaf mishal jabir jaber saad nasser
	muhammad mohammed mohamed mohammad ahmad ahmed zayid zayed maktum rashid qaboos haitham hassan hussein faisal fahd sultan
	abdulaziz abdelaziz ali omar umar said saeed khalid talal mansour`) {
		arabicGiven[w] = true
	}
}

var honorific = map[string]bool{"sheikh": true, "shaykh": true, "sir": true, "dr.": true, "dr": true, "gen.": true, "dame": true, "lord": true, "col.": true, "lt.": true, "maj.": true, "mr.": true, "mrs.": true, "ms.": true, "prof.": true}

func arabic(toks []string) bool {
	for _, t := range toks {
		switch t {
		case "al", "bin", "ibn", "bint", "ould", "ben", "abu":
			return true
		}
	}
	return false
}

var badVariantRE = regexp.MustCompile(`(?i)\b(president|minister|prime|chancellor|king|queen|secretary|note|gen\.|dr\.|sir|of the|emir|amir|crown)\b`)

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
