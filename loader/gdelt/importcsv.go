package gdelt

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/loader/kb"
)

// ImportCSV writes GDELT rows as the node and relationship CSV files of
// `neo4j-admin database import full`, the offline initial load for very
// large histories (see docs/scaling.md). The files produce the same graph
// as Writer: same labels, keys, properties and relationships, so Writer
// can keep the imported database up to date afterwards.
//
// Events and their relationships are streamed; actor and place nodes (a
// few thousand to a few million) and the event ids seen (8 bytes each, to
// drop repeated GlobalEventIDs) are kept in memory until Close.
type ImportCSV struct {
	Dir string
	KB  *kb.KB

	files   map[string]*csvFile
	actors  map[string]actorNode
	order   []string
	places  map[string]placeNode
	porder  []string
	seen    map[int64]bool
	counts  ImportCounts
	closed  bool
	failure error
}

// ImportCounts are the rows written per file kind.
type ImportCounts struct {
	Events         int `json:"events"`
	Duplicates     int `json:"duplicates"`
	Actors         int `json:"actors"`
	Places         int `json:"places"`
	Participations int `json:"participations"`
	HeldIn         int `json:"held_in"`
	In             int `json:"in"`
}

type csvFile struct {
	f  *os.File
	bw *bufio.Writer
	w  *csv.Writer
}

// Import file names and headers.
var importHeaders = map[string][]string{
	"events.csv": {"key:ID(Event)", ":LABEL", "source", "category", "cameo", "cameo_base", "cameo_root",
		"quad_class:long", "goldstein:double", "avg_tone:double", "num_mentions:long", "num_sources:long",
		"num_articles:long", "is_root:boolean", "date", "date_added", "url", "place", "country",
		"lat:double", "lon:double", "actor1_code", "actor1_name", "actor2_code", "actor2_name", "participants:string[]"},
	"participated_in.csv": {":START_ID(Actor)", ":END_ID(Event)", "side:long", ":TYPE"},
	"held_in.csv":         {":START_ID(Event)", ":END_ID(Actor)", ":TYPE"},
	"actors.csv":          {"key:ID(Actor)", ":LABEL", "name", "iso3", "acronym", "country", "resolved:boolean"},
	"places.csv":          {"key:ID(Actor)", ":LABEL", "name", "full_name", "lat:double", "lon:double", "feature_id", "source"},
	"in.csv":              {":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"},
}

// NewImportCSV creates the folder and opens the streamed files.
func NewImportCSV(dir string, k *kb.KB) (*ImportCSV, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	x := &ImportCSV{Dir: dir, KB: k, files: map[string]*csvFile{}, actors: map[string]actorNode{},
		places: map[string]placeNode{}, seen: map[int64]bool{}}
	for _, name := range []string{"events.csv", "participated_in.csv", "held_in.csv"} {
		if err := x.open(name); err != nil {
			x.abort()
			return nil, err
		}
	}
	return x, nil
}

func (x *ImportCSV) open(name string) error {
	f, err := os.Create(filepath.Join(x.Dir, name))
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	x.files[name] = &csvFile{f: f, bw: bw, w: w}
	return w.Write(importHeaders[name])
}

func (x *ImportCSV) abort() {
	for _, f := range x.files {
		f.f.Close()
	}
}

func (x *ImportCSV) write(name string, rec []string) {
	if x.failure == nil {
		x.failure = x.files[name].w.Write(rec)
	}
}

// arrayItem keeps a value from splitting an import array (delimiter ';').
func arrayItem(s string) string { return strings.ReplaceAll(s, ";", ",") }

func fstr(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Add writes one row (a repeated GlobalEventID is skipped).
func (x *ImportCSV) Add(r *Row) error {
	if x.closed {
		return fmt.Errorf("import csv: closed")
	}
	if x.seen[r.GlobalEventID] {
		x.counts.Duplicates++
		return nil
	}
	x.seen[r.GlobalEventID] = true
	x.counts.Events++
	g := &r.ActionGeo
	var lat, lon string
	if g.HasLatLong {
		lat, lon = fstr(g.Lat), fstr(g.Long)
	}
	var names []string
	for _, a := range []*Actor{&r.Actor1, &r.Actor2} {
		if a.Name != "" {
			names = append(names, arrayItem(a.Name))
		}
	}
	key := EventKey(r.GlobalEventID)
	x.write("events.csv", []string{key, "Event", "gdelt", Category(r.EventCode), r.EventCode, r.EventBaseCode, r.EventRootCode,
		strconv.Itoa(r.QuadClass), fstr(r.Goldstein), fstr(r.AvgTone), strconv.Itoa(r.NumMentions), strconv.Itoa(r.NumSources),
		strconv.Itoa(r.NumArticles), strconv.FormatBool(r.IsRootEvent), r.Date, r.DateAdded, r.SourceURL, g.FullName, g.ISO3,
		lat, lon, r.Actor1.Code, r.Actor1.Name, r.Actor2.Code, r.Actor2.Name, strings.Join(names, ";")})
	for _, p := range participations(r) {
		x.write("participated_in.csv", []string{p.Key, key, strconv.Itoa(p.Side), "PARTICIPATED_IN"})
		x.counts.Participations++
	}
	for _, a := range rowActors(r, x.KB) {
		if _, ok := x.actors[a.Key]; !ok {
			x.actors[a.Key] = a
			x.order = append(x.order, a.Key)
		}
	}
	if pl, ok := rowPlace(r); ok {
		x.write("held_in.csv", []string{key, pl.Key, "HELD_IN"})
		x.counts.HeldIn++
		if _, ok := x.places[pl.Key]; !ok {
			x.places[pl.Key] = pl
			x.porder = append(x.porder, pl.Key)
		}
	}
	return x.failure
}

// Close writes the actor and place files and flushes everything.
func (x *ImportCSV) Close() (ImportCounts, error) {
	if x.closed {
		return x.counts, x.failure
	}
	x.closed = true
	for _, name := range []string{"actors.csv", "places.csv", "in.csv"} {
		if err := x.open(name); err != nil && x.failure == nil {
			x.failure = err
		}
	}
	if x.failure == nil {
		labels := map[string]string{"country": "Country;Actor", "organization": "Organization;Actor", "person": "Person;Actor"}
		for _, k := range x.order {
			a := x.actors[k]
			rec := []string{a.Key, labels[a.Kind], a.Name, "", "", "", ""}
			switch a.Kind {
			case "country":
				rec[3] = a.Code
			case "organization":
				rec[4] = a.Code
			case "person":
				rec[5], rec[6] = a.Code, "true"
			}
			x.write("actors.csv", rec)
		}
		for _, k := range x.porder {
			p := x.places[k]
			var lat, lon string
			if p.Lat != nil {
				lat, lon = fstr(p.Lat.(float64)), fstr(p.Lon.(float64))
			}
			x.write("places.csv", []string{p.Key, "Place;Actor", p.Name, p.FullName, lat, lon, p.FeatureID, "gdelt"})
			if p.Country != "" {
				x.write("in.csv", []string{p.Key, p.Country, "IN"})
				x.counts.In++
			}
		}
		x.counts.Actors, x.counts.Places = len(x.order), len(x.porder)
	}
	for _, f := range x.files {
		f.w.Flush()
		if err := f.w.Error(); err != nil && x.failure == nil {
			x.failure = err
		}
		if err := f.bw.Flush(); err != nil && x.failure == nil {
			x.failure = err
		}
		if err := f.f.Close(); err != nil && x.failure == nil {
			x.failure = err
		}
	}
	return x.counts, x.failure
}

// AdminArgs are the arguments of `neo4j-admin` that import the files into
// database (which must not exist or is overwritten; the server must be
// stopped or the database offline). Create eventgraph's constraints after
// the import (eventgraph does it on its first write, or `eventgraph
// schema`).
func (x *ImportCSV) AdminArgs(database string) []string {
	p := func(n string) string { return filepath.Join(x.Dir, n) }
	return []string{"database", "import", "full", database,
		"--nodes=" + p("actors.csv"), "--nodes=" + p("places.csv"), "--nodes=" + p("events.csv"),
		"--relationships=" + p("participated_in.csv"), "--relationships=" + p("held_in.csv"), "--relationships=" + p("in.csv"),
		"--overwrite-destination=true", "--report-file=" + p("import.report")}
}
