package extract

import (
	"testing"
	"time"
)

func FuzzArticle(f *testing.F) {
	for _, s := range []string{
		"Narendra Modi met Cyril Ramaphosa in Johannesburg on Tuesday.",
		"Le président Lula a reçu lundi son homologue turc Recep Tayyip Erdoğan.",
		"<p>Prime Minister <b>Jane Doe</b> of Tuvalu met Mr Albanese.</p>",
		"The next day, the two leaders' 43rd meeting. Trade reached $240bn in 2023.",
		"Mr. M. U.S. — ( « » ' ’ -- …",
	} {
		f.Add([]byte(s), "2024-05-16", "")
	}
	f.Fuzz(func(t *testing.T, data []byte, pub, lang string) {
		start := time.Now()
		r, err := unitX.Article(Doc{Path: "fuzz.txt", Data: data, Published: pub, Language: lang})
		if err != nil {
			return
		}
		for _, e := range r.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(data) || m.Start > m.End {
					t.Fatalf("mention %+v out of the input (%d bytes)", m, len(data))
				}
			}
		}
		for _, e := range r.Events {
			for _, s := range e.Sources {
				if s.Start < 0 || s.End > len(data) || s.Start > s.End {
					t.Fatalf("source %+v out of the input", s)
				}
			}
		}
		Merge([]*Result{r, r})
		if time.Since(start) > 2*time.Second {
			t.Fatalf("slow: %v for %d bytes", time.Since(start), len(data))
		}
	})
}
