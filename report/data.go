// Package report renders what the event graph means: an offline HTML page,
// Markdown with SVG pictures, and GraphML, GEXF and CSV exports.
package report

// Data is everything a report shows. It is collected from Neo4j (see
// collect.go) or built by tests; rendering is pure.
type Data struct {
	Title     string   `json:"title"`
	Generated string   `json:"generated"`       // RFC 3339
	Window    string   `json:"window"`          // "all", a year, or a rolling window label
	Focus     []string `json:"focus,omitempty"` // person names the user asked to focus on
	Figures   Figures  `json:"figures"`
	// The leader network: people and their co-participation ties.
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
	// Countries and organizations (for exports and membership tables).
	Countries     []Node          `json:"countries,omitempty"`
	CountryEdges  []Edge          `json:"country_edges,omitempty"`
	EventsPerYear []YearCount     `json:"events_per_year"`
	Dyads         []DyadPanel     `json:"dyads"`
	Communities   []Community     `json:"communities"`
	Memberships   []Membership    `json:"memberships"`
	Events        []EventRef      `json:"events"`
	Claims        []ClaimRef      `json:"claims"`
	Analysis      *AnalysisRunRef `json:"analysis,omitempty"`
}

// Figures are the headline numbers.
type Figures struct {
	Articles      int            `json:"articles"`
	Events        int            `json:"events"`
	People        int            `json:"people"`
	Countries     int            `json:"countries"`
	Organizations int            `json:"organizations"`
	Sources       int            `json:"sources"` // REPORTS relationships
	FirstDate     string         `json:"first_date"`
	LastDate      string         `json:"last_date"`
	Languages     map[string]int `json:"languages"`
}

// Node is a person (or country) with its metrics.
type Node struct {
	Key         string  `json:"key"`
	Name        string  `json:"name"`
	Kind        string  `json:"kind"`              // person, country, organization
	Country     string  `json:"country,omitempty"` // ISO3
	Office      string  `json:"office,omitempty"`
	Events      int     `json:"events"`
	Degree      float64 `json:"degree"`
	Strength    float64 `json:"strength"`
	PageRank    float64 `json:"pagerank"`
	Betweenness float64 `json:"betweenness"`
	Eigenvector float64 `json:"eigenvector"`
	Closeness   float64 `json:"closeness"`
	Community   int     `json:"community"` // -1 when unknown
}

// Edge is a tie between two nodes (keys).
type Edge struct {
	A        string  `json:"a"`
	B        string  `json:"b"`
	Count    int     `json:"count"`    // shared events
	Weight   float64 `json:"weight"`   // projection weight
	Strength float64 `json:"strength"` // recency-weighted tie strength
	First    string  `json:"first"`
	Last     string  `json:"last"`
}

// YearCount is the number of events in a year, by category.
type YearCount struct {
	Year       int            `json:"year"`
	Count      int            `json:"count"`
	ByCategory map[string]int `json:"by_category"`
}

// DyadPanel is one of the strongest relationships, with its meetings over
// the years against the counts articles claim.
type DyadPanel struct {
	A           string      `json:"a"`
	B           string      `json:"b"`
	AKey        string      `json:"a_key"`
	BKey        string      `json:"b_key"`
	Count       int         `json:"count"`
	First       string      `json:"first"`
	Last        string      `json:"last"`
	PerYear     map[int]int `json:"per_year"`
	MeanGapDays float64     `json:"mean_gap_days"`
	Strength    float64     `json:"strength"`
	Bilateral   float64     `json:"share_bilateral"`
	Claims      []ClaimRef  `json:"claims"`
	Events      []string    `json:"events"` // event keys, in date order
}

// Community is a Louvain community.
type Community struct {
	ID      int      `json:"id"`
	Members []string `json:"members"` // names, most central first
}

// Membership lists an organization's member countries.
type Membership struct {
	Org     string   `json:"org"` // acronym or name
	Key     string   `json:"key"`
	Members []string `json:"members"` // country names
}

// EventRef is one event with its sources.
type EventRef struct {
	Key          string      `json:"key"`
	Date         string      `json:"date"`
	DateEnd      string      `json:"date_end,omitempty"`
	Category     string      `json:"category"`
	Status       string      `json:"status"`
	Place        string      `json:"place,omitempty"`
	Country      string      `json:"country,omitempty"`
	Organization string      `json:"organization,omitempty"`
	Participants []string    `json:"participants"`
	Sources      []SourceRef `json:"sources"`
}

// SourceRef is an article sentence that reports a fact.
type SourceRef struct {
	Article   string `json:"article"` // article key
	Title     string `json:"title"`
	Path      string `json:"path"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Sentence  string `json:"sentence"`
}

// ClaimRef is a figure an article asserts, against what the graph holds.
type ClaimRef struct {
	Subject   []string  `json:"subject"`
	Kind      string    `json:"kind"`
	Value     float64   `json:"value"`
	Qualifier string    `json:"qualifier,omitempty"`
	AsOf      string    `json:"as_of,omitempty"`
	Observed  int       `json:"observed"` // events in the graph up to AsOf (-1 unknown)
	Source    SourceRef `json:"source"`
}

// AnalysisRunRef describes the analysis the metrics come from.
type AnalysisRunRef struct {
	At           string `json:"at"`
	GraphVersion string `json:"graph_version"`
	Params       string `json:"params"`
}
