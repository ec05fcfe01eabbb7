// name: gds-wcc
// description: Connected components (consecutive ids) written as <prefix>component (nx: connected_components(G)).
// param: graph string -- in-memory graph name
// param: prefix string -- property-name prefix, e.g. gds_
// param: concurrency int = 4 -- threads (OpenGDS allows at most 4)
CALL gds.wcc.write($graph, {consecutiveIds: true, writeProperty: $prefix + 'component', concurrency: $concurrency})
YIELD componentCount
RETURN componentCount
