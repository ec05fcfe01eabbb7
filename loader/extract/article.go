package extract

import (
	"strings"

	"github.com/eventgraph/eventgraph/loader/extract/dates"
	"github.com/eventgraph/eventgraph/loader/extract/text"
)

// maxSentence bounds the bytes of one sentence; longer runs of text
// without a sentence end are cut at white space, so the per-sentence rules
// stay linear.
const maxSentence = 1500

// sentence is a unit of analysis.
type sentence struct {
	s, e   int // text offsets
	t0, t1 int // tokens
	block  int
	kind   text.Kind
	m0, m1 int  // mentions
	d0, d1 int  // date matches
	first  bool // first sentence of its block
}

// dateRef is a date expression of the text, resolved.
type dateRef struct {
	s, e     int // text offsets
	t0, t1   int // tokens (filled lazily)
	m        dates.Match
	value    string // resolved value ("" when unresolved)
	end      string
	future   string // alternative forward resolution
	since    bool   // introduced by since/depuis: a start of a period, not an event date
	relative bool   // depends on the publication date
}

// article is the working state of one extraction.
type article struct {
	narr       *localEvent   // the last event of the story's own time line (not a flashback)
	lastPair   *localEvent   // the last dated event of two people
	lastPeople *localEvent   // the last event of two people or more, dated or not
	present    *localEvent   // the latest day-dated event up to the publication date: the story's day
	firstDay   *localEvent   // the first day-dated event of the story (a summit still awaiting its roster counts)
	spawned    []*localEvent // events split off by buildEvent (guests received in turn)
	x          *Extractor
	doc        *text.Doc
	lang       string
	pub        string
	ref        string // the article's time for resolving titles: pub, else its latest absolute date
	id         string

	toks  []token
	sents []sentence
	ments []mention
	dates []dateRef

	named    map[string]int    // person key -> full-name mentions
	titleOf  map[string]string // title words put before a name ("crown prince") -> person key, "" if ambiguous
	pcount   map[string]int    // person key -> mentions (lazy)
	dateline string            // place key of the dateline, if any
	ncountry map[string]bool   // countries named other than by a metonym (lazy)
	persons  map[string]*personInfo
	evs      []*localEvent
	claims   []claimRec

	// windowed run (long inputs): the sentences of this window and the
	// text range they cover; nil / 0,0 for a whole article
	spans  []sentSpan
	lo, hi int
}

func (a *article) run() {
	a.split()
	a.findDates()
	a.findMentions()
	a.findEvents()
	a.findClaims()
}

// sentSpan is a sentence before tokenization.
type sentSpan struct {
	s, e  int
	block int
	kind  text.Kind
	first bool
}

// sentenceSpans cuts the blocks into sentences (at most maxSentence bytes).
func (a *article) sentenceSpans() []sentSpan {
	t := a.doc.Text
	var out []sentSpan
	for bi, b := range a.doc.Blocks {
		if b.Kind == text.Boiler {
			continue
		}
		var spans []text.Span
		if b.Kind == text.Body || b.Kind == text.Related {
			spans = text.Sentences(t, b.Start, b.End)
		} else {
			spans = []text.Span{{Start: b.Start, End: b.End}}
		}
		for si, sp := range spans {
			for _, c := range chunk(t, sp.Start, sp.End) {
				out = append(out, sentSpan{s: c.Start, e: c.End, block: bi, kind: b.Kind, first: si == 0})
			}
		}
	}
	return out
}

// split tokenizes the sentences (of the window when a.spans is set).
func (a *article) split() {
	t := a.doc.Text
	spans := a.spans
	if spans == nil {
		spans = a.sentenceSpans()
	}
	a.sents = make([]sentence, 0, len(spans))
	for _, sp := range spans {
		s := sentence{s: sp.s, e: sp.e, block: sp.block, kind: sp.kind, first: sp.first}
		s.t0 = len(a.toks)
		a.toks = tokenize(t, sp.s, sp.e, a.toks)
		s.t1 = len(a.toks)
		a.sents = append(a.sents, s)
	}
}

// chunk cuts [s, e) into pieces of at most maxSentence bytes at spaces.
func chunk(t string, s, e int) []text.Span {
	if e-s <= maxSentence {
		return []text.Span{{Start: s, End: e}}
	}
	var out []text.Span
	for s < e {
		end := s + maxSentence
		if end >= e {
			out = append(out, text.Span{Start: s, End: e})
			break
		}
		cut := end
		for cut > s+maxSentence/2 && t[cut] != ' ' && t[cut] != '\n' {
			cut--
		}
		if cut <= s+maxSentence/2 {
			cut = end
			// do not split a UTF-8 sequence
			for cut > s && t[cut]&0xC0 == 0x80 {
				cut--
			}
		}
		out = append(out, text.Span{Start: s, End: cut})
		s = cut
		for s < e && (t[s] == ' ' || t[s] == '\n') {
			s++
		}
	}
	return out
}

// findDates runs the date finder over each body block.
func (a *article) findDates() {
	t := a.doc.Text
	si := 0
	for bi, b := range a.doc.Blocks {
		if b.Kind != text.Body {
			continue
		}
		// sentences of this block
		for si < len(a.sents) && a.sents[si].block < bi {
			a.sents[si].d0, a.sents[si].d1 = len(a.dates), len(a.dates)
			si++
		}
		lo, hi := b.Start, b.End
		if a.spans != nil {
			lo, hi = max(lo, a.lo), min(hi, a.hi)
			if lo >= hi {
				continue
			}
		}
		ms := dates.Find(t[lo:hi], a.lang, a.pub)
		b.Start = lo
		k := 0
		for si < len(a.sents) && a.sents[si].block == bi {
			s := &a.sents[si]
			s.d0 = len(a.dates)
			for k < len(ms) && b.Start+ms[k].Start < s.e {
				m := ms[k]
				k++
				if b.Start+m.Start < s.s {
					continue
				}
				d := dateRef{s: b.Start + m.Start, e: b.Start + m.End, m: m, relative: m.Anchor != dates.AnchorNone}
				if m.Resolved {
					d.value, d.end = m.Date.Value, m.Date.End
					if m.Future != nil {
						d.future = m.Future.Value
					}
				}
				d.t0, d.t1 = tokenRange(a.toks, s.t0, s.t1, d.s, d.e)
				rng := m.Date.End != "" || rangeText(m.Text)
				if d.t1 < s.t1 {
					// "from Friday to Sunday" found as two dates
					switch a.toks[d.t1].norm {
					case "to", "until", "till", "through", "au", "jusqu", "-", "and", "et":
						rng = true
					}
				}
				d.since = a.sinceBefore(s.t0, d.t0, rng)
				// "in March last year", "en mars l'an dernier": a month
				// given its year by the next expression
				if n := len(a.dates); n > s.d0 && d.value != "" && len(d.value) == 4 && d.relative {
					p := &a.dates[n-1]
					gap := strings.TrimSpace(t[p.e:d.s])
					if len(p.value) == 7 && p.relative && (gap == "" || gap == "of" || gap == "de") {
						p.value = d.value + p.value[4:]
						p.future = ""
						p.e, p.t1 = d.e, d.t1
						continue
					}
				}
				a.dates = append(a.dates, d)
			}
			s.d1 = len(a.dates)
			si++
		}
	}
	for si < len(a.sents) {
		a.sents[si].d0, a.sents[si].d1 = len(a.dates), len(a.dates)
		si++
	}
	a.ref = a.pub
	if a.ref == "" {
		// Without a publication date, the latest date the article gives
		// is the nearest to when it was written: "the Japanese prime
		// minister" of a story whose latest date is May 2016 is Abe, not a
		// later holder it also names.
		for i := range a.dates {
			if d := &a.dates[i]; !d.relative && len(d.value) >= 4 && d.value > a.ref {
				a.ref = d.value
			}
		}
	}
}

// tokenRange returns the tokens of [s, e) within toks[t0:t1].
func tokenRange(toks []token, t0, t1, s, e int) (int, int) {
	i := t0
	for i < t1 && int(toks[i].e) <= s {
		i++
	}
	j := i
	for j < t1 && int(toks[j].s) < e {
		j++
	}
	return i, j
}

// rangeText: a date expression that names its end ("Friday to Sunday").
func rangeText(t string) bool {
	t = " " + strings.ToLower(t) + " "
	for _, w := range []string{" to ", " au ", " until ", " till ", " through ", " jusqu", "-"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// sinceBefore: a "since"/"depuis" (or "after"/"before" + clause, "from
// midnight on") within the few words before token t makes the date the
// start of a period (rng: the expression names its own end, as in "from
// Friday to Sunday").
func (a *article) sinceBefore(t0, t int, rng bool) bool {
	commaSeen := false
	for k := t - 1; k >= t0 && k >= t-12; k-- {
		switch a.toks[k].norm {
		case "since", "depuis", "until", "till", "jusqu", "jusque", "through":
			// "depuis leur rencontre du 15 novembre": the meeting's date
			for _, tm := range findTriggers(a.toks, k+1, t, a.lang) {
				// "since Obama went to China in November 2009", "since they
				// met in 2019": the date of that event too
				if tm.def.strong {
					return false
				}
			}
			return true
		case "from", "partir":
			// "lay down their arms from midnight on Sunday", "à partir de
			// dimanche": the start of a period (a range "from ... to" is
			// one date expression and never gets here)
			short := !rng
			for q := k + 1; q < t && short; q++ {
				switch a.toks[q].norm {
				case "midnight", "noon", "minuit", "midi", "on", "the", "at", "de", "du", "le", "l", "'":
				default:
					short = false
				}
			}
			if short {
				return true
			}
		case "by":
			// "by 2006", "by the end of 2006": a deadline
			if k == t-1 || k+2 < t && (a.toks[k+2].norm == "end" || a.toks[k+2].norm == "close") {
				return true
			}
		case "des":
			// "dès mardi" (not the article "des")
			if a.doc.Text[a.toks[k].s:a.toks[k].e] == "dès" || a.doc.Text[a.toks[k].s:a.toks[k].e] == "Dès" {
				return true
			}
		case "d":
			// "d'ici 2030"
			if k+2 < len(a.toks) && a.toks[k+2].norm == "ici" {
				return true
			}
		case ",":
			// "depuis l'arrivée de M. Scholz, en décembre 2021": the date
			// in apposition to a since-phrase
			if k >= t-2 && !commaSeen {
				commaSeen = true
				continue
			}
			return false
		case ";", "(", ")":
			return false
		}
	}
	return false
}
