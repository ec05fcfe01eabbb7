// name: gds-pagerank
// description: Weighted PageRank, scaled to sum 1 (L1Norm), written as <prefix>pagerank (nx: pagerank(G, alpha=0.85, weight='weight')).
// param: graph string -- in-memory graph name
// param: prefix string -- property-name prefix, e.g. gds_
// param: max_iterations int = 100 -- iteration cap
// param: tolerance float = 0.0000001 -- stop when no score changes by more than this
// param: concurrency int = 4 -- threads (OpenGDS allows at most 4)
CALL gds.pageRank.write($graph, {relationshipWeightProperty: 'weight', dampingFactor: 0.85,
     maxIterations: $max_iterations, tolerance: $tolerance, scaler: 'L1Norm',
     writeProperty: $prefix + 'pagerank', concurrency: $concurrency})
YIELD nodePropertiesWritten, ranIterations, didConverge
RETURN nodePropertiesWritten, ranIterations, didConverge
