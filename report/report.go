package report

import (
	"errors"
	"fmt"
	"math"
	"net/url"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// ErrEmpty says that the graph holds no events. The renderers do not return
// it (they render a page that says so); callers use it with Data.Empty to
// report the condition, e.g. with a non-zero exit status.
var ErrEmpty = errors.New("report: the graph holds no events yet")

// emptyMessage is what a report says when there is nothing to show.
const emptyMessage = "The graph holds no events yet: load articles with eventgraph load (for example eventgraph load --manifest DIR/manifest.yaml DIR), then run the report again."

// Empty reports whether d has no events to show (a nil Data is empty).
func (d *Data) Empty() bool {
	return d == nil || (len(d.Events) == 0 && d.Figures.Events == 0)
}

// clean returns a deep copy of d in which every string is valid UTF-8 made of
// characters XML 1.0 allows (so that SVG, GraphML and GEXF stay well formed)
// and every non-finite float is 0. Escaping is left to the templates and
// encoders; this only removes what no escaping can represent.
func clean(d *Data) *Data {
	if d == nil {
		return &Data{}
	}
	src := reflect.ValueOf(d).Elem()
	dst := reflect.New(src.Type()).Elem()
	copyClean(dst, src)
	return dst.Addr().Interface().(*Data)
}

func copyClean(dst, src reflect.Value) {
	switch src.Kind() {
	case reflect.String:
		dst.SetString(cleanText(src.String()))
	case reflect.Float32, reflect.Float64:
		f := src.Float()
		if math.IsNaN(f) || math.IsInf(f, 0) {
			f = 0
		}
		dst.SetFloat(f)
	case reflect.Struct:
		for i := range src.NumField() {
			if dst.Field(i).CanSet() {
				copyClean(dst.Field(i), src.Field(i))
			}
		}
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		s := reflect.MakeSlice(src.Type(), src.Len(), src.Len())
		for i := range src.Len() {
			copyClean(s.Index(i), src.Index(i))
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		m := reflect.MakeMapWithSize(src.Type(), src.Len())
		it := src.MapRange()
		for it.Next() {
			k := reflect.New(src.Type().Key()).Elem()
			copyClean(k, it.Key())
			v := reflect.New(src.Type().Elem()).Elem()
			copyClean(v, it.Value())
			m.SetMapIndex(k, v)
		}
		dst.Set(m)
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		p := reflect.New(src.Type().Elem())
		copyClean(p.Elem(), src.Elem())
		dst.Set(p)
	default:
		dst.Set(src)
	}
}

// cleanText makes s valid UTF-8 and drops characters XML 1.0 forbids.
func cleanText(s string) string {
	ok := utf8.ValidString(s)
	if ok {
		for _, r := range s {
			if !xmlChar(r) {
				ok = false
				break
			}
		}
	}
	if ok {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if xmlChar(r) {
			return r
		}
		if r == '\v' || r == '\f' {
			return ' '
		}
		return -1
	}, s)
}

func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// oneLine collapses runs of white space (for labels, tooltips and tables).
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// ---- anchors ----

// anchors gives every key a unique, stable HTML id with a prefix.
type anchors struct {
	prefix string
	ids    map[string]string
	used   map[string]bool
}

func newAnchors(prefix string) *anchors {
	return &anchors{prefix: prefix, ids: map[string]string{}, used: map[string]bool{}}
}

// add assigns an id to key (idempotent) and returns it.
func (a *anchors) add(key string) string {
	if id, ok := a.ids[key]; ok {
		return id
	}
	s := key
	if i := strings.IndexByte(s, ':'); i >= 0 && i < len(s)-1 {
		s = s[i+1:] // "person:xi-jinping" → "xi-jinping"
	}
	base := a.prefix + slug(s)
	id := base
	for n := 2; a.used[id]; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	a.used[id] = true
	a.ids[key] = id
	return id
}

func (a *anchors) get(key string) string { return a.ids[key] }

// slug keeps ASCII letters and digits, joins the rest with dashes.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 48 {
			break
		}
	}
	out := strings.Trim(b.String(), "-")
	if out == "" {
		out = "x"
	}
	return out
}

// ---- formatting ----

func fmtInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func fmtFloat(x float64, prec int) string { return strconv.FormatFloat(x, 'f', prec, 64) }

// fmtMetric shows a centrality with three significant digits.
func fmtMetric(x float64) string {
	switch {
	case x == 0:
		return "0"
	case math.Abs(x) >= 100:
		return fmtFloat(x, 0)
	case math.Abs(x) >= 10:
		return fmtFloat(x, 1)
	case math.Abs(x) >= 1:
		return fmtFloat(x, 2)
	}
	return strconv.FormatFloat(x, 'f', max(3, 2-int(math.Floor(math.Log10(math.Abs(x))))), 64)
}

// fmtCount shows a whole number without decimals, others as a metric.
func fmtCount(x float64) string {
	if x == math.Trunc(x) && math.Abs(x) < 1e15 {
		return fmtInt(int(x))
	}
	return fmtMetric(x)
}

// num formats a coordinate for SVG (one decimal, no "-0").
func num(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		x = 0
	}
	s := strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

func fmtPct(x float64) string {
	if x >= 0.995 || x == 0 {
		return fmtFloat(x*100, 0) + "%"
	}
	if x < 0.1 {
		return fmtFloat(x*100, 1) + "%"
	}
	return fmtFloat(x*100, 0) + "%"
}

// parseDate reads "2024", "2024-05" or "2024-05-16" (a date at the precision
// sources support).
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) >= len(layout) {
			if t, err := time.Parse(layout, s[:len(layout)]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// fracYear is a date as a fractional year (2024-07-02 ≈ 2024.5); a year or
// month alone counts as its middle.
func fracYear(s string) (float64, bool) {
	t, ok := parseDate(s)
	if !ok {
		return 0, false
	}
	y := t.Year()
	start := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC)
	frac := t.Sub(start).Hours() / end.Sub(start).Hours()
	switch len(strings.TrimSpace(s)) {
	case 4:
		frac = 0.5
	case 7:
		frac += 15.0 / 365
	}
	return float64(y) + frac, true
}

// humanDate shows 2024-05-16 as "16 May 2024" (keeps coarser dates).
func humanDate(s string) string {
	t, ok := parseDate(s)
	if !ok {
		return s
	}
	switch len(strings.TrimSpace(s)) {
	case 4:
		return t.Format("2006")
	case 7:
		return t.Format("Jan 2006")
	}
	return t.Format("2 Jan 2006")
}

// humanTime shows an RFC 3339 time as "30 Sep 2025, 12:00 UTC".
func humanTime(s string) string {
	t, err := time.Parse(time.RFC3339, strings.TrimSpace(s))
	if err != nil {
		return s
	}
	return t.UTC().Format("2 Jan 2006, 15:04 UTC")
}

var categoryNames = map[string]string{
	"meeting": "Meeting", "summit": "Summit", "phone_call": "Phone call",
	"ceremony": "Ceremony", "other": "Other",
}

// categoryOrder lists the known categories, most common first.
var categoryOrder = []string{"meeting", "summit", "phone_call", "ceremony", "other"}

func categoryLabel(c string) string {
	if n, ok := categoryNames[c]; ok {
		return n
	}
	if c == "" {
		return "Unspecified"
	}
	c = strings.ReplaceAll(c, "_", " ")
	r, size := utf8.DecodeRuneInString(c)
	return strings.ToUpper(string(r)) + c[size:]
}

// safeURL returns u when it is an absolute http(s) URL, else "".
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return p.String()
}

// claimValue shows a claim's figure with its qualifier as a symbol:
// "at least 45" → "≥ 45", "about 40" → "~40".
func claimValue(c ClaimRef) string {
	v := fmtClaimNumber(c)
	switch q := strings.ToLower(strings.TrimSpace(c.Qualifier)); q {
	case "":
		return v
	case "at least", "no fewer than", "no less than":
		return "≥ " + v
	case "more than", "over", "above", "upwards of":
		return "> " + v
	case "about", "around", "approximately", "some", "roughly", "nearly", "almost", "close to":
		return "~" + v
	case "at most", "up to", "no more than":
		return "≤ " + v
	case "fewer than", "less than", "under", "below":
		return "< " + v
	default:
		return q + " " + v
	}
}

// claimWords shows a claim in words: "at least 45 meetings".
func claimWords(c ClaimRef) string {
	v := fmtClaimNumber(c)
	if q := strings.TrimSpace(c.Qualifier); q != "" {
		v = q + " " + v
	}
	switch c.Kind {
	case "meeting_count":
		if c.Value == 1 {
			return v + " meeting"
		}
		return v + " meetings"
	case "trade_volume_usd":
		return v + " in trade"
	}
	return v
}

func fmtClaimNumber(c ClaimRef) string {
	if c.Kind == "trade_volume_usd" || strings.HasSuffix(c.Kind, "_usd") {
		v := c.Value
		switch {
		case v >= 1e12:
			return "$" + trimZeros(fmtFloat(v/1e12, 2)) + " trillion"
		case v >= 1e9:
			return "$" + trimZeros(fmtFloat(v/1e9, 1)) + " billion"
		case v >= 1e6:
			return "$" + trimZeros(fmtFloat(v/1e6, 1)) + " million"
		}
		return "$" + fmtInt(int(math.Round(v)))
	}
	if c.Value == math.Trunc(c.Value) && math.Abs(c.Value) < 1e15 {
		return fmtInt(int(c.Value))
	}
	return trimZeros(fmtFloat(c.Value, 2))
}

func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// countable reports whether a claim is a count the graph can hold.
func countable(c ClaimRef) bool {
	return c.Kind == "meeting_count" || strings.HasSuffix(c.Kind, "_count")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%s %s", fmtInt(n), one)
	}
	return fmt.Sprintf("%s %s", fmtInt(n), many)
}

// joinNames lists names as "A, B and C".
func joinNames(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// ranked returns the indexes of nodes, most central first: PageRank, then
// betweenness, events, name and key (a total order, so output is stable).
func ranked(nodes []Node) []int {
	idx := make([]int, len(nodes))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(x, y int) bool {
		a, b := nodes[idx[x]], nodes[idx[y]]
		if a.PageRank != b.PageRank {
			return a.PageRank > b.PageRank
		}
		if a.Betweenness != b.Betweenness {
			return a.Betweenness > b.Betweenness
		}
		if a.Events != b.Events {
			return a.Events > b.Events
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Key < b.Key
	})
	return idx
}

// niceTicks returns a rounded top value and 1-2-5 ticks (about n of them)
// from 0 up to maxV.
func niceTicks(maxV float64, n int) (top float64, ticks []float64) {
	if maxV <= 0 {
		return 1, []float64{0, 1}
	}
	raw := maxV / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	if step < 1 {
		step = 1 // counts are whole numbers
	}
	top = math.Ceil(maxV/step) * step
	for v := 0.0; v <= top+step/2; v += step {
		ticks = append(ticks, v)
	}
	return top, ticks
}
