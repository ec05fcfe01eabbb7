// Package kb is eventgraph's knowledge base of actors: people with their
// offices, countries with their names, demonyms and memberships,
// organizations and places, in English and French.
//
// The base data is generated from public datasets by the importers under
// loader/kb/importer (see `go generate ./loader/kb`) and embedded in the
// binary; a user overlay (a folder of YAML files) adds or overrides entries
// at run time without rebuilding.
package kb

import (
	"sort"
	"strings"
)

// Kinds of entries.
const (
	KindPerson       = "person"
	KindCountry      = "country"
	KindOrganization = "organization"
	KindPlace        = "place"
)

// Normalized office roles. Title keeps the wording of the source.
const (
	RoleHeadOfState      = "head_of_state"
	RoleHeadOfGovernment = "head_of_government"
	RoleForeignMinister  = "foreign_minister"
	RoleDefenceMinister  = "defence_minister"
	RoleOrgHead          = "org_head" // secretary-general, president of the commission, ...
	RoleOther            = "other"
)

// Entry is one actor or place of the knowledge base.
//
// Keys are stable, lower-case and prefixed by kind:
// "person:vladimir-putin", "country:rus", "org:nato", "place:beijing".
type Entry struct {
	Key     string `json:"key" yaml:"key"`
	Kind    string `json:"kind" yaml:"kind"`
	Name    string `json:"name" yaml:"name"`                           // canonical English name
	ISO3    string `json:"iso3,omitempty" yaml:"iso3,omitempty"`       // countries
	Acronym string `json:"acronym,omitempty" yaml:"acronym,omitempty"` // organizations (usual English acronym or short name)
	// Country is the ISO3 code of a place's country, or a person's
	// nationality (the country whose offices they held).
	Country string `json:"country,omitempty" yaml:"country,omitempty"`
	// Names are surface forms by language ("en", "fr", "any"): full names,
	// transliterations, short forms, acronyms. Matching is case- and
	// accent-insensitive for forms of 4+ letters; shorter forms (acronyms)
	// match case-sensitively.
	Names map[string][]string `json:"names,omitempty" yaml:"names,omitempty"`
	// Surnames: forms that identify a person only inside an article that
	// already named them in full ("Putin", "Poutine", "Xi").
	Surnames []string `json:"surnames,omitempty" yaml:"surnames,omitempty"`
	// Demonyms by language (countries): "Chinese", "chinois", "chinoise", ...
	Demonyms map[string][]string `json:"demonyms,omitempty" yaml:"demonyms,omitempty"`
	// Metonyms by language (countries): capitals or seats of power used for
	// the government ("Beijing", "the Kremlin", "l'Élysée").
	Metonyms map[string][]string `json:"metonyms,omitempty" yaml:"metonyms,omitempty"`
	Capital  string              `json:"capital,omitempty" yaml:"capital,omitempty"` // place key, countries
	Offices  []Office            `json:"offices,omitempty" yaml:"offices,omitempty"`
	// Memberships of a country in organizations.
	Memberships []Membership `json:"memberships,omitempty" yaml:"memberships,omitempty"`
	Lat         float64      `json:"lat,omitempty" yaml:"lat,omitempty"`
	Lon         float64      `json:"lon,omitempty" yaml:"lon,omitempty"`
	Sources     []string     `json:"sources,omitempty" yaml:"sources,omitempty"` // where the entry came from
	Note        string       `json:"note,omitempty" yaml:"note,omitempty"`
	// Wikidata item ids of a person ("Q7747"), when a source gave them.
	Wikidata []string `json:"wikidata,omitempty" yaml:"wikidata,omitempty"`
}

// Office is a position a person held, with ISO dates ("2012-11-15",
// "2012-11", "2012"); an empty To means still in office.
type Office struct {
	Role   string `json:"role" yaml:"role"`
	Title  string `json:"title,omitempty" yaml:"title,omitempty"` // "President", "Prime Minister", "Chancellor"
	Of     string `json:"of" yaml:"of"`                           // country or organization key
	From   string `json:"from,omitempty" yaml:"from,omitempty"`
	To     string `json:"to,omitempty" yaml:"to,omitempty"`
	Source string `json:"source,omitempty" yaml:"source,omitempty"`
	// Approx: From and/or To are the first/last time a source saw the
	// person in office (a snapshot), not the real start or end; the real
	// term may be longer.
	Approx bool `json:"approx,omitempty" yaml:"approx,omitempty"`
}

// Membership of a country in an organization, with ISO dates.
type Membership struct {
	Org    string `json:"org" yaml:"org"`
	Since  string `json:"since,omitempty" yaml:"since,omitempty"`
	Until  string `json:"until,omitempty" yaml:"until,omitempty"`
	Status string `json:"status,omitempty" yaml:"status,omitempty"` // member (default), observer, partner, associate
	Source string `json:"source,omitempty" yaml:"source,omitempty"`
}

// KB is an immutable, indexed set of entries. It is safe for concurrent use.
type KB struct {
	byKey  map[string]*Entry
	byISO3 map[string]*Entry
	keys   []string
}

// New indexes entries. Later entries with the same key override earlier
// ones field by field (see Merge).
func New(entries []Entry) *KB {
	k := &KB{byKey: map[string]*Entry{}, byISO3: map[string]*Entry{}}
	for i := range entries {
		e := entries[i]
		if old, ok := k.byKey[e.Key]; ok {
			merged := Merge(*old, e)
			e = merged
		}
		ee := e
		k.byKey[e.Key] = &ee
	}
	for key, e := range k.byKey {
		k.keys = append(k.keys, key)
		if e.Kind == KindCountry && e.ISO3 != "" {
			k.byISO3[strings.ToUpper(e.ISO3)] = e
		}
	}
	sort.Strings(k.keys)
	return k
}

// Merge overlays o onto base: non-empty scalar fields replace, name lists
// are unioned, offices and memberships of o replace base's when o has any.
func Merge(base, o Entry) Entry {
	if o.Kind != "" {
		base.Kind = o.Kind
	}
	if o.Name != "" {
		base.Name = o.Name
	}
	if o.ISO3 != "" {
		base.ISO3 = o.ISO3
	}
	if o.Acronym != "" {
		base.Acronym = o.Acronym
	}
	if o.Country != "" {
		base.Country = o.Country
	}
	if o.Capital != "" {
		base.Capital = o.Capital
	}
	if o.Lat != 0 || o.Lon != 0 {
		base.Lat, base.Lon = o.Lat, o.Lon
	}
	if o.Note != "" {
		base.Note = o.Note
	}
	base.Names = unionMap(base.Names, o.Names)
	base.Demonyms = unionMap(base.Demonyms, o.Demonyms)
	base.Metonyms = unionMap(base.Metonyms, o.Metonyms)
	base.Surnames = union(base.Surnames, o.Surnames)
	base.Sources = union(base.Sources, o.Sources)
	base.Wikidata = union(base.Wikidata, o.Wikidata)
	if len(o.Offices) > 0 {
		base.Offices = o.Offices
	}
	if len(o.Memberships) > 0 {
		base.Memberships = o.Memberships
	}
	return base
}

func union(a, b []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append(append([]string{}, a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func unionMap(a, b map[string][]string) map[string][]string {
	if len(b) == 0 {
		return a
	}
	out := map[string][]string{}
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = union(out[k], v)
	}
	return out
}

// Get returns the entry with the key, or nil.
func (k *KB) Get(key string) *Entry { return k.byKey[key] }

// Country returns the country with the ISO 3166-1 alpha-3 code, or nil.
func (k *KB) Country(iso3 string) *Entry { return k.byISO3[strings.ToUpper(iso3)] }

// Len is the number of entries.
func (k *KB) Len() int { return len(k.keys) }

// Entries calls fn for every entry in key order.
func (k *KB) Entries(fn func(*Entry)) {
	for _, key := range k.keys {
		fn(k.byKey[key])
	}
}

// HoldersAt returns the people who held role at the organization or
// country `of` on date (ISO, any precision; "" means any time), most
// recent first.
func (k *KB) HoldersAt(role, of, date string) []*Entry {
	type hit struct {
		e    *Entry
		from string
	}
	var hits []hit
	for _, key := range k.keys {
		e := k.byKey[key]
		if e.Kind != KindPerson {
			continue
		}
		found, from := false, ""
		for _, o := range e.Offices {
			if o.Role == role && o.Of == of && Within(date, o.From, o.To) {
				if !found || o.From > from {
					from = o.From
				}
				found = true
			}
		}
		if found {
			hits = append(hits, hit{e, from})
		}
	}
	// most recent first: the latest start first, then by key
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].from > hits[j].from })
	out := make([]*Entry, len(hits))
	for i, h := range hits {
		out[i] = h.e
	}
	return out
}

// OfficesAt returns the offices the person held on date.
func (k *KB) OfficesAt(personKey, date string) []Office {
	e := k.byKey[personKey]
	if e == nil {
		return nil
	}
	var out []Office
	for _, o := range e.Offices {
		if Within(date, o.From, o.To) {
			out = append(out, o)
		}
	}
	return out
}

// MembersAt returns the keys of countries that were members of org on
// date (observers and partners excluded).
func (k *KB) MembersAt(org, date string) []string {
	var out []string
	for _, key := range k.keys {
		e := k.byKey[key]
		for _, m := range e.Memberships {
			if m.Org == org && (m.Status == "" || m.Status == "member") && Within(date, m.Since, m.Until) {
				out = append(out, e.Key)
				break
			}
		}
	}
	return out
}

// Within reports whether the ISO date d (YYYY, YYYY-MM or YYYY-MM-DD) can
// fall in [from, to]; empty bounds are open, an empty d is always within.
// Dates compare by their common prefix, so "2024" is within a term that
// ended "2024-03-01".
func Within(d, from, to string) bool {
	if d == "" {
		return true
	}
	if from != "" && prefixCompare(d, from) < 0 {
		return false
	}
	if to != "" && prefixCompare(d, to) > 0 {
		return false
	}
	return true
}

func prefixCompare(a, b string) int {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	return strings.Compare(a[:n], b[:n])
}
