// name: refresh-probe-events
// description: Extracted events of a participant whose dates meet a window (start, end: ISO prefixes; end is compared after appending '~'); a probe without start matches any date. Returns each event's participants for filtering.
// param: probes list -- {pk, start, end}
UNWIND $probes AS pr
MATCH (:Actor {key: pr.pk})-[:PARTICIPATED_IN]->(e:Event)
WHERE e.source = 'extract'
  AND (pr.start IS NULL OR (e.date <= pr.end + '~' AND coalesce(e.date_end, e.date) + '~' >= pr.start))
WITH DISTINCT e
RETURN e.key AS key, [(p:Person)-[:PARTICIPATED_IN]->(e) | p.key] AS parts
