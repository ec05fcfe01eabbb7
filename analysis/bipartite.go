package analysis

import (
	"context"
	"fmt"

	"github.com/eventgraph/eventgraph/graph/metrics"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// LeaderEvent is the bipartite leader–event graph: an edge from each person
// to each event they took part in (node ids are the keys, which carry their
// kind as prefix: person:…, ev:…).
func LeaderEvent(events []Event) *metrics.Graph {
	g := metrics.NewGraph(false)
	for _, e := range events {
		for _, p := range e.People {
			_ = g.AddEdge(p, e.Key, 1, metrics.SumDuplicates)
		}
	}
	return g
}

// Membership is a country's membership of an organization.
type Membership struct{ Country, Org string }

// CountryOrganization is the bipartite country–organization graph of
// current memberships.
func CountryOrganization(ms []Membership) *metrics.Graph {
	g := metrics.NewGraph(false)
	for _, m := range ms {
		_ = g.AddEdge(m.Country, m.Org, 1, metrics.LastDuplicate)
	}
	return g
}

// ReadMemberships reads current full memberships from Neo4j.
func ReadMemberships(ctx context.Context, d neo4j.DriverWithContext, db string) ([]Membership, error) {
	res, err := neo4j.ExecuteQuery(ctx, d, `MATCH (c:Country)-[m:MEMBER_OF]->(o:Organization)
		WHERE m.status = 'member' AND (m.until = '' OR m.until IS NULL)
		RETURN DISTINCT c.key AS c, o.key AS o ORDER BY c, o`, nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return nil, fmt.Errorf("read memberships: %w", err)
	}
	out := make([]Membership, 0, len(res.Records))
	for _, r := range res.Records {
		c, _ := r.Get("c")
		o, _ := r.Get("o")
		out = append(out, Membership{Country: c.(string), Org: o.(string)})
	}
	return out, nil
}
