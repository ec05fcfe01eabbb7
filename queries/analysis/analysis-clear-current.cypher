// name: analysis-clear-current
// description: Remove current metric properties from actors that are not in the latest analysis.
// param: keep list -- keys of actors with current metrics
// param: label string -- Person or Country
MATCH (n:Actor)
WHERE $label IN labels(n) AND n.pagerank IS NOT NULL AND NOT n.key IN $keep
REMOVE n.degree, n.strength, n.betweenness, n.closeness, n.harmonic, n.eigenvector, n.pagerank, n.hub,
       n.authority, n.katz, n.clustering, n.core, n.community, n.component
