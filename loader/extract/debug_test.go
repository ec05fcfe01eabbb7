//go:build debug

package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var debugFile = flag.String("debug", "", "print the local events of the corpus files whose name contains this (with -corpus)")
var debugCorpus = flag.String("corpus", sharedCorpus("seeds"), "corpus folder for -debug")

func TestDebugEvents(t *testing.T) {
	if *debugFile == "" {
		t.Skip("no -debug")
	}
	x := New(testKB(t), Options{})
	rs, evs := runCorpus(t, x, *debugCorpus)
	for _, r := range rs {
		if !strings.Contains(filepath.Base(r.Article.Path), *debugFile) && *debugFile != "all" {
			continue
		}
		fmt.Printf("=== %s pub=%s\n", filepath.Base(r.Article.Path), deref(r.Article.Published))
		for _, e := range r.Entities {
			var ms []string
			for _, m := range e.Mentions {
				ms = append(ms, m.Text)
			}
			fmt.Printf("  ENT %-12s %-28s %q\n", e.Kind, e.Name, strings.Join(ms, "|"))
		}
		for _, e := range r.Events {
			fmt.Printf("  EV %s..%s %s %s/%s %v %s conf=%.2f\n", deref(e.Date), deref(e.DateEnd), deref(e.Place), e.Category, e.Cameo, e.Participants, e.Status, e.Confidence)
			for _, s := range e.Sources {
				fmt.Printf("       < %.160s\n", strings.ReplaceAll(s.Text, "\n", " "))
			}
		}
		for _, c := range r.Claims {
			q := ""
			if c.Qualifier != nil {
				q = *c.Qualifier
			}
			fmt.Printf("  CLAIM %s %v %g %s %d\n", c.Kind, c.Subject, c.Value, q, c.Year)
		}
	}
	if *debugFile == "all" {
		fmt.Println("=== merged")
		for _, e := range evs {
			fmt.Printf("  EV %s %s %s %v %s n=%d\n", deref(e.Date), deref(e.Place), e.Category, e.Participants, e.Status, len(e.Sources))
		}
	}
	_ = os.Stdout
}
