// name: report-people
// description: People who took part in events of the window, with their current metrics and latest office.
// param: window string -- date prefix or ''
MATCH (p:Person)-[:PARTICIPATED_IN]->(e:Event)
WHERE $window = '' OR e.date STARTS WITH $window
WITH p, count(DISTINCT e) AS events
OPTIONAL MATCH (p)-[h:HELD_OFFICE]->(x)
WITH p, events, h, x ORDER BY h.from DESC
WITH p, events, head(collect(CASE WHEN h IS NULL THEN null ELSE h.title + ' of ' + x.name END)) AS office
RETURN p.key AS key, p.name AS name, coalesce(p.country, '') AS country, coalesce(office, '') AS office, events,
       coalesce(p.degree, 0) AS degree, coalesce(p.strength, 0.0) AS strength, coalesce(p.pagerank, 0.0) AS pagerank,
       coalesce(p.betweenness, 0.0) AS betweenness, coalesce(p.eigenvector, 0.0) AS eigenvector,
       coalesce(p.closeness, 0.0) AS closeness, coalesce(p.community, -1) AS community
ORDER BY pagerank DESC, events DESC, name
