package gdelt

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/loader/kb"
)

// testKB is a knowledge-base fixture: every country of CAMEO's country
// list (read at run time from the shared data), a few organizations and
// people.
func testKB(t testing.TB) *kb.KB {
	t.Helper()
	f, err := os.Open(sharedData(t, "cameo", "cameo_country.std.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var es []kb.Entry
	seen := map[string]bool{}
	for _, r := range recs[1:] {
		iso := CountryISO3(r[0])
		if FIPSToISO3IsKnown(iso) && !seen[iso] {
			seen[iso] = true
			es = append(es, kb.Entry{Key: "country:" + strings.ToLower(iso), Kind: kb.KindCountry, Name: r[1], ISO3: iso})
		}
	}
	for _, o := range []struct{ key, name, acr string }{
		{"org:nato", "North Atlantic Treaty Organization", "NATO"}, {"org:eu", "European Union", "EU"},
		{"org:un", "United Nations", "UN"}, {"org:au", "African Union", "AU"}, {"org:oau", "Organisation of African Unity", "OAU"},
		{"org:asean", "Association of Southeast Asian Nations", "ASEAN"}, {"org:ecowas", "Economic Community of West African States", "ECOWAS"},
	} {
		es = append(es, kb.Entry{Key: o.key, Kind: kb.KindOrganization, Name: o.name, Acronym: o.acr})
	}
	es = append(es,
		kb.Entry{Key: "person:vladimir-putin", Kind: kb.KindPerson, Name: "Vladimir Putin", Country: "RUS",
			Names: map[string][]string{"en": {"Vladimir Putin", "Vladimir Vladimirovich Putin"}, "fr": {"Vladimir Poutine"}}},
		kb.Entry{Key: "person:angela-merkel", Kind: kb.KindPerson, Name: "Angela Merkel", Country: "DEU"},
		kb.Entry{Key: "person:barack-obama", Kind: kb.KindPerson, Name: "Barack Obama", Country: "USA",
			Names: map[string][]string{"en": {"Barack Obama", "Obama"}}},
		// two people sharing a name form: the form maps to neither
		kb.Entry{Key: "person:john-smith-1", Kind: kb.KindPerson, Name: "John Smith"},
		kb.Entry{Key: "person:john-smith-2", Kind: kb.KindPerson, Name: "John Smith"},
	)
	return kb.New(es)
}

// FIPSToISO3IsKnown: the ISO code is a real country of the FIPS table
// (CAMEO regions such as AFR or WST are not).
func FIPSToISO3IsKnown(iso string) bool {
	loadTables()
	for _, v := range fipsISO3 {
		if v == iso {
			return true
		}
	}
	return false
}

func TestMapper(t *testing.T) {
	k := testKB(t)
	m := NewMapper(k)
	for code, want := range map[string]string{"RUS": "country:rus", "ROM": "country:rou", "TMP": "country:tls",
		"MTN": "country:mne", "usa": "country:usa", "AFR": "", "WST": "", "": ""} {
		if got := m.Country(code); got != want {
			t.Errorf("Country(%q) = %q, want %q", code, got, want)
		}
	}
	for _, c := range []struct{ group, date, want string }{
		{"NAT", "2018-01-01", "org:nato"}, {"EEC", "2018-01-01", "org:eu"}, {"UNO", "", "org:un"},
		{"ASN", "", "org:asean"}, {"WAS", "", "org:ecowas"}, {"OAU", "2018-01-01", "org:au"},
		{"OAU", "1999-05-01", "org:oau"}, {"AFR", "", "org:au"}, {"HMS", "", ""}, {"GCC", "", ""} /* not in this KB */} {
		if got := m.Org(c.group, c.date); got != c.want {
			t.Errorf("Org(%s, %s) = %q, want %q", c.group, c.date, got, c.want)
		}
	}
	for name, want := range map[string]string{"VLADIMIR PUTIN": "person:vladimir-putin", "vladimir  poutine": "person:vladimir-putin",
		"ANGELA MERKEL": "person:angela-merkel", "OBAMA": "", "BARACK OBAMA": "person:barack-obama", "JOHN SMITH": "", "PUTIN": ""} {
		if got := m.Person(name); got != want {
			t.Errorf("Person(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestReadWithKBOnRealExport(t *testing.T) {
	k := testKB(t)
	_, rows := readFile(t, sharedData(t, "gdelt", export2), Options{All: true, KB: k})
	var persons, orgs, countries, places, placeCountry int
	for _, r := range rows {
		for _, a := range []Actor{r.Actor1, r.Actor2} {
			if a.PersonKey != "" {
				persons++
			}
			if a.OrgKey != "" {
				orgs++
			}
			if a.CountryKey != "" {
				countries++
			}
			if a.CountryCode != "" && FIPSToISO3IsKnown(CountryISO3(a.CountryCode)) && a.CountryKey == "" {
				t.Errorf("line %d: country %s not mapped", r.Line, a.CountryCode)
			}
		}
		if r.ActionGeo.PlaceKey != "" {
			places++
			if r.ActionGeo.CountryKey != "" {
				placeCountry++
			}
		}
	}
	// ANGELA MERKEL ×1, BARACK OBAMA ×2 (OBAMA alone ×3 is not a full name)
	if persons != 3 {
		t.Errorf("%d person actors, want 3", persons)
	}
	// known groups: NAT 3, EEC 3, UNO 11, WAS 3 (ALQ, HRW, IRC are not KB organizations)
	if orgs != 20 {
		t.Errorf("%d organization actors, want 20", orgs)
	}
	// a few cities lie in places CAMEO's country list lacks (Kosovo, South Sudan, …)
	if countries < 2000 || places < 1000 || placeCountry < places-10 {
		t.Errorf("countries %d, places %d (%d with a country)", countries, places, placeCountry)
	}
	// GDELT 1.0 daily sample: VLADIMIR PUTIN once.
	_, rows1 := readFile(t, sharedData(t, "gdelt", "gdelt1_daily_sample_20160728.events.tsv"), Options{All: true, KB: k})
	putin := 0
	for _, r := range rows1 {
		for _, a := range []Actor{r.Actor1, r.Actor2} {
			if a.Name == "VLADIMIR PUTIN" {
				putin++
				if a.PersonKey != "person:vladimir-putin" || a.CountryKey != "country:rus" {
					t.Errorf("line %d: %+v", r.Line, a)
				}
			}
		}
	}
	if putin != 1 {
		t.Errorf("VLADIMIR PUTIN %d times, want 1", putin)
	}
}

// The built-in knowledge base maps the real export's actors.
func TestMappingWithDefaultKB(t *testing.T) {
	k := kb.Default()
	m := NewMapper(k)
	for code, want := range map[string]string{"RUS": "country:rus", "ROM": "country:rou", "USA": "country:usa", "CHN": "country:chn"} {
		if got := m.Country(code); got != want {
			t.Errorf("Country(%s) = %q, want %q", code, got, want)
		}
	}
	for group, want := range map[string]string{"NAT": "org:nato", "EEC": "org:eu", "UNO": "org:un", "ASN": "org:asean", "WAS": "org:ecowas"} {
		if got := m.Org(group, "2018-01-01"); got != want {
			t.Errorf("Org(%s) = %q, want %q", group, got, want)
		}
	}
	for name, want := range map[string]string{"VLADIMIR PUTIN": "person:vladimir-putin", "ANGELA MERKEL": "person:angela-merkel"} {
		if got := m.Person(name); got != want {
			t.Errorf("Person(%s) = %q, want %q", name, got, want)
		}
	}
	_, rows := readFile(t, sharedData(t, "gdelt", export2), Options{KB: k})
	unmapped := map[string]int{}
	for _, r := range rows {
		for _, a := range []Actor{r.Actor1, r.Actor2} {
			if a.CountryCode != "" && a.CountryKey == "" {
				unmapped[a.CountryCode]++
			}
		}
	}
	for code := range unmapped {
		if FIPSToISO3IsKnown(CountryISO3(code)) {
			t.Errorf("country %s is not mapped by the built-in knowledge base", code)
		}
	}
}
