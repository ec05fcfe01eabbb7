package sink_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/loader/kb"
	"github.com/eventgraph/eventgraph/loader/sink"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestMain(m *testing.M) { os.Exit(neo4jtest.Main(m)) }

func testKB() *kb.KB {
	return kb.New([]kb.Entry{
		{Key: "country:chn", Kind: kb.KindCountry, Name: "China", ISO3: "CHN", Memberships: []kb.Membership{{Org: "org:brics", Since: "2006"}}},
		{Key: "country:rus", Kind: kb.KindCountry, Name: "Russia", ISO3: "RUS", Memberships: []kb.Membership{{Org: "org:brics", Since: "2006"}}},
		{Key: "org:brics", Kind: kb.KindOrganization, Name: "BRICS", Acronym: "BRICS"},
		{Key: "place:beijing", Kind: kb.KindPlace, Name: "Beijing", Country: "CHN"},
		{Key: "person:xi-jinping", Kind: kb.KindPerson, Name: "Xi Jinping", Country: "CHN",
			Offices: []kb.Office{{Role: kb.RoleHeadOfState, Title: "President", Of: "country:chn", From: "2013-03-14"}}},
		{Key: "person:vladimir-putin", Kind: kb.KindPerson, Name: "Vladimir Putin", Country: "RUS",
			Offices: []kb.Office{{Role: kb.RoleHeadOfState, Title: "President", Of: "country:rus", From: "2012-05-07"}}},
	})
}

func sp(s string) *string { return &s }

func facts(n int) []sink.ArticleFacts {
	ev := graph.Event{Key: "event:test-1", Category: "meeting", Cameo: "042", Date: sp("2024-05-16"),
		Place: sp("Beijing"), PlaceKey: "place:beijing", Country: sp("CHN"),
		Participants: []string{"Xi Jinping", "Vladimir Putin"}, ParticipantKeys: []string{"person:xi-jinping", "person:vladimir-putin"},
		ParticipantCountries: []string{"CHN", "RUS"}, Status: "occurred", Confidence: 0.9}
	var out []sink.ArticleFacts
	for i := 0; i < n; i++ {
		id := string(rune('a'+i)) + "rticle"
		ev.Sources = append(ev.Sources, graph.Source{Article: id, Start: 10 * i, End: 10*i + 5, Text: "a sentence"})
		out = append(out, sink.ArticleFacts{
			Article: graph.Article{ID: id, Path: id + ".txt", Published: sp("2024-05-16"), Language: "en"},
			Entities: []graph.Entity{
				{Kind: "person", Key: "person:xi-jinping", Name: "Xi Jinping", Resolved: true, Mentions: []graph.Mention{{Start: 0, End: 10, Text: "Xi Jinping"}}},
				{Kind: "country", Key: "country:rus", Name: "Russia", ISO3: "RUS", Resolved: true, Mentions: []graph.Mention{{Start: 20, End: 26, Text: "Russia"}}},
			},
			Claims: []graph.Claim{{Kind: "meeting_count", Subject: []string{"Xi Jinping", "Vladimir Putin"}, Value: 43, Start: 1, End: 5, Text: "43rd"}},
		})
	}
	for i := range out {
		out[i].Events = []graph.Event{ev}
	}
	return out
}

func write(t *testing.T, s *sink.Sink, fs []sink.ArticleFacts) {
	t.Helper()
	ctx := context.Background()
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.WriteReference(ctx); err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if err := s.WriteArticle(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
}

func one(t *testing.T, d neo4j.DriverWithContext, q string) any {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), d, q, nil, neo4j.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := res.Records[0].Get("n")
	return v
}

func TestWriteTwiceChangesNothingAndOneEventHasThreeReports(t *testing.T) {
	d := neo4jtest.Driver(t)
	ctx := context.Background()
	s := &sink.Sink{Driver: d, Database: "neo4j", BatchSize: 2, KB: testKB()}
	write(t, s, facts(3))
	c1, err := sink.Count(ctx, d, "neo4j")
	if err != nil {
		t.Fatal(err)
	}
	write(t, s, facts(3))
	c2, _ := sink.Count(ctx, d, "neo4j")
	if c1.Nodes != c2.Nodes || c1.Relationships != c2.Relationships {
		t.Fatalf("second write changed counts: %+v -> %+v", c1, c2)
	}
	if n := one(t, d, "MATCH (e:Event) RETURN count(e) AS n"); n != int64(1) {
		t.Fatalf("%v events", n)
	}
	if n := one(t, d, "MATCH (:Article)-[r:REPORTS]->(:Event {key:'event:test-1'}) RETURN count(r) AS n"); n != int64(3) {
		t.Fatalf("%v REPORTS", n)
	}
	// Participants, place, memberships and offices are in the graph.
	if n := one(t, d, "MATCH (p:Person)-[:PARTICIPATED_IN]->(e:Event)-[:HELD_IN]->(:Place)-[:IN]->(:Country {iso3:'CHN'}) RETURN count(p) AS n"); n != int64(2) {
		t.Fatalf("%v participants with place", n)
	}
	if n := one(t, d, "MATCH (:Person {name:'Vladimir Putin'})-[h:HELD_OFFICE {role:'head_of_state'}]->(:Country {iso3:'RUS'}) RETURN count(h) AS n"); n != int64(1) {
		t.Fatalf("%v offices", n)
	}
	if n := one(t, d, "MATCH (:Country)-[m:MEMBER_OF]->(:Organization {acronym:'BRICS'}) RETURN count(m) AS n"); n != int64(2) {
		t.Fatalf("%v memberships", n)
	}
	if n := one(t, d, "MATCH (:Article)-[:CLAIMS]->(c:Claim)-[:ABOUT]->(:Person) RETURN count(DISTINCT c) AS n"); n != int64(3) {
		t.Fatalf("%v claims", n)
	}
}

func TestConstraintsExist(t *testing.T) {
	d := neo4jtest.Driver(t)
	s := &sink.Sink{Driver: d, Database: "neo4j", KB: testKB()}
	if err := s.EnsureSchema(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureSchema(context.Background()); err != nil {
		t.Fatalf("schema not idempotent: %v", err)
	}
	n := one(t, d, "SHOW CONSTRAINTS YIELD labelsOrTypes WHERE labelsOrTypes[0] IN ['Person','Country','Organization','Place','Event','Article'] RETURN count(*) AS n")
	if n != int64(6) {
		t.Fatalf("%v key constraints", n)
	}
}

// An article whose write fails midway leaves nothing behind.
func TestArticleIsAllOrNothing(t *testing.T) {
	d := neo4jtest.Driver(t)
	ctx := context.Background()
	s := &sink.Sink{Driver: d, Database: "neo4j", KB: testKB()}
	write(t, s, nil)
	f := facts(1)[0]
	f.Article.ID = "broken"
	// A place whose key is already a country's: the Actor key constraint
	// rejects it after the article and people were written in the same
	// transaction.
	f.Entities = append(f.Entities, graph.Entity{Kind: "place", Key: "country:chn", Name: "Nowhere"})
	err := s.WriteArticle(ctx, f)
	if err == nil || !strings.Contains(err.Error(), "broken") {
		t.Fatalf("want an error naming the article, got %v", err)
	}
	if n := one(t, d, "MATCH (a:Article {key:'broken'}) RETURN count(a) AS n"); n != int64(0) {
		t.Fatal("half-written article left behind")
	}
	if n := one(t, d, "MATCH (e:Event) RETURN count(e) AS n"); n != int64(0) {
		t.Fatal("event of a failed article left behind")
	}
}

// Hostile text travels as parameters and is stored verbatim.
func TestHostileTextIsStoredVerbatim(t *testing.T) {
	d := neo4jtest.Driver(t)
	ctx := context.Background()
	s := &sink.Sink{Driver: d, Database: "neo4j", KB: testKB()}
	f := facts(1)[0]
	evil := "x'}) MATCH (n) DETACH DELETE n //"
	f.Article.Path = evil
	f.Entities = append(f.Entities, graph.Entity{Kind: "person", Key: "person:unresolved:" + evil, Name: evil})
	write(t, s, []sink.ArticleFacts{f})
	res, err := neo4j.ExecuteQuery(ctx, d, "MATCH (a:Article {path: $p}) RETURN count(a) AS n", map[string]any{"p": evil}, neo4j.EagerResultTransformer)
	if err != nil || len(res.Records) != 1 {
		t.Fatal(err)
	}
	if n, _ := res.Records[0].Get("n"); n != int64(1) {
		t.Fatal("path not stored verbatim")
	}
	if n := one(t, d, "MATCH (c:Country) RETURN count(c) AS n"); n != int64(2) {
		t.Fatal("reference data lost")
	}
}
