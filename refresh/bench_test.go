package refresh_test

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/eventgraph/eventgraph/internal/neo4jtest"
	"github.com/eventgraph/eventgraph/loader/kb"
	"github.com/eventgraph/eventgraph/refresh"
)

// leaders: heads of state or government of the knowledge base.
func leaders(k *kb.KB) []string {
	var out []string
	k.Entries(func(e *kb.Entry) {
		if e.Kind != kb.KindPerson {
			return
		}
		for _, o := range e.Offices {
			if o.Role == kb.RoleHeadOfState || o.Role == kb.RoleHeadOfGovernment {
				out = append(out, e.Name)
				return
			}
		}
	})
	sort.Strings(out)
	return out
}

var templates = []string{
	"%s met %s on %s for talks on trade and security.\nThe two leaders agreed to meet again next year.\n",
	"%s held talks with %s on %s.\nThey discussed energy, investment and regional stability.\n",
	"%s received %s on %s.\nThe meeting lasted two hours, officials said.\n",
}

// synthetic writes n small articles about meetings of random leader pairs
// on random dates (generated at run time, never committed).
func synthetic(dir string, n, offset int, names []string, rng *rand.Rand) error {
	for i := 0; i < n; i++ {
		a := names[rng.Intn(len(names))]
		b := names[rng.Intn(len(names))]
		for b == a {
			b = names[rng.Intn(len(names))]
		}
		day := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, rng.Intn(3650))
		text := fmt.Sprintf(templates[rng.Intn(len(templates))], a, b, day.Format("January 2, 2006"))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("syn_%06d.txt", offset+i)), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// BenchmarkRefresh: the cost of a refresh that finds one new article
// among N unchanged ones (N = 1,000 and 10,000), against a refresh that
// finds none. The difference is the cost of the new article; it should
// not grow with N (only the listing — a stat per file and one state row
// per file — does).
//
//	go test ./refresh -run '^$' -bench BenchmarkRefresh -benchtime 10x -timeout 60m
func BenchmarkRefresh(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("corpus=%d", n), func(b *testing.B) {
			d := neo4jtest.Driver(b)
			k, _ := testKB(b)
			names := leaders(k)
			rng := rand.New(rand.NewSource(int64(n)))
			dir := b.TempDir()
			if err := synthetic(dir, n, 0, names, rng); err != nil {
				b.Fatal(err)
			}
			src := []refresh.Source{&refresh.Dir{Path: dir}}
			start := time.Now()
			s, err := newRefresher(b, d, refresh.Options{Sources: src, Batch: 250}).Run(context.Background())
			if err != nil || s.New != n {
				b.Fatalf("initial load: %v %+v", err, s)
			}
			b.Logf("corpus %d: initial refresh (batches of 250) %.1fs, %d events", n, time.Since(start).Seconds(),
				count(b, d, "MATCH (e:Event) RETURN count(e) AS n"))
			next := n
			b.Run("new=0", func(b *testing.B) {
				var list, write float64
				for i := 0; i < b.N; i++ {
					s := runRefresh(b, d, refresh.Options{Sources: src})
					if s.New != 0 {
						b.Fatalf("%+v", s)
					}
					list += s.ListSeconds
					write += s.WriteSeconds
				}
				b.ReportMetric(1000*list/float64(b.N), "list-ms/op")
				b.ReportMetric(1000*write/float64(b.N), "write-ms/op")
			})
			b.Run("new=1", func(b *testing.B) {
				var list, write float64
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					if err := synthetic(dir, 1, next, names, rng); err != nil {
						b.Fatal(err)
					}
					next++
					b.StartTimer()
					s := runRefresh(b, d, refresh.Options{Sources: src})
					if s.New != 1 {
						b.Fatalf("%+v", s)
					}
					list += s.ListSeconds
					write += s.WriteSeconds
				}
				b.ReportMetric(1000*list/float64(b.N), "list-ms/op")
				b.ReportMetric(1000*write/float64(b.N), "write-ms/op")
			})
		})
	}
}
