// name: refresh-probe-events
// description: Extracted events of a participant whose dates meet a window (start, end: ISO prefixes; end is compared after appending '~'); a probe without start matches any date; a probe with nodate matches only undated events. Returns each event's participants for filtering.
// param: probes list -- {pk, start, end, nodate}
UNWIND $probes AS pr
MATCH (:Actor {key: pr.pk})-[:PARTICIPATED_IN]->(e:Event)
WHERE e.source = 'extract'
  AND CASE
        WHEN pr.nodate = true THEN e.date IS NULL
        WHEN pr.start IS NULL THEN true
        ELSE e.date <= pr.end + '~' AND coalesce(e.date_end, e.date) + '~' >= pr.start
      END
WITH DISTINCT e
RETURN e.key AS key, [(p:Person)-[:PARTICIPATED_IN]->(e) | p.key] AS parts
