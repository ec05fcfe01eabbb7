// name: refresh-delete-orphans
// description: Remove people and non-reference places that no article mentions and no event involves any more (a clean load would not have created them).
// param: keys list -- candidate actor keys (people, places outside the knowledge base)
UNWIND $keys AS k
MATCH (x:Actor {key: k})
WHERE (x:Person OR x:Place)
  AND NOT EXISTS { (x)<-[:MENTIONS]-() }
  AND NOT EXISTS { (x)-[:PARTICIPATED_IN]->() }
  AND NOT EXISTS { (x)<-[:HELD_IN]-() }
  AND NOT EXISTS { (x)<-[:ABOUT]-() }
DETACH DELETE x
RETURN count(*) AS n
