// name: analysis-run
// description: Record an analysis run (idempotent by key) and make it the current one.
// param: key string -- hash of parameters and graph version
// param: params string -- the parameters as JSON
// param: graph_version string -- hash of the analysed events
// param: summary map -- graph-level figures
MATCH (old:AnalysisRun {current: true}) WHERE old.key <> $key
SET old.current = false
WITH count(old) AS _
MERGE (r:AnalysisRun {key: $key})
ON CREATE SET r.at = datetime()
SET r.params = $params, r.graph_version = $graph_version, r.current = true, r += $summary
