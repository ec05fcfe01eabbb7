// name: merge-events
// description: Upsert events with their participants, countries, place and organization.
// param: rows list -- {key, category, cameo, date, date_end, status, confidence, place, place_key, country, organization_key, participants: [keys], countries: [keys], host, guest}
UNWIND $rows AS row
MERGE (e:Event {key: row.key})
ON CREATE SET e.first_seen = datetime()
SET e.category = row.category, e.cameo = row.cameo, e.date = row.date, e.date_end = row.date_end,
    e.status = row.status, e.confidence = row.confidence, e.place = row.place, e.country = row.country,
    e.organization = row.organization, e.participants = row.participant_names, e.source = row.source
WITH e, row
CALL (e, row) {
  UNWIND row.participants AS pk
  MATCH (p:Person {key: pk})
  MERGE (p)-[r:PARTICIPATED_IN]->(e)
  SET r.role = CASE pk WHEN row.host THEN 'host' WHEN row.guest THEN 'guest' ELSE null END
}
CALL (e, row) {
  UNWIND row.countries AS ck
  MATCH (c:Country {key: ck})
  MERGE (c)-[:PARTICIPATED_IN]->(e)
}
CALL (e, row) {
  WITH e, row WHERE row.place_key IS NOT NULL
  MATCH (pl:Place {key: row.place_key})
  MERGE (e)-[:HELD_IN]->(pl)
}
CALL (e, row) {
  WITH e, row WHERE row.organization_key IS NOT NULL
  MATCH (o:Organization {key: row.organization_key})
  MERGE (e)-[:CONVENED_BY]->(o)
}
