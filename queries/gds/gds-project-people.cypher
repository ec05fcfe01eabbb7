// name: gds-project-people
// description: Project the leader co-participation graph into GDS (undirected, weight = shared events; a leader alone at events is an isolated node), as analysis-events + metrics.Project do.
// param: graph string -- in-memory graph name
MATCH (a:Person)-[:PARTICIPATED_IN]->(e0:Event)
WHERE e0.date IS NOT NULL AND e0.status = 'occurred'
WITH DISTINCT a
OPTIONAL MATCH (a)-[:PARTICIPATED_IN]->(e:Event)<-[:PARTICIPATED_IN]-(b:Person)
WHERE e.date IS NOT NULL AND e.status = 'occurred' AND elementId(a) < elementId(b)
WITH a, b, count(DISTINCT e) AS shared
WITH gds.graph.project($graph, a, b,
       {relationshipProperties: {weight: toFloat(shared)}},
       {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
