package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

//go:embed templates/*.tmpl
var templateFS embed.FS

var templates = template.Must(template.New("report").ParseFS(templateFS, "templates/*.tmpl"))

// RenderHTML writes the report as one self-contained HTML page: inline CSS
// and SVG, a system font stack, and a small optional script (hover
// highlighting in the network, a filter for the events table). Nothing is
// fetched when the page opens; links to articles are plain links. All text
// from d is escaped by html/template. The page reads fully with scripts off
// and prints in black on white.
func RenderHTML(w io.Writer, d *Data) error {
	v := buildPage(clean(d), true)
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, "page", v); err != nil {
		return fmt.Errorf("report: render HTML: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// ---- the page's view model ----

type pageView struct {
	Title          string
	Window         string
	Generated      string
	GeneratedISO   string
	Period         string
	Focus          string
	Analysis       string
	Empty          bool
	EmptyMessage   string
	Lede           []string
	Cards          []cardView
	Network        *svgNetwork
	NetworkNote    string
	Timeline       *svgTimeline
	Dyads          []dyadPanelView
	Actors         []actorRow
	ActorsNote     string
	Communities    []communityRow
	Memberships    []membershipRow
	Events         []eventRow
	Claims         []claimRow
	HasEventPlaces bool
}

type cardView struct {
	Label, Value, Note string
	Wide               bool
}

type linkView struct {
	Href  string // "" for plain text
	Text  string
	Title string
}

type dyadPanelView struct {
	ID       string
	Title    string
	File     string // picture file in Markdown
	SVG      *svgDyad
	Summary  string
	Headline string
	Earlier  []string
	Stats    []cardView
	Events   []linkView
}

type actorRow struct {
	ID          string
	Rank        int
	Name        string
	Office      string
	Country     string
	Events      string
	Degree      string
	PageRank    string
	PRPct       string
	Betweenness string
	Community   string
	Pal         string
	Latest      linkView
}

type communityRow struct {
	ID      string
	Label   string
	Pal     string
	Size    int
	Members []linkView
}

type membershipRow struct {
	Org     string
	Count   int
	Members []memberView
	InGraph int
}

type memberView struct {
	Name    string
	InGraph bool
}

type eventRow struct {
	ID           string
	Date         string
	DateEnd      string
	Category     string
	Cat          string // CSS class suffix
	Status       string
	Planned      bool
	Place        string
	Org          string
	Participants []linkView
	First        *sourceView
	More         []sourceView
	NSources     int
}

type sourceView struct {
	Href      string
	Title     string
	Published string
	Path      string
	Sentence  string
}

type claimRow struct {
	Subject  string
	SubjHref string
	Kind     string
	Claim    string
	AsOf     string
	Observed string
	Coverage string
	CovPct   string
	Source   sourceView
}

// palClass maps a colour to a CSS class (the stylesheet defines them).
func palClass(c string) string {
	if i := paletteIndex(c); i < len(communityPalette) {
		return "p" + strconv.Itoa(i)
	}
	return "px"
}

func catClass(c string, extras []string) string {
	if _, ok := categoryPalette[c]; ok {
		return c
	}
	for i, e := range extras {
		if e == c {
			return "x" + strconv.Itoa(i%len(extraCategoryPalette))
		}
	}
	return "other"
}

func buildPage(d *Data, html bool) *pageView {
	v := &pageView{
		Title:        oneLine(d.Title),
		Window:       oneLine(d.Window),
		GeneratedISO: d.Generated,
		Generated:    humanTime(d.Generated),
		Empty:        d.Empty(),
		EmptyMessage: emptyMessage,
	}
	if v.Title == "" {
		v.Title = "Event graph report"
	}
	if v.Window == "" {
		v.Window = "all"
	}
	if len(d.Focus) > 0 {
		v.Focus = joinNames(d.Focus)
	}
	if a := d.Analysis; a != nil {
		parts := []string{}
		if a.At != "" {
			parts = append(parts, "metrics computed "+humanTime(a.At))
		}
		if a.GraphVersion != "" {
			parts = append(parts, "graph version "+a.GraphVersion)
		}
		if a.Params != "" {
			parts = append(parts, a.Params)
		}
		v.Analysis = strings.Join(parts, " · ")
	}
	first, last := d.Figures.FirstDate, d.Figures.LastDate
	if first == "" || last == "" {
		for _, e := range d.Events {
			if e.Date == "" {
				continue
			}
			if first == "" || e.Date < first {
				first = e.Date
			}
			if last == "" || e.Date > last {
				last = e.Date
			}
		}
	}
	if first != "" {
		v.Period = humanDate(first)
		if last != "" && last != first {
			v.Period += " – " + humanDate(last)
		}
	}
	if v.Empty {
		return v
	}

	events := sortedEvents(d.Events)
	evAnchors := newAnchors("ev-")
	eventDates := map[string]string{}
	for _, e := range events {
		evAnchors.add(e.Key)
		eventDates[e.Key] = e.Date
	}
	byKey := map[string]EventRef{}
	for _, e := range events {
		if _, dup := byKey[e.Key]; !dup {
			byKey[e.Key] = e
		}
	}
	evLink := func(key string) linkView {
		if e, ok := byKey[key]; ok {
			return linkView{Href: "#" + evAnchors.get(key), Text: e.Date, Title: eventTitle(e)}
		}
		return linkView{Text: key}
	}

	// Actors: all nodes up to 40 rows, most central first.
	order := ranked(d.Nodes)
	actorAnchors := newAnchors("actor-")
	const maxActors = 40
	shownActor := map[string]string{} // key → anchor
	byName := map[string]string{}     // name → anchor
	latest := latestEvents(d.Nodes, events)
	colours := communityColours(d)
	maxPR := 0.0
	for _, n := range d.Nodes {
		maxPR = math.Max(maxPR, n.PageRank)
	}
	for rank, i := range order {
		if rank == maxActors {
			break
		}
		n := d.Nodes[i]
		if _, dup := shownActor[n.Key]; dup {
			continue
		}
		id := actorAnchors.add(n.Key)
		shownActor[n.Key] = id
		if _, ok := byName[n.Name]; !ok {
			byName[n.Name] = id
		}
		row := actorRow{
			ID: id, Rank: rank + 1, Name: oneLine(n.Name), Office: oneLine(n.Office), Country: oneLine(n.Country),
			Events: fmtInt(n.Events), Degree: fmtCount(n.Degree), PageRank: fmtMetric(n.PageRank),
			Betweenness: fmtMetric(n.Betweenness), Pal: palClass(colourOf(colours, n.Community)),
		}
		if maxPR > 0 {
			row.PRPct = fmtFloat(math.Max(0, n.PageRank)/maxPR*100, 1)
		}
		if n.Community >= 0 {
			row.Community = strconv.Itoa(n.Community)
		}
		if k, ok := latest[n.Name]; ok {
			row.Latest = evLink(k)
		}
		v.Actors = append(v.Actors, row)
	}
	if len(d.Nodes) > len(v.Actors) {
		v.ActorsNote = fmt.Sprintf("The %d most central of %d leaders; the exports list them all.", len(v.Actors), len(d.Nodes))
	}
	personLink := func(name string) linkView {
		if id, ok := byName[name]; ok {
			return linkView{Href: "#" + id, Text: oneLine(name)}
		}
		return linkView{Text: oneLine(name)}
	}

	// Figures and the lede.
	f := d.Figures
	nEvents := f.Events
	if nEvents == 0 {
		nEvents = len(d.Events)
	}
	years := ""
	if fy, ok := parseDate(first); ok {
		years = strconv.Itoa(fy.Year())
		if ly, ok := parseDate(last); ok && ly.Year() != fy.Year() {
			years += "–" + strconv.Itoa(ly.Year())
		}
	}
	v.Cards = append(v.Cards, cardView{Label: "Events", Value: fmtInt(nEvents), Note: years})
	articles := plural(f.Sources, "source sentence", "source sentences")
	if len(f.Languages) > 0 {
		var langs []string
		for l := range f.Languages {
			langs = append(langs, l)
		}
		sort.Slice(langs, func(i, j int) bool {
			if f.Languages[langs[i]] != f.Languages[langs[j]] {
				return f.Languages[langs[i]] > f.Languages[langs[j]]
			}
			return langs[i] < langs[j]
		})
		var parts []string
		for _, l := range langs {
			parts = append(parts, fmt.Sprintf("%s %s", oneLine(l), fmtInt(f.Languages[l])))
		}
		articles += " · " + strings.Join(parts, ", ")
	}
	v.Cards = append(v.Cards, cardView{Label: "Articles", Value: fmtInt(f.Articles), Note: articles})
	people := f.People
	if people == 0 {
		people = len(d.Nodes)
	}
	v.Cards = append(v.Cards, cardView{Label: "Leaders", Value: fmtInt(people), Note: plural(len(d.Edges), "tie", "ties")})
	v.Cards = append(v.Cards, cardView{Label: "Countries", Value: fmtInt(f.Countries), Note: plural(f.Organizations, "organization", "organizations")})
	if len(d.Dyads) > 0 {
		p := d.Dyads[0]
		v.Cards = append(v.Cards, cardView{Label: "Strongest tie", Value: fmtInt(p.Count), Note: "shared events: " + oneLine(p.A) + " – " + oneLine(p.B), Wide: true})
	}
	v.Lede = lede(d, nEvents, order)

	// Network and timeline.
	if len(d.Nodes) > 0 {
		nw := layoutNetwork(d)
		var href func(Node) string
		if html {
			href = func(n Node) string {
				if id, ok := shownActor[n.Key]; ok {
					return "#" + id
				}
				return ""
			}
		}
		v.Network = networkView(d, nw, !html, href)
		dropped := 0
		if nw.total <= len(nw.nodes) {
			dropped = len(d.Edges) - len(nw.edges)
		}
		v.NetworkNote = "Leaders are linked when they took part in the same event. Circle area shows " + orDefault(nw.size.name, "nothing (no metrics)") +
			"; colour shows the Louvain community; line width shows shared events."
		if dropped > 0 {
			v.NetworkNote += fmt.Sprintf(" %s could not be drawn (unknown or repeated endpoints).", plural(dropped, "tie", "ties"))
		}
	}
	v.Timeline = timelineView(d, !html)

	// Dyad panels.
	for i, p := range d.Dyads {
		pv := dyadPanelView{
			ID:    "dyad-" + strconv.Itoa(i+1),
			File:  "dyad-" + strconv.Itoa(i+1) + ".svg",
			Title: oneLine(p.A) + " and " + oneLine(p.B),
			SVG:   dyadView(d, p, eventDates, !html),
		}
		pv.Summary, pv.Headline, pv.Earlier = dyadCaption(p)
		pv.Stats = []cardView{{Label: "Events", Value: fmtInt(p.Count)}}
		if p.MeanGapDays > 0 {
			pv.Stats = append(pv.Stats, cardView{Label: "Mean gap", Value: fmtFloat(p.MeanGapDays, 0) + " days"})
		}
		if p.Bilateral > 0 {
			pv.Stats = append(pv.Stats, cardView{Label: "Bilateral", Value: fmtPct(p.Bilateral)})
		}
		if p.Strength > 0 {
			pv.Stats = append(pv.Stats, cardView{Label: "Strength", Value: fmtMetric(p.Strength)})
		}
		for _, k := range p.Events {
			pv.Events = append(pv.Events, evLink(k))
		}
		v.Dyads = append(v.Dyads, pv)
	}

	// Communities.
	for _, c := range d.Communities {
		row := communityRow{ID: "community-" + strconv.Itoa(c.ID), Label: "Community " + strconv.Itoa(c.ID),
			Pal: palClass(colourOf(colours, c.ID)), Size: len(c.Members)}
		if c.ID < 0 {
			row.ID, row.Label = "community-none", "No community"
		}
		for _, m := range c.Members {
			row.Members = append(row.Members, personLink(m))
		}
		v.Communities = append(v.Communities, row)
	}
	// dedupe community anchors
	seenC := map[string]int{}
	for i := range v.Communities {
		id := v.Communities[i].ID
		if n := seenC[id]; n > 0 {
			v.Communities[i].ID = id + "-" + strconv.Itoa(n+1)
		}
		seenC[id]++
	}

	// Memberships.
	inGraph := map[string]bool{}
	for _, c := range d.Countries {
		inGraph[c.Name] = true
	}
	for _, m := range d.Memberships {
		row := membershipRow{Org: oneLine(orDefault(m.Org, m.Key)), Count: len(m.Members)}
		members := append([]string(nil), m.Members...)
		sort.Strings(members)
		for _, c := range members {
			row.Members = append(row.Members, memberView{Name: oneLine(c), InGraph: inGraph[c]})
			if inGraph[c] {
				row.InGraph++
			}
		}
		v.Memberships = append(v.Memberships, row)
	}

	// Events.
	var extras []string
	for _, c := range categoriesOf(d.EventsPerYear) {
		if _, ok := categoryPalette[c]; !ok {
			extras = append(extras, c)
		}
	}
	for _, e := range events {
		row := eventRow{
			ID: evAnchors.get(e.Key), Date: e.Date, Category: categoryLabel(e.Category), Cat: catClass(e.Category, extras),
			Status: oneLine(e.Status), Planned: e.Status == "planned", Place: oneLine(e.Place), Org: orgLabel(e.Organization),
			NSources: len(e.Sources),
		}
		if e.DateEnd != "" && e.DateEnd != e.Date {
			row.DateEnd = e.DateEnd
		}
		if e.Place != "" {
			v.HasEventPlaces = true
		}
		if e.Country != "" {
			if row.Place != "" {
				row.Place += ", " + oneLine(e.Country)
			} else {
				row.Place = oneLine(e.Country)
			}
		}
		for _, p := range e.Participants {
			row.Participants = append(row.Participants, personLink(p))
		}
		for i, s := range e.Sources {
			sv := sourceOf(s)
			if i == 0 {
				row.First = &sv
			} else {
				row.More = append(row.More, sv)
			}
		}
		v.Events = append(v.Events, row)
	}

	// Claims.
	dyadOf := map[[2]string]string{}
	for i, p := range d.Dyads {
		id := "#dyad-" + strconv.Itoa(i+1)
		dyadOf[[2]string{p.A, p.B}] = id
		dyadOf[[2]string{p.B, p.A}] = id
	}
	for _, c := range sortedClaims(d.Claims) {
		row := claimRow{
			Subject: oneLine(strings.Join(c.Subject, " – ")), Kind: claimKind(c.Kind), Claim: claimValue(c),
			AsOf: c.AsOf, Observed: "–", Source: sourceOf(c.Source),
		}
		if len(c.Subject) == 2 {
			row.SubjHref = dyadOf[[2]string{c.Subject[0], c.Subject[1]}]
		}
		if countable(c) && c.Observed >= 0 {
			row.Observed = fmtInt(c.Observed)
			if c.Value > 0 {
				cov := float64(c.Observed) / c.Value
				row.Coverage = fmtPct(cov)
				row.CovPct = fmtFloat(math.Min(cov, 1)*100, 1)
			}
		}
		v.Claims = append(v.Claims, row)
	}
	return v
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func orgLabel(key string) string {
	key = oneLine(key)
	if rest, ok := strings.CutPrefix(key, "org:"); ok {
		return strings.ToUpper(rest)
	}
	return key
}

func claimKind(k string) string {
	switch k {
	case "meeting_count":
		return "meetings"
	case "trade_volume_usd":
		return "trade volume"
	}
	return strings.ReplaceAll(oneLine(k), "_", " ")
}

func sourceOf(s SourceRef) sourceView {
	title := oneLine(s.Title)
	if title == "" {
		title = orDefault(oneLine(s.Path), oneLine(s.Article))
	}
	return sourceView{Href: safeURL(s.URL), Title: title, Published: oneLine(s.Published), Path: oneLine(s.Path), Sentence: oneLine(s.Sentence)}
}

func eventTitle(e EventRef) string {
	s := categoryLabel(e.Category) + " " + e.Date
	if e.Place != "" {
		s += ", " + oneLine(e.Place)
	}
	if len(e.Participants) > 0 {
		s += ": " + joinNames(e.Participants)
	}
	return s
}

// sortedEvents returns the events in date order, once per key.
func sortedEvents(in []EventRef) []EventRef {
	var out []EventRef
	seen := map[string]bool{}
	for _, e := range in {
		if !seen[e.Key] {
			seen[e.Key] = true
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].Key < out[j].Key
	})
	return out
}

func sortedClaims(in []ClaimRef) []ClaimRef {
	out := append([]ClaimRef(nil), in...)
	sort.SliceStable(out, func(i, j int) bool {
		si, sj := strings.Join(out[i].Subject, "\x00"), strings.Join(out[j].Subject, "\x00")
		if si != sj {
			return si < sj
		}
		return out[i].AsOf < out[j].AsOf
	})
	return out
}

// latestEvents finds each person's latest event (by name, as events list
// participants by name).
func latestEvents(nodes []Node, events []EventRef) map[string]string {
	want := map[string]bool{}
	for _, n := range nodes {
		want[n.Name] = true
	}
	out := map[string]string{}
	for _, e := range events { // in date order: the last one wins
		for _, p := range e.Participants {
			if want[p] {
				out[p] = e.Key
			}
		}
	}
	return out
}

// lede says in two or three sentences what the report shows.
func lede(d *Data, nEvents int, order []int) []string {
	var out []string
	f := d.Figures
	s := fmt.Sprintf("The graph holds %s", plural(nEvents, "event", "events"))
	if f.Articles > 0 {
		s += fmt.Sprintf(" reported by %s", plural(f.Articles, "article", "articles"))
	}
	if f.FirstDate != "" && f.LastDate != "" {
		s += fmt.Sprintf(", from %s to %s", humanDate(f.FirstDate), humanDate(f.LastDate))
	}
	out = append(out, s+".")
	if len(order) > 0 {
		n := d.Nodes[order[0]]
		s := fmt.Sprintf("%s is the most central leader (PageRank %s, %s)", oneLine(n.Name), fmtMetric(n.PageRank), plural(n.Events, "event", "events"))
		if len(d.Dyads) > 0 {
			p := d.Dyads[0]
			s += fmt.Sprintf("; the strongest tie is %s and %s with %s", oneLine(p.A), oneLine(p.B), plural(p.Count, "shared event", "shared events"))
		}
		out = append(out, s+".")
	}
	if len(d.Communities) > 0 {
		out = append(out, fmt.Sprintf("The network splits into %s.", plural(len(d.Communities), "community", "communities")))
	}
	for _, p := range d.Dyads {
		var last *ClaimRef
		for i, c := range p.Claims {
			if countable(c) && c.Observed >= 0 && (last == nil || c.AsOf >= last.AsOf) {
				last = &p.Claims[i]
			}
		}
		if last != nil {
			s := fmt.Sprintf("Articles claim %s between %s and %s", claimWords(*last), oneLine(p.A), oneLine(p.B))
			if last.AsOf != "" {
				s += " by " + last.AsOf
			}
			out = append(out, s+fmt.Sprintf("; the graph holds %s of them.", fmtInt(last.Observed)))
			break
		}
	}
	return out
}

// dyadCaption says what a dyad panel shows in plain language.
func dyadCaption(p DyadPanel) (summary, headline string, earlier []string) {
	switch {
	case p.First != "" && p.Last != "" && p.First != p.Last:
		summary = fmt.Sprintf("First shared event %s, latest %s.", p.First, p.Last)
	case p.First != "":
		summary = fmt.Sprintf("Shared event on %s.", p.First)
	}
	var claims []ClaimRef
	for _, c := range p.Claims {
		if countable(c) {
			claims = append(claims, c)
		}
	}
	sort.SliceStable(claims, func(i, j int) bool { return claims[i].AsOf < claims[j].AsOf })
	if len(claims) == 0 {
		return summary, "", nil
	}
	say := func(c ClaimRef) string {
		s := "Articles claim " + claimWords(c)
		if c.AsOf != "" {
			s += " by " + c.AsOf
		}
		if c.Observed >= 0 {
			s += fmt.Sprintf("; the graph holds %s of them", fmtInt(c.Observed))
		}
		return s + "."
	}
	last := claims[len(claims)-1]
	headline = say(last)
	for _, c := range claims[:len(claims)-1] {
		s := claimWords(c)
		if c.AsOf != "" {
			s += " by " + c.AsOf
		}
		if c.Observed >= 0 {
			s += fmt.Sprintf(" (graph: %s)", fmtInt(c.Observed))
		}
		earlier = append(earlier, s)
	}
	return summary, headline, earlier
}
