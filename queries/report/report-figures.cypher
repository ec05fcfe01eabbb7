// name: report-figures
// description: Headline figures of the report for a date prefix window ('' for all).
// param: window string -- date prefix, e.g. 2024, or '' for everything
MATCH (e:Event) WHERE $window = '' OR e.date STARTS WITH $window
WITH collect(e) AS events
CALL (events) { UNWIND events AS e MATCH (a:Article)-[r:REPORTS]->(e) RETURN count(DISTINCT a) AS articles, count(r) AS sources }
CALL (events) { UNWIND events AS e MATCH (p:Person)-[:PARTICIPATED_IN]->(e) RETURN count(DISTINCT p) AS people }
CALL (events) { UNWIND events AS e MATCH (c:Country)-[:PARTICIPATED_IN]->(e) RETURN count(DISTINCT c) AS countries }
CALL (events) { UNWIND events AS e MATCH (e)-[:CONVENED_BY]->(o:Organization) RETURN count(DISTINCT o) AS organizations }
CALL () { MATCH (a:Article) RETURN collect(a.language) AS languages }
RETURN size(events) AS events, articles, sources, people, countries, organizations, languages,
       reduce(m = null, e IN events | CASE WHEN e.date IS NOT NULL AND (m IS NULL OR e.date < m) THEN e.date ELSE m END) AS first,
       reduce(m = null, e IN events | CASE WHEN e.date IS NOT NULL AND (m IS NULL OR e.date > m) THEN e.date ELSE m END) AS last
