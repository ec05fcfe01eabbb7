// name: country-dyads
// description: The most frequent country pairs: events in which both countries took part.
// param: limit int = 20 -- at most this many pairs
// param: status string = occurred -- occurred, planned or any
MATCH (a:Country)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Country)
WHERE a.iso3 < b.iso3 AND ($status = 'any' OR e.status = $status)
RETURN a.name AS country_a, b.name AS country_b, count(DISTINCT e) AS events, min(e.date) AS first, max(e.date) AS last
ORDER BY events DESC, last DESC, country_a, country_b
LIMIT $limit
