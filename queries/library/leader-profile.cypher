// name: leader-profile
// description: One person at a glance: offices, events per year, top partners and latest metrics.
// param: person string -- key or name
MATCH (p:Person) WHERE p.key = $person OR toLower(p.name) = toLower($person)
OPTIONAL MATCH (p)-[h:HELD_OFFICE]->(x)
WITH p, collect(DISTINCT h.title + ' of ' + x.name + ' (' + coalesce(h.from, '?') + '–' + coalesce(h.to, '') + ')') AS offices
OPTIONAL MATCH (p)-[:PARTICIPATED_IN]->(e:Event)
WITH p, offices, count(DISTINCT e) AS events, min(e.date) AS first, max(e.date) AS last
OPTIONAL MATCH (p)-[s:SCORED {window: 'all'}]->(:AnalysisRun {current: true})
RETURN p.name AS person, p.key AS key, offices, events, first, last, s.pagerank AS pagerank,
       s.betweenness AS betweenness, s.community AS community
