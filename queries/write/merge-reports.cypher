// name: merge-reports
// description: Link an article to the events it reports, one relationship per source sentence.
// param: article string -- article key
// param: rows list -- {event, start, end, text}
MATCH (a:Article {key: $article})
UNWIND $rows AS row
MATCH (e:Event {key: row.event})
MERGE (a)-[r:REPORTS {start: row.start}]->(e)
SET r.end = row.end, r.text = row.text
