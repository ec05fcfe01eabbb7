package extract

import (
	"testing"
)

// Issue 6: participant precision, relative dates, titles at the event's
// date, topical places, group subordinates. Own sentences, EN and FR.
func TestIssue6Events(t *testing.T) {
	cases := []struct {
		name, body, pub, lang string
		want                  []evWant
	}{
		// titles resolve at the date of the sentence's event
		{"title at the event date", "In August 2011 the Russian president received Xi Jinping in Moscow.", "2024-05-16", "en",
			[]evWant{{"2011-08", "Moscow", "meeting", "occurred", []string{"Dmitry Medvedev", "Xi Jinping"}}}},
		{"title at the event date fr", "En mars 2010, le président russe a reçu Xi Jinping à Moscou.", "2024-05-16", "fr",
			[]evWant{{"2010-03", "Moscow", "meeting", "occurred", []string{"Dmitry Medvedev", "Xi Jinping"}}}},
		{"title at the publication date", "The Russian president received Xi Jinping in Moscow on Monday.", "2024-05-16", "en",
			[]evWant{{"2024-05-13", "Moscow", "meeting", "occurred", []string{"Vladimir Putin", "Xi Jinping"}}}},
		// relative months from the previous event
		{"months earlier", "Narendra Modi met Cyril Ramaphosa in Pretoria on 20 May 2024. Three months earlier, Modi had met Luiz Inácio Lula da Silva in Brasilia.", "2024-05-22", "en",
			[]evWant{{"2024-05-20", "Pretoria", "meeting", "occurred", []string{"Cyril Ramaphosa", "Narendra Modi"}},
				{"2024-02", "Brasilia", "meeting", "occurred", []string{"Luiz Inácio Lula da Silva", "Narendra Modi"}}}},
		{"mois plus tôt", "Narendra Modi a rencontré Cyril Ramaphosa à Pretoria le 20 mai 2024. Trois mois plus tôt, Modi s'était entretenu avec Luiz Inácio Lula da Silva à Brasilia.", "2024-05-22", "fr",
			[]evWant{{"2024-05-20", "Pretoria", "meeting", "occurred", []string{"Cyril Ramaphosa", "Narendra Modi"}},
				{"2024-02", "Brasilia", "meeting", "occurred", []string{"Luiz Inácio Lula da Silva", "Narendra Modi"}}}},
		{"week later", "Narendra Modi met Cyril Ramaphosa in Pretoria on 20 May 2024. A week later, Modi met Luiz Inácio Lula da Silva in Brasilia.", "2024-06-10", "en",
			[]evWant{{"2024-05-20", "Pretoria", "meeting", "occurred", []string{"Cyril Ramaphosa", "Narendra Modi"}},
				{"2024-05-27", "Brasilia", "meeting", "occurred", []string{"Luiz Inácio Lula da Silva", "Narendra Modi"}}}},
		// a place that is the topic of a noun is not a venue
		{"war in a place", "Recep Tayyip Erdoğan met Xi Jinping in Beijing on 3 May 2024. The two leaders discussed the war in Gaza.", "2024-05-16", "en",
			[]evWant{{"2024-05-03", "Beijing", "meeting", "occurred", []string{"Recep Tayyip Erdoğan", "Xi Jinping"}}}},
		{"guerre en", "Recep Tayyip Erdoğan a rencontré Xi Jinping à Pékin le 3 mai 2024. Les deux dirigeants ont discuté de la guerre en Ukraine.", "2024-05-16", "fr",
			[]evWant{{"2024-05-03", "Beijing", "meeting", "occurred", []string{"Recep Tayyip Erdoğan", "Xi Jinping"}}}},
		// "before the leaders arrived" dates something else
		{"group subordinate", "Cyril Ramaphosa met Narendra Modi in Pretoria on 2 May 2024. For Ramaphosa it was a success: flags lined the streets for weeks before the leaders arrived.", "2024-05-16", "en",
			[]evWant{{"2024-05-02", "Pretoria", "meeting", "occurred", []string{"Cyril Ramaphosa", "Narendra Modi"}}}},
		// quoted speakers and commentators are not participants
		{"speaker with a long title", "Narendra Modi met Cyril Ramaphosa in Pretoria on 2 May 2024, said his national security adviser, Anthony Albanese.", "2024-05-16", "en",
			[]evWant{{"2024-05-02", "Pretoria", "meeting", "occurred", []string{"Cyril Ramaphosa", "Narendra Modi"}}}},
		{"speaker fr", "Narendra Modi a rencontré Cyril Ramaphosa à Pretoria le 2 mai 2024, a déclaré son conseiller à la sécurité nationale, Anthony Albanese.", "2024-05-16", "fr",
			[]evWant{{"2024-05-02", "Pretoria", "meeting", "occurred", []string{"Cyril Ramaphosa", "Narendra Modi"}}}},
		{"analyst", "Narendra Modi met Cyril Ramaphosa in Pretoria on 2 May 2024 while Fumio Kishida, an analyst at a Tokyo institute, looked on.", "2024-05-16", "en",
			[]evWant{{"2024-05-02", "Pretoria", "meeting", "occurred", []string{"Cyril Ramaphosa", "Narendra Modi"}}}},
		{"analyste", "Selon l'analyste Fumio Kishida, Narendra Modi a rencontré Cyril Ramaphosa à Pretoria le 2 mai 2024.", "2024-05-16", "fr",
			[]evWant{{"2024-05-02", "Pretoria", "meeting", "occurred", []string{"Cyril Ramaphosa", "Narendra Modi"}}}},
		// planned visits in the lead
		{"is expected in", "Narendra Modi is expected in Pretoria on 20 June for talks with Cyril Ramaphosa.", "2024-05-16", "en",
			[]evWant{{"2024-06-20", "Pretoria", "meeting", "planned", []string{"Cyril Ramaphosa", "Narendra Modi"}}}},
		{"est attendu à", "Narendra Modi est attendu à Pretoria le 20 juin pour un entretien avec Cyril Ramaphosa.", "2024-05-16", "fr",
			[]evWant{{"2024-06-20", "Pretoria", "meeting", "planned", []string{"Cyril Ramaphosa", "Narendra Modi"}}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			checkEvents(t, extract(t, c.body, c.pub, c.lang), c.want)
		})
	}
}
