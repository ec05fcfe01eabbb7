// name: merge-memberships
// description: Upsert country memberships of organizations with their dates.
// param: rows list -- {country, org, since, until, status, source}
UNWIND $rows AS row
MATCH (c:Country {key: row.country})
MATCH (o:Organization {key: row.org})
MERGE (c)-[m:MEMBER_OF {since: row.since}]->(o)
SET m.until = row.until, m.status = row.status, m.source = row.source
