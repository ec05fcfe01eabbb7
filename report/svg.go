package report

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Colour-blind-safe palettes. Communities use Okabe & Ito's palette (the
// yellow last: it is the weakest on white); event categories use Paul Tol's
// "muted" scheme, a different family so the two never read as one legend.
var communityPalette = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442"}

const otherColour = "#8C8C8C"

var categoryPalette = map[string]string{
	"meeting": "#332288", "summit": "#44AA99", "phone_call": "#DDCC77", "ceremony": "#CC6677", "other": "#BBBBBB",
}

var extraCategoryPalette = []string{"#88CCEE", "#117733", "#999933", "#882255", "#AA4499"}

const fontStack = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif"

// communityColours maps community IDs to colours: the largest communities
// (as listed in Data.Communities, else by member count) get the palette.
func communityColours(d *Data) map[int]string {
	size := map[int]int{}
	for _, n := range d.Nodes {
		if n.Community >= 0 {
			size[n.Community]++
		}
	}
	var ids []int
	listed := map[int]bool{}
	for _, c := range d.Communities {
		if !listed[c.ID] && c.ID >= 0 {
			listed[c.ID] = true
			ids = append(ids, c.ID)
			size[c.ID] = max(size[c.ID], len(c.Members))
		}
	}
	for id := range size {
		if !listed[id] {
			ids = append(ids, id)
		}
	}
	sort.SliceStable(ids, func(i, j int) bool {
		if size[ids[i]] != size[ids[j]] {
			return size[ids[i]] > size[ids[j]]
		}
		return ids[i] < ids[j]
	})
	out := map[int]string{}
	for i, id := range ids {
		if i < len(communityPalette) {
			out[id] = communityPalette[i]
		}
	}
	return out
}

func colourOf(m map[int]string, id int) string {
	if c, ok := m[id]; ok {
		return c
	}
	return otherColour
}

// ---- network ----

type svgNetwork struct {
	Standalone bool
	ID         string
	Font       string
	W, H       string
	FrameH     string
	Label      string
	Edges      []svgEdge
	Nodes      []svgNode
	Labels     []svgLabel
	Legend     []svgLegendRow
	SizeKey    []svgSizeKey
	WidthKey   []svgWidthKey
	SizeTitle  string
	LegendY    string
	KeyX       string
}

type svgEdge struct {
	X1, Y1, X2, Y2 string
	Width, Colour  string
	Opacity        string
	A, B           string
	Title          string
}

type svgNode struct {
	CX, CY, R  string
	Fill       string
	Stroke, SW string
	K          string
	Href       string
	Title      string
}

type svgLabel struct {
	X, Y, Anchor, Size, Weight string
	K                          string
	Text                       string
}

type svgLegendRow struct {
	X, Y, TY, TX string
	Colour       string
	Text         string
	Bold         string
}

type svgSizeKey struct {
	D      string // path drawing a circle (circles are reserved for nodes)
	TX, TY string
	Text   string
}

type svgWidthKey struct {
	X1, X2, Y, W string
	TX, TY       string
	Text         string
}

// circlePath draws a circle as a path.
func circlePath(cx, cy, r float64) string {
	return fmt.Sprintf("M%s %sa%s %s 0 1 0 %s 0a%s %s 0 1 0 -%s 0",
		num(cx-r), num(cy), num(r), num(r), num(2*r), num(r), num(r), num(2*r))
}

func edgeWidth(count, maxCount int) float64 {
	if maxCount <= 0 {
		return 1.2
	}
	return 0.9 + 5.6*math.Sqrt(float64(max(count, 0))/float64(maxCount))
}

// networkView builds the drawing; nodeHref gives a node's link target in
// the page ("" for none).
func networkView(d *Data, nw *network, standalone bool, nodeHref func(Node) string) *svgNetwork {
	colours := communityColours(d)
	v := &svgNetwork{Standalone: standalone, ID: "network-svg", Font: fontStack, W: num(nw.w)}
	focus := map[string]bool{}
	for _, f := range d.Focus {
		focus[f] = true
	}
	nodeID := func(i int) string { return "n" + strconv.Itoa(i) }
	for _, e := range nw.edges {
		a, b := nw.nodes[e.a], nw.nodes[e.b]
		// Weak ties recede, strong ones stand out; ties inside a community
		// take its colour.
		colour := "#7b8794"
		if a.Community >= 0 && a.Community == b.Community {
			colour = colourOf(colours, a.Community)
		}
		op := 0.5
		if nw.maxCnt > 0 {
			op = 0.16 + 0.6*math.Sqrt(float64(max(e.Count, 0))/float64(nw.maxCnt))
		}
		title := fmt.Sprintf("%s – %s: %s", oneLine(a.Name), oneLine(b.Name), plural(e.Count, "shared event", "shared events"))
		if e.First != "" {
			if e.First == e.Last || e.Last == "" {
				title += ", " + e.First
			} else {
				title += ", " + e.First + " to " + e.Last
			}
		}
		if e.Strength > 0 {
			title += ", tie strength " + fmtMetric(e.Strength)
		}
		v.Edges = append(v.Edges, svgEdge{
			X1: num(nw.pos[e.a].X), Y1: num(nw.pos[e.a].Y), X2: num(nw.pos[e.b].X), Y2: num(nw.pos[e.b].Y),
			Width: num(edgeWidth(e.Count, nw.maxCnt)), Colour: colour, Opacity: fmtFloat(op, 2),
			A: nodeID(e.a), B: nodeID(e.b), Title: title,
		})
	}
	// Large circles first, so that small ones drawn on top stay visible.
	order := make([]int, len(nw.nodes))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return nw.rad[order[i]] > nw.rad[order[j]] })
	for _, i := range order {
		n := nw.nodes[i]
		stroke, sw := "#ffffff", "1.5"
		if focus[n.Name] {
			stroke, sw = "#111111", "3"
		}
		href := ""
		if nodeHref != nil {
			href = nodeHref(n)
		}
		v.Nodes = append(v.Nodes, svgNode{
			CX: num(nw.pos[i].X), CY: num(nw.pos[i].Y), R: num(nw.rad[i]),
			Fill: colourOf(colours, n.Community), Stroke: stroke, SW: sw,
			K: nodeID(i), Href: href, Title: nodeTitle(n),
		})
	}
	for _, l := range nw.labels {
		weight := "500"
		if l.bold {
			weight = "700"
		}
		name := oneLine(nw.nodes[l.node].Name)
		if len([]rune(name)) > 28 {
			name = string([]rune(name)[:27]) + "…"
		}
		v.Labels = append(v.Labels, svgLabel{
			X: num(l.x), Y: num(l.y), Anchor: l.anchor, Size: num(l.size), Weight: weight,
			K: nodeID(l.node), Text: name,
		})
	}

	// Legend: one row per community (most central members), then keys
	// for node size and edge width on the right.
	y := nw.h + 18
	v.LegendY = num(nw.h + 4)
	rows := legendRows(d, colours, 6)
	for _, r := range rows {
		r.X, r.Y = "28", num(y-9)
		r.TX, r.TY = "46", num(y+1)
		v.Legend = append(v.Legend, r)
		y += 22
	}
	keyX := nw.w - 372
	v.KeyX = num(keyX)
	ky := nw.h + 18.0
	if nw.size.name != "" {
		v.SizeTitle = "Circle area: " + nw.size.name
		maxS := 0.0
		for _, n := range nw.nodes {
			maxS = math.Max(maxS, nw.size.of(n))
		}
		x := keyX + 12
		for _, f := range []float64{0.1, 0.5, 1} {
			r := minRadius + (maxRadius-minRadius)*math.Sqrt(f)
			cy := ky + 56 - r
			v.SizeKey = append(v.SizeKey, svgSizeKey{D: circlePath(x+r, cy, r), TX: num(x + r), TY: num(ky + 71), Text: fmtMetric(f * maxS)})
			x += 2*r + 22
		}
	}
	if nw.maxCnt > 0 {
		x := keyX + 196
		counts := []int{1, max(1, nw.maxCnt/2), nw.maxCnt}
		if nw.maxCnt <= 2 {
			counts = []int{1, nw.maxCnt}
		}
		yy := ky + 14
		prev := -1
		for _, c := range counts {
			if c == prev {
				continue
			}
			prev = c
			v.WidthKey = append(v.WidthKey, svgWidthKey{
				X1: num(x), X2: num(x + 44), Y: num(yy + 10), W: num(edgeWidth(c, nw.maxCnt)),
				TX: num(x + 52), TY: num(yy + 14), Text: plural(c, "shared event", "shared events"),
			})
			yy += 17
		}
	}
	legendH := math.Max(y-nw.h, 96)
	total := nw.h + legendH
	v.H = num(total)
	v.FrameH = num(nw.h)
	v.Label = networkSummary(d, nw)
	return v
}

func nodeTitle(n Node) string {
	var b strings.Builder
	b.WriteString(oneLine(n.Name))
	var who []string
	if n.Office != "" {
		who = append(who, oneLine(n.Office))
	}
	if n.Country != "" {
		who = append(who, oneLine(n.Country))
	}
	if len(who) > 0 {
		b.WriteString(" — " + strings.Join(who, ", "))
	}
	fmt.Fprintf(&b, "\n%s, %s", plural(n.Events, "event", "events"), plural(int(n.Degree), "partner", "partners"))
	fmt.Fprintf(&b, "\nPageRank %s · betweenness %s", fmtMetric(n.PageRank), fmtMetric(n.Betweenness))
	if n.Community >= 0 {
		fmt.Fprintf(&b, " · community %d", n.Community)
	}
	return b.String()
}

// legendRows names each community by its most central members.
func legendRows(d *Data, colours map[int]string, limit int) []svgLegendRow {
	members := map[int][]string{}
	var ids []int
	for _, c := range d.Communities {
		if _, ok := members[c.ID]; !ok {
			ids = append(ids, c.ID)
		}
		members[c.ID] = c.Members
	}
	if len(ids) == 0 {
		for _, i := range ranked(d.Nodes) {
			n := d.Nodes[i]
			if n.Community < 0 {
				continue
			}
			if _, ok := members[n.Community]; !ok {
				ids = append(ids, n.Community)
			}
			members[n.Community] = append(members[n.Community], n.Name)
		}
	}
	sort.SliceStable(ids, func(i, j int) bool {
		ci, cj := colours[ids[i]], colours[ids[j]]
		pi, pj := paletteIndex(ci), paletteIndex(cj)
		if pi != pj {
			return pi < pj
		}
		return ids[i] < ids[j]
	})
	var rows []svgLegendRow
	for k, id := range ids {
		if k == limit {
			rows = append(rows, svgLegendRow{Colour: otherColour, Text: fmt.Sprintf("%d more communities (grey)", len(ids)-limit)})
			break
		}
		m := members[id]
		names := make([]string, 0, 3)
		for _, nm := range m {
			if len(names) == 3 {
				break
			}
			names = append(names, oneLine(nm))
		}
		text := strings.Join(names, ", ")
		if len(m) > 3 {
			text += fmt.Sprintf(" and %d more", len(m)-3)
		}
		rows = append(rows, svgLegendRow{
			Colour: colourOf(colours, id),
			Bold:   fmt.Sprintf("Community %d", id),
			Text:   text,
		})
	}
	return rows
}

func paletteIndex(c string) int {
	for i, p := range communityPalette {
		if p == c {
			return i
		}
	}
	return len(communityPalette)
}

func networkSummary(d *Data, nw *network) string {
	s := fmt.Sprintf("Network of %s and %s", plural(len(nw.nodes), "leader", "leaders"), plural(len(nw.edges), "tie", "ties"))
	if nw.total > len(nw.nodes) {
		s = fmt.Sprintf("Network of the %d most central of %d leaders, with %s", len(nw.nodes), nw.total, plural(len(nw.edges), "tie", "ties"))
	}
	if len(d.Communities) > 0 {
		s += fmt.Sprintf(" in %s", plural(len(d.Communities), "community", "communities"))
	}
	var top []string
	for _, i := range ranked(nw.nodes) {
		if len(top) == 3 {
			break
		}
		top = append(top, oneLine(nw.nodes[i].Name))
	}
	if len(top) > 0 {
		s += "; most central: " + joinNames(top)
	}
	return s + "."
}

// ---- timeline ----

type svgTimeline struct {
	Standalone bool
	Font       string
	W, H       string
	Label      string
	Grid       []svgTick
	Bars       []svgRect
	Totals     []svgText
	Years      []svgText
	Legend     []svgLegendRow
	AxisX1     string
	AxisX2     string
	AxisY      string
	YTitle     svgText
}

type svgTick struct {
	X1, X2, Y string
	TX, TY    string
	Text      string
}

type svgRect struct {
	X, Y, W, H string
	Fill       string
	Title      string
}

type svgText struct {
	X, Y   string
	Text   string
	Anchor string
}

func categoriesOf(years []YearCount) []string {
	seen := map[string]bool{}
	for _, y := range years {
		for c, n := range y.ByCategory {
			if n > 0 {
				seen[c] = true
			}
		}
		sum := 0
		for _, n := range y.ByCategory {
			sum += n
		}
		if sum < y.Count {
			seen["other"] = true
		}
	}
	var out []string
	for _, c := range categoryOrder {
		if seen[c] {
			out = append(out, c)
			delete(seen, c)
		}
	}
	var extra []string
	for c := range seen {
		extra = append(extra, c)
	}
	sort.Strings(extra)
	// keep "other" last
	if n := len(out); n > 0 && out[n-1] == "other" {
		return append(append(out[:n-1], extra...), "other")
	}
	return append(out, extra...)
}

func categoryColour(c string, extras []string) string {
	if col, ok := categoryPalette[c]; ok {
		return col
	}
	for i, e := range extras {
		if e == c {
			return extraCategoryPalette[i%len(extraCategoryPalette)]
		}
	}
	return otherColour
}

func timelineView(d *Data, standalone bool) *svgTimeline {
	years := map[int]YearCount{}
	minY, maxY := math.MaxInt, math.MinInt
	for _, y := range d.EventsPerYear {
		if y.Year < 1 || y.Year > 9999 {
			continue
		}
		prev := years[y.Year]
		prev.Year = y.Year
		prev.Count += y.Count
		if prev.ByCategory == nil {
			prev.ByCategory = map[string]int{}
		}
		for c, n := range y.ByCategory {
			prev.ByCategory[c] += n
		}
		years[y.Year] = prev
		minY, maxY = min(minY, y.Year), max(maxY, y.Year)
	}
	if len(years) == 0 {
		return nil
	}
	if maxY-minY > 60 { // keep the drawing readable: the last 60 years
		minY = maxY - 60
	}
	var list []YearCount
	for y := minY; y <= maxY; y++ {
		list = append(list, years[y])
	}
	cats := categoriesOf(list)
	var extras []string
	for _, c := range cats {
		if _, ok := categoryPalette[c]; !ok {
			extras = append(extras, c)
		}
	}
	const W, H = 1000.0, 300.0
	const left, right, top, bottom = 46.0, 16.0, 46.0, 30.0
	v := &svgTimeline{Standalone: standalone, Font: fontStack, W: num(W), H: num(H)}
	maxCount := 0
	for _, y := range list {
		maxCount = max(maxCount, y.Count, sumMap(y.ByCategory))
	}
	topV, ticks := niceTicks(float64(maxCount), 4)
	plotH := H - top - bottom
	yOf := func(v float64) float64 { return top + plotH - v/topV*plotH }
	for _, t := range ticks {
		v.Grid = append(v.Grid, svgTick{X1: num(left), X2: num(W - right), Y: num(yOf(t)), TX: num(left - 8), TY: num(yOf(t) + 4), Text: fmtInt(int(t))})
	}
	band := (W - left - right) / float64(len(list))
	bw := math.Min(band*0.72, 56)
	step := 1
	for band*float64(step) < 36 {
		step++
	}
	busiest, busiestN := 0, -1
	for i, y := range list {
		x := left + band*float64(i) + (band-bw)/2
		base := 0
		counts := map[string]int{}
		for c, n := range y.ByCategory {
			counts[c] = n
		}
		if rest := y.Count - sumMap(y.ByCategory); rest > 0 {
			counts["other"] += rest
		}
		for _, c := range cats {
			n := counts[c]
			if n <= 0 {
				continue
			}
			y0, y1 := yOf(float64(base)), yOf(float64(base+n))
			v.Bars = append(v.Bars, svgRect{
				X: num(x), Y: num(y1), W: num(bw), H: num(math.Max(y0-y1-0.6, 0.5)),
				Fill:  categoryColour(c, extras),
				Title: fmt.Sprintf("%d · %s: %s", y.Year, categoryLabel(c), plural(n, "event", "events")),
			})
			base += n
		}
		total := max(y.Count, base)
		if total > busiestN {
			busiest, busiestN = y.Year, total
		}
		if total > 0 {
			v.Totals = append(v.Totals, svgText{X: num(x + bw/2), Y: num(yOf(float64(total)) - 5), Text: fmtInt(total), Anchor: "middle"})
		}
		if i%step == 0 || i == len(list)-1 && step == 1 {
			v.Years = append(v.Years, svgText{X: num(x + bw/2), Y: num(H - bottom + 18), Text: strconv.Itoa(y.Year), Anchor: "middle"})
		}
	}
	v.AxisX1, v.AxisX2, v.AxisY = num(left), num(W-right), num(yOf(0))
	v.YTitle = svgText{X: num(left - 34), Y: num(top - 14), Text: "events per year", Anchor: "start"}
	x := W - right
	for i := len(cats) - 1; i >= 0; i-- {
		c := cats[i]
		label := categoryLabel(c)
		tw := textWidth(label, 13, false)
		x -= tw + 24
		v.Legend = append([]svgLegendRow{{
			X: num(x), Y: num(top - 34), TX: num(x + 17), TY: num(top - 23.5),
			Colour: categoryColour(c, extras), Text: label,
		}}, v.Legend...)
		x -= 10
	}
	total := 0
	for _, y := range list {
		total += y.Count
	}
	v.Label = fmt.Sprintf("Stacked bar chart of %s per year, %d to %d, by category; busiest year %d with %s.",
		plural(total, "event", "events"), minY, maxY, busiest, plural(busiestN, "event", "events"))
	return v
}

func sumMap(m map[string]int) int {
	s := 0
	for _, n := range m {
		s += n
	}
	return s
}

// ---- dyad panels ----

type svgDyad struct {
	Standalone bool
	Font       string
	W, H       string
	Label      string
	Grid       []svgTick
	Step       string // cumulative observed, as a path
	StepEnd    svgText
	Gaps       []svgGap
	Claims     []svgClaim
	Bars       []svgRect
	BarText    []svgText
	Years      []svgText
	AxisX1     string
	AxisX2     string
	AxisY      string
	BarsBase   string
	TopTitle   svgText
	BarsTitle  svgText
	KeyLineY   string
	KeyX       []string
	HasClaims  bool
}

type svgGap struct {
	X, Y1, Y2 string
	OX, OY    string // observed marker (a small square)
	Title     string
}

type svgClaim struct {
	D      string // diamond path
	TX, TY string
	Text   string
	Anchor string
	Title  string
}

// dyadView draws a dyad: cumulative meetings in the graph as a step line
// with the counts articles claim as diamonds (with a dashed gap to what the
// graph held at that date), and meetings per year as bars beneath.
func dyadView(d *Data, p DyadPanel, eventDates map[string]string, standalone bool) *svgDyad {
	const W, H = 480.0, 318.0
	const left, right = 40.0, 34.0
	const top, topH = 44.0, 150.0
	const gap = 40.0
	const barsH = 52.0
	barsTop := top + topH + gap
	v := &svgDyad{Standalone: standalone, Font: fontStack, W: num(W), H: num(H)}

	// Observed dates: the panel's events with known dates, else per year.
	var dates []float64
	for _, k := range p.Events {
		if fy, ok := fracYear(eventDates[k]); ok {
			dates = append(dates, fy)
		}
	}
	perYear := map[int]int{}
	for y, n := range p.PerYear {
		if y >= 1 && y <= 9999 && n > 0 {
			perYear[y] += n
		}
	}
	if len(dates) == 0 {
		for y, n := range perYear {
			for range min(n, 10000) {
				dates = append(dates, float64(y)+0.5)
			}
		}
	}
	if len(perYear) == 0 {
		for _, fy := range dates {
			perYear[int(fy)]++
		}
	}
	sort.Float64s(dates)
	var claims []ClaimRef
	for _, c := range p.Claims {
		if countable(c) && c.Value >= 0 {
			if _, ok := fracYear(c.AsOf); ok {
				claims = append(claims, c)
			}
		}
	}
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].AsOf < claims[j].AsOf })
	v.HasClaims = len(claims) > 0

	y0, y1 := math.MaxInt, math.MinInt
	for y := range perYear {
		y0, y1 = min(y0, y), max(y1, y)
	}
	for _, fy := range dates {
		y0, y1 = min(y0, int(fy)), max(y1, int(fy))
	}
	for _, c := range claims {
		fy, _ := fracYear(c.AsOf)
		y0, y1 = min(y0, int(fy)), max(y1, int(fy))
	}
	if y0 > y1 {
		return nil
	}
	if y1-y0 > 40 {
		y0 = y1 - 40
	}
	span := float64(y1 + 1 - y0)
	plotW := W - left - right
	xOf := func(fy float64) float64 {
		return left + (math.Min(math.Max(fy, float64(y0)), float64(y1+1))-float64(y0))/span*plotW
	}

	maxV := float64(len(dates))
	for _, c := range claims {
		maxV = math.Max(maxV, c.Value)
	}
	topV, ticks := niceTicks(maxV, 4)
	yOf := func(v float64) float64 { return top + topH - v/topV*topH }
	for _, t := range ticks {
		v.Grid = append(v.Grid, svgTick{X1: num(left), X2: num(W - right), Y: num(yOf(t)), TX: num(left - 7), TY: num(yOf(t) + 4), Text: fmtInt(int(t))})
	}
	// Cumulative step line.
	var path strings.Builder
	fmt.Fprintf(&path, "M%s %s", num(xOf(float64(y0))), num(yOf(0)))
	cum := 0
	for _, fy := range dates {
		if fy < float64(y0) {
			cum++
			continue
		}
		x := xOf(fy)
		fmt.Fprintf(&path, "H%s", num(x))
		cum++
		fmt.Fprintf(&path, "V%s", num(yOf(float64(cum))))
	}
	endX := xOf(float64(y1 + 1))
	fmt.Fprintf(&path, "H%s", num(endX))
	v.Step = path.String()
	v.StepEnd = svgText{X: num(endX + 4), Y: num(yOf(float64(cum)) + 4), Text: fmtInt(cum), Anchor: "start"}

	observedAt := func(fy float64) int {
		n := 0
		for _, x := range dates {
			if x <= fy+1e-9 {
				n++
			}
		}
		return n
	}
	for i, c := range claims {
		fy, _ := fracYear(c.AsOf)
		x, yc := xOf(fy), yOf(c.Value)
		obs := c.Observed
		if obs < 0 {
			obs = observedAt(fy)
		}
		yo := yOf(float64(obs))
		title := fmt.Sprintf("Claimed %s by %s (%s); the graph holds %d",
			claimWords(c), c.AsOf, oneLine(c.Source.Title), obs)
		v.Gaps = append(v.Gaps, svgGap{X: num(x), Y1: num(yc), Y2: num(yo), OX: num(x - 3), OY: num(yo - 3), Title: title})
		anchor, tx := "middle", x
		if x > W-right-20 {
			anchor, tx = "end", x+7
		}
		ty := yc - 9
		// Stagger labels of claims close in time.
		if i > 0 {
			pfy, _ := fracYear(claims[i-1].AsOf)
			if math.Abs(xOf(pfy)-x) < 34 && math.Abs(yOf(claims[i-1].Value)-yc) < 16 {
				anchor, tx, ty = "end", x-9, yc+4
			}
		}
		v.Claims = append(v.Claims, svgClaim{
			D:  fmt.Sprintf("M%s %sl6 6l-6 6l-6 -6z", num(x), num(yc-6)),
			TX: num(tx), TY: num(ty), Text: claimValue(c), Anchor: anchor, Title: title,
		})
	}
	// Bars per year.
	maxBar := 0
	for _, n := range perYear {
		maxBar = max(maxBar, n)
	}
	band := plotW / span
	bw := math.Min(band*0.7, 30)
	step := 1
	for band*float64(step) < 34 {
		step++
	}
	for y := y0; y <= y1; y++ {
		n := perYear[y]
		x := left + band*float64(y-y0) + (band-bw)/2
		if n > 0 {
			h := float64(n) / float64(max(maxBar, 1)) * barsH
			v.Bars = append(v.Bars, svgRect{X: num(x), Y: num(barsTop + barsH - h), W: num(bw), H: num(h),
				Fill: "#6B7F99", Title: fmt.Sprintf("%d: %s", y, plural(n, "meeting", "meetings"))})
			v.BarText = append(v.BarText, svgText{X: num(x + bw/2), Y: num(barsTop + barsH - h - 3), Text: strconv.Itoa(n), Anchor: "middle"})
		}
		if (y-y0)%step == 0 {
			label := strconv.Itoa(y)
			if step == 1 && band < 42 {
				label = "’" + label[len(label)-2:]
			}
			v.Years = append(v.Years, svgText{X: num(x + bw/2), Y: num(barsTop + barsH + 16), Text: label, Anchor: "middle"})
		}
	}
	v.AxisX1, v.AxisX2, v.AxisY = num(left), num(W-right), num(yOf(0))
	v.BarsBase = num(barsTop + barsH)
	v.TopTitle = svgText{X: num(left - 32), Y: num(top - 26), Text: "Meetings, running total", Anchor: "start"}
	v.BarsTitle = svgText{X: num(left - 32), Y: num(barsTop - 14), Text: "Meetings per year", Anchor: "start"}
	v.KeyLineY = num(top - 30)
	v.KeyX = []string{num(W - right - 232), num(W - right - 210), num(W - right - 110), num(W - right - 98)}
	label := fmt.Sprintf("%s and %s: %s in the graph from %d to %d", oneLine(p.A), oneLine(p.B), plural(len(dates), "meeting", "meetings"), y0, y1)
	if len(claims) > 0 {
		c := claims[len(claims)-1]
		label += fmt.Sprintf("; articles claim %s by %s", claimWords(c), c.AsOf)
	}
	v.Label = label + "."
	return v
}
