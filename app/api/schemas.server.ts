// One zod schema per resource: the API validates with these and the OpenAPI document is
// generated from them (decision 019), so the contract cannot drift from the code.
import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { agendaItemKind, agendaRoleKind, eventStatus, hostRole } from "~db/schema";
import { isValidTimeZone } from "~/time";
import { DESCRIPTION_MAX, MAX_DISPLAY_ZONES, MAX_REMINDERS, SUMMARY_MAX, TITLE_MAX } from "~/events/event-form";
import { AFFILIATION_MAX, EMAIL_MAX, NAME_MAX } from "~/registrations/registration-form";
import { REGISTRATION_STATES } from "~/registrations/lifecycle.server";
import { STATUS_FILTERS } from "~/registrations/registration-status";
import { SUPPORTED_LOCALES } from "~/i18n/locales";

extendZodWithOpenApi(z);

export { z };

export const MAX_PAGE = 200;

const zoneName = z
  .string()
  .max(64)
  .refine(isValidTimeZone, "Use an IANA time zone name, such as Europe/Stockholm")
  .openapi({ description: "IANA time zone name", example: "Europe/Stockholm" });
const instant = z.string().datetime({ offset: true }).openapi({ description: "RFC 3339 instant with its offset", example: "2026-12-03T10:00:00+01:00" });
const uuid = z.string().uuid();
/** Read-only (decision 023): the console edits translations; the API shows them. */
const language = z.enum(SUPPORTED_LOCALES).openapi({ description: "The language the plain fields are written in (`en`, `zh-Hant`, `sv`)" });
const translations = (fields: string) =>
  z.record(z.string(), z.record(z.string(), z.union([z.string(), z.array(z.string())]))).openapi({
    description: `Read-only. Text in other languages, by language code then field (${fields}); a field left out falls back to the source language. Edited in the console.`,
    example: { sv: { title: "Att möta en värld i förändring" } },
  });

// ── Resources (what the API answers) ─────────────────────────────────────────

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z
      .array(z.object({ field: z.string().openapi({ description: "The field at fault, as a JSON pointer-like path (e.g. `answers.q1`)" }), detail: z.string() }).strict())
      .optional(),
  })
  .openapi("Problem", { description: "RFC 9457 problem document" });

const eventShape = {
    id: uuid,
    slug: z.string(),
    url: z.string().url().openapi({ description: "The public page (visible once published)" }),
    title: z.string(),
    summary: z.string(),
    description_md: z.string(),
    status: z.enum(eventStatus.enumValues),
    series_id: uuid.nullable(),
    time_zone: z.string().openapi({ description: "The IANA zone the event was entered in; every instant below carries its offset" }),
    display_zones: z.array(z.string()),
    starts_at: instant,
    ends_at: instant,
    capacity: z.number().int().nullable(),
    seats_taken: z.number().int(),
    waitlist_length: z.number().int(),
    requires_approval: z.boolean(),
    registration_opens_at: instant.nullable(),
    registration_closes_at: instant.nullable(),
    reminder_hours: z.array(z.number()),
    join_url: z.string().nullable(),
    speaker_cutoff_hours: z.number(),
    default_language: language,
    translations: translations("`title`, `summary`, `description_md`"),
    created_at: instant,
    updated_at: instant,
};

export const EventSchema = z.object(eventShape).strict().openapi("Event");

// Spelled out rather than extended: an extension becomes allOf, which a strict Event would refuse.
export const EventDetailSchema = z.object({
  ...eventShape,
  hosts: z.array(z.object({ organization_id: uuid, name: z.string(), short_name: z.string(), role: z.enum(hostRole.enumValues) }).strict()),
  agenda: z.array(
    z
      .object({
        id: uuid,
        kind: z.enum(agendaItemKind.enumValues),
        title: z.string(),
        abstract: z.string(),
        translations: translations("`title`, `abstract`; written in the event's `default_language`"),
        starts_at: instant.nullable(),
        ends_at: instant.nullable(),
        people: z.array(z.object({ person_id: uuid, name: z.string(), role: z.enum(agendaRoleKind.enumValues) }).strict()),
      })
      .strict(),
  ),
  people: z.array(z.object({ id: uuid, slug: z.string(), name: z.string(), roles: z.array(z.enum(agendaRoleKind.enumValues)) }).strict()),
})
  .strict()
  .openapi("EventDetail");

export const RegistrationSchema = z
  .object({
    id: uuid,
    event_id: uuid,
    name: z.string(),
    email: z.string(),
    affiliation: z.string(),
    time_zone: z.string().openapi({ description: "The registrant's IANA zone; every instant below carries its offset" }),
    status: z.enum(REGISTRATION_STATES),
    waitlist_position: z.number().int().nullable(),
    answers: z.record(z.union([z.string(), z.array(z.string()), z.boolean()])),
    created_at: instant,
    updated_at: instant,
    confirmed_at: instant.nullable(),
    cancelled_at: instant.nullable(),
    attended_at: instant.nullable(),
  })
  .strict()
  .openapi("Registration");

const directoryInstants = {
  time_zone: z.literal("UTC").openapi({ description: "Directory entries belong to no zone; their instants are in UTC" }),
  created_at: instant,
  updated_at: instant,
};

export const SeriesSchema = z
  .object({
    id: uuid,
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    default_language: language,
    translations: translations("`title`, `description`"),
    ...directoryInstants,
  })
  .strict()
  .openapi("Series");

export const OrganizationSchema = z
  .object({ id: uuid, slug: z.string(), name: z.string(), short_name: z.string(), website_url: z.string().nullable(), ...directoryInstants })
  .strict()
  .openapi("Organization");

export const PersonSchema = z
  .object({
    id: uuid,
    slug: z.string(),
    honorific: z.string(),
    name: z.string(),
    position: z.string(),
    affiliation: z.string(),
    bio: z.string(),
    default_language: language,
    translations: translations("`position`, `bio`"),
    photo_url: z.string().nullable(),
    home_zone: z.string().nullable(),
    email: z.string().nullable().openapi({ description: "Only when your account may see this person's contact details (as in the console); otherwise null" }),
    ...directoryInstants,
  })
  .strict()
  .openapi("Person");

export function pageOf<T extends z.ZodTypeAny>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      next_cursor: z.string().nullable().openapi({ description: "Pass as `cursor` for the next page; null on the last page" }),
    })
    .strict()
    .openapi(name);
}

// ── Inputs ───────────────────────────────────────────────────────────────────

const eventFields = {
  title: z.string().max(TITLE_MAX),
  slug: z.string().max(80).openapi({ description: "Address of the public page; generated from the title when left out" }),
  summary: z.string().max(SUMMARY_MAX),
  description_md: z.string().max(DESCRIPTION_MAX),
  series_id: uuid.nullable(),
  starts_at: instant.openapi({ description: "Whole minutes" }),
  time_zone: zoneName.openapi({ description: "The zone the event is entered in (its home zone)" }),
  duration_minutes: z.number().int(),
  display_zones: z.array(zoneName).min(1).max(MAX_DISPLAY_ZONES).openapi({ description: "Zones the event is shown in, first leading; defaults to time_zone" }),
  capacity: z.number().int().nullable(),
  requires_approval: z.boolean(),
  registration_opens_at: instant.nullable(),
  registration_closes_at: instant.nullable(),
  reminder_hours: z.array(z.number()).max(MAX_REMINDERS),
  join_url: z.string().max(2000).nullable(),
  speaker_cutoff_hours: z.number().int(),
  hosts: z.array(z.object({ organization_id: uuid, role: z.enum(hostRole.enumValues) }).strict()).max(50),
};

export const EventCreateSchema = z
  .object({ ...eventFields })
  .partial()
  .required({ title: true, starts_at: true, time_zone: true, duration_minutes: true })
  .strict()
  .openapi("EventCreate");

export const EventUpdateSchema = z
  .object({ ...eventFields })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, "Send at least one field to change")
  .openapi("EventUpdate");

export type EventCreateInput = z.infer<typeof EventCreateSchema>;
export type EventUpdateInput = z.infer<typeof EventUpdateSchema>;

export const RegistrationCreateSchema = z
  .object({
    name: z.string().max(NAME_MAX),
    email: z.string().max(EMAIL_MAX),
    affiliation: z.string().max(AFFILIATION_MAX).optional(),
    time_zone: z.string().max(100).openapi({ description: "IANA zone (or a city the public form would accept)" }),
    consent: z.literal(true).openapi({ description: "The person agreed to the privacy notice, as on the public form" }),
    answers: z
      .record(z.union([z.string(), z.array(z.string()), z.boolean()]))
      .optional()
      .openapi({ description: "Answers to the event's questions, by question id" }),
  })
  .strict()
  .openapi("RegistrationCreate");

export type RegistrationCreateInput = z.infer<typeof RegistrationCreateSchema>;

/** Transitions take no body; an empty object is accepted too. */
export const NoBodySchema = z.object({}).strict().optional();

// ── Queries and paths ────────────────────────────────────────────────────────

const pageQuery = {
  cursor: z.string().max(500).optional().openapi({ description: "The `next_cursor` of the previous page" }),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).optional().openapi({ description: `Items per page, 1–${MAX_PAGE} (default 50)` }),
};

export const EventListQuery = z
  .object({
    when: z.enum(["upcoming", "past"]).optional().openapi({ description: "upcoming: not yet ended, soonest first; past: ended, latest first" }),
    series_id: uuid.optional(),
    updated_since: instant.optional().openapi({ description: "Only events changed at or after this instant, oldest change first" }),
    ...pageQuery,
  })
  .strict();

export const RegistrationListQuery = z
  .object({
    status: z.enum(STATUS_FILTERS).optional(),
    updated_since: instant.optional().openapi({ description: "Only registrations changed at or after this instant, oldest change first: export incrementally" }),
    ...pageQuery,
  })
  .strict();

export const DirectoryListQuery = z.object({ ...pageQuery }).strict();

export const EventPath = z.object({ eventId: uuid });
export const RegistrationPath = z.object({ eventId: uuid, registrationId: uuid });
export const SeriesPath = z.object({ seriesId: uuid });
export const OrganizationPath = z.object({ organizationId: uuid });
export const PersonPath = z.object({ personId: uuid });
