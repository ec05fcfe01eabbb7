// name: analysis-events
// description: Dated events that occurred, with the keys of their participating people and countries (input of the analysis).
MATCH (e:Event)
WHERE e.date IS NOT NULL AND e.status = 'occurred'
OPTIONAL MATCH (p:Person)-[:PARTICIPATED_IN]->(e)
WITH e, collect(DISTINCT p.key) AS people
OPTIONAL MATCH (c:Country)-[:PARTICIPATED_IN]->(e)
RETURN e.key AS key, e.date AS date, people, collect(DISTINCT c.key) AS countries
ORDER BY e.key
