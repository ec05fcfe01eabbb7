package gen

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/eventgraph/eventgraph/loader/kb"
)

type mledoze struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
		Native   map[string]struct {
			Official string `json:"official"`
			Common   string `json:"common"`
		} `json:"native"`
	} `json:"name"`
	CCA2         string                       `json:"cca2"`
	CCA3         string                       `json:"cca3"`
	Independent  *bool                        `json:"independent"`
	Capital      []string                     `json:"capital"`
	AltSpellings []string                     `json:"altSpellings"`
	Translations map[string]map[string]string `json:"translations"`
	Latlng       []float64                    `json:"latlng"`
	Demonyms     map[string]map[string]string `json:"demonyms"`
}

type ciaCountry struct {
	Fips        string `json:"fips_code"`
	CountryName strMap `json:"country_name"`
	Capital     any    `json:"capital_name"`
	Nationality strMap `json:"nationality"`
}

type manualCountry struct {
	ISO3      string              `yaml:"iso3"`
	Names     map[string][]string `yaml:"names"`
	Metonyms  map[string][]string `yaml:"metonyms"`
	CapitalFR []string            `yaml:"capital_fr"`
}

// isoFix maps non-standard codes of the sources to the ISO3 codes used here.
var isoFix = map[string]string{"UNK": "XKX", "KOS": "XKX", "ROM": "ROU", "TMP": "TLS", "ZAR": "COD"}

const (
	srcMledoze   = "mledoze/countries (ODbL-1.0)"
	srcCIA2026   = "CIA World Factbook 2026-01 (factbook.json)"
	srcCIAHist   = "CIA World Factbook history (factbook.json)"
	srcCIAAnnual = "CIA World Factbook annual archive 1990-2025"
	srcCIA2019   = "CIA World Leaders 2019-06"
	srcGeonames  = "GeoNames (CC BY 4.0)"
	srcDieg      = "dieghernan/Country-Codes (MIT)"
	srcFipsISO   = "GDELT FIPS-ISO mapping (juxpkr)"
	srcCOW       = "COW IGO v3"
	srcCountryIn = "CountryInfo 2014 (OEDA, MIT)"
	srcPhoenix   = "Phoenix dictionaries (petrarch2, MIT)"
	srcWikidata  = "Wikidata (CC0, every-politician-scrapers)"
	srcWikipedia = "Wikipedia (CC BY-SA, every-politician-scrapers)"
	srcManual    = "manual"
)

func readCSV(path string) ([]map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out []map[string]string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		m := map[string]string{}
		for i, h := range header {
			if i < len(rec) {
				m[h] = strings.TrimSpace(rec[i])
			}
		}
		out = append(out, m)
	}
	return out, nil
}

func readYAML(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := yaml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func add(m *map[string][]string, lang string, vals ...string) {
	if *m == nil {
		*m = map[string][]string{}
	}
	for _, v := range vals {
		if v = clean(v); v != "" {
			(*m)[lang] = append((*m)[lang], v)
		}
	}
}

var parenRE = regexp.MustCompile(`\s*\([^)]*\)`)

// ciaNationality turns "Briton(s), British (collective plural)" into forms.
func ciaNationality(s string) []string {
	var out []string
	s = strings.ReplaceAll(s, "(s)", "\x00")
	s = parenRE.ReplaceAllString(s, "")
	for _, part := range regexp.MustCompile(`,|;| or `).Split(s, -1) {
		part = clean(part)
		if part == "" || strings.Contains(part, "note") {
			continue
		}
		if strings.Contains(part, "\x00") {
			out = append(out, strings.ReplaceAll(part, "\x00", ""), strings.ReplaceAll(part, "\x00", "s"))
		} else {
			out = append(out, part)
		}
	}
	return out
}

func frPlural(s string) string {
	if strings.HasSuffix(s, "s") || strings.HasSuffix(s, "x") || strings.HasSuffix(s, "z") {
		return s
	}
	return s + "s"
}

var formerBad = regexp.MustCompile(`(?i)republic|kingdom|protectorate|territory|state|empire|federation|german|british|french|spanish|portuguese|italian|belgian|[(/]|autonomous|union|trust|colony`)

func (b *builder) buildCountries() error {
	b.countries = map[string]*kb.Entry{}
	b.fipsISO = map[string]string{}
	b.iso2ISO = map[string]string{}
	b.cowISO = map[int]string{}
	b.sovereign = map[string]bool{}
	b.nameISO = map[string]string{}

	raw, err := os.ReadFile(b.path("leaders", "mledoze_countries.json"))
	if err != nil {
		return err
	}
	var ml []mledoze
	if err := json.Unmarshal(raw, &ml); err != nil {
		return fmt.Errorf("mledoze: %w", err)
	}
	capitalFR := map[string][]string{}
	b.capitalFR = capitalFR
	var mc struct {
		Note    string          `yaml:"note"`
		Entries []manualCountry `yaml:"entries"`
	}
	if err := readYAML(b.opt.Manual+"/countries.yaml", &mc); err != nil {
		return err
	}
	for _, m := range mc.Entries {
		capitalFR[m.ISO3] = append(capitalFR[m.ISO3], m.CapitalFR...)
	}
	for _, c := range ml {
		iso := c.CCA3
		if f, ok := isoFix[iso]; ok {
			iso = f
		}
		e := &kb.Entry{Key: "country:" + strings.ToLower(iso), Kind: kb.KindCountry, Name: c.Name.Common, ISO3: iso, Sources: []string{srcMledoze}}
		if iso == "XKX" {
			e.Note = "mledoze code UNK mapped to the user-assigned XKX"
		}
		b.iso2ISO[c.CCA2] = iso
		if (c.Independent != nil && *c.Independent) || iso == "PSE" || iso == "TWN" || iso == "XKX" {
			b.sovereign[iso] = true
		}
		add(&e.Names, "en", c.Name.Common, c.Name.Official)
		for _, n := range c.Name.Native {
			if isLatin(n.Common) {
				add(&e.Names, "any", n.Common)
			}
			if isLatin(n.Official) {
				add(&e.Names, "any", n.Official)
			}
		}
		for _, a := range c.AltSpellings {
			if len(a) == 2 && strings.ToUpper(a) == a {
				continue // ISO2 codes: "RU", "FR"
			}
			if strings.Contains(a, ", ") {
				continue // inverted forms: "Korea, Republic of"
			}
			add(&e.Names, "en", a)
		}
		if fr := c.Translations["fra"]; fr != nil {
			if !strings.Contains(fr["common"], "(") {
				add(&e.Names, "fr", fr["common"])
			}
			add(&e.Names, "fr", fr["official"])
		}
		if d := c.Demonyms["eng"]; d != nil {
			add(&e.Demonyms, "en", d["m"], d["f"])
		}
		if d := c.Demonyms["fra"]; d != nil {
			m, f := strings.ToLower(d["m"]), strings.ToLower(d["f"])
			if m != "" {
				add(&e.Demonyms, "fr", m, frPlural(m))
			}
			if f != "" {
				add(&e.Demonyms, "fr", f, frPlural(f))
			}
		}
		if len(c.Latlng) == 2 {
			e.Lat, e.Lon = c.Latlng[0], c.Latlng[1]
		}
		if len(c.Capital) > 0 {
			e.Capital = "place:" + capitalSlug(c.Capital[0])
			for _, cp := range c.Capital {
				add(&e.Metonyms, "en", cp)
			}
			if fr := capitalFR[iso]; len(fr) > 0 {
				add(&e.Metonyms, "fr", fr...)
			} else {
				add(&e.Metonyms, "fr", c.Capital...)
			}
		}
		b.countries[iso] = e
	}

	// FIPS <-> ISO3: dieghernan first, the GDELT mapping fills the gaps.
	dg, err := readCSV(b.path("leaders", "country_codes_dieghernan_2020.csv"))
	if err != nil {
		return err
	}
	for _, r := range dg {
		iso := r["ISO_3166_3"]
		if f, ok := isoFix[iso]; ok {
			iso = f
		}
		if r["FIPS_GEC"] != "" && b.countries[iso] != nil {
			b.fipsISO[strings.ToLower(r["FIPS_GEC"])] = iso
			b.countries[iso].Sources = append(b.countries[iso].Sources, srcDieg)
		}
	}
	fi, err := readCSV(b.path("cameo", "fips_iso_country_codes.juxpkr.csv"))
	if err != nil {
		return err
	}
	for _, r := range fi {
		iso := r["current_iso_code"]
		if iso == "" {
			iso = r["iso_code"]
		}
		if f, ok := isoFix[iso]; ok {
			iso = f
		}
		f := strings.ToLower(r["fips_code"])
		if _, ok := b.fipsISO[f]; !ok && b.countries[iso] != nil && f != "" {
			b.fipsISO[f] = iso
		}
	}
	b.fipsISO["kv"] = "XKX"

	// CIA 2026: conventional names, abbreviations, former names, nationality.
	raw, err = os.ReadFile(b.path("leaders", "cia_factbook_2026-01_government_extract.json"))
	if err != nil {
		return err
	}
	var cia struct {
		Countries []ciaCountry `json:"countries"`
	}
	if err := json.Unmarshal(raw, &cia); err != nil {
		return fmt.Errorf("cia 2026: %w", err)
	}
	for _, c := range cia.Countries {
		iso := b.fipsISO[c.Fips]
		e := b.countries[iso]
		if e == nil {
			continue
		}
		e.Sources = append(e.Sources, srcCIA2026)
		for _, k := range []string{"conventional long form", "conventional short form"} {
			v := c.CountryName[k]
			if i := strings.Index(v, ";"); i >= 0 {
				v = v[:i]
			}
			if v != "" && v != "none" {
				add(&e.Names, "en", v)
			}
		}
		for _, k := range []string{"local long form", "local short form"} {
			v := c.CountryName[k]
			if i := strings.Index(v, ";"); i >= 0 {
				v = v[:i]
			}
			if v != "" && v != "none" && isLatin(v) {
				add(&e.Names, "any", v)
			}
		}
		if ab := c.CountryName["abbreviation"]; ab != "" && !strings.Contains(ab, "(") {
			for _, a := range regexp.MustCompile(` or |,`).Split(ab, -1) {
				a = clean(a)
				if len(a) >= 3 || knownShort[a] {
					add(&e.Names, "en", a)
				}
			}
		}
		b.addFormer(iso, c.CountryName["former"])
		for _, k := range []string{"noun", "adjective"} {
			add(&e.Demonyms, "en", ciaNationality(c.Nationality[k])...)
		}
		if cp, _ := c.Capital.(string); cp != "" {
			if i := strings.Index(cp, ";"); i >= 0 {
				cp = cp[:i]
			}
			add(&e.Metonyms, "en", cp)
		}
	}

	// Manual additions.
	for _, m := range mc.Entries {
		e := b.countries[m.ISO3]
		if e == nil {
			return fmt.Errorf("manual/countries.yaml: unknown iso3 %s", m.ISO3)
		}
		for l, v := range m.Names {
			add(&e.Names, l, v...)
		}
		for l, v := range m.Metonyms {
			add(&e.Metonyms, l, v...)
		}
		e.Sources = append(e.Sources, srcManual)
	}

	// COW numeric codes, from CountryInfo (which lists COW and ISO codes).
	if err := b.readCountryInfoCodes(); err != nil {
		return err
	}
	for iso, e := range b.countries {
		for _, l := range []string{"en", "fr", "any"} {
			for _, n := range e.Names[l] {
				b.nameISO[fold(n)] = iso
			}
		}
	}
	for iso, e := range b.countries { // common names win over other forms
		b.nameISO[fold(e.Name)] = iso
	}
	for k, v := range map[string]string{"people's republic of china": "CHN", "republic of china": "TWN", "united states of america": "USA",
		"russian federation": "RUS", "republic of korea": "KOR", "korea": "KOR", "south korea": "KOR", "north korea": "PRK", "the gambia": "GMB",
		"czech republic": "CZE", "ivory coast": "CIV", "east timor": "TLS", "vatican city": "VAT", "holy see": "VAT", "burma": "MMR",
		"state of palestine": "PSE", "palestine": "PSE", "kingdom of the netherlands": "NLD", "congo": "COG", "republic of the congo": "COG",
		"democratic republic of the congo": "COD", "federated states of micronesia": "FSM", "eswatini": "SWZ", "swaziland": "SWZ", "cabo verde": "CPV",
		"turkey": "TUR", "turkiye": "TUR", "the bahamas": "BHS", "sao tome and principe": "STP", "kosovo": "XKX", "taiwan": "TWN"} {
		b.nameISO[fold(k)] = v
	}
	return nil
}

func (b *builder) addFormer(iso, former string) {
	if former == "" {
		return
	}
	for _, f := range strings.Split(former, ",") {
		f = clean(f)
		if f == "" || formerBad.MatchString(f) {
			continue
		}
		clash := false
		for oiso, o := range b.countries {
			if oiso != iso && (fold(o.Name) == fold(f) || containsFold(o.Names["en"], f)) {
				clash = true
			}
		}
		if !clash {
			add(&b.countries[iso].Names, "en", f)
		}
	}
}

func containsFold(list []string, s string) bool {
	fs := fold(s)
	for _, x := range list {
		if fold(x) == fs {
			return true
		}
	}
	return false
}

func capitalSlug(c string) string {
	c = strings.TrimSuffix(strings.TrimSuffix(c, " D.C."), ", D.C.")
	return slug(c)
}

var ciTagRE = regexp.MustCompile(`<([A-Za-z0-9-]+)>([^<]*)</`)

// readCountryInfoCodes reads the COW-Numeric / ISO3166-alpha3 pairs.
func (b *builder) readCountryInfoCodes() error {
	raw, err := os.ReadFile(b.path("leaders", "countryinfo_140728.txt"))
	if err != nil {
		return err
	}
	var cow int
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "<Country>") {
			cow = 0
		}
		m := ciTagRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		switch m[1] {
		case "COW-Numeric":
			cow, _ = strconv.Atoi(strings.TrimSpace(m[2]))
		case "ISO3166-alpha3":
			iso := strings.TrimSpace(m[2])
			if f, ok := isoFix[iso]; ok {
				iso = f
			}
			if cow > 0 && b.countries[iso] != nil {
				b.cowISO[cow] = iso
			}
		}
	}
	// COW codes for states that CountryInfo lacks or lists under a
	// predecessor (the crosswalk maps successor states where the
	// membership continued).
	for k, v := range map[int]string{260: "DEU", 255: "DEU", 345: "SRB", 347: "XKX", 365: "RUS", 678: "YEM", 679: "YEM", 816: "VNM", 818: "VNM", 316: "CZE", 317: "SVK", 341: "MNE", 343: "MKD", 346: "BIH", 344: "HRV", 349: "SVN", 626: "SSD", 860: "TLS", 713: "TWN"} {
		if _, ok := b.cowISO[k]; !ok {
			b.cowISO[k] = v
		}
	}
	return nil
}

// countryISO resolves a country name of a source to ISO3.
func (b *builder) countryISO(name string) string {
	name = strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The ")
	return b.nameISO[fold(name)]
}

func sortedKeys[T any](m map[string]T) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// strMap keeps the string values of a JSON object.
type strMap map[string]string

func (m *strMap) UnmarshalJSON(b []byte) error {
	var raw map[string]any
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil // not an object: ignore
	}
	*m = strMap{}
	for k, v := range raw {
		if s, ok := v.(string); ok {
			(*m)[k] = s
		}
	}
	return nil
}
