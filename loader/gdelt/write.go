package gdelt

import (
	"context"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/eventgraph/eventgraph/loader/kb"
	"github.com/eventgraph/eventgraph/loader/sink"
	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Writer writes GDELT rows to Neo4j with the bulk write path:
//
//  1. constraints (queries/schema, once per Writer);
//  2. nodes: the actors the rows refer to, deduplicated in Go
//     (gdelt-merge-actors), then the cities with their IN country
//     (gdelt-merge-places, partitioned by country so that no two workers
//     lock the same country);
//  3. events with their PARTICIPATED_IN and HELD_IN relationships
//     (gdelt-merge-events), partitioned by place; a new event's
//     relationships are CREATEd, an existing event's MERGEd. CREATE takes
//     only shared locks on dense nodes (countries), so the workers share
//     them without waiting; a deadlock on a sparse actor node is possible
//     and retried by the driver (Retries counts them).
//
// Every statement MERGEs on a constrained key, so writing the same rows
// again changes nothing, and a batch retried by the driver is harmless.
type Writer struct {
	Driver    neo4j.DriverWithContext
	Database  string
	BatchSize int    // rows per transaction (default DefaultBatchSize)
	Workers   int    // concurrent transactions (default DefaultWorkers)
	KB        *kb.KB // names of the actor nodes (optional)
	// SkipSchema: constraints are known to exist.
	SkipSchema bool

	mu         sync.Mutex
	schemaDone bool
	bulk       *BulkWriter
}

// WriteStats counts what Write sent.
type WriteStats struct {
	Events     int `json:"events"`
	Duplicates int `json:"duplicates"` // rows whose GlobalEventID repeated an earlier row of the same call
	Actors     int `json:"actors"`
	Places     int `json:"places"`
	Parts      int `json:"participations"`
	// PhaseSeconds is the wall time of each write phase (statement name).
	PhaseSeconds map[string]float64 `json:"phase_seconds,omitempty"`
}

func (w *Writer) bulkWriter() *BulkWriter {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.bulk == nil {
		w.bulk = &BulkWriter{Driver: w.Driver, Database: w.Database, BatchSize: w.BatchSize, Workers: w.Workers}
	}
	return w.bulk
}

// Retries is how many batch transactions the driver retried.
func (w *Writer) Retries() int64 { return w.bulkWriter().Retries() }

// EnsureSchema creates eventgraph's constraints and indexes (idempotent).
func (w *Writer) EnsureSchema(ctx context.Context) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.SkipSchema || w.schemaDone {
		return nil
	}
	if err := (&sink.Sink{Driver: w.Driver, Database: w.Database}).EnsureSchema(ctx); err != nil {
		return err
	}
	w.schemaDone = true
	return nil
}

// Write writes the rows (see Writer). Rows must already carry their
// knowledge-base keys (Read with Options.KB does that).
func (w *Writer) Write(ctx context.Context, rows []Row) error {
	_, err := w.WriteStats(ctx, rows)
	return err
}

// WriteStats is Write returning what was sent.
func (w *Writer) WriteStats(ctx context.Context, rows []Row) (WriteStats, error) {
	var ws WriteStats
	if err := w.EnsureSchema(ctx); err != nil {
		return ws, err
	}
	p := prepare(rows, w.KB)
	ws = p.stats
	b := w.bulkWriter()
	phases := []Phase{
		{Name: "gdelt-merge-actors", Query: queries.Get("gdelt-merge-actors"), N: len(p.actors),
			Row: func(i int) map[string]any { return p.actors[i].params() }},
		{Name: "gdelt-merge-places", Query: queries.Get("gdelt-merge-places"), N: len(p.places),
			Row:       func(i int) map[string]any { return p.places[i].params() },
			Partition: func(i int) string { return p.places[i].Country }},
		{Name: "gdelt-merge-events", Query: queries.Get("gdelt-merge-events"), N: len(p.events),
			Row:       func(i int) map[string]any { return eventParams(p.events[i]) },
			Partition: func(i int) string { return p.events[i].ActionGeo.PlaceKey }},
	}
	ws.PhaseSeconds = map[string]float64{}
	for _, ph := range phases {
		t := time.Now()
		if err := b.Run(ctx, ph); err != nil {
			return ws, err
		}
		ws.PhaseSeconds[ph.Name] = time.Since(t).Seconds()
	}
	return ws, nil
}

// Ingest streams a GDELT file into Neo4j: Read, then Write in chunks of
// chunk rows (default 50,000), so memory stays bounded by the chunk.
func Ingest(ctx context.Context, w *Writer, r io.Reader, name string, opt Options, chunk int) (Stats, error) {
	if chunk <= 0 {
		chunk = 50000
	}
	if opt.KB == nil {
		opt.KB = w.KB
	}
	buf := make([]Row, 0, min(chunk, 4096))
	flush := func() error {
		if len(buf) == 0 {
			return nil
		}
		err := w.Write(ctx, buf)
		buf = buf[:0]
		return err
	}
	st, err := Read(ctx, r, name, opt, func(row Row) error {
		buf = append(buf, row)
		if len(buf) >= chunk {
			return flush()
		}
		return nil
	})
	if err != nil {
		return st, err
	}
	return st, flush()
}

// actorNode is a knowledge-base actor an event refers to.
type actorNode struct {
	Key, Kind, Name, Code string
}

func (a actorNode) params() map[string]any {
	return map[string]any{"key": a.Key, "kind": a.Kind, "name": a.Name, "code": nilIfEmpty(a.Code)}
}

type placeNode struct {
	Key, Name, FullName, FeatureID, Country string
	Lat, Lon                                any
}

func (p placeNode) params() map[string]any {
	return map[string]any{"key": p.Key, "name": p.Name, "full_name": p.FullName, "lat": p.Lat, "lon": p.Lon,
		"feature_id": p.FeatureID, "country": nilIfEmpty(p.Country)}
}

type prepared struct {
	events []*Row
	actors []actorNode
	places []placeNode
	stats  WriteStats
}

// prepare deduplicates events by GlobalEventID (first wins) and collects
// the actor and place nodes.
func prepare(rows []Row, k *kb.KB) prepared {
	var p prepared
	seenEv := make(map[int64]bool, len(rows))
	seenActor := map[string]bool{}
	seenPlace := map[string]bool{}
	for i := range rows {
		r := &rows[i]
		if seenEv[r.GlobalEventID] {
			p.stats.Duplicates++
			continue
		}
		seenEv[r.GlobalEventID] = true
		p.events = append(p.events, r)
		for _, a := range rowActors(r, k) {
			if !seenActor[a.Key] {
				seenActor[a.Key] = true
				p.actors = append(p.actors, a)
			}
		}
		p.stats.Parts += len(participations(r))
		if pl, ok := rowPlace(r); ok && !seenPlace[pl.Key] {
			seenPlace[pl.Key] = true
			p.places = append(p.places, pl)
		}
	}
	p.stats.Events, p.stats.Actors, p.stats.Places = len(p.events), len(p.actors), len(p.places)
	return p
}

// rowActors lists the actor nodes a row needs: its participants and the
// country of its place.
func rowActors(r *Row, k *kb.KB) []actorNode {
	var out []actorNode
	for _, a := range []*Actor{&r.Actor1, &r.Actor2} {
		if a.CountryKey != "" {
			out = append(out, countryNode(a.CountryKey, k))
		}
		if a.OrgKey != "" {
			out = append(out, orgNode(a.OrgKey, k))
		}
		if a.PersonKey != "" {
			out = append(out, personNode(a.PersonKey, a.Name, a.CountryCode, k))
		}
	}
	if r.ActionGeo.PlaceKey != "" && r.ActionGeo.CountryKey != "" {
		out = append(out, countryNode(r.ActionGeo.CountryKey, k))
	}
	return out
}

func keySuffix(key string) string {
	_, s, _ := strings.Cut(key, ":")
	return s
}

func countryNode(key string, k *kb.KB) actorNode {
	n := actorNode{Key: key, Kind: "country", Name: strings.ToUpper(keySuffix(key)), Code: strings.ToUpper(keySuffix(key))}
	if k != nil {
		if e := k.Get(key); e != nil {
			n.Name, n.Code = e.Name, e.ISO3
		}
	}
	return n
}

func orgNode(key string, k *kb.KB) actorNode {
	n := actorNode{Key: key, Kind: "organization", Name: keySuffix(key), Code: strings.ToUpper(keySuffix(key))}
	if k != nil {
		if e := k.Get(key); e != nil {
			n.Name, n.Code = e.Name, e.Acronym
		}
	}
	return n
}

func personNode(key, gdeltName, country string, k *kb.KB) actorNode {
	n := actorNode{Key: key, Kind: "person", Name: gdeltName, Code: CountryISO3(country)}
	if k != nil {
		if e := k.Get(key); e != nil {
			n.Name, n.Code = e.Name, e.Country
		}
	}
	return n
}

// part is one PARTICIPATED_IN.
type part struct {
	Key  string
	Side int
}

func participations(r *Row) []part {
	var out []part
	for side, a := range []*Actor{&r.Actor1, &r.Actor2} {
		for _, key := range []string{a.CountryKey, a.OrgKey, a.PersonKey} {
			if key == "" {
				continue
			}
			p := part{key, side + 1}
			dup := false
			for _, q := range out {
				dup = dup || q == p
			}
			if !dup {
				out = append(out, p)
			}
		}
	}
	return out
}

func rowPlace(r *Row) (placeNode, bool) {
	g := &r.ActionGeo
	if g.PlaceKey == "" {
		return placeNode{}, false
	}
	name, _, _ := strings.Cut(g.FullName, ",")
	pl := placeNode{Key: g.PlaceKey, Name: strings.TrimSpace(name), FullName: g.FullName, FeatureID: g.FeatureID, Country: g.CountryKey}
	if g.HasLatLong {
		pl.Lat, pl.Lon = g.Lat, g.Long
	}
	return pl, true
}

// EventKey is the key of a GDELT event node.
func EventKey(id int64) string { return "gdelt:" + strconv.FormatInt(id, 10) }

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// eventParams is the parameter map of gdelt-merge-events for one row.
func eventParams(r *Row) map[string]any {
	g := &r.ActionGeo
	var lat, lon any
	if g.HasLatLong {
		lat, lon = g.Lat, g.Long
	}
	names := []string{}
	for _, a := range []*Actor{&r.Actor1, &r.Actor2} {
		if a.Name != "" {
			names = append(names, a.Name)
		}
	}
	ps := participations(r)
	parts := make([]map[string]any, len(ps))
	for i, p := range ps {
		parts[i] = map[string]any{"key": p.Key, "side": p.Side}
	}
	return map[string]any{
		"key": EventKey(r.GlobalEventID), "category": Category(r.EventCode), "cameo": r.EventCode,
		"cameo_base": r.EventBaseCode, "cameo_root": r.EventRootCode, "quad_class": r.QuadClass,
		"goldstein": r.Goldstein, "avg_tone": r.AvgTone, "num_mentions": r.NumMentions,
		"num_sources": r.NumSources, "num_articles": r.NumArticles, "is_root": r.IsRootEvent,
		"date": r.Date, "date_added": nilIfEmpty(r.DateAdded), "url": nilIfEmpty(r.SourceURL),
		"place": nilIfEmpty(g.FullName), "country": nilIfEmpty(g.ISO3), "lat": lat, "lon": lon,
		"actor1_code": nilIfEmpty(r.Actor1.Code), "actor1_name": nilIfEmpty(r.Actor1.Name),
		"actor2_code": nilIfEmpty(r.Actor2.Code), "actor2_name": nilIfEmpty(r.Actor2.Name),
		"participants": names, "parts": parts, "place_key": nilIfEmpty(g.PlaceKey),
	}
}

// rowParams is the one-row parameter of the per-row statements (naive
// loop, LOAD CSV): the event plus the actor and place nodes it needs.
func rowParams(r *Row, k *kb.KB) map[string]any {
	m := eventParams(r)
	acts := rowActors(r, k)
	list := make([]map[string]any, len(acts))
	for i, a := range acts {
		list[i] = a.params()
	}
	m["actors"] = list
	if pl, ok := rowPlace(r); ok {
		m["place_node"] = pl.params()
	} else {
		m["place_node"] = nil
	}
	return m
}
