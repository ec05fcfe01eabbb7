package dates

// The lexicon maps a lower-cased word to its roles in English and in French.
// A word may have a role in each language ("an": the number one in English,
// the unit "year" in French; "sept": the number seven and an abbreviation of
// septembre in French).

type kw uint8

const (
	kwNone kw = iota
	kwOrd     // ordinal suffix: st nd rd th / er re e ème

	// English
	kwToday
	kwYesterday
	kwTomorrow
	kwTonight
	kwAgo
	kwLast
	kwNext
	kwThis
	kwPrevious
	kwFollowing
	kwSame
	kwThat
	kwThe
	kwOn
	kwIn
	kwSince
	kwUntil
	kwBy
	kwDuring
	kwBefore
	kwAfter
	kwFrom
	kwTo
	kwThrough
	kwAnd
	kwOr
	kwOf
	kwBetween
	kwOver
	kwEarly
	kwMid
	kwLate
	kwEnd
	kwBeginning
	kwMiddle
	kwLater
	kwEarlier
	kwNight
	kwMorning // morning, afternoon, evening
	kwYear    // "year" as a context word for a bare year ("the year 2000")

	// French
	kwAujourd
	kwHui
	kwHier
	kwDemain
	kwAvant
	kwApres
	kwIl
	kwY
	kwA
	kwDernier // dernier, dernière, passé, passée (post-posed "last")
	kwProchain
	kwCe // ce, cet, cette
	kwLe
	kwLa
	kwL
	kwLes
	kwEn
	kwDepuis
	kwDes // dès
	kwJusqu
	kwAu
	kwDu
	kwDe
	kwD
	kwAgrave // à
	kwEt
	kwOu
	kwEntre
	kwDebut
	kwMi
	kwFin
	kwCourant
	kwLendemain
	kwSurlendemain
	kwVeille
	kwPlus
	kwTard
	kwTot
	kwAuparavant
	kwMeme
	kwLaAdv // là
	kwMatin // matin, soir
	kwMidi
	kwCi
	kwSuivant
	kwPrecedent
	kwDans
	kwJournee
)

const (
	uDay = 1 + iota
	uWeek
	uMonth
	uYear
	uWeekend
)

const (
	sSpring = 1 + iota
	sSummer
	sAutumn
	sWinter
)

type role struct {
	kw      kw
	month   int8 // 1..12
	wday    int8 // ISO weekday 1 (Monday) .. 7 (Sunday)
	num     int8 // number word value
	unit    int8
	season  int8
	abbr    bool // month abbreviation: only with a day or a year
	plural  bool // plural unit
	needCtx bool // month or season word that is a date only in a date context
}

func (r *role) any() bool {
	return r.kw != 0 || r.month != 0 || r.wday != 0 || r.num != 0 || r.unit != 0 || r.season != 0
}

type lexEntry struct{ r [2]role } // 0 = English, 1 = French

const (
	en = 0
	fr = 1
)

var (
	lexIndex   = map[string]int16{}
	lexEntries []lexEntry
	lexMaxLen  int
)

// lexTable is an open-addressing copy of lexIndex keyed by FNV-1a, which the
// tokenizer computes while lower-casing a word: cheaper than a map lookup
// for every word of the text.
const lexTableSize = 2048

type lexSlot struct {
	h   uint32
	idx int16
	key string
}

var lexTable [lexTableSize]lexSlot

const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

func fnv(s string) uint32 {
	h := fnvOffset
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

func buildLexTable() {
	for w, idx := range lexIndex {
		h := fnv(w)
		for k := h; ; k++ {
			sl := &lexTable[k&(lexTableSize-1)]
			if sl.key == "" {
				*sl = lexSlot{h: h, idx: idx, key: w}
				break
			}
		}
	}
}

// lookup finds a lower-cased word given its FNV-1a hash.
func lookup(w []byte, h uint32) int16 {
	for k := h; ; k++ {
		sl := &lexTable[k&(lexTableSize-1)]
		if sl.key == "" {
			return -1
		}
		if sl.h == h && sl.key == string(w) {
			return sl.idx
		}
	}
}

func add(lang int, word string, r role) {
	idx, ok := lexIndex[word]
	if !ok {
		idx = int16(len(lexEntries))
		lexEntries = append(lexEntries, lexEntry{})
		lexIndex[word] = idx
		if len(word) > lexMaxLen {
			lexMaxLen = len(word)
		}
	}
	dst := &lexEntries[idx].r[lang]
	if r.kw != 0 {
		dst.kw = r.kw
	}
	if r.month != 0 {
		dst.month, dst.abbr = r.month, r.abbr
	}
	if r.wday != 0 {
		dst.wday = r.wday
	}
	if r.num != 0 {
		dst.num = r.num
	}
	if r.unit != 0 {
		dst.unit, dst.plural = r.unit, r.plural
	}
	if r.season != 0 {
		dst.season = r.season
	}
	if r.needCtx {
		dst.needCtx = true
	}
}

func addKw(lang int, k kw, words ...string) {
	for _, w := range words {
		add(lang, w, role{kw: k})
	}
}

func init() {
	enMonths := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	for i, w := range enMonths {
		// "may": a month alone only in a date context (modal verb, Theresa May).
		add(en, w, role{month: int8(i + 1), needCtx: w == "may"})
	}
	for w, m := range map[string]int8{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		add(en, w, role{month: m, abbr: true})
	}
	frMonths := map[string]int8{"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12}
	for w, m := range frMonths {
		add(fr, w, role{month: m})
	}
	for w, m := range map[string]int8{"janv": 1, "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "déc": 12, "dec": 12} {
		add(fr, w, role{month: m, abbr: true})
	}
	for i, w := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		add(en, w, role{wday: int8(i + 1)})
	}
	for i, w := range []string{"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"} {
		add(fr, w, role{wday: int8(i + 1)})
	}
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"} {
		add(en, w, role{num: int8(i + 1)})
	}
	add(en, "a", role{num: 1})
	add(en, "an", role{num: 1})
	for i, w := range []string{"un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
		"treize", "quatorze", "quinze", "seize"} {
		add(fr, w, role{num: int8(i + 1)})
	}
	add(fr, "une", role{num: 1})
	add(fr, "vingt", role{num: 20})

	for _, u := range []struct {
		lang   int
		w      string
		unit   int8
		plural bool
	}{
		{en, "day", uDay, false}, {en, "days", uDay, true},
		{en, "week", uWeek, false}, {en, "weeks", uWeek, true},
		{en, "month", uMonth, false}, {en, "months", uMonth, true},
		{en, "year", uYear, false}, {en, "years", uYear, true},
		{en, "weekend", uWeekend, false},
		{fr, "jour", uDay, false}, {fr, "jours", uDay, true},
		{fr, "semaine", uWeek, false}, {fr, "semaines", uWeek, true},
		{fr, "mois", uMonth, false},
		{fr, "an", uYear, false}, {fr, "ans", uYear, true},
		{fr, "année", uYear, false}, {fr, "années", uYear, true}, {fr, "annee", uYear, false}, {fr, "annees", uYear, true},
		{fr, "week", uWeek, false}, {fr, "weekend", uWeekend, false},
	} {
		add(u.lang, u.w, role{unit: u.unit, plural: u.plural})
	}
	// Seasons. needCtx: the word is a date only with a year, a determiner or
	// a preposition ("Arab Spring", "summer camp", "a été", "the fall of").
	add(en, "spring", role{season: sSpring, needCtx: true})
	add(en, "summer", role{season: sSummer, needCtx: true})
	add(en, "autumn", role{season: sAutumn})
	add(en, "fall", role{season: sAutumn, needCtx: true})
	add(en, "winter", role{season: sWinter, needCtx: true})
	add(fr, "printemps", role{season: sSpring, needCtx: true})
	add(fr, "été", role{season: sSummer, needCtx: true})
	add(fr, "automne", role{season: sAutumn})
	add(fr, "hiver", role{season: sWinter})

	addKw(en, kwOrd, "st", "nd", "rd", "th")
	addKw(fr, kwOrd, "er", "re", "e", "ère", "ème", "eme", "ere")

	addKw(en, kwToday, "today")
	addKw(en, kwYesterday, "yesterday")
	addKw(en, kwTomorrow, "tomorrow")
	addKw(en, kwTonight, "tonight")
	addKw(en, kwAgo, "ago")
	addKw(en, kwLast, "last")
	addKw(en, kwNext, "next")
	addKw(en, kwThis, "this")
	addKw(en, kwPrevious, "previous", "preceding")
	addKw(en, kwFollowing, "following")
	addKw(en, kwSame, "same")
	addKw(en, kwThat, "that")
	addKw(en, kwThe, "the")
	addKw(en, kwOn, "on")
	addKw(en, kwIn, "in")
	addKw(en, kwSince, "since")
	addKw(en, kwUntil, "until", "till", "til")
	addKw(en, kwBy, "by")
	addKw(en, kwDuring, "during")
	addKw(en, kwBefore, "before")
	addKw(en, kwAfter, "after")
	addKw(en, kwFrom, "from")
	addKw(en, kwTo, "to")
	addKw(en, kwThrough, "through", "thru")
	addKw(en, kwAnd, "and")
	addKw(en, kwOr, "or")
	addKw(en, kwOf, "of")
	addKw(en, kwBetween, "between")
	addKw(en, kwOver, "over")
	addKw(en, kwEarly, "early")
	addKw(en, kwMid, "mid")
	addKw(en, kwLate, "late")
	addKw(en, kwEnd, "end")
	addKw(fr, kwEnd, "end") // week-end
	addKw(en, kwBeginning, "beginning", "start")
	addKw(en, kwMiddle, "middle")
	addKw(en, kwLater, "later")
	addKw(en, kwEarlier, "earlier")
	addKw(en, kwNight, "night")
	addKw(en, kwMorning, "morning", "afternoon", "evening")

	addKw(fr, kwAujourd, "aujourd")
	addKw(fr, kwHui, "hui")
	addKw(fr, kwHier, "hier")
	addKw(fr, kwDemain, "demain")
	addKw(fr, kwAvant, "avant")
	addKw(fr, kwApres, "après", "apres")
	addKw(fr, kwIl, "il")
	addKw(fr, kwY, "y")
	addKw(fr, kwA, "a")
	addKw(fr, kwDernier, "dernier", "dernière", "derniere", "derniers", "dernières", "dernieres",
		"passé", "passée", "passe", "passee", "passés", "passées")
	addKw(fr, kwProchain, "prochain", "prochaine", "prochains", "prochaines")
	addKw(fr, kwCe, "ce", "cet", "cette")
	addKw(fr, kwLe, "le")
	addKw(fr, kwLa, "la")
	addKw(fr, kwL, "l")
	addKw(fr, kwLes, "les")
	addKw(fr, kwEn, "en")
	addKw(fr, kwDepuis, "depuis")
	addKw(fr, kwDes, "dès")
	addKw(fr, kwJusqu, "jusqu")
	addKw(fr, kwAu, "au")
	addKw(fr, kwDu, "du")
	addKw(fr, kwDe, "de")
	addKw(fr, kwD, "d")
	addKw(fr, kwAgrave, "à")
	addKw(fr, kwEt, "et")
	addKw(fr, kwOu, "ou")
	addKw(fr, kwEntre, "entre")
	addKw(fr, kwDebut, "début", "debut")
	addKw(fr, kwMi, "mi")
	addKw(fr, kwFin, "fin")
	addKw(fr, kwCourant, "courant")
	addKw(fr, kwLendemain, "lendemain")
	addKw(fr, kwSurlendemain, "surlendemain")
	addKw(fr, kwVeille, "veille")
	addKw(fr, kwPlus, "plus")
	addKw(fr, kwTard, "tard")
	addKw(fr, kwTot, "tôt", "tot")
	addKw(fr, kwAuparavant, "auparavant")
	addKw(fr, kwMeme, "même", "meme")
	addKw(fr, kwLaAdv, "là")
	addKw(fr, kwMatin, "matin", "soir", "soirée", "matinée")
	addKw(fr, kwMidi, "midi")
	addKw(fr, kwCi, "ci")
	addKw(fr, kwSuivant, "suivant", "suivante")
	addKw(fr, kwPrecedent, "précédent", "précédente", "precedent", "precedente")
	addKw(fr, kwDans, "dans")
	addKw(fr, kwJournee, "journée", "journee")
	addKw(fr, kwYear, "an", "année", "annee") // "l'an 2000", "l'année 2019"
	addKw(en, kwYear, "year")
	if len(lexIndex) > lexTableSize/2 {
		panic("dates: lexicon too large for lexTable")
	}
	buildLexTable()
}
