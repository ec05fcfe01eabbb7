// name: gdelt-merge-events
// description: Upsert GDELT events (key gdelt:<GlobalEventID>) with their participants (PARTICIPATED_IN {side: 1|2}) and city (HELD_IN). An event this statement creates has no relationships yet, so they are CREATEd; an existing event's are MERGEd. The novelty flag is set and removed in the same transaction, so reloading or a retried batch changes nothing. Actor and place nodes must exist (gdelt-merge-actors, gdelt-merge-places). Bulk form: the batch arrives column-wise (one list per field; the server decodes that faster than one map per row) and is turned back into the per-row map of gdelt-bench-naive-row; actor and place nodes are found by the element id the writer resolved once per write (gdelt-node-ids) and checked by key, instead of one index lookup per reference.
// param: cols map -- one list per field, all as long as the batch: key, category, cameo, cameo_base, cameo_root, quad_class, goldstein, avg_tone, num_mentions, num_sources, num_articles, is_root, date, date_added, url, place, country, lat, lon, actor1_code, actor1_name, actor2_code, actor2_name, participants (a list of names per event), part_key, part_side, part_id (a list per event: the participants' keys, sides 1|2 and element ids), place_key, place_id (null without a city)
UNWIND range(0, size($cols.key) - 1) AS i
WITH {key: $cols.key[i], category: $cols.category[i], cameo: $cols.cameo[i], cameo_base: $cols.cameo_base[i],
      cameo_root: $cols.cameo_root[i], quad_class: $cols.quad_class[i], goldstein: $cols.goldstein[i],
      avg_tone: $cols.avg_tone[i], num_mentions: $cols.num_mentions[i], num_sources: $cols.num_sources[i],
      num_articles: $cols.num_articles[i], is_root: $cols.is_root[i], date: $cols.date[i],
      date_added: $cols.date_added[i], url: $cols.url[i], place: $cols.place[i], country: $cols.country[i],
      lat: $cols.lat[i], lon: $cols.lon[i], actor1_code: $cols.actor1_code[i],
      actor1_name: $cols.actor1_name[i], actor2_code: $cols.actor2_code[i],
      actor2_name: $cols.actor2_name[i], participants: $cols.participants[i],
      parts: [j IN range(0, size($cols.part_key[i]) - 1) | {key: $cols.part_key[i][j], side: $cols.part_side[i][j], id: $cols.part_id[i][j]}],
      place_key: $cols.place_key[i], place_id: $cols.place_id[i]} AS row
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
  MATCH (a) WHERE elementId(a) = p.id AND a.key = p.key
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
  MATCH (pl) WHERE elementId(pl) = row.place_id AND pl.key = row.place_key
  CALL (e, pl, fresh) {
    WITH * WHERE fresh
    CREATE (e)-[:HELD_IN]->(pl)
  }
  CALL (e, pl, fresh) {
    WITH * WHERE NOT fresh
    MERGE (e)-[:HELD_IN]->(pl)
  }
}
