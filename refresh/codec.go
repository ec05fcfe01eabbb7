package refresh

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"

	"github.com/eventgraph/eventgraph/loader/extract"
)

// extractionFormat is stored with every extraction; a different value makes
// the stored result unreadable (and the article is re-extracted from its
// source on the next refresh that touches it).
const extractionFormat = "v1.json.gz.b64"

// encodeResult stores an extraction result (entities, article-local events,
// claims) compactly: JSON, gzip, base64, as one string property.
func encodeResult(r *extract.Result) (string, error) {
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
	if err := json.NewEncoder(zw).Encode(r); err != nil {
		return "", err
	}
	if err := zw.Close(); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

// decodeResult reverses encodeResult.
func decodeResult(s string) (*extract.Result, error) {
	raw, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("stored extraction: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("stored extraction: %w", err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("stored extraction: %w", err)
	}
	var r extract.Result
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("stored extraction: %w", err)
	}
	return &r, nil
}

// ArticleProps are the refresh bookkeeping properties of an article
// (source identity, size, mtime and its stored extraction), so that an
// article written by `load` can be re-merged by later refreshes.
func ArticleProps(r *extract.Result, sourceID string, size, mtime int64) (map[string]any, error) {
	blob, err := encodeResult(r)
	if err != nil {
		return nil, err
	}
	return map[string]any{"source_id": sourceID, "size": size, "mtime": mtime, "extraction": blob,
		"extraction_format": extractionFormat, "undated_parts": undatedParts(r)}, nil
}
