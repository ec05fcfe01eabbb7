// name: meetings-between
// description: Every event two people both took part in, with date, place, category and sources.
// param: a string -- first person: key (person:xi-jinping) or name (Xi Jinping)
// param: b string -- second person: key or name
// param: status string = any -- occurred, planned or any
MATCH (pa:Person) WHERE pa.key = $a OR toLower(pa.name) = toLower($a)
MATCH (pb:Person) WHERE (pb.key = $b OR toLower(pb.name) = toLower($b)) AND pb <> pa
MATCH (pa)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(pb)
WHERE $status = 'any' OR e.status = $status
OPTIONAL MATCH (art:Article)-[:REPORTS]->(e)
WITH e, collect(DISTINCT coalesce(art.title, art.path)) AS sources
RETURN e.date AS date, e.category AS category, e.status AS status, e.place AS place, e.country AS country,
       e.key AS event, size(sources) AS n_sources, sources
ORDER BY e.date, e.key
