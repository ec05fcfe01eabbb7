// name: events-overview
// description: Events with their participants and number of reporting articles, most reported first.
// param: limit int = 25 -- at most this many events
MATCH (e:Event)
OPTIONAL MATCH (p:Person)-[:PARTICIPATED_IN]->(e)
WITH e, collect(DISTINCT p.name) AS participants
OPTIONAL MATCH (a:Article)-[:REPORTS]->(e)
WITH e, participants, count(DISTINCT a) AS sources
RETURN e.key AS key, e.date AS date, e.category AS category, e.status AS status, e.place AS place,
       participants, sources
ORDER BY sources DESC, e.date DESC, e.key
LIMIT $limit
