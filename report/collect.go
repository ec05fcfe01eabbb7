package report

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// CollectOptions say what a report covers.
type CollectOptions struct {
	Title     string
	Window    string   // "" or "all" for everything, or a date prefix (2024, 2024-05)
	Focus     []string // person names or keys shown first among the dyads
	Dyads     int      // how many dyad panels (default 4)
	MaxEvents int      // events listed (default 500)
	Now       time.Time
}

type reader struct {
	ctx context.Context
	d   neo4j.DriverWithContext
	db  string
}

func (r reader) rows(name string, params map[string]any) ([]map[string]any, error) {
	res, err := neo4j.ExecuteQuery(r.ctx, r.d, queries.Get(name), params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(r.db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	out := make([]map[string]any, len(res.Records))
	for i, rec := range res.Records {
		out[i] = rec.AsMap()
	}
	return out, nil
}

func s(v any) string {
	if v == nil {
		return ""
	}
	if x, ok := v.(string); ok {
		return x
	}
	return fmt.Sprint(v)
}

func i(v any) int {
	switch x := v.(type) {
	case int64:
		return int(x)
	case float64:
		return int(x)
	}
	return 0
}

func f(v any) float64 {
	switch x := v.(type) {
	case float64:
		return x
	case int64:
		return float64(x)
	}
	return 0
}

func ss(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if x != nil {
			out = append(out, s(x))
		}
	}
	return out
}

func sourceRef(v any) SourceRef {
	m, _ := v.(map[string]any)
	return SourceRef{Article: s(m["article"]), Title: s(m["title"]), Path: s(m["path"]), URL: s(m["url"]),
		Published: s(m["published"]), Sentence: s(m["sentence"])}
}

// Collect reads everything a report shows from Neo4j.
func Collect(ctx context.Context, d neo4j.DriverWithContext, db string, o CollectOptions) (*Data, error) {
	r := reader{ctx, d, db}
	win := o.Window
	if win == "all" {
		win = ""
	}
	if o.Dyads <= 0 {
		o.Dyads = 4
	}
	if o.MaxEvents <= 0 {
		o.MaxEvents = 500
	}
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	data := &Data{Title: o.Title, Generated: o.Now.UTC().Format(time.RFC3339), Window: "all", Focus: o.Focus}
	if win != "" {
		data.Window = win
	}
	p := map[string]any{"window": win}

	fig, err := r.rows("report-figures", p)
	if err != nil {
		return nil, err
	}
	if len(fig) == 1 {
		m := fig[0]
		data.Figures = Figures{Articles: i(m["articles"]), Events: i(m["events"]), People: i(m["people"]), Countries: i(m["countries"]),
			Organizations: i(m["organizations"]), Sources: i(m["sources"]), FirstDate: s(m["first"]), LastDate: s(m["last"]),
			Languages: map[string]int{}}
		for _, l := range ss(m["languages"]) {
			data.Figures.Languages[l]++
		}
	}
	people, err := r.rows("report-people", p)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, m := range people {
		n := Node{Key: s(m["key"]), Name: s(m["name"]), Kind: "person", Country: s(m["country"]), Office: s(m["office"]),
			Events: i(m["events"]), Degree: f(m["degree"]), Strength: f(m["strength"]), PageRank: f(m["pagerank"]),
			Betweenness: f(m["betweenness"]), Eigenvector: f(m["eigenvector"]), Closeness: f(m["closeness"]), Community: i(m["community"])}
		data.Nodes = append(data.Nodes, n)
		names[n.Key] = n.Name
	}
	ties, err := r.rows("report-ties", p)
	if err != nil {
		return nil, err
	}
	tieEvents := map[string][]string{}
	for _, m := range ties {
		e := Edge{A: s(m["a"]), B: s(m["b"]), Count: i(m["count"]), Weight: float64(i(m["count"])), Strength: f(m["strength"]),
			First: s(m["first"]), Last: s(m["last"])}
		data.Edges = append(data.Edges, e)
		tieEvents[e.A+"|"+e.B] = ss(m["events"])
	}
	events, err := r.rows("report-events", map[string]any{"window": win, "limit": int64(o.MaxEvents)})
	if err != nil {
		return nil, err
	}
	years := map[int]*YearCount{}
	eventDate := map[string]string{}
	for _, m := range events {
		ev := EventRef{Key: s(m["key"]), Date: s(m["date"]), DateEnd: s(m["date_end"]), Category: s(m["category"]), Status: s(m["status"]),
			Place: s(m["place"]), Country: s(m["country"]), Organization: s(m["organization"]), Participants: ss(m["participants"])}
		for _, src := range m["sources"].([]any) {
			if src != nil {
				ev.Sources = append(ev.Sources, sourceRef(src))
			}
		}
		data.Events = append(data.Events, ev)
		eventDate[ev.Key] = ev.Date
		if len(ev.Date) >= 4 {
			y, _ := strconv.Atoi(ev.Date[:4])
			yc := years[y]
			if yc == nil {
				yc = &YearCount{Year: y, ByCategory: map[string]int{}}
				years[y] = yc
			}
			yc.Count++
			yc.ByCategory[ev.Category]++
		}
	}
	if len(years) > 0 {
		lo, hi := 1<<30, -1
		for y := range years {
			lo, hi = min(lo, y), max(hi, y)
		}
		for y := lo; y <= hi; y++ { // every year, the empty ones too
			if yc := years[y]; yc != nil {
				data.EventsPerYear = append(data.EventsPerYear, *yc)
			} else {
				data.EventsPerYear = append(data.EventsPerYear, YearCount{Year: y, ByCategory: map[string]int{}})
			}
		}
	}

	claims, err := r.rows("report-claims", nil)
	if err != nil {
		return nil, err
	}
	claimsByPair := map[string][]ClaimRef{}
	for _, m := range claims {
		c := ClaimRef{Subject: ss(m["subject"]), Kind: s(m["kind"]), Value: f(m["value"]), Qualifier: s(m["qualifier"]),
			AsOf: s(m["as_of"]), Observed: i(m["observed"]), Source: sourceRef(m["source"])}
		data.Claims = append(data.Claims, c)
		if keys := ss(m["keys"]); len(keys) == 2 {
			sort.Strings(keys)
			claimsByPair[keys[0]+"|"+keys[1]] = append(claimsByPair[keys[0]+"|"+keys[1]], c)
		}
	}
	data.Dyads = dyads(data.Edges, o, names, tieEvents, eventDate, claimsByPair)
	data.Communities = communities(data.Nodes)
	mem, err := r.rows("report-memberships", nil)
	if err != nil {
		return nil, err
	}
	for _, m := range mem {
		data.Memberships = append(data.Memberships, Membership{Org: s(m["org"]), Key: s(m["key"]), Members: ss(m["members"])})
	}
	run, err := r.rows("report-run", nil)
	if err != nil {
		return nil, err
	}
	if len(run) == 1 {
		data.Analysis = &AnalysisRunRef{At: s(run[0]["at"]), GraphVersion: s(run[0]["graph_version"]), Params: s(run[0]["params"])}
	}
	if data.Title == "" {
		data.Title = "Leader diplomacy"
		if data.Figures.FirstDate != "" {
			data.Title += ", " + data.Figures.FirstDate[:4] + "–" + data.Figures.LastDate[:min(4, len(data.Figures.LastDate))]
		}
	}
	return data, nil
}

// dyads picks the panels: pairs among focus people first, then the ties
// with the most shared events.
func dyads(edges []Edge, o CollectOptions, names map[string]string, tieEvents map[string][]string,
	eventDate map[string]string, claims map[string][]ClaimRef) []DyadPanel {
	focus := map[string]bool{}
	for _, x := range o.Focus {
		focus[strings.ToLower(x)] = true
	}
	isFocus := func(k string) bool { return focus[strings.ToLower(k)] || focus[strings.ToLower(names[k])] }
	order := append([]Edge(nil), edges...)
	sort.SliceStable(order, func(a, b int) bool {
		fa := isFocus(order[a].A) && isFocus(order[a].B)
		fb := isFocus(order[b].A) && isFocus(order[b].B)
		if fa != fb {
			return fa
		}
		return order[a].Count > order[b].Count
	})
	var out []DyadPanel
	for _, e := range order {
		if len(out) >= o.Dyads || e.Count < 2 && len(out) > 0 {
			break
		}
		evs := tieEvents[e.A+"|"+e.B]
		sort.Slice(evs, func(a, b int) bool { return eventDate[evs[a]] < eventDate[evs[b]] })
		per := map[int]int{}
		for _, k := range evs {
			if d := eventDate[k]; len(d) >= 4 {
				y, _ := strconv.Atoi(d[:4])
				per[y]++
			}
		}
		out = append(out, DyadPanel{A: names[e.A], B: names[e.B], AKey: e.A, BKey: e.B, Count: e.Count, First: e.First, Last: e.Last,
			PerYear: per, Strength: e.Strength, Claims: claims[e.A+"|"+e.B], Events: evs})
	}
	return out
}

func communities(nodes []Node) []Community {
	by := map[int]*Community{}
	for _, n := range nodes { // nodes come most central first
		if n.Community < 0 {
			continue
		}
		c := by[n.Community]
		if c == nil {
			c = &Community{ID: n.Community}
			by[n.Community] = c
		}
		c.Members = append(c.Members, n.Name)
	}
	out := make([]Community, 0, len(by))
	for _, c := range by {
		out = append(out, *c)
	}
	sort.Slice(out, func(a, b int) bool {
		if len(out[a].Members) != len(out[b].Members) {
			return len(out[a].Members) > len(out[b].Members)
		}
		return out[a].ID < out[b].ID
	})
	return out
}
