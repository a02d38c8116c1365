ALTER TABLE "agenda_items" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "default_locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "default_locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "registration_questions" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "series" ADD COLUMN "default_locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "series" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_translations_object" CHECK (jsonb_typeof("agenda_items"."translations") = 'object');--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_translations_object" CHECK (jsonb_typeof("events"."translations") = 'object');--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_default_locale_known" CHECK ("events"."default_locale" in ('en', 'zh-Hant', 'sv'));--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_translations_object" CHECK (jsonb_typeof("people"."translations") = 'object');--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_default_locale_known" CHECK ("people"."default_locale" in ('en', 'zh-Hant', 'sv'));--> statement-breakpoint
ALTER TABLE "registration_questions" ADD CONSTRAINT "registration_questions_translations_object" CHECK (jsonb_typeof("registration_questions"."translations") = 'object');--> statement-breakpoint
ALTER TABLE "series" ADD CONSTRAINT "series_translations_object" CHECK (jsonb_typeof("series"."translations") = 'object');--> statement-breakpoint
ALTER TABLE "series" ADD CONSTRAINT "series_default_locale_known" CHECK ("series"."default_locale" in ('en', 'zh-Hant', 'sv'));