// name: report-claims
// description: Claims with their source and the meetings the graph holds up to the claim's date.
MATCH (a:Article)-[:CLAIMS]->(c:Claim)
OPTIONAL MATCH (c)-[:ABOUT]->(p:Person)
WITH a, c, collect(p) AS people
OPTIONAL CALL (people, c) {
  WITH people, c WHERE size(people) = 2
  MATCH (x)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(y)
  WHERE x = people[0] AND y = people[1] AND e.status = 'occurred' AND e.date IS NOT NULL AND (c.as_of IS NULL OR e.date <= c.as_of)
  RETURN count(DISTINCT e) AS observed
}
RETURN c.kind AS kind, c.subject AS subject, [p IN people | p.key] AS keys, c.value AS value, coalesce(c.qualifier, '') AS qualifier,
       coalesce(c.as_of, '') AS as_of, coalesce(observed, -1) AS observed,
       {article: a.key, title: coalesce(a.title, ''), path: a.path, url: coalesce(a.url, ''), published: coalesce(a.published, ''), sentence: c.text} AS source
ORDER BY as_of, value
