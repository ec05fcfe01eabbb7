// name: schema
// description: Constraints and indexes, created before any MERGE. Idempotent (IF NOT EXISTS). One statement per line group separated by semicolons.
CREATE CONSTRAINT actor_key IF NOT EXISTS FOR (n:Actor) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT country_key IF NOT EXISTS FOR (n:Country) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT place_key IF NOT EXISTS FOR (n:Place) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT event_key IF NOT EXISTS FOR (n:Event) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT article_key IF NOT EXISTS FOR (n:Article) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT claim_key IF NOT EXISTS FOR (n:Claim) REQUIRE n.key IS UNIQUE;
CREATE INDEX country_iso3 IF NOT EXISTS FOR (n:Country) ON (n.iso3);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX organization_acronym IF NOT EXISTS FOR (n:Organization) ON (n.acronym);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date);
CREATE INDEX event_category IF NOT EXISTS FOR (n:Event) ON (n.category);
CREATE INDEX article_path IF NOT EXISTS FOR (n:Article) ON (n.path);
CREATE INDEX article_hash IF NOT EXISTS FOR (n:Article) ON (n.hash)
