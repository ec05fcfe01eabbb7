package gdelt

import (
	"context"
	"fmt"
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
//     lock the same country); both statements return each node's element
//     id, in the same transaction;
//  3. events with their PARTICIPATED_IN and HELD_IN relationships
//     (gdelt-merge-events), partitioned by place, each batch sent as one
//     list per field and referring to the nodes by element id (checked by
//     key) instead of one index lookup per reference; a new event's
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
	ws.PhaseSeconds = map[string]float64{}
	b := w.bulkWriter()
	// The node statements return each node's element id, so that the event
	// statement finds the nodes by id rather than by one index lookup per
	// reference.
	var mu sync.Mutex
	ids := make(map[string]string, len(p.actors)+len(p.places))
	collect := func(recs []*neo4j.Record) {
		mu.Lock()
		defer mu.Unlock()
		for _, r := range recs {
			k, _ := r.Values[0].(string)
			id, _ := r.Values[1].(string)
			ids[k] = id
		}
	}
	nodes := []Phase{
		{Name: "gdelt-merge-actors", Query: queries.Get("gdelt-merge-actors"), N: len(p.actors),
			Row: func(i int) map[string]any { return p.actors[i].params() }, Collect: collect},
		{Name: "gdelt-merge-places", Query: queries.Get("gdelt-merge-places"), N: len(p.places),
			Row:       func(i int) map[string]any { return p.places[i].params() },
			Partition: func(i int) string { return p.places[i].Country }, Collect: collect},
	}
	for _, ph := range nodes {
		t := time.Now()
		if err := b.Run(ctx, ph); err != nil {
			return ws, err
		}
		ws.PhaseSeconds[ph.Name] = time.Since(t).Seconds()
	}
	for _, a := range p.actors {
		if ids[a.Key] == "" {
			return ws, fmt.Errorf("gdelt-merge-actors: no node id returned for %s", a.Key)
		}
	}
	for _, pl := range p.places {
		if ids[pl.Key] == "" {
			return ws, fmt.Errorf("gdelt-merge-places: no node id returned for %s", pl.Key)
		}
	}
	events := Phase{Name: "gdelt-merge-events", Query: queries.Get("gdelt-merge-events"), N: len(p.events),
		Batch:     func(idx []int) map[string]any { return map[string]any{"cols": eventColumns(p.events, idx, ids)} },
		Partition: func(i int) string { return p.events[i].ActionGeo.PlaceKey }}
	t := time.Now()
	if err := b.Run(ctx, events); err != nil {
		return ws, err
	}
	ws.PhaseSeconds[events.Name] = time.Since(t).Seconds()
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

// eventParams is one event's row map: the per-row statements' (rowParams)
// event part, and what gdelt-merge-events rebuilds from eventColumns.
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

// eventColumns is the $cols parameter of gdelt-merge-events for the events
// evs[i], i in idx: the fields of eventParams, one list per field, plus the
// element ids (ids, returned by the node statements) of the participants and the place.
func eventColumns(evs []*Row, idx []int, ids map[string]string) map[string]any {
	n := len(idx)
	strs := func() []string { return make([]string, n) }
	nullable := func() []any { return make([]any, n) }
	ints := func() []int64 { return make([]int64, n) }
	key, category, cameo, cameoBase, cameoRoot, date := strs(), strs(), strs(), strs(), strs(), strs()
	quadClass, numMentions, numSources, numArticles := ints(), ints(), ints(), ints()
	goldstein, avgTone := make([]float64, n), make([]float64, n)
	isRoot := make([]bool, n)
	dateAdded, url, place, country, lat, lon := nullable(), nullable(), nullable(), nullable(), nullable(), nullable()
	a1code, a1name, a2code, a2name := nullable(), nullable(), nullable(), nullable()
	participants, partKey, partSide, partID := nullable(), nullable(), nullable(), nullable()
	placeKey, placeID := nullable(), nullable()
	for j, i := range idx {
		r := evs[i]
		g := &r.ActionGeo
		key[j], category[j], cameo[j] = EventKey(r.GlobalEventID), Category(r.EventCode), r.EventCode
		cameoBase[j], cameoRoot[j], date[j] = r.EventBaseCode, r.EventRootCode, r.Date
		quadClass[j], numMentions[j] = int64(r.QuadClass), int64(r.NumMentions)
		numSources[j], numArticles[j] = int64(r.NumSources), int64(r.NumArticles)
		goldstein[j], avgTone[j], isRoot[j] = r.Goldstein, r.AvgTone, r.IsRootEvent
		dateAdded[j], url[j] = nilIfEmpty(r.DateAdded), nilIfEmpty(r.SourceURL)
		place[j], country[j] = nilIfEmpty(g.FullName), nilIfEmpty(g.ISO3)
		if g.HasLatLong {
			lat[j], lon[j] = g.Lat, g.Long
		}
		a1code[j], a1name[j] = nilIfEmpty(r.Actor1.Code), nilIfEmpty(r.Actor1.Name)
		a2code[j], a2name[j] = nilIfEmpty(r.Actor2.Code), nilIfEmpty(r.Actor2.Name)
		names := []string{}
		for _, a := range []*Actor{&r.Actor1, &r.Actor2} {
			if a.Name != "" {
				names = append(names, a.Name)
			}
		}
		participants[j] = names
		ps := participations(r)
		pk, side, pid := make([]string, len(ps)), make([]int64, len(ps)), make([]string, len(ps))
		for x, p := range ps {
			pk[x], side[x], pid[x] = p.Key, int64(p.Side), ids[p.Key]
		}
		partKey[j], partSide[j], partID[j] = pk, side, pid
		if g.PlaceKey != "" {
			placeKey[j], placeID[j] = g.PlaceKey, ids[g.PlaceKey]
		}
	}
	return map[string]any{
		"key": key, "category": category, "cameo": cameo, "cameo_base": cameoBase, "cameo_root": cameoRoot,
		"quad_class": quadClass, "goldstein": goldstein, "avg_tone": avgTone, "num_mentions": numMentions,
		"num_sources": numSources, "num_articles": numArticles, "is_root": isRoot, "date": date,
		"date_added": dateAdded, "url": url, "place": place, "country": country, "lat": lat, "lon": lon,
		"actor1_code": a1code, "actor1_name": a1name, "actor2_code": a2code, "actor2_name": a2name,
		"participants": participants, "part_key": partKey, "part_side": partSide, "part_id": partID,
		"place_key": placeKey, "place_id": placeID,
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
