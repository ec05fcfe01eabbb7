package gen

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/eventgraph/eventgraph/loader/kb"
)

func (b *builder) buildOrgs() error {
	var mo manualEntries
	if err := readYAML(b.opt.Manual+"/orgs.yaml", &mo); err != nil {
		return err
	}
	b.orgByCIA = map[string]string{}
	b.orgByCOW = map[string]string{}
	for _, m := range mo.Entries {
		e := m.Entry
		if !strings.HasPrefix(e.Key, "org:") {
			return fmt.Errorf("manual/orgs.yaml: key %q must start with org:", e.Key)
		}
		if b.orgs[e.Key] != nil {
			return fmt.Errorf("manual/orgs.yaml: duplicate key %q", e.Key)
		}
		e.Kind = kb.KindOrganization
		e.Sources = []string{srcManual}
		if e.Acronym == "" {
			e.Acronym = e.Name
		}
		add(&e.Names, "en", e.Name)
		for _, c := range m.CIA {
			b.orgByCIA[c] = e.Key
		}
		for _, c := range m.COW {
			b.orgByCOW[strings.ToLower(c)] = e.Key
		}
		b.orgs[e.Key] = &e
	}
	return nil
}

type memberKey struct{ country, org string }

type spellM struct {
	since, until, status, source, note string
}

type manualMemberships struct {
	Orgs []struct {
		Org     string `yaml:"org"`
		Note    string `yaml:"note"`
		Members []struct {
			ISO3      string `yaml:"iso3"`
			OrgMember string `yaml:"org_member"`
			Since     string `yaml:"since"`
			Until     string `yaml:"until"`
			Status    string `yaml:"status"`
			Note      string `yaml:"note"`
		} `yaml:"members"`
	} `yaml:"orgs"`
}

// ciaStatus maps a Factbook qualifier to a membership status ("" = skip).
func ciaStatus(q string) string {
	switch strings.ToLower(q) {
	case "":
		return "member"
	case "observer":
		return "observer"
	case "partner", "partners", "dialogue partner", "dialogue member", "enhanced engagement":
		return "partner"
	case "associate", "associate member":
		return "associate"
	case "candidate country", "candidate", "candidates", "pending member":
		return "candidate"
	case "suspended":
		return "suspended"
	case "temporary":
		return "temporary"
	case "permanent":
		return "permanent"
	}
	return ""
}

const (
	ciaFirstSnapshot = "2015-10-26"
	ciaLastSnapshot  = "2026-05-17"
)

func (b *builder) buildMemberships() error {
	got := map[memberKey][]spellM{}
	// 1. COW IGO v3 (1816-2014, yearly).
	cow, err := readCSV(b.path("leaders", "cow_igo_v3_membership_spells.csv"))
	if err != nil {
		return err
	}
	for _, r := range cow {
		org := b.orgByCOW[strings.ToLower(r["ioname"])]
		if org == "" {
			continue
		}
		cc, _ := strconv.Atoi(r["ccode"])
		iso := b.cowISO[cc]
		if iso == "" {
			b.warnf("cow: no ISO3 for ccode %s (%s)", r["ccode"], r["state"])
			continue
		}
		st := map[string]string{"1": "member", "2": "associate", "3": "observer"}[r["status"]]
		if st == "" {
			continue
		}
		until := r["last_year"]
		if until == "2014" {
			until = "" // still a member at the end of the data: the CIA spells may close it
		}
		got[memberKey{iso, org}] = append(got[memberKey{iso, org}], spellM{since: r["first_year"], until: until, status: st, source: srcCOW})
	}
	// 2. CIA Factbook participation history (2015-10 .. 2026-05 snapshots).
	hist, err := readCSV(b.path("leaders", "cia_factbook_org_participation_history.csv"))
	if err != nil {
		return err
	}
	for _, r := range hist {
		org := b.orgByCIA[r["org"]]
		iso := b.fipsISO[r["fips_code"]]
		if org == "" || iso == "" {
			continue
		}
		st := ciaStatus(r["qualifier"])
		if st == "" || st == "temporary" || st == "permanent" {
			continue
		}
		since := r["first_seen_snapshot"]
		if since == ciaFirstSnapshot {
			since = "" // first snapshot: the real date is unknown
		}
		until := r["last_seen_snapshot"]
		if until == ciaLastSnapshot {
			until = ""
		}
		got[memberKey{iso, org}] = append(got[memberKey{iso, org}], spellM{since: since, until: until, status: st, source: srcCIAHist})
	}
	// 3. Manual: authoritative for the pairs it lists.
	var mm manualMemberships
	if err := readYAML(b.opt.Manual+"/memberships.yaml", &mm); err != nil {
		return err
	}
	manual := map[memberKey][]spellM{}
	orgMembers := map[memberKey][]spellM{}
	for _, o := range mm.Orgs {
		if b.orgs[o.Org] == nil {
			return fmt.Errorf("manual/memberships.yaml: unknown org %s", o.Org)
		}
		for _, m := range o.Members {
			st := m.Status
			if st == "" {
				st = "member"
			}
			sp := spellM{since: m.Since, until: m.Until, status: st, source: srcManual, note: m.Note}
			if m.OrgMember != "" {
				if b.orgs[m.OrgMember] == nil {
					return fmt.Errorf("manual/memberships.yaml: unknown org %s", m.OrgMember)
				}
				orgMembers[memberKey{m.OrgMember, o.Org}] = append(orgMembers[memberKey{m.OrgMember, o.Org}], sp)
				continue
			}
			if b.countries[m.ISO3] == nil {
				return fmt.Errorf("manual/memberships.yaml: unknown iso3 %s", m.ISO3)
			}
			manual[memberKey{m.ISO3, o.Org}] = append(manual[memberKey{m.ISO3, o.Org}], sp)
		}
		b.orgs[o.Org].Note = joinNote(b.orgs[o.Org].Note, "memberships: "+o.Note)
	}
	manualOrgs := map[string]bool{}
	for k := range manual {
		manualOrgs[k.org] = true
	}
	for k, v := range manual {
		got[k] = v
	}
	for k, spells := range got {
		if manualOrgs[k.org] && spells[0].source != srcManual {
			continue // the manual list of this org is complete
		}
		c := b.countries[k.country]
		if c == nil {
			continue
		}
		for _, s := range mergeSpells(spells) {
			st := s.status
			if st == "member" {
				st = ""
			}
			c.Memberships = append(c.Memberships, kb.Membership{Org: k.org, Since: s.since, Until: s.until, Status: st, Source: s.source})
		}
		c.Sources = append(c.Sources, sourcesOf(spells)...)
	}
	for k, spells := range orgMembers {
		o := b.orgs[k.country]
		for _, s := range spells {
			st := s.status
			if st == "member" {
				st = ""
			}
			o.Memberships = append(o.Memberships, kb.Membership{Org: k.org, Since: s.since, Until: s.until, Status: st, Source: s.source})
		}
	}
	return nil
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func sourcesOf(sp []spellM) []string {
	var out []string
	for _, s := range sp {
		out = append(out, s.source)
	}
	return out
}

// mergeSpells joins the spells of one (country, org) pair with the same
// status: a COW spell open at 2014 continues into a CIA spell; a CIA spell
// seen from the first snapshot continues a COW spell.
func mergeSpells(sp []spellM) []spellM {
	if len(sp) > 0 && sp[0].source == srcManual {
		return sp
	}
	byStatus := map[string][]spellM{}
	for _, s := range sp {
		byStatus[s.status] = append(byStatus[s.status], s)
	}
	var out []spellM
	for _, st := range sortedKeys(byStatus) {
		list := byStatus[st]
		key := func(s spellM) string {
			if s.since == "" && s.source == srcCIAHist {
				return ciaFirstSnapshot // seen from the first snapshot on
			}
			return s.since
		}
		sort.SliceStable(list, func(i, j int) bool { return key(list[i]) < key(list[j]) })
		var cur *spellM
		for _, s := range list {
			s := s
			if cur == nil {
				cur = &s
				continue
			}
			// continuation: COW open-ended followed by CIA
			if cur.source == srcCOW && cur.until == "" && s.source == srcCIAHist && (s.since == "" || s.since <= "2016") {
				cur.until = s.until
				cur.source = srcCOW + " + " + srcCIAHist
				continue
			}
			if cur.until != "" && s.since != "" && s.since > cur.until {
				out = append(out, *cur)
				cur = &s
				continue
			}
			if s.until == "" || (cur.until != "" && s.until > cur.until) {
				cur.until = s.until
			}
			if s.source != cur.source && !strings.Contains(cur.source, s.source) {
				cur.source += " + " + s.source
			}
		}
		if cur != nil {
			// A COW spell still open in 2014 that the CIA does not continue
			// ended some time after 2014: close it at the last COW year.
			if cur.source == srcCOW && cur.until == "" {
				cur.until = "2014"
			}
			out = append(out, *cur)
		}
	}
	return out
}
