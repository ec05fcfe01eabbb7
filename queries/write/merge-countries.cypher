// name: merge-countries
// description: Upsert countries from the knowledge base.
// param: rows list -- {key, name, iso3, names, demonyms, lat, lon, sources}
UNWIND $rows AS row
MERGE (c:Country:Actor {key: row.key})
SET c.name = row.name, c.iso3 = row.iso3, c.names = row.names, c.lat = row.lat, c.lon = row.lon,
    c.sources = row.sources
