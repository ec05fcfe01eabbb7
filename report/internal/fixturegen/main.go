// Command fixturegen writes report/testdata/fixture.json: a realistic,
// made-up report.Data for tests and screenshots of the report renderers.
//
//	go run ./report/internal/fixturegen > report/testdata/fixture.json
//
// The facts are approximate (it is test data) and every sentence is written
// for this fixture. Metrics are computed here from the events, with the same
// definitions as NetworkX (PageRank, betweenness, eigenvector and closeness
// centrality) so that the numbers hang together; communities come from
// gonum's Louvain with a fixed seed.
package main

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/eventgraph/eventgraph/report"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

type person struct{ slug, name, iso3, office string }

var people = []person{
	{"xi", "Xi Jinping", "CHN", "President"},
	{"putin", "Vladimir Putin", "RUS", "President"},
	{"modi", "Narendra Modi", "IND", "Prime Minister"},
	{"lula", "Luiz Inácio Lula da Silva", "BRA", "President"},
	{"ramaphosa", "Cyril Ramaphosa", "ZAF", "President"},
	{"macron", "Emmanuel Macron", "FRA", "President"},
	{"scholz", "Olaf Scholz", "DEU", "Chancellor"},
	{"merkel", "Angela Merkel", "DEU", "Chancellor"},
	{"biden", "Joe Biden", "USA", "President"},
	{"trump", "Donald Trump", "USA", "President"},
	{"erdogan", "Recep Tayyip Erdoğan", "TUR", "President"},
	{"kim", "Kim Jong-un", "PRK", "Chairman of the State Affairs Commission"},
	{"moon", "Moon Jae-in", "KOR", "President"},
	{"yoon", "Yoon Suk Yeol", "KOR", "President"},
	{"abe", "Shinzo Abe", "JPN", "Prime Minister"},
	{"kishida", "Fumio Kishida", "JPN", "Prime Minister"},
	{"sunak", "Rishi Sunak", "GBR", "Prime Minister"},
	{"starmer", "Keir Starmer", "GBR", "Prime Minister"},
	{"trudeau", "Justin Trudeau", "CAN", "Prime Minister"},
	{"meloni", "Giorgia Meloni", "ITA", "Prime Minister"},
	{"zelenskyy", "Volodymyr Zelenskyy", "UKR", "President"},
	{"stoltenberg", "Jens Stoltenberg", "NOR", "Secretary General of NATO"},
	{"tokayev", "Kassym-Jomart Tokayev", "KAZ", "President"},
	{"mirziyoyev", "Shavkat Mirziyoyev", "UZB", "President"},
	{"sharif", "Shehbaz Sharif", "PAK", "Prime Minister"},
	{"pezeshkian", "Masoud Pezeshkian", "IRN", "President"},
	{"lukashenko", "Alexander Lukashenko", "BLR", "President"},
	{"mbs", "Mohammed bin Salman", "SAU", "Crown Prince and Prime Minister"},
}

var countryNames = map[string]string{
	"CHN": "China", "RUS": "Russia", "IND": "India", "BRA": "Brazil", "ZAF": "South Africa",
	"FRA": "France", "DEU": "Germany", "USA": "United States", "TUR": "Türkiye",
	"PRK": "North Korea", "KOR": "South Korea", "JPN": "Japan", "GBR": "United Kingdom",
	"CAN": "Canada", "ITA": "Italy", "UKR": "Ukraine", "NOR": "Norway", "KAZ": "Kazakhstan",
	"UZB": "Uzbekistan", "PAK": "Pakistan", "IRN": "Iran", "BLR": "Belarus", "SAU": "Saudi Arabia",
	"VNM": "Vietnam", "SGP": "Singapore", "FIN": "Finland", "CHE": "Switzerland", "IDN": "Indonesia",
	"PER": "Peru", "LTU": "Lithuania", "ESP": "Spain", "NLD": "Netherlands", "BEL": "Belgium",
}

// Events: date|category|status|place|country|organization|participants|sentence[||sentence]
const eventTable = `
2013-03-22|meeting|occurred|Moscow|RUS||xi,putin|Xi Jinping chose Moscow for his first trip abroad as president and held talks with Vladimir Putin in the Kremlin.
2014-05-20|meeting|occurred|Shanghai|CHN||xi,putin|Putin and Xi met in Shanghai on Tuesday, where the two sides signed a long-negotiated gas supply agreement.||The two presidents watched a joint naval drill begin off the Chinese coast after their talks.
2014-07-15|summit|occurred|Fortaleza|BRA|BRICS|xi,putin,modi|Leaders of the BRICS group gathered in Fortaleza to launch a development bank of their own.
2014-09-18|meeting|occurred|Ahmedabad|IND||modi,xi|Narendra Modi welcomed Xi Jinping to Ahmedabad, his home state, for an evening by the Sabarmati river.
2015-05-09|ceremony|occurred|Moscow|RUS||xi,putin|Xi Jinping stood beside Vladimir Putin on Red Square for the parade marking seventy years since the end of the war in Europe.
2015-06-07|summit|occurred|Elmau|DEU|G7|merkel,abe|Angela Merkel hosted the G7 at a Bavarian castle hotel, with climate finance high on the agenda.
2016-06-25|meeting|occurred|Beijing|CHN||xi,putin|Vladimir Putin arrived in Beijing for a one-day visit and talks with Xi Jinping on Saturday.
2016-08-09|meeting|occurred|Saint Petersburg|RUS||erdogan,putin|Erdoğan travelled to Saint Petersburg to mend ties with Putin after months of tension.||Le président turc a rencontré Vladimir Poutine à Saint-Pétersbourg mardi.
2017-04-06|meeting|occurred|Palm Beach|USA||trump,xi|Donald Trump received Xi Jinping at his Florida resort for two days of talks on trade and North Korea.
2017-05-26|summit|occurred|Taormina|ITA|G7|trump,merkel,macron,abe,trudeau|The G7 leaders met in Taormina, where the communiqué left climate policy to a later decision by Washington.
2017-07-03|meeting|occurred|Moscow|RUS||xi,putin|Xi Jinping and Vladimir Putin met in the Kremlin ahead of the G20 summit in Hamburg.
2017-09-04|summit|occurred|Xiamen|CHN|BRICS|xi,putin,modi|Xi Jinping opened the BRICS summit in the port city of Xiamen on Monday.
2017-11-09|meeting|occurred|Beijing|CHN||trump,xi|Trump was given a state visit "plus" in Beijing, with a private tour of the Forbidden City.
2018-03-26|meeting|occurred|Beijing|CHN||kim,xi|Kim Jong-un made an unannounced trip to Beijing by armoured train and met Xi Jinping, his first known journey abroad as leader.
2018-04-27|meeting|occurred|Panmunjom|KOR||moon,kim|Moon Jae-in and Kim Jong-un shook hands across the military demarcation line at Panmunjom.||The two Korean leaders planted a pine tree together near the border.
2018-04-28|meeting|occurred|Wuhan|CHN||modi,xi|Modi and Xi held an informal summit in Wuhan, walking along East Lake between sessions.
2018-06-08|summit|occurred|Charlevoix|CAN|G7|trump,merkel,macron,abe,trudeau|Justin Trudeau hosted the G7 in Charlevoix, where a photo of leaders around a seated Trump went round the world.
2018-06-10|summit|occurred|Qingdao|CHN|SCO|xi,putin,modi|Xi Jinping welcomed the leaders of the Shanghai Cooperation Organisation to Qingdao, the first summit with India and Pakistan as full members.
2018-06-12|meeting|occurred|Singapore|SGP||trump,kim|Trump and Kim met on Sentosa island in Singapore, the first meeting of a sitting US president and a North Korean leader.||Les deux dirigeants ont signé une déclaration commune de quatre points.
2018-07-11|summit|occurred|Brussels|BEL|NATO|trump,merkel,macron,erdogan,stoltenberg,trudeau|NATO leaders met at the alliance's new headquarters in Brussels amid a dispute over defence spending.
2018-07-16|meeting|occurred|Helsinki|FIN||trump,putin|Donald Trump and Vladimir Putin held their first formal summit in Helsinki's presidential palace.
2018-07-26|summit|occurred|Johannesburg|ZAF|BRICS|xi,putin,modi,ramaphosa|Cyril Ramaphosa hosted the tenth BRICS summit in Johannesburg.
2018-09-18|meeting|occurred|Pyongyang|PRK||moon,kim|Moon Jae-in flew to Pyongyang for three days of talks with Kim Jong-un.
2019-02-27|meeting|occurred|Hanoi|VNM||trump,kim|The second Trump–Kim summit in Hanoi ended early and without an agreement.
2019-03-25|meeting|occurred|Paris|FRA||macron,xi|Emmanuel Macron received Xi Jinping at the Élysée Palace for a state visit.||Emmanuel Macron a reçu Xi Jinping à l'Élysée lundi soir.
2019-04-25|meeting|occurred|Vladivostok|RUS||kim,putin|Kim Jong-un and Vladimir Putin met for the first time on Russky Island near Vladivostok.
2019-06-05|meeting|occurred|Moscow|RUS||xi,putin|Xi Jinping began a three-day state visit to Russia with talks in the Kremlin on Wednesday.||The two leaders later visited Moscow Zoo, which had just received two giant pandas.
2019-06-20|meeting|occurred|Pyongyang|PRK||xi,kim|Xi Jinping arrived in Pyongyang, the first visit by a Chinese leader to North Korea in fourteen years.
2019-06-29|meeting|occurred|Osaka|JPN||trump,xi|On the sidelines of the G20 in Osaka, Trump and Xi agreed to resume trade talks.
2019-06-30|meeting|occurred|Panmunjom|KOR||trump,kim,moon|Donald Trump briefly stepped into North Korea at Panmunjom alongside Kim Jong-un, with Moon Jae-in joining them later.
2019-08-25|summit|occurred|Biarritz|FRA|G7|macron,trump,merkel,abe,trudeau,modi|Macron hosted the G7 in Biarritz, inviting Narendra Modi as a guest.
2019-10-11|meeting|occurred|Mamallapuram|IND||modi,xi|Modi and Xi met for a second informal summit at the shore temples of Mamallapuram.
2019-11-13|summit|occurred|Brasília|BRA|BRICS|xi,putin,modi,ramaphosa|The BRICS summit in Brasília drew the leaders of China, Russia, India and South Africa.
2020-01-11|meeting|occurred|Moscow|RUS||merkel,putin|Angela Merkel travelled to Moscow for talks with Putin on Libya and Iran.
2021-06-13|summit|occurred|Carbis Bay|GBR|G7|biden,merkel,macron,trudeau,moon|The G7 met in person again in Carbis Bay, Cornwall, with Moon Jae-in among the invited guests.
2021-06-16|meeting|occurred|Geneva|CHE||biden,putin|Joe Biden and Vladimir Putin met at a lakeside villa in Geneva for about four hours.
2021-11-15|phone_call|occurred||USA||biden,xi|Biden and Xi spoke for more than three hours in a video call on Monday evening, Washington time.
2021-12-06|meeting|occurred|New Delhi|IND||putin,modi|Putin made a brief trip to New Delhi for the annual India–Russia summit with Modi.
2022-02-04|meeting|occurred|Beijing|CHN||xi,putin|Xi and Putin met in Beijing before the opening of the Winter Olympics and declared a partnership with "no limits".
2022-02-07|meeting|occurred|Moscow|RUS||macron,putin|Macron and Putin talked for five hours across a very long table in the Kremlin.
2022-06-16|meeting|occurred|Kyiv|UKR||macron,scholz,zelenskyy|Macron, Scholz and the Italian prime minister travelled by night train to Kyiv to meet Zelenskyy.
2022-06-27|summit|occurred|Elmau|DEU|G7|scholz,biden,macron,kishida,trudeau,modi,ramaphosa|Olaf Scholz hosted the G7 at Elmau, with India and South Africa among the outreach guests.
2022-06-29|summit|occurred|Madrid|ESP|NATO|biden,scholz,macron,erdogan,stoltenberg,trudeau,kishida,yoon|The NATO summit in Madrid invited Finland and Sweden to join after Türkiye lifted its objection.
2022-07-15|meeting|occurred|Jeddah|SAU||biden,mbs|Joe Biden met Mohammed bin Salman in Jeddah, greeting him with a fist bump.
2022-08-18|meeting|occurred|Lviv|UKR||erdogan,zelenskyy|Erdoğan met Zelenskyy in Lviv to discuss grain exports across the Black Sea.
2022-09-16|summit|occurred|Samarkand|UZB|SCO|xi,putin,modi,erdogan,mirziyoyev,tokayev,sharif,lukashenko|Shavkat Mirziyoyev hosted the SCO summit in Samarkand, where Putin met Xi for the first time since February.||Modi told Putin that "today's era is not an era of war".
2022-11-04|meeting|occurred|Beijing|CHN||scholz,xi|Olaf Scholz flew to Beijing for an eleven-hour visit and talks with Xi Jinping.
2022-11-14|meeting|occurred|Bali|IDN||biden,xi|Biden and Xi held their first in-person meeting as presidents on the eve of the G20 in Bali.
2022-12-09|summit|occurred|Riyadh|SAU||mbs,xi|Mohammed bin Salman welcomed Xi Jinping to Riyadh for a China–Arab States summit.
2022-12-30|phone_call|occurred||||xi,putin|Putin and Xi held a video call at the end of the year, the Kremlin said.
2023-02-20|meeting|occurred|Kyiv|UKR||biden,zelenskyy|Joe Biden made an unannounced visit to Kyiv and walked with Zelenskyy through the city centre.
2023-03-20|meeting|occurred|Moscow|RUS||xi,putin|Xi Jinping arrived in Moscow on Monday for a three-day state visit, his first since Putin was indicted by the ICC.||Xi called Putin his "dear friend" at the start of informal talks.
2023-04-06|meeting|occurred|Beijing|CHN||macron,xi|Macron held talks with Xi in Beijing and then travelled with him to Guangzhou.
2023-04-14|meeting|occurred|Beijing|CHN||lula,xi|Lula met Xi Jinping in the Great Hall of the People on the last day of his state visit.
2023-05-20|summit|occurred|Hiroshima|JPN|G7|kishida,biden,scholz,macron,sunak,trudeau,meloni,zelenskyy,modi,lula,yoon|Zelenskyy flew to Hiroshima to attend the G7 summit in person, meeting Modi for the first time since the invasion.
2023-07-11|summit|occurred|Vilnius|LTU|NATO|biden,scholz,macron,erdogan,stoltenberg,sunak,meloni,zelenskyy,kishida,yoon|NATO leaders gathered in Vilnius, where Erdoğan agreed to send Sweden's accession protocol to parliament.
2023-08-23|summit|occurred|Johannesburg|ZAF|BRICS|ramaphosa,xi,modi,lula|The BRICS leaders invited six countries to join at their summit in Johannesburg; Putin followed by video link.
2023-09-13|meeting|occurred|Vostochny Cosmodrome|RUS||putin,kim|Putin gave Kim Jong-un a tour of the Vostochny space launch centre before their talks.
2023-10-18|meeting|occurred|Beijing|CHN||xi,putin|Putin came to Beijing for the Belt and Road Forum and held three hours of talks with Xi.
2023-11-15|meeting|occurred|Woodside|USA||biden,xi|Biden and Xi met at an estate south of San Francisco and agreed to restore military communication.
2024-02-08|phone_call|occurred||||xi,putin|Xi and Putin spoke by telephone ahead of the Lunar New Year.
2024-04-16|meeting|occurred|Beijing|CHN||scholz,xi|Scholz ended a three-day trip to China with talks with Xi Jinping in Beijing.
2024-05-06|meeting|occurred|Paris|FRA||macron,xi|Xi Jinping began his first European tour in five years with talks at the Élysée.||Macron then took Xi to the Tourmalet pass in the Pyrenees.
2024-05-16|meeting|occurred|Beijing|CHN||xi,putin|Vladimir Putin arrived in Beijing on Thursday for a state visit, his first trip abroad since his inauguration.||The two leaders had met "more than forty times", one commentator noted.
2024-06-14|summit|occurred|Borgo Egnazia|ITA|G7|meloni,biden,scholz,macron,kishida,sunak,trudeau,zelenskyy,modi,lula,erdogan|Giorgia Meloni hosted the G7 in Apulia, with Pope Francis and several Global South leaders in attendance.
2024-06-19|meeting|occurred|Pyongyang|PRK||putin,kim|Putin and Kim signed a mutual defence treaty during the Russian leader's visit to Pyongyang.
2024-07-03|summit|occurred|Astana|KAZ|SCO|tokayev,xi,putin,erdogan,mirziyoyev,sharif,lukashenko|Kassym-Jomart Tokayev hosted the SCO summit in Astana, where Belarus joined as the tenth member.
2024-07-08|meeting|occurred|Moscow|RUS||modi,putin|Modi visited Moscow for the first time since 2019 and hugged Putin at his residence outside the city.
2024-07-10|summit|occurred|Washington|USA|NATO|biden,scholz,macron,erdogan,stoltenberg,starmer,meloni,zelenskyy,kishida,yoon,trudeau|NATO marked its 75th anniversary at a summit in Washington.
2024-10-23|summit|occurred|Kazan|RUS|BRICS|putin,xi,modi,ramaphosa,pezeshkian,erdogan,lukashenko|Putin hosted the expanded BRICS in Kazan; Modi and Xi held their first formal bilateral talks in five years on the sidelines.
2024-10-23|meeting|occurred|Kazan|RUS||modi,xi|In Kazan, Modi and Xi endorsed an agreement on patrolling along their disputed border.
2024-11-16|meeting|occurred|Lima|PER||biden,xi|Biden and Xi met in Lima for what was expected to be their last meeting as presidents.
2025-02-28|meeting|occurred|Washington|USA||trump,zelenskyy|A meeting between Trump and Zelenskyy in the Oval Office ended in a public argument.
2025-05-09|ceremony|occurred|Moscow|RUS||putin,xi,lula,lukashenko|Xi Jinping was the guest of honour at the Victory Day parade in Moscow, with Lula and Lukashenko among the other leaders.
2025-05-13|meeting|occurred|Riyadh|SAU||trump,mbs|Trump began a tour of the Gulf in Riyadh, where Mohammed bin Salman greeted him at the airport.
2025-06-16|summit|occurred|Kananaskis|CAN|G7|trump,macron,starmer,meloni,zelenskyy,modi,ramaphosa,lula|The G7 met in the Rocky Mountains at Kananaskis; Trump left a day early.
2025-06-25|summit|occurred|The Hague|NLD|NATO|trump,macron,erdogan,starmer,meloni,zelenskyy|NATO allies agreed in The Hague to raise defence spending to five per cent of output by 2035.
2025-07-06|summit|occurred|Rio de Janeiro|BRA|BRICS|lula,modi,ramaphosa|Lula hosted the BRICS summit in Rio de Janeiro without Xi or Putin in the room.
2025-08-15|meeting|occurred|Anchorage|USA||trump,putin|Trump and Putin met at a military base in Anchorage, Alaska, their first summit since 2018.
2025-08-31|summit|occurred|Tianjin|CHN|SCO|xi,putin,modi,erdogan,tokayev,mirziyoyev,sharif,lukashenko,pezeshkian|Xi Jinping hosted the largest SCO summit yet in Tianjin; Modi, Putin and Xi were pictured laughing together.
2025-09-02|meeting|occurred|Beijing|CHN||xi,putin|Xi and Putin held formal talks in Beijing on the eve of the military parade.||Putin told Xi the relationship was "at an unprecedentedly high level".
2025-09-03|ceremony|occurred|Beijing|CHN||xi,putin,kim,lukashenko,pezeshkian|Kim Jong-un joined Xi Jinping and Vladimir Putin on the rostrum above Tiananmen Square for the parade.
2025-11-22|summit|planned|Johannesburg|ZAF|G20|ramaphosa,modi,lula,macron,starmer,meloni,erdogan|South Africa is due to host the first G20 summit on the African continent in Johannesburg in November.
`

type claimSpec struct {
	subject   []string
	kind      string
	value     float64
	qualifier string
	asOf      string
	sentence  string
	title     string
}

var claimSpecs = []claimSpec{
	{[]string{"xi", "putin"}, "meeting_count", 40, "about", "2023-03-20", "The two men have met about 40 times over the past decade, by the Kremlin's count.", "Xi arrives in Moscow for three-day state visit"},
	{[]string{"xi", "putin"}, "meeting_count", 43, "", "2024-05-16", "Thursday's talks were the 43rd meeting between the two leaders.", "Putin lands in Beijing on first trip of new term"},
	{[]string{"xi", "putin"}, "meeting_count", 45, "at least", "2025-09-02", "Xi and Putin have now met at least 45 times, more than either has met any other leader.", "Xi and Putin meet before Beijing parade"},
	{[]string{"modi", "xi"}, "meeting_count", 18, "more than", "2019-10-11", "Modi and Xi have met more than 18 times since 2014, including on the sidelines of summits.", "Modi and Xi meet at Mamallapuram"},
	{[]string{"trump", "kim"}, "meeting_count", 3, "", "2019-06-30", "It was the third meeting between Trump and Kim in a little over a year.", "Trump steps into North Korea"},
	{[]string{"biden", "xi"}, "meeting_count", 3, "", "2024-11-16", "The meeting in Lima was the third in person between the two presidents.", "Biden and Xi meet in Lima"},
	{[]string{"xi", "putin"}, "trade_volume_usd", 240e9, "about", "2024-05-16", "Trade between China and Russia reached about $240 billion last year, according to Chinese customs data.", "China–Russia trade at record"},
}

var memberships = []report.Membership{
	{Org: "BRICS", Key: "org:brics", Members: []string{"Brazil", "China", "Egypt", "Ethiopia", "India", "Indonesia", "Iran", "Russia", "South Africa", "United Arab Emirates"}},
	{Org: "G7", Key: "org:g7", Members: []string{"Canada", "France", "Germany", "Italy", "Japan", "United Kingdom", "United States"}},
	{Org: "NATO", Key: "org:nato", Members: []string{"Albania", "Belgium", "Bulgaria", "Canada", "Croatia", "Czechia", "Denmark", "Estonia", "Finland", "France", "Germany", "Greece", "Hungary", "Iceland", "Italy", "Latvia", "Lithuania", "Luxembourg", "Montenegro", "Netherlands", "North Macedonia", "Norway", "Poland", "Portugal", "Romania", "Slovakia", "Slovenia", "Spain", "Sweden", "Türkiye", "United Kingdom", "United States"}},
	{Org: "SCO", Key: "org:sco", Members: []string{"Belarus", "China", "India", "Iran", "Kazakhstan", "Kyrgyzstan", "Pakistan", "Russia", "Tajikistan", "Uzbekistan"}},
}

const asOf = "2025-09-30"

func main() {
	d, err := build()
	if err != nil {
		fmt.Fprintln(os.Stderr, "fixturegen:", err)
		os.Exit(1)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		fmt.Fprintln(os.Stderr, "fixturegen:", err)
		os.Exit(1)
	}
}

func pkey(slug string) string { return "person:" + slug }

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

func build() (*report.Data, error) {
	bySlug := map[string]person{}
	for _, p := range people {
		bySlug[p.slug] = p
	}
	var events []report.EventRef
	articles := map[string]bool{}
	langs := map[string]int{}
	sources := 0
	for i, line := range strings.Split(strings.TrimSpace(eventTable), "\n") {
		f := strings.SplitN(line, "|", 8)
		if len(f) != 8 {
			return nil, fmt.Errorf("line %d: %d fields", i+1, len(f))
		}
		var names []string
		slugs := strings.Split(f[6], ",")
		for _, s := range slugs {
			p, ok := bySlug[s]
			if !ok {
				return nil, fmt.Errorf("line %d: unknown %q", i+1, s)
			}
			names = append(names, p.name)
		}
		ev := report.EventRef{
			Key:          fmt.Sprintf("event:%08x", hash(line)),
			Date:         f[0],
			Category:     f[1],
			Status:       f[2],
			Place:        f[3],
			Country:      f[4],
			Participants: names,
		}
		if f[5] != "" {
			ev.Organization = "org:" + strings.ToLower(f[5])
		}
		if f[1] == "summit" && f[0] >= "2022" {
			// multi-day summits carry an end date
			t, _ := time.Parse("2006-01-02", f[0])
			ev.DateEnd = t.AddDate(0, 0, 1).Format("2006-01-02")
		}
		for j, sent := range strings.Split(f[7], "||") {
			lang := "en"
			if strings.Contains(sent, " a rencontré ") || strings.Contains(sent, " a reçu ") || strings.Contains(sent, " ont signé ") {
				lang = "fr"
			}
			pub, _ := time.Parse("2006-01-02", f[0])
			pub = pub.AddDate(0, 0, j)
			slug := slugify(strings.Join(slugs, " ") + " " + f[3])
			if slug == "" {
				slug = "call"
			}
			outlet := []string{"news.example.org", "wire.example.net", "journal.example.fr"}[(i+j)%3]
			if lang == "fr" {
				outlet = "journal.example.fr"
			}
			src := report.SourceRef{
				Article:   fmt.Sprintf("article:%08x", hash(sent)),
				Title:     title(ev, names, lang),
				Path:      fmt.Sprintf("corpus/%s/%s-%d.txt", pub.Format("2006"), slug, j+1),
				Published: pub.Format("2006-01-02"),
				Sentence:  sent,
			}
			if (i+j)%5 != 4 { // a few articles come without a URL, only a path
				src.URL = fmt.Sprintf("https://%s/%s/%s", outlet, pub.Format("2006/01/02"), slug)
			}
			ev.Sources = append(ev.Sources, src)
			articles[src.Article] = true
			langs[lang]++
			sources++
		}
		events = append(events, ev)
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].Date < events[j].Date })

	// Leader network.
	idx := map[string]int{}
	for i, p := range people {
		idx[p.slug] = i
	}
	n := len(people)
	type tie struct {
		count       int
		weight, str float64
		first, last string
		events      []string
		bilateral   int
		perYear     map[int]int
		dates       []string
	}
	ties := map[[2]int]*tie{}
	evCount := make([]int, n)
	asOfT, _ := time.Parse("2006-01-02", asOf)
	nameIdx := map[string]int{}
	for i, p := range people {
		nameIdx[p.name] = i
	}
	for _, ev := range events {
		if ev.Status != "occurred" {
			continue
		}
		t, _ := time.Parse("2006-01-02", ev.Date)
		age := asOfT.Sub(t).Hours() / 24
		var ids []int
		for _, nm := range ev.Participants {
			ids = append(ids, nameIdx[nm])
		}
		for _, a := range ids {
			evCount[a]++
		}
		for x := 0; x < len(ids); x++ {
			for y := x + 1; y < len(ids); y++ {
				a, b := ids[x], ids[y]
				if a > b {
					a, b = b, a
				}
				k := [2]int{a, b}
				tt := ties[k]
				if tt == nil {
					tt = &tie{first: ev.Date, perYear: map[int]int{}}
					ties[k] = tt
				}
				tt.count++
				tt.weight += 1 / float64(len(ids)-1)
				tt.str += math.Pow(0.5, age/365)
				tt.last = ev.Date
				tt.events = append(tt.events, ev.Key)
				tt.dates = append(tt.dates, ev.Date)
				tt.perYear[t.Year()]++
				if len(ids) == 2 {
					tt.bilateral++
				}
			}
		}
	}
	w := make([][]float64, n)
	for i := range w {
		w[i] = make([]float64, n)
	}
	var keys [][2]int
	for k, t := range ties {
		w[k[0]][k[1]] = t.weight
		w[k[1]][k[0]] = t.weight
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	pr := pagerank(w)
	btw := betweenness(w)
	eig := eigenvector(w)
	clo := closeness(w)
	comm := louvain(w)

	d := &report.Data{
		Title:     "Leader diplomacy, 2013–2025",
		Generated: "2025-09-30T12:00:00Z",
		Window:    "all",
		Focus:     []string{"Xi Jinping", "Vladimir Putin"},
		Analysis: &report.AnalysisRunRef{
			At:           "2025-09-30T11:58:12Z",
			GraphVersion: "2025-09-30T11:40:03Z/1187",
			Params:       "window=all; half_life_days=365; louvain_seed=1; resolution=1",
		},
	}
	for i, p := range people {
		deg, str := 0.0, 0.0
		for j := range n {
			if w[i][j] > 0 {
				deg++
				str += w[i][j]
			}
		}
		d.Nodes = append(d.Nodes, report.Node{
			Key: pkey(p.slug), Name: p.name, Kind: "person", Country: p.iso3, Office: p.office,
			Events: evCount[i], Degree: deg, Strength: round(str, 4), PageRank: round(pr[i], 5),
			Betweenness: round(btw[i], 5), Eigenvector: round(eig[i], 5), Closeness: round(clo[i], 5),
			Community: comm[i],
		})
	}
	for _, k := range keys {
		t := ties[k]
		d.Edges = append(d.Edges, report.Edge{
			A: pkey(people[k[0]].slug), B: pkey(people[k[1]].slug), Count: t.count,
			Weight: round(t.weight, 4), Strength: round(t.str, 4), First: t.first, Last: t.last,
		})
	}
	// Communities, members most central first.
	byComm := map[int][]int{}
	for i, c := range comm {
		byComm[c] = append(byComm[c], i)
	}
	var cids []int
	for c := range byComm {
		cids = append(cids, c)
	}
	sort.Ints(cids)
	for _, c := range cids {
		m := byComm[c]
		sort.SliceStable(m, func(a, b int) bool { return pr[m[a]] > pr[m[b]] })
		var names []string
		for _, i := range m {
			names = append(names, people[i].name)
		}
		d.Communities = append(d.Communities, report.Community{ID: c, Members: names})
	}

	// Events per year.
	years := map[int]*report.YearCount{}
	for _, ev := range events {
		y := atoi(ev.Date[:4])
		yc := years[y]
		if yc == nil {
			yc = &report.YearCount{Year: y, ByCategory: map[string]int{}}
			years[y] = yc
		}
		yc.Count++
		yc.ByCategory[ev.Category]++
	}
	for y := 2013; y <= 2025; y++ {
		if yc := years[y]; yc != nil {
			d.EventsPerYear = append(d.EventsPerYear, *yc)
		}
	}

	// Claims.
	var claims []report.ClaimRef
	for _, c := range claimSpecs {
		a, b := idx[c.subject[0]], idx[c.subject[1]]
		if a > b {
			a, b = b, a
		}
		observed := -1
		if c.kind == "meeting_count" {
			observed = 0
			for _, dt := range ties[[2]int{a, b}].dates {
				if dt <= c.asOf {
					observed++
				}
			}
		}
		slug := slugify(c.title)
		article := fmt.Sprintf("article:%08x", hash(c.sentence))
		// A claim comes from an article that also reports the meeting of
		// that day, when there is one.
		for _, ev := range events {
			if ev.Date == c.asOf && len(ev.Participants) == 2 && len(ev.Sources) > 0 &&
				((ev.Participants[0] == bySlug[c.subject[0]].name && ev.Participants[1] == bySlug[c.subject[1]].name) ||
					(ev.Participants[1] == bySlug[c.subject[0]].name && ev.Participants[0] == bySlug[c.subject[1]].name)) {
				article = ev.Sources[0].Article
			}
		}
		claims = append(claims, report.ClaimRef{
			Subject:   []string{bySlug[c.subject[0]].name, bySlug[c.subject[1]].name},
			Kind:      c.kind,
			Value:     c.value,
			Qualifier: c.qualifier,
			AsOf:      c.asOf,
			Observed:  observed,
			Source: report.SourceRef{
				Article: article, Title: c.title,
				Path:      fmt.Sprintf("corpus/%s/%s.txt", c.asOf[:4], slug),
				URL:       fmt.Sprintf("https://news.example.org/%s/%s", strings.ReplaceAll(c.asOf, "-", "/"), slug),
				Published: c.asOf, Sentence: c.sentence,
			},
		})
		if !articles[article] {
			articles[article] = true
			langs["en"]++
		}
	}
	d.Claims = claims

	// Dyad panels: the four ties with most shared events.
	sort.SliceStable(keys, func(i, j int) bool { return ties[keys[i]].count > ties[keys[j]].count })
	for _, k := range keys[:4] {
		t := ties[k]
		pa, pb := people[k[0]], people[k[1]]
		gaps := 0.0
		for i := 1; i < len(t.dates); i++ {
			x, _ := time.Parse("2006-01-02", t.dates[i-1])
			y, _ := time.Parse("2006-01-02", t.dates[i])
			gaps += y.Sub(x).Hours() / 24
		}
		panel := report.DyadPanel{
			A: pa.name, B: pb.name, AKey: pkey(pa.slug), BKey: pkey(pb.slug),
			Count: t.count, First: t.first, Last: t.last, PerYear: t.perYear,
			MeanGapDays: round(gaps/float64(max(1, len(t.dates)-1)), 1),
			Strength:    round(t.str, 4), Bilateral: round(float64(t.bilateral)/float64(t.count), 3),
			Events: t.events,
		}
		for _, c := range claims {
			if c.Kind != "meeting_count" {
				continue
			}
			if (c.Subject[0] == pa.name && c.Subject[1] == pb.name) || (c.Subject[0] == pb.name && c.Subject[1] == pa.name) {
				panel.Claims = append(panel.Claims, c)
			}
		}
		d.Dyads = append(d.Dyads, panel)
	}

	// Countries and their ties (for exports).
	cidx := map[string]bool{}
	cevents := map[string]int{}
	type cpair struct{ a, b string }
	cties := map[cpair]*report.Edge{}
	for _, ev := range events {
		if ev.Status != "occurred" {
			continue
		}
		set := map[string]bool{}
		for _, nm := range ev.Participants {
			set[people[nameIdx[nm]].iso3] = true
		}
		var isos []string
		for c := range set {
			isos = append(isos, c)
		}
		sort.Strings(isos)
		for _, c := range isos {
			cidx[c] = true
			cevents[c]++
		}
		for x := 0; x < len(isos); x++ {
			for y := x + 1; y < len(isos); y++ {
				k := cpair{isos[x], isos[y]}
				e := cties[k]
				if e == nil {
					e = &report.Edge{A: "country:" + strings.ToLower(k.a), B: "country:" + strings.ToLower(k.b), First: ev.Date}
					cties[k] = e
				}
				e.Count++
				e.Weight = round(e.Weight+1/float64(len(isos)-1), 4)
				e.Last = ev.Date
			}
		}
	}
	var isos []string
	for c := range cidx {
		isos = append(isos, c)
	}
	sort.Strings(isos)
	cdeg := map[string]float64{}
	var cks []cpair
	for k := range cties {
		cks = append(cks, k)
		cdeg[k.a]++
		cdeg[k.b]++
	}
	sort.Slice(cks, func(i, j int) bool {
		if cks[i].a != cks[j].a {
			return cks[i].a < cks[j].a
		}
		return cks[i].b < cks[j].b
	})
	for _, c := range isos {
		d.Countries = append(d.Countries, report.Node{
			Key: "country:" + strings.ToLower(c), Name: countryNames[c], Kind: "country", Country: c,
			Events: cevents[c], Degree: cdeg[c], Community: -1,
		})
	}
	for _, k := range cks {
		d.CountryEdges = append(d.CountryEdges, *cties[k])
	}
	d.Memberships = memberships
	d.Events = events

	ctry := map[string]bool{}
	for _, ev := range events {
		if ev.Country != "" {
			ctry[ev.Country] = true
		}
	}
	for _, p := range people {
		ctry[p.iso3] = true
	}
	d.Figures = report.Figures{
		Articles: len(articles), Events: len(events), People: len(people), Countries: len(ctry),
		Organizations: 5, Sources: sources, FirstDate: events[0].Date, LastDate: events[len(events)-1].Date,
		Languages: langs,
	}
	return d, nil
}

func title(ev report.EventRef, names []string, lang string) string {
	who := names[0]
	if len(names) == 2 {
		who = names[0] + " and " + names[1]
		if lang == "fr" {
			who = names[0] + " et " + names[1]
		}
	}
	switch ev.Category {
	case "summit":
		org := strings.ToUpper(strings.TrimPrefix(ev.Organization, "org:"))
		if org == "" {
			return "Leaders meet in " + ev.Place
		}
		return org + " leaders meet in " + ev.Place
	case "phone_call":
		return who + " speak by phone"
	case "ceremony":
		return "Leaders attend ceremony in " + ev.Place
	}
	if lang == "fr" {
		return who + " à " + ev.Place
	}
	return who + " meet in " + ev.Place
}

func hash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

func round(x float64, p int) float64 {
	m := math.Pow(10, float64(p))
	return math.Round(x*m) / m
}

// pagerank is NetworkX's pagerank on a weighted undirected graph (alpha 0.85).
func pagerank(w [][]float64) []float64 {
	n := len(w)
	str := make([]float64, n)
	for i := range n {
		for j := range n {
			str[i] += w[i][j]
		}
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = 1 / float64(n)
	}
	for it := 0; it < 200; it++ {
		next := make([]float64, n)
		dangling := 0.0
		for i := range n {
			if str[i] == 0 {
				dangling += x[i]
			}
		}
		for j := range n {
			next[j] = (1-0.85)/float64(n) + 0.85*dangling/float64(n)
		}
		for i := range n {
			if str[i] == 0 {
				continue
			}
			for j := range n {
				if w[i][j] > 0 {
					next[j] += 0.85 * x[i] * w[i][j] / str[i]
				}
			}
		}
		x = next
	}
	return x
}

// betweenness is Brandes' algorithm on the unweighted graph, normalized as
// NetworkX does for undirected graphs.
func betweenness(w [][]float64) []float64 {
	n := len(w)
	cb := make([]float64, n)
	for s := range n {
		var stack []int
		pred := make([][]int, n)
		sigma := make([]float64, n)
		dist := make([]int, n)
		for i := range dist {
			dist[i] = -1
		}
		sigma[s], dist[s] = 1, 0
		queue := []int{s}
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			stack = append(stack, v)
			for u := range n {
				if w[v][u] == 0 {
					continue
				}
				if dist[u] < 0 {
					dist[u] = dist[v] + 1
					queue = append(queue, u)
				}
				if dist[u] == dist[v]+1 {
					sigma[u] += sigma[v]
					pred[u] = append(pred[u], v)
				}
			}
		}
		delta := make([]float64, n)
		for i := len(stack) - 1; i >= 0; i-- {
			u := stack[i]
			for _, v := range pred[u] {
				delta[v] += sigma[v] / sigma[u] * (1 + delta[u])
			}
			if u != s {
				cb[u] += delta[u]
			}
		}
	}
	scale := 1 / float64((n-1)*(n-2))
	for i := range cb {
		cb[i] *= scale // undirected: /2 for double counting, *2/((n-1)(n-2)) normalization
	}
	return cb
}

// eigenvector is NetworkX's eigenvector_centrality (weighted, L2-normalized).
func eigenvector(w [][]float64) []float64 {
	n := len(w)
	x := make([]float64, n)
	for i := range x {
		x[i] = 1
	}
	for it := 0; it < 500; it++ {
		next := make([]float64, n)
		copy(next, x)
		for i := range n {
			for j := range n {
				next[j] += x[i] * w[i][j]
			}
		}
		norm := 0.0
		for _, v := range next {
			norm += v * v
		}
		norm = math.Sqrt(norm)
		for i := range next {
			next[i] /= norm
		}
		x = next
	}
	return x
}

// closeness is NetworkX's closeness_centrality (unweighted, Wasserman–Faust).
func closeness(w [][]float64) []float64 {
	n := len(w)
	out := make([]float64, n)
	for s := range n {
		dist := make([]int, n)
		for i := range dist {
			dist[i] = -1
		}
		dist[s] = 0
		queue := []int{s}
		total, reach := 0, 0
		for len(queue) > 0 {
			v := queue[0]
			queue = queue[1:]
			for u := range n {
				if w[v][u] > 0 && dist[u] < 0 {
					dist[u] = dist[v] + 1
					total += dist[u]
					reach++
					queue = append(queue, u)
				}
			}
		}
		if total > 0 {
			out[s] = float64(reach) / float64(total) * float64(reach) / float64(n-1)
		}
	}
	return out
}

// louvain returns community ids (0-based, largest community first).
func louvain(w [][]float64) []int {
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range w {
		g.AddNode(simple.Node(i))
	}
	for i := range w {
		for j := i + 1; j < len(w); j++ {
			if w[i][j] > 0 {
				g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(i), simple.Node(j), w[i][j]))
			}
		}
	}
	r := community.Modularize(g, 1, rand.NewPCG(1, 2))
	groups := r.Communities()
	var sets [][]int
	for _, grp := range groups {
		var s []int
		for _, nd := range grp {
			s = append(s, int(nd.ID()))
		}
		sort.Ints(s)
		sets = append(sets, s)
	}
	sort.Slice(sets, func(i, j int) bool {
		if len(sets[i]) != len(sets[j]) {
			return len(sets[i]) > len(sets[j])
		}
		return sets[i][0] < sets[j][0]
	})
	out := make([]int, len(w))
	for c, s := range sets {
		for _, i := range s {
			out[i] = c
		}
	}
	return out
}
