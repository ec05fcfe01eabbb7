package dates

// point is a calendar position; y, m or d is 0 when the text does not give it.
type point struct{ y, m, d int }

func pointBefore(a, b point) bool {
	if a.y != b.y {
		return a.y < b.y
	}
	if a.m != b.m {
		return a.m < b.m
	}
	return a.d < b.d
}

func (p point) format() string {
	switch {
	case p.d > 0:
		return fmtDay(p.y, p.m, p.d)
	case p.m > 0:
		return fmtMonth(p.y, p.m)
	}
	return fmtYear(p.y)
}

func (p point) yearLess() string {
	var b [7]byte
	b[0], b[1] = '-', '-'
	put2(b[2:], p.m)
	if p.d == 0 {
		return string(b[:4])
	}
	b[4] = '-'
	put2(b[5:], p.d)
	return string(b[:])
}

const dirAlone = 2

// futureWindow: how far ahead (days) a year-less day-month may point for
// its Future alternative.
const futureWindow = 275 // weekday or season without this/last/next

// ---- dispatch ----

func better(best *cand, found *bool, c cand, ok bool) {
	if ok && c.en > c.st && (!*found || c.en > best.en) {
		*best, *found = c, true
	}
}

// tryAt returns the longest candidate starting at token i.
func (sc *scanner) tryAt(i int) (best cand, found bool) {
	t := &sc.t[i]
	switch t.kind {
	case tkNum:
		c, ok := sc.tryNumeric(i)
		better(&best, &found, c, ok)
		c, ok = sc.tryDayFirst(i, false, 0)
		better(&best, &found, c, ok)
		c, ok = sc.tryYear(i, false)
		better(&best, &found, c, ok)
		c, ok = sc.tryCount(i)
		better(&best, &found, c, ok)
	case tkWord:
		if t.lx < 0 {
			return
		}
		e := &lexEntries[t.lx]
		var r [2]*role
		active := false
		for l := en; l <= fr; l++ {
			if sc.lm&(1<<l) != 0 && e.r[l].any() {
				r[l] = &e.r[l]
				active = true
			}
		}
		if !active {
			return
		}
		var month, wday, season, num bool
		for _, x := range r {
			if x != nil {
				month = month || x.month != 0
				wday = wday || x.wday != 0
				season = season || x.season != 0
				num = num || x.num != 0
			}
		}
		if month {
			c, ok := sc.tryMonthFirst(i, false, 0)
			better(&best, &found, c, ok)
		}
		if wday {
			c, ok := sc.tryWeekday(i)
			better(&best, &found, c, ok)
		}
		if season {
			c, ok := sc.trySeason(i)
			better(&best, &found, c, ok)
		}
		if num {
			c, ok := sc.tryCount(i)
			better(&best, &found, c, ok)
		}
		for l, x := range r {
			if x == nil || x.kw == kwNone || (l == fr && r[en] != nil && r[en].kw == x.kw) {
				continue
			}
			c, ok := sc.tryKw(i, x.kw)
			better(&best, &found, c, ok)
		}
	}
	if found {
		best.bytes = int(sc.t[best.en-1].e - sc.t[best.st].s)
	}
	return
}

func (sc *scanner) tryKw(i int, k kw) (cand, bool) {
	switch k {
	case kwToday, kwTonight, kwYesterday, kwTomorrow, kwHier, kwDemain, kwAujourd, kwAvant, kwApres:
		return sc.trySimpleRel(i, k)
	case kwThis, kwLast, kwNext, kwCe:
		best, found := sc.tryThisLastNext(i, k)
		if k == kwNext || k == kwCe {
			c, ok := sc.tryAnaphoric(i)
			better(&best, &found, c, ok)
		}
		return best, found
	case kwThe, kwPrevious, kwFollowing, kwSame, kwThat, kwLendemain, kwSurlendemain, kwVeille, kwMeme:
		return sc.tryAnaphoric(i)
	case kwLe, kwLa, kwL:
		best, found := sc.tryFrArticle(i)
		c, ok := sc.tryAnaphoric(i)
		better(&best, &found, c, ok)
		return best, found
	case kwIl:
		return sc.tryIlYA(i)
	case kwDans:
		return sc.tryIn(i)
	case kwLater, kwEarlier, kwPlus:
		return sc.tryInTheDay(i)
	case kwEarly, kwMid, kwLate, kwEnd, kwBeginning, kwMiddle, kwDebut, kwMi, kwFin, kwCourant:
		return sc.tryQualifier(i)
	case kwFrom, kwBetween, kwDu, kwEntre, kwDe:
		return sc.tryOpener(i)
	}
	return cand{}, false
}

// tryInTheDay: "earlier in the day", "later in the day", "plus tôt dans la
// journée", "plus tard dans la journée": the day of the previous date.
func (sc *scanner) tryInTheDay(i int) (cand, bool) {
	if sc.kwIn(i, kwLater, kwEarlier) && sc.hasKw(i+1, kwIn) && sc.hasKw(i+2, kwThe) {
		if u, plural, _ := sc.unitAt(i + 3); u == uDay && !plural {
			return sc.anaph(i, i+4, 0)
		}
	}
	if sc.hasKw(i, kwPlus) && sc.kwIn(i+1, kwTot, kwTard) && sc.hasKw(i+2, kwDans) && sc.hasKw(i+3, kwLa) && sc.hasKw(i+4, kwJournee) {
		return sc.anaph(i, i+5, 0)
	}
	return cand{}, false
}

// ---- result builders ----

func (sc *scanner) unres(st, en int) (cand, bool) {
	return cand{st: st, en: en, m: Match{Anchor: AnchorPublication}}, true
}

func (sc *scanner) pubValue(st, en int, v, end string) (cand, bool) {
	if v == "" {
		return cand{}, false
	}
	return cand{st: st, en: en, rng: end != "", m: Match{Date: Date{Value: v, End: end}, Resolved: true, Anchor: AnchorPublication}}, true
}

func (sc *scanner) pubDay(st, en, off int) (cand, bool) {
	if !sc.hasRef {
		return sc.unres(st, en)
	}
	return sc.pubValue(st, en, fmtZ(sc.rz+off), "")
}

func (sc *scanner) anaph(st, en, shift int) (cand, bool) {
	return cand{st: st, en: en, m: Match{Anchor: AnchorPrevious, ShiftDays: shift}}, true
}

// vague marks a day range that stands for a week: not an anchor for "the
// next day".
func vague(c cand, ok bool) (cand, bool) {
	c.vague = true
	return c, ok
}

func weekRange(z int) (string, string) {
	mon := z - (isoWeekday(z) - 1)
	return fmtZ(mon), fmtZ(mon + 6)
}

// unitRel: this (dir 0), last (-1) or next (+1) week / weekend / month / year.
func (sc *scanner) unitRel(st, en, u, dir int) (cand, bool) {
	if !sc.hasRef {
		return sc.unres(st, en)
	}
	switch u {
	case uWeek:
		a, b := weekRange(sc.rz + 7*dir)
		return vague(sc.pubValue(st, en, a, b))
	case uWeekend:
		sat := sc.rz - (isoWeekday(sc.rz) - 1) + 5 + 7*dir
		return vague(sc.pubValue(st, en, fmtZ(sat), fmtZ(sat+1)))
	case uMonth:
		y, m := addMonths(sc.ry, sc.rm, dir)
		return sc.pubValue(st, en, fmtMonth(y, m), "")
	case uYear:
		return sc.pubValue(st, en, fmtYear(sc.ry+dir), "")
	}
	return cand{}, false
}

// countRel: n units before (sign -1) or after (+1) the reference.
func (sc *scanner) countRel(st, en, n, u, sign int) (cand, bool) {
	if n > 100000 {
		return cand{}, false
	}
	if !sc.hasRef {
		return sc.unres(st, en)
	}
	switch u {
	case uDay:
		return sc.pubValue(st, en, fmtZ(sc.rz+sign*n), "")
	case uWeek:
		a, b := weekRange(sc.rz + sign*7*n)
		return vague(sc.pubValue(st, en, a, b))
	case uMonth:
		y, m := addMonths(sc.ry, sc.rm, sign*n)
		return sc.pubValue(st, en, fmtMonth(y, m), "")
	case uYear:
		return sc.pubValue(st, en, fmtYear(sc.ry+sign*n), "")
	}
	return cand{}, false
}

// weekdayRel: dir 0 = in ref's week, -1 = strictly before, +1 = strictly
// after, dirAlone = latest on or before ref, with Future the first on or after.
func (sc *scanner) weekdayRel(st, en, wd, dir int) (cand, bool) {
	if !sc.hasRef {
		return sc.unres(st, en)
	}
	rwd := isoWeekday(sc.rz)
	var z int
	switch dir {
	case 0:
		z = sc.rz + wd - rwd
	case -1:
		d := mod(rwd-wd, 7)
		if d == 0 {
			d = 7
		}
		z = sc.rz - d
	case 1:
		d := mod(wd-rwd, 7)
		if d == 0 {
			d = 7
		}
		z = sc.rz + d
	default:
		z = sc.rz - mod(rwd-wd, 7)
		c, ok := sc.pubValue(st, en, fmtZ(z), "")
		if f := sc.rz + mod(wd-rwd, 7); ok && f != z {
			c.m.Future = &Date{Value: fmtZ(f)}
		}
		return c, ok
	}
	return sc.pubValue(st, en, fmtZ(z), "")
}

var seasonStart = [5]int{0, 3, 6, 9, 12}

// seasonRel: year (range for a winter) of this (dir 0 or dirAlone), last or
// next season s.
func (sc *scanner) seasonRel(st, en, s, dir int) (cand, bool) {
	if !sc.hasRef {
		return sc.unres(st, en)
	}
	s0 := seasonStart[s] - 1
	r := sc.ry*12 + sc.rm - 1
	var y int
	switch dir {
	case -1:
		y = floorDiv(r-3-mod(r-3-s0, 12), 12)
	case 1:
		y = floorDiv(r+1+mod(s0-(r+1), 12), 12)
	default:
		y = sc.ry
		if s == sWinter && sc.rm <= 2 {
			y--
		}
	}
	end := ""
	if s == sWinter {
		end = fmtYear(y + 1)
	}
	return sc.pubValue(st, en, fmtYear(y), end)
}

// monthRel: a month without a year; post -1 = strictly before ref's month,
// +1 = strictly after, 0 = latest not after (Future: first not before),
// 3 = in ref's year.
func (sc *scanner) monthRel(st, en, m, post int) (cand, bool) {
	if !sc.hasRef {
		c, ok := sc.unres(st, en)
		c.m.YearLess = point{m: m}.yearLess()
		return c, ok
	}
	if post == 3 {
		return sc.pubValue(st, en, fmtMonth(sc.ry, m), "")
	}
	y, fy, ok := sc.pickYear(point{m: m}, post, 0)
	if !ok {
		return cand{}, false
	}
	c, ok := sc.pubValue(st, en, fmtMonth(y, m), "")
	if ok && fy != 0 && fy != y {
		c.m.Future = &Date{Value: fmtMonth(fy, m)}
	}
	return c, ok
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// pickYear chooses the year of a year-less point (see package doc). fy is
// the year of the forward alternative (0 when there is none).
func (sc *scanner) pickYear(p point, post, wd int) (y, fy int, ok bool) {
	ry := sc.ry
	if p.d == 0 {
		switch post {
		case -1:
			if y = ry - 1; p.m < sc.rm {
				y = ry
			}
		case 1:
			if y = ry + 1; p.m > sc.rm {
				y = ry
			}
		default:
			if y = ry - 1; p.m <= sc.rm {
				y = ry
			}
			if fy = ry + 1; p.m >= sc.rm {
				fy = ry
			}
		}
		return y, fy, true
	}
	key, rkey := p.m*100+p.d, sc.rm*100+sc.rd
	switch post {
	case -1:
		if y = ry - 1; key < rkey {
			y = ry
		}
		for k := 0; k < 8 && !validDay(y, p.m, p.d); k++ {
			y--
		}
		return y, 0, validDay(y, p.m, p.d)
	case 1:
		if y = ry + 1; key > rkey {
			y = ry
		}
		for k := 0; k < 8 && !validDay(y, p.m, p.d); k++ {
			y++
		}
		return y, 0, validDay(y, p.m, p.d)
	}
	best, bestDist := 0, 1<<62
	for pass := 0; pass < 2 && best == 0; pass++ {
		span := 1
		if p.m == 2 && p.d == 29 {
			span = 4
		}
		for yy := ry - span; yy <= ry+span; yy++ {
			if !validDay(yy, p.m, p.d) {
				continue
			}
			z := daysFromCivil(yy, p.m, p.d)
			if pass == 0 && wd != 0 && isoWeekday(z) != wd {
				continue
			}
			if d := abs(z - sc.rz); d < bestDist { // ascending years: ties keep the past
				best, bestDist = yy, d
			}
		}
		if wd == 0 {
			break
		}
	}
	if best == 0 {
		return 0, 0, false
	}
	if wd != 0 && isoWeekday(daysFromCivil(best, p.m, p.d)) == wd {
		return best, 0, true // the weekday settled the year
	}
	// Forward alternative: the first occurrence after ref, when the chosen
	// one is in the past and the forward one less than 9 months ahead.
	if daysFromCivil(best, p.m, p.d) < sc.rz {
		for yy := best + 1; yy <= best+8; yy++ {
			if validDay(yy, p.m, p.d) {
				if daysFromCivil(yy, p.m, p.d)-sc.rz <= futureWindow {
					fy = yy
				}
				break
			}
		}
	}
	return best, fy, true
}

// buildPoints turns one point or a range of two into a candidate.
func (sc *scanner) buildPoints(st, en int, p1, p2 point, hasP2 bool, post, wd int) (cand, bool) {
	for _, p := range [2]point{p1, p2} {
		if p.d > 0 && p.d > daysIn(2000, p.m) {
			return cand{}, false
		}
	}
	if hasP2 {
		if p1.y == 0 && p2.y != 0 {
			p1.y = p2.y
			if pointBefore(p2, p1) {
				p1.y--
			}
		}
		if p2.y == 0 && p1.y != 0 {
			p2.y = p1.y
			if pointBefore(p2, p1) {
				p2.y++
			}
		}
	}
	c := cand{st: st, en: en, rng: hasP2}
	if p1.y == 0 {
		c.m.Anchor = AnchorPublication
		if !sc.hasRef {
			if hasP2 && !pointBefore(p1, p2) && !pointBefore(point{m: p1.m, d: p1.d}, point{y: 1, m: p2.m, d: p2.d}) {
				return cand{}, false
			}
			c.m.YearLess = p1.yearLess()
			return c, true
		}
		y, fy, ok := sc.pickYear(p1, post, wd)
		if !ok {
			return cand{}, false
		}
		q1, q2 := p1, p2
		q1.y = y
		if hasP2 {
			q2.y = y
			if pointBefore(q2, q1) {
				q2.y++
			}
		}
		if fy != 0 && fy != y {
			f1, f2 := p1, p2
			f1.y, f2.y = fy, fy
			if hasP2 && pointBefore(f2, f1) {
				f2.y++
			}
			fd := &Date{Value: f1.format()}
			if hasP2 {
				fd.End = f2.format()
			}
			if fd.Value != "" {
				c.m.Future = fd
			}
		}
		p1, p2 = q1, q2
	}
	c.m.Date.Value = p1.format()
	if c.m.Date.Value == "" {
		return cand{}, false
	}
	if hasP2 {
		if !pointBefore(p1, p2) {
			return cand{}, false
		}
		if c.m.Date.End = p2.format(); c.m.Date.End == "" {
			return cand{}, false
		}
	}
	c.m.Resolved = true
	return c, true
}

// postAt: French post-posed "dernier" / "prochain" (and "passé").
func (sc *scanner) postAt(i int) (post, next int) {
	switch {
	case sc.hasKw(i, kwDernier):
		return -1, i + 1
	case sc.hasKw(i, kwProchain):
		return 1, i + 1
	}
	return 0, i
}

// ---- absolute patterns ----

// tryNumeric: 2024-05-16, 2024/05/16, 16/05/2024, 16.05.2024, 16-05-2024,
// 16/05/24; US month-first for English "/" dates when day-first is invalid
// or the language is English only.
func (sc *scanner) tryNumeric(i int) (c cand, ok bool) {
	t := sc.t
	if i+4 >= len(t) || !sc.cleanNumPrev(i) {
		return
	}
	if t[i+1].kind != tkPunct || t[i+2].kind != tkNum || t[i+3].kind != tkPunct || t[i+4].kind != tkNum {
		return
	}
	sep := t[i+1].p
	if (sep != '-' && sep != '/' && sep != '.') || t[i+3].p != sep {
		return
	}
	for k := i + 1; k <= i+4; k++ {
		if !sc.adj(k) {
			return
		}
	}
	if j := i + 5; sc.adj(j) {
		switch t[j].kind {
		case tkNum:
			return
		case tkWord:
			if !(sep == '-' && t[j].e-t[j].s == 1 && sc.text[t[j].s]|0x20 == 't') {
				return
			}
		case tkPunct:
			if (t[j].p == '-' || t[j].p == '/' || t[j].p == '.' || t[j].p == ':' || t[j].p == ',') && sc.isNum(j+1) && sc.adj(j+1) {
				return
			}
		}
	}
	a, b, cc := t[i], t[i+2], t[i+4]
	var y, m, d int
	switch {
	case a.nd == 4 && b.nd <= 2 && cc.nd <= 2 && sep != '.':
		y, m, d = int(a.n), int(b.n), int(cc.n)
	case a.nd <= 2 && b.nd <= 2 && (cc.nd == 4 || (cc.nd == 2 && sep == '/')):
		y = int(cc.n)
		if cc.nd == 2 {
			if y < 70 {
				y += 2000
			} else {
				y += 1900
			}
		}
		d, m = int(a.n), int(b.n)
		if sep == '/' && sc.lm != lmFR {
			if (sc.lm == lmEN && validDay(y, d, m)) || !validDay(y, m, d) {
				d, m = m, d
			}
		}
	default:
		return
	}
	if y < 1000 || !validDay(y, m, d) {
		return
	}
	return cand{st: i, en: i + 5, m: Match{Date: Date{Value: fmtDay(y, m, d)}, Resolved: true}}, true
}

// monthAfterDay: optional "of", then a month name (English "may"/"march" in
// lower case only before a year).
func (sc *scanner) monthAfterDay(k int) (m, next int, ok bool) {
	if sc.hasKw(k, kwOf) {
		k++
	}
	m, next, _, langs := sc.monthAt(k)
	if m == 0 {
		return
	}
	if sc.weakMonth(k, langs) {
		if _, _, ok := sc.yearAfter(next); !ok {
			return 0, 0, false
		}
	}
	return m, next, true
}

// weakMonth: lower-case English "may" or "march" (a verb, most likely).
func (sc *scanner) weakMonth(i int, langs langMask) bool {
	if langs&lmFR != 0 || sc.t[i].cap {
		return false
	}
	m, _, _, _ := sc.monthAt(i)
	return m == 5 || m == 3
}

// dayRangeTail: after a first day, ", 7 and 8" / "-7" / " et 7" / " au 24".
func (sc *scanner) dayRangeTail(j, d1 int) (dEnd, next int, ok bool) {
	k := j
	last := d1
	for n := 0; n < 8 && sc.isP(k, ','); n++ {
		d, q, ok := sc.dayNum(k + 1)
		if !ok || d <= last {
			break
		}
		last, k = d, q
	}
	kind, q := sc.conn(k)
	if kind == 0 {
		return
	}
	d, q2, ok := sc.dayNumAfterConn(q)
	if !ok || d <= last {
		return 0, 0, false
	}
	return d, q2, true
}

// tryDayFirst: "16 May 2024", "1er juin", "the 16th of May", "6-7 May",
// "6 et 7 mai", "22 au 24 octobre 2024", "30 May - 2 June", "2 juin dernier".
func (sc *scanner) tryDayFirst(i int, opener bool, wd int) (cand, bool) {
	d1, j, ok := sc.dayNum(i)
	if !ok {
		return cand{}, false
	}
	if dEnd, k, ok := sc.dayRangeTail(j, d1); ok {
		if m, q, ok := sc.monthAfterDay(k); ok {
			y, q2, hasY := sc.yearAfter(q)
			post := 0
			if hasY {
				q = q2
			} else {
				post, q = sc.postAt(q)
			}
			if c, ok := sc.buildPoints(i, q, point{y, m, d1}, point{y, m, dEnd}, true, post, 0); ok {
				return c, true
			}
		}
	}
	m1, q, ok := sc.monthAfterDay(j)
	if !ok {
		return cand{}, false
	}
	y1, q2, hasY := sc.yearAfter(q)
	if hasY {
		q = q2
	}
	p1 := point{y1, m1, d1}
	if kind, r := sc.conn(q); kind != 0 && (kind != connAnd || opener) {
		if w := sc.weekdayAt(r); w != 0 {
			r++
		}
		if d2, s, ok := sc.dayNumAfterConn(r); ok {
			if m2, s2, ok := sc.monthAfterDay(s); ok {
				y2, s3, hasY2 := sc.yearAfter(s2)
				if hasY2 {
					s2 = s3
				}
				if c, ok := sc.buildPoints(i, s2, p1, point{y2, m2, d2}, true, 0, 0); ok {
					return c, true
				}
			}
		}
	}
	post := 0
	if !hasY {
		post, q = sc.postAt(q)
	}
	return sc.buildPoints(i, q, p1, point{}, false, post, wd)
}

// tryMonthFirst: "May 16, 2024", "May 16th", "October 22-24", "May 6 and 7",
// "May 30 to June 2", "March 2023", "March-April 2023", "March" (alone, in
// context).
func (sc *scanner) tryMonthFirst(i int, opener bool, wd int) (cand, bool) {
	m1, j, abbr, langs := sc.monthAt(i)
	if m1 == 0 {
		return cand{}, false
	}
	weak := sc.weakMonth(i, langs)
	if d1, k, ok := sc.dayNum(j); ok && !weak {
		p1 := point{0, m1, d1}
		end := k
		y1, q, hasY := sc.yearAfter(k)
		if hasY {
			p1.y, end = y1, q
		}
		if kind, r := sc.conn(end); kind != 0 {
			if m2, r2, _, l2 := sc.monthAt(r); m2 != 0 && (kind != connAnd || opener) && !sc.weakMonth(r, l2) {
				if d2, r3, ok := sc.dayNum(r2); ok {
					y2, r4, hasY2 := sc.yearAfter(r3)
					if hasY2 {
						r3 = r4
					}
					if c, ok := sc.buildPoints(i, r3, p1, point{y2, m2, d2}, true, 0, 0); ok {
						return c, true
					}
				}
			}
			if !hasY {
				if d2, r3, ok := sc.dayNumAfterConn(r); ok && d2 > d1 {
					if m, _, _, _ := sc.monthAt(r3); m == 0 && !sc.hasKw(r3, kwOf) {
						y2, r4, hasY2 := sc.yearAfter(r3)
						if hasY2 {
							r3 = r4
						}
						if c, ok := sc.buildPoints(i, r3, point{y2, m1, d1}, point{y2, m1, d2}, true, 0, 0); ok {
							return c, true
						}
					}
				}
			}
		}
		return sc.buildPoints(i, end, p1, point{}, false, 0, wd)
	}
	if y, k, ok := sc.yearAfter(j); ok {
		return sc.buildPoints(i, k, point{y, m1, 0}, point{}, false, 0, 0)
	}
	if weak {
		return cand{}, false
	}
	if kind, r := sc.conn(j); kind == connDash || kind == connTo || (kind == connAnd && opener) {
		if m2, r2, _, l2 := sc.monthAt(r); m2 > m1 && !sc.weakMonth(r, l2) {
			if y, r3, ok := sc.yearAfter(r2); ok {
				return sc.buildPoints(i, r3, point{y, m1, 0}, point{y, m2, 0}, true, 0, 0)
			}
			if opener {
				return sc.buildPoints(i, r2, point{0, m1, 0}, point{0, m2, 0}, true, 0, 0)
			}
		}
	}
	if abbr {
		return cand{}, false
	}
	return sc.standaloneMonth(i, m1, j, langs)
}

// standaloneMonth: a month name alone, accepted only in a date context.
func (sc *scanner) standaloneMonth(i, m, j int, langs langMask) (cand, bool) {
	post, end := 0, j
	if langs&lmFR != 0 {
		post, end = sc.postAt(j)
	}
	ok := false
	if langs&lmEN != 0 && sc.t[i].cap {
		if e := sc.roles(i); e.r[en].needCtx {
			ok = sc.kwIn(i-1, kwIn, kwSince, kwUntil, kwDuring, kwThrough, kwEarly, kwMid, kwLate, kwLast, kwNext, kwThis) ||
				(sc.isP(i-1, '-') && sc.adj(i) && sc.hasKw(i-2, kwMid))
		} else {
			ok = true
		}
	}
	if !ok && langs&lmFR != 0 {
		switch {
		case post != 0:
			ok = true
		case sc.kwIn(i-1, kwEn, kwDebut, kwFin, kwCourant, kwDepuis, kwDes, kwAvant, kwApres, kwAu):
			ok = true
		case sc.hasKw(i-1, kwDe) || sc.elided(i) == kwD:
			ok = !sc.t[i].cap
		case sc.isP(i-1, '-') && sc.adj(i) && sc.hasKw(i-2, kwMi):
			ok = true
		}
	}
	if !ok {
		return cand{}, false
	}
	return sc.monthRel(i, end, m, post)
}

// tryQualifier: "early July", "mid-2019", "late 2023", "end of May",
// "début juillet", "mi-juillet", "fin 2023", "courant mars".
func (sc *scanner) tryQualifier(i int) (cand, bool) {
	j := i + 1
	if sc.kwIn(i, kwEnd, kwBeginning, kwMiddle) {
		if !sc.hasKw(j, kwOf) {
			return cand{}, false
		}
		j++
	}
	if sc.isP(j, '-') && sc.adj(j) && sc.adj(j+1) {
		j++
	} else if sc.hasKw(i, kwMi) {
		return cand{}, false
	}
	if m, k, _, _ := sc.monthAt(j); m != 0 {
		if y, k2, ok := sc.yearAfter(k); ok {
			return sc.buildPoints(i, k2, point{y, m, 0}, point{}, false, 0, 0)
		}
		post, k2 := sc.postAt(k)
		return sc.monthRel(i, k2, m, post)
	}
	if y, k, ok := sc.yearNum(j, 1000, 2999); ok {
		return cand{st: i, en: k, m: Match{Date: Date{Value: fmtYear(y)}, Resolved: true}}, true
	}
	return cand{}, false
}

// tryYear: a year with a context ("in 2018", "en 2018", "since 2014") or a
// year range ("2018-2020", "2018-19").
func (sc *scanner) tryYear(i int, opener bool) (cand, bool) {
	y, j, ok := sc.yearNum(i, 1000, 2999)
	if !ok {
		return cand{}, false
	}
	if (sc.isP(j, '-') || sc.isP(j, '/')) && sc.adj(j) && sc.isNum(j+1) && sc.adj(j+1) {
		t2 := sc.t[j+1]
		y2 := -1
		switch t2.nd {
		case 4:
			y2 = int(t2.n)
		case 2:
			y2 = y/100*100 + int(t2.n)
			if y2 <= y {
				y2 += 100
			}
		}
		if y2 > y && y2-y <= 100 && sc.cleanNumNext(j+1) && !(sc.isP(j+2, sc.t[j].p) && sc.adj(j+2)) {
			return cand{st: i, en: j + 2, rng: true, m: Match{Date: Date{Value: fmtYear(y), End: fmtYear(y2)}, Resolved: true}}, true
		}
		return cand{}, false
	}
	if opener {
		if kind, r := sc.conn(j); kind != 0 {
			if y2, r2, ok := sc.yearNum(r, 1000, 2999); ok && y2 > y {
				return cand{st: i, en: r2, rng: true, m: Match{Date: Date{Value: fmtYear(y), End: fmtYear(y2)}, Resolved: true}}, true
			}
		}
	}
	if y < 1800 || y > 2199 {
		return cand{}, false
	}
	ctx := opener || sc.kwIn(i-1, kwIn, kwSince, kwUntil, kwBy, kwDuring, kwBefore, kwAfter, kwFrom, kwYear,
		kwEn, kwDepuis, kwDes, kwAvant, kwApres, kwCourant)
	if !ctx && (sc.kwIn(i-1, kwAnd, kwOr, kwEt, kwOu) || sc.isP(i-1, ',')) {
		if _, _, ok := sc.yearNum(i-2, 1000, 2999); ok {
			ctx = true
		}
	}
	if !ctx {
		return cand{}, false
	}
	return cand{st: i, en: j, m: Match{Date: Date{Value: fmtYear(y)}, Resolved: true}}, true
}

// tryOpener: "from 22 to 24 October", "between May 6 and 8", "du 22 au 24
// octobre", "entre le 6 et le 8 mai", "de 2018 à 2020": only ranges.
func (sc *scanner) tryOpener(i int) (best cand, found bool) {
	j := i + 1
	if sc.kwIn(j, kwLe, kwThe) {
		j++
	}
	if !sc.ok(j) {
		return
	}
	for k := 0; k < 3; k++ {
		var c cand
		var ok bool
		switch k {
		case 0:
			c, ok = sc.tryDayFirst(j, true, 0)
		case 1:
			c, ok = sc.tryMonthFirst(j, true, 0)
		case 2:
			c, ok = sc.tryYear(j, true)
		}
		if ok && c.rng {
			c.st = i
			better(&best, &found, c, true)
		}
	}
	return
}

// tryWeekday: "Thursday, May 16", "jeudi 16 mai", "mardi 14", "jeudi
// dernier", "vendredi prochain", "on Tuesday", "mardi".
func (sc *scanner) tryWeekday(i int) (cand, bool) {
	wd := sc.weekdayAt(i)
	j := i + 1
	if sc.isP(j, ',') {
		j++
	}
	if c, ok := sc.tryDayFirst(j, false, wd); ok {
		c.st = i
		return c, true
	}
	if c, ok := sc.tryMonthFirst(j, false, wd); ok && (PrecisionOf(c.m.Date.Value) == Day || len(c.m.YearLess) == 7) {
		c.st = i
		return c, true
	}
	if d, k, ok := sc.dayNum(i + 1); ok {
		if m, _, _, _ := sc.monthAt(k); m == 0 && !sc.hasKw(k, kwOf) {
			return sc.dayOfMonthWd(i, k, wd, d)
		}
	}
	if post, k := sc.postAt(i + 1); post != 0 {
		return sc.weekdayRel(i, k, wd, post)
	}
	return sc.weekdayRel(i, i+1, wd, dirAlone)
}

// dayOfMonthWd: "mardi 14": the date nearest ref (±62 days) that is a
// Tuesday the 14th.
func (sc *scanner) dayOfMonthWd(st, en, wd, d int) (cand, bool) {
	if !sc.hasRef {
		return sc.unres(st, en)
	}
	best, bestDist := 0, 63
	for k := -3; k <= 3; k++ {
		y, m := addMonths(sc.ry, sc.rm, k)
		if !validDay(y, m, d) {
			continue
		}
		z := daysFromCivil(y, m, d)
		if isoWeekday(z) == wd && abs(z-sc.rz) < bestDist {
			best, bestDist = z, abs(z-sc.rz)
		}
	}
	if bestDist > 62 {
		return cand{}, false
	}
	return sc.pubValue(st, en, fmtZ(best), "")
}

// trySeason: "spring 2023", "printemps 2023", "autumn", "in the summer",
// "l'automne", "à l'automne", "été dernier", "summer of 2020".
func (sc *scanner) trySeason(i int) (cand, bool) {
	s, needCtx := sc.seasonAt(i)
	j := i + 1
	if sc.hasKw(j, kwOf) {
		if y, k, ok := sc.yearNum(j+1, 1000, 2999); ok {
			return cand{st: i, en: k, m: Match{Date: Date{Value: fmtYear(y)}, Resolved: true}}, true
		}
		return cand{}, false
	}
	if y, k, ok := sc.yearNum(j, 1000, 2999); ok {
		return cand{st: i, en: k, m: Match{Date: Date{Value: fmtYear(y)}, Resolved: true}}, true
	}
	if post, k := sc.postAt(j); post != 0 {
		return sc.seasonRel(i, k, s, post)
	}
	if needCtx {
		ctx := sc.kwIn(i-1, kwIn, kwDuring, kwSince, kwUntil, kwBy, kwOver, kwThrough, kwThis, kwLast, kwNext,
			kwEn, kwAu, kwDepuis, kwDes, kwAvant, kwApres, kwCe)
		if !ctx {
			switch sc.elided(i) {
			case kwL, kwD:
				ctx = true
			}
		}
		if !ctx && sc.hasKw(i-1, kwThe) {
			ctx = sc.kwIn(i-2, kwIn, kwDuring, kwSince, kwUntil, kwBy, kwOver, kwThrough)
		}
		if !ctx {
			return cand{}, false
		}
	}
	return sc.seasonRel(i, j, s, dirAlone)
}

// ---- relative patterns ----

func (sc *scanner) trySimpleRel(i int, k kw) (cand, bool) {
	switch k {
	case kwToday, kwTonight, kwYesterday, kwTomorrow:
		// "today's world", "yesterday's enemies": an era, not a day
		if sc.isP(i+1, '\'') && sc.adj(i+1) && sc.ok(i+2) && sc.t[i+2].e-sc.t[i+2].s == 1 && (sc.text[sc.t[i+2].s] == 's' || sc.text[sc.t[i+2].s] == 'S') {
			return cand{}, false
		}
	}
	switch k {
	case kwToday, kwTonight:
		return sc.pubDay(i, i+1, 0)
	case kwYesterday, kwHier:
		return sc.pubDay(i, i+1, -1)
	case kwTomorrow, kwDemain:
		return sc.pubDay(i, i+1, 1)
	case kwAujourd:
		if sc.isP(i+1, '\'') && sc.hasKw(i+2, kwHui) {
			return sc.pubDay(i, i+3, 0)
		}
	case kwAvant:
		if sc.isP(i+1, '-') && sc.adj(i+1) && sc.adj(i+2) {
			switch {
			case sc.hasKw(i+2, kwHier):
				return sc.pubDay(i, i+3, -2)
			case sc.hasKw(i+2, kwVeille):
				return sc.anaph(i, i+3, -2)
			}
		}
	case kwApres:
		if sc.isP(i+1, '-') && sc.adj(i+1) && sc.adj(i+2) && sc.hasKw(i+2, kwDemain) {
			return sc.pubDay(i, i+3, 2)
		}
	}
	return cand{}, false
}

// tryThisLastNext: this/last/next/ce + weekday, unit, month, season;
// "last night", "this morning", "ce matin", "ce soir", "cet après-midi".
func (sc *scanner) tryThisLastNext(i int, k kw) (cand, bool) {
	dir := 0
	switch k {
	case kwLast:
		dir = -1
	case kwNext:
		dir = 1
	}
	j := i + 1
	if wd := sc.weekdayAt(j); wd != 0 {
		// "this Thursday, May 16", "next Thursday, May 23", "ce vendredi
		// dernier": the weekday pattern took more than the weekday.
		if c, ok := sc.tryWeekday(j); ok && c.en > j+1 {
			c.st = i
			return c, true
		}
		return sc.weekdayRel(i, j+1, wd, dir)
	}
	if u, plural, q := sc.unitAt(j); u != 0 && !plural {
		if u == uDay {
			return cand{}, false
		}
		if k == kwCe && sc.isP(q, '-') && sc.adj(q) && sc.hasKw(q+1, kwCi) {
			q += 2
		}
		return sc.unitRel(i, q, u, dir)
	}
	if m, q, abbr, langs := sc.monthAt(j); m != 0 && !abbr && langs&lmEN != 0 && k != kwCe {
		post := dir
		if dir == 0 {
			post = 3
		}
		return sc.monthRel(i, q, m, post)
	}
	if s, _ := sc.seasonAt(j); s != 0 {
		if _, _, ok := sc.yearNum(j+1, 1000, 2999); ok {
			return cand{}, false
		}
		return sc.seasonRel(i, j+1, s, dir)
	}
	switch {
	case k == kwLast && sc.hasKw(j, kwNight):
		return sc.pubDay(i, j+1, -1)
	case k == kwThis && sc.hasKw(j, kwMorning), k == kwCe && sc.hasKw(j, kwMatin):
		return sc.pubDay(i, j+1, 0)
	case k == kwCe && sc.hasKw(j, kwApres) && sc.isP(j+1, '-') && sc.adj(j+1) && sc.hasKw(j+2, kwMidi):
		return sc.pubDay(i, j+3, 0)
	}
	return cand{}, false
}

// tryFrArticle: "le mois dernier", "la semaine prochaine", "l'an dernier",
// "l'année dernière", "le week-end dernier", "l'été dernier".
func (sc *scanner) tryFrArticle(i int) (cand, bool) {
	j := i + 1
	if sc.hasKw(i, kwL) {
		if !sc.isP(j, '\'') || !sc.adj(j) {
			return cand{}, false
		}
		j++
	}
	if u, plural, k := sc.unitAt(j); u != 0 && !plural && u != uDay {
		if post, k2 := sc.postAt(k); post != 0 {
			return sc.unitRel(i, k2, u, post)
		}
		return cand{}, false
	}
	if s, _ := sc.seasonAt(j); s != 0 {
		if post, k2 := sc.postAt(j + 1); post != 0 {
			return sc.seasonRel(i, k2, s, post)
		}
	}
	return cand{}, false
}

// tryAnaphoric: dates relative to the previous date of the text.
func (sc *scanner) tryAnaphoric(i int) (cand, bool) {
	j := i
	the := false
	switch {
	case sc.hasKw(j, kwThe):
		j++
		the = true
	case sc.kwIn(j, kwLe, kwLa):
		j++
	case sc.hasKw(j, kwL) && sc.isP(j+1, '\'') && sc.adj(j+1):
		j += 2
	}
	dayAt := func(q int) bool {
		u, plural, _ := sc.unitAt(q)
		return u == uDay && !plural
	}
	switch {
	case sc.hasKw(j, kwLendemain):
		return sc.anaph(i, j+1, 1)
	case sc.hasKw(j, kwSurlendemain):
		return sc.anaph(i, j+1, 2)
	case sc.hasKw(j, kwVeille):
		return sc.anaph(i, j+1, -1)
	case sc.hasKw(j, kwAvant) && sc.isP(j+1, '-') && sc.adj(j+1) && sc.adj(j+2) && sc.hasKw(j+2, kwVeille):
		return sc.anaph(i, j+3, -2)
	case sc.hasKw(j, kwMeme) && dayAt(j+1) && j > i: // le même jour
		return sc.anaph(i, j+2, 0)
	case sc.hasKw(j, kwCe) && dayAt(j+1): // ce jour-là
		if sc.isP(j+2, '-') && sc.adj(j+2) && sc.hasKw(j+3, kwLaAdv) {
			return sc.anaph(i, j+4, 0)
		}
	case dayAt(j) && j > i && !the: // le jour suivant / précédent / même
		switch {
		case sc.hasKw(j+1, kwSuivant):
			return sc.anaph(i, j+2, 1)
		case sc.hasKw(j+1, kwPrecedent):
			return sc.anaph(i, j+2, -1)
		case sc.hasKw(j+1, kwMeme):
			return sc.anaph(i, j+2, 0)
		}
	}
	if sc.hasKw(j, kwThat) {
		j++
		if dayAt(j) && !sc.isP(j+1, '-') {
			return sc.anaph(i, j+1, 0)
		}
	}
	switch {
	case sc.kwIn(j, kwNext, kwFollowing) && dayAt(j+1):
		return sc.anaph(i, j+2, 1)
	case sc.hasKw(j, kwPrevious) && dayAt(j+1):
		return sc.anaph(i, j+2, -1)
	case sc.hasKw(j, kwSame) && dayAt(j+1):
		return sc.anaph(i, j+2, 0)
	case the && dayAt(j) && sc.hasKw(j+1, kwAfter):
		if sc.hasKw(j+2, kwTomorrow) {
			return sc.pubDay(i, j+3, 2)
		}
		return sc.anaph(i, j+2, 1)
	case the && dayAt(j) && sc.hasKw(j+1, kwBefore):
		if sc.hasKw(j+2, kwYesterday) {
			return sc.pubDay(i, j+3, -2)
		}
		return sc.anaph(i, j+2, -1)
	}
	return cand{}, false
}

// tryCount: "three days ago", "2 weeks ago", "a year ago", "two days
// later", "deux jours plus tard", "trois jours plus tôt", "deux jours après".
func (sc *scanner) tryCount(i int) (cand, bool) {
	n, j, ok := sc.countAt(i)
	if !ok {
		return cand{}, false
	}
	u, _, k := sc.unitAt(j)
	if u == 0 || u == uWeekend {
		return cand{}, false
	}
	if sc.hasKw(k, kwAgo) {
		return sc.countRel(i, k+1, n, u, -1)
	}
	shift, end := 0, 0
	switch {
	case sc.hasKw(k, kwLater):
		shift, end = n, k+1
	case sc.hasKw(k, kwEarlier):
		shift, end = -n, k+1
	case sc.hasKw(k, kwPlus) && sc.hasKw(k+1, kwTard):
		shift, end = n, k+2
	case sc.hasKw(k, kwPlus) && sc.hasKw(k+1, kwTot):
		shift, end = -n, k+2
	case sc.hasKw(k, kwApres) && !sc.kwIn(k+1, kwLe, kwLa, kwL, kwLes, kwDe, kwD, kwDu):
		shift, end = n, k+1
	case sc.hasKw(k, kwAuparavant):
		shift, end = -n, k+1
	default:
		return cand{}, false
	}
	switch u {
	case uDay:
	case uWeek:
		shift *= 7
	case uMonth, uYear:
		if shift > 1200 || shift < -1200 {
			return cand{}, false
		}
		c, ok := sc.anaph(i, end, 0)
		c.m.ShiftMonths = int32(shift)
		if u == uYear {
			c.m.ShiftMonths, c.m.ShiftYears = int32(12*shift), true
		}
		return c, ok
	default:
		return cand{}, false
	}
	if shift > 36600 || shift < -36600 {
		return cand{}, false
	}
	return sc.anaph(i, end, shift)
}

// tryIlYA: "il y a trois jours", "il y a sept mois", "il y a un an".
func (sc *scanner) tryIlYA(i int) (cand, bool) {
	if !sc.hasKw(i+1, kwY) || !sc.hasKw(i+2, kwA) {
		return cand{}, false
	}
	n, j, ok := sc.countAt(i + 3)
	if !ok {
		return cand{}, false
	}
	u, _, k := sc.unitAt(j)
	if u == 0 || u == uWeekend {
		return cand{}, false
	}
	return sc.countRel(i, k, n, u, -1)
}

// tryIn: "dans deux semaines", "dans trois jours" (not "dans deux jours de
// négociations"). English "in N days" is not handled: "the first visit in 24
// years" is a duration far more often than a date.
func (sc *scanner) tryIn(i int) (cand, bool) {
	n, j, ok := sc.countAt(i + 1)
	if !ok {
		return cand{}, false
	}
	u, _, k := sc.unitAt(j)
	if u == 0 || u == uWeekend || sc.kwIn(k, kwOf, kwDe, kwD) {
		return cand{}, false
	}
	return sc.countRel(i, k, n, u, 1)
}
