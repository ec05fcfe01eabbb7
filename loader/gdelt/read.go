package gdelt

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/eventgraph/eventgraph/loader/kb"
)

// Options of Read.
type Options struct {
	// All imports every event; by default only the cooperative diplomatic
	// roots (DiplomaticRoots: 03, 04, 05, 06) are accepted.
	All bool
	// Roots overrides DiplomaticRoots when All is false.
	Roots []string
	// KB maps actors to knowledge-base keys (countries, organizations from
	// known groups, people by name). Nil: no mapping.
	KB *kb.KB
	// MaxLineBytes: longer lines are row errors (default 1 MiB).
	MaxLineBytes int
	// MaxErrors caps Stats.Errors (Failed still counts every failed row);
	// default 1000, negative keeps none.
	MaxErrors int
}

// RowError is a row that was skipped.
type RowError struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Reason string `json:"reason"`
}

func (e RowError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Reason) }

// Stats summarises one Read. Rows = Accepted + Filtered + Failed (a
// header line and blank lines are not rows).
type Stats struct {
	Rows      int        `json:"rows"`
	Accepted  int        `json:"accepted"`
	Filtered  int        `json:"filtered"`
	Failed    int        `json:"failed"`
	Errors    []RowError `json:"errors,omitempty"`
	Format    string     `json:"format"`              // layout of the first row
	Truncated bool       `json:"truncated,omitempty"` // the input ended in the middle (e.g. a cut .zip)
}

// Add accumulates another file's stats.
func (s *Stats) Add(o Stats) {
	s.Rows += o.Rows
	s.Accepted += o.Accepted
	s.Filtered += o.Filtered
	s.Failed += o.Failed
	s.Errors = append(s.Errors, o.Errors...)
	s.Truncated = s.Truncated || o.Truncated
	if s.Format == "" {
		s.Format = o.Format
	}
}

// Open opens a GDELT file: plain, .zip (the first entry, streamed) or .gz.
// A .zip whose central directory is missing (a cut download) is streamed
// from its first local header, so the rows before the cut can still be
// read; the cut itself surfaces as a read error (io.ErrUnexpectedEOF).
func Open(path string) (io.ReadCloser, error) {
	lower := strings.ToLower(path)
	switch {
	case strings.HasSuffix(lower, ".zip"):
		zr, err := zip.OpenReader(path)
		if err == nil {
			if len(zr.File) == 0 {
				zr.Close()
				return nil, fmt.Errorf("%s: empty zip", path)
			}
			rc, err := zr.File[0].Open()
			if err != nil {
				zr.Close()
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			return &multiCloser{Reader: rc, closers: []io.Closer{rc, zr}}, nil
		}
		return openLocalZip(path, err)
	case strings.HasSuffix(lower, ".gz"):
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		gz, err := gzip.NewReader(bufio.NewReaderSize(f, 64<<10))
		if err != nil {
			f.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return &multiCloser{Reader: gz, closers: []io.Closer{gz, f}}, nil
	}
	return os.Open(path)
}

type multiCloser struct {
	io.Reader
	closers []io.Closer
}

func (m *multiCloser) Close() error {
	var first error
	for _, c := range m.closers {
		if err := c.Close(); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// openLocalZip streams the first entry of a zip from its local file header
// (used when the central directory at the end of the file is missing).
func openLocalZip(path string, zipErr error) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReaderSize(f, 64<<10)
	var h [30]byte
	if _, err := io.ReadFull(br, h[:]); err != nil || binary.LittleEndian.Uint32(h[0:4]) != 0x04034b50 {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, zipErr)
	}
	method := binary.LittleEndian.Uint16(h[8:10])
	size := int64(binary.LittleEndian.Uint32(h[18:22]))
	flags := binary.LittleEndian.Uint16(h[6:8])
	skip := int64(binary.LittleEndian.Uint16(h[26:28])) + int64(binary.LittleEndian.Uint16(h[28:30]))
	if _, err := io.CopyN(io.Discard, br, skip); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, io.ErrUnexpectedEOF)
	}
	switch method {
	case zip.Deflate:
		fr := flate.NewReader(br)
		return &multiCloser{Reader: fr, closers: []io.Closer{fr, f}}, nil
	case zip.Store:
		if flags&0x8 != 0 {
			f.Close()
			return nil, fmt.Errorf("%s: %w (stored entry without size)", path, zipErr)
		}
		return &multiCloser{Reader: &exactReader{r: io.LimitReader(br, size), want: size}, closers: []io.Closer{f}}, nil
	}
	f.Close()
	return nil, fmt.Errorf("%s: %w (compression method %d)", path, zipErr, method)
}

// exactReader turns an early EOF into io.ErrUnexpectedEOF.
type exactReader struct {
	r    io.Reader
	want int64
	got  int64
}

func (e *exactReader) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	e.got += int64(n)
	if err == io.EOF && e.got < e.want {
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

// Read streams GDELT rows from r (name is used in row errors), calling fn
// for every accepted row in input order. Memory use is constant: one line
// at a time. Bad rows are skipped and reported in Stats with name:line and
// the reason; a read error (such as a truncated archive) ends the input and
// is reported the same way with Stats.Truncated set. Read returns an error
// only when fn fails, the context ends or a header is unusable.
//
// Formats: headerless tab-separated GDELT 2.0 exports (61 columns) and
// GDELT 1.0 files (58 columns, or 57 without SOURCEURL), and delimited
// files whose first line is a header naming the GDELT columns (the R
// re-exports: comma-separated, quoted strings, NA for empty).
func Read(ctx context.Context, r io.Reader, name string, opt Options, fn func(Row) error) (Stats, error) {
	var st Stats
	maxLine := opt.MaxLineBytes
	if maxLine <= 0 {
		maxLine = 1 << 20
	}
	maxErrs := opt.MaxErrors
	if maxErrs == 0 {
		maxErrs = 1000
	}
	roots := map[string]bool{}
	if !opt.All {
		rs := opt.Roots
		if len(rs) == 0 {
			rs = DiplomaticRoots
		}
		for _, c := range rs {
			roots[c] = true
		}
	}
	var m *Mapper
	if opt.KB != nil {
		m = NewMapper(opt.KB)
	}
	fail := func(line int, reason string) {
		st.Failed++
		if maxErrs > 0 && len(st.Errors) < maxErrs {
			st.Errors = append(st.Errors, RowError{File: name, Line: line, Reason: reason})
		}
	}

	br := bufio.NewReaderSize(r, 64<<10)
	var (
		buf     []byte
		fields  []string
		lineNo  int
		lay     *layout // header layout, or nil for headerless
		sep     byte
		fam     string
		started bool
	)
	for {
		if lineNo&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return st, err
			}
		}
		// Read one line into buf, at most maxLine bytes.
		buf = buf[:0]
		tooLong := false
		var readErr error
		for {
			chunk, err := br.ReadSlice('\n')
			if len(buf)+len(chunk) > maxLine {
				tooLong = true
			} else {
				buf = append(buf, chunk...)
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			readErr = err
			break
		}
		if readErr == io.EOF && len(buf) == 0 && !tooLong {
			break
		}
		lineNo++
		if readErr != nil && readErr != io.EOF {
			// The input broke off: the partial line is not trusted.
			st.Rows++
			st.Truncated = true
			fail(lineNo, fmt.Sprintf("input ends early (%v); the rest of the file is lost", readErr))
			return st, nil
		}
		if tooLong {
			st.Rows++
			fail(lineNo, fmt.Sprintf("line longer than %d bytes", maxLine))
			if readErr == io.EOF {
				break
			}
			continue
		}
		line := string(bytes.TrimRight(buf, "\r\n"))
		if strings.TrimSpace(line) == "" {
			if readErr == io.EOF {
				break
			}
			continue
		}
		if !started {
			started = true
			line = strings.TrimPrefix(line, "\ufeff") // a UTF-8 byte order mark
			if h, s, ok := headerLine(line); ok {
				l, err := newLayout("", 0, h)
				if err != nil {
					return st, fmt.Errorf("%s:%d: %w", name, lineNo, err)
				}
				sep = s
				l.headerFields = len(h)
				lay = l
				if s == ',' {
					l.name = "delimited with header (comma)"
				} else {
					l.name = "delimited with header (tab)"
				}
				st.Format = l.name
				continue
			}
		}
		st.Rows++
		var (
			row Row
			err error
			l   = lay
		)
		if lay != nil {
			if sep == ',' {
				fields, err = splitCSV(line, sep, fields)
			} else {
				fields = splitTab(line, fields)
			}
			if err == nil && len(fields) != lay.headerFields {
				err = fmt.Errorf("%d columns, the header has %d", len(fields), lay.headerFields)
			}
		} else {
			fields = splitTab(line, fields)
			l = headerlessLayout(len(fields))
			switch {
			case l == nil:
				err = fmt.Errorf("%d columns, want 61 (GDELT 2.0) or 58/57 (GDELT 1.0)", len(fields))
			case fam == "":
				fam = family(l)
				st.Format = l.name
			case family(l) != fam:
				err = fmt.Errorf("%d columns: a GDELT %s row in a GDELT %s file", len(fields), family(l), fam)
			}
		}
		if err == nil {
			row, err = parseFields(fields, l)
		}
		if err != nil {
			fail(lineNo, err.Error())
		} else if !opt.All && !roots[row.EventRootCode] {
			st.Filtered++
		} else {
			row.Line = lineNo
			if m != nil {
				m.Resolve(&row)
			}
			st.Accepted++
			if err := fn(row); err != nil {
				if errors.Is(err, ErrStop) {
					return st, nil
				}
				return st, fmt.Errorf("%s:%d: %w", name, lineNo, err)
			}
		}
		if readErr == io.EOF {
			break
		}
	}
	return st, nil
}

// headerLine recognises a header: the first field names GLOBALEVENTID.
func headerLine(line string) ([]string, byte, bool) {
	first := strings.ToLower(strings.Trim(strings.TrimSpace(strings.SplitN(strings.SplitN(line, "\t", 2)[0], ",", 2)[0]), `"`))
	if first != "globaleventid" {
		return nil, 0, false
	}
	if strings.Contains(line, "\t") {
		return splitTab(line, nil), '\t', true
	}
	f, err := splitCSV(line, ',', nil)
	if err != nil {
		return nil, 0, false
	}
	return f, ',', true
}

// ErrStop can be returned by fn to end Read early without an error.
var ErrStop = errors.New("stop")
