// name: gdelt-merge-places
// description: Upsert GDELT cities (ActionGeo types 3 and 4, keyed place:gdelt:<feature id>) and link each to its country. Returns each place's element id, which the bulk writer hands to gdelt-merge-events.
// param: rows list -- {key, name, full_name, lat, lon, feature_id, country (country key or null)}
UNWIND $rows AS p
MERGE (pl:Place:Actor {key: p.key})
ON CREATE SET pl.name = p.name, pl.full_name = p.full_name, pl.lat = p.lat, pl.lon = p.lon,
              pl.feature_id = p.feature_id, pl.source = 'gdelt'
WITH pl, p
CALL (pl, p) {
  WITH pl, p WHERE p.country IS NOT NULL
  MATCH (c:Country {key: p.country})
  MERGE (pl)-[:IN]->(c)
}
RETURN p.key AS key, elementId(pl) AS id
