// name: gds-project-people-directed
// description: The same co-participation graph with every pair as two directed relationships (GDS HITS needs a directed graph with an inverse index).
// param: graph string -- in-memory graph name
MATCH (a:Person)-[:PARTICIPATED_IN]->(e0:Event)
WHERE e0.date IS NOT NULL AND e0.status = 'occurred'
WITH DISTINCT a
OPTIONAL MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Person)
WHERE e.date IS NOT NULL AND e.status = 'occurred' AND elementId(a) < elementId(b)
WITH a, b, count(DISTINCT e) AS shared
UNWIND CASE WHEN b IS NULL THEN [[a, null]] ELSE [[a, b], [b, a]] END AS pair
WITH gds.graph.project($graph, pair[0], pair[1],
       {relationshipProperties: {weight: toFloat(shared)}},
       {inverseIndexedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
