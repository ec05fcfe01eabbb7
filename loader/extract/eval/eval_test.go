package eval

import (
	"strings"
	"testing"
)

func TestNorm(t *testing.T) {
	for in, want := range map[string]string{"Luiz Inácio Lula da Silva": "luiz inacio lula da silva", "Kim Jong-un": "kim jong un", "O'Neil (Jr.)": "o neil jr"} {
		if got := Norm(in); got != want {
			t.Errorf("Norm(%q) = %q", in, got)
		}
	}
}

const goldJSON = `{"articles": {"a.txt": {"persons": ["Xi Jinping", "Vladimir Putin"], "countries": ["CHN"], "organizations": ["SCO"], "organizations_optional": ["UN"]}},
 "events": [{"id": "e1", "date": "2024-05", "place": "Beijing", "participants": ["Xi Jinping", "Vladimir Putin"], "status": "occurred", "sources": ["a.txt"]}],
 "events_optional": [{"id": "o1", "date": "2023", "participants": ["Xi Jinping"], "sources": ["a.txt"]}]}`

const predJSONL = `{"type":"article","id":"A","path":"dir/a.txt"}
{"type":"entity","article":"A","kind":"person","name":"Xi Jinping"}
{"type":"entity","article":"A","kind":"person","name":"Joe Biden"}
{"type":"entity","article":"A","kind":"country","iso3":"CHN","name":"China"}
{"type":"entity","article":"A","kind":"organization","name":"Shanghai Cooperation Organisation","acronym":"SCO"}
{"type":"entity","article":"A","kind":"organization","name":"United Nations"}
{"type":"event","date":"2024-05-16","place":"Beijing","participants":["Xi Jinping","Vladimir Putin"],"status":"occurred","sources":[{"article":"A"}]}
{"type":"event","date":"2024-05","participants":["Vladimir Putin","Xi Jinping"],"status":"occurred","sources":[{"article":"A"}]}
{"type":"event","date":"2023-01","participants":["Xi Jinping"],"sources":[{"article":"A"}]}
{"type":"event","date":null,"participants":["Xi Jinping"],"sources":[{"article":"A"}]}
`

func TestScore(t *testing.T) {
	var g Gold
	if err := jsonUnmarshal([]byte(goldJSON), &g); err != nil {
		t.Fatal(err)
	}
	p, err := ReadPred(strings.NewReader(predJSONL))
	if err != nil {
		t.Fatal(err)
	}
	r := Score(&g, p)
	if pe := r.Entities["person"]; pe.TP != 1 || pe.Predicted != 2 || pe.Gold != 2 {
		t.Errorf("persons %+v", pe)
	}
	if oe := r.Entities["organization"]; oe.TP != 1 || oe.Predicted != 1 {
		t.Errorf("organizations (UN optional) %+v", oe)
	}
	ev := r.Events
	// one match, one duplicate, one optional hit, one undated spurious
	if ev.TP != 1 || ev.Duplicates != 1 || ev.Predicted != 3 || ev.Undated != 1 || ev.DateExact != 1 || ev.PlaceAccuracy != 1 {
		t.Errorf("events %+v", ev)
	}
	if !strings.Contains(r.String(), "summary entity_f1=") {
		t.Errorf("report %s", r)
	}
}
