// name: refresh-article-extra
// description: Refresh bookkeeping on an article: its source identity, size, mtime, stored extraction and the people of its undated events.
// param: key string -- article key
// param: props map -- {source_id, size, mtime, extraction, extraction_format, undated_parts}
MATCH (a:Article {key: $key})
SET a.source_id = $props.source_id, a.size = $props.size, a.mtime = $props.mtime,
    a.extraction = $props.extraction, a.extraction_format = $props.extraction_format,
    a.undated_parts = $props.undated_parts
