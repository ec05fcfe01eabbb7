// name: gds-louvain
// description: Weighted Louvain communities (consecutive ids) written as <prefix>community; concurrency 1 makes it deterministic (GDS Louvain takes no random seed).
// param: graph string -- in-memory graph name
// param: prefix string -- property-name prefix, e.g. gds_
// param: concurrency int = 1 -- threads; 1 = reproducible
CALL gds.louvain.write($graph, {relationshipWeightProperty: 'weight', consecutiveIds: true,
     writeProperty: $prefix + 'community', concurrency: $concurrency})
YIELD communityCount, modularity, ranLevels
RETURN communityCount, modularity, ranLevels
