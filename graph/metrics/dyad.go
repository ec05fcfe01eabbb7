package metrics

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// EventRecord is one dated event and the actors who took part in it.
type EventRecord struct {
	Key          string   `json:"key"`
	Date         string   `json:"date"` // YYYY, YYYY-MM or YYYY-MM-DD
	Participants []string `json:"participants"`
}

// Dates. A partial date stands for the first day of its period ("2020" is
// 2020-01-01, "2020-03" is 2020-03-01) wherever a day is needed: ages, gaps
// and spans. As an upper bound (ProjectOptions.To) it stands for the last
// day of its period instead.

// day is a date as days since 1970-01-01.
type day int64

// parseDay parses YYYY, YYYY-MM or YYYY-MM-DD and returns the first day of
// the period and the first day after it.
func parseDay(s string) (first, next day, err error) {
	var layout string
	switch len(s) {
	case 4:
		layout = "2006"
	case 7:
		layout = "2006-01"
	case 10:
		layout = "2006-01-02"
	default:
		return 0, 0, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return 0, 0, fmt.Errorf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", s)
	}
	var end time.Time
	switch len(s) {
	case 4:
		end = t.AddDate(1, 0, 0)
	case 7:
		end = t.AddDate(0, 1, 0)
	default:
		end = t.AddDate(0, 0, 1)
	}
	return toDay(t), toDay(end), nil
}

func toDay(t time.Time) day { return day(t.Unix() / 86400) }

func (d day) String() string { return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02") }

// Dyad holds the tie metrics of one pair of actors, A < B (byte order).
type Dyad struct {
	A, B  string
	Count int // number of events both took part in
	// First and Last are the dates, as given, of the earliest and latest
	// shared event.
	First, Last string
	// EventsPerYear is Count / span, the span being Last - First in years
	// of 365.25 days but at least 1 year.
	EventsPerYear float64
	// MeanGapDays and LongestGapDays are the mean and the largest number
	// of days between consecutive shared events (sorted by date, partial
	// dates at their first day; two events on one day are a gap of 0).
	// NaN (JSON null) if Count < 2.
	MeanGapDays, LongestGapDays Float
	// Strength is the recency-weighted tie strength Σ 0.5^(age/halfLife)
	// over the shared events, age = asOf - date in days.
	Strength float64
	// Bilateral counts shared events with exactly 2 participants,
	// Multilateral the others; BilateralShare = Bilateral / Count.
	Bilateral, Multilateral int
	BilateralShare          float64
	// Jaccard and AdamicAdar compare the partner sets of A and B in the
	// co-participation graph of all events up to asOf, as
	// nx.jaccard_coefficient and nx.adamic_adar_index: |N(A)∩N(B)| /
	// |N(A)∪N(B)| and Σ_{w ∈ N(A)∩N(B)} 1/ln(deg w). N(A) contains B.
	Jaccard, AdamicAdar float64
	// Events lists the keys of the shared events, by date.
	Events []string
}

// dyadJSON is Dyad's JSON form.
type dyadJSON struct {
	A              string   `json:"a"`
	B              string   `json:"b"`
	Count          int      `json:"count"`
	First          string   `json:"first"`
	Last           string   `json:"last"`
	EventsPerYear  float64  `json:"events_per_year"`
	MeanGapDays    Float    `json:"mean_gap_days"`
	LongestGapDays Float    `json:"longest_gap_days"`
	Strength       float64  `json:"strength"`
	Bilateral      int      `json:"bilateral"`
	Multilateral   int      `json:"multilateral"`
	BilateralShare float64  `json:"bilateral_share"`
	Jaccard        float64  `json:"jaccard"`
	AdamicAdar     float64  `json:"adamic_adar"`
	Events         []string `json:"events"`
}

// MarshalJSON implements json.Marshaler (snake_case fields, NaN as null).
func (d Dyad) MarshalJSON() ([]byte, error) {
	return jsonMarshal(dyadJSON(d))
}

// event is a parsed, filtered EventRecord.
type event struct {
	rec   *EventRecord
	day   day
	parts []string // distinct participants, in given order
}

// prepare parses and filters events: dates must parse; events after asOf
// (if asOf != "") or outside [from, to] are dropped; a repeated non-empty
// Key is the same event and counts once (the first record wins).
func prepare(events []EventRecord, asOf, from, to string) ([]event, day, error) {
	var asOfDay day
	hasAsOf := asOf != ""
	if hasAsOf {
		d, _, err := parseDay(asOf)
		if err != nil {
			return nil, 0, fmt.Errorf("asOf: %w", err)
		}
		asOfDay = d
	}
	lo, hi := day(math.MinInt64), day(math.MaxInt64)
	if from != "" {
		d, _, err := parseDay(from)
		if err != nil {
			return nil, 0, fmt.Errorf("from: %w", err)
		}
		lo = d
	}
	if to != "" {
		_, next, err := parseDay(to)
		if err != nil {
			return nil, 0, fmt.Errorf("to: %w", err)
		}
		hi = next - 1
	}
	seen := map[string]bool{}
	out := make([]event, 0, len(events))
	latest := day(math.MinInt64)
	for i := range events {
		e := &events[i]
		d, _, err := parseDay(e.Date)
		if err != nil {
			return nil, 0, fmt.Errorf("event %q: %w", e.Key, err)
		}
		if (hasAsOf && d > asOfDay) || d < lo || d > hi {
			continue
		}
		if e.Key != "" {
			if seen[e.Key] {
				continue
			}
			seen[e.Key] = true
		}
		parts := make([]string, 0, len(e.Participants))
		for _, p := range e.Participants {
			if p != "" && !slices.Contains(parts, p) {
				parts = append(parts, p)
			}
		}
		out = append(out, event{rec: e, day: d, parts: parts})
		latest = max(latest, d)
	}
	if !hasAsOf {
		asOfDay = latest
	}
	return out, asOfDay, nil
}

func decay(age float64, halfLife float64) float64 {
	if halfLife <= 0 {
		return 1
	}
	return math.Pow(0.5, age/halfLife)
}

type pairKey struct{ a, b string }

func pairOf(x, y string) pairKey {
	if x > y {
		x, y = y, x
	}
	return pairKey{x, y}
}

// Dyads returns the tie metrics of every pair of actors that share at
// least one event, sorted by (A, B). Events dated after asOf are ignored
// (an empty asOf means the latest event's date); halfLifeDays <= 0 means
// no decay (Strength = Count). Participants are deduplicated within an
// event; a repeated non-empty Key counts once.
func Dyads(events []EventRecord, asOf string, halfLifeDays float64) ([]Dyad, error) {
	evs, asOfDay, err := prepare(events, asOf, "", "")
	if err != nil {
		return nil, err
	}
	type acc struct {
		idx []int // indices into evs
	}
	pairs := map[pairKey]*acc{}
	nbrs := map[string]map[string]bool{}
	for i, e := range evs {
		for x := range e.parts {
			for y := x + 1; y < len(e.parts); y++ {
				k := pairOf(e.parts[x], e.parts[y])
				p := pairs[k]
				if p == nil {
					p = &acc{}
					pairs[k] = p
				}
				p.idx = append(p.idx, i)
				for _, s := range [2][2]string{{k.a, k.b}, {k.b, k.a}} {
					if nbrs[s[0]] == nil {
						nbrs[s[0]] = map[string]bool{}
					}
					nbrs[s[0]][s[1]] = true
				}
			}
		}
	}
	keys := make([]pairKey, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y pairKey) int {
		if c := strings.Compare(x.a, y.a); c != 0 {
			return c
		}
		return strings.Compare(x.b, y.b)
	})
	out := make([]Dyad, 0, len(keys))
	for _, k := range keys {
		idx := pairs[k].idx
		slices.SortStableFunc(idx, func(x, y int) int { return int(evs[x].day - evs[y].day) })
		d := Dyad{A: k.a, B: k.b, Count: len(idx)}
		first, last := evs[idx[0]], evs[idx[len(idx)-1]]
		d.First, d.Last = first.rec.Date, last.rec.Date
		span := float64(last.day-first.day) / 365.25
		d.EventsPerYear = float64(d.Count) / math.Max(1, span)
		d.MeanGapDays, d.LongestGapDays = Float(math.NaN()), Float(math.NaN())
		if len(idx) > 1 {
			longest := day(0)
			for j := 1; j < len(idx); j++ {
				longest = max(longest, evs[idx[j]].day-evs[idx[j-1]].day)
			}
			d.LongestGapDays = Float(longest)
			d.MeanGapDays = Float(float64(last.day-first.day) / float64(len(idx)-1))
		}
		for _, i := range idx {
			e := evs[i]
			d.Strength += decay(float64(asOfDay-e.day), halfLifeDays)
			if len(e.parts) == 2 {
				d.Bilateral++
			} else {
				d.Multilateral++
			}
			d.Events = append(d.Events, e.rec.Key)
		}
		d.BilateralShare = float64(d.Bilateral) / float64(d.Count)
		na, nb := nbrs[k.a], nbrs[k.b]
		common := 0
		for w := range na {
			if nb[w] {
				common++
				d.AdamicAdar += 1 / math.Log(float64(len(nbrs[w])))
			}
		}
		if union := len(na) + len(nb) - common; union > 0 {
			d.Jaccard = float64(common) / float64(union)
		}
		out = append(out, d)
	}
	return out, nil
}

// ProjectOptions configures Project.
type ProjectOptions struct {
	// HalfLife, if > 0, weighs each shared event by 0.5^(age/HalfLife)
	// (age in days before AsOf) instead of 1.
	HalfLife float64
	// AsOf drops events dated after it; empty means no limit (and, for
	// the decay, the latest included event's date).
	AsOf string
	// From and To keep only events dated within [From, To], both
	// inclusive; a partial To covers its whole period ("2020" keeps
	// 2020-12-31). Empty means unbounded.
	From, To string
}

// Project returns the co-participation graph of events: an undirected
// graph with a node per participant (in order of first appearance, so an
// actor alone at an event is an isolated node) and an edge between every
// two participants of an event, weighted by the number of events they share
// or, with HalfLife > 0, by the sum of the events' decay weights. Filters
// and deduplication are as in Dyads.
func Project(events []EventRecord, o ProjectOptions) (*Graph, error) {
	evs, asOfDay, err := prepare(events, o.AsOf, o.From, o.To)
	if err != nil {
		return nil, err
	}
	g := NewGraph(false)
	for _, e := range evs {
		w := decay(float64(asOfDay-e.day), o.HalfLife)
		ids := make([]int32, len(e.parts))
		for i, p := range e.parts {
			ids[i] = int32(g.AddNode(p))
		}
		for x := range ids {
			for y := x + 1; y < len(ids); y++ {
				_ = g.addEdgeIdx(ids[x], ids[y], w, SumDuplicates) // weights <= 1: no overflow
			}
		}
	}
	return g, nil
}

// Window is one time window of events.
type Window struct {
	Label  string        `json:"label"` // "2020", or "2020-01..2020-12" for rolling windows
	From   string        `json:"from"`  // first day, YYYY-MM-DD
	To     string        `json:"to"`    // last day, YYYY-MM-DD (inclusive)
	Events []EventRecord `json:"events"`
}

// Windows splits events into time windows by the first day of their dates:
//
//   - "year": one window per calendar year, from the first event's year to
//     the last one's, empty years included;
//   - "rolling:N": windows of N months advancing one month at a time, the
//     first starting at the first event's month, the last being the first
//     that reaches the last event.
//
// An event belongs to every window that contains its (first) day; events
// keep their input order within a window. No events, no windows. Pass a
// window's Events to Project or Dyads to get the per-window graph or ties.
func Windows(events []EventRecord, spec string) ([]Window, error) {
	months := 0
	switch {
	case spec == "year":
	case strings.HasPrefix(spec, "rolling:"):
		n, err := strconv.Atoi(strings.TrimPrefix(spec, "rolling:"))
		if err != nil || n <= 0 || n > 1200 {
			return nil, fmt.Errorf("window spec %q: want rolling:N with N months in 1..1200", spec)
		}
		months = n
	default:
		return nil, fmt.Errorf("window spec %q: want \"year\" or \"rolling:N\"", spec)
	}
	if len(events) == 0 {
		return nil, nil
	}
	days := make([]day, len(events))
	lo, hi := day(math.MaxInt64), day(math.MinInt64)
	for i := range events {
		d, _, err := parseDay(events[i].Date)
		if err != nil {
			return nil, fmt.Errorf("event %q: %w", events[i].Key, err)
		}
		days[i] = d
		lo, hi = min(lo, d), max(hi, d)
	}
	t0 := time.Unix(int64(lo)*86400, 0).UTC()
	var out []Window
	if months == 0 {
		last := time.Unix(int64(hi)*86400, 0).UTC().Year()
		for y := t0.Year(); y <= last; y++ {
			s := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
			out = append(out, Window{Label: strconv.Itoa(y), From: s.Format("2006-01-02"),
				To: s.AddDate(1, 0, -1).Format("2006-01-02")})
		}
	} else {
		start := time.Date(t0.Year(), t0.Month(), 1, 0, 0, 0, 0, time.UTC)
		for {
			end := start.AddDate(0, months, 0)
			out = append(out, Window{
				Label: start.Format("2006-01") + ".." + end.AddDate(0, 0, -1).Format("2006-01"),
				From:  start.Format("2006-01-02"),
				To:    end.AddDate(0, 0, -1).Format("2006-01-02"),
			})
			if toDay(end) > hi {
				break
			}
			start = start.AddDate(0, 1, 0)
		}
	}
	for w := range out {
		f, _, _ := parseDay(out[w].From)
		t, _, _ := parseDay(out[w].To)
		for i, d := range days {
			if d >= f && d <= t {
				out[w].Events = append(out[w].Events, events[i])
			}
		}
	}
	return out, nil
}
