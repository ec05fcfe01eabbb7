package extract

import (
	"sort"

	"github.com/eventgraph/eventgraph/graph"
	"github.com/eventgraph/eventgraph/loader/extract/dates"
	"github.com/eventgraph/eventgraph/loader/kb"
)

// cameo returns the CAMEO code of an event.
func (e *localEvent) cameo() string {
	if e.status == graph.StatusPlanned {
		return "036" // express intent to meet or negotiate
	}
	switch e.typ {
	case tPhone:
		return "041"
	case tVisit:
		return "042"
	case tHost:
		return "043"
	case tNegotiate:
		return "046"
	case tMediate:
		return "045"
	case tSign:
		return "057"
	case tSummit, tMeet, tTalks, tMeal, tPress, tCeremony, tAttend:
		// a meeting in a country none of the participants is from: a
		// "third location" (044)
		if e.country != "" && len(e.pcountries) >= 2 {
			third := true
			for _, c := range e.pcountries {
				if c == e.country {
					third = false
				}
			}
			if third {
				return "044"
			}
		}
		if e.guest != "" && e.typ != tSummit {
			return "042"
		}
	}
	return "040"
}

// fill resolves the display names of an event of this article.
func (a *article) fill(e *localEvent) {
	e.names = map[string]string{}
	cs := map[string]bool{}
	for _, p := range e.parts {
		if ke := a.x.kb.Get(p); ke != nil {
			e.names[p] = ke.Name
			if ke.Country != "" {
				cs[ke.Country] = true
			}
		} else if pi := a.persons[p]; pi != nil {
			e.names[p] = pi.name
			if pi.country != "" {
				cs[pi.country] = true
			}
		} else {
			e.names[p] = p
		}
	}
	e.pcountries = e.pcountries[:0]
	for c := range cs {
		e.pcountries = append(e.pcountries, c)
	}
	sort.Strings(e.pcountries)
	if p := a.x.kb.Get(e.place); p == nil && e.placeName == "" && e.place != "" {
		e.placeName = e.place
	} else if p != nil {
		e.placeName = p.Name
		if e.country == "" {
			e.country = p.Country
		}
	}
	if o := a.x.kb.Get(e.org); o != nil {
		e.orgName = o.Acronym
		if e.orgName == "" {
			e.orgName = o.Name
		}
	}
	// a visit of known length: its last day
	if e.duration > 1 && e.dateEnd == "" && dates.PrecisionOf(e.date) == dates.Day && (e.has(tVisit) || e.has(tHost)) {
		e.dateEnd = dates.Shift(e.date, e.duration-1)
	}
}

// toGraph renders an event as a contract record (key set by the caller).
func (e *localEvent) toGraph() graph.Event {
	g := graph.Event{Type: graph.TypeEvent, Category: e.typ.category(), Cameo: e.cameo(), Status: e.status,
		Confidence: round2(e.conf), Host: e.host, Guest: e.guest}
	if e.status == "" {
		g.Status = graph.StatusOccurred
	}
	if e.date != "" {
		d := e.date
		g.Date = &d
	}
	if e.dateEnd != "" && e.dateEnd > e.date {
		d := e.dateEnd
		g.DateEnd = &d
	}
	if e.place != "" {
		p := e.placeName
		if p == "" {
			p = e.place
		}
		g.Place = &p
		g.PlaceKey = e.place
	}
	if e.country != "" {
		c := e.country
		g.Country = &c
	}
	if e.org != "" {
		o := e.orgName
		if o == "" {
			o = e.org
		}
		g.Organization = &o
		g.OrganizationKey = e.org
	}
	keys := sortedCopy(e.parts)
	g.ParticipantKeys = keys
	g.Participants = make([]string, 0, len(keys))
	for _, k := range keys {
		n := e.names[k]
		if n == "" {
			n = k
		}
		g.Participants = append(g.Participants, n)
	}
	g.ParticipantCountries = append([]string{}, e.pcountries...)
	sort.Strings(g.ParticipantCountries)
	srcs := append([]srcRef(nil), e.srcs...)
	sort.SliceStable(srcs, func(i, j int) bool {
		if srcs[i].article != srcs[j].article {
			return srcs[i].article < srcs[j].article
		}
		return srcs[i].s < srcs[j].s
	})
	g.Sources = make([]graph.Source, 0, len(srcs))
	for i, s := range srcs {
		if i > 0 && s.article == srcs[i-1].article && s.s == srcs[i-1].s {
			continue
		}
		g.Sources = append(g.Sources, graph.Source{Article: s.article, Start: s.s, End: s.e, Text: s.text})
	}
	return g
}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// fromGraph rebuilds the working form of an article-local event.
func fromGraph(g *graph.Event, article, pub string) *localEvent {
	e := &localEvent{article: article, pub: pub, status: g.Status, conf: g.Confidence, host: g.Host, guest: g.Guest,
		place: g.PlaceKey, org: g.OrganizationKey, strong: true}
	e.date = deref(g.Date)
	e.dateEnd = deref(g.DateEnd)
	e.country = deref(g.Country)
	e.placeName = deref(g.Place)
	e.orgName = deref(g.Organization)
	e.parts = append([]string(nil), g.ParticipantKeys...)
	e.names = map[string]string{}
	for i, k := range g.ParticipantKeys {
		if i < len(g.Participants) {
			e.names[k] = g.Participants[i]
		}
	}
	e.pcountries = append([]string(nil), g.ParticipantCountries...)
	switch {
	case g.Category == graph.CategoryPhoneCall:
		e.typ = tPhone
	case g.Category == graph.CategorySummit:
		e.typ = tSummit
	case g.Category == graph.CategoryCeremony:
		e.typ = tCeremony
	case g.Category == graph.CategoryOther:
		e.typ = tMediate
	case g.Cameo == "042":
		e.typ = tVisit
	case g.Cameo == "043":
		e.typ = tHost
	default:
		e.typ = tMeet
	}
	e.types = 1 << uint(e.typ)
	for _, s := range g.Sources {
		e.srcs = append(e.srcs, srcRef{article: s.Article, s: s.Start, e: s.End, text: s.Text, ts: s.Start})
	}
	return e
}

// events renders the article's merged local events.
func (a *article) events(minConf float64) []graph.Event {
	var out []graph.Event
	for _, e := range a.evs {
		if e.conf < minConf {
			continue
		}
		a.fill(e)
		out = append(out, e.toGraph())
	}
	assignKeys(out)
	return out
}

var _ = kb.KindPerson
