// name: gds-clustering
// description: Unweighted local clustering coefficient written as <prefix>clustering (nx: clustering(G)).
// param: graph string -- in-memory graph name
// param: prefix string -- property-name prefix, e.g. gds_
// param: concurrency int = 4 -- threads (OpenGDS allows at most 4)
CALL gds.localClusteringCoefficient.write($graph, {writeProperty: $prefix + 'clustering', concurrency: $concurrency})
YIELD nodePropertiesWritten, averageClusteringCoefficient
RETURN nodePropertiesWritten, averageClusteringCoefficient
