// name: refresh-gdelt-export-seen
// description: Whether a GDELT export file was already ingested with this checksum.
// param: id string -- the export's URL
// param: hash string -- the checksum the update list gives
OPTIONAL MATCH (s:RefreshSource {id: $id})
RETURN s IS NOT NULL AND s.hash = $hash AND s.status = 'ok' AS seen
