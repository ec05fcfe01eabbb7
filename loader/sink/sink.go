// Package sink writes eventgraph's facts to Neo4j in batched, idempotent
// UNWIND … MERGE statements, every statement a named file of package
// queries.
package sink

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/kb"
	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Sink writes to one Neo4j database.
type Sink struct {
	Driver    neo4j.DriverWithContext
	Database  string
	BatchSize int
	KB        *kb.KB
}

// ArticleFacts are the facts one article contributes, written in one
// transaction: the article, its mentions, the events it reports (with their
// corpus-level properties) and its claims.
type ArticleFacts struct {
	Article  graph.Article
	Entities []graph.Entity
	Events   []graph.Event // events this article reports; Sources may include other articles' sentences
	Claims   []graph.Claim
	// Extra, when set, are the article's refresh bookkeeping properties
	// (refresh.ArticleProps), written in the same transaction.
	Extra map[string]any
}

func (s *Sink) batch() int {
	if s.BatchSize <= 0 {
		return 1000
	}
	return s.BatchSize
}

func (s *Sink) session(ctx context.Context) neo4j.SessionWithContext {
	return s.Driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.Database, AccessMode: neo4j.AccessModeWrite})
}

// EnsureSchema creates constraints and indexes (idempotent).
func (s *Sink) EnsureSchema(ctx context.Context) error {
	sess := s.session(ctx)
	defer sess.Close(ctx)
	for _, stmt := range queries.Statements(queries.Get("schema")) {
		if _, err := sess.Run(ctx, stmt, nil); err != nil {
			return fmt.Errorf("schema: %s: %w", firstLine(stmt), err)
		}
	}
	_, err := sess.Run(ctx, "CALL db.awaitIndexes(300)", nil)
	return err
}

func firstLine(s string) string {
	l, _, _ := strings.Cut(s, "\n")
	return l
}

// runBatches runs a named write query over rows in batches inside one
// transaction function (retried by the driver; the writes are idempotent).
func runBatches(ctx context.Context, tx neo4j.ManagedTransaction, name string, rows []map[string]any, size int, extra map[string]any) error {
	q := queries.Get(name)
	for i := 0; i < len(rows); i += size {
		j := min(i+size, len(rows))
		params := map[string]any{"rows": rows[i:j]}
		for k, v := range extra {
			params[k] = v
		}
		res, err := tx.Run(ctx, q, params)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if _, err := res.Consume(ctx); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// writeRows writes rows of one query, each batch in its own transaction.
func (s *Sink) writeRows(ctx context.Context, name string, rows []map[string]any) error {
	sess := s.session(ctx)
	defer sess.Close(ctx)
	size := s.batch()
	for i := 0; i < len(rows); i += size {
		part := rows[i:min(i+size, len(rows))]
		if _, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			return nil, runBatches(ctx, tx, name, part, size, nil)
		}); err != nil {
			return err
		}
	}
	return nil
}

// WriteReference writes the knowledge base's countries, organizations,
// places and memberships (idempotent; people are written when mentioned).
func (s *Sink) WriteReference(ctx context.Context) error {
	var countries, orgs, places, members []map[string]any
	s.KB.Entries(func(e *kb.Entry) {
		switch e.Kind {
		case kb.KindCountry:
			countries = append(countries, map[string]any{"key": e.Key, "name": e.Name, "iso3": e.ISO3,
				"names": flatNames(e), "lat": e.Lat, "lon": e.Lon, "sources": nonNil(e.Sources)})
		case kb.KindOrganization:
			orgs = append(orgs, map[string]any{"key": e.Key, "name": e.Name, "acronym": e.Acronym,
				"names": flatNames(e), "sources": nonNil(e.Sources)})
		case kb.KindPlace:
			places = append(places, placeRow(s.KB, e))
		}
		for _, m := range e.Memberships {
			status := m.Status
			if status == "" {
				status = "member"
			}
			members = append(members, map[string]any{"country": e.Key, "org": m.Org, "since": m.Since,
				"until": m.Until, "status": status, "source": m.Source})
		}
	})
	for _, step := range []struct {
		name string
		rows []map[string]any
	}{{"merge-countries", countries}, {"merge-organizations", orgs}, {"merge-places", places}, {"merge-memberships", members}} {
		if err := s.writeRows(ctx, step.name, step.rows); err != nil {
			return fmt.Errorf("reference data: %w", err)
		}
	}
	return nil
}

func placeRow(k *kb.KB, e *kb.Entry) map[string]any {
	var country any
	if c := k.Country(e.Country); c != nil {
		country = c.Key
	}
	return map[string]any{"key": e.Key, "name": e.Name, "country": country, "lat": e.Lat, "lon": e.Lon, "names": flatNames(e)}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func flatNames(e *kb.Entry) []string {
	seen := map[string]bool{}
	var out []string
	langs := make([]string, 0, len(e.Names))
	for l := range e.Names {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	for _, l := range langs {
		for _, n := range e.Names[l] {
			if !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	return nonNil(out)
}

// WriteArticle writes one article's facts in a single transaction: all of
// them or none.
func (s *Sink) WriteArticle(ctx context.Context, f ArticleFacts) error {
	a := f.Article
	art := ArticleRow(a)
	persons, places, mentions := s.entityRows(f.Entities)
	persons = append(persons, s.participantRows(f.Events, f.Entities)...)
	events, reports := eventRows(a.ID, f.Events, f.Entities, s.KB)
	claims := claimRows(a.ID, f.Claims, f.Entities)
	size := s.batch()
	sess := s.session(ctx)
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		steps := []struct {
			name  string
			rows  []map[string]any
			extra map[string]any
		}{
			{"merge-article", []map[string]any{art}, nil},
			{"merge-persons", persons, nil},
			{"merge-places", places, nil},
			{"merge-mentions", mentions, map[string]any{"article": a.ID}},
			{"merge-events", events, nil},
			{"merge-reports", reports, map[string]any{"article": a.ID}},
			{"merge-claims", claims, map[string]any{"article": a.ID}},
		}
		for _, st := range steps {
			if len(st.rows) == 0 {
				continue
			}
			if err := runBatches(ctx, tx, st.name, st.rows, size, st.extra); err != nil {
				return nil, err
			}
		}
		if f.Extra != nil {
			res, err := tx.Run(ctx, queries.Get("refresh-article-extra"), map[string]any{"key": a.ID, "props": f.Extra})
			if err != nil {
				return nil, fmt.Errorf("refresh-article-extra: %w", err)
			}
			if _, err := res.Consume(ctx); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	if err != nil {
		return fmt.Errorf("write article %s (%s): %w", a.Path, a.ID, err)
	}
	return nil
}

// ArticleRow is the merge-article row of an article.
func ArticleRow(a graph.Article) map[string]any {
	return map[string]any{"key": a.ID, "path": a.Path, "title": a.Title, "published": a.Published,
		"language": a.Language, "outlet": a.Outlet, "url": a.URL, "hash": a.Hash, "bytes": a.Bytes}
}

// Rows builds the parameter rows of the write statements from extraction
// records; load and refresh share it.
type Rows struct{ KB *kb.KB }

func (s *Sink) rows() Rows { return Rows{KB: s.KB} }

func (s *Sink) personRow(key, name, country string, resolved bool) map[string]any {
	return s.rows().personRow(key, name, country, resolved)
}

func (s *Sink) participantRows(events []graph.Event, ents []graph.Entity) []map[string]any {
	have := map[string]bool{}
	for _, e := range ents {
		have[e.Key] = true
	}
	return s.rows().Participants(events, have)
}

func (s *Sink) entityRows(ents []graph.Entity) (persons, places, mentions []map[string]any) {
	return s.rows().Entities(ents)
}

func (s Rows) personRow(key, name, country string, resolved bool) map[string]any {
	offices := []map[string]any{}
	names := []string{}
	if e := s.KB.Get(key); e != nil && resolved {
		for _, o := range e.Offices {
			if s.KB.Get(o.Of) == nil {
				continue
			}
			offices = append(offices, map[string]any{"role": o.Role, "title": o.Title, "of": o.Of,
				"from": o.From, "to": o.To, "source": o.Source})
		}
		names = flatNames(e)
		if country == "" {
			country = e.Country
		}
	}
	return map[string]any{"key": key, "name": name, "resolved": resolved, "country": country,
		"names": names, "offices": offices}
}

// Participants covers event participants not in have (merged in from
// other articles), so every PARTICIPATED_IN lands whatever order the
// articles are written in; it adds the keys it covers to have.
func (s Rows) Participants(events []graph.Event, have map[string]bool) []map[string]any {
	var rows []map[string]any
	for _, ev := range events {
		for i, key := range ev.ParticipantKeys {
			if have[key] {
				continue
			}
			have[key] = true
			name := key
			if i < len(ev.Participants) {
				name = ev.Participants[i]
			}
			resolved := s.KB.Get(key) != nil
			if resolved {
				name = s.KB.Get(key).Name
			}
			rows = append(rows, s.personRow(key, name, "", resolved))
		}
	}
	return rows
}

// Entities builds the person, place and mention rows of an article's entities.
func (s Rows) Entities(ents []graph.Entity) (persons, places, mentions []map[string]any) {
	for _, e := range ents {
		switch e.Kind {
		case graph.KindPerson:
			persons = append(persons, s.personRow(e.Key, e.Name, e.Country, e.Resolved))
		case graph.KindPlace:
			if p := s.KB.Get(e.Key); p != nil {
				places = append(places, placeRow(s.KB, p))
			} else {
				places = append(places, map[string]any{"key": e.Key, "name": e.Name, "country": nil, "lat": 0.0, "lon": 0.0, "names": []string{}})
			}
		case graph.KindCountry, graph.KindOrganization:
			if s.KB.Get(e.Key) == nil {
				continue // only knowledge-base countries and organizations are nodes
			}
		}
		spans := make([]int, 0, 2*len(e.Mentions))
		texts := make([]string, 0, len(e.Mentions))
		for _, m := range e.Mentions {
			spans = append(spans, m.Start, m.End)
			texts = append(texts, m.Text)
		}
		mentions = append(mentions, map[string]any{"key": e.Key, "count": len(e.Mentions), "spans": spans,
			"texts": texts, "office": e.Office})
	}
	return persons, places, mentions
}

func str(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

// eventRows builds the event rows and this article's REPORTS rows.
func eventRows(article string, events []graph.Event, ents []graph.Entity, k *kb.KB) (rows, reports []map[string]any) {
	byName := map[string]string{}
	for _, e := range ents {
		if e.Kind == graph.KindPerson {
			byName[e.Name] = e.Key
		}
	}
	r := Rows{KB: k}
	for _, ev := range events {
		rows = append(rows, r.Event(ev, byName))
		for _, src := range ev.Sources {
			if src.Article == article {
				reports = append(reports, map[string]any{"event": ev.Key, "start": src.Start, "end": src.End, "text": src.Text})
			}
		}
	}
	return rows, reports
}

// Event is the merge-events row of one corpus event; byName maps person
// names to keys for events that carry names only.
func (s Rows) Event(ev graph.Event, byName map[string]string) map[string]any {
	keys := ev.ParticipantKeys
	if len(keys) == 0 {
		for _, n := range ev.Participants {
			if key, ok := byName[n]; ok {
				keys = append(keys, key)
			}
		}
	}
	countries := []string{}
	for _, iso := range ev.ParticipantCountries {
		if c := s.KB.Country(iso); c != nil {
			countries = append(countries, c.Key)
		}
	}
	var placeKey, orgKey any
	if ev.PlaceKey != "" {
		placeKey = ev.PlaceKey
	}
	if ev.OrganizationKey != "" {
		orgKey = ev.OrganizationKey
	}
	return map[string]any{
		"key": ev.Key, "category": ev.Category, "cameo": ev.Cameo, "date": str(ev.Date), "date_end": str(ev.DateEnd),
		"status": ev.Status, "confidence": ev.Confidence, "place": str(ev.Place), "country": str(ev.Country),
		"organization": str(ev.Organization), "participants": nonNil(keys), "participant_names": nonNil(ev.Participants),
		"countries": countries, "place_key": placeKey, "organization_key": orgKey, "host": ev.Host, "guest": ev.Guest,
		"source": "extract",
	}
}

// ClaimRows builds the claim rows of an article.
func ClaimRows(article string, claims []graph.Claim, ents []graph.Entity) []map[string]any {
	return claimRows(article, claims, ents)
}

func claimRows(article string, claims []graph.Claim, ents []graph.Entity) []map[string]any {
	keyOf := map[string]string{}
	for _, e := range ents {
		keyOf[e.Name] = e.Key
		if e.ISO3 != "" {
			keyOf[e.ISO3] = e.Key
		}
	}
	var rows []map[string]any
	for _, c := range claims {
		sk := c.SubjectKeys
		if len(sk) == 0 {
			for _, s := range c.Subject {
				if k, ok := keyOf[s]; ok {
					sk = append(sk, k)
				}
			}
		}
		h := sha256.Sum256([]byte(fmt.Sprintf("%s|%s|%d|%d", article, c.Kind, c.Start, c.End)))
		rows = append(rows, map[string]any{"key": "claim:" + hex.EncodeToString(h[:8]), "kind": c.Kind, "value": c.Value,
			"qualifier": str(c.Qualifier), "as_of": str(c.AsOf), "year": c.Year, "text": c.Text, "start": c.Start,
			"end": c.End, "subject": nonNil(c.Subject), "subject_keys": nonNil(sk)})
	}
	return rows
}

// Counts are node and relationship totals.
type Counts struct {
	Nodes         int64            `json:"nodes"`
	Relationships int64            `json:"relationships"`
	ByLabel       map[string]int64 `json:"by_label"`
	ByType        map[string]int64 `json:"by_type"`
}

// Count reads the database's counts.
func Count(ctx context.Context, d neo4j.DriverWithContext, db string) (Counts, error) {
	c := Counts{ByLabel: map[string]int64{}, ByType: map[string]int64{}}
	res, err := neo4j.ExecuteQuery(ctx, d, queries.Get("counts"), nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return c, err
	}
	for _, r := range res.Records {
		kind, _ := r.Get("kind")
		name, _ := r.Get("name")
		n, _ := r.Get("n")
		if kind == "node" {
			c.ByLabel[name.(string)] = n.(int64)
		} else {
			c.ByType[name.(string)] = n.(int64)
			c.Relationships += n.(int64)
		}
	}
	res2, err := neo4j.ExecuteQuery(ctx, d, "MATCH (n) RETURN count(n) AS n", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(db), neo4j.ExecuteQueryWithReadersRouting())
	if err != nil {
		return c, err
	}
	if len(res2.Records) > 0 {
		n, _ := res2.Records[0].Get("n")
		c.Nodes = n.(int64)
	}
	return c, nil
}
