package gen

import (
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/eventgraph/eventgraph/loader/kb"
)

var (
	hogRE = regexp.MustCompile(`(?i)prime minister|premier|chancellor|head of government|taoiseach|president of the government|chairman of the council of ministers|president of the council of ministers`)
	hosRE = regexp.MustCompile(`(?i)^(president|king|queen|monarch|emir|amir|sultan|emperor|grand duke|prince|supreme leader|captain regent|co-prince|head of state|chairman of the presidency|yang di-pertuan agong|pope|sovereign|chairman of the presidential council)`)
	// foreign / defence ministers in the CIA wording
	fmRE     = regexp.MustCompile(`(?i)^(minister|secretary|secretary of state)( of| for)?( the)?( europe (&|and))?( national)? (foreign|external) (affairs|relations)|^secretary of state$|^minister (of|for) europe (&|and) foreign affairs|^foreign minister|^minister of foreign affairs`)
	dmRE     = regexp.MustCompile(`(?i)^(minister|secretary)( of| for)( the)?( national)? defen[cs]e\b|^secretary of defense$|^minister of the (revolutionary )?armed forces$|^defen[cs]e minister`)
	notMinRE = regexp.MustCompile(`(?i)deputy|vice|minister of state|supporting|trade|investment|economic|commerce|industry|legal defense|civil defense|assistant|delegate|first secretary|permanent|secretary-general|secretary general|under`)
)

func ministerRole(title string) string {
	t := strings.TrimSpace(title)
	if notMinRE.MatchString(t) && !regexp.MustCompile(`(?i)foreign affairs (&|and) (intl\.|international )?trade|foreign affairs & trade`).MatchString(t) {
		return ""
	}
	switch {
	case fmRE.MatchString(t):
		return kb.RoleForeignMinister
	case dmRE.MatchString(t):
		return kb.RoleDefenceMinister
	}
	return ""
}

func leaderRole(position string) string {
	switch {
	case hogRE.MatchString(position):
		return kb.RoleHeadOfGovernment
	case hosRE.MatchString(position):
		return kb.RoleHeadOfState
	}
	return ""
}

// wikidataLeaders: heads of state and government in office 2021-2022.
func (b *builder) wikidataLeaders() error {
	for _, f := range []struct{ file, src, cty, pos, who, name string }{
		{"epscrapers_world_leaders_2021_wikidata.csv", srcWikidata, "country", "positionLabel", "officeholder", "officeholderLabel"},
		{"epscrapers_world_leaders_2021_wikipedia.csv", srcWikipedia, "country", "positionlabel", "officeholder", "officeholderlabel"},
	} {
		rows, err := readCSV(b.path("leaders", f.file))
		if err != nil {
			return err
		}
		for _, r := range rows {
			iso := b.countryISO(r[f.cty])
			role := leaderRole(r[f.pos])
			name := r[f.name]
			if iso == "" || !b.sovereign[iso] || role == "" || name == "" || strings.HasPrefix(name, "Q") && !strings.Contains(name, " ") {
				if iso == "" && r[f.cty] != "" {
					b.warnf("%s: unknown country %q", f.file, r[f.cty])
				}
				continue
			}
			name = wikidataLabel(name)
			prio := prioWikidata - 4
			if f.src == srcWikipedia {
				prio-- // the English Wikipedia title is the press's spelling ("Sadyr Japarov")
			}
			var p *person
			if monarchRE.MatchString(r[f.pos]) {
				if g := b.people.findAnywhere(plainForm(name)); g != nil {
					p = g
					p.addName(name, plainForm(name), prio, "2022", "en")
					p.sources[f.src] = true
				}
			}
			if p == nil {
				p = b.people.resolve(iso, name, plainForm(name), r[f.who], prio, "2022", f.src)
			}
			o := &obs{role: role, of: "country:" + strings.ToLower(iso), title: positionTitle(r[f.pos]), since: r["start_year"], until: r["end_year"], seenFrom: r["start_year"], seenTo: "2022", source: f.src, prio: prioWikidata}
			if o.until == "" {
				o.seenTo = "2022-10" // the scrape's date; the term may go on
			}
			p.addObs(o)
		}
	}
	return nil
}

var monarchRE = regexp.MustCompile(`(?i)monarch|king|queen|sovereign|co-prince`)

// wikidataLabel drops qualifiers: "Albert II, Prince of Monaco" -> "Albert II".
func wikidataLabel(s string) string {
	if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[:i] // a Wikipedia title's disambiguation: "Pedro Sánchez (Spanish politician)"
	}
	if i := strings.Index(s, ","); i > 0 {
		s = s[:i]
	}
	if m := regexp.MustCompile(` of [A-Z][a-z]+( [A-Z][a-z]+)*$`).FindStringIndex(s); m != nil && len(strings.Fields(s[:m[0]])) >= 1 {
		s = s[:m[0]]
	}
	return strings.TrimSpace(s)
}

// positionTitle: "Prime Minister of France" -> "Prime Minister".
func positionTitle(pos string) string {
	if i := strings.Index(pos, " of "); i > 0 {
		return pos[:i]
	}
	return pos
}

// foreignMinisters2022: foreign ministers in office at the end of 2022.
func (b *builder) foreignMinisters2022() error {
	for _, f := range []struct{ file, src, pos string }{
		{"epscrapers_foreign_ministers_2022_wikidata.csv", srcWikidata, "positionLabel"},
		{"epscrapers_foreign_ministers_2022_wikipedia.csv", srcWikipedia, "positionLabel"},
	} {
		rows, err := readCSV(b.path("leaders", f.file))
		if err != nil {
			return err
		}
		for _, r := range rows {
			iso := b.countryISO(r["countryLabel"])
			name := r["name"]
			if iso == "" || !b.sovereign[iso] || name == "" || r["person"] == "" {
				continue
			}
			title := positionTitle(r[f.pos])
			if strings.HasPrefix(title, "Foreign Minister") || title == "" {
				title = "Foreign Minister"
			}
			p := b.people.resolve(iso, name, plainForm(name), r["person"], prioWikidata-4, "2022", f.src)
			p.addObs(&obs{role: kb.RoleForeignMinister, of: "country:" + strings.ToLower(iso), title: title, since: r["start"], seenFrom: r["start"], seenTo: "2022-12", source: f.src, prio: prioMinisters})
		}
	}
	return nil
}

// holders21: heads of UN bodies and the WTO (Wikidata).
func (b *builder) holders21() error {
	rows, err := readCSV(b.path("leaders", "epscrapers_world_holders21.csv"))
	if err != nil {
		return err
	}
	posts := map[string][3]string{
		"Secretary-General of the United Nations":          {kb.RoleOrgHead, "org:un", "Secretary-General"},
		"Deputy Secretary-General of the United Nations":   {kb.RoleOther, "org:un", "Deputy Secretary-General"},
		"Director-General of the World Trade Organization": {kb.RoleOrgHead, "org:wto", "Director-General"},
		"President of the United Nations General Assembly": {kb.RoleOrgHead, "org:unga", "President of the General Assembly"},
		"President of the International Court of Justice":  {kb.RoleOrgHead, "org:icj", "President"},
		"OSCE High Commissioner on National Minorities":    {kb.RoleOther, "org:osce", "High Commissioner on National Minorities"},
	}
	for _, r := range rows {
		post, ok := posts[r["position"]]
		if !ok || r["person"] == "" {
			continue
		}
		if r["end"] != "" && r["end"] < "1990" {
			continue
		}
		f := plainForm(r["person"])
		p := b.people.byQ[r["personID"]]
		if p == nil {
			p = b.people.findAnywhere(f)
		}
		if p == nil {
			p = b.people.newPerson("")
		}
		if r["personID"] != "" {
			p.qids[r["personID"]] = true
			b.people.byQ[r["personID"]] = p
		}
		p.addName(r["person"], f, prioWikidata-4, "2022", "en")
		p.sources[srcWikidata] = true
		o := &obs{role: post[0], of: post[1], title: post[2], since: r["start"], until: r["end"], seenFrom: r["start"], seenTo: "2022-09", source: srcWikidata, prio: prioWikidata}
		p.addObs(o)
	}
	return nil
}

// ciaExecHistory: Factbook chief of state / head of government texts,
// 2015-10 .. 2026-05 snapshots.
func (b *builder) ciaExecHistory() error {
	rows, err := readCSV(b.path("leaders", "cia_factbook_executive_history.csv"))
	if err != nil {
		return err
	}
	// texts naming a foreign monarch ("represented by") last, so the
	// monarch's own country is seen first
	sort.SliceStable(rows, func(i, j int) bool {
		return !strings.Contains(rows[i]["text"], "represented by") && strings.Contains(rows[j]["text"], "represented by")
	})
	for _, r := range rows {
		iso := b.fipsISO[r["fips_code"]]
		if iso == "" || !b.sovereign[iso] {
			continue
		}
		role := map[string]string{"chief of state": kb.RoleHeadOfState, "head of government": kb.RoleHeadOfGovernment}[r["role"]]
		if role == "" {
			continue
		}
		b.ciaObs(iso, role, r["text"], r["first_seen_snapshot"], r["last_seen_snapshot"], r["last_seen_snapshot"] == ciaLastSnapshot, srcCIAHist, prioCIAHist)
	}
	return nil
}

func (b *builder) ciaObs(iso, role, text, seenFrom, seenTo string, current bool, src string, prio int) {
	pr, ok := parsePrincipal(text)
	if !ok || len(pr.parts.surname) == 0 || brokenName(pr.raw) {
		return
	}
	if len(pr.parts.given) == 0 && len(pr.parts.after) == 0 && len(fold(strings.Join(pr.parts.surname, ""))) <= 4 && !strings.Contains(strings.ToLower(pr.title), "king") {
		return // "CNSP": an acronym, not a name
	}
	title := pr.title
	if len(strings.Fields(title)) > 6 || strings.ContainsAny(title, ";:") {
		title = ""
	}
	title = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(title, ","), " and"))
	for {
		ws := strings.Fields(title)
		if len(ws) == 0 || !honorific[strings.ToLower(ws[len(ws)-1])] && !strings.HasSuffix(ws[len(ws)-1], ".") {
			break
		}
		title = strings.Join(ws[:len(ws)-1], " ") // "Prime Minister Sir", "President Gen."
	}
	f := ciaForm(pr.parts)
	canon := pr.parts.canonical()
	// the Factbook writes the full legal name: "Bola Ahmed Adekunle
	// TINUBU", "Gustavo Francisco PETRO Urrego". The press uses the first
	// given name and the capitalised surname ("Bola Tinubu", "Gustavo
	// Petro"); Arabic and East Asian names keep their form.
	short := ""
	if len(pr.parts.given) >= 1 && (len(pr.parts.given) >= 2 || len(pr.parts.after) >= 1) && !arabic(f.tokens) && !compoundGiven(f.tokens) && len(f.initials) == 0 {
		short = pr.parts.given[0] + " " + strings.Join(pr.parts.surname, " ")
	}
	var p *person
	monarch := monarchRE.MatchString(title) || regexp.MustCompile(`(?i)\b(king|queen|emperor|sultan|emir|amir|co-prince|grand duke|prince)\b`).MatchString(title)
	if !strings.Contains(text, "represented by") && b.people.find(iso, f) == nil {
		// a name already known exactly in another country: a Factbook
		// glitch (a neighbour's text pasted) unless a shared monarch
		min := 2
		if src == srcCIAAnnual && len(f.tokens) >= 2 && len(f.initials) == 0 {
			min = 1 // the archive has texts pasted under a wrong country
		}
		if g := b.people.findAnywhereMin(f, min); g != nil && g.country != "" && g.country != iso {
			if !monarch {
				b.warnf("%s %s: %q is known in %s, observation skipped", src, iso, canon, g.country)
				return
			}
			p = g
		}
	}
	if p != nil {
		p.addName(canon, f, prioCIAHist+2, seenTo, "en")
	} else if strings.Contains(text, "represented by") {
		p = b.people.findAnywhere(f)
		if p == nil {
			p = b.people.find(iso, f)
		}
		if p == nil {
			return
		}
		p.addName(canon, f, prioCIAHist+2, seenTo, "en")
	} else {
		p = b.people.resolve(iso, canon, f, "", prioCIAHist+2, seenTo, src)
	}
	if pr.parts.full != canon {
		p.addName(pr.parts.full, f, 98, "", "en")
	}
	if short != "" && !monarch {
		had := p.hasName("en", short)
		p.addName(short, plainForm(short), prioCIAHist+2, seenTo+"~", "en")
		if !had {
			if p.genShort == nil {
				p.genShort = map[string]bool{}
			}
			p.genShort[short] = true
		}
	}
	if !monarch && len(f.initials) == 0 {
		p.ciaSur = append(p.ciaSur, strings.Join(pr.parts.surname, " "))
	}
	p.sources[src] = true
	p.addObs(&obs{role: role, of: "country:" + strings.ToLower(iso), title: title, since: pr.since, seenFrom: seenFrom, seenTo: seenTo, current: current, source: src, prio: prio})
}

var sectionRE = regexp.MustCompile(`(?i)(chief of state|head of government|cabinet|elections?|election results|note)\s*:`)

// ciaAnnual: the yearly Factbook editions 1994-2017 and 2021-2025.
func (b *builder) ciaAnnual() error {
	rows, err := readCSV(b.path("leaders", "cia_factbook_annual_1990-2025_gov_fields.csv"))
	if err != nil {
		return err
	}
	for _, r := range rows {
		if r["field"] != "Executive branch" || r["year"] < "1994" {
			continue
		}
		iso := b.fipsISO[strings.ToLower(r["fips_code"])]
		if iso == "" || !b.sovereign[iso] {
			continue
		}
		text := r["content"]
		locs := sectionRE.FindAllStringSubmatchIndex(text, -1)
		for i, l := range locs {
			label := strings.ToLower(text[l[2]:l[3]])
			role := map[string]string{"chief of state": kb.RoleHeadOfState, "head of government": kb.RoleHeadOfGovernment}[label]
			if role == "" {
				continue
			}
			end := len(text)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			sec := strings.TrimSpace(strings.Trim(text[l[1]:end], " |"))
			b.ciaObs(iso, role, sec, r["year"], r["year"], false, srcCIAAnnual, prioCIAAnnual)
		}
	}
	return nil
}

var (
	ciBlockRE = regexp.MustCompile(`(?s)<Country>.*?</Country>`)
	ciNamesRE = regexp.MustCompile(`\{([^}]*)\}`)
	ciRangeRE = regexp.MustCompile(`\[\s*(?:(\d{8})\s*-\s*(\d{8})|>\s*(\d{8})|<\s*(\d{8}))\s*\]`)
	ciCodeRE  = regexp.MustCompile(`\[([A-Z]{3}[A-Z]*)\s*(?:(\d{8})\s*-\s*(\d{8})|>\s*(\d{8})|<\s*(\d{8}))?\s*\]`)
	ciTagLine = regexp.MustCompile(`^\s*<([^/>][^>]*)>\s*$`)
)

// iso8 turns 20060431 into 2006-04-30 (CountryInfo has day 31 for short months).
func iso8(s string) string {
	if len(s) != 8 {
		return ""
	}
	y, m, d := s[:4], s[4:6], s[6:]
	if m == "00" {
		return y
	}
	if d == "00" {
		return y + "-" + m
	}
	maxD := map[string]string{"02": "29", "04": "30", "06": "30", "09": "30", "11": "30"}[m]
	if maxD != "" && d > maxD {
		d = maxD
	}
	return y + "-" + m + "-" + d
}

// countryInfo: <Leaders> (rulers.org, to 2009) and <Government> (CIA World
// Leaders 2003-2011, ministers with CAMEO codes) of CountryInfo.txt.
func (b *builder) countryInfo() error {
	raw, err := os.ReadFile(b.path("leaders", "countryinfo_140728.txt"))
	if err != nil {
		return err
	}
	text := strings.ToValidUTF8(string(raw), "")
	for _, blk := range ciBlockRE.FindAllString(text, -1) {
		m := regexp.MustCompile(`<ISO3166-alpha3>\s*([A-Z]{3})\s*</`).FindStringSubmatch(blk)
		if m == nil {
			continue
		}
		iso := m[1]
		if f, ok := isoFix[iso]; ok {
			iso = f
		}
		if !b.sovereign[iso] {
			continue
		}
		of := "country:" + strings.ToLower(iso)
		section, group := "", ""
		skipLeaders := ciBadLeaders[iso]
		for _, line := range strings.Split(blk, "\n") {
			tl := strings.TrimSpace(line)
			switch tl {
			case "<Leaders>", "<Government>":
				section = tl
				continue
			case "</Leaders>", "</Government>":
				section = ""
				continue
			}
			if section == "<Leaders>" && !skipLeaders {
				if mm := ciTagLine.FindStringSubmatch(line); mm != nil {
					group = strings.ToLower(mm[1])
					continue
				}
				if strings.HasPrefix(tl, "</") || tl == "" || strings.HasPrefix(tl, "#") {
					continue
				}
				role := ciLeaderRole(group)
				if role == "" {
					continue
				}
				names := ciNames(tl)
				if len(names) == 0 {
					continue
				}
				for _, rg := range ciRangeRE.FindAllStringSubmatch(tl, -1) {
					from, to := iso8(rg[1]), iso8(rg[2])
					if rg[3] != "" {
						from = iso8(rg[3])
					}
					if rg[4] != "" {
						to = iso8(rg[4])
					}
					if to != "" && to < "1994" {
						continue
					}
					var p *person
					if strings.Contains(group, "king") || strings.Contains(group, "queen") {
						p = b.people.findAnywhere(plainForm(names[0]))
					}
					if p == nil {
						p = b.people.resolve(iso, names[0], plainForm(names[0]), "", prioCountryInfo+2, "2009", srcCountryIn)
					}
					for _, n := range names[1:] {
						p.addName(n, plainForm(n), 98, "", "en")
					}
					o := &obs{role: role, of: of, since: from, until: to, seenFrom: from, seenTo: to, source: srcCountryIn, prio: prioCountryInfo}
					if to == "" {
						o.seenTo = "2009-12" // rulers.org part ends about 2009
					}
					p.addObs(o)
				}
			}
			if section == "<Government>" {
				i := strings.Index(tl, "#")
				if i < 0 {
					continue
				}
				comment := strings.TrimSpace(tl[i+1:])
				titles := strings.Split(comment, " & ")
				codes := ciCodeRE.FindAllStringSubmatch(tl[:i], -1)
				names := ciNames(tl[:i])
				if len(names) == 0 || len(codes) == 0 {
					continue
				}
				for k, c := range codes {
					var title string
					switch {
					case len(titles) == len(codes):
						title = titles[k]
					case len(titles) == 1:
						title = titles[0]
					default:
						continue
					}
					title = strings.TrimSpace(strings.Trim(title, `"`))
					role := ministerRole(strings.ReplaceAll(title, `"Acting"`, ""))
					if role == "" {
						continue
					}
					from, to := iso8(c[2]), iso8(c[3])
					if c[4] != "" {
						from = iso8(c[4])
					}
					if c[5] != "" {
						to = iso8(c[5])
					}
					o := &obs{role: role, of: of, title: cleanTitle(title), since: from, until: to, seenFrom: from, seenTo: to, source: srcCountryIn, prio: prioMinisters}
					if from == "" {
						o.seenFrom = "2003-01" // the CIA lists start in January 2003
					}
					if to == "" {
						o.seenTo = "2011-02" // ... and end in February 2011
					}
					p := b.people.resolve(iso, names[0], plainForm(names[0]), "", prioCountryInfo+2, "2009", srcCountryIn)
					for _, n := range names[1:] {
						p.addName(n, plainForm(n), 98, "", "en")
					}
					p.addObs(o)
				}
			}
		}
	}
	return nil
}

// ciBadLeaders: CountryInfo blocks whose <Leaders> list belongs to another
// country (Mauritius holds Mauritania's rulers).
var ciBadLeaders = map[string]bool{"MUS": true}

func cleanTitle(t string) string {
	t = strings.ReplaceAll(t, `"Acting"`, "")
	t = strings.ReplaceAll(t, "Min. ", "Minister ")
	return clean(strings.ReplaceAll(t, " & ", " and "))
}

func ciNames(s string) []string {
	var raw []string
	for _, m := range ciNamesRE.FindAllStringSubmatch(s, -1) {
		raw = append(raw, m[1])
	}
	if len(raw) == 0 {
		f := strings.Fields(s)
		if len(f) > 0 && strings.Contains(f[0], "_") && !strings.HasPrefix(f[0], "[") {
			raw = append(raw, f[0])
		}
	}
	var out []string
	for _, r := range raw {
		if i := strings.Index(r, "["); i >= 0 {
			r = r[:i]
		}
		ws := strings.Fields(phoenixName(r))
		for len(ws) > 1 && titleVocab[strings.ToLower(ws[0])] {
			ws = ws[1:]
		}
		if len(ws) > 0 {
			out = append(out, strings.Join(ws, " "))
		}
	}
	return out
}

func ciLeaderRole(group string) string {
	g := strings.ToLower(group)
	switch {
	case strings.Contains(g, "vice") || strings.Contains(g, "governor") || strings.Contains(g, "administrator") ||
		strings.Contains(g, "commissioner") || strings.Contains(g, "secretar") || strings.Contains(g, "representative") ||
		strings.Contains(g, "people's assembly") || strings.Contains(g, "people'S_ASSEMBLY"):
		return ""
	case strings.Contains(g, "prime minister") || strings.Contains(g, "premier") || strings.Contains(g, "chancellor") ||
		strings.Contains(g, "heads of government") || strings.Contains(g, "council of ministers") || strings.Contains(g, "prime_minister"):
		return kb.RoleHeadOfGovernment
	case strings.HasPrefix(g, "president") || strings.Contains(g, "king") || strings.Contains(g, "queen") || strings.Contains(g, "emir") ||
		strings.Contains(g, "sultan") || strings.Contains(g, "emperor") || strings.Contains(g, "sovereign prince") ||
		strings.Contains(g, "heads of state") || strings.Contains(g, "shah") || g == "rulers":
		return kb.RoleHeadOfState
	}
	return ""
}

// cia2019Leaders: titles of heads of state and government in the 2019
// list, which fills the Factbook history's 2017-03 .. 2020-11 gap.
var cia2019Leaders = map[string]string{"President": kb.RoleHeadOfState, "King": kb.RoleHeadOfState, "Queen": kb.RoleHeadOfState,
	"Sultan": kb.RoleHeadOfState, "Amir": kb.RoleHeadOfState, "Head of State (Co-Prince)": kb.RoleHeadOfState, "Chief of State": kb.RoleHeadOfState,
	"Prime Minister": kb.RoleHeadOfGovernment, "Premier": kb.RoleHeadOfGovernment, "Chancellor": kb.RoleHeadOfGovernment}

// cia2019Ministers: foreign and defence ministers in the CIA World Leaders
// list of June 2019 (no dates: the office is known to hold in 2019-06).
func (b *builder) cia2019Ministers() error {
	rows, err := readCSV(b.path("leaders", "cia_world_leaders_2019-06.williamradfunk.csv"))
	if err != nil {
		return err
	}
	for _, r := range rows {
		iso := b.countryISO(r["country"])
		if iso == "" {
			iso = b.countryISO(strings.Split(r["country"], ",")[0])
		}
		if iso == "" || !b.sovereign[iso] {
			continue
		}
		role := ministerRole(r["office_title"])
		if r2, ok := cia2019Leaders[r["office_title"]]; ok {
			role = r2
		}
		if role == "" {
			continue
		}
		parts, ok := splitCIAName(r["person_name"])
		if !ok || brokenName(r["person_name"]) {
			continue
		}
		canon := parts.canonical()
		var p *person
		if monarchRE.MatchString(r["office_title"]) {
			p = b.people.findAnywhere(ciaForm(parts))
		}
		if p == nil {
			p = b.people.resolve(iso, canon, ciaForm(parts), "", prioCIAHist+2, "2019-06", srcCIA2019)
		}
		if parts.full != canon {
			p.addName(parts.full, ciaForm(parts), 98, "", "en")
		}
		if !monarchRE.MatchString(r["office_title"]) && len(ciaForm(parts).initials) == 0 {
			p.ciaSur = append(p.ciaSur, strings.Join(parts.surname, " "))
		}
		p.addObs(&obs{role: role, of: "country:" + strings.ToLower(iso), title: cleanTitle(r["office_title"]), seenFrom: "2019-06", seenTo: "2019-06", source: srcCIA2019, prio: prioMinisters})
	}
	return nil
}

var phoenixTitleWords = regexp.MustCompile(`(?i)\b(president|minister|premier|prime|chancellor|king|queen|leader|secretary|general|chairman|foreign|defense|defence|russian|chinese|american|french|british|german|spokesman|ambassador|envoy|former|mr|mrs|dr|gov|sen|rep)\b`)

// phoenixNames adds the name variants of the Phoenix country dictionary
// (e.g. VLADIMIR_V._PUTIN) to the people already known in that country.
func (b *builder) phoenixNames() error {
	raw, err := os.ReadFile(b.path("cameo", "Phoenix.Countries.actors.txt"))
	if err != nil {
		return err
	}
	var cur []string
	flush := func(code string) {
		if len(cur) == 0 || len(code) < 3 {
			return
		}
		iso := code[:3]
		if f, ok := isoFix[iso]; ok {
			iso = f
		}
		if b.countries[iso] == nil {
			return
		}
		var p *person
		for _, n := range cur {
			if len(strings.Fields(n)) >= 2 && !phoenixTitleWords.MatchString(n) {
				if p = b.people.find(iso, plainForm(n)); p != nil {
					break
				}
			}
		}
		if p == nil {
			return
		}
		for _, n := range cur {
			if len(strings.Fields(n)) < 2 || phoenixTitleWords.MatchString(n) {
				continue
			}
			f := plainForm(n)
			if best := b.people.find(iso, f); best == p {
				p.addName(n, f, 98, "", "en")
				p.sources[srcPhoenix] = true
			}
		}
	}
	seenCode := false
	for _, line := range strings.Split(string(raw), "\n") {
		t := strings.TrimSpace(line)
		if i := strings.Index(t, "#"); i >= 0 {
			t = strings.TrimSpace(t[:i])
		}
		if t == "" {
			continue
		}
		switch {
		case strings.HasPrefix(t, "["):
			if !seenCode {
				code := strings.Trim(strings.Fields(strings.Trim(t, "[]"))[0], "[]")
				if strings.Contains(code, "GOV") || strings.Contains(code, "ELI") {
					flush(code)
				}
				seenCode = true
			}
		case strings.HasPrefix(t, "+"):
			cur = append(cur, phoenixName(strings.TrimPrefix(t, "+")))
		default:
			if seenCode || len(cur) > 0 && seenCode {
				cur = nil
			}
			seenCode = false
			cur = []string{phoenixName(strings.Fields(t)[0])}
		}
	}
	_ = fmt.Sprint
	return nil
}

// compoundGiven: names whose given part is a compound ("Abdel Fattah",
// "Abdul Hamid") or that carry an Arabic article ("el-Sisi"): the first
// word alone is no name.
func compoundGiven(toks []string) bool {
	for _, t := range toks {
		switch t {
		case "el", "abdel", "abdul", "abd", "abdoul", "abdou", "abou", "abu", "ould", "ag", "wa":
			return true
		}
	}
	return false
}
