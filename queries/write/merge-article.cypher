// name: merge-article
// description: Upsert one article.
// param: rows list -- {key, path, title, published, language, outlet, url, hash, bytes}
UNWIND $rows AS row
MERGE (a:Article {key: row.key})
ON CREATE SET a.first_seen = datetime()
SET a.path = row.path, a.title = row.title, a.published = row.published, a.language = row.language,
    a.outlet = row.outlet, a.url = row.url, a.hash = row.hash, a.bytes = row.bytes
