// Command render renders a report.Data JSON file (such as
// report/testdata/fixture.json) with every renderer, for looking at the
// output while working on the design:
//
//	go run ./report/internal/render -o /tmp/report report/testdata/fixture.json
//
// It writes report.html, report.md with its SVG pictures, graph.graphml,
// graph.gexf, nodes.csv and edges.csv into the output folder.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/eventgraph/eventgraph/report"
)

func main() {
	out := flag.String("o", "out/report", "output folder")
	countries := flag.Bool("countries", false, "include countries in the exports")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: render [-o DIR] [-countries] DATA.json")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *out, report.ExportOptions{Countries: *countries}); err != nil {
		fmt.Fprintln(os.Stderr, "render:", err)
		os.Exit(1)
	}
}

func run(in, dir string, opt report.ExportOptions) error {
	b, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var d report.Data
	if err := json.Unmarshal(b, &d); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.RenderHTML(&buf, &d); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "report.html"), buf.Bytes(), 0o644); err != nil {
		return err
	}
	if _, err := report.RenderMarkdown(dir, &d); err != nil {
		return err
	}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"graph.graphml": func(w *bytes.Buffer) error { return opt.WriteGraphML(w, &d) },
		"graph.gexf":    func(w *bytes.Buffer) error { return opt.WriteGEXF(w, &d) },
	} {
		buf.Reset()
		if err := write(&buf); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	_, _, err = opt.WriteCSV(dir, &d)
	return err
}
