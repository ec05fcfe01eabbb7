package gdelt

import (
	"bufio"
	_ "embed"
	"strings"
	"sync"
)

// The CAMEO event code table is GDELT's lookup file CAMEO.eventcodes.txt
// (https://www.gdeltproject.org/data/lookups/CAMEO.eventcodes.txt), copied
// from /work/shared/data/cameo (vendored there from
// mpiccirilli/UNDP-BCPR-Project @e009a802). 311 codes; the 044 description
// keeps GDELT's mis-decoded quotes.
//
//go:embed data/CAMEO.eventcodes.txt
var cameoEventCodes string

// The FIPS 10-4 → ISO 3166-1 alpha-3 table is derived from
// fips_iso_country_codes.juxpkr.csv (juxpkr/gdelt-data-platform-k8s,
// apps/dbt/seeds/geo_country_codes.csv @8f9b52cc): the fips_code and
// current_iso_code columns.
//
//go:embed data/fips_iso3.tsv
var fipsISO3Table string

var (
	tablesOnce sync.Once
	cameoCodes map[string]string // code → description
	fipsISO3   map[string]string
)

func loadTables() {
	tablesOnce.Do(func() {
		cameoCodes = map[string]string{}
		sc := bufio.NewScanner(strings.NewReader(cameoEventCodes))
		first := true
		for sc.Scan() {
			line := strings.TrimRight(sc.Text(), "\r")
			if first {
				first = false
				continue // header CAMEOEVENTCODE\tEVENTDESCRIPTION
			}
			code, desc, ok := strings.Cut(line, "\t")
			if ok && code != "" {
				cameoCodes[strings.TrimSpace(code)] = strings.TrimSpace(desc)
			}
		}
		fipsISO3 = map[string]string{}
		sc = bufio.NewScanner(strings.NewReader(fipsISO3Table))
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			f, iso, ok := strings.Cut(line, "\t")
			if ok {
				fipsISO3[f] = iso
			}
		}
	})
}

// CAMEODescription returns the description of a CAMEO event code and
// whether the code exists ("043" → "Host a visit").
func CAMEODescription(code string) (string, bool) {
	loadTables()
	d, ok := cameoCodes[code]
	return d, ok
}

// FIPSToISO3 maps a FIPS 10-4 country code (GDELT's *Geo_CountryCode) to
// ISO 3166-1 alpha-3, or "" when there is none.
func FIPSToISO3(fips string) string {
	loadTables()
	return fipsISO3[strings.ToUpper(fips)]
}

// Category is the eventgraph event category of a CAMEO code: 041 (discuss
// by telephone) is a phone_call, the other consultations 040-046 (consult,
// visit, host, meet at a third location, mediate, negotiate) are meetings,
// everything else is other.
func Category(code string) string {
	if len(code) < 3 || code[:2] != "04" {
		return "other"
	}
	if code[:3] == "041" {
		return "phone_call"
	}
	return "meeting"
}

// DiplomaticRoots are the CAMEO root codes imported by default: the
// cooperative diplomatic families 03 (express intent to cooperate),
// 04 (consult), 05 (engage in diplomatic cooperation) and 06 (engage in
// material cooperation).
var DiplomaticRoots = []string{"03", "04", "05", "06"}
