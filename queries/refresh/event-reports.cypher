// name: refresh-event-reports
// description: The articles (and sentence offsets) that report these events.
// param: keys list -- event keys
UNWIND $keys AS k
MATCH (a:Article)-[r:REPORTS]->(e:Event {key: k})
RETURN e.key AS event, e.date AS date, a.key AS article, r.start AS start
