package metrics

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// ReadEdgeList reads a CSV edge list into a new graph.
//
// The first record must be a header naming the columns "source" and
// "target" and optionally "weight" (case-insensitive, surrounding spaces
// ignored, any order; other columns are ignored). Each further record is one
// edge; ids are taken verbatim (RFC 4180 quoting, so an id may contain
// commas, quotes or newlines) and must not be empty. A missing or empty
// weight column means weight 1; a weight must parse as a float and be finite
// and >= 0.
//
// Duplicate edges (the same pair again, or its reverse in an undirected
// graph) are merged with SumDuplicates: their weights add up. NetworkX's
// add_edge keeps the last weight instead; use ReadEdges with LastDuplicate
// for that. Self-loops are kept.
//
// The file is read one record at a time: memory grows with the number of
// distinct nodes and edges, not with the number of lines.
//
// Errors name the file (name) and the line, e.g.
// "edges.csv:12: weight "-1" is negative".
func ReadEdgeList(r io.Reader, name string, directed bool) (*Graph, error) {
	g := NewGraph(directed)
	if err := g.ReadEdges(r, name, SumDuplicates); err != nil {
		return nil, err
	}
	return g, nil
}

// ParseError is an error in an input file.
type ParseError struct {
	File string
	Line int // 0 if the error is not tied to a line
	Msg  string
	Err  error // underlying error, if any
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrEmptyFile, ErrNoHeader and ErrMissingColumn are wrapped by the
// ParseErrors of the readers, for errors.Is.
var (
	ErrEmptyFile     = errors.New("empty file")
	ErrNoHeader      = errors.New("header missing")
	ErrMissingColumn = errors.New("missing column")
)

func newCSVReader(r io.Reader) *csv.Reader {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked here, with a better message
	cr.ReuseRecord = true
	return cr
}

func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &ParseError{File: name, Line: pe.Line, Msg: pe.Err.Error(), Err: err}
	}
	return &ParseError{File: name, Msg: err.Error(), Err: err}
}

// readHeader reads the header record and returns the column index of each
// wanted column (-1 if absent).
func readHeader(cr *csv.Reader, name string, want ...string) ([]int, error) {
	rec, err := cr.Read()
	if err == io.EOF {
		return nil, &ParseError{File: name, Msg: "empty file: expected a header line " + strings.Join(want, ","), Err: ErrEmptyFile}
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	cols := make([]int, len(want))
	for i := range cols {
		cols[i] = -1
	}
	for j, f := range rec {
		if j == 0 {
			f = strings.TrimPrefix(f, "\ufeff")
		}
		f = strings.ToLower(strings.TrimSpace(f))
		for i, w := range want {
			if f == w && cols[i] < 0 {
				cols[i] = j
			}
		}
	}
	return cols, nil
}

// ReadEdges reads a CSV edge list (format as ReadEdgeList) into g, merging
// duplicate edges with policy. Nodes already in g keep their index; new ones
// are appended in order of first appearance.
func (g *Graph) ReadEdges(r io.Reader, name string, policy DuplicatePolicy) error {
	cr := newCSVReader(r)
	cols, err := readHeader(cr, name, "source", "target", "weight")
	if err != nil {
		return err
	}
	line, _ := cr.FieldPos(0)
	if cols[0] < 0 || cols[1] < 0 {
		return &ParseError{File: name, Line: line, Err: ErrNoHeader,
			Msg: "header missing: the first line must name the columns source,target[,weight]"}
	}
	need := max(cols[0], cols[1], cols[2]) + 1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) < need {
			missing := "weight"
			switch {
			case cols[0] >= len(rec):
				missing = "source"
			case cols[1] >= len(rec):
				missing = "target"
			}
			return &ParseError{File: name, Line: line, Err: ErrMissingColumn,
				Msg: fmt.Sprintf("missing column %q: %d fields, want %d", missing, len(rec), need)}
		}
		src, dst := rec[cols[0]], rec[cols[1]]
		if src == "" || dst == "" {
			return &ParseError{File: name, Line: line, Msg: "empty node id"}
		}
		w := 1.0
		if cols[2] >= 0 {
			s := strings.TrimSpace(rec[cols[2]])
			if s != "" {
				w, err = parseWeight(s)
				if err != nil {
					return &ParseError{File: name, Line: line, Msg: err.Error(), Err: ErrWeight}
				}
			}
		}
		u := int32(g.AddNode(src))
		v := int32(g.AddNode(dst))
		if err := g.addEdgeIdx(u, v, w, policy); err != nil {
			return &ParseError{File: name, Line: line, Msg: err.Error(), Err: err}
		}
	}
}

func parseWeight(s string) (float64, error) {
	w, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil && !errors.Is(err, strconv.ErrRange):
		return 0, fmt.Errorf("weight %q is not a number", s)
	case math.IsNaN(w):
		return 0, fmt.Errorf("weight %q is NaN", s)
	case math.IsInf(w, 0) || err != nil:
		return 0, fmt.Errorf("weight %q is infinite or out of range", s)
	case w < 0:
		return 0, fmt.Errorf("weight %q is negative", s)
	}
	return w, nil
}

// ReadNodes reads a CSV node list into g: a header naming the column "id"
// (other columns ignored), then one node id per record. It is how isolated
// nodes, which an edge list cannot express, get into a graph; read it before
// the edge list to fix the node order. Ids already present are skipped; an
// empty id is an error.
func (g *Graph) ReadNodes(r io.Reader, name string) error {
	cr := newCSVReader(r)
	cols, err := readHeader(cr, name, "id")
	if err != nil {
		return err
	}
	if cols[0] < 0 {
		line, _ := cr.FieldPos(0)
		return &ParseError{File: name, Line: line, Err: ErrNoHeader,
			Msg: "header missing: the first line must name the column id"}
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return csvError(name, err)
		}
		line, _ := cr.FieldPos(0)
		if len(rec) <= cols[0] {
			return &ParseError{File: name, Line: line, Err: ErrMissingColumn, Msg: `missing column "id"`}
		}
		if rec[cols[0]] == "" {
			return &ParseError{File: name, Line: line, Msg: "empty node id"}
		}
		g.AddNode(rec[cols[0]])
	}
}

// WriteEdgeList writes g as a CSV edge list (header source,target,weight,
// edges in insertion order) that ReadEdgeList reads back into the same
// graph, isolated nodes aside (see WriteNodeList).
func (g *Graph) WriteEdgeList(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"source", "target", "weight"}); err != nil {
		return err
	}
	for i := range g.eu {
		if err := cw.Write([]string{g.names[g.eu[i]], g.names[g.ev[i]], strconv.FormatFloat(g.ew[i], 'g', -1, 64)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteNodeList writes all node ids as a CSV node list (header id).
func (g *Graph) WriteNodeList(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"id"}); err != nil {
		return err
	}
	for _, n := range g.names {
		if err := cw.Write([]string{n}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
