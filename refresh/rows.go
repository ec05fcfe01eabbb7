package refresh

import (
	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/sink"
)

// rowBuilder adapts the write rows that load and refresh share (sink.Rows).
type rowBuilder struct{ r sink.Rows }

func (b rowBuilder) entityRows(ents []graph.Entity) (persons, places, mentions []map[string]any) {
	return b.r.Entities(ents)
}

func (b rowBuilder) participantRows(events []graph.Event, have map[string]bool) []map[string]any {
	return b.r.Participants(events, have)
}

func (b rowBuilder) eventRow(ev graph.Event, byName map[string]string) map[string]any {
	return b.r.Event(ev, byName)
}

func claimRows(article string, claims []graph.Claim, ents []graph.Entity) []map[string]any {
	return sink.ClaimRows(article, claims, ents)
}
