// name: gdelt-merge-events
// description: Upsert GDELT events (key gdelt:<GlobalEventID>) with their participants (PARTICIPATED_IN {side: 1|2}) and city (HELD_IN). An event this statement creates has no relationships yet, so they are CREATEd; an existing event's are MERGEd. The novelty flag is set and removed in the same transaction, so reloading or a retried batch changes nothing. Actor and place nodes must exist (gdelt-merge-actors, gdelt-merge-places).
// param: rows list -- {key, category, cameo, cameo_base, cameo_root, quad_class, goldstein, avg_tone, num_mentions, num_sources, num_articles, is_root, date, date_added, url, place, country, lat, lon, actor1_code, actor1_name, actor2_code, actor2_name, participants: [names], parts: [{key, side}], place_key}
UNWIND $rows AS row
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
