CREATE TABLE "registration_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"position" bigint GENERATED ALWAYS AS IDENTITY (sequence name "registration_events_position_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"transition" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"invite_sequence" integer,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "registrations" RENAME COLUMN "waitlist_position" TO "waitlist_ticket";--> statement-breakpoint
DROP INDEX "registrations_event_waitlist_idx";--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "seats_taken" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "waitlist_length" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "waitlist_tickets_issued" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "invite_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_events" ADD CONSTRAINT "registration_events_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_events" ADD CONSTRAINT "registration_events_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registration_events" ADD CONSTRAINT "registration_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registration_events_event_idx" ON "registration_events" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "registration_events_registration_idx" ON "registration_events" USING btree ("registration_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_event_waitlist_ticket_idx" ON "registrations" USING btree ("event_id","waitlist_ticket");--> statement-breakpoint
-- Existing data: seat counters from the registrations, tickets continue after the highest
-- waitlist position, and every invite sent from now on rises above those sent before
-- (which used the event's SEQUENCE, or one more for a CANCEL).
UPDATE "events" e SET
  "seats_taken" = (SELECT count(*) FROM "registrations" r WHERE r."event_id" = e."id" AND r."status" = 'confirmed'),
  "waitlist_length" = (SELECT count(*) FROM "registrations" r WHERE r."event_id" = e."id" AND r."status" = 'waitlisted'),
  "waitlist_tickets_issued" = (SELECT coalesce(max(r."waitlist_ticket"), 0) FROM "registrations" r WHERE r."event_id" = e."id");--> statement-breakpoint
UPDATE "registrations" r SET "invite_sequence" = e."sequence" + 1 FROM "events" e WHERE e."id" = r."event_id";--> statement-breakpoint
-- Seat bookkeeping is not a change to the event: it must not move updated_at (LAST-MODIFIED
-- in calendars, the "event changed" email's key). SEQUENCE rules are unchanged.
CREATE OR REPLACE FUNCTION podium_events_before_update() RETURNS trigger AS $$
BEGIN
  IF NEW.starts_at IS DISTINCT FROM OLD.starts_at
     OR NEW.ends_at IS DISTINCT FROM OLD.ends_at
     OR NEW.title IS DISTINCT FROM OLD.title
     OR NEW.status IS DISTINCT FROM OLD.status THEN
    NEW.sequence := OLD.sequence + 1;
  END IF;
  IF (to_jsonb(NEW) - ARRAY['seats_taken', 'waitlist_length', 'waitlist_tickets_issued', 'updated_at'])
     IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['seats_taken', 'waitlist_length', 'waitlist_tickets_issued', 'updated_at']) THEN
    NEW.updated_at := now();
  ELSE
    NEW.updated_at := OLD.updated_at;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
