package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eventgraph/eventgraph/loader/kb"
)

// benchText is prose written for the benchmark (English and French).
const benchText = `Prime Minister Narendra Modi met President Cyril Ramaphosa in Johannesburg on Tuesday, a day after the two leaders held talks by phone. The Indian leader, who arrived on Monday for a three-day state visit, will also attend the BRICS summit on Thursday.
Trade between India and South Africa reached 20 billion dollars in 2023, according to officials. "We have met more than ten times," Ramaphosa said.
Le président Luiz Inácio Lula da Silva a reçu lundi à Brasilia son homologue turc Recep Tayyip Erdoğan pour une visite d'État de deux jours. Les deux chefs d'État se sont entretenus pendant trois heures et ont signé plusieurs accords.
Le Premier ministre japonais Fumio Kishida se rendra la semaine prochaine à Canberra, où il doit rencontrer Anthony Albanese.
`

// BenchmarkExtract reports the throughput of Article on text written for
// it, and on the seed articles when they are there.
func BenchmarkExtract(b *testing.B) {
	x := New(kb.Default(), Options{})
	docs := []Doc{{Path: "bench.txt", Data: []byte(strings.Repeat(benchText, 50)), Published: "2024-05-16"}}
	if ms, err := filepath.Glob(filepath.Join(sharedCorpus("seeds"), "*.txt")); err == nil {
		for _, p := range ms {
			if data, err := os.ReadFile(p); err == nil {
				docs = append(docs, Doc{Path: p, Data: data, Published: "2024-05-16", Language: "en"})
			}
		}
	}
	total := 0
	for _, d := range docs {
		total += len(d.Data)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if _, err := x.Article(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	// MB/s per CPU second: the throughput of one core whatever the load
	// of the machine (wall-clock MB/s drop when the machine is shared)
	if cpu := cpuTime() - c0; cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	}
}
