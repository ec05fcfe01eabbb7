package dates

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func validISO(v string) bool {
	switch len(v) {
	case 4:
		y, ok := digits(v)
		return ok && y >= 1
	case 7:
		y, ok1 := digits(v[:4])
		m, ok2 := digits(v[5:])
		return ok1 && ok2 && v[4] == '-' && y >= 1 && m >= 1 && m <= 12
	case 10:
		_, _, _, ok := parseISODay(v)
		return ok
	}
	return false
}

func checkDate(t *testing.T, what string, d Date) {
	t.Helper()
	if d.Value != "" && !validISO(d.Value) {
		t.Fatalf("%s: invalid Value %q", what, d.Value)
	}
	if d.End != "" {
		if d.Value == "" || !validISO(d.End) {
			t.Fatalf("%s: invalid End %q (Value %q)", what, d.End, d.Value)
		}
		if len(d.End) == len(d.Value) && d.End <= d.Value {
			t.Fatalf("%s: range end %q not after %q", what, d.End, d.Value)
		}
	}
}

func checkMatches(t *testing.T, text string, ms []Match) {
	t.Helper()
	prevEnd := 0
	for k, m := range ms {
		if m.Start < prevEnd || m.Start >= m.End || m.End > len(text) {
			t.Fatalf("match %d bad offsets [%d,%d) (prev end %d, len %d)", k, m.Start, m.End, prevEnd, len(text))
		}
		if m.Text != text[m.Start:m.End] {
			t.Fatalf("match %d Text %q != text[%d:%d]", k, m.Text, m.Start, m.End)
		}
		prevEnd = m.End
		checkDate(t, "match", m.Date)
		if m.Resolved != (m.Date.Value != "") {
			t.Fatalf("match %q: Resolved=%v with Value %q", m.Text, m.Resolved, m.Date.Value)
		}
		if m.Future != nil {
			if m.Future.Value == "" {
				t.Fatalf("match %q: empty Future", m.Text)
			}
			checkDate(t, "future", *m.Future)
		}
		if m.Anchor != AnchorPrevious && m.ShiftDays != 0 {
			t.Fatalf("match %q: ShiftDays without AnchorPrevious", m.Text)
		}
		if m.Anchor == AnchorNone && !m.Resolved {
			t.Fatalf("match %q: absolute but unresolved", m.Text)
		}
	}
}

var fuzzSeeds = []string{
	"Biden met Xi on May 16, 2024 in Washington. The next day they signed.",
	"le 16 mai 2024, du 22 au 24 octobre, il y a trois jours, l'an dernier",
	"from 22 to 24 October 2024; May 30 to June 2, 2024; 6, 7 and 8 May",
	"2024-05-16T10:30 16/05/2024 05/16/2024 16.05.2024 2018-2020 2018-19",
	"Thursday, May 16 mardi 14 ce jeudi vendredi dernier next week",
	"G20 the 43rd meeting Article 5 1.5 billion 2024 people 10:30 +33 6 12",
	"mid-2019 mi-juillet début juillet fin 2023 early July end of May",
	"l’été dernier à l’automne this autumn last winter spring 2023",
	"\xff\xfe le 1\xe9 mai \xc3 2024 May\x00 16",
	"6-7-8-9-10-11-12 May 1-2-3-4 juin 2024-2025-2026",
	"il y a 9999 jours, 99999 years ago, in 9999 days, 2 jours plus tard",
}

func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "en", ref)
		f.Add(s, "", "")
	}
	f.Add("le 29 février", "fr", "2023-03-01")
	f.Add("December 31 to January 1", "en", "9999-12-31")
	f.Add("January 1 and 2", "en", "0001-01-01")
	f.Fuzz(func(t *testing.T, text, lang, refDate string) {
		ms := Find(text, lang, refDate)
		checkMatches(t, text, ms)
		again := Find(text, lang, refDate)
		if len(again) != len(ms) {
			t.Fatalf("non-deterministic: %d then %d matches", len(ms), len(again))
		}
		for k := range ms {
			if ms[k].Start != again[k].Start || ms[k].End != again[k].End || ms[k].Date != again[k].Date {
				t.Fatalf("non-deterministic match %d: %+v vs %+v", k, ms[k], again[k])
			}
		}
		if _, _, _, ok := parseISODay(refDate); !ok {
			for _, m := range ms {
				if m.Anchor == AnchorPublication && m.Resolved {
					t.Fatalf("resolved %q against an invalid ref %q", m.Text, refDate)
				}
			}
		}
		_ = utf8.ValidString(text) // invalid UTF-8 is allowed input
	})
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "fr", ref)
	}
	f.Add("yesterday", "en", "2024-05-16")
	f.Add("le lendemain", "fr", "")
	f.Fuzz(func(t *testing.T, expr, lang, refDate string) {
		d, ok := Parse(expr, lang, refDate)
		if ok && d.Value == "" {
			t.Fatalf("Parse(%q) ok with empty value", expr)
		}
		if !ok && d != (Date{}) {
			t.Fatalf("Parse(%q) not ok but returned %+v", expr, d)
		}
		checkDate(t, "parse", d)
	})
}

// FuzzShift: Shift agrees with a day-by-day walk for small offsets.
func FuzzShift(f *testing.F) {
	f.Add(2024, 2, 28, 3)
	f.Fuzz(func(t *testing.T, y, m, d, n int) {
		v := fmtDay(y, m, d)
		if v == "" || n > 1000 || n < -1000 {
			return
		}
		got := Shift(v, n)
		cur := v
		step := 1
		if n < 0 {
			step = -1
		}
		for k := 0; k != n && cur != ""; k += step {
			cur = Shift(cur, step)
		}
		if got != cur {
			t.Fatalf("Shift(%q, %d) = %q, stepwise %q", v, n, got, cur)
		}
	})
}

// TestLargeAdversarial runs Find on long, dense, malformed inputs and checks
// the invariants (no timing assertions).
func TestLargeAdversarial(t *testing.T) {
	parts := append([]string{}, fuzzSeeds...)
	parts = append(parts, "May", "6", "-", "7", " ", ",", "and", "et", "le", "l'", "'", "2024", "\xff", "é", "mi", "du", "au", "the next day", "il y a", "1er", "31", "février")
	var b []byte
	seed := uint32(1)
	for len(b) < 300_000 {
		seed = seed*1664525 + 1013904223
		b = append(b, parts[int(seed>>8)%len(parts)]...)
		if seed&3 == 0 {
			b = append(b, ' ')
		}
	}
	for _, text := range []string{
		string(b),
		strings.Repeat("6-7-", 50_000) + " May",
		strings.Repeat("16 May ", 30_000),
		"3 May 2024 " + strings.Repeat("March ", 30_000) + "the next day",
		strings.Repeat("9", 100_000),
		strings.Repeat("le lendemain ", 20_000),
	} {
		for _, lang := range []string{"", "en", "fr"} {
			checkMatches(t, text, Find(text, lang, ref))
		}
	}
}
