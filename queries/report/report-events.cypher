// name: report-events
// description: Events of the window with participants and every source sentence.
// param: window string -- date prefix or ''
// param: limit int -- at most this many events (most recent first)
MATCH (e:Event)
WHERE $window = '' OR e.date STARTS WITH $window
WITH e ORDER BY coalesce(e.date, '') DESC, e.key LIMIT $limit
OPTIONAL MATCH (p:Person)-[:PARTICIPATED_IN]->(e)
WITH e, collect(DISTINCT p.name) AS participants
OPTIONAL MATCH (a:Article)-[r:REPORTS]->(e)
WITH e, participants, a, r ORDER BY a.published, a.path, r.start
WITH e, participants, collect(CASE WHEN a IS NULL THEN null ELSE {article: a.key, title: coalesce(a.title, ''), path: a.path,
     url: coalesce(a.url, ''), published: coalesce(a.published, ''), sentence: r.text} END) AS sources
RETURN e.key AS key, coalesce(e.date, '') AS date, coalesce(e.date_end, '') AS date_end, e.category AS category,
       e.status AS status, coalesce(e.place, '') AS place, coalesce(e.country, '') AS country,
       coalesce(e.organization, '') AS organization, participants, sources
ORDER BY date, key
