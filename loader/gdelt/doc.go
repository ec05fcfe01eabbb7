// Package gdelt imports GDELT event data into eventgraph's Neo4j graph,
// with the bulk write path eventgraph uses for large inputs.
//
// Reading (Open, Read): GDELT 2.0 exports (61 tab-separated columns, plain
// or .zip), GDELT 1.0 daily files (58 columns, or 57 without SOURCEURL)
// and delimited re-exports with a header line (comma-separated, quoted,
// NA for empty). Rows are streamed one at a time; a bad row is skipped and
// reported with file:line and the reason. By default only the cooperative
// diplomatic CAMEO roots 03-06 are kept (Options.All keeps everything).
//
// Mapping (Mapper): actor country codes (CAMEO, with its non-ISO quirks
// such as ROM and TMP) become country:<iso3> keys when the knowledge base
// has the country, CAMEO known groups (NAT, EEC, UNO, …) become
// organization keys, and actor names equal to a knowledge-base person's
// name form (case-insensitive, two words or more) become person keys.
// Unmapped actors keep their GDELT code and name on the event.
//
// Graph (Writer, queries/write/gdelt-*.cypher):
//
//	(:Event {key: 'gdelt:<GlobalEventID>', source: 'gdelt', category, cameo, cameo_base, cameo_root,
//	         quad_class, goldstein, avg_tone, num_mentions, num_sources, num_articles, is_root,
//	         date, date_added, url, place, country, lat, lon,
//	         actor1_code, actor1_name, actor2_code, actor2_name, participants})
//	(:Country|:Organization|:Person)-[:PARTICIPATED_IN {side: 1|2}]->(:Event)
//	(:Event)-[:HELD_IN]->(:Place:Actor {key: 'place:gdelt:<featureid>', name, full_name, lat, lon})-[:IN]->(:Country)
//
// Provenance is the event's url property (GDELT's SOURCEURL, one per
// event), not a Source node: a node per URL would add a node and a
// relationship per event for no query eventgraph runs.
//
// Writing (Writer, BulkWriter): batched UNWIND … MERGE statements, nodes
// before relationships, several concurrent transactions partitioned so
// that they do not lock the same nodes; see Writer and BulkWriter. Bench
// compares the bulk path with LOAD CSV and a naive loop on the same rows.
//
// Sources of embedded lookup data: data/CAMEO.eventcodes.txt is GDELT's
// CAMEO.eventcodes.txt; data/fips_iso3.tsv is derived from a public FIPS
// 10-4 to ISO 3166 table (see cameo.go).
package gdelt
