package dates

import (
	"fmt"
	"strings"
	"testing"
)

// exp describes one expected match. Fields left at their zero value are
// still checked (an unexpected Future or End fails the test).
type exp struct {
	text     string
	value    string
	end      string
	resolved bool
	anchor   Anchor
	shift    int
	future   string // "" = Future must be nil; "v" or "v..e"
	yearLess string
}

func fmtExp(e exp) string { return fmt.Sprintf("%+v", e) }

func describe(m Match) exp {
	e := exp{text: m.Text, value: m.Date.Value, end: m.Date.End, resolved: m.Resolved, anchor: m.Anchor, shift: m.ShiftDays, yearLess: m.YearLess}
	if m.Future != nil {
		e.future = m.Future.Value
		if m.Future.End != "" {
			e.future += ".." + m.Future.End
		}
	}
	return e
}

// Shorthands.
func A(text, value string) exp { return exp{text: text, value: value, resolved: true} } // absolute
func AR(text, value, end string) exp {
	return exp{text: text, value: value, end: end, resolved: true}
}
func P(text, value string) exp { // resolved against the publication date
	return exp{text: text, value: value, resolved: true, anchor: AnchorPublication}
}
func PR(text, value, end string) exp {
	return exp{text: text, value: value, end: end, resolved: true, anchor: AnchorPublication}
}
func PF(text, value, future string) exp {
	return exp{text: text, value: value, resolved: true, anchor: AnchorPublication, future: future}
}
func U(text string) exp      { return exp{text: text, anchor: AnchorPublication} } // unresolved, needs ref
func UY(text, yl string) exp { return exp{text: text, anchor: AnchorPublication, yearLess: yl} }
func PREV(text string, shift int, value string) exp {
	return exp{text: text, value: value, resolved: value != "", anchor: AnchorPrevious, shift: shift}
}

type tcase struct {
	name, lang, ref, text string
	want                  []exp
}

const ref = "2024-05-16" // a Thursday

var cases = []tcase{
	// ---- absolute, English ----
	{"en month day year", "en", "", "Biden met Xi on May 16, 2024 in Washington.", []exp{A("May 16, 2024", "2024-05-16")}},
	{"en day month year", "en", "", "The talks opened on 16 May 2024.", []exp{A("16 May 2024", "2024-05-16")}},
	{"en iso", "en", "", "Published 2024-05-16.", []exp{A("2024-05-16", "2024-05-16")}},
	{"en iso with time", "en", "", "at 2024-05-16T10:30:00Z", []exp{A("2024-05-16", "2024-05-16")}},
	{"en ordinal of", "en", ref, "on the 16th of May", []exp{P("16th of May", "2024-05-16")}},
	{"en ordinal", "en", ref, "on May 16th the leaders met", []exp{P("May 16th", "2024-05-16")}},
	{"en on day month", "en", ref, "They met on 16 May.", []exp{P("16 May", "2024-05-16")}},
	{"en weekday month day", "en", ref, "Thursday, May 16, the leaders met", []exp{P("Thursday, May 16", "2024-05-16")}},
	{"en weekday picks year", "en", "2025-03-01", "on Thursday, May 16 they met", []exp{P("Thursday, May 16", "2024-05-16")}},
	{"en us slash", "en", "", "on 05/16/2024 and 16/05/2024", []exp{A("05/16/2024", "2024-05-16"), A("16/05/2024", "2024-05-16")}},
	{"en abbr", "en", "", "On Oct. 22, 2023 and Sept 3 2022", []exp{A("Oct. 22, 2023", "2023-10-22"), A("Sept 3 2022", "2022-09-03")}},
	{"en historical", "en", "", "signed on 4 July 1776", []exp{A("4 July 1776", "1776-07-04")}},
	{"en month year", "en", "", "The summit took place in March 2023.", []exp{A("March 2023", "2023-03")}},
	{"en year", "en", "", "Relations soured in 2018.", []exp{A("2018", "2018")}},
	{"en since year", "en", "", "the first visit since 2014 and in 2018, 2019 and 2020", []exp{A("2014", "2014"), A("2018", "2018"), A("2019", "2019"), A("2020", "2020")}},
	{"en mid year", "en", "", "planned for mid-2019", []exp{A("mid-2019", "2019")}},
	{"en late year", "en", "", "in late 2023 and early 2024", []exp{A("late 2023", "2023"), A("early 2024", "2024")}},
	{"en end of month year", "en", "", "by the end of May 2024", []exp{A("end of May 2024", "2024-05")}},
	{"en season year", "en", "", "a visit in spring 2023 and the summer of 2020", []exp{A("spring 2023", "2023"), A("summer of 2020", "2020")}},
	{"en year range", "en", "", "the 2018-2020 talks and the 2018-19 season", []exp{AR("2018-2020", "2018", "2020"), AR("2018-19", "2018", "2019")}},
	{"en from year to year", "en", "", "from 2015 to 2017", []exp{AR("from 2015 to 2017", "2015", "2017")}},
	{"en day range", "en", ref, "The summit on May 6 and 7, then May 6-7 again", []exp{PR("May 6 and 7", "2024-05-06", "2024-05-07"), PR("May 6-7", "2024-05-06", "2024-05-07")}},
	{"en month day range", "en", ref, "talks scheduled October 22-24", []exp{PR("October 22-24", "2024-10-22", "2024-10-24")}},
	{"en from to", "en", "", "from 22 to 24 October 2024", []exp{AR("from 22 to 24 October 2024", "2024-10-22", "2024-10-24")}},
	{"en cross month", "en", "", "May 30 to June 2, 2024", []exp{AR("May 30 to June 2, 2024", "2024-05-30", "2024-06-02")}},
	{"en between", "en", ref, "between May 6 and May 8", []exp{PR("between May 6 and May 8", "2024-05-06", "2024-05-08")}},
	{"en list", "en", "", "on 6, 7 and 8 May 2024", []exp{AR("6, 7 and 8 May 2024", "2024-05-06", "2024-05-08")}},
	{"en cross year", "en", "", "from December 30, 2023 to January 2, 2024", []exp{AR("from December 30, 2023 to January 2, 2024", "2023-12-30", "2024-01-02")}},
	{"en range year inherit", "en", "", "December 30 - January 2, 2024", []exp{AR("December 30 - January 2, 2024", "2023-12-30", "2024-01-02")}},
	{"en leap day", "en", "2025-01-10", "on February 29", []exp{P("February 29", "2024-02-29")}},
	{"en day month weekday ordinal", "en", "", "Tuesday 14th May 2024", []exp{A("Tuesday 14th May 2024", "2024-05-14")}},

	// ---- absolute, French ----
	{"fr day month year", "fr", "", "Le sommet du 16 mai 2024 à Paris.", []exp{A("16 mai 2024", "2024-05-16")}},
	{"fr le day month", "fr", ref, "Il est arrivé le 16 mai.", []exp{P("16 mai", "2024-05-16")}},
	{"fr premier", "fr", ref, "à partir du 1er juin", []exp{P("1er juin", "2024-06-01")}},
	{"fr slash", "fr", "", "le 16/05/2024 et le 05/06/2024", []exp{A("16/05/2024", "2024-05-16"), A("05/06/2024", "2024-06-05")}},
	{"fr dots", "fr", "", "daté du 16.05.2024", []exp{A("16.05.2024", "2024-05-16")}},
	{"fr weekday date", "fr", "", "jeudi 16 mai 2024", []exp{A("jeudi 16 mai 2024", "2024-05-16")}},
	{"fr accents and caps", "fr", "", "le 3 Février 2022, le 15 août 2021, le 1er décembre 2020, le 4 aout 2019", []exp{A("3 Février 2022", "2022-02-03"), A("15 août 2021", "2021-08-15"), A("1er décembre 2020", "2020-12-01"), A("4 aout 2019", "2019-08-04")}},
	{"fr abbr", "fr", "", "le 12 janv. 2023 et le 3 sept. 2022", []exp{A("12 janv. 2023", "2023-01-12"), A("3 sept. 2022", "2022-09-03")}},
	{"fr month year", "fr", "", "Il l'a rencontré en mars 2023.", []exp{A("mars 2023", "2023-03")}},
	{"fr year", "fr", "", "en 2018 et depuis 2020, jusqu'en 2025", []exp{A("2018", "2018"), A("2020", "2020"), A("2025", "2025")}},
	{"fr fin debut year", "fr", "", "fin 2023 et début 2024", []exp{A("fin 2023", "2023"), A("début 2024", "2024")}},
	{"fr season year", "fr", "", "au printemps 2023, à l'automne 2022, l'été 2021", []exp{A("printemps 2023", "2023"), A("automne 2022", "2022"), A("été 2021", "2021")}},
	{"fr range et", "fr", ref, "les 6 et 7 mai", []exp{PR("6 et 7 mai", "2024-05-06", "2024-05-07")}},
	{"fr range du au", "fr", ref, "du 22 au 24 octobre", []exp{PR("du 22 au 24 octobre", "2024-10-22", "2024-10-24")}},
	{"fr range dash", "fr", "", "22-24 octobre 2024", []exp{AR("22-24 octobre 2024", "2024-10-22", "2024-10-24")}},
	{"fr cross month", "fr", "", "du 30 mai au 2 juin 2024", []exp{AR("du 30 mai au 2 juin 2024", "2024-05-30", "2024-06-02")}},
	{"fr entre", "fr", ref, "entre le 6 et le 8 mai", []exp{PR("entre le 6 et le 8 mai", "2024-05-06", "2024-05-08")}},
	{"fr jusqu'au", "fr", "", "du 3 jusqu'au 5 mars 2024", []exp{AR("du 3 jusqu'au 5 mars 2024", "2024-03-03", "2024-03-05")}},
	{"fr de year a year", "fr", "", "de 2018 à 2020", []exp{AR("de 2018 à 2020", "2018", "2020")}},
	{"fr typographic apostrophe", "fr", ref, "l’an dernier et aujourd’hui", []exp{P("l’an dernier", "2023"), P("aujourd’hui", "2024-05-16")}},

	{"en between years", "en", "", "between 2018 and 2020", []exp{AR("between 2018 and 2020", "2018", "2020")}},
	{"en range comma year", "en", "", "on May 16-17, 2024", []exp{AR("May 16-17, 2024", "2024-05-16", "2024-05-17")}},
	{"en url date", "en", "", "https://example.org/world/2024/05/16/summit.html", []exp{A("2024/05/16", "2024-05-16")}},
	{"en next weekday with date", "en", ref, "next Thursday, May 23", []exp{P("next Thursday, May 23", "2024-05-23")}},
	{"en this weekday with date noref", "en", "", "this Thursday, May 16", []exp{UY("this Thursday, May 16", "--05-16")}},
	{"en possessive weekday", "en", ref, "Friday's summit", []exp{PF("Friday", "2024-05-10", "2024-05-17")}},
	{"en a day later", "en", "", "on 1 June 2024; a day later", []exp{A("1 June 2024", "2024-06-01"), PREV("a day later", 1, "2024-06-02")}},
	{"fr not time or ordinal", "fr", ref, "à 9h30, le 80e anniversaire, le 6e sommet", nil},
	{"fr weekday day month", "fr", "", "le mardi 14 mai 2024", []exp{A("mardi 14 mai 2024", "2024-05-14")}},
	{"fr ce vendredi dernier", "fr", ref, "ce vendredi dernier", []exp{P("ce vendredi dernier", "2024-05-10")}},

	// ---- partial / year-less with ref ----
	{"en month alone", "en", ref, "Officials met in March.", []exp{PF("March", "2024-03", "2025-03")}},
	{"en month alone later", "en", ref, "He will travel in June.", []exp{PF("June", "2023-06", "2024-06")}},
	{"en month alone same", "en", ref, "Talks were held in May.", []exp{P("May", "2024-05")}},
	{"en early month", "en", ref, "early July", []exp{PF("early July", "2023-07", "2024-07")}},
	{"en mid month", "en", ref, "until mid-May", []exp{P("mid-May", "2024-05")}},
	{"en autumn", "en", ref, "this autumn and autumn", []exp{P("this autumn", "2024"), P("autumn", "2024")}},
	{"en last summer", "en", ref, "last summer, next spring, last winter", []exp{P("last summer", "2023"), P("next spring", "2025"), PR("last winter", "2023", "2024")}},
	{"en in the summer", "en", ref, "in the summer", []exp{P("summer", "2024")}},
	{"en day month nearest past", "en", "2024-01-05", "the December 28 meeting", []exp{P("December 28", "2023-12-28")}},
	{"en day month nearest future", "en", "2024-12-20", "a summit on January 15", []exp{P("January 15", "2025-01-15")}},
	{"en day month future alt", "en", ref, "on December 1", []exp{PF("December 1", "2023-12-01", "2024-12-01")}},
	{"fr month alone", "fr", ref, "en mars, début juillet, mi-juillet, fin mars", []exp{PF("mars", "2024-03", "2025-03"), PF("début juillet", "2023-07", "2024-07"), PF("mi-juillet", "2023-07", "2024-07"), PF("fin mars", "2024-03", "2025-03")}},
	{"fr automne", "fr", ref, "à l'automne, cet été, l'été dernier, l'hiver prochain", []exp{P("automne", "2024"), P("cet été", "2024"), P("l'été dernier", "2023"), PR("l'hiver prochain", "2024", "2025")}},

	// ---- relative to publication, English ----
	{"en today", "en", ref, "today, yesterday, tomorrow, tonight", []exp{P("today", "2024-05-16"), P("yesterday", "2024-05-15"), P("tomorrow", "2024-05-17"), P("tonight", "2024-05-16")}},
	{"en this weekday", "en", ref, "this Monday and this Saturday", []exp{P("this Monday", "2024-05-13"), P("this Saturday", "2024-05-18")}},
	{"en weekday alone", "en", ref, "He spoke on Tuesday.", []exp{PF("Tuesday", "2024-05-14", "2024-05-21")}},
	{"en weekday alone same day", "en", ref, "on Thursday", []exp{P("Thursday", "2024-05-16")}},
	{"en last next weekday", "en", ref, "last Friday, next Friday, last Thursday", []exp{P("last Friday", "2024-05-10"), P("next Friday", "2024-05-17"), P("last Thursday", "2024-05-09")}},
	{"en weeks", "en", ref, "next week, last week, this week", []exp{PR("next week", "2024-05-20", "2024-05-26"), PR("last week", "2024-05-06", "2024-05-12"), PR("this week", "2024-05-13", "2024-05-19")}},
	{"en weekend", "en", ref, "this weekend", []exp{PR("this weekend", "2024-05-18", "2024-05-19")}},
	{"en years", "en", ref, "last year, this year, next year", []exp{P("last year", "2023"), P("this year", "2024"), P("next year", "2025")}},
	{"en months", "en", ref, "last month, next month, this month", []exp{P("last month", "2024-04"), P("next month", "2024-06"), P("this month", "2024-05")}},
	{"en ago", "en", ref, "seven months ago, three days ago, two years ago, 10 days ago, a year ago", []exp{P("seven months ago", "2023-10"), P("three days ago", "2024-05-13"), P("two years ago", "2022"), P("10 days ago", "2024-05-06"), P("a year ago", "2023")}},
	{"en weeks ago", "en", ref, "two weeks ago", []exp{PR("two weeks ago", "2024-04-29", "2024-05-05")}},
	{"en in n years is a duration", "en", ref, "the first visit in 24 years, in three days", nil},
	{"en last month name", "en", ref, "last March, last May, next March, this March", []exp{P("last March", "2024-03"), P("last May", "2023-05"), P("next March", "2025-03"), P("this March", "2024-03")}},
	{"en last night", "en", ref, "last night and this morning", []exp{P("last night", "2024-05-15"), P("this morning", "2024-05-16")}},
	{"en day before yesterday", "en", ref, "the day before yesterday", []exp{P("the day before yesterday", "2024-05-14")}},

	// ---- relative to publication, French ----
	{"fr today", "fr", ref, "aujourd'hui, hier, demain, avant-hier, après-demain", []exp{P("aujourd'hui", "2024-05-16"), P("hier", "2024-05-15"), P("demain", "2024-05-17"), P("avant-hier", "2024-05-14"), P("après-demain", "2024-05-18")}},
	{"fr ce jeudi", "fr", ref, "ce jeudi et ce lundi", []exp{P("ce jeudi", "2024-05-16"), P("ce lundi", "2024-05-13")}},
	{"fr weekday alone", "fr", ref, "Il a déclaré mardi que", []exp{PF("mardi", "2024-05-14", "2024-05-21")}},
	{"fr weekday post", "fr", ref, "vendredi dernier, vendredi prochain", []exp{P("vendredi dernier", "2024-05-10"), P("vendredi prochain", "2024-05-17")}},
	{"fr mardi 14", "fr", ref, "mardi 14, les ministres", []exp{P("mardi 14", "2024-05-14")}},
	{"fr years", "fr", ref, "l'an dernier, l'année dernière, cette année, l'an prochain, l'année passée", []exp{P("l'an dernier", "2023"), P("l'année dernière", "2023"), P("cette année", "2024"), P("l'an prochain", "2025"), P("l'année passée", "2023")}},
	{"fr months", "fr", ref, "le mois dernier, le mois prochain, ce mois-ci", []exp{P("le mois dernier", "2024-04"), P("le mois prochain", "2024-06"), P("ce mois-ci", "2024-05")}},
	{"fr weeks", "fr", ref, "la semaine prochaine, la semaine dernière, cette semaine, le week-end dernier", []exp{PR("la semaine prochaine", "2024-05-20", "2024-05-26"), PR("la semaine dernière", "2024-05-06", "2024-05-12"), PR("cette semaine", "2024-05-13", "2024-05-19"), PR("le week-end dernier", "2024-05-11", "2024-05-12")}},
	{"fr il y a", "fr", ref, "il y a sept mois, il y a trois jours, il y a deux ans, il y a 10 jours, il y a un an", []exp{P("il y a sept mois", "2023-10"), P("il y a trois jours", "2024-05-13"), P("il y a deux ans", "2022"), P("il y a 10 jours", "2024-05-06"), P("il y a un an", "2023")}},
	{"fr dans", "fr", ref, "dans deux semaines", []exp{PR("dans deux semaines", "2024-05-27", "2024-06-02")}},
	{"fr day month post", "fr", ref, "le 2 juin dernier et le 2 juin prochain, le 10 mai dernier", []exp{P("2 juin dernier", "2023-06-02"), P("2 juin prochain", "2024-06-02"), P("10 mai dernier", "2024-05-10")}},
	{"fr month post", "fr", ref, "en mars dernier, en mai dernier, juin prochain", []exp{P("mars dernier", "2024-03"), P("mai dernier", "2023-05"), P("juin prochain", "2024-06")}},
	{"fr ce matin", "fr", ref, "ce matin et ce soir", []exp{P("ce matin", "2024-05-16"), P("ce soir", "2024-05-16")}},

	// ---- anaphoric ----
	{"en next day", "en", ref, "They met on May 14. The next day they signed a deal.", []exp{P("May 14", "2024-05-14"), PREV("The next day", 1, "2024-05-15")}},
	{"en chain", "en", "", "Talks began on 3 March 2024. Two days later, a deal. The day before, a dinner. The following day, a press conference.",
		[]exp{A("3 March 2024", "2024-03-03"), PREV("Two days later", 2, "2024-03-05"), PREV("The day before", -1, "2024-03-04"), PREV("The following day", 1, "2024-03-05")}},
	{"en after range", "en", "", "The summit ran from 22 to 24 October 2024. The next day, Xi flew home.", []exp{AR("from 22 to 24 October 2024", "2024-10-22", "2024-10-24"), PREV("The next day", 1, "2024-10-25")}},
	{"en month does not anchor", "en", "", "In March 2023 they met. The next day nothing.", []exp{A("March 2023", "2023-03"), PREV("The next day", 1, "")}},
	{"en in the day", "en", "", "On 1 June 2024 he arrived; earlier in the day he had met the press", []exp{A("1 June 2024", "2024-06-01"), PREV("earlier in the day", 0, "2024-06-01")}},
	{"fr dans la journee", "fr", "", "Le 2 juin 2024, il est arrivé. Plus tôt dans la journée, il avait parlé.", []exp{A("2 juin 2024", "2024-06-02"), PREV("Plus tôt dans la journée", 0, "2024-06-02")}},
	{"en same day", "en", "", "On 1 June 2024 he arrived; later that day and on the same day", []exp{A("1 June 2024", "2024-06-01"), PREV("that day", 0, "2024-06-01"), PREV("the same day", 0, "2024-06-01")}},
	{"en weeks later", "en", "", "on 1 June 2024; two weeks later", []exp{A("1 June 2024", "2024-06-01"), PREV("two weeks later", 14, "2024-06-15")}},
	{"fr lendemain", "fr", ref, "Ils se sont vus le 14 mai. Le lendemain ils ont signé. La veille, un dîner.", []exp{P("14 mai", "2024-05-14"), PREV("Le lendemain", 1, "2024-05-15"), PREV("La veille", -1, "2024-05-14")}},
	{"fr plus tard", "fr", "", "le 2 juin 2024, puis deux jours plus tard et trois jours plus tôt", []exp{A("2 juin 2024", "2024-06-02"), PREV("deux jours plus tard", 2, "2024-06-04"), PREV("trois jours plus tôt", -3, "2024-06-01")}},
	{"en months earlier", "en", "", "on 20 May 2023; three months earlier; a year later; a week later", []exp{A("20 May 2023", "2023-05-20"), PREV("three months earlier", 0, "2023-02"), PREV("a year later", 0, "2024"), PREV("a week later", 7, "2023-05-27")}},
	{"fr mois plus tot", "fr", "", "le 23 août 2024 ; six semaines plus tôt ; trois mois plus tôt ; un an plus tard", []exp{A("23 août 2024", "2024-08-23"), PREV("six semaines plus tôt", -42, "2024-07-12"), PREV("trois mois plus tôt", 0, "2024-04"), PREV("un an plus tard", 0, "2025")}},
	{"fr surlendemain", "fr", "", "le 2 juin 2024. Le surlendemain, l'avant-veille, le même jour, ce jour-là", []exp{A("2 juin 2024", "2024-06-02"), PREV("Le surlendemain", 2, "2024-06-04"), PREV("l'avant-veille", -2, "2024-06-02"), PREV("le même jour", 0, "2024-06-02"), PREV("ce jour-là", 0, "2024-06-02")}},
	{"anaphoric blocked by coarser date", "en", "", "They met on 8 July 2024. They had last met in September 2023. Two days later, a missile test.",
		[]exp{A("8 July 2024", "2024-07-08"), A("September 2023", "2023-09"), PREV("Two days later", 2, "")}},
	{"anaphoric not blocked within sentence", "en", "", "Modi visits Moscow on 8 July 2024, his first trip since February 2022, and Vienna the following day.",
		[]exp{A("8 July 2024", "2024-07-08"), A("February 2022", "2022-02"), PREV("the following day", 1, "2024-07-09")}},
	{"anaphoric not from a week", "fr", ref, "Il s'est rendu à Pékin la semaine dernière. Le lendemain, il a parlé.",
		[]exp{PR("la semaine dernière", "2024-05-06", "2024-05-12"), PREV("Le lendemain", 1, "")}},
	{"fr range post", "fr", ref, "les 6 et 7 juin prochains et les 2 et 3 mai derniers", []exp{PR("6 et 7 juin prochains", "2024-06-06", "2024-06-07"), PR("2 et 3 mai derniers", "2024-05-02", "2024-05-03")}},
	{"anaphoric first", "en", ref, "The next day, talks resumed.", []exp{PREV("The next day", 1, "")}},
	{"anaphoric after yesterday", "en", ref, "Yesterday he landed. The next day he leaves.", []exp{P("Yesterday", "2024-05-15"), PREV("The next day", 1, "2024-05-16")}},

	// ---- without a reference date ----
	{"noref relative en", "en", "", "today, yesterday, next week, on Tuesday, last year, three days ago", []exp{U("today"), U("yesterday"), U("next week"), U("Tuesday"), U("last year"), U("three days ago")}},
	{"noref relative fr", "fr", "", "aujourd'hui, hier, ce jeudi, l'an dernier, il y a trois jours, le mois dernier", []exp{U("aujourd'hui"), U("hier"), U("ce jeudi"), U("l'an dernier"), U("il y a trois jours"), U("le mois dernier")}},
	{"noref yearless", "en", "", "on 16 May and in March and May 6-7", []exp{UY("16 May", "--05-16"), UY("March", "--03"), UY("May 6-7", "--05-06")}},
	{"noref yearless fr", "fr", "", "le 16 mai, en mars, le 2 juin dernier", []exp{UY("16 mai", "--05-16"), UY("mars", "--03"), UY("2 juin dernier", "--06-02")}},
	{"noref season", "en", "", "this autumn", []exp{U("this autumn")}},
	{"noref absolute", "fr", "", "le 16 mai 2024", []exp{A("16 mai 2024", "2024-05-16")}},
	{"bad ref is no ref", "en", "2024-13-45", "yesterday", []exp{U("yesterday")}},

	// ---- not dates ----
	{"not G20", "en", ref, "The G20 and COP28 summits, Article 5 and page 16.", nil},
	{"not ordinal meeting", "en", ref, "the 43rd meeting of the council", nil},
	{"not decimal", "en", ref, "1.5 billion dollars and 1,5 milliard", nil},
	{"not count", "en", ref, "2024 people attended", nil},
	{"not decade", "en", ref, "in the 1990s and the 2000s", nil},
	{"not time", "en", ref, "at 10:30 and 22:15", nil},
	{"not phone", "fr", ref, "appelez le +33 6 12 34 56 78 ou 06-12-34-56-78 ou 01 23 45 67 89", nil},
	{"not may modal", "en", ref, "Putin may visit Beijing. Theresa May said. May I? 5 may run.", nil},
	{"not mars planet", "fr", ref, "la mission vers Mars, sur Mars, la surface de Mars, la planète Mars", nil},
	{"not season idioms", "", ref, "the Arab Spring, le printemps arabe, il a été élu, the fall of Kabul, summer camp", nil},
	{"not march verb", "en", ref, "thousands march in Paris", nil},
	// An impossible day is dropped; what remains true (the month) is kept.
	{"invalid day falls back to month", "en", ref, "on 31 June and 30 February 2023", []exp{PF("June", "2023-06", "2024-06"), A("February 2023", "2023-02")}},
	{"invalid numeric date", "en", ref, "on 2024-02-30 and 31/04/2024", nil},
	{"not money", "en", ref, "$2024 and 2024%", nil},
	{"not bare day", "en", ref, "on the 16th", nil},
	{"not year without context", "en", ref, "The 2019 report", nil},

	// ---- language selection ----
	{"lang both", "", ref, "le 16 mai 2024 and May 17, 2024", []exp{A("16 mai 2024", "2024-05-16"), A("May 17, 2024", "2024-05-17")}},
	{"lang en ignores fr", "en", ref, "le 16 mai 2024", nil},
	{"lang fr ignores en", "fr", ref, "May 17, 2024", nil},
	{"lang fr slash day-first", "fr", "", "05/06/2024", []exp{A("05/06/2024", "2024-06-05")}},
	{"lang both slash day-first", "", "", "05/06/2024", []exp{A("05/06/2024", "2024-06-05")}},

	// ---- offsets with multi-byte text ----
	{"utf8 offsets", "fr", "", "Émmanuel Macron a reçu — le 15 août 2021 — à l’Élysée…", []exp{A("15 août 2021", "2021-08-15")}},
	{"nbsp", "fr", "", "le 16\u00a0mai\u00a02024", []exp{A("16\u00a0mai\u00a02024", "2024-05-16")}},
}

func TestFind(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.text, tc.lang, tc.ref)
			var g []string
			for _, m := range got {
				if m.Text != tc.text[m.Start:m.End] {
					t.Errorf("Text %q != text[%d:%d] %q", m.Text, m.Start, m.End, tc.text[m.Start:m.End])
				}
				g = append(g, fmtExp(describe(m)))
			}
			var w []string
			for _, e := range tc.want {
				w = append(w, fmtExp(e))
			}
			if strings.Join(g, "\n") != strings.Join(w, "\n") {
				t.Errorf("Find(%q, %q, %q)\n got:\n  %s\nwant:\n  %s", tc.text, tc.lang, tc.ref,
					strings.Join(g, "\n  "), strings.Join(w, "\n  "))
			}
		})
	}
}

func TestFindOrderAndOverlap(t *testing.T) {
	text := "On Thursday, May 16, 2024, and from 22 to 24 October, le 2 juin dernier, il y a trois jours."
	ms := Find(text, "", ref)
	if len(ms) != 4 {
		t.Fatalf("want 4 matches, got %d: %+v", len(ms), ms)
	}
	for k := range ms {
		if k > 0 && ms[k].Start < ms[k-1].End {
			t.Errorf("overlap or disorder: %+v then %+v", ms[k-1], ms[k])
		}
	}
	if ms[0].Text != "Thursday, May 16, 2024" {
		t.Errorf("longest match should win, got %q", ms[0].Text)
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		expr, lang, ref string
		want            Date
		ok              bool
	}{
		{"May 16, 2024", "en", "", Date{Value: "2024-05-16"}, true},
		{"16 mai 2024", "fr", "", Date{Value: "2024-05-16"}, true},
		{"in March 2023", "en", "", Date{Value: "2023-03"}, true},
		{"en 2018", "fr", "", Date{Value: "2018"}, true},
		{"mid-2019", "", "", Date{Value: "2019"}, true},
		{"du 22 au 24 octobre 2024", "fr", "", Date{Value: "2024-10-22", End: "2024-10-24"}, true},
		{"next week", "en", ref, Date{Value: "2024-05-20", End: "2024-05-26"}, true},
		{"yesterday", "en", ref, Date{Value: "2024-05-15"}, true},
		{"yesterday", "en", "", Date{}, false},
		{"16 May", "en", "", Date{}, false},
		{"16 May", "en", ref, Date{Value: "2024-05-16"}, true},
		{"le lendemain", "fr", ref, Date{}, false},
		{"Putin may visit", "en", ref, Date{}, false},
		{"G20", "en", ref, Date{}, false},
		{"", "", "", Date{}, false},
	} {
		got, ok := Parse(tc.expr, tc.lang, tc.ref)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Parse(%q, %q, %q) = %+v, %v; want %+v, %v", tc.expr, tc.lang, tc.ref, got, ok, tc.want, tc.ok)
		}
	}
}

func TestCompatible(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"2023-03", "2023-03-20", true},
		{"2023-03-20", "2023-03", true},
		{"2023", "2023-03-20", true},
		{"2023-03-20", "2023-03-20", true},
		{"2023-03-20", "2023-03-21", false},
		{"2023-03", "2023-04-01", false},
		{"2023", "2024", false},
		{"2023-1", "2023-12", false},
		{"", "2023", false},
		{"", "", false},
	} {
		if got := Compatible(tc.a, tc.b); got != tc.want {
			t.Errorf("Compatible(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestShift(t *testing.T) {
	for _, tc := range []struct {
		d    string
		n    int
		want string
	}{
		{"2024-05-16", 1, "2024-05-17"},
		{"2024-02-28", 1, "2024-02-29"},
		{"2023-02-28", 1, "2023-03-01"},
		{"2024-12-31", 1, "2025-01-01"},
		{"2024-01-01", -1, "2023-12-31"},
		{"2024-03-01", -1, "2024-02-29"},
		{"2000-01-01", 366, "2001-01-01"},
		{"1900-03-01", -1, "1900-02-28"},
		{"2024-05-16", 0, "2024-05-16"},
		{"2024-05", 1, ""},
		{"2024-02-30", 1, ""},
		{"garbage!!!", 1, ""},
		{"9999-12-31", 1, ""},
		{"2024-05-16", 1 << 40, ""},
	} {
		if got := Shift(tc.d, tc.n); got != tc.want {
			t.Errorf("Shift(%q, %d) = %q, want %q", tc.d, tc.n, got, tc.want)
		}
	}
}

func TestCivilRoundTrip(t *testing.T) {
	for z := -800000; z <= 800000; z += 37 {
		y, m, d := civilFromDays(z)
		if !validDay(y, m, d) && y >= 1 && y <= 9999 {
			t.Fatalf("civilFromDays(%d) = %d-%d-%d invalid", z, y, m, d)
		}
		if back := daysFromCivil(y, m, d); back != z {
			t.Fatalf("round trip %d -> %d-%d-%d -> %d", z, y, m, d, back)
		}
	}
	if w := isoWeekday(daysFromCivil(2024, 5, 16)); w != 4 {
		t.Fatalf("2024-05-16 is a Thursday, got weekday %d", w)
	}
}

func TestPrecision(t *testing.T) {
	for v, p := range map[string]Precision{"2024": Year, "2024-05": Month, "2024-05-16": Day, "": None} {
		if got := (Date{Value: v}).Precision(); got != p {
			t.Errorf("Precision(%q) = %v, want %v", v, got, p)
		}
	}
}

func TestLexTable(t *testing.T) {
	for w, idx := range lexIndex {
		if got := lookup([]byte(w), fnv(w)); got != idx {
			t.Errorf("lookup(%q) = %d, want %d", w, got, idx)
		}
	}
	for _, w := range []string{"", "zzz", "mayo", "jun2", "lundis"} {
		if got := lookup([]byte(w), fnv(w)); got != -1 {
			t.Errorf("lookup(%q) = %d, want -1", w, got)
		}
	}
}
