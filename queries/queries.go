// Package queries holds every Cypher statement eventgraph runs, one named
// .cypher file each, embedded in the binary.
//
// A file starts with a header of line comments:
//
//	// name: meetings-between
//	// description: Every event both took part in.
//	// param: a string -- a person's key or name
//	// param: limit int = 100 -- at most this many rows
//
// Parameter types are string, int, float, bool, date, datetime, list
// (list of strings) and map; "= value" gives a default and makes the
// parameter optional.
package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed schema/*.cypher write/*.cypher admin/*.cypher library/*.cypher analysis/*.cypher report/*.cypher bench/*.cypher refresh/*.cypher gds/*.cypher
var files embed.FS

// Param is a declared parameter of a query.
type Param struct {
	Name        string
	Type        string
	Default     string
	HasDefault  bool
	Description string
}

// Query is one named statement.
type Query struct {
	Name        string
	Group       string // folder: schema, write, admin, library
	Description string
	Params      []Param
	Text        string // the Cypher without the header
	File        string
}

var (
	once     sync.Once
	registry map[string]*Query
	loadErr  error
)

// Parse reads one .cypher file.
func Parse(file string, src []byte) (*Query, error) {
	q := &Query{File: file, Group: path.Dir(file)}
	var body []string
	inHeader := true
	for i, line := range strings.Split(string(src), "\n") {
		t := strings.TrimSpace(line)
		if inHeader && strings.HasPrefix(t, "//") {
			c := strings.TrimSpace(strings.TrimPrefix(t, "//"))
			key, val, ok := strings.Cut(c, ":")
			if !ok {
				continue
			}
			val = strings.TrimSpace(val)
			switch strings.TrimSpace(key) {
			case "name":
				q.Name = val
			case "description":
				q.Description = val
			case "param":
				p, err := parseParam(val)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %w", file, i+1, err)
				}
				q.Params = append(q.Params, p)
			}
			continue
		}
		if t != "" {
			inHeader = false
		}
		if !inHeader {
			body = append(body, line)
		}
	}
	q.Text = strings.TrimSpace(strings.Join(body, "\n"))
	if q.Name == "" {
		return nil, fmt.Errorf("%s: header has no '// name:' line", file)
	}
	if q.Text == "" {
		return nil, fmt.Errorf("%s: no statement", file)
	}
	return q, nil
}

var paramTypes = map[string]bool{"string": true, "int": true, "float": true, "bool": true, "date": true, "datetime": true, "list": true, "map": true}

func parseParam(s string) (Param, error) {
	var p Param
	spec, desc, _ := strings.Cut(s, "--")
	p.Description = strings.TrimSpace(desc)
	spec, def, hasDef := strings.Cut(spec, "=")
	f := strings.Fields(spec)
	if len(f) != 2 {
		return p, fmt.Errorf("param %q: want 'param: NAME TYPE [= DEFAULT] [-- description]'", s)
	}
	p.Name, p.Type = f[0], f[1]
	if !paramTypes[p.Type] {
		return p, fmt.Errorf("param %s: unknown type %q", p.Name, p.Type)
	}
	if hasDef {
		p.HasDefault = true
		p.Default = strings.TrimSpace(def)
	}
	return p, nil
}

// Load parses a set of files and rejects duplicate names.
func Load(fsys fs.FS) (map[string]*Query, error) {
	out := map[string]*Query{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".cypher") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		q, err := Parse(p, b)
		if err != nil {
			return err
		}
		if prev, dup := out[q.Name]; dup {
			return fmt.Errorf("query name %q is used by both %s and %s", q.Name, prev.File, q.File)
		}
		out[q.Name] = q
		return nil
	})
	return out, err
}

func all() (map[string]*Query, error) {
	once.Do(func() { registry, loadErr = Load(files) })
	return registry, loadErr
}

// Get returns the named query; it panics on an unknown name, which is a
// programming error caught by the tests (user-facing lookups use Lookup).
func Get(name string) string {
	q, err := Lookup(name)
	if err != nil {
		panic(err)
	}
	return q.Text
}

// Lookup returns the named query or an error naming close matches.
func Lookup(name string) (*Query, error) {
	r, err := all()
	if err != nil {
		return nil, err
	}
	if q, ok := r[name]; ok {
		return q, nil
	}
	return nil, fmt.Errorf("no query named %q", name)
}

// All returns every query of a group ("" for all), sorted by name.
func All(group string) ([]*Query, error) {
	r, err := all()
	if err != nil {
		return nil, err
	}
	var out []*Query
	for _, q := range r {
		if group == "" || q.Group == group {
			out = append(out, q)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// Statements splits a multi-statement file (such as the schema) at
// semicolons that end a line.
func Statements(text string) []string {
	var out []string
	for _, s := range strings.Split(text, ";\n") {
		if s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), ";")); s != "" {
			out = append(out, s)
		}
	}
	return out
}
