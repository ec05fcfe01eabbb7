// name: refresh-schema
// description: Constraints and indexes of the refresh bookkeeping (idempotent). RefreshSource tracks every source identity (path or URL); RefreshRun records every run; RefreshMeta holds fingerprints (reference data written).
CREATE CONSTRAINT refresh_source_id IF NOT EXISTS FOR (n:RefreshSource) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT refresh_run_key IF NOT EXISTS FOR (n:RefreshRun) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT refresh_meta_key IF NOT EXISTS FOR (n:RefreshMeta) REQUIRE n.key IS UNIQUE;
CREATE INDEX refresh_run_status IF NOT EXISTS FOR (n:RefreshRun) ON (n.status);
CREATE INDEX article_source_id IF NOT EXISTS FOR (n:Article) ON (n.source_id)
