package report

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// chromium finds a headless-capable Chromium: $CHROMIUM, /usr/bin/chromium,
// or chromium / chromium-browser / google-chrome on $PATH.
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("$CHROMIUM=%s: %v", p, err)
		}
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("Chromium not found: apt-get install chromium (or set $CHROMIUM); the report is checked in a real browser")
	return ""
}

// TestChromiumOpensReport opens the rendered fixture in headless Chromium
// with scripts on and reads back the DOM after load: the inline script ran
// to its end without throwing (it sets data-ready="1" on <body>), the
// network has its nodes, the tables their rows, and the filter box, hidden
// without scripts, is shown.
func TestChromiumOpensReport(t *testing.T) {
	bin := chromium(t)
	d := loadFixture(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, renderHTML(t, d), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--disable-dev-shm-usage", "--enable-logging=stderr", "--v=0",
		"--user-data-dir="+filepath.Join(dir, "profile"),
		"--dump-dom", "file://"+page)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium: %v\n%s", err, tail(stderr.String(), 3000))
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if strings.Contains(line, "CONSOLE") && (strings.Contains(line, "Uncaught") || strings.Contains(line, "Error")) {
			t.Errorf("JavaScript error: %s", line)
		}
	}
	doc, err := html.Parse(&stdout)
	if err != nil {
		t.Fatalf("dumped DOM does not parse: %v", err)
	}
	bodies := find(doc, byTag("body"))
	if len(bodies) != 1 {
		t.Fatalf("%d bodies in the dumped DOM (%d bytes)", len(bodies), stdout.Len())
	}
	if v, _ := attrOf(bodies[0], "data-ready"); v != "1" {
		t.Errorf(`<body data-ready=%q>, want "1": the inline script did not run to its end (a JavaScript error?)`+"\n%s", v, tail(stderr.String(), 2000))
	}
	svg := find(doc, byID("network-svg"))
	if len(svg) != 1 {
		t.Fatal("no network SVG in the rendered DOM")
	}
	if n := len(find(svg[0], byTag("circle"))); n != len(d.Nodes) {
		t.Errorf("rendered network has %d nodes, want %d", n, len(d.Nodes))
	}
	ev := find(doc, byID("events-table"))
	if len(ev) != 1 {
		t.Fatal("no events table in the rendered DOM")
	}
	if n := len(find(ev[0], byTag("tr"))) - 1; n != len(d.Events) {
		t.Errorf("rendered events table has %d rows, want %d", n, len(d.Events))
	}
	for _, tb := range find(doc, byTag("table")) {
		if len(find(tb, byTag("tr"))) < 2 {
			t.Error("a rendered table without rows")
		}
	}
	box := find(doc, byID("event-filter"))
	if len(box) != 1 {
		t.Fatal("no filter box")
	}
	if _, hidden := attrOf(box[0], "hidden"); hidden {
		t.Error("the filter box is still hidden: the script did not show it")
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
