// Package analysis projects the event graph held in Neo4j onto networks,
// computes their metrics with graph/metrics (gonum) and writes them back:
// node metrics per time window, relationship (dyad) metrics as MET, and an
// AnalysisRun recording parameters and the graph version.
package analysis

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/graph/metrics"
	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Params configure an analysis.
type Params struct {
	HalfLifeDays  float64 `json:"half_life_days"`  // tie-strength and decayed-weight half-life
	Windows       string  `json:"windows"`         // "year", "rolling:N" or "" (only the whole period)
	Seed          uint64  `json:"seed"`            // Louvain seed
	AsOf          string  `json:"as_of,omitempty"` // reference date for decay; "" = latest event
	DecayedWeight bool    `json:"decayed_weight"`  // weigh edges by decayed shared events instead of counts
}

// Event is one analysed event with the keys of its people and countries.
type Event struct {
	Key       string
	Date      string
	People    []string
	Countries []string
}

// Claim is a claimed meeting count between two people.
type Claim struct {
	A, B      string
	Value     float64
	Qualifier string
	AsOf      string
}

// WindowResult holds one window's metrics for one projection.
type WindowResult struct {
	Label      string
	Projection string // person or country
	Result     metrics.Result
}

// Outcome is everything an analysis computes.
type Outcome struct {
	Params       Params
	GraphVersion string
	RunKey       string
	Events       int
	Windows      []WindowResult
	Dyads        []metrics.Dyad
	Claims       map[string]Claim // by "a|b", the largest claim
	CountryDyads []metrics.Dyad
}

// ReadEvents reads the analysed events from Neo4j.
func ReadEvents(ctx context.Context, d neo4j.DriverWithContext, db string) ([]Event, error) {
	res, err := neo4j.ExecuteQuery(ctx, d, queries.Get("analysis-events"), nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, fmt.Errorf("read events: %w", err)
	}
	out := make([]Event, 0, len(res.Records))
	for _, r := range res.Records {
		m := r.AsMap()
		out = append(out, Event{Key: m["key"].(string), Date: fmt.Sprint(m["date"]), People: strs(m["people"]), Countries: strs(m["countries"])})
	}
	return out, nil
}

// ReadClaims reads meeting-count claims about pairs of people.
func ReadClaims(ctx context.Context, d neo4j.DriverWithContext, db string) ([]Claim, error) {
	res, err := neo4j.ExecuteQuery(ctx, d, `MATCH (c:Claim {kind:'meeting_count'})-[:ABOUT]->(p:Person)
		WITH c, collect(p.key) AS keys WHERE size(keys) = 2
		RETURN keys, c.value AS value, coalesce(c.qualifier, '') AS qualifier, coalesce(c.as_of, '') AS as_of`, nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, fmt.Errorf("read claims: %w", err)
	}
	var out []Claim
	for _, r := range res.Records {
		m := r.AsMap()
		k := strs(m["keys"])
		sort.Strings(k)
		v, _ := m["value"].(float64)
		out = append(out, Claim{A: k[0], B: k[1], Value: v, Qualifier: fmt.Sprint(m["qualifier"]), AsOf: fmt.Sprint(m["as_of"])})
	}
	return out, nil
}

func strs(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok && s != "" {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

// Version is a hash of the analysed events: the same graph gives the same version.
func Version(events []Event) string {
	h := sha256.New()
	for _, e := range events {
		fmt.Fprintf(h, "%s|%s|%s|%s\n", e.Key, e.Date, strings.Join(e.People, ","), strings.Join(e.Countries, ","))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func records(events []Event, countries bool) []metrics.EventRecord {
	out := make([]metrics.EventRecord, 0, len(events))
	for _, e := range events {
		parts := e.People
		if countries {
			parts = e.Countries
		}
		if len(parts) == 0 {
			continue
		}
		out = append(out, metrics.EventRecord{Key: e.Key, Date: e.Date, Participants: parts})
	}
	return out
}

// Run computes everything (no database access).
func Run(events []Event, claims []Claim, p Params) (*Outcome, error) {
	o := &Outcome{Params: p, GraphVersion: Version(events), Events: len(events), Claims: map[string]Claim{}}
	pj, _ := json.Marshal(p)
	sum := sha256.Sum256([]byte(string(pj) + "|" + o.GraphVersion))
	o.RunKey = "run:" + hex.EncodeToString(sum[:8])
	asOf := p.AsOf
	for _, countries := range []bool{false, true} {
		recs := records(events, countries)
		proj := "person"
		if countries {
			proj = "country"
		}
		windows := []metrics.Window{{Label: "all", Events: recs}}
		if p.Windows != "" && !countries {
			ws, err := metrics.Windows(recs, p.Windows)
			if err != nil {
				return nil, err
			}
			windows = append(windows, ws...)
		}
		for _, w := range windows {
			po := metrics.ProjectOptions{AsOf: asOf}
			if p.DecayedWeight {
				po.HalfLife = p.HalfLifeDays
			}
			g, err := metrics.Project(w.Events, po)
			if err != nil {
				return nil, fmt.Errorf("window %s: %w", w.Label, err)
			}
			if g.NumNodes() == 0 {
				continue
			}
			o.Windows = append(o.Windows, WindowResult{Label: w.Label, Projection: proj, Result: metrics.All(g, metrics.Options{Seed: p.Seed})})
		}
		d, err := metrics.Dyads(recs, asOf, p.HalfLifeDays)
		if err != nil {
			return nil, err
		}
		if countries {
			o.CountryDyads = d
		} else {
			o.Dyads = d
		}
	}
	for _, c := range claims {
		k := c.A + "|" + c.B
		if old, ok := o.Claims[k]; !ok || c.Value > old.Value || (c.Value == old.Value && c.AsOf > old.AsOf) {
			o.Claims[k] = c
		}
	}
	return o, nil
}

func num(f metrics.Float) any {
	v := float64(f)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

func nodeRow(n metrics.NodeResult) map[string]any {
	return map[string]any{"key": n.ID, "degree": int64(n.Degree), "strength": num(n.Strength), "betweenness": num(n.Betweenness),
		"closeness": num(n.Closeness), "harmonic": num(n.Harmonic), "eigenvector": num(n.Eigenvector), "pagerank": num(n.PageRank),
		"hub": num(n.Hub), "authority": num(n.Authority), "katz": num(n.Katz), "clustering": num(n.Clustering),
		"core": int64(n.Core), "community": int64(n.Community), "component": int64(n.Component)}
}

func perYear(events []string, dates map[string]string) []string {
	count := map[string]int{}
	for _, k := range events {
		if d := dates[k]; len(d) >= 4 {
			count[d[:4]]++
		}
	}
	years := make([]string, 0, len(count))
	for y := range count {
		years = append(years, y)
	}
	sort.Strings(years)
	out := make([]string, 0, len(years))
	for _, y := range years {
		out = append(out, fmt.Sprintf("%s:%d", y, count[y]))
	}
	return out
}

// observedBy counts the pair's shared events dated on or before asOf.
func observedBy(events []string, dates map[string]string, asOf string) int {
	n := 0
	for _, k := range events {
		d := dates[k]
		if asOf == "" || d <= asOf || strings.HasPrefix(asOf, d) {
			n++
		}
	}
	return n
}

// Write stores the outcome in Neo4j, idempotently: the same graph and
// parameters give the same run key, the same relationships and values.
func Write(ctx context.Context, d neo4j.DriverWithContext, db string, o *Outcome, events []Event, batch int) error {
	if batch <= 0 {
		batch = 1000
	}
	dates := map[string]string{}
	for _, e := range events {
		dates[e.Key] = e.Date
	}
	pj, _ := json.Marshal(o.Params)
	summary := map[string]any{"events": int64(o.Events)}
	for _, w := range o.Windows {
		if w.Label == "all" && w.Projection == "person" {
			g := w.Result.Graph
			summary["nodes"], summary["edges"] = int64(g.Nodes), int64(g.Edges)
			summary["communities"], summary["modularity"] = int64(g.Communities), num(g.Modularity)
			summary["components"] = int64(g.Components)
		}
	}
	sess := d.NewSession(ctx, neo4j.SessionConfig{DatabaseName: db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	exec := func(name string, params map[string]any) error {
		_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			r, err := tx.Run(ctx, queries.Get(name), params)
			if err != nil {
				return nil, err
			}
			return r.Consume(ctx)
		})
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
	if err := exec("analysis-run", map[string]any{"key": o.RunKey, "params": string(pj), "graph_version": o.GraphVersion, "summary": summary}); err != nil {
		return err
	}
	keep := map[string][]any{"Person": {}, "Country": {}}
	for _, w := range o.Windows {
		rows := make([]map[string]any, 0, len(w.Result.Nodes))
		for _, n := range w.Result.Nodes {
			rows = append(rows, nodeRow(n))
			if w.Label == "all" {
				label := "Person"
				if w.Projection == "country" {
					label = "Country"
				}
				keep[label] = append(keep[label], n.ID)
			}
		}
		for i := 0; i < len(rows); i += batch {
			if err := exec("analysis-scores", map[string]any{"run": o.RunKey, "window": windowLabel(w), "current": w.Label == "all", "rows": rows[i:min(i+batch, len(rows))]}); err != nil {
				return err
			}
		}
	}
	for label, k := range keep {
		if err := exec("analysis-clear-current", map[string]any{"keep": k, "label": label}); err != nil {
			return err
		}
	}
	var rows []map[string]any
	var pairs []any
	for _, dy := range o.Dyads {
		row := map[string]any{"a": dy.A, "b": dy.B, "count": int64(dy.Count), "first": dy.First, "last": dy.Last,
			"events_per_year": dy.EventsPerYear, "mean_gap_days": num(dy.MeanGapDays), "longest_gap_days": num(dy.LongestGapDays),
			"strength": dy.Strength, "bilateral": int64(dy.Bilateral), "multilateral": int64(dy.Multilateral),
			"share_bilateral": dy.BilateralShare, "jaccard": dy.Jaccard, "adamic_adar": dy.AdamicAdar,
			"per_year": perYear(dy.Events, dates), "claimed": nil, "claimed_qualifier": nil, "claimed_as_of": nil,
			"observed_at_claim": nil, "claim_gap": nil}
		if c, ok := o.Claims[dy.A+"|"+dy.B]; ok {
			obs := observedBy(dy.Events, dates, c.AsOf)
			row["claimed"], row["claimed_qualifier"], row["claimed_as_of"] = c.Value, c.Qualifier, c.AsOf
			row["observed_at_claim"], row["claim_gap"] = int64(obs), c.Value-float64(obs)
		}
		rows = append(rows, row)
		pairs = append(pairs, dy.A+"|"+dy.B)
	}
	if pairs == nil {
		pairs = []any{}
	}
	if err := exec("analysis-met-prune", map[string]any{"keep": pairs}); err != nil {
		return err
	}
	for i := 0; i < len(rows); i += batch {
		if err := exec("analysis-met", map[string]any{"run": o.RunKey, "rows": rows[i:min(i+batch, len(rows))]}); err != nil {
			return err
		}
	}
	return nil
}

func windowLabel(w WindowResult) string {
	if w.Projection == "country" {
		return "country:" + w.Label
	}
	return w.Label
}

// Now is the clock (replaced in tests).
var Now = time.Now
