// name: partners
// description: Everyone a person met, with the number of shared events, first and last date and tie strength.
// param: person string -- key or name
// param: limit int = 50 -- at most this many partners
MATCH (p:Person) WHERE p.key = $person OR toLower(p.name) = toLower($person)
MATCH (p)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(q:Person)
WHERE q <> p
WITH p, q, count(DISTINCT e) AS events, min(e.date) AS first, max(e.date) AS last
OPTIONAL MATCH (p)-[m:MET]-(q)
RETURN q.name AS partner, q.key AS key, events, first, last, m.strength AS tie_strength
ORDER BY events DESC, last DESC, partner
LIMIT $limit
