// name: timeline
// description: Events between two dates, optionally of one country or one person, in date order.
// param: from date = 1900 -- first date (YYYY, YYYY-MM or YYYY-MM-DD)
// param: to date = 9999 -- last date, inclusive at its precision
// param: country string = "" -- ISO3 code or name; empty for all
// param: person string = "" -- key or name; empty for all
// param: limit int = 500 -- at most this many events
MATCH (e:Event)
WHERE e.date IS NOT NULL AND e.date >= $from AND (e.date <= $to OR e.date STARTS WITH $to)
  AND ($country = '' OR EXISTS {
        MATCH (c:Country)-[:PARTICIPATED_IN]->(e) WHERE c.iso3 = toUpper($country) OR toLower(c.name) = toLower($country) }
      OR EXISTS { MATCH (e)-[:HELD_IN]->(:Place)-[:IN]->(c:Country) WHERE c.iso3 = toUpper($country) OR toLower(c.name) = toLower($country) })
  AND ($person = '' OR EXISTS {
        MATCH (p:Person)-[:PARTICIPATED_IN]->(e) WHERE p.key = $person OR toLower(p.name) = toLower($person) })
OPTIONAL MATCH (p:Person)-[:PARTICIPATED_IN]->(e)
WITH e, collect(DISTINCT p.name) AS participants
OPTIONAL MATCH (a:Article)-[:REPORTS]->(e)
RETURN e.date AS date, e.category AS category, e.status AS status, e.place AS place, participants,
       count(DISTINCT a) AS n_sources, e.key AS event
ORDER BY e.date, e.key
LIMIT $limit
