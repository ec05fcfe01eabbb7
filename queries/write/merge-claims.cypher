// name: merge-claims
// description: Upsert the figures an article asserts, linked to the article and their subjects.
// param: article string -- article key
// param: rows list -- {key, kind, value, qualifier, as_of, year, text, start, end, subject: [names], subject_keys: [keys]}
MATCH (a:Article {key: $article})
UNWIND $rows AS row
MERGE (c:Claim {key: row.key})
SET c.kind = row.kind, c.value = row.value, c.qualifier = row.qualifier, c.as_of = row.as_of,
    c.year = row.year, c.text = row.text, c.start = row.start, c.end = row.end, c.subject = row.subject
MERGE (a)-[:CLAIMS]->(c)
WITH c, row
UNWIND row.subject_keys AS sk
MATCH (x:Actor {key: sk})
MERGE (c)-[:ABOUT]->(x)
