package analysis

import (
	"context"
	"fmt"
	"io"
	"sort"
	"text/tabwriter"

	"github.com/eventgraph/eventgraph/graph/metrics"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Names maps actor keys to names.
func Names(ctx context.Context, d neo4j.DriverWithContext, db string) (map[string]string, error) {
	res, err := neo4j.ExecuteQuery(ctx, d, "MATCH (n:Actor) WHERE n:Person OR n:Country OR n:Organization RETURN n.key AS key, n.name AS name", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, r := range res.Records {
		k, _ := r.Get("key")
		n, _ := r.Get("name")
		if ks, ok := k.(string); ok {
			out[ks], _ = n.(string)
		}
	}
	return out, nil
}

// Central is one row of the most-central table.
type Central struct {
	Key         string  `json:"key"`
	Name        string  `json:"name"`
	Degree      int     `json:"degree"`
	PageRank    float64 `json:"pagerank"`
	Betweenness float64 `json:"betweenness"`
	Community   int     `json:"community"`
}

// Tie is one row of the strongest-ties table.
type Tie struct {
	A        string  `json:"a"`
	B        string  `json:"b"`
	Count    int     `json:"count"`
	First    string  `json:"first"`
	Last     string  `json:"last"`
	Strength float64 `json:"strength"`
	Claimed  float64 `json:"claimed,omitempty"`
}

// Summary is what analyze prints.
type Summary struct {
	RunKey       string               `json:"run"`
	GraphVersion string               `json:"graph_version"`
	Events       int                  `json:"events"`
	Graph        metrics.GraphResult  `json:"graph"`
	Central      []Central            `json:"central"`
	Ties         []Tie                `json:"ties"`
	Windows      map[string][]Central `json:"windows"`
}

func nameOf(names map[string]string, k string) string {
	if n := names[k]; n != "" {
		return n
	}
	return k
}

// TopCentral ranks one window's nodes by PageRank.
func TopCentral(r metrics.Result, names map[string]string, top int) []Central {
	nodes := append([]metrics.NodeResult(nil), r.Nodes...)
	sort.SliceStable(nodes, func(i, j int) bool {
		if nodes[i].PageRank != nodes[j].PageRank {
			return nodes[i].PageRank > nodes[j].PageRank
		}
		return nodes[i].ID < nodes[j].ID
	})
	var out []Central
	for i, n := range nodes {
		if i >= top {
			break
		}
		out = append(out, Central{Key: n.ID, Name: nameOf(names, n.ID), Degree: n.Degree, PageRank: float64(n.PageRank),
			Betweenness: float64(n.Betweenness), Community: n.Community})
	}
	return out
}

// Summarize builds the printed summary.
func Summarize(o *Outcome, names map[string]string, top int) Summary {
	s := Summary{RunKey: o.RunKey, GraphVersion: o.GraphVersion, Events: o.Events, Windows: map[string][]Central{}}
	for _, w := range o.Windows {
		if w.Projection != "person" {
			continue
		}
		if w.Label == "all" {
			s.Graph = w.Result.Graph
			s.Central = TopCentral(w.Result, names, top)
		} else {
			s.Windows[w.Label] = TopCentral(w.Result, names, 3)
		}
	}
	dy := append([]metrics.Dyad(nil), o.Dyads...)
	sort.SliceStable(dy, func(i, j int) bool {
		if dy[i].Count != dy[j].Count {
			return dy[i].Count > dy[j].Count
		}
		return dy[i].Strength > dy[j].Strength
	})
	for i, d := range dy {
		if i >= top {
			break
		}
		t := Tie{A: nameOf(names, d.A), B: nameOf(names, d.B), Count: d.Count, First: d.First, Last: d.Last, Strength: d.Strength}
		if c, ok := o.Claims[d.A+"|"+d.B]; ok {
			t.Claimed = c.Value
		}
		s.Ties = append(s.Ties, t)
	}
	return s
}

// PrintText prints the most central actors and the strongest ties.
func PrintText(w io.Writer, o *Outcome, names map[string]string, top int) {
	s := Summarize(o, names, top)
	if s.Graph.Nodes == 0 {
		fmt.Fprintln(w, "The graph holds no dated events with participants yet: load articles first (eventgraph load).")
		return
	}
	fmt.Fprintf(w, "Leader network: %d people, %d ties from %d events; %d components, %d communities (modularity %.3f)\n\n",
		s.Graph.Nodes, s.Graph.Edges, s.Events, s.Graph.Components, s.Graph.Communities, float64(s.Graph.Modularity))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Most central\tpartners\tPageRank\tbetweenness\tcommunity")
	for _, c := range s.Central {
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%d\n", c.Name, c.Degree, c.PageRank, c.Betweenness, c.Community)
	}
	tw.Flush()
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "Strongest ties\tevents\tfirst\tlast\tstrength\tclaimed")
	for _, t := range s.Ties {
		claimed := ""
		if t.Claimed > 0 {
			claimed = fmt.Sprintf("%.0f", t.Claimed)
		}
		fmt.Fprintf(tw, "%s – %s\t%d\t%s\t%s\t%.2f\t%s\n", t.A, t.B, t.Count, t.First, t.Last, t.Strength, claimed)
	}
	tw.Flush()
}
