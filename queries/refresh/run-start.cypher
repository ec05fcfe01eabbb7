// name: refresh-run-start
// description: Record a refresh run as running; runs left 'running' by a process that died are marked interrupted (only one refresh runs at a time, under the lock).
// param: key string -- run key
// param: props map -- {started, host, pid, sources}
MATCH (old:RefreshRun {status: 'running'})
WHERE old.key <> $key
SET old.status = 'interrupted', old.finished = datetime(),
    old.error = 'the process ended before the run finished (killed or crashed); the next run completed its work'
WITH count(old) AS interrupted
MERGE (r:RefreshRun {key: $key})
SET r += $props, r.status = 'running'
RETURN interrupted
