// name: refresh-meta
// description: Read a refresh fingerprint (e.g. of the reference data last written).
// param: key string -- fingerprint name
OPTIONAL MATCH (m:RefreshMeta {key: $key})
RETURN m.value AS value
