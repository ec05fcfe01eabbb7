// name: report-memberships
// description: Current members of the organizations that convened events or that articles mention.
MATCH (o:Organization)
WHERE EXISTS { (:Event)-[:CONVENED_BY]->(o) } OR EXISTS { (:Article)-[:MENTIONS]->(o) }
MATCH (c:Country)-[m:MEMBER_OF]->(o)
WHERE m.status = 'member' AND (m.until = '' OR m.until IS NULL)
WITH o, c ORDER BY c.name
RETURN o.key AS key, coalesce(o.acronym, o.name) AS org, collect(DISTINCT c.name) AS members
ORDER BY size(members) DESC, org
