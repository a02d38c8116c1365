CREATE TYPE "public"."outbox_retry_reason" AS ENUM('rate_limit', 'provider_error');--> statement-breakpoint
ALTER TYPE "public"."outbox_status" ADD VALUE 'dropped';--> statement-breakpoint
CREATE TABLE "email_send_rate" (
	"provider" text PRIMARY KEY NOT NULL,
	"tokens" double precision NOT NULL,
	"refilled_at" timestamp with time zone NOT NULL,
	"paused_until" timestamp with time zone,
	"reduced_rate" double precision,
	"limited_at" timestamp with time zone,
	"provider_limit" double precision,
	"last_granted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "batchable" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "batch_key" uuid;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "claim_token" uuid;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "failing_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "retry_reason" "outbox_retry_reason";--> statement-breakpoint
CREATE INDEX "email_outbox_batch_idx" ON "email_outbox" USING btree ("batch_key") WHERE "email_outbox"."batch_key" is not null;