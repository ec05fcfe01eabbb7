// name: refresh-article-reports
// description: Every REPORTS sentence of these articles with the event it points to.
// param: keys list -- article keys
UNWIND $keys AS k
MATCH (a:Article {key: k})-[r:REPORTS]->(e:Event)
RETURN a.key AS article, e.key AS event, r.start AS start
