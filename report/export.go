package report

import (
	"bufio"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ExportOptions choose what the graph exports contain. The zero value
// exports the leader network (people and their co-participation ties).
type ExportOptions struct {
	// Countries adds the countries (Data.Countries) as nodes, their ties
	// (Data.CountryEdges), and an edge of kind "represents" from each
	// person to the country whose ISO3 code the person carries.
	Countries bool
}

// WriteGraphML writes the leader network as GraphML (readable by NetworkX's
// read_graphml, Gephi, yEd and igraph).
func WriteGraphML(w io.Writer, d *Data) error { return ExportOptions{}.WriteGraphML(w, d) }

// WriteGEXF writes the leader network as GEXF 1.3 with declared attributes
// (readable by Gephi and NetworkX's read_gexf).
func WriteGEXF(w io.Writer, d *Data) error { return ExportOptions{}.WriteGEXF(w, d) }

// WriteCSV writes nodes.csv and edges.csv of the leader network into dir
// (created when missing) and returns their paths. The headers follow Gephi's
// spreadsheet import: nodes have id and label (the name), edges have
// source, target, type and weight, then the other attributes.
func WriteCSV(dir string, d *Data) (nodesPath, edgesPath string, err error) {
	return ExportOptions{}.WriteCSV(dir, d)
}

type exportEdge struct {
	Edge
	kind string
}

type attr struct {
	name, typ string // typ: string, int, double
	node      func(Node) string
	edge      func(exportEdge) string
}

func fmtG(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

var nodeAttrs = []attr{
	{name: "name", typ: "string", node: func(n Node) string { return n.Name }},
	{name: "kind", typ: "string", node: func(n Node) string { return n.Kind }},
	{name: "country", typ: "string", node: func(n Node) string { return n.Country }},
	{name: "office", typ: "string", node: func(n Node) string { return n.Office }},
	{name: "events", typ: "int", node: func(n Node) string { return strconv.Itoa(n.Events) }},
	{name: "degree", typ: "double", node: func(n Node) string { return fmtG(n.Degree) }},
	{name: "strength", typ: "double", node: func(n Node) string { return fmtG(n.Strength) }},
	{name: "pagerank", typ: "double", node: func(n Node) string { return fmtG(n.PageRank) }},
	{name: "betweenness", typ: "double", node: func(n Node) string { return fmtG(n.Betweenness) }},
	{name: "eigenvector", typ: "double", node: func(n Node) string { return fmtG(n.Eigenvector) }},
	{name: "closeness", typ: "double", node: func(n Node) string { return fmtG(n.Closeness) }},
	{name: "community", typ: "int", node: func(n Node) string { return strconv.Itoa(n.Community) }},
}

var edgeAttrs = []attr{
	{name: "kind", typ: "string", edge: func(e exportEdge) string { return e.kind }},
	{name: "count", typ: "int", edge: func(e exportEdge) string { return strconv.Itoa(e.Count) }},
	{name: "weight", typ: "double", edge: func(e exportEdge) string { return fmtG(e.Weight) }},
	{name: "strength", typ: "double", edge: func(e exportEdge) string { return fmtG(e.Strength) }},
	{name: "first", typ: "string", edge: func(e exportEdge) string { return e.First }},
	{name: "last", typ: "string", edge: func(e exportEdge) string { return e.Last }},
}

// graph collects the nodes and edges to export: unique node keys, edges
// whose two ends are exported nodes, one edge per pair, no self-loops.
func (o ExportOptions) graph(d *Data) ([]Node, []exportEdge) {
	d = clean(d)
	var nodes []Node
	seen := map[string]bool{}
	add := func(ns []Node, kind string) {
		for _, n := range ns {
			if n.Key == "" || seen[n.Key] {
				continue
			}
			if n.Kind == "" {
				n.Kind = kind
			}
			seen[n.Key] = true
			nodes = append(nodes, n)
		}
	}
	add(d.Nodes, "person")
	if o.Countries {
		add(d.Countries, "country")
	}
	var edges []exportEdge
	pairs := map[[2]string]bool{}
	addEdges := func(es []Edge, kind string) {
		for _, e := range es {
			if !seen[e.A] || !seen[e.B] || e.A == e.B {
				continue
			}
			k := [2]string{min(e.A, e.B), max(e.A, e.B)}
			if pairs[k] {
				continue
			}
			pairs[k] = true
			edges = append(edges, exportEdge{Edge: e, kind: kind})
		}
	}
	addEdges(d.Edges, "co-participation")
	if o.Countries {
		addEdges(d.CountryEdges, "country-tie")
		byISO := map[string]string{}
		for _, c := range d.Countries {
			if c.Country != "" && seen[c.Key] {
				if _, ok := byISO[strings.ToUpper(c.Country)]; !ok {
					byISO[strings.ToUpper(c.Country)] = c.Key
				}
			}
		}
		var rep []Edge
		for _, n := range d.Nodes {
			if k, ok := byISO[strings.ToUpper(n.Country)]; ok && n.Country != "" {
				rep = append(rep, Edge{A: n.Key, B: k, Weight: 1})
			}
		}
		addEdges(rep, "represents")
	}
	return nodes, edges
}

func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// WriteGraphML writes the exported graph as GraphML.
func (o ExportOptions) WriteGraphML(w io.Writer, d *Data) error {
	nodes, edges := o.graph(d)
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	p("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
	p("  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n")
	for _, a := range nodeAttrs {
		p("  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", a.name, a.name, a.typ)
	}
	for _, a := range edgeAttrs {
		p("  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", a.name, a.name, a.typ)
	}
	p("  <graph id=\"leaders\" edgedefault=\"undirected\">\n")
	for _, n := range nodes {
		p("    <node id=\"%s\">\n      <data key=\"label\">%s</data>\n", xmlEscape(n.Key), xmlEscape(n.Name))
		for _, a := range nodeAttrs {
			if v := a.node(n); v != "" {
				p("      <data key=\"n_%s\">%s</data>\n", a.name, xmlEscape(v))
			}
		}
		p("    </node>\n")
	}
	for i, e := range edges {
		p("    <edge id=\"e%d\" source=\"%s\" target=\"%s\">\n", i, xmlEscape(e.A), xmlEscape(e.B))
		for _, a := range edgeAttrs {
			if v := a.edge(e); v != "" {
				p("      <data key=\"e_%s\">%s</data>\n", a.name, xmlEscape(v))
			}
		}
		p("    </edge>\n")
	}
	p("  </graph>\n</graphml>\n")
	return bw.Flush()
}

// gexfType maps attribute types to GEXF's.
func gexfType(t string) string {
	if t == "int" {
		return "integer"
	}
	return t
}

// WriteGEXF writes the exported graph as GEXF 1.3. Edge weights are the
// projection weights; the other values are declared attributes.
func (o ExportOptions) WriteGEXF(w io.Writer, d *Data) error {
	nodes, edges := o.graph(d)
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
	p("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n")
	p("  <meta")
	if d != nil {
		if t, ok := parseDate(d.Generated); ok {
			p(" lastmodifieddate=\"%s\"", t.Format("2006-01-02"))
		}
	}
	p(">\n    <creator>eventgraph</creator>\n")
	if d != nil && d.Title != "" {
		p("    <description>%s</description>\n", xmlEscape(cleanText(d.Title)))
	}
	p("  </meta>\n  <graph defaultedgetype=\"undirected\" mode=\"static\">\n")
	p("    <attributes class=\"node\" mode=\"static\">\n")
	for i, a := range nodeAttrs {
		p("      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", i, a.name, gexfType(a.typ))
	}
	p("    </attributes>\n    <attributes class=\"edge\" mode=\"static\">\n")
	for i, a := range edgeAttrs {
		if a.name == "weight" {
			continue // GEXF's own edge weight
		}
		p("      <attribute id=\"%d\" title=\"%s\" type=\"%s\"/>\n", i, a.name, gexfType(a.typ))
	}
	p("    </attributes>\n    <nodes>\n")
	for _, n := range nodes {
		p("      <node id=\"%s\" label=\"%s\">\n        <attvalues>\n", xmlEscape(n.Key), xmlEscape(n.Name))
		for i, a := range nodeAttrs {
			if v := a.node(n); v != "" {
				p("          <attvalue for=\"%d\" value=\"%s\"/>\n", i, xmlEscape(v))
			}
		}
		p("        </attvalues>\n      </node>\n")
	}
	p("    </nodes>\n    <edges>\n")
	for k, e := range edges {
		weight := e.Weight
		if weight <= 0 {
			weight = float64(max(e.Count, 1))
		}
		p("      <edge id=\"%d\" source=\"%s\" target=\"%s\" weight=\"%s\">\n        <attvalues>\n", k, xmlEscape(e.A), xmlEscape(e.B), fmtG(weight))
		for i, a := range edgeAttrs {
			if a.name == "weight" {
				continue
			}
			if v := a.edge(e); v != "" {
				p("          <attvalue for=\"%d\" value=\"%s\"/>\n", i, xmlEscape(v))
			}
		}
		p("        </attvalues>\n      </edge>\n")
	}
	p("    </edges>\n  </graph>\n</gexf>\n")
	return bw.Flush()
}

// WriteCSV writes nodes.csv and edges.csv into dir.
func (o ExportOptions) WriteCSV(dir string, d *Data) (nodesPath, edgesPath string, err error) {
	nodes, edges := o.graph(d)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("report: %w", err)
	}
	nodesPath = filepath.Join(dir, "nodes.csv")
	edgesPath = filepath.Join(dir, "edges.csv")
	head := []string{"id", "label"}
	for _, a := range nodeAttrs {
		if a.name != "name" {
			head = append(head, a.name)
		}
	}
	var rows [][]string
	rows = append(rows, head)
	for _, n := range nodes {
		row := []string{n.Key, n.Name}
		for _, a := range nodeAttrs {
			if a.name != "name" {
				row = append(row, a.node(n))
			}
		}
		rows = append(rows, row)
	}
	if err := writeCSVFile(nodesPath, rows); err != nil {
		return "", "", err
	}
	head = []string{"source", "target", "type", "weight"}
	for _, a := range edgeAttrs {
		if a.name != "weight" {
			head = append(head, a.name)
		}
	}
	rows = [][]string{head}
	for _, e := range edges {
		row := []string{e.A, e.B, "Undirected", fmtG(e.Weight)}
		for _, a := range edgeAttrs {
			if a.name != "weight" {
				row = append(row, a.edge(e))
			}
		}
		rows = append(rows, row)
	}
	if err := writeCSVFile(edgesPath, rows); err != nil {
		return "", "", err
	}
	return nodesPath, edgesPath, nil
}

func writeCSVFile(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	cw := csv.NewWriter(f)
	if err := cw.WriteAll(rows); err != nil {
		f.Close()
		return fmt.Errorf("report: write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}
