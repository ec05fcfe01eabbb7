package gdelt

import (
	"strings"

	"github.com/eventgraph/eventgraph/loader/kb"
)

// cameoCountryISO3 fixes CAMEO country codes that are not ISO 3166-1
// alpha-3 (CAMEO.country.txt quirks and retired codes).
var cameoCountryISO3 = map[string]string{
	"ROM": "ROU", // Romania
	"TMP": "TLS", // East Timor
	"MTN": "MNE", // Montenegro
	"ZAR": "COD", // Zaire
	"BUR": "MMR", // Burma
	"WSB": "PSE", // West Bank
	"GZS": "PSE", // Gaza Strip
	"KSV": "XKX", // Kosovo
	"KOS": "XKX",
}

// knownGroupOrg maps CAMEO known-group codes (CAMEO.knowngroup.txt) to
// knowledge-base organization keys. GDELT has no BRICS or SCO code.
var knownGroupOrg = map[string]string{
	"NAT": "org:nato",
	"EEC": "org:eu",
	"ASN": "org:asean",
	"UNO": "org:un",
	"OAU": "org:au", // CAMEO kept OAU for the African Union (see Mapper.Resolve for dates before 2002)
	"AFR": "org:au",
	"ARL": "org:arab-league",
	"GCC": "org:gcc",
	"CIS": "org:cis",
	"SCE": "org:osce",
	"WTO": "org:wto",
	"OAS": "org:oas",
	"SAD": "org:sadc",
	"WAS": "org:ecowas",
	"COE": "org:council-of-europe",
	"CWN": "org:commonwealth",
	"GOE": "org:g8",
	"GOS": "org:g7",
	"GSS": "org:g77",
	"IAE": "org:iaea",
	"ICC": "org:icc",
	"ICJ": "org:icj",
	"IMF": "org:imf",
	"NON": "org:nam",
	"OIC": "org:oic",
	"OPC": "org:opec",
	"SAA": "org:saarc",
	"UEM": "org:waemu",
	"WAM": "org:waemu",
	"WBK": "org:world-bank",
	"WHO": "org:who",
	"IAD": "org:igad",
}

// auFounded is when the African Union replaced the OAU.
const auFounded = "2002-07-09"

// CountryISO3 normalizes a CAMEO actor country code to ISO 3166-1 alpha-3.
func CountryISO3(cameo string) string {
	c := strings.ToUpper(strings.TrimSpace(cameo))
	if iso, ok := cameoCountryISO3[c]; ok {
		return iso
	}
	return c
}

// Mapper resolves GDELT actors and places to knowledge-base keys. It is
// safe for concurrent use once built.
type Mapper struct {
	kb      *kb.KB
	persons map[string]string // upper-cased name form → person key ("" when ambiguous)
}

// NewMapper indexes the knowledge base's people by every name form
// (case-insensitively; forms shared by two people are dropped).
func NewMapper(k *kb.KB) *Mapper {
	m := &Mapper{kb: k, persons: map[string]string{}}
	if k == nil {
		return m
	}
	k.Entries(func(e *kb.Entry) {
		if e.Kind != kb.KindPerson {
			return
		}
		forms := []string{e.Name}
		for _, ns := range e.Names {
			forms = append(forms, ns...)
		}
		seen := map[string]bool{}
		for _, f := range forms {
			u := strings.ToUpper(strings.Join(strings.Fields(f), " "))
			if len(u) < 4 || !strings.Contains(u, " ") || seen[u] {
				continue // single words ("PUTIN") are too ambiguous in GDELT actor names
			}
			seen[u] = true
			if old, ok := m.persons[u]; ok && old != e.Key {
				m.persons[u] = ""
				continue
			}
			m.persons[u] = e.Key
		}
	})
	return m
}

// Country returns the key of the knowledge-base country with the CAMEO or
// ISO3 code, or "".
func (m *Mapper) Country(code string) string {
	if m.kb == nil || code == "" {
		return ""
	}
	if c := m.kb.Country(CountryISO3(code)); c != nil {
		return c.Key
	}
	return ""
}

// Org returns the organization key of a CAMEO known group on date, or ""
// when the knowledge base lacks it.
func (m *Mapper) Org(group, date string) string {
	key := knownGroupOrg[strings.ToUpper(group)]
	if key == "" || m.kb == nil {
		return ""
	}
	if key == "org:au" && group == "OAU" && date != "" && date < auFounded && m.kb.Get("org:oau") != nil {
		key = "org:oau"
	}
	if m.kb.Get(key) == nil {
		return ""
	}
	return key
}

// Person returns the key of the knowledge-base person with this exact name
// (case-insensitive), or "".
func (m *Mapper) Person(name string) string {
	if name == "" {
		return ""
	}
	return m.persons[strings.ToUpper(strings.Join(strings.Fields(name), " "))]
}

// Resolve fills the knowledge-base keys of a row's actors and place.
func (m *Mapper) Resolve(r *Row) {
	for _, a := range []*Actor{&r.Actor1, &r.Actor2} {
		a.CountryKey = m.Country(a.CountryCode)
		a.OrgKey = m.Org(a.KnownGroupCode, r.Date)
		a.PersonKey = m.Person(a.Name)
	}
	r.ActionGeo.CountryKey = m.Country(r.ActionGeo.ISO3)
}
