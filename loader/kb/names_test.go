package kb_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/loader/kb"
)

// index maps folded surface forms to entry keys.
func index(k *kb.KB, kind string) map[string][]string {
	idx := map[string][]string{}
	k.Entries(func(e *kb.Entry) {
		if e.Kind != kind {
			return
		}
		forms := []string{e.Name, e.Acronym, e.ISO3}
		for _, ns := range e.Names {
			forms = append(forms, ns...)
		}
		for _, f := range forms {
			if f != "" && !contains(idx[kb.FoldName(f)], e.Key) {
				idx[kb.FoldName(f)] = append(idx[kb.FoldName(f)], e.Key)
			}
		}
	})
	return idx
}

// Every person, country and organization of the gold files resolves.
var goldPersons = []string{"Alejandro Toledo", "Alice Ekman", "Allan Wagner", "Andrei Belousov", "Angela Merkel", "Anton Siluanov",
	"Antonio Palocci", "Augusto Pinochet", "Barack Obama", "Celso Amorim", "Dilma Rousseff", "Donald Trump", "Eduardo Campos",
	"Eduardo Duhalde", "Elvira Nabiullina", "Emmanuel Macron", "Fernando Henrique Cardoso", "George W. Bush", "Hannah Hennessy",
	"Hansi Flick", "Hillary Clinton", "Hu Jintao", "Jens Stoltenberg", "Joe Biden", "Jose Eduardo Dutra", "Joseph Stalin",
	"Kaja Kallas", "Kim Jong-un", "Luiz Fernando Furlan", "Luiz Inacio Lula da Silva", "Marco Rubio", "Meng Yan", "Narendra Modi",
	"Paul Martin", "Ricardo Lagos", "Roberto Rodrigues", "Roger Agnelli", "Roh Moo-hyun", "Sergei Lavrov", "Sergei Shoigu",
	"Simon Bolivar", "Sue Branford", "Sylvie Bermann", "Tatiana Kastoueva-Jean", "Tom Gibb", "Ursula von der Leyen",
	"Vladimir Putin", "Vladislav Inozemtsev", "Wang Yi", "Xi Jinping", "Yuri Ushakov"}

var goldCountries = []string{"ARG", "AUS", "BOL", "BRA", "CAN", "CHL", "CHN", "COL", "CYP", "DEU", "ECU", "ESP", "FRA", "GBR", "GUF",
	"GUY", "HUN", "IND", "IRN", "IRQ", "ISR", "JPN", "KOR", "MEX", "PAN", "PER", "PHL", "PRK", "PRY", "PSE", "RUS", "SRB", "SUR",
	"TWN", "UKR", "URY", "USA", "VEN"}

var goldOrgs = []string{"AFP", "APEC", "AUKUS", "Andean Community", "BBC", "BRIC", "BRICS", "Belt and Road Initiative", "Breitbart",
	"Center for Analysis and Strategies in Europe", "Central Bank of Russia", "China Daily", "Chongyang Institute for Financial Studies",
	"Communist Party of China", "EU", "EU Institute for Security Studies", "Embraer", "European Space Agency", "FC Barcelona", "G20",
	"Gallimard", "ICC", "IDB", "IFRI", "Indymedia", "L'Express", "Le Monde", "Le Temps", "Mercosur", "Ministry of Commerce", "NATO",
	"NORAD", "Petrobras", "Power of Siberia 2", "RFI", "Renmin University of China", "Reuters", "SCO", "Security Council of Russia",
	"South American Community of Nations", "South American Union", "UN", "UN Security Council", "UNASUR", "Vale", "WTO", "Xinhua"}

func TestGoldEntitiesResolve(t *testing.T) {
	k := kb.Default()
	persons, orgs := index(k, kb.KindPerson), index(k, kb.KindOrganization)
	check := func(p, c, o []string, where string) {
		for _, n := range p {
			keys := persons[kb.FoldName(n)]
			if len(keys) != 1 {
				t.Errorf("%s: person %q resolves to %v", where, n, keys)
				continue
			}
			if e := k.Get(keys[0]); e.Country == "" || kb.FoldName(e.Name) != kb.FoldName(n) && !strings.Contains(n, "Lula") {
				t.Errorf("%s: person %q: canonical name %q, country %q", where, n, e.Name, e.Country)
			}
		}
		for _, c := range c {
			if k.Country(c) == nil {
				t.Errorf("%s: country %s missing", where, c)
			}
		}
		for _, n := range o {
			if len(orgs[kb.FoldName(n)]) == 0 {
				t.Errorf("%s: organization %q does not resolve", where, n)
			}
		}
	}
	check(goldPersons, goldCountries, goldOrgs, "built-in list")
	// the gold files themselves, when the shared folder is there
	for _, f := range []string{"seeds", "wikinews"} {
		path := filepath.Join("..", "..", "..", "shared", "corpus", f, "gold.json")
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Logf("skipping %s: %v", path, err)
			continue
		}
		var g struct {
			Articles map[string]map[string][]string `json:"articles"`
			Events   []struct {
				Participants []string `json:"participants"`
			} `json:"events"`
		}
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatal(err)
		}
		var p, c, o []string
		for _, a := range g.Articles {
			p = append(append(p, a["persons"]...), a["persons_optional"]...)
			c = append(append(c, a["countries"]...), a["countries_optional"]...)
			o = append(append(o, a["organizations"]...), a["organizations_optional"]...)
		}
		for _, e := range g.Events {
			p = append(p, e.Participants...)
		}
		check(p, c, o, path)
	}
}

func TestPeopleHaveOffices(t *testing.T) {
	k := kb.Default()
	persons := index(k, kb.KindPerson)
	for _, n := range []string{"Vladimir Putin", "Xi Jinping", "Hu Jintao", "Sergei Shoigu", "Andrei Belousov", "Sergei Lavrov",
		"Wang Yi", "Kaja Kallas", "Marco Rubio", "Jens Stoltenberg", "Ursula von der Leyen", "Celso Amorim", "Roh Moo-hyun",
		"Paul Martin", "Ricardo Lagos", "Alejandro Toledo", "Eduardo Duhalde", "Kim Jong-un", "Narendra Modi"} {
		e := k.Get(persons[kb.FoldName(n)][0])
		if len(e.Offices) == 0 {
			t.Errorf("%s has no office", n)
		}
	}
}

func TestFrenchAndVariantNames(t *testing.T) {
	k := kb.Default()
	persons, orgs := index(k, kb.KindPerson), index(k, kb.KindOrganization)
	for form, key := range map[string]string{
		"Vladimir Poutine": "person:vladimir-putin", "Sergueï Lavrov": "person:sergei-lavrov", "Sergueï Choïgou": "person:sergei-shoigu",
		"Andreï Belooussov": "person:andrei-belousov", "Iouri Ouchakov": "person:yuri-ushakov", "Kim Jong Un": "person:kim-jong-un",
		"Kim Jong-Un": "person:kim-jong-un", "Volodymyr Zelenskyy": "person:volodymyr-zelensky", "Benyamin Nétanyahou": "person:benjamin-netanyahu",
		"Dmitri Medvedev": "person:dmitry-medvedev", "Alexandre Loukachenko": "person:alexander-lukashenko", "Lula": "person:luiz-inacio-lula-da-silva",
		"Recep Tayyip Erdogan": "person:recep-tayyip-erdogan", "Jokowi": "person:joko-widodo",
	} {
		if !contains(persons[kb.FoldName(form)], key) {
			t.Errorf("%q does not name %s (got %v)", form, key, persons[kb.FoldName(form)])
		}
	}
	for form, key := range map[string]string{"OTAN": "org:nato", "OCS": "org:sco", "ONU": "org:un", "UE": "org:eu", "Union africaine": "org:au",
		"UA": "org:au", "CEDEAO": "org:ecowas", "OMC": "org:wto", "OMS": "org:who", "FMI": "org:imf", "CPI": "org:icc",
		"Conseil de sécurité": "org:unsc", "Organisation de coopération de Shanghai": "org:sco"} {
		if !contains(orgs[kb.FoldName(form)], key) {
			t.Errorf("%q does not name %s", form, key)
		}
	}
	if p := k.Get("place:beijing"); p == nil || !contains(p.Names["fr"], "Pékin") {
		t.Errorf("place:beijing lacks Pékin: %+v", p)
	}
	if p := k.Get("place:moscow"); p == nil || !contains(p.Names["fr"], "Moscou") {
		t.Errorf("place:moscow lacks Moscou: %+v", p)
	}
	for iso, forms := range map[string][]string{"CHN": {"chinois", "chinoise", "chinoises", "Chinese"}, "RUS": {"russe", "russes", "Russian", "Russians"},
		"USA": {"américain", "américaine", "américains", "américaines", "American", "Americans"}} {
		c := k.Country(iso)
		all := append(append([]string{}, c.Demonyms["en"]...), c.Demonyms["fr"]...)
		for _, f := range forms {
			if !contains(all, f) {
				t.Errorf("%s: demonym %q missing (have %v)", iso, f, all)
			}
		}
	}
	for iso, forms := range map[string][]string{"RUS": {"Russia", "Russian Federation", "Russie"}, "CHN": {"China", "Chine"},
		"USA": {"United States", "US", "U.S.", "USA", "America", "États-Unis"}, "GBR": {"UK", "Britain", "Royaume-Uni"}} {
		c := k.Country(iso)
		all := append(append(append([]string{}, c.Names["en"]...), c.Names["fr"]...), c.Names["any"]...)
		for _, f := range forms {
			if !contains(all, f) {
				t.Errorf("%s: name %q missing", iso, f)
			}
		}
	}
	for iso, m := range map[string]string{"RUS": "the Kremlin", "USA": "the White House", "FRA": "l'Élysée", "CHN": "Beijing", "GBR": "Downing Street"} {
		c := k.Country(iso)
		if !contains(append(append([]string{}, c.Metonyms["en"]...), c.Metonyms["fr"]...), m) {
			t.Errorf("%s: metonym %q missing", iso, m)
		}
	}
}

// Surface forms stay usable by an extractor: no one-letter or generic forms.
func TestAliasHygiene(t *testing.T) {
	generic := map[string]bool{"president": true, "government": true, "republic": true, "the": true, "minister": true, "kingdom": true}
	kb.Default().Entries(func(e *kb.Entry) {
		var forms []string
		for _, m := range []map[string][]string{e.Names, e.Demonyms, e.Metonyms} {
			for _, v := range m {
				forms = append(forms, v...)
			}
		}
		forms = append(forms, e.Surnames...)
		for _, f := range forms {
			n := kb.FoldName(f)
			if len([]rune(strings.ReplaceAll(n, " ", ""))) < 2 || generic[n] {
				t.Errorf("%s: bad surface form %q", e.Key, f)
			}
		}
	})
}
