package dates

import (
	"strings"
	"testing"
)

// benchEN and benchFR are invented news-style paragraphs (not taken from any
// corpus), with a realistic density of date expressions and distractors.
const benchEN = `WASHINGTON (Wire) — President Joe Biden hosted Chinese leader Xi Jinping at the White House on Thursday, May 16, 2024, the first such visit since 2017, officials said. The two leaders had last met in November 2023 on the sidelines of the APEC summit in San Francisco, where they agreed to restore military-to-military communications that Beijing had cut in August 2022.
Secretary of State Antony Blinken travelled to Beijing last month and met his counterpart Wang Yi for more than five hours. The next day, Blinken told reporters that "the 43rd round of consultations" had produced progress on fentanyl and on 1.5 billion dollars of frozen trade credits. A spokesperson said the G20 finance ministers may meet again in early July, ahead of the leaders' summit scheduled for October 22-24 in Rio de Janeiro.
Russian President Vladimir Putin may visit Pyongyang this summer, the Kremlin said on Tuesday, without giving a date. Putin and Kim Jong Un last met in September 2023 at the Vostochny cosmodrome. Two days later, North Korea fired two short-range missiles, according to Seoul's Joint Chiefs of Staff, which said the launches took place at 10:30 local time.
German Chancellor Olaf Scholz will host French President Emmanuel Macron in Berlin from 22 to 24 October, his office said in a statement published yesterday. The two men spoke by phone three days ago and agreed to meet "as soon as possible". Macron's state visit to Germany, the first by a French president in 24 years, was postponed in late June because of riots in France.
The European Council will convene on June 27 and 28 to discuss the next Commission. EU leaders last gathered on April 17-18, 2024, in Brussels, where they agreed on new sanctions under Article 5 of the regulation. Some 2024 people attended a protest outside the building, police said, and 300 officers were deployed. Calls to +32 2 281 61 11 went unanswered.
Japanese Prime Minister Fumio Kishida met Australian Prime Minister Anthony Albanese in Tokyo two weeks ago. Their foreign ministers will hold talks next week, and a trilateral summit with the United States is planned for next year. Kishida visited Washington in April, the first state visit by a Japanese leader since 2015.
In the 1990s, relations between the two countries were frosty; by mid-2019 trade had doubled. Indian Prime Minister Narendra Modi will travel to Moscow on 8 July, his first trip to Russia since the war began in February 2022, and then to Vienna the following day.`

const benchFR = `PARIS (Agence) — Le président Emmanuel Macron a reçu jeudi 16 mai 2024 à l'Élysée le chancelier allemand Olaf Scholz, pour la première fois depuis 2022, a-t-on appris auprès de la présidence. Les deux dirigeants s'étaient entretenus par téléphone le 2 mai dernier et avaient convenu de se retrouver « dans les meilleurs délais ».
Le ministre des Affaires étrangères s'est rendu à Pékin la semaine dernière, où il a rencontré son homologue chinois. Le lendemain, il a déclaré que les 6 et 7 juin prochains, une délégation se rendrait à Shanghai. La visite d'État du président chinois en France, du 5 au 7 mai, avait été préparée depuis l'an dernier.
Selon le Quai d'Orsay, le sommet du G7 aura lieu du 13 au 15 juin dans les Pouilles, en Italie. Les chefs d'État se sont déjà réunis en mars 2023 à Hiroshima, puis mi-juillet à Vilnius pour le sommet de l'Otan. Il y a trois jours, le Premier ministre a annoncé que 1,5 milliard d'euros seraient débloqués ; la mission vers Mars n'est pas concernée.
Le président ukrainien Volodymyr Zelensky est attendu à Paris début juin, pour les commémorations du 80e anniversaire du Débarquement, le 6 juin 1944. Il avait été reçu à l'Élysée le 16 février 2024, la veille de la conférence de Munich. Appelez le 01 23 45 67 89 pour toute information ; l'accueil ouvre à 9h30.
Cette année, le Conseil européen se réunira les 27 et 28 juin à Bruxelles. Il y a sept mois, les Vingt-Sept avaient ouvert les négociations d'adhésion avec l'Ukraine, une décision saluée à l'automne par Kiev. Le chef de la diplomatie européenne se rendra au Caire mardi, puis à Amman deux jours plus tard.`

func benchText() string {
	return strings.Repeat(benchEN+"\n\n"+benchFR+"\n\n", 2)
}

func BenchmarkFind(b *testing.B) {
	text := benchText()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(Find(text, "", ref))
	}
	b.ReportMetric(float64(n), "matches/op")
}

func BenchmarkFindEN(b *testing.B) {
	text := strings.Repeat(benchEN+"\n\n", 4)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, "en", ref)
	}
}

func BenchmarkFindNoDates(b *testing.B) {
	text := strings.Repeat("The committee discussed the proposal at length and the members agreed that further study was needed before any vote could be held. ", 40)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text, "", ref)
	}
}

// TestBenchText keeps the benchmark honest: it must find what a reader finds.
func TestBenchText(t *testing.T) {
	var got []string
	for _, m := range Find(benchEN, "en", ref) {
		got = append(got, m.Text+"="+m.Date.Value+".."+m.Date.End)
	}
	joined := strings.Join(got, " | ")
	for _, s := range []string{
		"Thursday, May 16, 2024=2024-05-16..",
		"2017=2017..",
		"November 2023=2023-11..",
		"August 2022=2022-08..",
		"last month=2024-04..",
		"early July=2023-07..",
		"October 22-24=2024-10-22..2024-10-24",
		"this summer=2024..",
		"Tuesday=2024-05-14..",
		"September 2023=2023-09..",
		"from 22 to 24 October=2024-10-22..2024-10-24",
		"yesterday=2024-05-15..",
		"three days ago=2024-05-13..",
		"late June=2023-06..",
		"June 27 and 28=2024-06-27..2024-06-28",
		"April 17-18, 2024=2024-04-17..2024-04-18",
		"two weeks ago=2024-04-29..2024-05-05",
		"next week=2024-05-20..2024-05-26",
		"next year=2025..",
		"April=2024-04..",
		"2015=2015..",
		"mid-2019=2019..",
		"8 July=2024-07-08..",
		"February 2022=2022-02..",
		"the following day=2024-07-09..",
		"The next day=..",   // after "last month": unresolved, not glued to May 16
		"Two days later=..", // after "September 2023"
	} {
		if !strings.Contains(joined, s) {
			t.Errorf("missing %q in\n%s", s, joined)
		}
	}
	for _, bad := range []string{"G20", "43rd", "1.5", "2024 people", "1990", "10:30", "Article", "may meet", "may visit"} {
		if strings.Contains(joined, bad) {
			t.Errorf("false positive %q in\n%s", bad, joined)
		}
	}
}
