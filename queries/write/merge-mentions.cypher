// name: merge-mentions
// description: Link an article to the actors it mentions, with the mention spans.
// param: article string -- article key
// param: rows list -- {key, count, spans: [start, end, ...], texts}
MATCH (a:Article {key: $article})
UNWIND $rows AS row
MATCH (x:Actor {key: row.key})
MERGE (a)-[m:MENTIONS]->(x)
SET m.count = row.count, m.spans = row.spans, m.texts = row.texts, m.office = row.office
