// name: members
// description: Member countries of an organization on a date.
// param: organization string -- acronym (BRICS), name or key
// param: date date = 9999 -- the date (YYYY, YYYY-MM or YYYY-MM-DD); default: today's members
// param: status string = member -- member, observer, partner or any
MATCH (o:Organization)
WHERE o.key = $organization OR toLower(o.acronym) = toLower($organization) OR toLower(o.name) = toLower($organization)
MATCH (c:Country)-[m:MEMBER_OF]->(o)
WHERE ($status = 'any' OR m.status = $status)
  AND (m.since = '' OR m.since <= $date OR $date STARTS WITH m.since)
  AND (m.until = '' OR m.until IS NULL OR m.until >= $date OR m.until STARTS WITH $date)
RETURN DISTINCT c.name AS country, c.iso3 AS iso3, m.since AS since, m.until AS until, m.status AS status
ORDER BY country
