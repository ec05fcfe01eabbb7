// name: refresh-delete-article
// description: Remove an article and its own facts (claims, mentions, REPORTS); returns the actors it mentioned so orphans can be removed.
// param: key string -- article key
MATCH (a:Article {key: $key})
OPTIONAL MATCH (a)-[:MENTIONS]->(x:Actor)
WITH a, collect(x.key) AS actors
CALL (a) {
  MATCH (a)-[:CLAIMS]->(c:Claim)
  DETACH DELETE c
}
DETACH DELETE a
RETURN actors
