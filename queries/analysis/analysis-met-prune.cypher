// name: analysis-met-prune
// description: Delete MET relationships of pairs that no longer share an event.
// param: keep list -- "a|b" pair keys to keep
MATCH (a:Person)-[m:MET]->(b:Person)
WHERE NOT (a.key + '|' + b.key) IN $keep
DELETE m
