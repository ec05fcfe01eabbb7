// name: gds-strength
// description: Strength (sum of shared-event weights) written as <prefix>strength (nx: G.degree(weight='weight')).
// param: graph string -- in-memory graph name
// param: prefix string -- property-name prefix, e.g. gds_
// param: concurrency int = 4 -- threads (OpenGDS allows at most 4)
CALL gds.degree.write($graph, {relationshipWeightProperty: 'weight', writeProperty: $prefix + 'strength', concurrency: $concurrency})
YIELD nodePropertiesWritten
RETURN nodePropertiesWritten
