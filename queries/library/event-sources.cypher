// name: event-sources
// description: Each article and sentence that reports an event.
// param: event string -- the event key
MATCH (a:Article)-[r:REPORTS]->(e:Event {key: $event})
RETURN a.title AS title, a.path AS path, a.published AS published, a.language AS language, a.url AS url,
       r.start AS start, r.end AS end, r.text AS sentence
ORDER BY a.published, a.path, r.start
