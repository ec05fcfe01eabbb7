// name: gds-drop
// description: Drop an in-memory GDS graph if it exists.
// param: graph string -- in-memory graph name
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN graphName
