CREATE TABLE "content_versions" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	"last_transaction" bigint
);
--> statement-breakpoint
INSERT INTO "content_versions" ("id", "version") VALUES (1, 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Raised at commit (the triggers below are deferred), so the row lock lasts only from
-- the commit's start to its end and readers never see a version before its data.
-- A transaction that changes many rows raises it once.
CREATE OR REPLACE FUNCTION podium_raise_content_version() RETURNS trigger AS $$
BEGIN
  UPDATE content_versions
     SET version = version + 1, last_transaction = txid_current()
   WHERE id = 1 AND last_transaction IS DISTINCT FROM txid_current();
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER events_raise_content_version AFTER INSERT OR UPDATE OR DELETE ON events
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION podium_raise_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER series_raise_content_version AFTER INSERT OR UPDATE OR DELETE ON series
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION podium_raise_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER organizations_raise_content_version AFTER INSERT OR UPDATE OR DELETE ON organizations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION podium_raise_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER event_hosts_raise_content_version AFTER INSERT OR UPDATE OR DELETE ON event_hosts
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION podium_raise_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER people_raise_content_version AFTER INSERT OR UPDATE OR DELETE ON people
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION podium_raise_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agenda_items_raise_content_version AFTER INSERT OR UPDATE OR DELETE ON agenda_items
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION podium_raise_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agenda_roles_raise_content_version AFTER INSERT OR UPDATE OR DELETE ON agenda_roles
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION podium_raise_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER recording_links_raise_content_version AFTER INSERT OR UPDATE OR DELETE ON recording_links
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION podium_raise_content_version();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER registration_questions_raise_content_version AFTER INSERT OR UPDATE OR DELETE ON registration_questions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION podium_raise_content_version();
