// name: gds-harmonic
// description: Unweighted harmonic centrality, GDS's value divided by n-1, written as <prefix>harmonic (gds-rescale turns it into nx.harmonic_centrality).
// param: graph string -- in-memory graph name
// param: prefix string -- property-name prefix, e.g. gds_
// param: concurrency int = 4 -- threads (OpenGDS allows at most 4)
CALL gds.closeness.harmonic.write($graph, {writeProperty: $prefix + 'harmonic', concurrency: $concurrency})
YIELD nodePropertiesWritten
RETURN nodePropertiesWritten
