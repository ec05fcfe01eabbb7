// name: merge-organizations
// description: Upsert organizations from the knowledge base.
// param: rows list -- {key, name, acronym, names, sources}
UNWIND $rows AS row
MERGE (o:Organization:Actor {key: row.key})
SET o.name = row.name, o.acronym = row.acronym, o.names = row.names, o.sources = row.sources
