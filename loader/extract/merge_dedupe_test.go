package extract

import (
	"testing"

	"github.com/eventgraph/eventgraph/graph"
)

func lev(date, place, country string, typ trigType, sent int, how int, parts ...string) *localEvent {
	return &localEvent{typ: typ, types: 1 << uint(typ), date: date, place: place, country: country, parts: parts,
		status: graph.StatusOccurred, sent: sent, dateHow: how, article: "a",
		srcs: []srcRef{{article: "a", s: sent * 100, e: sent*100 + 50}}}
}

// One visit reported with a coarse and a precise date, or a place and no
// place, is one event; the precise date and the known place win.
func TestDedupeFusesOneOccasion(t *testing.T) {
	day := lev("2025-05-06", "place:washington", "USA", tMeet, 0, dSentence, "p:a", "p:b")
	month := lev("2025-05", "", "", tMeet, 3, dSentence, "p:a", "p:b")
	out := dedupe([]*localEvent{month, day})
	if len(out) != 1 || out[0].date != "2025-05-06" || out[0].place != "place:washington" || len(out[0].srcs) != 2 {
		t.Fatalf("got %d events: %+v", len(out), out[0])
	}
	// a phone call and a meeting reported by the same sentence
	call := lev("2025-02", "", "", tPhone, 0, dSentence, "p:a", "p:b")
	meet := lev("2025-02-12", "place:washington", "USA", tMeet, 1, dSentence, "p:a", "p:b")
	meet.srcs = append(meet.srcs, call.srcs[0])
	out = dedupe([]*localEvent{call, meet})
	if len(out) != 1 || out[0].date != "2025-02-12" || out[0].typ != tPhone {
		t.Fatalf("phone+meeting of one sentence: %d events, typ %v date %s", len(out), out[0].typ, out[0].date)
	}
	// a date inherited from the passage yields to the sentence's own date
	inh := lev("2024-07-09", "place:samarkand", "UZB", tMeet, 4, dInherited, "p:a", "p:b")
	own := lev("2022-09", "place:samarkand", "UZB", tSummit, 4, dSentence, "p:a", "p:b")
	out = dedupe([]*localEvent{inh, own})
	if len(out) != 1 || out[0].date != "2022-09" {
		t.Fatalf("inherited vs sentence date: %d events, date %s", len(out), out[0].date)
	}
}

// Distinct occasions stay apart: two days of a visit, two cities on one
// day, other people, a phone call and a meeting in different sentences,
// and a coarse date that fits two precise ones.
func TestDedupeKeepsDistinctEvents(t *testing.T) {
	cases := map[string][]*localEvent{
		"two days": {lev("2024-07-08", "place:moscow", "RUS", tMeal, 0, dSentence, "p:a", "p:b"),
			lev("2024-07-09", "place:moscow", "RUS", tTalks, 1, dSentence, "p:a", "p:b")},
		"two cities one day": {lev("2024-03-26", "place:belem", "BRA", tMeet, 0, dSentence, "p:a", "p:b"),
			lev("2024-03-26", "place:brasilia", "BRA", tMeet, 1, dSentence, "p:a", "p:b")},
		"other people": {lev("2024-09-26", "place:washington", "USA", tMeet, 0, dSentence, "p:a", "p:b"),
			lev("2024-09", "place:washington", "USA", tMeet, 1, dSentence, "p:a", "p:c")},
		"call and meeting apart": {lev("2025-04", "", "", tPhone, 0, dSentence, "p:a", "p:b"),
			lev("2025-04-29", "place:ottawa", "CAN", tMeet, 2, dSentence, "p:a", "p:b")},
		"summit on another day": {lev("2023-09-09", "place:delhi", "IND", tSummit, 0, dSentence, "p:a", "p:b"),
			lev("2023-09-08", "place:delhi", "IND", tMeet, 1, dSentence, "p:a", "p:b")},
		"different countries": {lev("2023", "place:x", "FRA", tMeet, 0, dSentence, "p:a", "p:b"),
			lev("2023-05-02", "place:y", "DEU", tMeet, 1, dSentence, "p:a", "p:b")},
	}
	for name, evs := range cases {
		if out := dedupe(evs); len(out) != len(evs) {
			t.Errorf("%s: %d events fused into %d", name, len(evs), len(out))
		}
	}
	// ambiguous: "in September" fits two days of September
	amb := []*localEvent{lev("2023-09-08", "place:delhi", "IND", tMeet, 0, dSentence, "p:a", "p:b"),
		lev("2023-09-20", "place:new-york", "USA", tMeet, 1, dSentence, "p:a", "p:b"),
		lev("2023-09", "", "", tMeet, 2, dSentence, "p:a", "p:b")}
	if out := dedupe(amb); len(out) != 3 {
		t.Errorf("ambiguous coarse date fused: %d events", len(out))
	}
}

func TestTodaysIsNotADate(t *testing.T) {
	x := unitX
	r, err := x.Article(Doc{Path: "t.txt", Published: "2024-07-09", Language: "en",
		Data: []byte("Title\n\nThe two leaders last met in September 2022 in Samarkand, where Narendra Modi told Vladimir Putin that today's era is not one of war.\n")})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Events) == 0 {
		t.Fatal("no event")
	}
	for _, e := range r.Events {
		if d := deref(e.Date); d != "2022-09" {
			t.Errorf("event dated %s, want 2022-09", d)
		}
	}
}
