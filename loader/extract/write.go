package extract

import (
	"bufio"
	"encoding/json"
	"io"
	"sort"

	"github.com/eventgraph/eventgraph/graph"
)

// Write emits the contract records as JSON Lines: the articles (by path,
// then id), their entities, the merged events, then the claims.
// The output depends only on the inputs, not on their order.
func Write(w io.Writer, results []*Result, events []graph.Event) error {
	rs := make([]*Result, 0, len(results))
	for _, r := range results {
		if r != nil {
			rs = append(rs, r)
		}
	}
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].Article.Path != rs[j].Article.Path {
			return rs[i].Article.Path < rs[j].Article.Path
		}
		return rs[i].Article.ID < rs[j].Article.ID
	})
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, r := range rs {
		a := r.Article
		a.Type = graph.TypeArticle
		if err := enc.Encode(a); err != nil {
			return err
		}
	}
	for _, r := range rs {
		for _, e := range r.Entities {
			e.Type = graph.TypeEntity
			if e.Mentions == nil {
				e.Mentions = []graph.Mention{}
			}
			if err := enc.Encode(e); err != nil {
				return err
			}
		}
	}
	for _, e := range events {
		e.Type = graph.TypeEvent
		if e.Participants == nil {
			e.Participants = []string{}
		}
		if e.ParticipantCountries == nil {
			e.ParticipantCountries = []string{}
		}
		if e.Sources == nil {
			e.Sources = []graph.Source{}
		}
		if err := enc.Encode(e); err != nil {
			return err
		}
	}
	for _, r := range rs {
		for _, c := range r.Claims {
			c.Type = graph.TypeClaim
			if c.Subject == nil {
				c.Subject = []string{}
			}
			if err := enc.Encode(c); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}
