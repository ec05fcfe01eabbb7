package dates

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

const (
	tkWord = 1 + iota
	tkNum
	tkPunct
)

type tok struct {
	s, e int32
	n    int32 // value of a number token (-1 when more than 9 digits)
	lx   int16 // lexicon index, -1 when the word is unknown
	kind uint8
	p    byte  // normalised punctuation: '-' for all dashes, '\'' for apostrophes, 0 for other non-ASCII
	nd   uint8 // digit count of a number token (capped at 255)
	cap  bool  // word starts with an upper-case letter
}

type langMask uint8

const (
	lmEN langMask = 1 << en
	lmFR langMask = 1 << fr
)

type cand struct {
	st, en int // token range [st, en)
	bytes  int
	rng    bool // a range (set even when unresolved)
	vague  bool // a week or weekend range
	m      Match
}

type scanner struct {
	text  string
	t     []tok
	cands []cand
	lm    langMask

	hasRef     bool
	ry, rm, rd int
	rz         int // ref as a day number
}

var scanPool = sync.Pool{New: func() any { return new(scanner) }}

func getScanner() *scanner { return scanPool.Get().(*scanner) }

func putScanner(sc *scanner) {
	if cap(sc.t) > 1<<16 {
		sc.t = nil
	}
	if cap(sc.cands) > 1<<12 {
		sc.cands = nil
	}
	sc.text = ""
	scanPool.Put(sc)
}

func (sc *scanner) init(text, lang, ref string) {
	sc.text = text
	sc.t = sc.t[:0]
	switch lang {
	case "en":
		sc.lm = lmEN
	case "fr":
		sc.lm = lmFR
	default:
		sc.lm = lmEN | lmFR
	}
	sc.ry, sc.rm, sc.rd, sc.hasRef = parseISODay(ref)
	if sc.hasRef {
		sc.rz = daysFromCivil(sc.ry, sc.rm, sc.rd)
	}
}

func isSpaceRune(r rune) bool {
	return r == 0xA0 || r == 0x202F || r == 0x2009 || r == 0x200B || r == 0xFEFF || unicode.IsSpace(r)
}

func (sc *scanner) tokenize() {
	s := sc.text
	n := len(s)
	if n > 1<<31-1 {
		n = 1<<31 - 1
	}
	t := sc.t[:0]
	for i := 0; i < n; {
		c := s[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c >= '0' && c <= '9':
			j := i
			v := int32(0)
			for j < n && s[j] >= '0' && s[j] <= '9' {
				if j-i < 9 {
					v = v*10 + int32(s[j]-'0')
				}
				j++
			}
			nd := j - i
			if nd > 9 {
				v = -1
			}
			if nd > 255 {
				nd = 255
			}
			t = append(t, tok{s: int32(i), e: int32(j), kind: tkNum, n: v, nd: uint8(nd), lx: -1})
			i = j
		case c < 0x80 && (c|0x20 >= 'a' && c|0x20 <= 'z'):
			i = sc.word(&t, i, n)
		case c < 0x80:
			p := c
			if c == '`' {
				p = '\''
			}
			t = append(t, tok{s: int32(i), e: int32(i + 1), kind: tkPunct, p: p, lx: -1})
			i++
		default:
			r, w := utf8.DecodeRuneInString(s[i:n])
			switch {
			case r == utf8.RuneError && w <= 1:
				t = append(t, tok{s: int32(i), e: int32(i + 1), kind: tkPunct, lx: -1})
				i++
			case unicode.IsLetter(r):
				i = sc.word(&t, i, n)
			case isSpaceRune(r):
				i += w
			default:
				var p byte
				switch {
				case r == 0x2019 || r == 0x2018 || r == 0x02BC || r == 0x2032:
					p = '\''
				case (r >= 0x2010 && r <= 0x2015) || r == 0x2212:
					p = '-'
				}
				t = append(t, tok{s: int32(i), e: int32(i + w), kind: tkPunct, p: p, lx: -1})
				i += w
			}
		}
	}
	sc.t = t
}

// word scans a word starting at i, appends it and returns its end. It
// lower-cases and hashes the word on the fly for the lexicon lookup.
func (sc *scanner) word(t *[]tok, i, n int) int {
	s := sc.text
	var buf [32]byte
	k := 0
	h := fnvOffset
	over := false
	j := i
	upper := false
	if c := s[i]; c < 0x80 {
		upper = c <= 'Z'
	}
	for j < n {
		c := s[j]
		if c < 0x80 {
			lc := c | 0x20
			if lc < 'a' || lc > 'z' {
				break
			}
			if k < len(buf) {
				buf[k] = lc
				k++
				h = (h ^ uint32(lc)) * fnvPrime
			} else {
				over = true
			}
			j++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[j:n])
		if r == utf8.RuneError && w <= 1 {
			break
		}
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
			break
		}
		if j == i {
			upper = unicode.IsUpper(r)
		}
		lr := unicode.ToLower(r)
		if k+utf8.RuneLen(lr) <= len(buf) {
			kk := k + utf8.EncodeRune(buf[k:], lr)
			for ; k < kk; k++ {
				h = (h ^ uint32(buf[k])) * fnvPrime
			}
		} else {
			over = true
		}
		j += w
	}
	lx := int16(-1)
	if !over && k <= lexMaxLen {
		lx = lookup(buf[:k], h)
	}
	*t = append(*t, tok{s: int32(i), e: int32(j), kind: tkWord, lx: lx, cap: upper})
	return j
}

// ---- token helpers ----

func (sc *scanner) ok(i int) bool { return i >= 0 && i < len(sc.t) }

// adj: token i starts right where token i-1 ends.
func (sc *scanner) adj(i int) bool {
	return i > 0 && i < len(sc.t) && sc.t[i].s == sc.t[i-1].e
}

func (sc *scanner) isP(i int, c byte) bool {
	return sc.ok(i) && sc.t[i].kind == tkPunct && sc.t[i].p == c
}

func (sc *scanner) isNum(i int) bool { return sc.ok(i) && sc.t[i].kind == tkNum }

// roles returns the active roles of token i (nil when not a known word).
func (sc *scanner) roles(i int) *lexEntry {
	if !sc.ok(i) || sc.t[i].lx < 0 {
		return nil
	}
	return &lexEntries[sc.t[i].lx]
}

func (sc *scanner) hasKw(i int, k kw) bool {
	e := sc.roles(i)
	if e == nil {
		return false
	}
	return (sc.lm&lmEN != 0 && e.r[en].kw == k) || (sc.lm&lmFR != 0 && e.r[fr].kw == k)
}

func (sc *scanner) kwIn(i int, ks ...kw) bool {
	e := sc.roles(i)
	if e == nil {
		return false
	}
	for _, k := range ks {
		if (sc.lm&lmEN != 0 && e.r[en].kw == k) || (sc.lm&lmFR != 0 && e.r[fr].kw == k) {
			return true
		}
	}
	return false
}

// elided: token i is preceded by "l'" / "d'" / "jusqu'" etc.; returns the
// keyword of the elided word, kwNone otherwise.
func (sc *scanner) elided(i int) kw {
	if i < 2 || !sc.isP(i-1, '\'') || !sc.adj(i) || !sc.adj(i-1) {
		return kwNone
	}
	for _, k := range [...]kw{kwL, kwD, kwJusqu} {
		if sc.hasKw(i-2, k) {
			return k
		}
	}
	return kwNone
}

// monthAt: a month word at i; returns the month, the index after it (and
// after an abbreviation's dot), whether it is an abbreviation, and which
// language roles carry it.
func (sc *scanner) monthAt(i int) (m, next int, abbr bool, langs langMask) {
	e := sc.roles(i)
	if e == nil {
		return
	}
	for l := en; l <= fr; l++ {
		if sc.lm&(1<<l) != 0 && e.r[l].month != 0 {
			if m == 0 || !e.r[l].abbr {
				m, abbr = int(e.r[l].month), e.r[l].abbr
			}
			langs |= 1 << l
		}
	}
	if m == 0 {
		return
	}
	next = i + 1
	if abbr && sc.isP(next, '.') && sc.adj(next) {
		next++
	}
	return
}

func (sc *scanner) weekdayAt(i int) int {
	e := sc.roles(i)
	if e == nil {
		return 0
	}
	for l := en; l <= fr; l++ {
		if sc.lm&(1<<l) != 0 && e.r[l].wday != 0 {
			return int(e.r[l].wday)
		}
	}
	return 0
}

func (sc *scanner) seasonAt(i int) (s int, needCtx bool) {
	e := sc.roles(i)
	if e == nil {
		return
	}
	for l := en; l <= fr; l++ {
		if sc.lm&(1<<l) != 0 && e.r[l].season != 0 {
			return int(e.r[l].season), e.r[l].needCtx
		}
	}
	return
}

// unitAt: a time unit at i ("day", "semaines", "week-end", "weekend").
func (sc *scanner) unitAt(i int) (u int, plural bool, next int) {
	e := sc.roles(i)
	if e == nil {
		return
	}
	for l := en; l <= fr; l++ {
		if sc.lm&(1<<l) != 0 && e.r[l].unit != 0 {
			u, plural = int(e.r[l].unit), e.r[l].plural
			break
		}
	}
	if u == 0 {
		// "week" is a French unit only inside "week-end".
		if e.r[fr].unit == uWeek && sc.lm&lmFR != 0 {
			u = uWeek
		} else {
			return
		}
	}
	next = i + 1
	if u == uWeek && sc.isP(i+1, '-') && sc.adj(i+1) && sc.adj(i+2) && sc.hasKw(i+2, kwEnd) {
		return uWeekend, false, i + 3
	}
	return
}

// countAt: a count given as digits (1..9999) or as a word ("three", "sept").
func (sc *scanner) countAt(i int) (v, next int, ok bool) {
	if !sc.ok(i) {
		return
	}
	t := &sc.t[i]
	if t.kind == tkNum {
		if t.nd > 4 || t.n < 1 || !sc.cleanNumPrev(i) || !sc.cleanNumNext(i) {
			return
		}
		return int(t.n), i + 1, true
	}
	e := sc.roles(i)
	if e == nil {
		return
	}
	for l := en; l <= fr; l++ {
		if sc.lm&(1<<l) != 0 && e.r[l].num != 0 {
			return int(e.r[l].num), i + 1, true
		}
	}
	return
}

// cleanNumPrev: the number at i is not glued to what precedes it ("G20",
// "1.5", "10:30", "+33", "$5").
func (sc *scanner) cleanNumPrev(i int) bool {
	if !sc.adj(i) {
		return true
	}
	p := &sc.t[i-1]
	switch p.kind {
	case tkWord, tkNum:
		return false
	case tkPunct:
		switch p.p {
		case '.', ',', ':', '/', '-':
			return !(i >= 2 && sc.t[i-2].kind == tkNum && sc.adj(i-1))
		case '+', '$', '#', '%', '&', '*', '=', '^', '_', '|', '~', '<', '>', '@', '\\', 0:
			return false
		}
	}
	return true
}

// cleanNumNext: the number at i is not followed by a glued word (other than
// an ordinal suffix, which the caller handles), a decimal or time part, or %.
func (sc *scanner) cleanNumNext(i int) bool {
	j := i + 1
	if !sc.adj(j) {
		return true
	}
	n := &sc.t[j]
	switch n.kind {
	case tkWord:
		return false
	case tkPunct:
		switch n.p {
		case '.', ',', ':':
			return !(sc.isNum(j+1) && sc.adj(j+1))
		case '%', 0, '$', '@', '_':
			return false
		}
	}
	return true
}

// dayNum: a day of month (1..31, one or two digits) with an optional ordinal
// suffix; returns the index after it.
func (sc *scanner) dayNum(i int) (d, next int, ok bool) {
	if !sc.cleanNumPrev(i) {
		return
	}
	return sc.dayNumAfterConn(i)
}

// dayNumAfterConn: like dayNum for a day that follows a range connector
// ("6-7": the 7 is glued to the dash).
func (sc *scanner) dayNumAfterConn(i int) (d, next int, ok bool) {
	if !sc.isNum(i) {
		return
	}
	t := &sc.t[i]
	if t.nd > 2 || t.n < 1 || t.n > 31 {
		return
	}
	j := i + 1
	if sc.adj(j) && sc.t[j].kind == tkWord {
		if !sc.hasKw(j, kwOrd) {
			return
		}
		j++
		if !sc.cleanNumNext(j - 1) {
			return
		}
	} else if !sc.cleanNumNext(i) {
		return
	}
	return int(t.n), j, true
}

// yearNum: a four-digit year between lo and hi, not glued to anything but a
// following punctuation.
func (sc *scanner) yearNum(i, lo, hi int) (y, next int, ok bool) {
	if !sc.isNum(i) {
		return
	}
	t := &sc.t[i]
	if t.nd != 4 || int(t.n) < lo || int(t.n) > hi || !sc.cleanNumPrev(i) || !sc.cleanNumNext(i) {
		return
	}
	return int(t.n), i + 1, true
}

// yearAfter: an optional comma, then a year.
func (sc *scanner) yearAfter(i int) (y, next int, ok bool) {
	if sc.isP(i, ',') {
		if y, n, ok := sc.yearNum(i+1, 1000, 2999); ok {
			return y, n, true
		}
		return
	}
	return sc.yearNum(i, 1000, 2999)
}

const (
	connDash = 1 + iota
	connTo
	connAnd
)

// conn: a range connector at i ("-", "to", "through", "until", "au", "à",
// "jusqu'au", "and", "et"), followed by an optional article; returns the
// index after it.
func (sc *scanner) conn(i int) (kind, next int) {
	switch {
	case sc.isP(i, '-'):
		kind, next = connDash, i+1
	case sc.kwIn(i, kwTo, kwThrough, kwUntil, kwAu, kwAgrave):
		kind, next = connTo, i+1
	case sc.hasKw(i, kwJusqu) && sc.isP(i+1, '\'') && sc.hasKw(i+2, kwAu):
		kind, next = connTo, i+3
	case sc.kwIn(i, kwAnd, kwEt):
		kind, next = connAnd, i+1
	default:
		return 0, 0
	}
	if sc.kwIn(next, kwLe, kwThe) {
		next++
	}
	return
}
