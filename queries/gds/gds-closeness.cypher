// name: gds-closeness
// description: Unweighted closeness with the Wasserman-Faust correction, written as <prefix>closeness (nx: closeness_centrality(G, wf_improved=True)).
// param: graph string -- in-memory graph name
// param: prefix string -- property-name prefix, e.g. gds_
// param: concurrency int = 4 -- threads (OpenGDS allows at most 4)
CALL gds.closeness.write($graph, {useWassermanFaust: true, writeProperty: $prefix + 'closeness', concurrency: $concurrency})
YIELD nodePropertiesWritten
RETURN nodePropertiesWritten
