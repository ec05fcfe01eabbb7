// name: merge-persons
// description: Upsert people (resolved from the knowledge base or provisional) with their offices.
// param: rows list -- {key, name, resolved, country, names, offices: [{role, title, of, from, to, source}]}
UNWIND $rows AS row
MERGE (p:Person:Actor {key: row.key})
SET p.name = row.name, p.resolved = row.resolved, p.country = row.country, p.names = row.names
WITH p, row
UNWIND row.offices AS o
MATCH (x:Actor {key: o.of})
MERGE (p)-[h:HELD_OFFICE {role: o.role, from: o.from}]->(x)
SET h.title = o.title, h.to = o.to, h.source = o.source
