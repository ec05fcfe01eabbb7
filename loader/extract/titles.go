package extract

import (
	"github.com/eventgraph/eventgraph/loader/extract/dates"
	"slices"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/loader/kb"
)

// officeIndex lists the people holding each (role, of), most recent first.
type officeIndex map[string][]officeHolder

type officeHolder struct {
	e *kb.Entry
	o kb.Office
}

func buildOffices(k *kb.KB) officeIndex {
	idx := officeIndex{}
	k.Entries(func(e *kb.Entry) {
		if e.Kind != kb.KindPerson {
			return
		}
		for _, o := range e.Offices {
			key := o.Role + "|" + o.Of
			idx[key] = append(idx[key], officeHolder{e, o})
		}
	})
	for key, hs := range idx {
		sort.SliceStable(hs, func(i, j int) bool {
			if hs[i].o.From != hs[j].o.From {
				return hs[i].o.From > hs[j].o.From
			}
			return hs[i].e.Key < hs[j].e.Key
		})
		idx[key] = hs
	}
	return idx
}

// at returns the holders of role at of on date (any time when date is "").
func (ix officeIndex) at(role, of, date string) []officeHolder {
	var out []officeHolder
	seen := map[string]bool{}
	for _, h := range ix[role+"|"+of] {
		if !seen[h.e.Key] && kb.Within(date, h.o.From, h.o.To) {
			seen[h.e.Key] = true
			out = append(out, h)
		}
	}
	return out
}

// holder resolves a title: the person holding role at `of` on date,
// preferring one the article names. "" when unknown or ambiguous.
func (a *article) holder(role, of, date string) string {
	ix := a.x.offices
	roles := []string{role}
	if role == roleLeader || role == rolePresident {
		roles = []string{kb.RoleHeadOfState, kb.RoleHeadOfGovernment}
	}
	var all []officeHolder
	for _, r := range roles {
		all = append(all, ix.at(r, of, date)...)
	}
	if role == rolePresident {
		// "the Iranian president": the office called President, which in
		// Iran is the head of government under the Supreme Leader
		var pres, hos []officeHolder
		for _, h := range all {
			if strings.Contains(strings.ToLower(h.o.Title), "president") || strings.Contains(strings.ToLower(h.o.Title), "président") {
				pres = append(pres, h)
			}
			if h.o.Role == kb.RoleHeadOfState {
				hos = append(hos, h)
			}
		}
		switch {
		case len(pres) > 0:
			all = pres
		default:
			all = hos
		}
		if len(all) == 0 {
			return ""
		}
	}
	if len(all) == 0 {
		return ""
	}
	// One the article names; without a date, two it names may have held
	// the office: the one in office at the article's latest date ("the
	// Japanese prime minister" of a story whose latest date is 2016 is
	// Abe, not Suga whom it names as cabinet secretary).
	best, bestN, bestAt := "", 0, false
	for _, h := range all {
		n := a.named[h.e.Key]
		at := date == "" && a.ref != "" && kb.Within(a.ref, h.o.From, h.o.To)
		if n > 0 && (best == "" || at && !bestAt || at == bestAt && n > bestN) {
			best, bestN, bestAt = h.e.Key, n, at
		}
	}
	if best != "" {
		return best
	}
	if date == "" {
		if len(all) == 1 {
			return all[0].e.Key
		}
		return ""
	}
	if role == roleLeader {
		// a ceremonial head of state (a monarch) is not "the leader"
		for _, h := range all {
			if h.o.Role == kb.RoleHeadOfState && !monarchTitle(h.o.Title) {
				return h.e.Key
			}
		}
		for _, h := range all {
			if h.o.Role == kb.RoleHeadOfGovernment {
				return h.e.Key
			}
		}
	}
	return all[0].e.Key
}

func monarchTitle(t string) bool {
	t = strings.ToLower(t)
	for _, w := range []string{"king", "queen", "emperor", "monarch", "governor-general", "governor general", "sultan", "emir", "grand duke", "prince"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// mentionAt returns the index in ms of the mention starting at token t.
func mentionStarting(ms []mention, t int) int {
	for i := range ms {
		if ms[i].t0 == t {
			return i
		}
	}
	return -1
}

func mentionEnding(ms []mention, t int) int {
	for i := range ms {
		if ms[i].t1 == t {
			return i
		}
	}
	return -1
}

func isCountryish(m *mention) bool {
	return m.kind == kb.KindCountry && (m.how == hName || m.how == hDemonym || m.how == hMetonym)
}

func isPersonMention(m *mention) bool { return m.kind == kb.KindPerson }

// titleMentions finds "the Chinese president", "Russia's foreign
// minister", "the President of Brazil", "le Premier ministre indien", "le
// chef du Kremlin", "the leaders of Russia and China", and resolves them
// to the office holders at the article date.
func (a *article) titleMentions(si int, ms []mention) []mention {
	s := &a.sents[si]
	var out []mention
	group := 0
	for k := s.t0; k < s.t1; k++ {
		if a.toks[k].kind != tkWord {
			continue
		}
		def, e := roleAt(a.toks, k, s.t1)
		var role string
		plural := false
		fr := false
		special := false
		if def != nil {
			role, plural, fr = def.role, def.plural, def.fr || a.lang == "fr"
		} else {
			// "Kremlin chief", "head of the Kremlin", "chef du Kremlin",
			// "ministre russe des Affaires étrangères"
			n := a.toks[k].norm
			switch n {
			case "chief", "boss":
				if j := mentionEnding(ms, k); j >= 0 && ms[j].how == hMetonym {
					role, e, special = kb.RoleHeadOfState, k+1, true
				}
			case "head", "chef", "locataire", "maitre", "patron":
				q := k + 1
				for q < s.t1 && (a.toks[q].norm == "of" || a.toks[q].norm == "the" || a.toks[q].norm == "du" || a.toks[q].norm == "de" || a.toks[q].norm == "la" || a.toks[q].norm == "l" || a.toks[q].p == '\'') {
					if j := mentionStarting(ms, q); j >= 0 && ms[j].how == hMetonym && q > k+1 {
						break
					}
					q++
				}
				if j := mentionStarting(ms, q); j >= 0 && ms[j].how == hMetonym && q > k+1 {
					role, e, special = kb.RoleHeadOfState, ms[j].t1, true
				}
			case "ministre":
				if j := mentionStarting(ms, k+1); j >= 0 && ms[j].how == hDemonym {
					rest := ms[j].t1
					w := wordsFrom(a.toks, rest, s.t1, 4)
					switch {
					case strings.HasPrefix(w, "des affaires etrangeres"):
						role, e, fr = kb.RoleForeignMinister, k+1, true
					case strings.HasPrefix(w, "de la defense"), strings.HasPrefix(w, "des armees"):
						role, e, fr = kb.RoleDefenceMinister, k+1, true
					}
				}
			}
			if role == "" {
				continue
			}
		}
		// former presidents, vice-presidents, first ladies
		if k > s.t0 {
			p := k - 1
			for p > s.t0 && a.toks[p].kind == tkPunct && a.toks[p].p == '-' {
				p--
			}
			if titleBlockers[a.toks[p].norm] {
				k = e - 1
				continue
			}
			if p > s.t0 && (a.toks[p].kind == tkWord && a.toks[p-1].kind == tkWord) && titleBlockers[a.toks[p-1].norm] && (a.toks[p-1].norm == "former" || a.toks[p-1].norm == "ancien") {
				k = e - 1
				continue
			}
		}
		// countries (or organisations, metonyms) the title is bound to
		var binds []int // indices in ms
		start, end := k, e
		if special {
			if j := mentionEnding(ms, k); j >= 0 && a.toks[k].norm != "head" {
				binds = append(binds, j)
				start = ms[j].t0
			} else if j := mentionEnding(ms, e); j >= 0 {
				binds = append(binds, j)
			}
		}
		if !special {
			// before: "Chinese president", "India's prime minister",
			// "Brazilian and South Korean presidents", "NATO Secretary General"
			q := k
			for {
				j := mentionEnding(ms, q)
				if j < 0 && q-2 >= s.t0 && a.toks[q-1].norm == "s" && a.toks[q-2].p == '\'' {
					j = mentionEnding(ms, q-2)
				}
				if j < 0 || !(isCountryish(&ms[j]) || ms[j].kind == kb.KindOrganization && role == kb.RoleOrgHead) || ms[j].locative {
					break
				}
				binds = append(binds, j)
				start = ms[j].t0
				if !plural {
					break
				}
				q = ms[j].t0
				if q-1 >= s.t0 && (a.toks[q-1].norm == "and" || a.toks[q-1].norm == "et" || a.toks[q-1].p == ',') {
					q--
					if q-1 >= s.t0 && a.toks[q-1].p == ',' {
						q--
					}
					continue
				}
				break
			}
			// after: "president of (the) Brazil", "président chinois",
			// "président de la Chine", lists for plurals
			if len(binds) == 0 {
				q := e
				if fr {
					// "les dirigeants russe, ukrainien, allemand et
					// français": one each
					for {
						j := mentionStarting(ms, q)
						if j < 0 || ms[j].how != hDemonym {
							break
						}
						binds = append(binds, j)
						end = ms[j].t1
						if !plural {
							break
						}
						q = ms[j].t1
						if q+1 < s.t1 && (a.toks[q].p == ',' || a.toks[q].norm == "et") {
							q++
							continue
						}
						break
					}
				}
				if len(binds) == 0 && q < s.t1 {
					n := a.toks[q].norm
					if n == "of" || n == "de" || n == "du" || n == "des" {
						q++
						for q < s.t1 && (a.toks[q].norm == "the" || a.toks[q].norm == "la" || a.toks[q].norm == "l" || a.toks[q].p == '\'') {
							q++
						}
						for {
							j := mentionStarting(ms, q)
							if j < 0 || !(isCountryish(&ms[j]) || ms[j].kind == kb.KindOrganization && (role == kb.RoleOrgHead || role == roleLeader)) {
								break
							}
							binds = append(binds, j)
							end = ms[j].t1
							if !plural {
								break
							}
							q = ms[j].t1
							if q < s.t1 && (a.toks[q].p == ',' || a.toks[q].norm == "and" || a.toks[q].norm == "et") {
								q++
								if q < s.t1 && (a.toks[q].norm == "and" || a.toks[q].norm == "et") {
									q++
								}
								continue
							}
							break
						}
					}
				}
			}
		}
		if len(binds) == 0 {
			k = e - 1
			continue
		}
		// "American presidents": generic, unless "the"/"both"/"two" or
		// several countries make it specific
		if plural && len(binds) == 1 {
			det := start - 1
			if det < s.t0 || !specificDet[a.toks[det].norm] {
				k = e - 1
				continue
			}
		}
		// a name follows: "Chinese President Xi Jinping", "the French
		// president, Emmanuel Macron", "le Premier ministre samoan, M. X"
		q := end
		for q < s.t1 && (a.toks[q].p == ',' || a.toks[q].kind == tkPunct && a.toks[q].p == '.' || honorifics[a.toks[q].norm] && a.toks[q].cap) {
			q++
		}
		if j := mentionStarting(ms, q); j >= 0 && isPersonMention(&ms[j]) {
			k = e - 1
			continue
		}
		if q < s.t1 && a.toks[q].kind == tkWord && a.toks[q].cap && q == end && !sentenceWord[a.toks[q].norm] && q+1 < s.t1 && a.toks[q+1].kind == tkWord && a.toks[q+1].cap {
			// an unknown name right after the title
			k = e - 1
			continue
		}
		if plural || len(binds) > 1 {
			group++
		}
		for _, j := range binds {
			b := &ms[j]
			of := b.key
			r := role
			if b.kind == kb.KindOrganization && role == roleLeader {
				r = kb.RoleOrgHead
			}
			if r == kb.RoleHeadOfState && (a.toks[k].norm == "president" || a.toks[k].norm == "presidente") {
				r = rolePresident
			}
			key := a.holder(r, of, a.titleDate(si, start, end))
			if key == "" {
				continue
			}
			m := mention{t0: start, t1: end, s: int(a.toks[start].s), e: int(a.toks[end-1].e), kind: kb.KindPerson,
				key: key, how: hTitle, role: r, entity: true}
			if plural || len(binds) > 1 {
				m.group = group
			}
			out = append(out, m)
		}
		k = end - 1
	}
	return out
}

var specificDet = map[string]bool{"the": true, "both": true, "two": true, "les": true, "deux": true, "ces": true, "these": true, "those": true}

// wordsFrom joins up to n folded word tokens from t.
func wordsFrom(toks []token, t, end, n int) string {
	var b strings.Builder
	c := 0
	for k := t; k < end && c < n; k++ {
		if toks[k].kind != tkWord {
			continue
		}
		if c > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].norm)
		c++
	}
	return b.String()
}

// Bare titles ("le chef de l'État", "the president", "le Premier
// ministre") with no country: the article's most named holder of the role.
var bareTitles = []struct {
	words []string
	role  string // "" : head of state or of government
	// visiting: the guest of the sentence's other people ("greeted the
	// visiting prime minister"): never one the sentence already names.
	// ("his guest" is not one: the article's most named leader is often
	// not the guest of that sentence.)
	visiting bool
	of       string // the office's country when the title names it ("the pope": the Holy See)
}{
	{[]string{"the", "pope"}, kb.RoleHeadOfState, false, "country:vat"},
	{[]string{"the", "pontiff"}, kb.RoleHeadOfState, false, "country:vat"},
	{[]string{"le", "pape"}, kb.RoleHeadOfState, false, "country:vat"},
	{[]string{"le", "souverain", "pontife"}, kb.RoleHeadOfState, false, "country:vat"},
	{[]string{"the", "visiting", "prime", "minister"}, kb.RoleHeadOfGovernment, true, ""},
	{[]string{"the", "visiting", "president"}, kb.RoleHeadOfState, true, ""},
	{[]string{"the", "visiting", "chancellor"}, kb.RoleHeadOfGovernment, true, ""},
	{[]string{"the", "visiting", "leader"}, "", true, ""},
	{[]string{"the", "visiting", "head", "of", "state"}, "", true, ""},
	{[]string{"le", "chef", "de", "l", "etat"}, kb.RoleHeadOfState, false, ""},
	{[]string{"le", "president"}, kb.RoleHeadOfState, false, ""},
	{[]string{"la", "presidente"}, kb.RoleHeadOfState, false, ""},
	{[]string{"the", "president"}, kb.RoleHeadOfState, false, ""},
	{[]string{"le", "premier", "ministre"}, kb.RoleHeadOfGovernment, false, ""},
	{[]string{"la", "premiere", "ministre"}, kb.RoleHeadOfGovernment, false, ""},
	{[]string{"the", "prime", "minister"}, kb.RoleHeadOfGovernment, false, ""},
	{[]string{"the", "chancellor"}, kb.RoleHeadOfGovernment, false, ""},
	{[]string{"la", "chanceliere"}, kb.RoleHeadOfGovernment, false, ""},
	{[]string{"le", "chancelier"}, kb.RoleHeadOfGovernment, false, ""},
}

// bareTitleMentions resolves the bare titles of sentence si to the person
// the article names most who held that role at the article's date.
func (a *article) bareTitleMentions(si int, ms []mention) []mention {
	s := &a.sents[si]
	var out []mention
	var prev map[string]int // person key -> mentions in the sentences before
	// the dateline's country, for visiting titles (looked up once, when
	// one occurs)
	hostCountry, hostKnown := "", false
	host := func() string {
		if !hostKnown && si > 0 {
			if d := a.findDateline(); d != "" {
				if p := a.x.kb.Get(d); p != nil {
					hostCountry = p.Country
				}
			}
		}
		hostKnown = true
		return hostCountry
	}
	for k := s.t0; k < s.t1; k++ {
		if w := a.toks[k].norm; w != "the" && w != "le" && w != "la" {
			continue // every bare title opens with an article
		}
		for _, bt := range bareTitles {
			n := len(bt.words)
			if k+n > s.t1 || mentionStarting(ms, k) >= 0 || mentionStarting(ms, k+1) >= 0 {
				continue
			}
			ok := true
			q := k
			for _, w := range bt.words {
				for q < s.t1 && a.toks[q].kind == tkPunct && a.toks[q].p == '\'' {
					q++
				}
				if q >= s.t1 || a.toks[q].norm != w {
					ok = false
					break
				}
				q++
			}
			if !ok {
				continue
			}
			// a country, a demonym, a name or "of" after it: not bare
			if q < s.t1 {
				nx := &a.toks[q]
				if mentionStarting(ms, q) >= 0 || nx.kind == tkWord && nx.cap || nx.norm == "of" || nx.norm == "de" || nx.norm == "du" || nx.norm == "des" {
					continue
				}
			}
			// the named holder the story has mentioned most so far (full
			// names, surnames, titles; full names in the whole article break
			// ties): "le chef de l'État" of a story about Bolsonaro's summit
			// is Bolsonaro, though Ramaphosa's full name came up twice
			if prev == nil {
				prev = map[string]int{}
				for i := range a.ments {
					if a.ments[i].kind == kb.KindPerson {
						prev[a.ments[i].key]++
					}
				}
			}
			best, bestN := "", 0
			for key, named := range a.named {
				cnt := prev[key]*100 + named
				if cnt <= bestN {
					if cnt < bestN || key > best {
						continue
					}
				}
				if bt.visiting && slices.ContainsFunc(ms, func(m mention) bool { return m.key == key && m.t0 < k }) {
					continue
				}
				if bt.visiting && host() != "" {
					if e := a.x.kb.Get(key); e != nil && e.Country == host() {
						continue // the dateline's country hosts: its leader is not the visitor
					}
				}
				e := a.x.kb.Get(key)
				if e == nil {
					continue
				}
				if bt.of != "" {
					if holdsRoleAt(e, bt.role, bt.of, a.ref) {
						best, bestN = key, cnt
					}
					continue
				}
				if bt.role != "" && holdsRole(e, bt.role, a.ref) ||
					bt.role == "" && (holdsRole(e, kb.RoleHeadOfState, a.ref) || holdsRole(e, kb.RoleHeadOfGovernment, a.ref)) {
					best, bestN = key, cnt
				}
			}
			if best == "" {
				continue
			}
			out = append(out, mention{t0: k + 1, t1: q, s: int(a.toks[k+1].s), e: int(a.toks[q-1].e), kind: kb.KindPerson, key: best, how: hTitle, entity: true})
			k = q - 1
			break
		}
	}
	return out
}

// holdsRole: e held role (head of state or government, any country) on
// date (any time when date is "").
func holdsRole(e *kb.Entry, role, date string) bool { return holdsRoleAt(e, role, "", date) }

// holdsRoleAt: e held role at `of` (anywhere when of is "") on date (any
// time when date is "").
func holdsRoleAt(e *kb.Entry, role, of, date string) bool {
	for _, o := range e.Offices {
		if o.Role == role && (of == "" || o.Of == of) && kb.Within(date, o.From, o.To) {
			return true
		}
	}
	return false
}

// titleDate is the date a title of sentence si (tokens t0..t1) is resolved
// at: a past date of the same sentence near it ("in December 2013 the
// Chinese president received him", "en 2008, le président russe"), else
// the publication date. Period bounds (since, depuis) do not count.
func (a *article) titleDate(si, t0, t1 int) string {
	s := &a.sents[si]
	best, bestD := "", 1<<30
	for d := s.d0; d < s.d1; d++ {
		dr := &a.dates[d]
		if dr.since || dr.value == "" || dr.m.Anchor == dates.AnchorPrevious {
			continue
		}
		if a.pub != "" && prefixCmp(dr.value, a.pub) >= 0 {
			continue
		}
		if a.pub != "" && len(dr.value) >= 7 && dr.value[:7] == a.pub[:7] {
			continue // this month: the publication date will do
		}
		if dr.t0 > s.t0 {
			// "Élu l'an dernier, le président brésilien ...": the date of
			// the election, not of the sentence's event
			switch a.toks[dr.t0-1].norm {
			case "elu", "elue", "reelu", "elected", "re-elected", "reelected", "investi", "inaugurated", "sworn":
				continue
			}
		}
		x := tokDist(dr.t0, dr.t1, t0, t1)
		if x <= 12 && x < bestD {
			best, bestD = dr.value, x
		}
	}
	if best == "" {
		return a.pub
	}
	return best
}
