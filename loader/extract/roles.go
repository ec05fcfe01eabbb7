package extract

import (
	"strings"

	"github.com/eventgraph/eventgraph/loader/kb"
)

// roleLeader is a pseudo-role: head of state or of government, whichever
// the article names (the Russian leader, le dirigeant chinois).
const roleLeader = "leader"

// rolePresident is the title "president": the office of that name, head
// of state or of government ("the Iranian president").
const rolePresident = "president"

// roleDef is a title that designates an office holder.
type roleDef struct {
	words  []string // folded words
	role   string   // kb role or roleLeader
	plural bool
	fr     bool // French: the demonym follows ("le président chinois")
}

// titleWords are role titles, English and French. Honorifics (Mr, M.)
// are apart: they designate no office.
var roleDefs = func() []roleDef {
	var out []roleDef
	add := func(role string, plural, fr bool, forms ...string) {
		for _, f := range forms {
			out = append(out, roleDef{words: strings.Fields(Fold(f)), role: role, plural: plural, fr: fr})
		}
	}
	hs, hg, fm, dm, oh := kb.RoleHeadOfState, kb.RoleHeadOfGovernment, kb.RoleForeignMinister, kb.RoleDefenceMinister, kb.RoleOrgHead
	add(hs, false, false, "president", "head of state", "king", "queen", "emir", "sultan", "supreme leader", "monarch")
	add(hs, true, false, "presidents", "heads of state", "kings")
	add(hg, false, false, "prime minister", "premier", "chancellor", "head of government", "PM")
	add(hg, true, false, "prime ministers", "premiers", "chancellors", "heads of government")
	add(roleLeader, false, false, "leader", "strongman", "number one", "no 1")
	add(roleLeader, true, false, "leaders")
	add(roleLeader, false, false, "counterpart") // "his Argentine counterpart"
	add(roleLeader, false, false, "host")        // "his Mexican host"
	add(roleLeader, true, false, "counterparts")
	add(fm, false, false, "foreign minister", "foreign secretary", "secretary of state", "top diplomat", "minister of foreign affairs", "foreign affairs minister", "chief diplomat")
	add(fm, true, false, "foreign ministers")
	add(dm, false, false, "defence minister", "defense minister", "defense secretary", "defence secretary", "minister of defence", "minister of defense", "secretary of defense")
	add(oh, false, false, "secretary general", "secretary-general")
	add(hs, false, true, "président", "présidente", "chef de l'état", "chef d'état", "roi", "reine", "émir")
	add(hs, true, true, "présidents", "chefs d'état", "chefs de l'état")
	add(hg, false, true, "premier ministre", "première ministre", "chancelier", "chancelière", "chef du gouvernement")
	add(hg, true, true, "premiers ministres", "chefs de gouvernement", "chefs du gouvernement")
	add(roleLeader, false, true, "dirigeant", "dirigeante", "numéro un", "homme fort", "leader")
	add(roleLeader, true, true, "dirigeants", "leaders")
	add(roleLeader, false, true, "homologue") // "son homologue argentin"
	add(roleLeader, false, true, "hôte")      // "son hôte mexicain"
	add(roleLeader, true, true, "homologues")
	add(fm, false, true, "ministre des affaires étrangères", "chef de la diplomatie", "ministre des affaires étrangères", "cheffe de la diplomatie")
	add(dm, false, true, "ministre de la défense", "ministre des armées")
	add(oh, false, true, "secrétaire général", "secrétaire générale")
	return out
}()

// roleIndex maps the first folded word of a title to its definitions,
// longest first.
var roleIndex = func() map[string][]roleDef {
	m := map[string][]roleDef{}
	for _, d := range roleDefs {
		m[d.words[0]] = append(m[d.words[0]], d)
	}
	for k, v := range m {
		// longest first
		for i := 1; i < len(v); i++ {
			for j := i; j > 0 && len(v[j].words) > len(v[j-1].words); j-- {
				v[j], v[j-1] = v[j-1], v[j]
			}
		}
		m[k] = v
	}
	return m
}()

// Honorifics: a person name follows; no office is implied.
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "m": true, "mme": true, "mlle": true, "sir": true,
	"dame": true, "madame": true, "monsieur": true, "sheikh": true, "cheikh": true, "prince": true,
	"princess": true, "general": true, "gen": true, "senator": true, "sen": true, "governor": true,
	"minister": true, "ministre": true, "ambassador": true, "ambassadeur": true, "premier": true,
	"president": true, "président": true, "présidente": true, "chancellor": true, "king": true, "queen": true,
	"emir": true, "pope": true, "pape": true, "secretary": true, "lord": true, "lady": true, "marshal": true,
	"maréchal": true, "général": true, "vice": true, "deputy": true, "foreign": true, "defense": true, "defence": true,
}

// Words that, before a title, say the holder is not the current one or
// holds another office.
var titleBlockers = map[string]bool{
	"former": true, "ex": true, "late": true, "then": true, "vice": true, "deputy": true, "ancien": true,
	"ancienne": true, "anciens": true, "feu": true, "vice-président": true, "future": true, "futur": true,
	"future's": true, "outgoing": true, "sortant": true, "sortante": true, "acting": true, "intérim": true,
	"previous": true, "précédent": true, "assistant": true, "adjoint": true, "adjointe": true, "first": true,
	"lady": true, "première": false,
}

// roleAt returns the longest title starting at token i (word tokens,
// joiners skipped), or nil.
func roleAt(toks []token, i, end int) (*roleDef, int) {
	if i >= end || toks[i].kind != tkWord {
		return nil, i
	}
	defs := roleIndex[toks[i].norm]
	for d := range defs {
		def := &defs[d]
		k := i
		ok := true
		for _, w := range def.words {
			for k < end && toks[k].kind == tkPunct && (toks[k].p == '\'' || toks[k].p == '-' || toks[k].p == '.') {
				k++
			}
			if k >= end || toks[k].norm != w {
				ok = false
				break
			}
			k++
		}
		if ok {
			if def.words[0] == "pm" && (toks[i].s+2 != toks[i].e || !toks[i].upper) {
				continue
			}
			// "president" of a company, a club, a court: accept only with a
			// country, checked by the caller.
			return def, k
		}
	}
	return nil, i
}
