// name: refresh-gdelt-export-done
// description: Record the outcome of ingesting one GDELT export file.
// param: id string -- the export's URL
// param: hash string -- the checksum the update list gives
// param: status string -- ok or failed
// param: error string -- the reason when failed
// param: events int -- events accepted
MERGE (s:RefreshSource {id: $id})
SET s.kind = 'gdelt', s.hash = $hash, s.status = $status, s.error = $error, s.events = $events, s.seen = datetime()
