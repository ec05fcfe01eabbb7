// name: gds-eigenvector
// description: Unweighted eigenvector centrality (unit 2-norm), written as <prefix>eigenvector (nx: eigenvector_centrality(G)).
// param: graph string -- in-memory graph name
// param: prefix string -- property-name prefix, e.g. gds_
// param: max_iterations int = 100 -- iteration cap
// param: tolerance float = 0.0000001 -- stop when no score changes by more than this
// param: concurrency int = 4 -- threads (OpenGDS allows at most 4)
CALL gds.eigenvector.write($graph, {maxIterations: $max_iterations, tolerance: $tolerance,
     writeProperty: $prefix + 'eigenvector', concurrency: $concurrency})
YIELD nodePropertiesWritten, ranIterations, didConverge
RETURN nodePropertiesWritten, ranIterations, didConverge
