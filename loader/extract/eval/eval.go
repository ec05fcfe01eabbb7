// Package eval scores an extraction against a hand-annotated gold file
// with the rules of shared/tools/score_extraction.py (entity precision and
// recall per article, event matching over the corpus with duplicates
// counted against precision), and reads corpus manifests.
package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"gopkg.in/yaml.v3"

	"github.com/eventgraph/eventgraph/graph"
)

// Gold is an annotated corpus (the format of shared/corpus/*/gold.json).
type Gold struct {
	About          string                 `json:"about"`
	Articles       map[string]GoldArticle `json:"articles"`
	Events         []GoldEvent            `json:"events"`
	EventsOptional []GoldEvent            `json:"events_optional"`
}

// GoldArticle lists the actors one article mentions.
type GoldArticle struct {
	Persons               []string `json:"persons"`
	PersonsOptional       []string `json:"persons_optional"`
	Countries             []string `json:"countries"`
	CountriesOptional     []string `json:"countries_optional"`
	Organizations         []string `json:"organizations"`
	OrganizationsOptional []string `json:"organizations_optional"`
}

// GoldEvent is one annotated event.
type GoldEvent struct {
	ID                   string   `json:"id"`
	Category             string   `json:"category"`
	Date                 string   `json:"date"`
	Place                string   `json:"place"`
	Country              string   `json:"country"`
	Participants         []string `json:"participants"`
	RequiredParticipants []string `json:"required_participants"`
	Status               string   `json:"status"`
	Sources              []string `json:"sources"`
	Note                 string   `json:"note"`
}

// LoadGold reads a gold file.
func LoadGold(path string) (*Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var g Gold
	if err := json.Unmarshal(b, &g); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &g, nil
}

// Manifest is the feed metadata of a corpus folder.
type Manifest struct {
	Articles []ManifestEntry `yaml:"articles"`
}

// ManifestEntry describes one article file, relative to the manifest.
type ManifestEntry struct {
	File      string `yaml:"file"`
	Published string `yaml:"published"`
	Outlet    string `yaml:"outlet"`
	URL       string `yaml:"url"`
	Language  string `yaml:"language"`
	Title     string `yaml:"title"`
}

// LoadManifest reads a manifest.yaml.
func LoadManifest(path string) (*Manifest, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m Manifest
	if err := yaml.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &m, nil
}

// Pred is an extraction to score.
type Pred struct {
	Articles map[string]string // article id -> file base name
	Entities []graph.Entity
	Events   []graph.Event
}

// ReadPred reads JSON Lines records.
func ReadPred(r io.Reader) (*Pred, error) {
	p := &Pred{Articles: map[string]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var head struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal([]byte(line), &head); err != nil {
			return nil, fmt.Errorf("line %d: not JSON: %w", n, err)
		}
		switch head.Type {
		case graph.TypeArticle:
			var a graph.Article
			if err := json.Unmarshal([]byte(line), &a); err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			name := a.ID
			if a.Path != "" {
				name = filepath.Base(a.Path)
			}
			p.Articles[a.ID] = name
		case graph.TypeEntity:
			var e graph.Entity
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			p.Entities = append(p.Entities, e)
		case graph.TypeEvent:
			var e graph.Event
			if err := json.Unmarshal([]byte(line), &e); err != nil {
				return nil, fmt.Errorf("line %d: %w", n, err)
			}
			p.Events = append(p.Events, e)
		}
	}
	return p, sc.Err()
}

// Norm is the scorer's name key: accents and case dropped, - _ . , ' ’ "
// ( ) as spaces, white space collapsed.
func Norm(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		switch r {
		case '-', '_', '.', ',', '\'', '’', '"', '(', ')':
			r = ' '
		}
		b.WriteString(strings.ToLower(string(r)))
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var orgAliases = map[string][]string{
	"un":                         {"united nations", "onu", "nations unies"},
	"un security council":        {"united nations security council", "unsc", "security council", "conseil de securite"},
	"eu":                         {"european union", "union europeenne", "ue"},
	"nato":                       {"north atlantic treaty organization", "north atlantic treaty organisation", "otan"},
	"sco":                        {"shanghai cooperation organisation", "shanghai cooperation organization", "ocs", "organisation de cooperation de shanghai"},
	"brics":                      {"brics+", "brics plus"},
	"icc":                        {"international criminal court", "cpi", "cour penale internationale"},
	"aukus":                      {},
	"un general assembly":        {"united nations general assembly", "unga", "assemblee generale des nations unies", "assemblee generale de l onu"},
	"un human rights council":    {"united nations human rights council", "unhrc", "conseil des droits de l homme"},
	"au":                         {"african union", "union africaine", "ua"},
	"ecowas":                     {"economic community of west african states", "cedeao"},
	"waemu":                      {"west african economic and monetary union", "uemoa"},
	"g20":                        {"group of twenty", "group of 20", "g 20"},
	"g7":                         {"group of seven", "g 7"},
	"asean":                      {"association of southeast asian nations"},
	"mercosur":                   {"mercosul", "southern common market"},
	"wto":                        {"world trade organization", "omc", "organisation mondiale du commerce"},
	"who":                        {"world health organization", "oms", "organisation mondiale de la sante"},
	"pacific islands forum":      {"pif"},
	"melanesian spearhead group": {"msg"},
	"commonwealth":               {"commonwealth of nations"},
	"opec":                       {"organization of the petroleum exporting countries"},
}

type keyset map[string]bool

func (a keyset) meets(b keyset) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

func (a keyset) sig() string {
	l := make([]string, 0, len(a))
	for k := range a {
		l = append(l, k)
	}
	sort.Strings(l)
	return strings.Join(l, "\x00")
}

func orgKeys(name, acronym string) keyset {
	ks := keyset{Norm(name): true}
	if acronym != "" {
		ks[Norm(acronym)] = true
	}
	canons := make([]string, 0, len(orgAliases))
	for c := range orgAliases {
		canons = append(canons, c)
	}
	sort.Strings(canons)
	for _, c := range canons {
		group := keyset{c: true}
		for _, a := range orgAliases[c] {
			group[Norm(a)] = true
		}
		if ks.meets(group) {
			for k := range group {
				ks[k] = true
			}
		}
	}
	return ks
}

// PRF is precision, recall and F1 with their counts.
type PRF struct {
	Precision, Recall, F1 float64
	TP, Predicted, Gold   int
	Missed, Spurious      []string
}

func prf(tp, npred, ngold int) (float64, float64, float64) {
	p := 0.0
	if npred > 0 {
		p = float64(tp) / float64(npred)
	} else if ngold == 0 {
		p = 1
	}
	r := 1.0
	if ngold > 0 {
		r = float64(tp) / float64(ngold)
	}
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// EventScore is the event part of a report.
type EventScore struct {
	PRF
	Duplicates, Undated                                                       int
	DateExact, PlaceAccuracy, ParticipantRecall, SourceRecall, StatusAccuracy float64
}

// Report is a full score.
type Report struct {
	Entities        map[string]PRF // person, country, organization
	Events          EventScore
	EntityF1Mean    float64
	ArticlesMissing []string
}

// Score scores p against g.
func Score(g *Gold, p *Pred) Report {
	r := Report{Entities: map[string]PRF{}}
	r.Entities["person"] = scoreKind(g, p, "person")
	r.Entities["country"] = scoreKind(g, p, "country")
	r.Entities["organization"] = scoreKind(g, p, "organization")
	r.EntityF1Mean = (r.Entities["person"].F1 + r.Entities["country"].F1 + r.Entities["organization"].F1) / 3
	r.Events = scoreEvents(g, p)
	have := map[string]bool{}
	for _, n := range p.Articles {
		have[n] = true
	}
	for f := range g.Articles {
		if !have[f] {
			r.ArticlesMissing = append(r.ArticlesMissing, f)
		}
	}
	sort.Strings(r.ArticlesMissing)
	return r
}

func scoreKind(g *Gold, p *Pred, kind string) PRF {
	var out PRF
	tp, npred, ngold := 0, 0, 0
	files := make([]string, 0, len(g.Articles))
	for f := range g.Articles {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, fname := range files {
		ga := g.Articles[fname]
		var req, opt []string
		switch kind {
		case "person":
			req, opt = ga.Persons, ga.PersonsOptional
		case "country":
			req, opt = ga.Countries, ga.CountriesOptional
		default:
			req, opt = ga.Organizations, ga.OrganizationsOptional
		}
		var preds []graph.Entity
		for _, e := range p.Entities {
			if e.Kind == kind && p.Articles[e.Article] == fname {
				preds = append(preds, e)
			}
		}
		key := func(name, acr string) keyset {
			switch kind {
			case "country":
				return keyset{Norm(name): true}
			case "organization":
				return orgKeys(name, acr)
			}
			return keyset{Norm(name): true}
		}
		var pkeys []keyset
		for _, e := range preds {
			switch kind {
			case "country":
				v := e.ISO3
				if v == "" {
					v = e.Name
				}
				pkeys = append(pkeys, key(v, ""))
			case "organization":
				pkeys = append(pkeys, key(e.Name, e.Acronym))
			default:
				pkeys = append(pkeys, key(e.Name, ""))
			}
		}
		var reqK, optK []keyset
		for _, x := range req {
			reqK = append(reqK, key(x, ""))
		}
		for _, x := range opt {
			optK = append(optK, key(x, ""))
		}
		seen := map[string]bool{}
		type ue struct {
			k keyset
			e graph.Entity
		}
		var uniq []ue
		for i, k := range pkeys {
			if seen[k.sig()] {
				continue
			}
			seen[k.sig()] = true
			uniq = append(uniq, ue{k, preds[i]})
		}
		npred += len(uniq)
		ngold += len(reqK)
		for _, u := range uniq {
			hitReq, hitOpt := false, false
			for _, rk := range reqK {
				if u.k.meets(rk) {
					hitReq = true
				}
			}
			for _, ok := range optK {
				if u.k.meets(ok) {
					hitOpt = true
				}
			}
			switch {
			case hitReq:
				tp++
			case hitOpt:
				npred--
			default:
				out.Spurious = append(out.Spurious, fname+": "+u.e.Name)
			}
		}
		for i, name := range req {
			found := false
			for _, u := range uniq {
				if u.k.meets(reqK[i]) {
					found = true
				}
			}
			if !found {
				out.Missed = append(out.Missed, fname+": "+name)
			}
		}
	}
	out.TP, out.Predicted, out.Gold = tp, npred, ngold
	out.Precision, out.Recall, out.F1 = prf(tp, npred, ngold)
	return out
}

func dateCompatible(gold, pred string) bool {
	if pred == "" || gold == "" {
		return false
	}
	return strings.HasPrefix(pred, gold) || strings.HasPrefix(gold, pred)
}

func dateExact(gold, pred string) bool {
	return pred != "" && len(pred) >= len(gold) && strings.HasPrefix(pred, gold)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func scoreEvents(g *Gold, p *Pred) EventScore {
	var out EventScore
	events := p.Events
	for _, e := range events {
		if deref(e.Date) == "" {
			out.Undated++
		}
	}
	srcFiles := func(e *graph.Event) map[string]bool {
		s := map[string]bool{}
		for _, src := range e.Sources {
			s[p.Articles[src.Article]] = true
		}
		return s
	}
	parts := func(e *graph.Event) map[string]bool {
		s := map[string]bool{}
		for _, x := range e.Participants {
			s[Norm(x)] = true
		}
		return s
	}
	matches := func(ge *GoldEvent, e *graph.Event) bool {
		if ge.Date != "" && !dateCompatible(ge.Date, deref(e.Date)) {
			return false
		}
		if ge.Date == "" {
			sf := srcFiles(e)
			any := false
			for _, s := range ge.Sources {
				if sf[s] {
					any = true
				}
			}
			if !any {
				return false
			}
		}
		P := parts(e)
		need := ge.RequiredParticipants
		if len(need) == 0 {
			need = ge.Participants
		}
		if len(need) <= 2 {
			for _, x := range need {
				if !P[Norm(x)] {
					return false
				}
			}
			return true
		}
		n := 0
		for _, x := range need {
			if P[Norm(x)] {
				n++
			}
		}
		return n >= 2
	}
	affinity := func(ge *GoldEvent, e *graph.Event) float64 {
		pd, gd := deref(e.Date), ge.Date
		score := 1.0
		if pd == gd {
			score = 3
		} else if strings.HasPrefix(pd, gd) {
			score = 2
		}
		if ge.Place != "" && Norm(deref(e.Place)) == Norm(ge.Place) {
			score += 2
		}
		G := map[string]bool{}
		for _, x := range ge.Participants {
			G[Norm(x)] = true
		}
		P := parts(e)
		union, inter := map[string]bool{}, 0
		for k := range G {
			union[k] = true
			if P[k] {
				inter++
			}
		}
		for k := range P {
			union[k] = true
		}
		if len(union) > 0 {
			score += float64(inter) / float64(len(union))
		}
		sf := srcFiles(e)
		for _, s := range ge.Sources {
			if sf[s] {
				score += 3
				break
			}
		}
		return score
	}
	type pair struct {
		aff    float64
		gi, ei int
	}
	var pairs []pair
	for gi := range g.Events {
		for ei := range events {
			if matches(&g.Events[gi], &events[ei]) {
				pairs = append(pairs, pair{affinity(&g.Events[gi], &events[ei]), gi, ei})
			}
		}
	}
	// Python sorts the tuples in reverse: affinity, then gold index, then
	// event index, all descending.
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].aff != pairs[j].aff {
			return pairs[i].aff > pairs[j].aff
		}
		if pairs[i].gi != pairs[j].gi {
			return pairs[i].gi > pairs[j].gi
		}
		return pairs[i].ei > pairs[j].ei
	})
	matched := map[string]int{}
	used := map[int]bool{}
	for _, pr := range pairs {
		id := g.Events[pr.gi].ID
		if _, ok := matched[id]; ok || used[pr.ei] {
			continue
		}
		matched[id] = pr.ei
		used[pr.ei] = true
	}
	optHits := 0
	for ei := range events {
		if used[ei] {
			continue
		}
		e := &events[ei]
		isReq := false
		for gi := range g.Events {
			if matches(&g.Events[gi], e) {
				isReq = true
				break
			}
		}
		if isReq {
			out.Duplicates++
			out.Spurious = append(out.Spurious, describe(e))
			continue
		}
		isOpt := false
		for gi := range g.EventsOptional {
			if matches(&g.EventsOptional[gi], e) {
				isOpt = true
				break
			}
		}
		if isOpt {
			optHits++
		} else {
			out.Spurious = append(out.Spurious, describe(e))
		}
	}
	tp := len(matched)
	npred := len(events) - optHits
	out.TP, out.Predicted, out.Gold = tp, npred, len(g.Events)
	out.Precision, out.Recall, out.F1 = prf(tp, npred, len(g.Events))
	exact, placeOK, placeN, partTP, partN, srcTP, srcN, statusOK := 0, 0, 0, 0, 0, 0, 0, 0
	for gi := range g.Events {
		ge := &g.Events[gi]
		ei, ok := matched[ge.ID]
		if !ok {
			out.Missed = append(out.Missed, ge.ID)
			continue
		}
		e := &events[ei]
		if ge.Date != "" {
			if dateExact(ge.Date, deref(e.Date)) {
				exact++
			}
		} else if deref(e.Date) == "" {
			exact++
		}
		if ge.Place != "" {
			placeN++
			if Norm(deref(e.Place)) == Norm(ge.Place) {
				placeOK++
			}
		}
		P := parts(e)
		for _, x := range ge.Participants {
			partN++
			if P[Norm(x)] {
				partTP++
			}
		}
		sf := srcFiles(e)
		for _, s := range ge.Sources {
			srcN++
			if sf[s] {
				srcTP++
			}
		}
		if ge.Status == "any" || ge.Status == e.Status {
			statusOK++
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	}
	out.DateExact = ratio(exact, tp)
	out.PlaceAccuracy = ratio(placeOK, placeN)
	out.ParticipantRecall = ratio(partTP, partN)
	out.SourceRecall = ratio(srcTP, srcN)
	out.StatusAccuracy = ratio(statusOK, tp)
	return out
}

func describe(e *graph.Event) string {
	d, pl := deref(e.Date), deref(e.Place)
	if d == "" {
		d = "None"
	}
	if pl == "" {
		pl = "None"
	}
	return fmt.Sprintf("%s %s %v", d, pl, e.Participants)
}

// String renders the report like score_extraction.py does.
func (r Report) String() string {
	var b strings.Builder
	for _, k := range []string{"person", "country", "organization"} {
		v := r.Entities[k]
		fmt.Fprintf(&b, "%-13s P=%.3f R=%.3f F1=%.3f (%d/%d pred, %d gold)\n", k, v.Precision, v.Recall, v.F1, v.TP, v.Predicted, v.Gold)
		for _, m := range v.Missed {
			fmt.Fprintf(&b, "   missed   %s\n", m)
		}
		for _, m := range v.Spurious {
			fmt.Fprintf(&b, "   spurious %s\n", m)
		}
	}
	ev := r.Events
	fmt.Fprintf(&b, "events        P=%.3f R=%.3f F1=%.3f (%d matched, %d predicted, %d gold, %d duplicates, %d undated)\n",
		ev.Precision, ev.Recall, ev.F1, ev.TP, ev.Predicted, ev.Gold, ev.Duplicates, ev.Undated)
	fmt.Fprintf(&b, "  among matched: date exact %.3f, place %.3f, participants %.3f, sources %.3f, status %.3f\n",
		ev.DateExact, ev.PlaceAccuracy, ev.ParticipantRecall, ev.SourceRecall, ev.StatusAccuracy)
	for _, m := range ev.Missed {
		fmt.Fprintf(&b, "   missed   %s\n", m)
	}
	for _, m := range ev.Spurious {
		fmt.Fprintf(&b, "   spurious %s\n", m)
	}
	if len(r.ArticlesMissing) > 0 {
		fmt.Fprintf(&b, "articles with no article record: %s\n", strings.Join(r.ArticlesMissing, ", "))
	}
	fmt.Fprintf(&b, "summary entity_f1=%.3f event_f1=%.3f event_p=%.3f event_r=%.3f duplicates=%d\n",
		r.EntityF1Mean, ev.F1, ev.Precision, ev.Recall, ev.Duplicates)
	return b.String()
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
