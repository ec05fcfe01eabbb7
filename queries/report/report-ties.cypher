// name: report-ties
// description: Ties between people who shared events in the window, with the dyad metrics of the latest analysis when present.
// param: window string -- date prefix or ''
MATCH (a:Person)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Person)
WHERE a.key < b.key AND ($window = '' OR e.date STARTS WITH $window)
WITH a, b, count(DISTINCT e) AS n, min(e.date) AS first, max(e.date) AS last, collect(DISTINCT e.key) AS events
OPTIONAL MATCH (a)-[m:MET]-(b)
RETURN a.key AS a, b.key AS b, n AS count, first, last, coalesce(m.strength, toFloat(n)) AS strength,
       coalesce(m.mean_gap_days, -1.0) AS mean_gap, coalesce(m.share_bilateral, -1.0) AS bilateral, events
ORDER BY count DESC, strength DESC, a, b
