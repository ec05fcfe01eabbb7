// name: report-run
// description: The current analysis run, if any.
MATCH (r:AnalysisRun {current: true})
RETURN toString(r.at) AS at, r.graph_version AS graph_version, r.params AS params
LIMIT 1
