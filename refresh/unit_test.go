package refresh

import (
	"errors"
	"path/filepath"
	"testing"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/extract"
)

func TestLockIsExclusiveAndReleased(t *testing.T) {
	p := filepath.Join(t.TempDir(), "sub", "refresh.lock")
	l, err := TryLock(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := TryLock(p); !errors.Is(err, ErrLocked) {
		t.Fatalf("second lock: %v", err)
	}
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	l2, err := TryLock(p)
	if err != nil {
		t.Fatalf("after unlock: %v", err)
	}
	l2.Unlock()
}

func TestCheckListen(t *testing.T) {
	for addr, ok := range map[string]bool{"127.0.0.1:9464": true, "[::1]:9464": true, "localhost:0": true,
		"0.0.0.0:9464": false, ":9464": false, "192.168.1.5:80": false, "example.org:80": false, "nonsense": false} {
		if err := CheckListen(addr, false); (err == nil) != ok {
			t.Errorf("%s: %v", addr, err)
		}
	}
	if err := CheckListen("0.0.0.0:9464", true); err != nil {
		t.Errorf("forced: %v", err)
	}
}

func TestParseSchedule(t *testing.T) {
	for _, s := range []string{"@every 10m", "*/10 * * * *", "0 */5 * * * *", "@hourly"} {
		if _, err := ParseSchedule(s); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	for _, s := range []string{"", "every 10m", "* * *"} {
		if _, err := ParseSchedule(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestMonthShift(t *testing.T) {
	for _, c := range []struct {
		d     string
		delta int
		want  string
	}{{"2024-05-16", -1, "2024-04"}, {"2024-01-02", -1, "2023-12"}, {"2024-12", 1, "2025-01"}, {"2024", -1, "2023-12"}, {"2024", 1, "2025-01"}} {
		if got := monthShift(c.d, c.delta); got != c.want {
			t.Errorf("monthShift(%s, %d) = %s, want %s", c.d, c.delta, got, c.want)
		}
	}
}

func TestResultRoundTrip(t *testing.T) {
	d := "2024-05-16"
	r := &extract.Result{Article: graph.Article{ID: "abc", Published: &d},
		Events: []graph.Event{{Key: "ev:1", Date: &d, ParticipantKeys: []string{"person:a", "person:b"},
			Sources: []graph.Source{{Article: "abc", Start: 3, End: 9, Text: "x"}}}}}
	s, err := encodeResult(r)
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeResult(s)
	if err != nil {
		t.Fatal(err)
	}
	if *back.Article.Published != d || back.Events[0].Sources[0].Start != 3 || back.Events[0].ParticipantKeys[1] != "person:b" {
		t.Fatalf("%+v", back)
	}
	if _, err := decodeResult("not base64!"); err == nil {
		t.Error("garbage decoded")
	}
}
