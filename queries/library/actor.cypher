// name: actor
// description: Find people, countries, organizations and places by name or alias (case-insensitive substring).
// param: name string -- part of a name, e.g. poutine or brics
// param: limit int = 20 -- at most this many rows
MATCH (n:Actor)
WHERE toLower(n.name) CONTAINS toLower($name) OR any(x IN coalesce(n.names, []) WHERE toLower(x) CONTAINS toLower($name))
OPTIONAL MATCH (a:Article)-[:MENTIONS]->(n)
RETURN [l IN labels(n) WHERE l <> 'Actor'][0] AS kind, n.name AS name, n.key AS key, count(a) AS articles
ORDER BY articles DESC, name
LIMIT $limit
