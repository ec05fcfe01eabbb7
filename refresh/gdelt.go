package refresh

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path"
	"strings"

	"github.com/eventgraph/eventgraph/loader/gdelt"
	"github.com/eventgraph/eventgraph/queries"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// GDELTSummary is the outcome of reading GDELT update lists.
type GDELTSummary struct {
	Files    int      `json:"gdelt_files"`   // export files ingested this run
	Skipped  int      `json:"gdelt_skipped"` // already ingested with the same checksum
	Events   int      `json:"gdelt_events"`  // events accepted
	RowsBad  int      `json:"gdelt_rows_failed"`
	Failures []string `json:"gdelt_failures,omitempty"`
}

// ExportURLs reads a GDELT update list (lastupdate.txt: "size checksum url"
// per line) and returns the event exports it names with their checksums.
func ExportURLs(list []byte) (urls, sums []string) {
	sc := bufio.NewScanner(bytes.NewReader(list))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 3 {
			continue
		}
		if base := path.Base(f[2]); strings.Contains(strings.ToLower(base), ".export.") {
			urls, sums = append(urls, f[2]), append(sums, f[1])
		}
	}
	return urls, sums
}

// IngestUpdateList fetches a GDELT update list and ingests every export it
// names that was not ingested before with the same checksum. Events are
// idempotent by GlobalEventID, so a file ingested twice changes nothing.
func IngestUpdateList(ctx context.Context, d neo4j.DriverWithContext, db, listURL string, f *Fetcher, w *gdelt.Writer, opt gdelt.Options) (GDELTSummary, error) {
	var s GDELTSummary
	body, _, err := f.Get(ctx, listURL)
	if err != nil {
		return s, fmt.Errorf("GDELT update list %s: %w", listURL, err)
	}
	urls, sums := ExportURLs(body)
	if len(urls) == 0 {
		return s, fmt.Errorf("GDELT update list %s names no event export (lines \"size checksum url\" with .export. in the name)", listURL)
	}
	q := func(name string, p map[string]any) (*neo4j.EagerResult, error) {
		return neo4j.ExecuteQuery(ctx, d, queries.Get(name), p, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(db))
	}
	for i, u := range urls {
		res, err := q("refresh-gdelt-export-seen", map[string]any{"id": u, "hash": sums[i]})
		if err != nil {
			return s, err
		}
		if seen, _ := res.Records[0].Get("seen"); seen == true {
			s.Skipped++
			continue
		}
		st, ierr := ingestExport(ctx, f, w, u, opt)
		status, msg := "ok", ""
		if ierr != nil {
			status, msg = "failed", ierr.Error()
			s.Failures = append(s.Failures, u+": "+msg)
		} else {
			s.Files++
		}
		s.Events += st.Accepted
		s.RowsBad += st.Failed
		if _, err := q("refresh-gdelt-export-done", map[string]any{"id": u, "hash": sums[i], "status": status, "error": msg,
			"events": int64(st.Accepted)}); err != nil {
			return s, err
		}
	}
	return s, nil
}

func ingestExport(ctx context.Context, f *Fetcher, w *gdelt.Writer, u string, opt gdelt.Options) (gdelt.Stats, error) {
	body, _, err := f.Get(ctx, u)
	if err != nil {
		return gdelt.Stats{}, err
	}
	tmp, err := os.CreateTemp("", "eventgraph-gdelt-*-"+path.Base(u))
	if err != nil {
		return gdelt.Stats{}, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(body); err != nil {
		tmp.Close()
		return gdelt.Stats{}, err
	}
	tmp.Close()
	r, err := gdelt.Open(tmp.Name())
	if err != nil {
		return gdelt.Stats{}, err
	}
	defer r.Close()
	return gdelt.Ingest(ctx, w, r, u, opt, 0)
}
