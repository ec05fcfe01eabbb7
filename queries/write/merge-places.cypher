// name: merge-places
// description: Upsert places and link each to its country.
// param: rows list -- {key, name, country (country key or null), lat, lon, names}
UNWIND $rows AS row
MERGE (p:Place:Actor {key: row.key})
SET p.name = row.name, p.names = row.names, p.lat = row.lat, p.lon = row.lon
WITH p, row WHERE row.country IS NOT NULL
MATCH (c:Country {key: row.country})
MERGE (p)-[:IN]->(c)
