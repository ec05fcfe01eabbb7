package gdelt

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
)

// sharedData is the folder of public test data (GDELT and CAMEO files),
// read at run time: EVENTGRAPH_SHARED_DATA or ../../../shared/data.
func sharedData(t testing.TB, parts ...string) string {
	t.Helper()
	dir := os.Getenv("EVENTGRAPH_SHARED_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "data")
	}
	p := filepath.Join(append([]string{dir}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("shared test data %s not available (set EVENTGRAPH_SHARED_DATA): %v", p, err)
	}
	return p
}

func readFile(t *testing.T, path string, opt Options) (Stats, []Row) {
	t.Helper()
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []Row
	st, err := Read(context.Background(), f, filepath.Base(path), opt, func(r Row) error {
		rows = append(rows, r)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return st, rows
}

const export2 = "20180101000000.export.CSV"

func TestReadGDELT2Export(t *testing.T) {
	path := sharedData(t, "gdelt", export2)
	st, rows := readFile(t, path, Options{All: true})
	if st.Rows != 2414 || st.Accepted != 2414 || st.Failed != 0 || st.Filtered != 0 {
		t.Fatalf("all rows: %+v", st)
	}
	if st.Format != layoutV2.name {
		t.Errorf("format %q", st.Format)
	}
	st04, rows04 := readFile(t, path, Options{Roots: []string{"04"}})
	if st04.Accepted != 657 || len(rows04) != 657 || st04.Filtered != 2414-657 {
		t.Fatalf("04x: %+v", st04)
	}
	for _, r := range rows04 {
		if r.EventRootCode != "04" || !strings.HasPrefix(r.EventCode, "04") {
			t.Fatalf("row %d: code %s root %s", r.Line, r.EventCode, r.EventRootCode)
		}
	}
	stDef, _ := readFile(t, path, Options{})
	// 03: 61, 04: 657, 05: 167, 06: 40
	if stDef.Accepted != 925 || stDef.Accepted+stDef.Filtered != stDef.Rows {
		t.Fatalf("default filter: %+v", stDef)
	}
	// The first row, field by field.
	r := rows[0]
	if r.GlobalEventID != 719024875 || r.Date != "2017-12-02" || r.EventCode != "043" || r.EventBaseCode != "043" ||
		r.EventRootCode != "04" || r.QuadClass != 1 || r.Goldstein != 2.8 || r.NumMentions != 18 || r.NumSources != 3 ||
		r.NumArticles != 18 || r.AvgTone != -2.56410256410256 || !r.IsRootEvent || r.Actor2.Code != "USA" ||
		r.Actor2.Name != "MISSOURI" || r.Actor2.CountryCode != "USA" || r.DateAdded != "2018-01-01T00:00:00Z" ||
		r.SourceURL != "http://www.TucsonNewsNow.com/story/37167033/dog-missing-for-a-year-turns-up-4-states-away" || r.Line != 1 {
		t.Fatalf("row 1: %+v", r)
	}
	g := r.ActionGeo
	if g.Type != 1 || g.FullName != "Mexico" || g.CountryCode != "MX" || g.ISO3 != "MEX" || g.Lat != 23 || g.Long != -102 ||
		g.FeatureID != "MX" || g.PlaceKey != "" {
		t.Fatalf("row 1 geo: %+v", g)
	}
	// Row 2: a world city.
	g = rows[1].ActionGeo
	if g.Type != 4 || g.FullName != "Brunswick West, Victoria, Australia" || g.ISO3 != "AUS" || g.ADM2Code != "5402" ||
		g.PlaceKey != "place:gdelt:-1562136" || !g.HasLatLong {
		t.Fatalf("row 2 geo: %+v", g)
	}
	// Row 192 has GDELT's shifted Georgia geo (latitude blank): kept, without coordinates.
	if r := rows[191]; r.Line != 192 || r.ActionGeo.HasLatLong {
		t.Fatalf("row 192: %+v", r)
	}
	ids := map[int64]bool{}
	for _, r := range rows {
		if ids[r.GlobalEventID] {
			t.Fatalf("duplicate id %d", r.GlobalEventID)
		}
		ids[r.GlobalEventID] = true
	}
}

func TestReadGDELT1Daily(t *testing.T) {
	path := sharedData(t, "gdelt", "gdelt1_daily_sample_20160728.events.tsv")
	st, rows := readFile(t, path, Options{All: true})
	if st.Rows != 710 || st.Accepted != 710 || st.Failed != 0 {
		t.Fatalf("%+v", st)
	}
	var short, long int
	for _, r := range rows {
		if r.SourceURL == "" {
			short++
		} else {
			long++
		}
		if r.ActionGeo.ADM2Code != "" {
			t.Fatalf("line %d: GDELT 1.0 has no ADM2 column", r.Line)
		}
	}
	if short != 201 || long != 509 {
		t.Errorf("57-column rows %d (want 201), 58-column %d (want 509)", short, long)
	}
	if rows[0].DateAdded != "2016-07-28" || rows[0].Date != "2006-07-31" {
		t.Errorf("row 1: %+v", rows[0])
	}
	st04, _ := readFile(t, path, Options{Roots: []string{"04"}})
	if st04.Accepted != 174 {
		t.Errorf("04x: %d, want 174", st04.Accepted)
	}
}

func TestReadGeorgiaCSVWithHeader(t *testing.T) {
	want := map[string][2]int{ // rows, 04x
		"aug2011": {5894, 1424}, "feb2012": {8484, 2025}, "mar2012": {8441, 2169}, "nov2012": {5230, 1770},
	}
	total := 0
	for month, w := range want {
		path := sharedData(t, "gdelt", "gdelt1_georgia_"+month+".undp.csv")
		st, rows := readFile(t, path, Options{All: true})
		if st.Rows != w[0] || st.Accepted != w[0] || st.Failed != 0 {
			t.Errorf("%s: %+v", month, st)
		}
		if !strings.Contains(st.Format, "header") {
			t.Errorf("%s: format %q", month, st.Format)
		}
		st04, _ := readFile(t, path, Options{Roots: []string{"04"}})
		if st04.Accepted != w[1] {
			t.Errorf("%s: 04x %d, want %d", month, st04.Accepted, w[1])
		}
		total += st.Rows
		// NA became empty, quoted codes kept their zeros, geo is Georgia (GG).
		for _, r := range rows {
			if r.ActionGeo.CountryCode != "GG" || r.ActionGeo.ISO3 != "GEO" {
				t.Fatalf("%s line %d: geo %+v", month, r.Line, r.ActionGeo)
			}
			if r.Actor1.Code == "NA" || r.SourceURL != "" || len(r.EventRootCode) != 2 {
				t.Fatalf("%s line %d: %+v", month, r.Line, r)
			}
		}
		if rows[0].Line != 2 {
			t.Errorf("%s: first data line %d, want 2 (after the header)", month, rows[0].Line)
		}
	}
	if total != 28049 {
		t.Errorf("total %d, want 28049", total)
	}
}

// firstLine returns line n (1-based) of the 2.0 export.
func exportLines(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(sharedData(t, "gdelt", export2))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

func setField(line string, col int, v string) string {
	f := strings.Split(line, "\t")
	f[col] = v
	return strings.Join(f, "\t")
}

func TestRowErrorsAreReportedAndSkipped(t *testing.T) {
	lines := exportLines(t)[:20]
	good := lines[0] // 043
	bad := map[int]struct {
		line   string
		reason string
	}{
		3:  {strings.Join(strings.Split(good, "\t")[:60], "\t"), "60 columns"},
		6:  {setField(good, 30, "abc"), `goldsteinscale "abc"`},
		9:  {setField(good, 1, "00000000"), `sqldate "00000000"`},
		12: {setField(setField(good, 26, "999"), 27, "999"), `eventcode "999": unknown CAMEO event code`},
		15: {good + strings.Repeat("x", 3000), "line longer than 2048 bytes"},
		17: {setField(good, 0, "12x"), `globaleventid "12x"`},
		18: {setField(good, 28, "05"), "eventrootcode"},
	}
	var in []string
	for i, l := range lines {
		if b, ok := bad[i+1]; ok {
			l = b.line
		}
		in = append(in, l)
	}
	var got []Row
	st, err := Read(context.Background(), strings.NewReader(strings.Join(in, "\n")+"\n"), "bad.CSV",
		Options{All: true, MaxLineBytes: 2048}, func(r Row) error { got = append(got, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if st.Rows != 20 || st.Failed != len(bad) || st.Accepted != 20-len(bad) || len(got) != st.Accepted {
		t.Fatalf("stats %+v", st)
	}
	if len(st.Errors) != len(bad) {
		t.Fatalf("errors %v", st.Errors)
	}
	for _, e := range st.Errors {
		b, ok := bad[e.Line]
		if !ok {
			t.Errorf("unexpected error %v", e)
			continue
		}
		if e.File != "bad.CSV" || !strings.Contains(e.Reason, b.reason) {
			t.Errorf("line %d: %q, want reason containing %q", e.Line, e.Error(), b.reason)
		}
		if !strings.HasPrefix(e.Error(), fmt.Sprintf("bad.CSV:%d: ", e.Line)) {
			t.Errorf("error text %q", e.Error())
		}
	}
	for _, r := range got {
		if _, isBad := bad[r.Line]; isBad {
			t.Errorf("bad line %d was accepted", r.Line)
		}
	}
}

func TestMixedFamiliesAndHeaderErrors(t *testing.T) {
	lines := exportLines(t)
	v1 := strings.Split(lines[0], "\t")
	v1 = append(append(append([]string{}, v1[:39]...), v1[40:47]...), v1[48:55]...)
	v1 = append(v1, strings.Split(lines[0], "\t")[56:]...)
	if len(v1) != 58 {
		t.Fatalf("built %d columns", len(v1))
	}
	if _, err := ParseLine(strings.Join(v1, "\t")); err != nil {
		t.Fatalf("58-column row: %v", err)
	}
	st, err := Read(context.Background(), strings.NewReader(lines[0]+"\n"+strings.Join(v1, "\t")+"\n"), "mixed", Options{All: true}, func(Row) error { return nil })
	if err != nil || st.Failed != 1 || st.Errors[0].Line != 2 || !strings.Contains(st.Errors[0].Reason, "GDELT 1.0 row in a GDELT 2.0 file") {
		t.Fatalf("%+v %v", st, err)
	}
	// A byte order mark before the header is tolerated.
	hdr := "\ufeff" + strings.Join(gdelt2Columns, "\t") + "\n" + lines[0] + "\n"
	st, err = Read(context.Background(), strings.NewReader(hdr), "bom.tsv", Options{All: true}, func(Row) error { return nil })
	if err != nil || st.Accepted != 1 || !strings.Contains(st.Format, "header (tab)") {
		t.Fatalf("tab file with header and BOM: %+v %v", st, err)
	}
	_, err = Read(context.Background(), strings.NewReader("GLOBALEVENTID,SQLDATE\n1,20200101\n"), "h.csv", Options{}, func(Row) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "h.csv:1: header lacks column(s) eventcode") {
		t.Fatalf("header error: %v", err)
	}
}

func writeZip(t *testing.T, path, entry string, data []byte) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, err := zw.Create(entry)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestZipAndTruncatedZip(t *testing.T) {
	data, err := os.ReadFile(sharedData(t, "gdelt", export2))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	zpath := filepath.Join(dir, export2+".zip")
	writeZip(t, zpath, export2, data)
	st, _ := readFile(t, zpath, Options{All: true})
	if st.Rows != 2414 || st.Accepted != 2414 || st.Truncated {
		t.Fatalf("zip: %+v", st)
	}

	// A download cut at 60%: the central directory is gone.
	zb, _ := os.ReadFile(zpath)
	cut := filepath.Join(dir, "cut.export.CSV.zip")
	if err := os.WriteFile(cut, zb[:len(zb)*6/10], 0o644); err != nil {
		t.Fatal(err)
	}
	st, rows := readFile(t, cut, Options{All: true})
	if !st.Truncated || st.Failed != 1 || st.Accepted < 100 || st.Accepted >= 2414 || len(rows) != st.Accepted {
		t.Fatalf("cut zip: %+v", st)
	}
	e := st.Errors[0]
	if e.File != "cut.export.CSV.zip" || e.Line != st.Accepted+1 || !strings.Contains(e.Reason, "input ends early") {
		t.Fatalf("cut zip error: %v", e)
	}
	// The rows before the cut are the file's first rows.
	all := strings.Split(string(data), "\n")
	for i, r := range rows {
		want, _ := ParseLine(all[i])
		if r.GlobalEventID != want.GlobalEventID {
			t.Fatalf("row %d: id %d, want %d", i+1, r.GlobalEventID, want.GlobalEventID)
		}
	}
	// Not a zip at all.
	junk := filepath.Join(dir, "junk.zip")
	os.WriteFile(junk, []byte("hello"), 0o644)
	if _, err := Open(junk); err == nil {
		t.Fatal("junk zip opened")
	}
}

func TestContextCancelAndCallbackError(t *testing.T) {
	lines := exportLines(t)
	in := strings.Join(lines, "\n")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, strings.NewReader(in), "x", Options{All: true}, func(Row) error { return nil }); err != context.Canceled {
		t.Fatalf("cancelled: %v", err)
	}
	n := 0
	st, err := Read(context.Background(), strings.NewReader(in), "x", Options{All: true}, func(Row) error {
		n++
		if n == 3 {
			return fmt.Errorf("boom")
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "x:3: boom") || st.Accepted != 3 {
		t.Fatalf("%v %+v", err, st)
	}
	n = 0
	st, err = Read(context.Background(), strings.NewReader(in), "x", Options{All: true}, func(Row) error {
		n++
		if n == 5 {
			return ErrStop
		}
		return nil
	})
	if err != nil || st.Accepted != 5 {
		t.Fatalf("ErrStop: %v %+v", err, st)
	}
}

// genReader produces n GDELT 2.0 rows on the fly and records how many
// bytes the consumer has taken.
type genReader struct {
	tmpl    []string // fields of a template row
	n, next int
	pending []byte
	given   int64 // bytes handed to the consumer
	ends    []int64
}

func (g *genReader) Read(p []byte) (int, error) {
	for len(g.pending) == 0 {
		if g.next == g.n {
			return 0, io.EOF
		}
		g.next++
		f := append([]string{}, g.tmpl...)
		f[0] = fmt.Sprint(900000000 + g.next)
		if g.next%7 == 0 {
			f[30] = "not-a-number" // every 7th row is bad
		}
		g.pending = []byte(strings.Join(f, "\t") + "\n")
	}
	n := copy(p, g.pending)
	g.pending = g.pending[n:]
	g.given += int64(n)
	return n, nil
}

func TestReaderMemoryIsConstant(t *testing.T) {
	n := 1_000_000
	if testing.Short() {
		n = 100_000
	}
	tmpl := strings.Split(exportLines(t)[0], "\t")
	g := &genReader{tmpl: tmpl, n: n}
	lineLen := int64(len(strings.Join(tmpl, "\t")) + 1 + 2) // ids differ by at most a few digits
	var ms runtime.MemStats
	var peak uint64
	accepted := 0
	st, err := Read(context.Background(), g, "generated", Options{All: true, MaxErrors: 10}, func(r Row) error {
		accepted++
		// The reader holds at most its 64 KiB buffer beyond the current row:
		// it never reads ahead by rows.
		consumedUpTo := int64(r.Line) * lineLen
		if ahead := g.given - consumedUpTo; ahead > 64<<10+int64(lineLen) {
			t.Fatalf("line %d: reader is %d bytes ahead of the row it delivers", r.Line, ahead)
		}
		if r.Line%50_000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Rows != n || st.Failed != n/7 || st.Accepted != n-n/7 || len(st.Errors) != 10 {
		t.Fatalf("stats: rows %d accepted %d failed %d errors %d", st.Rows, st.Accepted, st.Failed, len(st.Errors))
	}
	if peak > 32<<20 {
		t.Fatalf("heap grew to %d MiB while streaming %d rows", peak>>20, n)
	}
	t.Logf("%d rows (%d MiB) streamed; peak live heap %d KiB", n, g.given>>20, peak>>10)
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func FuzzParseLine(f *testing.F) {
	for _, name := range []string{export2, "gdelt1_daily_sample_20160728.events.tsv"} {
		dir := os.Getenv("EVENTGRAPH_SHARED_DATA")
		if dir == "" {
			dir = filepath.Join("..", "..", "..", "shared", "data")
		}
		b, err := os.ReadFile(filepath.Join(dir, "gdelt", name))
		if err != nil {
			continue
		}
		for i, l := range bytes.Split(b, []byte("\n")) {
			if i < 5 {
				f.Add(string(l))
			}
		}
	}
	f.Add("1\t20200101")
	f.Add(strings.Repeat("\t", 60))
	f.Fuzz(func(t *testing.T, line string) {
		r, err := ParseLine(line)
		if err != nil {
			return
		}
		if !isoDate.MatchString(r.Date) || r.GlobalEventID <= 0 {
			t.Fatalf("bad row accepted: %+v", r)
		}
		for _, c := range []string{r.EventCode, r.EventBaseCode, r.EventRootCode} {
			if _, ok := CAMEODescription(c); !ok {
				t.Fatalf("unknown code %q accepted", c)
			}
		}
		if r.Goldstein < -10 || r.Goldstein > 10 || r.QuadClass < 1 || r.QuadClass > 4 {
			t.Fatalf("out of range: %+v", r)
		}
		if r.ActionGeo.PlaceKey != "" && !strings.HasPrefix(r.ActionGeo.PlaceKey, "place:gdelt:") {
			t.Fatalf("place key %q", r.ActionGeo.PlaceKey)
		}
		// Reading the same line through Read gives the same row.
		if strings.ContainsAny(line, "\n\r") {
			return
		}
		var got []Row
		if _, err := Read(context.Background(), strings.NewReader(line), "fuzz", Options{All: true}, func(x Row) error {
			got = append(got, x)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].GlobalEventID != r.GlobalEventID {
			t.Fatalf("Read disagrees with ParseLine: %+v", got)
		}
	})
}

func TestCategoryAndTables(t *testing.T) {
	for code, want := range map[string]string{"040": "meeting", "041": "phone_call", "042": "meeting", "043": "meeting",
		"044": "meeting", "045": "meeting", "046": "meeting", "036": "other", "057": "other", "04": "other"} {
		if got := Category(code); got != want {
			t.Errorf("Category(%s) = %s, want %s", code, got, want)
		}
	}
	if d, ok := CAMEODescription("043"); !ok || d != "Host a visit" {
		t.Errorf("043: %q %v", d, ok)
	}
	if n := len(cameoCodes); n != 311 {
		t.Errorf("%d CAMEO codes, want 311", n)
	}
	for fips, iso := range map[string]string{"US": "USA", "UK": "GBR", "GG": "GEO", "RS": "RUS", "CH": "CHN", "RB": "SRB", "KV": "XKX", "OS": ""} {
		if got := FIPSToISO3(fips); got != iso {
			t.Errorf("FIPS %s → %q, want %q", fips, got, iso)
		}
	}
}
