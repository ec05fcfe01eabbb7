package refresh

// Row builders for the shared write queries (queries/write). They mirror
// loader/sink's unexported builders so that a refresh writes exactly what a
// clean `load` writes; the equivalence property test (refresh vs load)
// guards against drift. If sink ever exports a transaction-level writer,
// this file goes away.

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/kb"
)

type rowBuilder struct{ kb *kb.KB }

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func str(p *string) any {
	if p == nil {
		return nil
	}
	return *p
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

func (b rowBuilder) placeRow(e *kb.Entry) map[string]any {
	var country any
	if c := b.kb.Country(e.Country); c != nil {
		country = c.Key
	}
	return map[string]any{"key": e.Key, "name": e.Name, "country": country, "lat": e.Lat, "lon": e.Lon, "names": flatNames(e)}
}

func (b rowBuilder) personRow(key, name, country string, resolved bool) map[string]any {
	offices := []map[string]any{}
	names := []string{}
	if e := b.kb.Get(key); e != nil && resolved {
		for _, o := range e.Offices {
			if b.kb.Get(o.Of) == nil {
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

// participantRows: people taking part in events who may not be mentioned
// by any article written in this transaction.
func (b rowBuilder) participantRows(events []graph.Event, have map[string]bool) []map[string]any {
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
			resolved := b.kb.Get(key) != nil
			if resolved {
				name = b.kb.Get(key).Name
			}
			rows = append(rows, b.personRow(key, name, "", resolved))
		}
	}
	return rows
}

func (b rowBuilder) entityRows(ents []graph.Entity) (persons, places, mentions []map[string]any) {
	for _, e := range ents {
		switch e.Kind {
		case graph.KindPerson:
			persons = append(persons, b.personRow(e.Key, e.Name, e.Country, e.Resolved))
		case graph.KindPlace:
			if p := b.kb.Get(e.Key); p != nil {
				places = append(places, b.placeRow(p))
			} else {
				places = append(places, map[string]any{"key": e.Key, "name": e.Name, "country": nil, "lat": 0.0, "lon": 0.0, "names": []string{}})
			}
		case graph.KindCountry, graph.KindOrganization:
			if b.kb.Get(e.Key) == nil {
				continue
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

// eventRow is the merge-events row of one corpus event.
func (b rowBuilder) eventRow(ev graph.Event, byName map[string]string) map[string]any {
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
		if c := b.kb.Country(iso); c != nil {
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
