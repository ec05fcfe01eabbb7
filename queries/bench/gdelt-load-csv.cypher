// name: gdelt-bench-load-csv
// description: Benchmark comparison: the same GDELT rows loaded by Neo4j itself from a CSV in the import folder, 1000 rows per transaction, with the per-row body of gdelt-bench-naive-row. Needs an auto-commit transaction.
// param: url string -- file:///<name>.csv in the server's import folder
LOAD CSV WITH HEADERS FROM $url AS line
CALL (line) {
  WITH line, [s IN [
      {key: line.a1_country, kind: 'country', name: line.a1_country_name, code: line.a1_country_code, side: 1},
      {key: line.a1_org, kind: 'organization', name: line.a1_org_name, code: line.a1_org_code, side: 1},
      {key: line.a1_person, kind: 'person', name: line.a1_person_name, code: line.a1_person_code, side: 1},
      {key: line.a2_country, kind: 'country', name: line.a2_country_name, code: line.a2_country_code, side: 2},
      {key: line.a2_org, kind: 'organization', name: line.a2_org_name, code: line.a2_org_code, side: 2},
      {key: line.a2_person, kind: 'person', name: line.a2_person_name, code: line.a2_person_code, side: 2},
      {key: line.place_country, kind: 'country', name: line.place_country_name, code: line.place_country_code, side: 0}
    ] WHERE s.key IS NOT NULL] AS slots
  WITH {key: line.key, category: line.category, cameo: line.cameo, cameo_base: line.cameo_base, cameo_root: line.cameo_root,
        quad_class: toInteger(line.quad_class), goldstein: toFloat(line.goldstein), avg_tone: toFloat(line.avg_tone),
        num_mentions: toInteger(line.num_mentions), num_sources: toInteger(line.num_sources),
        num_articles: toInteger(line.num_articles), is_root: toBoolean(line.is_root), date: line.date,
        date_added: line.date_added, url: line.url, place: line.place, country: line.country,
        lat: toFloat(line.lat), lon: toFloat(line.lon), actor1_code: line.actor1_code, actor1_name: line.actor1_name,
        actor2_code: line.actor2_code, actor2_name: line.actor2_name,
        participants: coalesce(split(line.participants, '|'), []),
        parts: [s IN slots WHERE s.side > 0 | {key: s.key, side: s.side}],
        actors: [s IN slots | {key: s.key, kind: s.kind, name: s.name, code: s.code}],
        place_key: line.place_key,
        place_node: CASE WHEN line.place_key IS NULL THEN null ELSE
          {key: line.place_key, name: line.place_name, full_name: line.place_full_name, lat: toFloat(line.place_lat),
           lon: toFloat(line.place_lon), feature_id: line.place_feature_id, country: line.place_country} END} AS row
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
} IN TRANSACTIONS OF 1000 ROWS
