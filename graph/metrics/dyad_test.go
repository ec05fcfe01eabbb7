package metrics

import (
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"
)

type dyadGolden struct {
	NetworkX     string  `json:"networkx"`
	AsOf         string  `json:"as_of"`
	HalfLifeDays float64 `json:"half_life_days"`
	Dyads        []struct {
		A, B           string
		Count          int      `json:"count"`
		EventsPerYear  float64  `json:"events_per_year"`
		MeanGapDays    *float64 `json:"mean_gap_days"`
		LongestGapDays *float64 `json:"longest_gap_days"`
		Strength       float64  `json:"strength"`
		Bilateral      int      `json:"bilateral"`
		Multilateral   int      `json:"multilateral"`
		Jaccard        float64  `json:"jaccard"`
		AdamicAdar     float64  `json:"adamic_adar"`
	} `json:"dyads"`
	Projection struct {
		Nodes []string `json:"nodes"`
		Edges [][3]any `json:"edges"`
	} `json:"projection"`
}

func loadEvents(t *testing.T) []EventRecord {
	b, err := os.ReadFile("testdata/golden/events.json")
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Events []EventRecord `json:"events"`
	}
	if err := json.Unmarshal(b, &spec); err != nil {
		t.Fatal(err)
	}
	return spec.Events
}

func TestDyadsParity(t *testing.T) {
	b, err := os.ReadFile("testdata/golden/dyads.json")
	if err != nil {
		t.Fatal(err)
	}
	var gd dyadGolden
	if err := json.Unmarshal(b, &gd); err != nil {
		t.Fatal(err)
	}
	events := loadEvents(t)
	got, err := Dyads(events, gd.AsOf, gd.HalfLifeDays)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(gd.Dyads) {
		t.Fatalf("%d dyads, golden has %d", len(got), len(gd.Dyads))
	}
	near := func(what string, d Dyad, x, y float64) {
		diff := math.Abs(x - y)
		if math.IsNaN(x) != math.IsNaN(y) || diff > 1e-9 {
			t.Errorf("%s–%s %s = %v, golden %v", d.A, d.B, what, x, y)
		}
		if !math.IsNaN(diff) {
			record("dyad "+what, diff)
		}
	}
	opt := func(p *float64) float64 {
		if p == nil {
			return math.NaN()
		}
		return *p
	}
	for i, w := range gd.Dyads {
		d := got[i]
		if d.A != w.A || d.B != w.B || d.Count != w.Count || d.Bilateral != w.Bilateral || d.Multilateral != w.Multilateral {
			t.Errorf("dyad %d: %s–%s count %d bi %d multi %d, golden %s–%s %d %d %d",
				i, d.A, d.B, d.Count, d.Bilateral, d.Multilateral, w.A, w.B, w.Count, w.Bilateral, w.Multilateral)
			continue
		}
		near("events_per_year", d, d.EventsPerYear, w.EventsPerYear)
		near("mean_gap_days", d, float64(d.MeanGapDays), opt(w.MeanGapDays))
		near("longest_gap_days", d, float64(d.LongestGapDays), opt(w.LongestGapDays))
		near("strength", d, d.Strength, w.Strength)
		near("jaccard (nx.jaccard_coefficient)", d, d.Jaccard, w.Jaccard)
		near("adamic_adar (nx.adamic_adar_index)", d, d.AdamicAdar, w.AdamicAdar)
		if len(d.Events) != d.Count {
			t.Errorf("%s–%s: %d event keys for count %d", d.A, d.B, len(d.Events), d.Count)
		}
	}

	// The projection up to as_of is NetworkX's co-participation graph.
	g, err := Project(events, ProjectOptions{AsOf: gd.AsOf})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(g.Nodes(), "|") != strings.Join(gd.Projection.Nodes, "|") {
		t.Errorf("projection nodes %q, golden %q", g.Nodes(), gd.Projection.Nodes)
	}
	if g.NumEdges() != len(gd.Projection.Edges) {
		t.Fatalf("projection has %d edges, golden %d", g.NumEdges(), len(gd.Projection.Edges))
	}
	for _, e := range gd.Projection.Edges {
		w, ok := g.Weight(e[0].(string), e[1].(string))
		if !ok || w != e[2].(float64) {
			t.Errorf("projection edge %v–%v = %v %v, golden %v", e[0], e[1], w, ok, e[2])
		}
	}
}

func TestDyadsSmall(t *testing.T) {
	ev := []EventRecord{
		{"e1", "2020-01-01", []string{"A", "B"}},
		{"e2", "2020-03", []string{"B", "A", "C"}},
		{"e3", "2021", []string{"A", "B", "A"}},
		{"e3", "2022-05-05", []string{"A", "B"}}, // same key: ignored
		{"e4", "2030-01-01", []string{"A", "B"}}, // after asOf: ignored
	}
	ds, err := Dyads(ev, "2021-01-01", 365)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 3 {
		t.Fatalf("got %d dyads, want 3 (A–B, A–C, B–C)", len(ds))
	}
	ab := ds[0]
	if ab.A != "A" || ab.B != "B" || ab.Count != 3 || ab.First != "2020-01-01" || ab.Last != "2021" {
		t.Fatalf("A–B = %+v", ab)
	}
	// gaps: 2020-01-01 → 2020-03-01 = 60 days, → 2021-01-01 = 306 days
	if ab.LongestGapDays != 306 || ab.MeanGapDays != 183 {
		t.Errorf("gaps longest %v mean %v, want 306, 183", ab.LongestGapDays, ab.MeanGapDays)
	}
	if want := 3 / (366 / 365.25); math.Abs(ab.EventsPerYear-want) > 1e-12 { // span 366 days > 1 year
		t.Errorf("events per year %v, want %v", ab.EventsPerYear, want)
	}
	wantS := math.Pow(0.5, 366.0/365) + math.Pow(0.5, 306.0/365) + 1
	if math.Abs(ab.Strength-wantS) > 1e-12 {
		t.Errorf("strength %v, want %v", ab.Strength, wantS)
	}
	if ab.Bilateral != 2 || ab.Multilateral != 1 || math.Abs(ab.BilateralShare-2.0/3) > 1e-15 {
		t.Errorf("bilateral %d multilateral %d share %v", ab.Bilateral, ab.Multilateral, ab.BilateralShare)
	}
	// N(A) = {B, C}, N(B) = {A, C}: common {C}, union {A, B, C}
	if math.Abs(ab.Jaccard-1.0/3) > 1e-15 || math.Abs(ab.AdamicAdar-1/math.Log(2)) > 1e-15 {
		t.Errorf("jaccard %v adamic-adar %v", ab.Jaccard, ab.AdamicAdar)
	}
	ac := ds[1]
	if !math.IsNaN(float64(ac.MeanGapDays)) || ac.Count != 1 {
		t.Errorf("A–C = %+v, want one event and NaN gaps", ac)
	}
	b, err := json.Marshal(ac)
	if err != nil || !strings.Contains(string(b), `"mean_gap_days":null`) {
		t.Errorf("JSON %s, %v", b, err)
	}

	if _, err := Dyads([]EventRecord{{"x", "2020-13", []string{"A", "B"}}}, "", 0); err == nil {
		t.Error("bad date accepted")
	}
	if _, err := Dyads(ev, "yesterday", 0); err == nil {
		t.Error("bad asOf accepted")
	}
}

func TestProject(t *testing.T) {
	ev := []EventRecord{
		{"e1", "2019-12-31", []string{"A", "B"}},
		{"e2", "2020-03", []string{"B", "A", "C"}},
		{"e3", "2020", []string{"D"}},
		{"e4", "2020-12-31", []string{"A", "B"}},
		{"e5", "2021-01-01", []string{"A", "C"}},
	}
	g, err := Project(ev, ProjectOptions{From: "2020", To: "2020"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(g.Nodes(), "|") != "B|A|C|D" {
		t.Errorf("nodes %q", g.Nodes())
	}
	if w, _ := g.Weight("A", "B"); w != 2 {
		t.Errorf("A–B weight %v, want 2", w)
	}
	if _, ok := g.Weight("A", "D"); ok {
		t.Error("A–D edge")
	}
	// decayed weights, asOf 2020-12-31, half-life 100 days
	g, err = Project(ev, ProjectOptions{AsOf: "2020-12-31", HalfLife: 100})
	if err != nil {
		t.Fatal(err)
	}
	want := math.Pow(0.5, 366.0/100) + math.Pow(0.5, 305.0/100) + 1
	if w, _ := g.Weight("A", "B"); math.Abs(w-want) > 1e-12 {
		t.Errorf("decayed A–B %v, want %v", w, want)
	}
	if _, ok := g.Index("C"); !ok {
		t.Error("C missing")
	}
	if w, _ := g.Weight("A", "C"); math.Abs(w-math.Pow(0.5, 305.0/100)) > 1e-12 {
		t.Errorf("decayed A–C %v (e5 is after asOf)", w)
	}
	if _, err := Project(ev, ProjectOptions{From: "20x0"}); err == nil {
		t.Error("bad From accepted")
	}
}

func TestWindows(t *testing.T) {
	ev := []EventRecord{
		{"e1", "2019-11-30", []string{"A", "B"}},
		{"e2", "2020-02", []string{"B", "C"}},
		{"e3", "2022", []string{"A", "C"}},
	}
	ws, err := Windows(ev, "year")
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, w := range ws {
		labels = append(labels, w.Label+":"+itoa(len(w.Events)))
	}
	if got := strings.Join(labels, " "); got != "2019:1 2020:1 2021:0 2022:1" {
		t.Errorf("year windows %s", got)
	}
	if ws[0].From != "2019-01-01" || ws[0].To != "2019-12-31" {
		t.Errorf("window 0 %s..%s", ws[0].From, ws[0].To)
	}
	ws, err = Windows(ev[:2], "rolling:3")
	if err != nil {
		t.Fatal(err)
	}
	labels = labels[:0]
	for _, w := range ws {
		labels = append(labels, w.Label+":"+itoa(len(w.Events)))
	}
	// windows start 2019-11, then 2019-12, the first to reach 2020-02-01
	if got := strings.Join(labels, " "); got != "2019-11..2020-01:1 2019-12..2020-02:1" {
		t.Errorf("rolling windows %s", got)
	}
	if ws[1].From != "2019-12-01" || ws[1].To != "2020-02-29" {
		t.Errorf("window 1 %s..%s", ws[1].From, ws[1].To)
	}
	for _, bad := range []string{"month", "rolling:0", "rolling:x", ""} {
		if _, err := Windows(ev, bad); err == nil {
			t.Errorf("spec %q accepted", bad)
		}
	}
	if ws, err := Windows(nil, "year"); err != nil || ws != nil {
		t.Errorf("no events: %v %v", ws, err)
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }
