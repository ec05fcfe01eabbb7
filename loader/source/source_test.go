package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, body string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestManifestProblemsAreReportedPerEntry(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "hello")
	write(t, dir, "b.txt", "hello")
	m := write(t, dir, "manifest.yaml", `articles:
  - file: a.txt
    published: 2024-05-16
    language: en
  - file: missing.txt
    published: 2024-05-17
  - file: b.txt
    published: 16/05/2024
`)
	man, problems, err := LoadManifest(m)
	if err != nil {
		t.Fatal(err)
	}
	if len(problems) != 2 {
		t.Fatalf("want 2 problems, got %v", problems)
	}
	joined := problems[0].Error() + "\n" + problems[1].Error()
	for _, want := range []string{"missing.txt", "b.txt", "16/05/2024"} {
		if !strings.Contains(joined, want) {
			t.Errorf("problems %q lack %q", joined, want)
		}
	}
	meta, ok := man.Lookup(filepath.Join(dir, "a.txt"))
	if !ok || meta.Published != "2024-05-16" || meta.Language != "en" {
		t.Fatalf("lookup a.txt: %+v %v", meta, ok)
	}
	if meta, _ := man.Lookup(filepath.Join(dir, "b.txt")); meta.Published != "" {
		t.Fatalf("malformed date kept: %+v", meta)
	}
}

func TestManifestNotYAML(t *testing.T) {
	dir := t.TempDir()
	m := write(t, dir, "manifest.yaml", "articles: [\n  - {file: x")
	_, _, err := LoadManifest(m)
	if err == nil || !strings.Contains(err.Error(), m) {
		t.Fatalf("got %v", err)
	}
}

func TestWalkSkipsMetaFilesAndReportsMissing(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", "x")
	write(t, dir, "sub/a.html", "<p>x</p>")
	write(t, dir, "manifest.yaml", "articles: []")
	write(t, dir, "gold.json", "{}")
	write(t, dir, "image.png", "\x89PNG")
	files, problems := Walk([]string{dir, filepath.Join(dir, "nope.txt")})
	if len(files) != 2 || !strings.HasSuffix(files[0], "b.txt") || !strings.HasSuffix(files[1], "a.html") {
		t.Fatalf("files %v", files)
	}
	if len(problems) != 1 || !strings.Contains(problems[0].Error(), "nope.txt") {
		t.Fatalf("problems %v", problems)
	}
}

func TestWalkUnreadableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		// root reads everything; simulate with a path that is a file in the middle
		dir := t.TempDir()
		write(t, dir, "f", "x")
		_, problems := Walk([]string{filepath.Join(dir, "f", "sub")})
		if len(problems) != 1 || !strings.Contains(problems[0].Error(), "f/sub") {
			t.Fatalf("problems %v", problems)
		}
		return
	}
	dir := t.TempDir()
	write(t, dir, "ok.txt", "x")
	locked := filepath.Join(dir, "locked")
	write(t, locked, "x.txt", "x")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(locked, 0o755)
	files, problems := Walk([]string{dir})
	if len(files) != 1 || len(problems) != 1 || !strings.Contains(problems[0].Error(), "locked") {
		t.Fatalf("files %v problems %v", files, problems)
	}
}

func TestReadLimitsAndEmpty(t *testing.T) {
	dir := t.TempDir()
	big := write(t, dir, "big.txt", strings.Repeat("a", 100))
	empty := write(t, dir, "empty.txt", "  \n")
	if _, err := Read(big, Options{MaxBytes: 10}); !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "big.txt") {
		t.Fatalf("got %v", err)
	}
	if _, err := Read(empty, Options{}); !errors.Is(err, ErrEmpty) || !strings.Contains(err.Error(), "empty.txt") {
		t.Fatalf("got %v", err)
	}
	if _, err := Read(dir, Options{}); err == nil {
		t.Fatal("directory read as a file")
	}
	d, err := Read(big, Options{MaxBytes: 1000})
	if err != nil || len(d.Data) != 100 {
		t.Fatalf("got %v", err)
	}
}

func FuzzLoadManifest(f *testing.F) {
	f.Add("articles:\n  - file: a.txt\n    published: 2024-05-16\n")
	f.Add("articles: [{file: ../../etc/passwd, published: x}]")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, body string) {
		dir := t.TempDir()
		p := filepath.Join(dir, "manifest.yaml")
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, _, _ = LoadManifest(p)
	})
}
