// Command importer builds loader/kb/data/base.json.gz from the public
// datasets of the shared data folder and the hand-filled files of
// loader/kb/manual. Run it through `go generate ./loader/kb`.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/eventgraph/eventgraph/loader/kb/internal/gen"
)

func main() {
	shared := flag.String("shared", "../../../shared/data", "the shared data folder (holds leaders/ and cameo/)")
	manual := flag.String("manual", "manual", "the folder of hand-filled YAML files")
	out := flag.String("out", "data", "output folder")
	verbose := flag.Bool("v", false, "print the importers' warnings")
	flag.Parse()
	gz, warnings, err := gen.Generate(gen.Options{Shared: *shared, Manual: *manual})
	if err != nil {
		fmt.Fprintln(os.Stderr, "importer:", err)
		os.Exit(1)
	}
	if *verbose {
		for _, w := range warnings {
			fmt.Fprintln(os.Stderr, "warning:", w)
		}
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "importer:", err)
		os.Exit(1)
	}
	path := filepath.Join(*out, "base.json.gz")
	if err := os.WriteFile(path, gz, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "importer:", err)
		os.Exit(1)
	}
	fmt.Printf("importer: wrote %s (%d bytes, %d warnings)\n", path, len(gz), len(warnings))
}
