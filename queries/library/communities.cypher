// name: communities
// description: Communities of the leader network (Louvain, latest analysis), largest first, with their most central members.
// param: window string = all -- the analysis window
// param: top int = 5 -- central members shown per community
MATCH (r:AnalysisRun {current: true})
MATCH (p:Person)-[s:SCORED]->(r)
WHERE s.window = $window AND s.community IS NOT NULL
WITH s.community AS community, p, s ORDER BY s.pagerank DESC
WITH community, collect(p.name) AS members
RETURN community, size(members) AS size, members[0..$top] AS most_central, members
ORDER BY size DESC, community
