// name: gdelt-merge-actors
// description: Upsert the knowledge-base actors that GDELT events refer to (countries, organizations, people); nodes that already exist keep their properties. Returns each actor's element id, which the bulk writer hands to gdelt-merge-events.
// param: rows list -- {key, kind (country, organization or person), name, code (ISO3 of a country, acronym of an organization, a person's country)}
UNWIND $rows AS a
CALL (a) {
  WITH a WHERE a.kind = 'country'
  MERGE (n:Country:Actor {key: a.key})
  ON CREATE SET n.name = a.name, n.iso3 = a.code
}
CALL (a) {
  WITH a WHERE a.kind = 'organization'
  MERGE (n:Organization:Actor {key: a.key})
  ON CREATE SET n.name = a.name, n.acronym = a.code
}
CALL (a) {
  WITH a WHERE a.kind = 'person'
  MERGE (n:Person:Actor {key: a.key})
  ON CREATE SET n.name = a.name, n.country = a.code, n.resolved = true
}
WITH a
MATCH (n:Actor {key: a.key})
RETURN a.key AS key, elementId(n) AS id
