package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/extract/dates"
)

// Type priority for the date of a merged event: the talks' day rather than
// the arrival's.
func datePriority(t trigType) int {
	switch t {
	case tMeet, tTalks, tNegotiate, tPress, tMeal, tSign, tPhone:
		return 3
	case tSummit, tCeremony:
		return 2
	case tHost:
		return 1
	}
	return 0
}

// compatible reports whether two events can be the same real-world event.
// same: both come from one article (undated ones may then join).
func compatible(x, y *localEvent, same bool) bool {
	if (x.typ == tPhone) != (y.typ == tPhone) {
		return false
	}
	ov := overlap(x.parts, y.parts)
	// two reports of one summit in an article, naming different
	// attendees ("élu lors du sommet annuel à Addis-Abeba", "ce 38e
	// sommet ... a vu João Lourenço prendre la présidence")
	sameSummit := same && x.has(tSummit) && y.has(tSummit) && x.date != "" && y.date != "" &&
		(x.place != "" && x.place == y.place || x.org != "" && x.org == y.org)
	if ov == 0 && !sameSummit {
		return false
	}
	if ov < 2 && len(x.parts) >= 2 && len(y.parts) >= 2 && !sameSummit {
		// an undated mention joins a dated event of the same article
		// only if its people are among the event's; two reports of the
		// same day at the same place in one article are one occasion
		sameDay := same && len(x.date) == 10 && x.date == y.date && x.place != "" && x.place == y.place
		if !(same && (x.date == "" && ov == len(x.parts) || y.date == "" && ov == len(y.parts))) && !sameDay {
			return false
		}
	}
	if x.place != "" && y.place != "" && x.place != y.place && !capitalGuess(x, y) {
		return false
	}
	if x.country != "" && y.country != "" && x.country != y.country {
		return false
	}
	if x.date == "" || y.date == "" {
		return same
	}
	// what happened and what is still planned in one article are two
	// occasions
	if x.article == y.article && x.status != "" && y.status != "" && x.status != y.status {
		return false
	}
	if !dates.Compatible(x.date, y.date) {
		return inSpanOf(x, y) || inSpanOf(y, x)
	}
	// a bilateral of two leaders reported in its own sentence is not the
	// summit around it ("He received Xi Jinping" at the Kazan summit)
	if same && (x.sent != y.sent || x.margins || y.margins) && (bilateralIn(x, y) || bilateralIn(y, x)) {
		return false
	}
	if catGroup(x) != catGroup(y) && len(x.date) == 10 && len(y.date) == 10 && x.date != y.date {
		return false
	}
	return true
}

func catGroup(e *localEvent) string { return e.typ.category() }

// bilateralIn: b is a two-person meeting, host or talks event and s a
// summit of an organization or of more people.
func bilateralIn(s, b *localEvent) bool {
	return s.typ == tSummit && (s.org != "" || len(s.parts) > 2 || b.margins) && len(b.parts) == 2 && !b.has(tSummit) &&
		(b.has(tMeet) || b.has(tHost) || b.has(tTalks))
}

// inSpanOf: y's day falls within the visit x ("a six-day state visit"
// starting on x.date, or x's explicit date range).
func inSpanOf(x, y *localEvent) bool {
	if len(x.date) != 10 || len(y.date) != 10 {
		return false
	}
	end := x.dateEnd
	if x.duration > 1 && (x.has(tVisit) || x.has(tHost)) {
		if e := dates.Shift(x.date, x.duration-1); e > end {
			end = e
		}
	}
	if len(end) != 10 {
		return false
	}
	return y.date >= x.date && y.date <= end
}

// absorb merges src into dst.
func absorb(dst, src *localEvent) {
	for _, p := range src.parts {
		found := false
		for _, q := range dst.parts {
			if p == q {
				found = true
				break
			}
		}
		if !found {
			dst.parts = append(dst.parts, p)
		}
	}
	if dst.names == nil {
		dst.names = map[string]string{}
	}
	for k, v := range src.names {
		if _, ok := dst.names[k]; !ok {
			dst.names[k] = v
		}
	}
	for _, c := range src.pcountries {
		found := false
		for _, d := range dst.pcountries {
			if c == d {
				found = true
			}
		}
		if !found {
			dst.pcountries = append(dst.pcountries, c)
		}
	}
	sort.Strings(dst.pcountries)
	// the date: the most precise; among equals, the talks' rather than
	// the arrival's
	if betterDate(src, dst) {
		if dst.date != "" && len(dst.date) == 10 && len(src.date) == 10 && dst.date != src.date && dst.duration > 1 {
			// keep the visit's span as the end
			if e := dates.Shift(dst.date, dst.duration-1); e > dst.dateEnd {
				dst.dateEnd = e
			}
		}
		dst.date, dst.dateHow = src.date, src.dateHow
		if src.dateEnd > dst.dateEnd {
			dst.dateEnd = src.dateEnd
		}
		dst.typ = pickType(dst.typ, src.typ, true)
	} else {
		dst.typ = pickType(dst.typ, src.typ, false)
		if src.dateEnd > dst.dateEnd && dst.date != "" && src.date != "" && strings.HasPrefix(src.date, dst.date[:min(len(dst.date), len(src.date))]) {
			dst.dateEnd = src.dateEnd
		}
	}
	if dst.dateEnd != "" && dst.dateEnd <= dst.date {
		dst.dateEnd = ""
	}
	dst.types |= src.types
	dst.strong = dst.strong || src.strong
	if dst.place == "" || dst.placeCap && src.place != "" && !src.placeCap {
		dst.place, dst.placeName, dst.placeCap = src.place, src.placeName, src.placeCap
	}
	if dst.country == "" {
		dst.country = src.country
	}
	if dst.org == "" {
		dst.org, dst.orgName = src.org, src.orgName
	}
	if dst.host == "" {
		dst.host = src.host
	}
	if dst.guest == "" {
		dst.guest = src.guest
	}
	if src.status == graph.StatusOccurred {
		dst.status = graph.StatusOccurred
	}
	dst.conf = 1 - (1-dst.conf)*(1-src.conf)
	if dst.conf > 0.99 {
		dst.conf = 0.99
	}
	dst.srcs = append(dst.srcs, src.srcs...)
	if src.sent < dst.sent && src.article == dst.article {
		dst.sent = src.sent
	}
	if src.duration > dst.duration {
		dst.duration = src.duration
	}
	dst.fromPair = dst.fromPair && src.fromPair
}

// betterDate: src's date should replace dst's.
func betterDate(src, dst *localEvent) bool {
	if src.date == "" {
		return false
	}
	if dst.date == "" {
		return true
	}
	if len(src.date) != len(dst.date) {
		return len(src.date) > len(dst.date)
	}
	if src.date == dst.date {
		return false
	}
	ps, pd := datePriority(src.typ), datePriority(dst.typ)
	if ps != pd {
		return ps > pd
	}
	return src.date < dst.date
}

// pickType keeps the category of a merged event: a summit stays a summit.
func pickType(a, b trigType, preferB bool) trigType {
	rank := func(t trigType) int {
		switch t {
		case tSummit:
			return 5
		case tMeet, tTalks, tNegotiate, tPress, tMeal:
			return 4
		case tVisit, tHost:
			return 3
		case tCeremony:
			return 2
		}
		return 1
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// mergeLocal fuses the events of one article: dated ones with compatible
// ones, then undated ones into the nearest compatible dated event.
func mergeLocal(evs []*localEvent) []*localEvent {
	var out []*localEvent
	// dated, most precise first
	order := make([]*localEvent, len(evs))
	copy(order, evs)
	sort.SliceStable(order, func(i, j int) bool {
		if len(order[i].date) != len(order[j].date) {
			return len(order[i].date) > len(order[j].date)
		}
		return order[i].sent < order[j].sent
	})
	var undated []*localEvent
	for _, e := range order {
		if e.date == "" {
			undated = append(undated, e)
			continue
		}
		var best *localEvent
		bestScore := -1 << 30
		for _, c := range out {
			if !compatible(c, e, true) {
				continue
			}
			sc := overlap(c.parts, e.parts)*10 - abs(c.sent-e.sent)
			if c.date == e.date {
				sc += 20
			}
			if sc > bestScore {
				best, bestScore = c, sc
			}
		}
		if best != nil {
			absorb(best, e)
		} else {
			cp := *e
			out = append(out, &cp)
		}
	}
	var rest []*localEvent
	for _, e := range undated {
		var best *localEvent
		bestScore := -1 << 30
		for _, c := range out {
			if c.date == "" || !compatible(c, e, true) {
				continue
			}
			// without a publication date, "on Saturday" is the article's
			// present: it does not join a background event dated far away
			// in the text ("first met ... in September 2021")
			if e.pub == "" && abs(c.sent-e.sent) > 1 {
				continue
			}
			sc := overlap(c.parts, e.parts)*10 - abs(c.sent-e.sent)
			if c.place != "" && c.place == e.place {
				sc += 15
			}
			if sc > bestScore {
				best, bestScore = c, sc
			}
		}
		if best != nil {
			absorb(best, e)
			continue
		}
		// undated events of the same people and place fuse together,
		// unless the text names them different days ("dimanche", "lundi")
		merged := false
		for _, c := range rest {
			if compatible(c, e, true) && (c.rawDate == "" || e.rawDate == "" || c.rawDate == e.rawDate) {
				absorb(c, e)
				merged = true
				break
			}
		}
		if !merged {
			cp := *e
			rest = append(rest, &cp)
		}
	}
	out = append(out, rest...)
	out = dedupe(out)
	sort.SliceStable(out, func(i, j int) bool { return out[i].sent < out[j].sent })
	return out
}

// dedupe fuses the events of one article that are one occasion reported
// with different precision: the same people, compatible dates (one a
// prefix of the other, or a day within the other's visit span) and
// compatible places (equal, one unknown, or the same country). A phone
// call and a meeting fuse only when one sentence reports both; a coarse
// date that fits several precise events of the same people stays apart.
func dedupe(all []*localEvent) []*localEvent {
	// only events of the same people can fuse: work group by group
	groups := map[string][]*localEvent{}
	var order []string
	for _, e := range all {
		k := strings.Join(sortedCopy(e.parts), "\x00")
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], e)
	}
	if len(order) == len(all) {
		return all
	}
	out := all[:0:0]
	for _, k := range order {
		out = append(out, dedupeGroup(groups[k])...)
	}
	return out
}

func dedupeGroup(evs []*localEvent) []*localEvent {
	if len(evs) < 2 {
		return evs
	}
	for changed := true; changed; {
		changed = false
		for i := 0; i < len(evs) && !changed; i++ {
			for j := 0; j < len(evs) && !changed; j++ {
				if i == j {
					continue
				}
				x, y := evs[i], evs[j] // y would join x
				if !sameOccasion(x, y) {
					continue
				}
				if len(y.date) < len(x.date) && y.dateHow != dInherited && y.dateHow != dLead || sentenceDated(y, x) {
					// y is the coarse one: it must fit only x
					n := 0
					for _, z := range evs {
						if z != y && sameOccasion(z, y) {
							n++
						}
					}
					if n > 1 {
						continue
					}
				}
				if len(x.date) < len(y.date) || x.date == "" && y.date != "" {
					continue // fuse into the more precise one (handled as (j, i))
				}
				if sentenceDated(y, x) {
					// y's own sentence dates it; x only inherited a date
					x.date, x.dateEnd, x.dateHow = y.date, y.dateEnd, y.dateHow
				}
				phoneX := x.typ == tPhone
				first := x.sent <= y.sent
				absorb(x, y)
				if (y.typ == tPhone) != phoneX {
					// the category of the first report
					if first == phoneX {
						x.typ = tPhone
					} else if x.typ == tPhone {
						x.typ = y.typ
					}
				}
				evs = append(evs[:j], evs[j+1:]...)
				changed = true
			}
		}
	}
	return evs
}

// sentenceDated: y is dated by its own sentence, x shares that sentence
// but only inherited a date (from the passage or the publication).
func sentenceDated(y, x *localEvent) bool {
	return y.dateHow == dSentence && (x.dateHow == dInherited || x.dateHow == dLead) && shareSentence(x, y)
}

func shareSentence(x, y *localEvent) bool {
	for _, a := range x.srcs {
		for _, b := range y.srcs {
			if a.article == b.article && a.s == b.s {
				return true
			}
		}
	}
	return false
}

func sameSet(a, b []string) bool {
	return len(a) == len(b) && overlap(a, b) == len(a)
}

// capitalGuess: one of two different places is only the capital the
// visit's country suggested, and both are in that country ("flew to
// Australia" and "greeted him in Sydney").
func capitalGuess(x, y *localEvent) bool {
	in := func(g, o *localEvent) bool {
		// a place the KB lacks has no country: it may be in g's
		return g.placeCap && g.country != "" && (o.country == g.country || o.country == "" && strings.HasPrefix(o.place, "place:unresolved:"))
	}
	return in(x, y) || in(y, x)
}

// sameOccasion: y can be the same occasion as x (same article).
func sameOccasion(x, y *localEvent) bool {
	if len(x.parts) < 2 || !sameSet(x.parts, y.parts) {
		return false
	}
	if x.status != y.status && (x.date != "" && y.date != "" || x.status != "" && y.status != "") {
		return false // "accepted an invitation to visit Pyongyang": another occasion
	}
	if (x.typ == tPhone) != (y.typ == tPhone) && !shareSentence(x, y) {
		return false
	}
	bothPhone := x.typ == tPhone && y.typ == tPhone // a call has no venue: its places are the callers'
	if !bothPhone && x.place != "" && y.place != "" && x.place != y.place && (x.country == "" || x.country != y.country) && !capitalGuess(x, y) {
		return false
	}
	if !bothPhone && (x.typ == tPhone) == (y.typ == tPhone) && x.country != "" && y.country != "" && x.country != y.country {
		return false
	}
	if sentenceDated(y, x) || sentenceDated(x, y) {
		return true
	}
	if x.date == "" || y.date == "" {
		return false
	}
	if x.date == y.date {
		// same day, both places known and different: two occasions
		return x.place == "" || y.place == "" || x.place == y.place
	}
	if len(x.date) == 10 && len(y.date) == 10 {
		return false // two days: in one article, days of a visit reported apart are apart
	}
	return dates.Compatible(x.date, y.date)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Merge fuses the article-local events of all results into corpus events.
// The result does not depend on the order of results: events are
// clustered in an order fixed by their content, and keys hash the merged
// content (see README.md, "Event keys"). Undated events join a dated event
// only when it is the one compatible event of the same people in the same
// place; the others are dropped.
func Merge(results []*Result) []graph.Event {
	var all []*localEvent
	for _, r := range results {
		if r == nil {
			continue
		}
		pub := ""
		if r.Article.Published != nil {
			pub = *r.Article.Published
		}
		for i := range r.Events {
			all = append(all, fromGraph(&r.Events[i], r.Article.ID, pub))
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return eventLess(all[i], all[j]) })
	var clusters []*localEvent
	var undated []*localEvent
	for _, e := range all {
		if e.date == "" {
			undated = append(undated, e)
			continue
		}
		var best *localEvent
		bestScore := -1 << 30
		for _, c := range clusters {
			// the local merge kept the events of one article apart
			if hasArticle(c, e.article) || !compatible(c, e, false) {
				continue
			}
			sc := overlap(c.parts, e.parts) * 10
			if c.date == e.date {
				sc += 20
			}
			if c.place != "" && c.place == e.place {
				sc += 15
			}
			if sc > bestScore {
				best, bestScore = c, sc
			}
		}
		if best != nil {
			absorb(best, e)
		} else {
			cp := *e
			clusters = append(clusters, &cp)
		}
	}
	for _, e := range undated {
		if e.place == "" && e.country == "" {
			continue
		}
		var cands []*localEvent
		for _, c := range clusters {
			if c.date == "" || hasArticle(c, e.article) || !compatible(c, &localEvent{typ: e.typ, parts: e.parts, place: e.place, country: e.country, date: c.date, dateEnd: c.dateEnd}, false) {
				continue
			}
			if overlap(c.parts, e.parts) < min(2, len(e.parts)) {
				continue
			}
			// an undated report joins a dated event of another article
			// only at the same known place ("la visite de M. Xi à Moscou"
			// is not the Samarkand meeting of the same two men)
			if e.place != "" && c.place != e.place {
				continue
			}
			cands = append(cands, c)
		}
		if len(cands) == 1 {
			absorb(cands[0], e)
		}
	}
	// An article without a publication date cannot date "on Tuesday": its
	// events stay undated (the contract's null date) rather than lost, when
	// they name two people and join no dated event. Undated events of
	// several such articles fuse when their people and place agree.
	var nodate []*localEvent
	for _, e := range undated {
		if e.pub != "" || len(e.parts) < 2 {
			continue
		}
		if e.status == graph.StatusPlanned && occurredSame(undated, e) {
			continue // without dates, a plan of the same people cannot be told from what they did
		}
		joined := false
		for _, c := range clusters {
			if hasArticle(c, e.article) && hasSource(c, e) {
				joined = true // absorbed above
				break
			}
		}
		if joined {
			continue
		}
		merged, dup := false, false
		for _, c := range nodate {
			if hasArticle(c, e.article) && overlap(c.parts, e.parts) == len(e.parts) && (c.rawDate == "" || e.rawDate == "" || c.rawDate == e.rawDate) {
				dup = true // one undated event per group of people, day named and article
				break
			}
		}
		if dup {
			continue
		}
		for _, c := range nodate {
			if !hasArticle(c, e.article) && compatible(c, e, false) && overlap(c.parts, e.parts) >= 2 && c.place == e.place {
				absorb(c, e)
				merged = true
				break
			}
		}
		if !merged {
			cp := *e
			nodate = append(nodate, &cp)
		}
	}
	clusters = append(clusters, nodate...)
	out := make([]graph.Event, 0, len(clusters))
	for _, c := range clusters {
		out = append(out, c.toGraph())
	}
	assignKeys(out)
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := deref(out[i].Date), deref(out[j].Date)
		if di != dj {
			return di < dj
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// occurredSame: an undated event of e's article and people that took
// place.
func occurredSame(undated []*localEvent, e *localEvent) bool {
	for _, c := range undated {
		if c != e && c.article == e.article && c.status != graph.StatusPlanned && sameSet(c.parts, e.parts) {
			return true
		}
	}
	return false
}

func hasArticle(c *localEvent, article string) bool {
	for _, s := range c.srcs {
		if s.article == article {
			return true
		}
	}
	return false
}

// eventLess orders events by content: precision, date, participants,
// article, offset.
func eventLess(x, y *localEvent) bool {
	if len(x.date) != len(y.date) {
		return len(x.date) > len(y.date)
	}
	if x.date != y.date {
		return x.date < y.date
	}
	px, py := strings.Join(sortedCopy(x.parts), ","), strings.Join(sortedCopy(y.parts), ",")
	if px != py {
		return px < py
	}
	if x.article != y.article {
		return x.article < y.article
	}
	if len(x.srcs) > 0 && len(y.srcs) > 0 {
		return x.srcs[0].s < y.srcs[0].s
	}
	return false
}

func sortedCopy(s []string) []string {
	c := append([]string(nil), s...)
	sort.Strings(c)
	return c
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Event keys: "ev:" + 16 hex digits of SHA-256 over the sorted participant
// keys, the date cut to the month, the place key and the category. Events
// that still collide get the day (then a counter) added before hashing,
// in the order of their full content.
func assignKeys(evs []graph.Event) {
	base := func(e *graph.Event, extra string) string {
		parts := sortedCopy(e.ParticipantKeys)
		d := deref(e.Date)
		if len(d) > 7 {
			d = d[:7]
		}
		h := sha256.Sum256([]byte(strings.Join(parts, ",") + "|" + d + "|" + e.PlaceKey + "|" + e.Category + "|" + extra))
		return "ev:" + hex.EncodeToString(h[:8])
	}
	idx := make([]int, len(evs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		x, y := &evs[idx[a]], &evs[idx[b]]
		if deref(x.Date) != deref(y.Date) {
			return deref(x.Date) < deref(y.Date)
		}
		if strings.Join(x.ParticipantKeys, ",") != strings.Join(y.ParticipantKeys, ",") {
			return strings.Join(x.ParticipantKeys, ",") < strings.Join(y.ParticipantKeys, ",")
		}
		return len(x.Sources) > 0 && len(y.Sources) > 0 && (x.Sources[0].Article < y.Sources[0].Article || x.Sources[0].Article == y.Sources[0].Article && x.Sources[0].Start < y.Sources[0].Start)
	})
	used := map[string]int{}
	for _, i := range idx {
		e := &evs[i]
		k := base(e, "")
		if used[k] > 0 {
			k2 := base(e, deref(e.Date))
			if used[k2] > 0 {
				k2 = base(e, deref(e.Date)+"#"+itoa(used[k]))
			}
			used[k]++
			k = k2
		}
		used[k]++
		e.Key = k
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// hasSource: c holds the first source of e.
func hasSource(c, e *localEvent) bool {
	if len(e.srcs) == 0 {
		return false
	}
	for _, s := range c.srcs {
		if s == e.srcs[0] {
			return true
		}
	}
	return false
}
