package extract

import (
	"strings"

	"github.com/eventgraph/eventgraph/graph"
)

// trigType is what a trigger says happened.
type trigType uint8

const (
	tMeet      trigType = iota + 1 // met, meeting, rencontre, s'est entretenu
	tTalks                         // talks, discussions, pourparlers
	tNegotiate                     // negotiations, négociations (CAMEO 046)
	tVisit                         // visit, trip, flew to, visite, s'est rendu
	tHost                          // hosted, welcomed, received, a reçu, accueille
	tPhone                         // phone call, spoke by phone, entretien téléphonique
	tSummit                        // summit, forum, sommet
	tCeremony                      // ceremony, parade, cérémonie, défilé
	tMeal                          // lunch, dinner, banquet, dîner
	tSign                          // signed, signé (CAMEO 057)
	tAttend                        // attended, took part, in the presence of, a participé
	tPress                         // press conference with, conférence de presse commune
	tTold                          // told <foreign official> (CAMEO 040, weak)
	tMediate                       // mediated, médiation (CAMEO 045)
)

// trigDef is one trigger form.
type trigDef struct {
	words  []string // folded words (apostrophes, hyphens and dots skipped)
	typ    trigType
	strong bool // enough alone; weak triggers need a date and two people, or support
	// needObj: the trigger must be followed (within 3 tokens) by a person
	// or country ("received Putin", "called Macron", "told Kallas").
	needObj bool
	// noun: a noun ("visit", "summit"): its participants may be given by
	// a possessive or "by"/"with"/"between" phrases.
	noun bool
	fr   bool // French form
}

func (t trigType) category() string {
	switch t {
	case tPhone:
		return graph.CategoryPhoneCall
	case tSummit:
		return graph.CategorySummit
	case tCeremony:
		return graph.CategoryCeremony
	case tMediate:
		return graph.CategoryOther
	}
	return graph.CategoryMeeting
}

var trigDefs []trigDef
var trigIndex map[string][]*trigDef

func init() {
	fr := false
	add := func(typ trigType, strong, needObj, noun bool, forms ...string) {
		for _, f := range forms {
			trigDefs = append(trigDefs, trigDef{words: strings.Fields(Fold(f)), typ: typ, strong: strong, needObj: needObj, noun: noun, fr: fr})
		}
	}
	// ---- English (verbs after PETRARCH CAMEO.2.0 MEET_PEOPLE, VISIT,
	// HOST, CALL, ASSEMBLE/CONVENE, GO_SOMEWHERE/ATTEND patterns)
	add(tMeet, true, false, false, "met", "meet", "meets", "meeting with", "met with", "meets with", "meet with",
		"sat down with", "sit down with", "sitting down with", "sits down with", "shook hands", "shake hands", "shaking hands", "shakes hands",
		"get together", "got together", "conferred with", "huddled with", "rendezvoused",
		"seen each other", "saw each other", "see each other", "seen one another", "saw one another",
		"travelled together", "traveled together", "toured together")
	add(tMeet, true, false, true, "meeting", "meetings", "face-to-face", "face to face", "one-on-one", "tete-a-tete",
		"tête-à-tête", "handshake", "bilateral meeting", "in-person meeting", "encounter", "reunion", "get-together", "summit meeting")
	add(tTalks, true, false, true, "talks", "held talks", "hold talks", "holding talks", "holds talks", "discussions", "consultations",
		"bilateral talks", "closed-door discussions", "closed-door talks", "conversations", "dialogue")
	add(tMeet, false, true, false, "see", "sees", "saw", "seeing") // "he would see the Ukrainian leader"
	add(tMeet, true, true, false, "called on", "calls on", "calling on", "paid a call on", "paid a courtesy call on",
		"courtesy call on") // "called on Governor-General Bob Dadae": a visit, not a phone call
	add(tTalks, false, false, false, "discussed", "discuss", "discusses", "exchanged views", "conferred")
	// "Biden spoke to Putin late last month": talks with a person as
	// object (weak: a date and two people are needed)
	add(tTalks, false, true, false, "spoke to", "spoke with", "talked to", "talked with", "speaks to", "speaks with")
	add(tNegotiate, true, false, true, "negotiations", "negotiating session")
	add(tNegotiate, false, false, false, "negotiated", "negotiate", "negotiates")
	add(tVisit, true, false, true, "visit", "visits", "state visit", "official visit", "working visit", "state trip", "trip",
		"trips", "tour", "pilgrimage", "journey", "stopover", "visit to", "trip to", "tour of")
	add(tVisit, true, false, false, "visited", "visiting", "toured", "traveled to", "travelled to", "travels to", "travel to",
		"flew to", "flies to", "fly to", "arrived in", "arrives in", "arrive in", "arrived at", "arrived on", "landed in",
		"went to", "goes to", "headed to", "heads to", "came to", "comes to", "made the trip", "arrived",
		"is expected in", "are expected in", "is due in", "are due in", "is expected to arrive", "is due to arrive")
	add(tVisit, false, false, false, "landed", "outing", "arrival", "direction to")
	add(tHost, true, true, false, "hosted", "hosts", "host", "hosting", "welcomed", "welcomes", "welcome", "welcoming",
		"received", "receives", "receive", "receiving", "greeted", "greets", "greet", "played host to", "plays host to")
	add(tHost, true, false, false, "rolled out the red carpet", "rolling out the red carpet", "rolls out the red carpet",
		"roll out the red carpet")
	add(tHost, false, false, true, "welcome ceremony", "red carpet", "the welcome")
	add(tPhone, true, false, true, "phone call", "telephone call", "phone conversation", "telephone conversation",
		"phone talks", "telephone talks", "video call", "videoconference", "video conference", "video link",
		"virtual meeting", "virtual summit", "phone calls")
	add(tPhone, false, false, true, "call")
	add(tPhone, true, false, false, "spoke by phone", "spoke by telephone", "spoke on the phone", "spoke on the telephone",
		"talked by phone", "talked on the phone", "speak by phone", "speak by telephone", "spoken by phone",
		"phoned", "telephoned", "held a phone call", "held a call", "spoke over the phone", "talked over the phone")
	add(tPhone, true, true, false, "called", "calls", "phones", "telephones", "rang")
	add(tSummit, true, false, true, "summit", "summits", "forum", "conference", "gathering", "summit talks")
	add(tSummit, true, false, false, "gathered", "convened", "convene", "convenes")
	add(tCeremony, true, false, true, "ceremony", "ceremonies", "parade", "military parade", "parades", "inauguration",
		"funeral", "commemoration", "commemorations", "celebrations", "opening ceremony", "wreath-laying", "investiture",
		"coronation", "victory day")
	add(tCeremony, false, false, true, "anniversary", "place of honor", "place of honour", "guest of honor", "guest of honour",
		"appearance", "dais", "reviewing stand")
	add(tMeal, true, false, true, "lunch", "dinner", "banquet", "breakfast", "state dinner", "state banquet", "luncheon",
		"working lunch", "working dinner", "had lunch", "had dinner")
	add(tMeal, true, false, false, "lunched", "dined", "lunches", "dines")
	add(tSign, false, false, false, "signed", "sign", "signs", "signing", "inked", "sealed", "seal", "seals")
	add(tAttend, false, false, false, "attended", "attend", "attends", "attending", "took part", "take part", "takes part",
		"participated", "participate", "in the presence of", "was present", "were present", "joined", "turned up", "showed up")
	add(tPress, true, false, true, "press conference with", "news conference with", "joint press conference",
		"joint news conference", "press conference", "news conference", "joint statement", "joint declaration")
	add(tTold, false, true, false, "told")
	add(tMediate, false, false, false, "mediated", "mediate", "mediating", "mediation", "brokered")
	// "Putin and Erdogan formally opened the TurkStream pipeline": weak,
	// so two people and a date are needed
	add(tCeremony, false, false, false, "inaugurated", "inaugurate", "inaugurates", "formally opened", "officially opened",
		"jointly opened", "unveiled", "awarded", "awarding", "decorated", "bestowed")

	// ---- French
	fr = true
	add(tMeet, true, false, false, "rencontré", "rencontrée", "rencontrés", "rencontre", "rencontrer", "rencontrera",
		"rencontreront", "rencontrent", "s'est entretenu", "s'est entretenue", "se sont entretenus", "s'entretenir",
		"s'entretiendra", "s'entretiendront", "s'entretient", "se sont vus", "se sont rencontrés", "se verront",
		"se voient", "se rencontrent", "se rencontreront", "retrouvé", "retrouvés", "se retrouvent", "se retrouveront",
		"s'étaient rencontrés", "s'étaient vus", "s'était entretenu", "s'était entretenue", "s'étaient entretenus",
		"avait rencontré", "avaient rencontré", "s'entretiendra avec", "serré la main", "serrent la main",
		"serreront la main", "se sont serré la main", "s'étaient serré la main")
	add(tMeet, true, false, true, "entretien", "entretiens", "rencontres", "tête-à-tête", "tête à tête", "face-à-face",
		"poignée de main", "réunion", "sommet bilatéral", "rencontre bilatérale", "entrevue")
	add(tTalks, true, false, true, "discussions", "pourparlers", "consultations", "échanges", "conversation", "conversations")
	add(tTalks, false, false, false, "discuté", "ont discuté", "ont échangé", "a échangé", "s'est concerté")
	add(tNegotiate, true, false, true, "négociations", "tractations")
	add(tNegotiate, false, false, false, "négocié", "ont négocié", "a négocié", "négocient", "négocier", "négociera")
	add(tVisit, true, false, true, "visite", "visites", "visite d'état", "visite officielle", "visite de travail", "voyage",
		"déplacement", "tournée", "séjour", "pèlerinage", "sortie à l'étranger", "première sortie", "voyage officiel")
	add(tVisit, true, false, false, "visité", "visitera", "visiter", "visite", "s'est rendu", "s'est rendue", "se rend",
		"se rendra", "se rendre", "se rendront", "s'était rendu", "se sont rendus", "est arrivé", "est arrivée",
		"arrivé à", "arrivée à", "arrive à", "arrivera", "a atterri", "atterri", "en visite", "s'envole", "s'est envolé",
		"est attendu à", "est attendue à", "sont attendus à", "est attendu en", "est attendue en", "est attendu au",
		"sont attendus en", "doit se rendre", "doivent se rendre")
	add(tHost, true, true, false, "a reçu", "reçoit", "recevra", "recevoir", "reçu", "a accueilli", "accueille",
		"accueillera", "accueillir", "accueilli", "attend", "attendait", "a salué", "recevait", "recevaient",
		"accueillait", "accueillaient", "reçoivent", "recevront")
	add(tHost, false, false, true, "cérémonie d'accueil", "tapis rouge")
	add(tPhone, true, false, true, "entretien téléphonique", "échange téléphonique", "conversation téléphonique",
		"appel téléphonique", "entretien par téléphone", "visioconférence", "entretien en visioconférence")
	add(tPhone, false, false, true, "appel", "appels")
	add(tPhone, true, false, false, "par téléphone", "au téléphone", "téléphoné", "s'est entretenu par téléphone",
		"se sont entretenus par téléphone", "se sont parlé", "s'est entretenu au téléphone", "s'étaient parlé")
	add(tPhone, true, true, false, "appelé", "a appelé", "appelle", "appeler", "appellera", "appelleront", "téléphonera",
		"téléphoner", "s'entretiendra par téléphone", "s'entretenir par téléphone")
	add(tSummit, true, false, true, "sommet", "sommets", "forum", "conférence")
	// "les chefs d'État de la CEDEAO, réunis dimanche à Abuja"
	add(tSummit, true, false, false, "réunis", "réunies", "se sont réunis", "se réunissent", "se réuniront", "s'est réuni",
		"se sont retrouvés", "se réunira")
	add(tCeremony, true, false, true, "cérémonie", "cérémonies", "défilé", "défilé militaire", "commémoration",
		"commémorations", "funérailles", "obsèques", "investiture", "célébrations", "parade")
	add(tCeremony, false, false, true, "anniversaire", "tribune d'honneur", "place d'honneur", "invité d'honneur")
	add(tMeal, true, false, true, "dîner", "déjeuner", "banquet", "dîner d'état", "déjeuner de travail", "dîner officiel")
	add(tMeal, true, false, false, "a dîné", "ont dîné", "a déjeuné", "ont déjeuné")
	add(tSign, false, false, false, "scellé", "ont scellé", "a scellé") // "ont scellé jeudi l'accord"
	add(tCeremony, false, false, false, "inauguré", "ont inauguré", "a inauguré", "inaugurent", "inaugureront", "inaugurera",
		"a décoré", "décoré", "décorera")
	add(tSign, false, false, false, "signé", "signée", "signés", "signent", "signeront", "signera", "signature", "paraphé")
	add(tAttend, false, false, false, "a assisté", "assisté", "assistera", "assister", "a participé", "participera",
		"participer", "en présence de", "a pris part", "prendra part", "était présent", "étaient présents")
	add(tPress, true, false, true, "conférence de presse commune", "conférence de presse", "déclaration commune")
	add(tTold, false, true, false, "a dit à", "a déclaré à", "a affirmé à", "a assuré à")
	add(tMediate, false, false, false, "médiation", "médiateur")

	trigIndex = map[string][]*trigDef{}
	for i := range trigDefs {
		d := &trigDefs[i]
		trigIndex[d.words[0]] = append(trigIndex[d.words[0]], d)
	}
	for k, v := range trigIndex {
		for i := 1; i < len(v); i++ {
			for j := i; j > 0 && len(v[j].words) > len(v[j-1].words); j-- {
				v[j], v[j-1] = v[j-1], v[j]
			}
		}
		trigIndex[k] = v
	}
}

// trigMatch is a trigger found in a sentence.
type trigMatch struct {
	t0, t1 int
	def    *trigDef
}

// findTriggers returns the triggers of toks[t0:t1], longest first at each
// position, without overlaps.
// innerAdverbs may sit inside a multi-word trigger.
var innerAdverbs = map[string]bool{
	"deja": true, "longuement": true, "brievement": true, "egalement": true, "aussi": true, "ensuite": true,
	"finalement": true, "enfin": true, "encore": true, "notamment": true, "already": true, "also": true, "briefly": true,
	"then": true, "later": true, "again": true, "finally": true, "recently": true, "longtemps": true,
}

func findTriggers(toks []token, t0, t1 int, lang string) []trigMatch {
	var out []trigMatch
	for k := t0; k < t1; k++ {
		if toks[k].kind != tkWord {
			continue
		}
		defs := trigIndex[toks[k].norm]
		for _, d := range defs {
			if d.fr != (lang == "fr") {
				continue
			}
			q := k
			ok := true
			for wi, w := range d.words {
				if wi > 0 {
					for q < t1 && toks[q].kind == tkPunct && (toks[q].p == '\'' || toks[q].p == '-' || toks[q].p == '.') {
						q++
					}
					// "s'étaient déjà entretenus", "had already met with"
					if q+1 < t1 && innerAdverbs[toks[q].norm] && toks[q].norm != w {
						q++
					}
				}
				if q >= t1 || toks[q].norm != w {
					ok = false
					break
				}
				q++
			}
			if ok {
				out = append(out, trigMatch{t0: k, t1: q, def: d})
				k = q - 1
				break
			}
		}
	}
	return out
}
