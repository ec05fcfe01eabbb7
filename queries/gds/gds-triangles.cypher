// name: gds-triangles
// description: Triangles through each node written as <prefix>triangles (nx: triangles(G)).
// param: graph string -- in-memory graph name
// param: prefix string -- property-name prefix, e.g. gds_
// param: concurrency int = 4 -- threads (OpenGDS allows at most 4)
CALL gds.triangleCount.write($graph, {writeProperty: $prefix + 'triangles', concurrency: $concurrency})
YIELD nodePropertiesWritten, globalTriangleCount
RETURN nodePropertiesWritten, globalTriangleCount
