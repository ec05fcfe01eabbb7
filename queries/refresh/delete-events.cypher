// name: refresh-delete-events
// description: Remove extracted events whose cluster no longer exists (merged into another key or left without sources); returns their participants.
// param: keys list -- event keys
UNWIND $keys AS k
MATCH (e:Event {key: k})
WHERE e.source = 'extract'
OPTIONAL MATCH (x:Actor)-[:PARTICIPATED_IN]->(e)
OPTIONAL MATCH (e)-[:HELD_IN]->(pl:Place)
WITH e, collect(DISTINCT x.key) + collect(DISTINCT pl.key) AS actors
DETACH DELETE e
RETURN actors
