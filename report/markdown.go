package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// RenderMarkdown writes report.md into dir (created when missing) with its
// pictures beside it as SVG files (network.svg, timeline.svg, dyad-1.svg, …):
// the same sections as the HTML page, tables in GitHub-flavoured Markdown,
// text from d escaped. It returns the path of report.md.
func RenderMarkdown(dir string, d *Data) (string, error) {
	files, err := markdownFiles(d)
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
			return "", fmt.Errorf("report: %w", err)
		}
	}
	return filepath.Join(dir, "report.md"), nil
}

type outFile struct {
	name string
	data []byte
}

// markdownFiles renders report.md (last) and its SVG pictures.
func markdownFiles(d *Data) ([]outFile, error) {
	v := buildPage(clean(d), false)
	var files []outFile
	svg := func(name, tmpl string, data any) error {
		var buf bytes.Buffer
		buf.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
		if err := templates.ExecuteTemplate(&buf, tmpl, data); err != nil {
			return fmt.Errorf("report: render %s: %w", name, err)
		}
		buf.WriteByte('\n')
		files = append(files, outFile{name, buf.Bytes()})
		return nil
	}

	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format, a...) }
	p("# %s\n\n", mdText(v.Title))
	meta := []string{"Window **" + mdText(v.Window) + "**"}
	if v.Period != "" {
		meta = append(meta, "Events "+mdText(v.Period))
	}
	if v.Generated != "" {
		meta = append(meta, "Generated "+mdText(v.Generated))
	}
	if v.Focus != "" {
		meta = append(meta, "Focus "+mdText(v.Focus))
	}
	p("%s\n\n", strings.Join(meta, " · "))
	if v.Empty {
		p("> **%s**\n", mdText(v.EmptyMessage))
		return append(files, outFile{"report.md", []byte(b.String())}), nil
	}
	var lede []string
	for _, l := range v.Lede {
		lede = append(lede, mdText(l))
	}
	p("%s\n", strings.Join(lede, " "))
	p("\n| Figure | Value | Detail |\n| --- | ---: | --- |\n")
	for _, c := range v.Cards {
		p("| %s | %s | %s |\n", mdText(c.Label), mdText(c.Value), mdText(c.Note))
	}

	if v.Network != nil {
		p("\n## The leader network\n\n%s\n\n", mdText(v.NetworkNote))
		if err := svg("network.svg", "network", v.Network); err != nil {
			return nil, err
		}
		p("![%s](network.svg)\n", mdAlt(v.Network.Label))
	}
	if v.Timeline != nil {
		p("\n## Events per year\n\n")
		if err := svg("timeline.svg", "timeline", v.Timeline); err != nil {
			return nil, err
		}
		p("![%s](timeline.svg)\n", mdAlt(v.Timeline.Label))
	}
	if len(v.Dyads) > 0 {
		p("\n## Strongest relationships\n\nMeetings per year, and the running total the graph holds against the totals articles claim (diamonds; the dashed line is the gap at that date).\n")
		for _, dy := range v.Dyads {
			p("\n<a id=\"%s\"></a>\n\n### %s\n\n", dy.ID, mdText(dy.Title))
			var stats []string
			for _, s := range dy.Stats {
				stats = append(stats, mdText(s.Label)+" **"+mdText(s.Value)+"**")
			}
			p("%s\n\n", strings.Join(stats, " · "))
			if dy.SVG != nil {
				if err := svg(dy.File, "dyad", dy.SVG); err != nil {
					return nil, err
				}
				p("![%s](%s)\n\n", mdAlt(dy.SVG.Label), dy.File)
			}
			if dy.Headline != "" {
				p("**%s** ", mdText(dy.Headline))
			}
			p("%s", mdText(dy.Summary))
			if len(dy.Earlier) > 0 {
				p(" Earlier claims: %s.", mdText(strings.Join(dy.Earlier, "; ")))
			}
			p("\n")
			if len(dy.Events) > 0 {
				var links []string
				for _, e := range dy.Events {
					links = append(links, mdLink(e))
				}
				p("\nEvents in the graph: %s\n", strings.Join(links, " · "))
			}
		}
	}
	if len(v.Actors) > 0 {
		p("\n## Most central leaders\n\nRanked by PageRank on the co-participation network.")
		if v.ActorsNote != "" {
			p(" %s", mdText(v.ActorsNote))
		}
		p("\n\n| # | Leader | Office | Country | Events | Degree | PageRank | Betweenness | Community | Latest event |\n")
		p("| ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n")
		for _, a := range v.Actors {
			p("| %d | <a id=\"%s\"></a>**%s** | %s | %s | %s | %s | %s | %s | %s | %s |\n",
				a.Rank, a.ID, mdText(a.Name), mdText(a.Office), mdText(a.Country), a.Events, a.Degree, a.PageRank,
				a.Betweenness, orDefault(a.Community, "–"), mdLink(a.Latest))
		}
	}
	if len(v.Communities) > 0 {
		p("\n## Communities\n\nGroups of leaders who meet each other more than they meet the rest (Louvain); members most central first.\n\n")
		p("| Community | Size | Members |\n| --- | ---: | --- |\n")
		for _, c := range v.Communities {
			var names []string
			for _, m := range c.Members {
				names = append(names, mdLink(m))
			}
			p("| <a id=\"%s\"></a>%s | %d | %s |\n", c.ID, mdText(c.Label), c.Size, strings.Join(names, ", "))
		}
	}
	if len(v.Memberships) > 0 {
		p("\n## Organization membership\n\nCountries that appear in the graph are in bold.\n\n")
		p("| Organization | Members | In graph | Member countries |\n| --- | ---: | ---: | --- |\n")
		for _, m := range v.Memberships {
			var names []string
			for _, c := range m.Members {
				if c.InGraph {
					names = append(names, "**"+mdText(c.Name)+"**")
				} else {
					names = append(names, mdText(c.Name))
				}
			}
			p("| %s | %d | %d | %s |\n", mdText(m.Org), m.Count, m.InGraph, strings.Join(names, ", "))
		}
	}
	p("\n## Events (%d)\n\nEvery event with the sentences that report it.\n\n", len(v.Events))
	p("| Date | Event | Place | Participants | Sources |\n| --- | --- | --- | --- | --- |\n")
	for _, e := range v.Events {
		kind := mdText(e.Category)
		if e.Planned {
			kind += " (planned)"
		} else if e.Status != "" && e.Status != "occurred" {
			kind += " (" + mdText(e.Status) + ")"
		}
		if e.Org != "" {
			kind += ", " + mdText(e.Org)
		}
		var people []string
		for _, x := range e.Participants {
			people = append(people, mdLink(x))
		}
		var srcs []string
		if e.First != nil {
			srcs = append(srcs, mdSource(*e.First))
		}
		for _, s := range e.More {
			srcs = append(srcs, mdSource(s))
		}
		date := e.Date
		if e.DateEnd != "" {
			date += " – " + e.DateEnd
		}
		p("| <a id=\"%s\"></a>%s | %s | %s | %s | %s |\n", e.ID, mdText(date), kind, mdText(e.Place), strings.Join(people, ", "), strings.Join(srcs, "<br>"))
	}
	if len(v.Claims) > 0 {
		p("\n## Claims against the graph\n\nFigures that articles assert next to what the graph holds up to the same date.\n\n")
		p("| Subject | Kind | Claimed | As of | In graph | Coverage | Source |\n| --- | --- | ---: | --- | ---: | ---: | --- |\n")
		for _, c := range v.Claims {
			subj := mdText(c.Subject)
			if c.SubjHref != "" {
				subj = "[" + subj + "](" + c.SubjHref + ")"
			}
			p("| %s | %s | %s | %s | %s | %s | %s |\n", subj, mdText(c.Kind), mdText(c.Claim), mdText(c.AsOf), mdText(c.Observed), orDefault(mdText(c.Coverage), "–"), mdSource(c.Source))
		}
	}
	p("\n---\n\nGenerated by eventgraph")
	if v.Analysis != "" {
		p(" · %s", mdText(v.Analysis))
	}
	p(".\n")
	return append(files, outFile{"report.md", []byte(b.String())}), nil
}

// mdText escapes text for Markdown (inline, in paragraphs and table cells):
// Markdown punctuation gets a backslash, HTML's specials become entities,
// line breaks become spaces.
func mdText(s string) string {
	s = oneLine(s)
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '|', '~', '{', '}', '$':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '#', '+', '-', '=', '!':
			if i == 0 {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	// "1. " at the start would begin an ordered list.
	if n := strings.IndexFunc(out, func(r rune) bool { return r < '0' || r > '9' }); n > 0 && (out[n] == '.' || out[n] == ')') && (n+1 == len(out) || out[n+1] == ' ') {
		out = out[:n] + "\\" + out[n:]
	}
	return out
}

// mdAlt escapes image alt text.
func mdAlt(s string) string { return mdText(s) }

// mdURL makes a URL safe inside (…) of a Markdown link.
func mdURL(u string) string {
	r := strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "|", "%7C", "\\", "%5C", "`", "%60", "\"", "%22")
	return r.Replace(u)
}

func mdLink(l linkView) string {
	if l.Href == "" {
		return mdText(l.Text)
	}
	return "[" + mdText(l.Text) + "](" + mdURL(l.Href) + ")"
}

func mdSource(s sourceView) string {
	out := "“" + mdText(s.Sentence) + "” — "
	if s.Href != "" {
		out += "[" + mdText(s.Title) + "](" + mdURL(s.Href) + ")"
	} else {
		out += mdText(s.Title)
	}
	if s.Published != "" {
		out += ", " + mdText(s.Published)
	}
	if s.Path != "" && s.Href == "" {
		out += " (" + mdText(s.Path) + ")"
	}
	return out
}
