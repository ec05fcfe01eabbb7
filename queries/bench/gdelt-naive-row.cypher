// name: gdelt-bench-naive-row
// description: Benchmark baseline: one GDELT event with its actor and place nodes and relationships, one auto-commit statement per row. The body (after the first line) is the per-row body of gdelt-bench-load-csv, and its event part is gdelt-merge-events.
// param: row map -- gdelt-merge-events row plus actors: [{key, kind, name, code}] and place_node: {key, name, full_name, lat, lon, feature_id, country} or null
WITH $row AS row
CALL (row) {
  UNWIND row.actors AS a
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
}
CALL (row) {
  WITH row.place_node AS p WHERE p IS NOT NULL
  MERGE (pl:Place:Actor {key: p.key})
  ON CREATE SET pl.name = p.name, pl.full_name = p.full_name, pl.lat = p.lat, pl.lon = p.lon,
                pl.feature_id = p.feature_id, pl.source = 'gdelt'
  WITH pl, p
  CALL (pl, p) {
    WITH pl, p WHERE p.country IS NOT NULL
    MATCH (c:Country {key: p.country})
    MERGE (pl)-[:IN]->(c)
  }
}
MERGE (e:Event {key: row.key})
ON CREATE SET e.gdelt_new = true
SET e.source = 'gdelt', e.category = row.category, e.cameo = row.cameo, e.cameo_base = row.cameo_base,
    e.cameo_root = row.cameo_root, e.quad_class = row.quad_class, e.goldstein = row.goldstein,
    e.avg_tone = row.avg_tone, e.num_mentions = row.num_mentions, e.num_sources = row.num_sources,
    e.num_articles = row.num_articles, e.is_root = row.is_root, e.date = row.date, e.date_added = row.date_added,
    e.url = row.url, e.place = row.place, e.country = row.country, e.lat = row.lat, e.lon = row.lon,
    e.actor1_code = row.actor1_code, e.actor1_name = row.actor1_name, e.actor2_code = row.actor2_code,
    e.actor2_name = row.actor2_name, e.participants = row.participants
WITH e, row, e.gdelt_new IS NOT NULL AS fresh
REMOVE e.gdelt_new
WITH e, row, fresh
CALL (e, row, fresh) {
  UNWIND row.parts AS p
  MATCH (a:Actor {key: p.key})
  CALL (a, e, p, fresh) {
    WITH * WHERE fresh
    CREATE (a)-[:PARTICIPATED_IN {side: p.side}]->(e)
  }
  CALL (a, e, p, fresh) {
    WITH * WHERE NOT fresh
    MERGE (a)-[:PARTICIPATED_IN {side: p.side}]->(e)
  }
}
CALL (e, row, fresh) {
  WITH * WHERE row.place_key IS NOT NULL
  MATCH (pl:Place {key: row.place_key})
  CALL (e, pl, fresh) {
    WITH * WHERE fresh
    CREATE (e)-[:HELD_IN]->(pl)
  }
  CALL (e, pl, fresh) {
    WITH * WHERE NOT fresh
    MERGE (e)-[:HELD_IN]->(pl)
  }
}
