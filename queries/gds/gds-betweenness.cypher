// name: gds-betweenness
// description: Unweighted betweenness, GDS's unnormalized pair count, written as <prefix>betweenness (gds-rescale turns it into nx.betweenness_centrality(normalized=True)).
// param: graph string -- in-memory graph name
// param: prefix string -- property-name prefix, e.g. gds_
// param: concurrency int = 4 -- threads (OpenGDS allows at most 4)
CALL gds.betweenness.write($graph, {writeProperty: $prefix + 'betweenness', concurrency: $concurrency})
YIELD nodePropertiesWritten
RETURN nodePropertiesWritten
