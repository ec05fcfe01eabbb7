// name: refresh-run-finish
// description: Record the outcome of a refresh run: finished, status, one property per count, error and per-failure reasons.
// param: key string -- run key
// param: props map -- {started, finished, status, new, changed, unchanged, failed, ..., error, failures}
MERGE (r:RefreshRun {key: $key})
SET r += $props
