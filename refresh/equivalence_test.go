package refresh_test

import (
	"fmt"
	"math/rand"
	"testing"

	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/refresh"
)

// The central invariant: whatever the batches, their order and the changes
// in between, the graph after the refreshes equals (event keys, REPORTS
// per event, node and relationship counts by label and type) what one
// clean `load` of the final set of articles produces.
func TestRefreshInRandomBatchesEqualsOneCleanLoad(t *testing.T) {
	d := neo4jtest.Driver(t)
	pool := allCorpora(t)
	for _, seed := range []int64{1, 2, 3} {
		rng := rand.New(rand.NewSource(seed))
		neo4jtest.Reset(t, d)
		dir := t.TempDir()
		order := rng.Perm(len(pool))
		var present []article
		next := 0
		step := 0
		var changed, added, removed int
		for next < len(order) {
			step++
			n := 1 + rng.Intn(8)
			for i := 0; i < n && next < len(order); i++ {
				present = append(present, pool[order[next]])
				next++
			}
			// sometimes an article changes: its file gets another text
			if len(present) > 2 && next < len(order) && rng.Intn(3) == 0 {
				i := rng.Intn(len(present))
				repl := pool[order[next]]
				next++
				name := present[i].name
				repl.meta.File = name
				present[i] = article{name: name, data: repl.data, meta: repl.meta}
			}
			writeDir(t, dir, present)
			s := runRefresh(t, d, refresh.Options{Sources: []refresh.Source{&refresh.Dir{Path: dir}}, Batch: 1 + rng.Intn(3)})
			if s.Failed > 0 {
				t.Fatalf("seed %d step %d: failures %+v", seed, step, s.Failures)
			}
			changed, added, removed = changed+s.Changed, added+s.EventsAdded, removed+s.EventsRemoved
			checkEvents(t, d, dir, fmt.Sprintf("seed %d step %d", seed, step))
		}
		// one more pass finds nothing new
		again := runRefresh(t, d, refresh.Options{Sources: []refresh.Source{&refresh.Dir{Path: dir}}})
		if again.New+again.Changed != 0 || again.Unchanged != len(present) {
			t.Errorf("seed %d: a refresh without changes: %+v", seed, again)
		}
		got := snap(t, d)
		neo4jtest.Reset(t, d)
		cleanLoad(t, d, dir)
		want := snap(t, d)
		if df := diff(got, want); df != "" {
			t.Fatalf("seed %d (%d steps, %d articles): refreshes differ from a clean load (refresh vs load):\n%s", seed, step, len(present), df)
		}
		t.Logf("seed %d: %d steps, %d articles (%d replaced on the way), %d events (%d added, %d removed on the way): equal to a clean load",
			seed, step, len(present), changed, len(want.Events), added, removed)
	}
}

// Undated events of articles without a publication date: events of the
// same people collide on their key and get suffixes; adding them one at a
// time in every order must give the keys of a clean load.
func TestUndatedEventKeysIncremental(t *testing.T) {
	d := neo4jtest.Driver(t)
	arts := undatedArticles()
	for _, order := range [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {1, 3, 0, 2, 4}} {
		neo4jtest.Reset(t, d)
		dir := t.TempDir()
		var present []article
		for _, i := range order {
			present = append(present, arts[i])
			writeDir(t, dir, present)
			runRefresh(t, d, refresh.Options{Sources: []refresh.Source{&refresh.Dir{Path: dir}}})
			checkEvents(t, d, dir, fmt.Sprintf("order %v, %d articles", order, len(present)))
		}
		got := snap(t, d)
		neo4jtest.Reset(t, d)
		cleanLoad(t, d, dir)
		if df := diff(got, snap(t, d)); df != "" {
			t.Fatalf("order %v: differs from a clean load:\n%s", order, df)
		}
	}
}
