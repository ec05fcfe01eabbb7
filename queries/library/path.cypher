// name: path
// description: The shortest chain of shared events linking two people (person - event - person ...).
// param: a string -- first person: key or name
// param: b string -- second person: key or name
// param: max_hops int = 8 -- longest chain searched, in events
MATCH (pa:Person) WHERE pa.key = $a OR toLower(pa.name) = toLower($a)
MATCH (pb:Person) WHERE (pb.key = $b OR toLower(pb.name) = toLower($b)) AND pb <> pa
MATCH p = shortestPath((pa)-[:PARTICIPATED_IN*..16]-(pb))
WHERE length(p) <= 2 * $max_hops
RETURN length(p) / 2 AS events,
       [n IN nodes(p) | CASE WHEN n:Person THEN n.name ELSE coalesce(n.date, '?') + ' ' + n.category + coalesce(' in ' + n.place, '') END] AS chain
LIMIT 1
