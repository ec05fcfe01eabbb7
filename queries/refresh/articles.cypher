// name: refresh-articles
// description: Stored extraction of articles (for re-merging their events) and where they came from.
// param: keys list -- article keys
UNWIND $keys AS k
MATCH (a:Article {key: k})
RETURN a.key AS key, a.extraction AS extraction, a.extraction_format AS format, a.path AS path, a.source_id AS source_id
