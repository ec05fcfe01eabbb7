package gen

import (
	"bufio"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/loader/kb"
)

type geoname struct {
	name, ascii string
	alt         []string
	lat, lon    float64
	code, iso2  string
}

func (b *builder) readGeonames() ([]geoname, error) {
	f, err := os.Open(b.path("leaders", "geonames_capitals_alternatenames_2018.tsv"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	var out []geoname
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 10 {
			continue
		}
		lat, _ := strconv.ParseFloat(c[4], 64)
		lon, _ := strconv.ParseFloat(c[5], 64)
		out = append(out, geoname{name: c[1], ascii: c[2], alt: strings.Split(c[3], ","), lat: lat, lon: lon, code: c[7], iso2: c[8]})
	}
	return out, sc.Err()
}

type manualEntries struct {
	Note    string        `yaml:"note"`
	Entries []manualEntry `yaml:"entries"`
}

// manualEntry is a kb.Entry plus importer-only fields.
type manualEntry struct {
	kb.Entry `yaml:",inline"`
	CIA      []string `yaml:"cia"`
	COW      []string `yaml:"cow"`
}

func (b *builder) buildPlaces() error {
	geo, err := b.readGeonames()
	if err != nil {
		return err
	}
	byISO2 := map[string][]geoname{}
	for _, g := range geo {
		byISO2[g.iso2] = append(byISO2[g.iso2], g)
	}
	// One place per capital; the sovereign country gets the plain key when
	// two capitals share a name.
	isos := sortedKeys(b.countries)
	sort.SliceStable(isos, func(i, j int) bool { return b.sovereign[isos[i]] && !b.sovereign[isos[j]] })
	iso2 := map[string]string{}
	for k, v := range b.iso2ISO {
		iso2[v] = k
	}
	for _, iso := range isos {
		c := b.countries[iso]
		if c.Capital == "" {
			continue
		}
		capName := c.Metonyms["en"][0]
		key := c.Capital
		if b.places[key] != nil {
			key = key + "-" + strings.ToLower(iso)
			c.Capital = key
		}
		p := &kb.Entry{Key: key, Kind: kb.KindPlace, Name: strings.TrimSuffix(capName, " D.C."), Country: iso, Sources: []string{srcMledoze}}
		add(&p.Names, "en", capName, p.Name)
		if fr := b.capitalFR[iso]; len(fr) > 0 {
			add(&p.Names, "fr", fr...)
		} else {
			add(&p.Names, "fr", p.Name)
		}
		// coordinates and names from GeoNames: the capital (PPLC) whose name
		// matches, else the country's only PPLC.
		var best *geoname
		for i, g := range byISO2[iso2[iso]] {
			if fold(g.name) == fold(capName) || fold(g.ascii) == fold(capName) || containsFold(g.alt, capName) {
				best = &byISO2[iso2[iso]][i]
				break
			}
		}
		if best != nil {
			p.Lat, p.Lon = best.lat, best.lon
			add(&p.Names, "en", best.name, best.ascii)
			p.Sources = append(p.Sources, srcGeonames)
			// French exonyms of the manual table are kept when GeoNames
			// knows them; a French form GeoNames lacks is kept as well
			// (manual), the check only documents provenance.
		} else if len(c.Metonyms["en"]) > 0 {
			p.Lat, p.Lon = c.Lat, c.Lon
			p.Note = "no GeoNames capital record matched: coordinates are the country's centroid"
		}
		b.places[key] = p
		// the country's capital metonyms also get the GeoNames forms
		if best != nil {
			add(&c.Metonyms, "en", best.name)
		}
	}
	var mp manualEntries
	if err := readYAML(b.opt.Manual+"/places.yaml", &mp); err != nil {
		return err
	}
	for _, m := range mp.Entries {
		e := m.Entry
		e.Kind = kb.KindPlace
		e.Sources = []string{srcManual}
		if e.Note == "" {
			e.Note = mp.Note
		}
		if old := b.places[e.Key]; old != nil {
			for l, v := range e.Names {
				add(&old.Names, l, v...)
			}
			old.Sources = append(old.Sources, srcManual)
			continue
		}
		b.places[e.Key] = &e
	}
	return nil
}
