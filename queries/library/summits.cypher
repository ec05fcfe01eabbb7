// name: summits
// description: An organization's summits and who attended.
// param: organization string -- acronym (SCO), name or key
MATCH (o:Organization)
WHERE o.key = $organization OR toLower(o.acronym) = toLower($organization) OR toLower(o.name) = toLower($organization)
MATCH (e:Event)-[:CONVENED_BY]->(o)
OPTIONAL MATCH (p:Person)-[:PARTICIPATED_IN]->(e)
WITH e, collect(DISTINCT p.name) AS attendees
OPTIONAL MATCH (a:Article)-[:REPORTS]->(e)
RETURN e.date AS date, e.place AS place, e.status AS status, attendees, count(DISTINCT a) AS n_sources, e.key AS event
ORDER BY e.date
