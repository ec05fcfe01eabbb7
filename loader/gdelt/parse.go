package gdelt

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Row is one GDELT event, parsed and validated. Strings are empty where
// GDELT leaves a field blank (or, in the R re-exports, writes NA).
type Row struct {
	Line          int    // 1-based line in the input
	GlobalEventID int64  // GLOBALEVENTID
	Date          string // SQLDATE as ISO YYYY-MM-DD
	Actor1        Actor
	Actor2        Actor
	IsRootEvent   bool
	EventCode     string // CAMEO, leading zeros kept ("043")
	EventBaseCode string
	EventRootCode string
	QuadClass     int // 1 verbal cooperation … 4 material conflict
	Goldstein     float64
	NumMentions   int
	NumSources    int
	NumArticles   int
	AvgTone       float64
	ActionGeo     Geo
	DateAdded     string // ISO: 2018-01-01T00:00:00Z (GDELT 2.0) or 2016-07-28 (1.0)
	SourceURL     string // empty in GDELT 1.0 back files
}

// Actor is one side of an event, with the knowledge-base keys it maps to
// (empty when unmapped; see Mapper).
type Actor struct {
	Code           string // full CAMEO actor code, "USAGOV"
	Name           string // "UNITED STATES", "VLADIMIR PUTIN"
	CountryCode    string // CAMEO country (ISO-3166 alpha-3 with CAMEO quirks: ROM, TMP, …)
	KnownGroupCode string // NAT, EEC, UNO, …
	EthnicCode     string
	Religion1Code  string
	Religion2Code  string
	Type1Code      string // GOV, MIL, …
	Type2Code      string
	Type3Code      string

	CountryKey string // country:<iso3>, when the knowledge base has the country
	OrgKey     string // org:<slug>, from the known group
	PersonKey  string // person:<slug>, when Name is a knowledge-base person's name
}

// Mapped reports whether the actor resolved to at least one node.
func (a Actor) Mapped() bool { return a.CountryKey != "" || a.OrgKey != "" || a.PersonKey != "" }

// Geo is GDELT's ActionGeo: where the event took place.
type Geo struct {
	Type        int    // 0 none, 1 country, 2 US state, 3 US city, 4 world city, 5 world state
	FullName    string // "Melbourne, Victoria, Australia"
	CountryCode string // FIPS 10-4 ("AS")
	ISO3        string // ISO 3166-1 alpha-3 of CountryCode ("AUS"), "" when unknown
	ADM1Code    string
	ADM2Code    string // GDELT 2.0 only
	Lat, Long   float64
	HasLatLong  bool
	FeatureID   string // GNS/GNIS feature id (a string: "-1586844", "USMO")

	CountryKey string // country:<iso3> when the knowledge base has it
	PlaceKey   string // place:gdelt:<featureid> for cities (types 3 and 4)
}

// column identifiers (canonical, lower-case GDELT names).
const (
	cGlobalEventID = iota
	cSQLDate
	cA1Code
	cA1Name
	cA1Country
	cA1KnownGroup
	cA1Ethnic
	cA1Religion1
	cA1Religion2
	cA1Type1
	cA1Type2
	cA1Type3
	cA2Code
	cA2Name
	cA2Country
	cA2KnownGroup
	cA2Ethnic
	cA2Religion1
	cA2Religion2
	cA2Type1
	cA2Type2
	cA2Type3
	cIsRoot
	cEventCode
	cEventBase
	cEventRoot
	cQuadClass
	cGoldstein
	cNumMentions
	cNumSources
	cNumArticles
	cAvgTone
	cGeoType
	cGeoFullName
	cGeoCountry
	cGeoADM1
	cGeoADM2
	cGeoLat
	cGeoLong
	cGeoFeatureID
	cDateAdded
	cSourceURL
	numCols
)

var colNames = [numCols]string{
	"globaleventid", "sqldate",
	"actor1code", "actor1name", "actor1countrycode", "actor1knowngroupcode", "actor1ethniccode",
	"actor1religion1code", "actor1religion2code", "actor1type1code", "actor1type2code", "actor1type3code",
	"actor2code", "actor2name", "actor2countrycode", "actor2knowngroupcode", "actor2ethniccode",
	"actor2religion1code", "actor2religion2code", "actor2type1code", "actor2type2code", "actor2type3code",
	"isrootevent", "eventcode", "eventbasecode", "eventrootcode", "quadclass", "goldsteinscale",
	"nummentions", "numsources", "numarticles", "avgtone",
	"actiongeo_type", "actiongeo_fullname", "actiongeo_countrycode", "actiongeo_adm1code", "actiongeo_adm2code",
	"actiongeo_lat", "actiongeo_long", "actiongeo_featureid", "dateadded", "sourceurl",
}

// required columns of a file with a header.
var required = []int{cGlobalEventID, cSQLDate, cEventCode, cEventBase, cEventRoot, cQuadClass, cGoldstein,
	cNumMentions, cNumSources, cNumArticles, cAvgTone}

// gdelt2Columns is the 61-column GDELT 2.0 export layout, lower-cased.
var gdelt2Columns = []string{
	"globaleventid", "sqldate", "monthyear", "year", "fractiondate",
	"actor1code", "actor1name", "actor1countrycode", "actor1knowngroupcode", "actor1ethniccode",
	"actor1religion1code", "actor1religion2code", "actor1type1code", "actor1type2code", "actor1type3code",
	"actor2code", "actor2name", "actor2countrycode", "actor2knowngroupcode", "actor2ethniccode",
	"actor2religion1code", "actor2religion2code", "actor2type1code", "actor2type2code", "actor2type3code",
	"isrootevent", "eventcode", "eventbasecode", "eventrootcode", "quadclass", "goldsteinscale",
	"nummentions", "numsources", "numarticles", "avgtone",
	"actor1geo_type", "actor1geo_fullname", "actor1geo_countrycode", "actor1geo_adm1code", "actor1geo_adm2code",
	"actor1geo_lat", "actor1geo_long", "actor1geo_featureid",
	"actor2geo_type", "actor2geo_fullname", "actor2geo_countrycode", "actor2geo_adm1code", "actor2geo_adm2code",
	"actor2geo_lat", "actor2geo_long", "actor2geo_featureid",
	"actiongeo_type", "actiongeo_fullname", "actiongeo_countrycode", "actiongeo_adm1code", "actiongeo_adm2code",
	"actiongeo_lat", "actiongeo_long", "actiongeo_featureid",
	"dateadded", "sourceurl",
}

// layout maps canonical columns to field positions (-1: absent).
type layout struct {
	name         string
	fields       int // exact field count, 0 for header files
	headerFields int // field count of the header line
	idx          [numCols]int
}

func newLayout(name string, fields int, header []string) (*layout, error) {
	l := &layout{name: name, fields: fields}
	for i := range l.idx {
		l.idx[i] = -1
	}
	pos := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if h == "day" {
			h = "sqldate"
		}
		if _, dup := pos[h]; !dup {
			pos[h] = i
		}
	}
	for c, n := range colNames {
		if i, ok := pos[n]; ok {
			l.idx[c] = i
		}
	}
	var missing []string
	for _, c := range required {
		if l.idx[c] < 0 {
			missing = append(missing, colNames[c])
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("header lacks column(s) %s", strings.Join(missing, ", "))
	}
	return l, nil
}

func without(cols []string, drop ...string) []string {
	var out []string
outer:
	for _, c := range cols {
		for _, d := range drop {
			if c == d {
				continue outer
			}
		}
		out = append(out, c)
	}
	return out
}

var (
	// GDELT 2.0 export: 61 columns.
	layoutV2 = mustLayout("GDELT 2.0 export (61 columns)", 61, gdelt2Columns)
	// GDELT 1.0 daily file: the 2.0 layout without the three ADM2 columns.
	layoutV1 = mustLayout("GDELT 1.0 (58 columns)", 58,
		without(gdelt2Columns, "actor1geo_adm2code", "actor2geo_adm2code", "actiongeo_adm2code"))
	// GDELT 1.0 back-file rows: no SOURCEURL.
	layoutV1Short = mustLayout("GDELT 1.0 (57 columns, no SOURCEURL)", 57,
		without(gdelt2Columns, "actor1geo_adm2code", "actor2geo_adm2code", "actiongeo_adm2code", "sourceurl"))
)

func mustLayout(name string, n int, cols []string) *layout {
	if len(cols) != n {
		panic(fmt.Sprintf("layout %s: %d columns, want %d", name, len(cols), n))
	}
	l, err := newLayout(name, n, cols)
	if err != nil {
		panic(err)
	}
	return l
}

// headerlessLayout picks the layout of a tab-separated row by its field
// count.
func headerlessLayout(n int) *layout {
	switch n {
	case 61:
		return layoutV2
	case 58:
		return layoutV1
	case 57:
		return layoutV1Short
	}
	return nil
}

// family groups layouts that may share a file (GDELT 1.0 daily files mix
// 57- and 58-column rows).
func family(l *layout) string {
	if l == layoutV2 {
		return "2.0"
	}
	return "1.0"
}

// ParseLine parses one headerless, tab-separated GDELT row (61 columns:
// GDELT 2.0; 58 or 57: GDELT 1.0) without knowledge-base mapping.
func ParseLine(line string) (Row, error) {
	line = strings.TrimRight(line, "\r\n")
	fields := splitTab(line, nil)
	l := headerlessLayout(len(fields))
	if l == nil {
		return Row{}, fmt.Errorf("%d columns, want 61 (GDELT 2.0) or 58/57 (GDELT 1.0)", len(fields))
	}
	return parseFields(fields, l)
}

func splitTab(line string, buf []string) []string {
	buf = buf[:0]
	for {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			return append(buf, line)
		}
		buf = append(buf, line[:i])
		line = line[i+1:]
	}
}

// splitCSV splits one line of comma-separated values with optional double
// quotes ("" escapes a quote). Unquoted NA is R's missing value and
// becomes "". A quoted field must end at a separator or the line end.
func splitCSV(line string, sep byte, buf []string) ([]string, error) {
	buf = buf[:0]
	i := 0
	for {
		if i < len(line) && line[i] == '"' {
			var b strings.Builder
			j := i + 1
			closed := false
			for j < len(line) {
				c := line[j]
				if c == '"' {
					if j+1 < len(line) && line[j+1] == '"' {
						b.WriteByte('"')
						j += 2
						continue
					}
					closed = true
					j++
					break
				}
				b.WriteByte(c)
				j++
			}
			if !closed {
				return nil, fmt.Errorf("field %d: unterminated quote", len(buf)+1)
			}
			buf = append(buf, b.String())
			if j == len(line) {
				return buf, nil
			}
			if line[j] != sep {
				return nil, fmt.Errorf("field %d: text after closing quote", len(buf))
			}
			i = j + 1
			continue
		}
		k := strings.IndexByte(line[i:], sep)
		f := line[i:]
		if k >= 0 {
			f = line[i : i+k]
		}
		if f == "NA" {
			f = ""
		}
		buf = append(buf, f)
		if k < 0 {
			return buf, nil
		}
		i += k + 1
	}
}

type fieldError struct {
	col    int
	value  string
	reason string
}

func (e *fieldError) Error() string {
	v := e.value
	if len(v) > 40 {
		v = v[:40] + "…"
	}
	return fmt.Sprintf("%s %q: %s", colNames[e.col], v, e.reason)
}

func parseFields(f []string, l *layout) (Row, error) {
	get := func(c int) string {
		i := l.idx[c]
		if i < 0 || i >= len(f) {
			return ""
		}
		return strings.TrimSpace(f[i])
	}
	var r Row
	var err error
	s := get(cGlobalEventID)
	if r.GlobalEventID, err = strconv.ParseInt(s, 10, 64); err != nil || r.GlobalEventID <= 0 {
		return r, &fieldError{cGlobalEventID, s, "not a positive integer"}
	}
	s = get(cSQLDate)
	if r.Date, err = isoDay(s); err != nil {
		return r, &fieldError{cSQLDate, s, err.Error()}
	}
	r.Actor1 = Actor{Code: get(cA1Code), Name: get(cA1Name), CountryCode: get(cA1Country), KnownGroupCode: get(cA1KnownGroup),
		EthnicCode: get(cA1Ethnic), Religion1Code: get(cA1Religion1), Religion2Code: get(cA1Religion2),
		Type1Code: get(cA1Type1), Type2Code: get(cA1Type2), Type3Code: get(cA1Type3)}
	r.Actor2 = Actor{Code: get(cA2Code), Name: get(cA2Name), CountryCode: get(cA2Country), KnownGroupCode: get(cA2KnownGroup),
		EthnicCode: get(cA2Ethnic), Religion1Code: get(cA2Religion1), Religion2Code: get(cA2Religion2),
		Type1Code: get(cA2Type1), Type2Code: get(cA2Type2), Type3Code: get(cA2Type3)}
	switch s = get(cIsRoot); s {
	case "1":
		r.IsRootEvent = true
	case "0", "":
	default:
		return r, &fieldError{cIsRoot, s, "not 0 or 1"}
	}
	r.EventCode, r.EventBaseCode, r.EventRootCode = get(cEventCode), get(cEventBase), get(cEventRoot)
	for _, c := range []struct {
		col  int
		code string
	}{{cEventCode, r.EventCode}, {cEventBase, r.EventBaseCode}, {cEventRoot, r.EventRootCode}} {
		if _, ok := CAMEODescription(c.code); !ok {
			return r, &fieldError{c.col, c.code, "unknown CAMEO event code"}
		}
	}
	if len(r.EventRootCode) != 2 || !strings.HasPrefix(r.EventCode, r.EventRootCode) || !strings.HasPrefix(r.EventBaseCode, r.EventRootCode) {
		return r, &fieldError{cEventRoot, r.EventRootCode, fmt.Sprintf("does not match EventCode %q / EventBaseCode %q", r.EventCode, r.EventBaseCode)}
	}
	s = get(cQuadClass)
	if r.QuadClass, err = strconv.Atoi(s); err != nil || r.QuadClass < 1 || r.QuadClass > 4 {
		return r, &fieldError{cQuadClass, s, "not 1-4"}
	}
	s = get(cGoldstein)
	if r.Goldstein, err = finite(s); err != nil || r.Goldstein < -10 || r.Goldstein > 10 {
		return r, &fieldError{cGoldstein, s, "not a number in [-10, 10]"}
	}
	for _, c := range []struct {
		col int
		dst *int
	}{{cNumMentions, &r.NumMentions}, {cNumSources, &r.NumSources}, {cNumArticles, &r.NumArticles}} {
		s = get(c.col)
		if *c.dst, err = strconv.Atoi(s); err != nil || *c.dst < 0 {
			return r, &fieldError{c.col, s, "not a non-negative integer"}
		}
	}
	s = get(cAvgTone)
	if r.AvgTone, err = finite(s); err != nil {
		return r, &fieldError{cAvgTone, s, "not a number"}
	}
	g := &r.ActionGeo
	if s = get(cGeoType); s != "" {
		if g.Type, err = strconv.Atoi(s); err != nil || g.Type < 0 || g.Type > 5 {
			return r, &fieldError{cGeoType, s, "not 0-5"}
		}
	}
	g.FullName, g.CountryCode, g.ADM1Code, g.ADM2Code = get(cGeoFullName), get(cGeoCountry), get(cGeoADM1), get(cGeoADM2)
	g.FeatureID = get(cGeoFeatureID)
	lat, long := get(cGeoLat), get(cGeoLong)
	// GDELT has rows with one coordinate blank (and the geo columns shifted,
	// e.g. Georgia-the-country in 2018 exports): such a row keeps its event
	// but loses the coordinates. A coordinate that is not a number is an
	// error.
	if lat != "" && long != "" {
		if g.Lat, err = finite(lat); err != nil || g.Lat < -90 || g.Lat > 90 {
			return r, &fieldError{cGeoLat, lat, "not a latitude"}
		}
		if g.Long, err = finite(long); err != nil || g.Long < -180 || g.Long > 180 {
			return r, &fieldError{cGeoLong, long, "not a longitude"}
		}
		g.HasLatLong = g.Type != 0
	}
	if !g.HasLatLong {
		g.Lat, g.Long = 0, 0
	}
	if g.CountryCode != "" {
		g.ISO3 = FIPSToISO3(g.CountryCode)
	}
	if g.Type == 3 || g.Type == 4 {
		if id := g.FeatureID; id != "" && id != "0" {
			g.PlaceKey = "place:gdelt:" + strings.ToLower(id)
		}
	}
	s = get(cDateAdded)
	switch len(s) {
	case 0:
	case 8:
		if r.DateAdded, err = isoDay(s); err != nil {
			return r, &fieldError{cDateAdded, s, err.Error()}
		}
	case 14:
		t, err := time.Parse("20060102150405", s)
		if err != nil {
			return r, &fieldError{cDateAdded, s, "not YYYYMMDDHHMMSS"}
		}
		r.DateAdded = t.Format(time.RFC3339)
	default:
		return r, &fieldError{cDateAdded, s, "not YYYYMMDD or YYYYMMDDHHMMSS"}
	}
	r.SourceURL = get(cSourceURL)
	return r, nil
}

func finite(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("not finite")
	}
	return v, nil
}

// isoDay turns YYYYMMDD into YYYY-MM-DD, rejecting 00000000 and impossible
// dates.
func isoDay(s string) (string, error) {
	if len(s) != 8 {
		return "", fmt.Errorf("not YYYYMMDD")
	}
	t, err := time.Parse("20060102", s)
	if err != nil || t.Year() < 1800 {
		return "", fmt.Errorf("not a valid YYYYMMDD date")
	}
	return t.Format("2006-01-02"), nil
}
