// name: refresh-set-meta
// description: Store a refresh fingerprint.
// param: key string -- fingerprint name
// param: value string -- fingerprint
MERGE (m:RefreshMeta {key: $key})
SET m.value = $value, m.updated = datetime()
