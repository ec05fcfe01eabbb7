// name: refresh-set-sources
// description: Remember the outcome of source identities: written (article key), duplicate of another source's article, or failed with the reason (skipped until its content changes).
// param: rows list -- {id, kind, size, mtime, version, hash, meta, status, error, article, run}
UNWIND $rows AS row
MERGE (s:RefreshSource {id: row.id})
ON CREATE SET s.first_seen = datetime()
SET s.kind = row.kind, s.size = row.size, s.mtime = row.mtime, s.version = row.version, s.hash = row.hash,
    s.meta = row.meta, s.status = row.status, s.error = row.error, s.article = row.article, s.run = row.run,
    s.updated = datetime()
