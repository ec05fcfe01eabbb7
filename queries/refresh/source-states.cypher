// name: refresh-source-states
// description: What the last refreshes remember of these source identities (size, mtime, feed version, hash, outcome).
// param: ids list -- source identities (absolute paths or URLs)
UNWIND $ids AS id
MATCH (s:RefreshSource {id: id})
RETURN s.id AS id, s.size AS size, s.mtime AS mtime, s.version AS version, s.hash AS hash, s.meta AS meta,
       s.status AS status, s.error AS error, s.article AS article
