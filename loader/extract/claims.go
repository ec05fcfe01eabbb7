package extract

import (
	"sort"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/extract/dates"
	"github.com/eventgraph/eventgraph/loader/extract/text"
	"github.com/eventgraph/eventgraph/loader/kb"
)

// Claim kinds.
const (
	ClaimMeetingCount = "meeting_count"
	ClaimTradeVolume  = "trade_volume_usd"
)

type claimRec = graph.Claim

// French approximate numbers: "une quarantaine" = about 40.
var approxFR = map[string]int{
	"dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40,
	"cinquantaine": 50, "soixantaine": 60, "centaine": 100,
}

// Qualifiers before a number.
func qualifierAt(toks []token, t, lo int) string {
	w := func(k int) string {
		if k < lo || k < 0 {
			return ""
		}
		return toks[k].norm
	}
	switch {
	case w(t-2) == "at" && w(t-1) == "least", w(t-2) == "au" && w(t-1) == "moins":
		return "at least"
	case w(t-2) == "more" && w(t-1) == "than", w(t-1) == "over", w(t-2) == "plus" && w(t-1) == "de":
		return "more than"
	case w(t-1) == "about", w(t-1) == "some", w(t-1) == "around", w(t-1) == "nearly", w(t-1) == "almost",
		w(t-1) == "roughly", w(t-1) == "approximately", w(t-1) == "environ", w(t-2) == "pres" && w(t-1) == "de",
		w(t-1) == "quelque":
		return "about"
	}
	// "at least their 45th": a possessive between
	if w(t-1) == "their" || w(t-1) == "leur" || w(t-1) == "the" {
		return qualifierAt(toks, t-1, lo)
	}
	return ""
}

// ordinal parses "43rd", "45th", "43e", "43ème".
func ordinal(n string) int {
	i := 0
	for i < len(n) && n[i] >= '0' && n[i] <= '9' {
		i++
	}
	if i == 0 || i > 4 {
		return 0
	}
	switch n[i:] {
	case "st", "nd", "rd", "th", "e", "eme", "ieme", "er":
		v, _ := strconv.Atoi(n[:i])
		return v
	}
	return 0
}

func number(n string) (float64, bool) {
	if n == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(n, 64)
	return v, err == nil
}

var meetingNouns = map[string]bool{
	"meeting": true, "meetings": true, "encounter": true, "summit": true, "rencontre": true, "rencontres": true,
	"entrevue": true, "sommet": true, "face": true, "visit": true, "visite": true,
}

// findClaims finds meeting counts and trade volumes.
func (a *article) findClaims() {
	for si := range a.sents {
		s := &a.sents[si]
		if s.kind != text.Body {
			continue
		}
		a.meetingCount(si)
		a.tradeVolume(si)
	}
}

func (a *article) meetingCount(si int) {
	s := &a.sents[si]
	for k := s.t0; k < s.t1; k++ {
		tk := &a.toks[k]
		val, qual := 0, ""
		switch {
		case tk.kind == tkWord && ordinal(tk.norm) > 0:
			// "43rd meeting", "45th in-person meeting", "43e rencontre",
			// "for the 43rd time", "pour la 43e fois"
			n := ordinal(tk.norm)
			ok := false
			for q := k + 1; q < s.t1 && q <= k+4; q++ {
				w := a.toks[q].norm
				if meetingNouns[w] {
					ok = true
					break
				}
				if (w == "time" || w == "fois") && q == k+1 && a.meetVerbNear(si, k) {
					ok = true
					break
				}
			}
			if ok {
				val, qual = n, qualifierAt(a.toks, k, s.t0)
			}
		case tk.kind == tkNum:
			// "met 40 times", "met more than 40 times", "se sont vus 40 fois"
			if k+1 < s.t1 && (a.toks[k+1].norm == "times" || a.toks[k+1].norm == "fois") && a.meetVerbNear(si, k) {
				n, _ := strconv.Atoi(tk.norm)
				val, qual = n, qualifierAt(a.toks, k, s.t0)
			}
		case tk.kind == tkWord && approxFR[tk.norm] > 0:
			// "une quarantaine de fois", "une quarantaine de rencontres"
			if k+2 < s.t1 && (a.toks[k+1].norm == "de" || a.toks[k+1].norm == "d") {
				q := k + 2
				if a.toks[q].p == '\'' {
					q++
				}
				if q < s.t1 && (a.toks[q].norm == "fois" && a.meetVerbNear(si, k) || meetingNouns[a.toks[q].norm]) {
					val, qual = approxFR[tk.norm], "about"
				}
			}
		}
		if val <= 0 || val > 1000 {
			continue
		}
		subj := a.claimPeople(si)
		if len(subj) < 2 {
			continue
		}
		a.addClaim(si, ClaimMeetingCount, subj, float64(val), qual, 0)
	}
}

// meetVerbNear: a meeting verb in the few words before token k.
func (a *article) meetVerbNear(si, k int) bool {
	s := &a.sents[si]
	for q := k - 1; q >= s.t0 && q >= k-8; q-- {
		switch a.toks[q].norm {
		case "met", "meet", "meeting", "seen", "vus", "rencontres", "rencontre", "rencontrees", "vu", "retrouves", "met with", "talked", "spoke", "entretenus", "reunis":
			return true
		}
	}
	return false
}

// claimPeople: the people of the sentence, else the passage's pair.
func (a *article) claimPeople(si int) []string {
	s := &a.sents[si]
	var out []string
	for i := s.m0; i < s.m1; i++ {
		m := &a.ments[i]
		if m.kind == kb.KindPerson && m.key != "" {
			dup := false
			for _, o := range out {
				if o == m.key {
					dup = true
				}
			}
			if !dup {
				out = append(out, m.key)
			}
		}
	}
	if len(out) < 2 {
		if p := a.pairAt(si, nil); len(p) == 2 {
			if len(out) == 0 || out[0] == p[0] || out[0] == p[1] {
				return p
			}
		}
	}
	return out
}

func (a *article) lastEventBefore(si int) *localEvent {
	var last *localEvent
	for _, e := range a.evs {
		if e.sent < si && len(e.parts) >= 2 {
			last = e
		}
	}
	return last
}

var tradeWords = map[string]bool{"trade": true, "commerce": true, "echanges": true, "turnover": true, "commercial": true, "commerciaux": true}
var tradeVerbs = map[string]bool{
	"reached": true, "hit": true, "totaled": true, "totalled": true, "amounted": true, "stood": true, "was": true,
	"rose": true, "grew": true, "climbed": true, "exceeded": true, "surpassed": true, "topped": true, "reaching": true,
	"atteint": true, "eleve": true, "elevait": true, "etabli": true, "etait": true, "depasse": true, "represente": true,
	"exploded": true, "totalise": true,
}
var modalWords = map[string]bool{"could": true, "would": true, "hope": true, "hoped": true, "hopes": true, "target": true,
	"aim": true, "aims": true, "expected": true, "goal": true, "objectif": true, "pourrait": true, "devrait": true, "will": true, "should": true}

// Country prefixes of compound adjectives ("Sino-Russian").
var combining = map[string]string{"sino": "CHN", "russo": "RUS", "franco": "FRA", "anglo": "GBR", "indo": "IND",
	"germano": "DEU", "italo": "ITA", "nippo": "JPN", "turco": "TUR", "americano": "USA", "brazilo": "BRA"}

func (a *article) tradeVolume(si int) {
	s := &a.sents[si]
	// the sentence, or the previous one when this one starts with the amount
	lo := s.t0
	if si > 0 && a.sents[si-1].block == s.block && s.t1 > s.t0 && a.toks[s.t0].kind == tkNum {
		lo = a.sents[si-1].t0
	}
	hasTrade, hasVerb := false, false
	for k := lo; k < s.t1; k++ {
		n := a.toks[k].norm
		if tradeWords[n] {
			hasTrade = true
		}
		if tradeVerbs[n] {
			hasVerb = true
		}
		if modalWords[n] {
			return
		}
	}
	if !hasTrade || !hasVerb {
		return
	}
	for k := s.t0; k < s.t1; k++ {
		v, ok := a.moneyAt(k, s.t1)
		if !ok {
			continue
		}
		// year: a year date of the sentence after the amount
		year := 0
		for d := s.d0; d < s.d1; d++ {
			dr := &a.dates[d]
			if dr.t0 > k && dr.value != "" && !dr.since {
				if y, err := strconv.Atoi(dr.value[:4]); err == nil {
					year = y
				}
				break
			}
		}
		subj := a.claimCountries(si, lo)
		if len(subj) < 2 {
			return
		}
		a.addClaim(si, ClaimTradeVolume, subj, v, "", year)
		return
	}
}

// moneyAt parses "$240 billion", "240 billion dollars", "US$20bn", "240
// milliards de dollars" at token k (USD only).
func (a *article) moneyAt(k, end int) (float64, bool) {
	t := a.toks
	dollar := false
	q := k
	if t[q].norm == "$" || t[q].norm == "us" && q+1 < end && t[q+1].norm == "$" {
		if t[q].norm == "us" {
			q++
		}
		q++
		dollar = true
	}
	if q >= end {
		return 0, false
	}
	// the number: "240", "1.5", "1,5", "20bn"
	numStr := ""
	unit := ""
	if t[q].kind == tkNum {
		numStr = t[q].norm
		q++
		if q+1 < end && (t[q].norm == "." || t[q].norm == ",") && !t[q].space && t[q+1].kind == tkNum {
			numStr += "." + t[q+1].norm
			q += 2
		}
	} else if t[q].kind == tkWord {
		i := 0
		for i < len(t[q].norm) && t[q].norm[i] >= '0' && t[q].norm[i] <= '9' {
			i++
		}
		if i == 0 {
			return 0, false
		}
		numStr, unit = t[q].norm[:i], t[q].norm[i:]
		q++
	} else {
		return 0, false
	}
	if unit == "" && q < end {
		unit = t[q].norm
		q++
	}
	mult := 0.0
	switch unit {
	case "billion", "billions", "bn", "milliards", "milliard", "mds", "md":
		mult = 1e9
	case "million", "millions", "m", "mn":
		mult = 1e6
	case "trillion", "trillions", "tn":
		mult = 1e12
	default:
		return 0, false
	}
	if !dollar {
		for r := q; r < end && r <= q+2; r++ {
			if n := t[r].norm; n == "dollars" || n == "usd" || n == "dollar" {
				dollar = true
			}
		}
	}
	if !dollar {
		return 0, false
	}
	v, ok := number(numStr)
	if !ok {
		return 0, false
	}
	return v * mult, true
}

// claimCountries: the countries nearest the trade word (compound
// adjectives such as "Sino-Russian" included), from token lo.
func (a *article) claimCountries(si, lo int) []string {
	s := &a.sents[si]
	tw := -1
	for k := lo; k < s.t1; k++ {
		if tradeWords[a.toks[k].norm] {
			tw = k
			break
		}
	}
	type cand struct {
		iso  string
		dist int
	}
	var cs []cand
	addC := func(iso string, t int) {
		d := t - tw
		if d < 0 {
			d = -d
		}
		for i := range cs {
			if cs[i].iso == iso {
				if d < cs[i].dist {
					cs[i].dist = d
				}
				return
			}
		}
		cs = append(cs, cand{iso, d})
	}
	for sj := si; sj >= 0 && a.sents[sj].t1 > lo; sj-- {
		ss := &a.sents[sj]
		for i := ss.m0; i < ss.m1; i++ {
			m := &a.ments[i]
			if m.kind == kb.KindCountry && m.key != "" && m.t0 >= lo {
				if e := a.x.kb.Get(m.key); e != nil {
					addC(e.ISO3, m.t0)
				}
			}
		}
		for k := ss.t0; k < ss.t1; k++ {
			if iso, ok := combining[a.toks[k].norm]; ok && k+1 < ss.t1 && a.toks[k+1].p == '-' && k >= lo {
				addC(iso, k)
			}
		}
		if sj == 0 {
			break
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].dist < cs[j].dist })
	var out []string
	for _, c := range cs {
		out = append(out, c.iso)
		if len(out) == 2 {
			break
		}
	}
	return out
}

func (a *article) addClaim(si int, kind string, subj []string, v float64, qual string, year int) {
	s := &a.sents[si]
	for _, c := range a.claims {
		if c.Kind == kind && c.Value == v && c.Start == a.doc.Src(s.s) {
			return
		}
	}
	c := graph.Claim{Type: graph.TypeClaim, Article: a.id, Kind: kind, Value: v, Year: year,
		Start: a.doc.Src(s.s), End: a.doc.SrcEnd(s.e), Text: a.doc.Text[s.s:s.e]}
	for _, k := range subj {
		if kind == ClaimTradeVolume {
			c.Subject = append(c.Subject, k)
			if e := a.x.kb.Country(k); e != nil {
				c.SubjectKeys = append(c.SubjectKeys, e.Key)
			}
			continue
		}
		c.SubjectKeys = append(c.SubjectKeys, k)
		if e := a.x.kb.Get(k); e != nil {
			c.Subject = append(c.Subject, e.Name)
		} else if p := a.persons[k]; p != nil {
			c.Subject = append(c.Subject, p.name)
		}
	}
	if qual != "" {
		q := qual
		c.Qualifier = &q
	}
	if a.pub != "" && kind == ClaimMeetingCount {
		p := a.pub
		c.AsOf = &p
	}
	if year == 0 && kind == ClaimMeetingCount && len(a.pub) >= 4 {
		c.Year, _ = strconv.Atoi(a.pub[:4])
	}
	a.claims = append(a.claims, c)
}

var _ = dates.Day
var _ = strings.TrimSpace
