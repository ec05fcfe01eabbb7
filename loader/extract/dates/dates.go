// Package dates finds date expressions in English and French news text and
// resolves them to ISO dates that are exactly as precise as the text:
// "2024" (year), "2024-05" (month) or "2024-05-16" (day), with an optional
// range end.
//
// # Resolution rules
//
// Absolute dates with a year ("16 May 2024", "2024-05-16", "16/05/2024")
// resolve without a reference. Everything else needs the reference
// (publication) date passed as ref ("2024-05-16"):
//
//   - Day and month without a year ("16 May", "le 16 mai", "October 22-24"):
//     the occurrence nearest to ref (ties go to the past). When that is
//     before ref and the next occurrence is less than 9 months after ref,
//     Future holds the next one. A weekday given with it ("Thursday, May
//     16") picks the year whose calendar agrees (then no Future).
//     "le 2 juin dernier" / "prochain": the latest occurrence strictly
//     before / the first strictly after ref.
//   - A month alone ("March", "en mars", "early July", "mi-juillet"): the
//     latest such month not after ref's month; Future: the first not before.
//     "last March" / "en mars dernier": strictly before ref's month; "next
//     March" / "mars prochain": strictly after; "this March": ref's year.
//     English "May" is a month only with a day, a year or a preceding
//     "in/since/until/during/through/early/mid/late/last/next/this"; French
//     months alone only after en, début, fin, mi-, courant, depuis, dès,
//     de/d' (not "de Mars", capitalised: the planet), avant, après, au, or
//     before dernier/prochain. English months alone must be capitalised.
//   - A weekday alone ("on Tuesday", "mardi"): the latest such day on or
//     before ref; Future: the first on or after ref, when different. "this Thursday" /
//     "ce jeudi": the one in ref's Monday-to-Sunday week. "last Friday" /
//     "vendredi dernier": strictly before ref; "next Friday" / "vendredi
//     prochain": strictly after. "mardi 14" (weekday + day, no month): the
//     date nearest ref (±62 days) with that weekday and day of month.
//   - today/yesterday/tomorrow, aujourd'hui/hier/demain, avant-hier,
//     après-demain, tonight, last night, this morning, ce matin, ce soir:
//     days.
//   - Weeks are returned as Monday..Sunday ranges: "next week", "la semaine
//     dernière", "two weeks ago". Weekends as Saturday..Sunday ranges.
//   - "last month", "le mois dernier", "seven months ago", "il y a sept mois":
//     YYYY-MM. "last year", "l'an dernier", "l'année dernière", "two years
//     ago", "cette année": YYYY.
//   - Seasons: year precision ("spring 2023" → 2023, "this autumn" /
//     "à l'automne" → ref's year). A winter that is not given a year spans two
//     years and is returned as a year range ("last winter" in May 2024 →
//     2023..2024). "mid-2019", "early 2019", "fin 2023" → the year.
//   - Anaphoric expressions ("the next day", "le lendemain", "la veille",
//     "two days later", "deux jours plus tard", "the same day") have
//     Anchor == AnchorPrevious and ShiftDays set; "three months earlier",
//     "trois mois plus tôt", "a year later", "un an plus tard" have
//     ShiftMonths set (and ShiftYears for years) and resolve to a month
//     (a year). Find resolves them against
//     the latest resolved day match of the same text (or explicit day range:
//     a positive shift then counts from its end), unless a date that cannot
//     anchor (a month, a year, a week, an unresolved date) came after it in
//     a later sentence: "They met on 8 July. They last met in September
//     2023. Two days later..." stays unresolved, while "on 8 July, his first
//     trip since February 2022, and the following day" resolves to 9 July.
//     Unresolved anaphors are left to the caller.
//
// Without a reference (ref == "" or not a valid ISO date) relative
// expressions are returned with Resolved == false, Anchor ==
// AnchorPublication and an empty Value: nothing is guessed. A year-less
// absolute date is returned the same way, with YearLess set to the ISO 8601
// year-less form ("--05-16", or "--03" for a month; for a range, its start).
//
// A day that does not exist ("31 June") is not a date; what stays true is
// kept ("June" alone is then matched as a month if its context allows).
//
// # What is not a date
//
// Bare numbers never are ("Article 5", "page 16", "the 43rd meeting",
// "1.5 billion", "10:30", "G20", phone numbers). A bare year is a date only
// after a preposition (in, since, until, by, during, before, after, from,
// en, depuis, dès, avant, après, "year"/"l'an") or after another year in a
// list ("in 2018 and 2019"), or as a year range ("2018-2020"). Decades
// ("the 1990s") give no match.
//
// # Known limitations
//
//   - A bare year after a preposition is taken as a date even when it counts
//     something ("in 2000 cases"); "May 16, 2000 people" reads a year.
//   - With lang "" the French month "mars" is accepted before a year, so
//     "Mars 2020" (the rover) reads March 2020. Capitalised English month
//     names used as first names ("April Ryan", "June Carter") read as months.
//   - English "in N days/years" is not read (mostly a duration: "the first
//     visit in 24 years"); French "dans N jours" is.
//   - Decomposed (NFD) accents are not normalised: "e\u0301te\u0301" is not
//     "été".
//   - "next Friday" is the first Friday strictly after ref, not "Friday of
//     next week"; "next weekend" is the weekend of next week.
//   - A weekday with a day of a range ("du lundi 6 au mercredi 8 mai") is not
//     read as a range.
//
// # Spans
//
// Start and End are byte offsets into the input (End exclusive) and Text is
// text[Start:End]. Leading prepositions and articles of absolute dates,
// months and seasons are outside the span ("on 16 May" → "16 May",
// "le 16 mai" → "16 mai"); range openers ("from", "du", "between",
// "entre") and the words of relative phrases ("last", "il y a", "le mois
// dernier", "the next day", "le lendemain") are inside it. Matches do not
// overlap; when two candidates overlap the longer one wins.
package dates

import "sort"

// Precision of an ISO date value.
type Precision int

const (
	None Precision = iota
	Year
	Month
	Day
)

func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	}
	return "none"
}

// PrecisionOf returns the precision of an ISO value "2024", "2024-05" or
// "2024-05-16".
func PrecisionOf(v string) Precision {
	switch len(v) {
	case 4:
		return Year
	case 7:
		return Month
	case 10:
		return Day
	}
	return None
}

// Date is an ISO date as precise as the text, with an optional range end of
// the same or coarser precision. Value is "" when unresolved.
type Date struct {
	Value string
	End   string
}

// Precision of the start value.
func (d Date) Precision() Precision { return PrecisionOf(d.Value) }

// Anchor tells what a date expression is relative to.
type Anchor int

const (
	AnchorNone        Anchor = iota // absolute: the text alone gives the date
	AnchorPublication               // relative to the reference (publication) date
	AnchorPrevious                  // relative to the previous date in the text
)

func (a Anchor) String() string {
	switch a {
	case AnchorPublication:
		return "publication"
	case AnchorPrevious:
		return "previous"
	}
	return "none"
}

// Match is one date expression found in a text.
type Match struct {
	Start, End int // byte offsets, End exclusive
	Text       string
	Date       Date
	Resolved   bool // false when a needed reference (publication or previous date) is missing
	// ShiftYears, ShiftMonths, for AnchorPrevious: months after (or
	// before) the previous date ("three months earlier", "un an plus
	// tard"); the value is then month-precise, or year-precise when
	// ShiftYears is set. (Packed beside Resolved: no size change.)
	ShiftYears  bool
	ShiftMonths int32
	Anchor      Anchor
	ShiftDays   int    // for AnchorPrevious: days after (or before, if negative) the previous date
	Future      *Date  // alternative resolution when the expression may point forward
	YearLess    string // "--05-16" / "--05": a year-less date found without a reference
}

// Find returns the date expressions of text, non-overlapping and sorted by
// Start. lang is "en", "fr" or "" (both). ref is the publication date as
// "YYYY-MM-DD" or "".
func Find(text, lang, ref string) []Match {
	sc := getScanner()
	defer putScanner(sc)
	sc.init(text, lang, ref)
	sc.tokenize()
	if len(sc.t) == 0 {
		return nil
	}
	cands := sc.cands[:0]
	for i := range sc.t {
		if c, ok := sc.tryAt(i); ok {
			cands = append(cands, c)
		}
	}
	sc.cands = cands
	if len(cands) == 0 {
		return nil
	}
	cands = selectCands(cands, len(sc.t))
	out := make([]Match, 0, len(cands))
	anchor := -1 // index in out of the previous match when it can anchor
	scanned := 0 // text before this offset was already checked for sentence ends
	for _, c := range cands {
		m := c.m
		m.Start = int(sc.t[c.st].s)
		m.End = int(sc.t[c.en-1].e)
		m.Text = text[m.Start:m.End]
		if m.Anchor == AnchorPrevious && !m.Resolved && anchor >= 0 {
			p := out[anchor].Date
			base := p.Value
			if m.ShiftDays > 0 && PrecisionOf(p.End) == Day {
				base = p.End
			}
			if m.ShiftMonths != 0 {
				if v := ShiftMonths(base, int(m.ShiftMonths), m.ShiftYears); v != "" {
					m.Date.Value = v
					m.Resolved = true
				}
			} else if v := Shift(base, m.ShiftDays); v != "" {
				m.Date.Value = v
				m.Resolved = true
			}
		}
		out = append(out, m)
		if m.Resolved && !c.vague && PrecisionOf(m.Date.Value) == Day {
			anchor = len(out) - 1
		} else if anchor >= 0 {
			// Scan each byte once: from the anchor, or from where the last
			// scan stopped.
			from := max(out[anchor].End, scanned)
			if from < m.Start && sentenceBreak(text[from:m.Start]) {
				anchor = -1 // a coarser date opens a new topic
			}
			scanned = max(from, m.Start)
		}
	}
	return out
}

// sentenceBreak: s contains the end of a sentence (., ! or ? before a space,
// or a line break).
func sentenceBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return true
		case '.', '!', '?':
			if i+1 < len(s) && (s[i+1] == ' ' || s[i+1] == '\n' || s[i+1] == '\t') {
				return true
			}
		}
	}
	return false
}

// selectCands keeps non-overlapping candidates, longest first, in text
// order. Candidates span few tokens, so marking the tokens they take keeps
// this linear in the number of candidates.
func selectCands(c []cand, ntok int) []cand {
	overlap := false
	for k := 1; k < len(c); k++ {
		if c[k].st < c[k-1].en {
			overlap = true
			break
		}
	}
	if !overlap {
		return c
	}
	idx := make([]int, len(c))
	for k := range idx {
		idx[k] = k
	}
	sort.SliceStable(idx, func(a, b int) bool {
		la, lb := c[idx[a]].bytes, c[idx[b]].bytes
		if la != lb {
			return la > lb
		}
		return c[idx[a]].st < c[idx[b]].st
	})
	taken := make([]bool, ntok)
	keep := make([]bool, len(c))
	for _, k := range idx {
		free := true
		for t := c[k].st; t < c[k].en; t++ {
			if taken[t] {
				free = false
				break
			}
		}
		if free {
			keep[k] = true
			for t := c[k].st; t < c[k].en; t++ {
				taken[t] = true
			}
		}
	}
	out := c[:0]
	for k := range c {
		if keep[k] {
			out = append(out, c[k])
		}
	}
	return out
}

// Parse resolves a single date expression. Words around the expression are
// ignored; when the text holds several, the longest (then the first) is
// used. The boolean is false when no date was found or when the date could
// not be resolved (relative or year-less without ref, anaphoric).
func Parse(expr, lang, ref string) (Date, bool) {
	ms := Find(expr, lang, ref)
	best := -1
	for k := range ms {
		if best < 0 || ms[k].End-ms[k].Start > ms[best].End-ms[best].Start {
			best = k
		}
	}
	if best < 0 || !ms[best].Resolved {
		return Date{}, false
	}
	return ms[best].Date, true
}

// Compatible reports whether two ISO values can denote the same date: equal,
// or one is a coarser prefix of the other ("2023-03" and "2023-03-20", "2023"
// and "2023-03"). Empty values are compatible with nothing.
func Compatible(a, b string) bool {
	if a == "" || b == "" {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if b[:len(a)] != a {
		return false
	}
	return len(a) == len(b) || b[len(a)] == '-'
}

// Shift adds days to a "YYYY-MM-DD" value. It returns "" when d is not a
// valid day-precision date or the result falls outside years 1..9999.
// ShiftMonths moves an ISO date of month precision or better by k months
// and returns the month ("2024-05-20", -3 → "2024-02"), or the year when
// years is set ("2024-05", -24, true → "2022"; a year alone suffices then).
func ShiftMonths(d string, k int, years bool) string {
	if k > 1_200_000 || k < -1_200_000 || len(d) < 4 {
		return ""
	}
	y, ok := atoiN(d[:4])
	if !ok {
		return ""
	}
	if years {
		if k%12 != 0 {
			return ""
		}
		return fmtYear(y + k/12)
	}
	if len(d) < 7 || d[4] != '-' {
		return ""
	}
	m, ok := atoiN(d[5:7])
	if !ok || m < 1 || m > 12 {
		return ""
	}
	y, m = addMonths(y, m, k)
	return fmtMonth(y, m)
}

func atoiN(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, len(s) > 0
}

func Shift(d string, days int) string {
	if len(d) != 10 {
		return ""
	}
	y, m, dd, ok := parseISODay(d)
	if !ok || days > 4_000_000 || days < -4_000_000 {
		return ""
	}
	return fmtZ(daysFromCivil(y, m, dd) + days)
}
