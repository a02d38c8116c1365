CREATE TYPE "public"."speaker_response" AS ENUM('invited', 'confirmed', 'declined');--> statement-breakpoint
CREATE TABLE "speaker_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_version" integer DEFAULT 1 NOT NULL,
	"token_hash" text NOT NULL,
	"response" "speaker_response" DEFAULT 'invited' NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "speaker_invitations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "digest_queued_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "speaker_invitations" ADD CONSTRAINT "speaker_invitations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "speaker_invitations" ADD CONSTRAINT "speaker_invitations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "speaker_invitations_event_person_idx" ON "speaker_invitations" USING btree ("event_id","person_id");--> statement-breakpoint
CREATE INDEX "speaker_invitations_person_idx" ON "speaker_invitations" USING btree ("person_id");