// name: gds-kcore
// description: K-core number written as <prefix>core (nx: core_number(G)).
// param: graph string -- in-memory graph name
// param: prefix string -- property-name prefix, e.g. gds_
// param: concurrency int = 4 -- threads (OpenGDS allows at most 4)
CALL gds.kcore.write($graph, {writeProperty: $prefix + 'core', concurrency: $concurrency})
YIELD nodePropertiesWritten, degeneracy
RETURN nodePropertiesWritten, degeneracy
