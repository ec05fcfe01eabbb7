// name: new-since
// description: Articles and events first loaded after a moment (what the last loads and refreshes added).
// param: since datetime -- e.g. 2026-11-23T00:00:00Z
MATCH (n)
WHERE (n:Article OR n:Event) AND n.first_seen > $since
OPTIONAL MATCH (p:Person)-[:PARTICIPATED_IN]->(n)
WITH n, collect(DISTINCT p.name) AS participants
RETURN CASE WHEN n:Article THEN 'article' ELSE 'event' END AS kind, n.key AS key,
       coalesce(n.title, n.path, n.category) AS what, n.date AS date, participants, toString(n.first_seen) AS first_seen
ORDER BY n.first_seen, kind, key
