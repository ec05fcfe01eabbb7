// name: counts
// description: Node and relationship counts by label and type.
CALL () { MATCH (n) UNWIND labels(n) AS l RETURN 'node' AS kind, l AS name, count(*) AS n }
RETURN kind, name, n
UNION ALL
CALL () { MATCH ()-[r]->() RETURN 'relationship' AS kind, type(r) AS name, count(*) AS n }
RETURN kind, name, n
