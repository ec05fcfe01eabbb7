// name: gds-degree
// description: Degree (number of co-participants) written as <prefix>degree (nx: G.degree).
// param: graph string -- in-memory graph name
// param: prefix string -- property-name prefix, e.g. gds_
// param: concurrency int = 4 -- threads (OpenGDS allows at most 4)
CALL gds.degree.write($graph, {writeProperty: $prefix + 'degree', concurrency: $concurrency})
YIELD nodePropertiesWritten
RETURN nodePropertiesWritten
