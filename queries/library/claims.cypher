// name: claims
// description: Meeting counts articles claim ("their 43rd meeting") against the meetings the graph holds up to that date.
// param: kind string = meeting_count -- claim kind
MATCH (a:Article)-[:CLAIMS]->(c:Claim {kind: $kind})
OPTIONAL MATCH (c)-[:ABOUT]->(p:Person)
WITH a, c, collect(p) AS people
WITH a, c, people, CASE WHEN size(people) = 2 THEN people ELSE null END AS pair
OPTIONAL CALL (pair, c) {
  WITH pair, c WHERE pair IS NOT NULL
  MATCH (x)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(y)
  WHERE x = pair[0] AND y = pair[1] AND e.status = 'occurred' AND e.date IS NOT NULL
    AND (c.as_of IS NULL OR e.date <= c.as_of)
  RETURN count(DISTINCT e) AS observed
}
RETURN c.subject AS subject, c.value AS claimed, c.qualifier AS qualifier, c.as_of AS as_of, observed,
       CASE WHEN observed IS NULL THEN null ELSE c.value - observed END AS gap,
       coalesce(a.title, a.path) AS article, c.text AS text
ORDER BY as_of, article
