// name: top-central
// description: The most central people by a metric written by 'eventgraph analyze --write' (pagerank, betweenness, degree, strength, eigenvector, closeness, harmonic, katz, hub, authority, clustering, core).
// param: metric string = pagerank -- the metric to rank by
// param: limit int = 10 -- at most this many rows
// param: window string = all -- the analysis window: all, a year (2024) or a rolling window label
MATCH (r:AnalysisRun {current: true})
MATCH (p:Person)-[s:SCORED]->(r)
WHERE s.window = $window AND s[$metric] IS NOT NULL
RETURN p.name AS person, p.key AS key, s[$metric] AS value, s.community AS community, s.degree AS degree, s.window AS window
ORDER BY value DESC, person
LIMIT $limit
