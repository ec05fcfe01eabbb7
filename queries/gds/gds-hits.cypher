// name: gds-hits
// description: Unweighted HITS on the directed projection, unit 2-norm, written as <prefix>hub and <prefix>authority (gds-rescale divides each by its sum, as nx.hits(normalized=True)).
// param: graph string -- in-memory graph name (from gds-project-people-directed)
// param: prefix string -- property-name prefix, e.g. gds_
// param: iterations int = 100 -- HITS iterations
// param: concurrency int = 4 -- threads (OpenGDS allows at most 4)
CALL gds.hits.write($graph, {hitsIterations: $iterations, hubProperty: $prefix + 'hub',
     authProperty: $prefix + 'authority', concurrency: $concurrency})
YIELD nodePropertiesWritten, ranIterations
RETURN nodePropertiesWritten, ranIterations
