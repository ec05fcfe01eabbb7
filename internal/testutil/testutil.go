// Package testutil finds shared test inputs.
package testutil

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// RepoRoot is the repository's top folder.
func RepoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// Shared returns a path under ../shared (the folder beside the
// repository that holds the seed corpus and public datasets). It fails the
// test when the folder is missing: tests that need it never skip.
func Shared(t testing.TB, elem ...string) string {
	t.Helper()
	base := os.Getenv("EVENTGRAPH_SHARED")
	if base == "" {
		base = filepath.Join(RepoRoot(), "..", "shared")
	}
	p := filepath.Join(append([]string{base}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("test input %s is missing (set EVENTGRAPH_SHARED to the shared folder): %v", p, err)
	}
	return p
}
