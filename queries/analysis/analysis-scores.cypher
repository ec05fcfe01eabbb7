// name: analysis-scores
// description: Write one window's node metrics as SCORED relationships to the run, and as current node properties for the window 'all'.
// param: run string -- analysis run key
// param: window string -- window label: all, a year, or a rolling label
// param: current bool -- also set the values as the nodes' current properties
// param: rows list -- {key, degree, strength, betweenness, closeness, harmonic, eigenvector, pagerank, hub, authority, katz, clustering, core, community, component}
MATCH (r:AnalysisRun {key: $run})
UNWIND $rows AS row
MATCH (n:Actor {key: row.key})
MERGE (n)-[s:SCORED {window: $window}]->(r)
SET s += row, s.key = null
WITH n, row WHERE $current
SET n += row, n.key = row.key
