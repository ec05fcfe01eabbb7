package queries

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestEmbeddedQueriesParseWithUniqueNames(t *testing.T) {
	qs, err := All("")
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 10 {
		t.Fatalf("only %d queries embedded", len(qs))
	}
	for _, q := range qs {
		if q.Description == "" {
			t.Errorf("%s: no description", q.File)
		}
		for _, p := range q.Params {
			if !strings.Contains(q.Text, "$"+p.Name) {
				t.Errorf("%s: declared param %s is not used", q.File, p.Name)
			}
		}
	}
}

func TestDuplicateNameRejected(t *testing.T) {
	fsys := fstest.MapFS{
		"a/x.cypher": {Data: []byte("// name: same\n// description: d\nRETURN 1")},
		"b/y.cypher": {Data: []byte("// name: same\n// description: d\nRETURN 2")},
	}
	_, err := Load(fsys)
	if err == nil || !strings.Contains(err.Error(), `"same"`) {
		t.Fatalf("want duplicate-name error, got %v", err)
	}
}

func TestParseHeader(t *testing.T) {
	q, err := Parse("library/x.cypher", []byte("// name: x\n// description: Things.\n// param: limit int = 10 -- max rows\n// param: who string -- a person\nMATCH (n) RETURN n LIMIT $limit // $who\n"))
	if err != nil {
		t.Fatal(err)
	}
	if q.Name != "x" || len(q.Params) != 2 || !q.Params[0].HasDefault || q.Params[0].Default != "10" || q.Params[1].HasDefault {
		t.Fatalf("bad parse: %+v", q)
	}
	if _, err := Parse("x.cypher", []byte("// name: y\n// param: a badtype\nRETURN 1")); err == nil {
		t.Fatal("unknown param type accepted")
	}
	if _, err := Parse("x.cypher", []byte("RETURN 1")); err == nil {
		t.Fatal("missing name accepted")
	}
}

func TestStatements(t *testing.T) {
	got := Statements(Get("schema"))
	if len(got) < 10 {
		t.Fatalf("schema has %d statements", len(got))
	}
	for _, s := range got {
		if strings.HasSuffix(s, ";") || s == "" {
			t.Errorf("bad statement %q", s)
		}
	}
}
