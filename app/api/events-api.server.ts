// /api/v1/events: the console's own area functions behind JSON. Input is turned into the
// event form's values and checked by the form's schema, so the API and the console share
// every rule (decision 019); ownership is part of every query (decision 006).
import { and, asc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { eventHosts, events, organizations, type Event, type TranslationsColumn, type User } from "~db/schema";
import { sourceLocaleOf } from "~/i18n/localize-content";
import { cancelEvent, createEventFromForm, eventFormDefaults, publishEvent, updateEventFromForm, type FieldErrors } from "~/events/event-admin.server";
import { eventFormSchemaIn, type EventFormValues } from "~/events/event-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import { loadAgenda } from "~/events/public-events.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { instantToZonedWallTime, toIsoWithOffset } from "~/time";
import { ApiProblem, notFound, type FieldError } from "./api-problem.server";
import { tokenEventFilter, type TokenOwner } from "./api-tokens.server";
import { afterCursor, DEFAULT_PAGE, orderOf, pageFrom, sortValue, type Ordering } from "./pagination.server";
import type { EventCreateInput, EventDetailSchema, EventListQuery, EventSchema, EventUpdateInput, z } from "./schemas.server";

type EventResource = z.infer<typeof EventSchema>;

/** A translations column with the API's field names (`descriptionMd` → `description_md`). */
export function apiTranslations(column: TranslationsColumn): Record<string, Record<string, string | string[]>> {
  const renamed: Record<string, Record<string, string | string[]>> = {};
  for (const [code, fields] of Object.entries(column)) {
    if (!fields) continue;
    renamed[code] = Object.fromEntries(Object.entries(fields).map(([field, text]) => [field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), text]));
  }
  return renamed;
}
type EventDetailResource = z.infer<typeof EventDetailSchema>;

export function eventResource(event: Event, origin: string): EventResource {
  const at = (instant: Date) => toIsoWithOffset(instant, event.homeZone);
  return {
    id: event.id,
    slug: event.slug,
    url: `${origin}/events/${event.slug}`,
    title: event.title,
    summary: event.summary,
    description_md: event.descriptionMd,
    status: event.status,
    series_id: event.seriesId,
    time_zone: event.homeZone,
    display_zones: event.displayZones,
    starts_at: at(event.startsAt),
    ends_at: at(event.endsAt),
    capacity: event.capacity,
    seats_taken: event.seatsTaken,
    waitlist_length: event.waitlistLength,
    requires_approval: event.requiresApproval,
    registration_opens_at: event.registrationOpensAt ? at(event.registrationOpensAt) : null,
    registration_closes_at: event.registrationClosesAt ? at(event.registrationClosesAt) : null,
    reminder_hours: event.reminderOffsetsMinutes.map((minutes) => Math.round((minutes / 60) * 100) / 100),
    join_url: event.joinUrl,
    speaker_cutoff_hours: Math.round(event.speakerEditCutoffMinutes / 60),
    default_language: sourceLocaleOf(event),
    translations: apiTranslations(event.translations),
    created_at: at(event.createdAt),
    updated_at: at(event.updatedAt),
  };
}

/** The event when the token may use it; otherwise 404, whether it exists or not. */
export async function findEventForToken(db: Pick<Database, "select">, owner: TokenOwner, eventId: string): Promise<Event> {
  const filter = tokenEventFilter(owner);
  const [event] = await db
    .select()
    .from(events)
    .where(filter ? and(eq(events.id, eventId), filter) : eq(events.id, eventId));
  if (!event) throw notFound("event");
  return event;
}

export async function listEvents(db: Database, owner: TokenOwner, query: z.infer<typeof EventListQuery>, { origin, now }: { origin: string; now: Date }) {
  const ordering: Ordering = query.updated_since
    ? { name: "events.updated", column: events.updatedAt, id: events.id, direction: "asc" }
    : { name: `events.start.${query.when === "past" ? "desc" : "asc"}`, column: events.startsAt, id: events.id, direction: query.when === "past" ? "desc" : "asc" };
  const limit = query.limit ?? DEFAULT_PAGE;
  const conditions: (SQL | undefined)[] = [
    tokenEventFilter(owner),
    query.when === "upcoming" ? gte(events.endsAt, now) : query.when === "past" ? lt(events.endsAt, now) : undefined,
    query.series_id ? eq(events.seriesId, query.series_id) : undefined,
    query.updated_since ? gte(events.updatedAt, new Date(query.updated_since)) : undefined,
    afterCursor(ordering, query.cursor),
  ];
  const rows = await db
    .select({ event: events, sortValue: sortValue(ordering.column), id: events.id })
    .from(events)
    .where(and(...conditions))
    .orderBy(...orderOf(ordering))
    .limit(limit + 1);
  return pageFrom(rows, limit, ordering, (row) => eventResource(row.event, origin));
}

export async function eventDetail(db: Database, event: Event, origin: string): Promise<EventDetailResource> {
  const [hosts, agenda] = await Promise.all([
    db
      .select({ organization_id: organizations.id, name: organizations.name, short_name: organizations.shortName, role: eventHosts.role })
      .from(eventHosts)
      .innerJoin(organizations, eq(organizations.id, eventHosts.organizationId))
      .where(eq(eventHosts.eventId, event.id))
      .orderBy(asc(eventHosts.position)),
    loadAgenda(db, event.id),
  ]);
  const at = (instant: Date | null) => (instant ? toIsoWithOffset(instant, event.homeZone) : null);
  const people = new Map<string, EventDetailResource["people"][number]>();
  for (const person of agenda.flatMap((item) => item.people)) {
    const entry = people.get(person.id) ?? { id: person.id, slug: person.slug, name: person.name, roles: [] };
    if (!entry.roles.includes(person.role)) entry.roles.push(person.role);
    people.set(person.id, entry);
  }
  return {
    ...eventResource(event, origin),
    hosts,
    agenda: agenda.map((item) => ({
      id: item.id,
      kind: item.kind,
      title: item.title,
      abstract: item.abstract,
      translations: apiTranslations(item.translations),
      starts_at: at(item.startsAt),
      ends_at: at(item.endsAt),
      people: item.people.map((person) => ({ person_id: person.id, name: person.name, role: person.role })),
    })),
    people: [...people.values()],
  };
}

// ── Writing: API fields ⇄ the event form ─────────────────────────────────────

/** Which API field a form field's error belongs to. */
const API_FIELD: Record<string, string> = {
  descriptionMd: "description_md",
  seriesId: "series_id",
  startDate: "starts_at",
  startTime: "starts_at",
  startZone: "time_zone",
  durationMinutes: "duration_minutes",
  zone1: "display_zones",
  zone2: "display_zones",
  zone3: "display_zones",
  zone4: "display_zones",
  requiresApproval: "requires_approval",
  registrationOpensDate: "registration_opens_at",
  registrationOpensTime: "registration_opens_at",
  registrationClosesDate: "registration_closes_at",
  registrationClosesTime: "registration_closes_at",
  reminderHours: "reminder_hours",
  joinUrl: "join_url",
  speakerCutoffHours: "speaker_cutoff_hours",
  form: "",
};

function apiFieldErrors(errors: Record<string, string[] | undefined>): FieldError[] {
  return Object.entries(errors).flatMap(([field, messages]) => (messages ?? []).map((detail) => ({ field: API_FIELD[field] ?? field, detail })));
}

function wholeMinutes(field: string, text: string | null | undefined): FieldError[] {
  if (!text) return [];
  const ms = Date.parse(text);
  return ms % 60_000 === 0 ? [] : [{ field, detail: "Times are whole minutes (no seconds)" }];
}

/**
 * The event form's values for an API body: over the event's current values when updating.
 * Instants are re-expressed as wall times in the (possibly new) zone, so changing only the
 * zone keeps the instant.
 */
function formRecord(input: EventUpdateInput, current: { record: Record<string, unknown>; event: Event } | null): Record<string, unknown> {
  const record: Record<string, unknown> = { ...(current?.record ?? {}) };
  const zone = input.time_zone ?? current?.event.homeZone ?? "UTC";
  const wall = (instant: Date) => instantToZonedWallTime(instant, zone);
  const startsAt = input.starts_at ? new Date(input.starts_at) : current?.event.startsAt;
  if (startsAt) Object.assign(record, { startDate: wall(startsAt).date, startTime: wall(startsAt).time });
  record.startZone = zone;
  for (const [key, given, kept] of [
    ["registrationOpens", input.registration_opens_at, current?.event.registrationOpensAt],
    ["registrationCloses", input.registration_closes_at, current?.event.registrationClosesAt],
  ] as const) {
    const instant = given === undefined ? kept : given === null ? null : new Date(given);
    record[`${key}Date`] = instant ? wall(instant).date : undefined;
    record[`${key}Time`] = instant ? wall(instant).time : undefined;
  }
  const simple: [keyof EventUpdateInput, string][] = [
    ["title", "title"],
    ["slug", "slug"],
    ["summary", "summary"],
    ["description_md", "descriptionMd"],
  ];
  for (const [from, to] of simple) if (input[from] !== undefined) record[to] = input[from];
  if (input.series_id !== undefined) record.seriesId = input.series_id ?? undefined;
  if (input.duration_minutes !== undefined) record.durationMinutes = String(input.duration_minutes);
  const zones = input.display_zones ?? (current ? undefined : [zone]);
  if (zones) for (let i = 0; i < 4; i += 1) record[`zone${i + 1}`] = zones[i];
  if (input.capacity !== undefined) record.capacity = input.capacity === null ? undefined : String(input.capacity);
  if (input.requires_approval !== undefined) record.requiresApproval = input.requires_approval;
  if (input.reminder_hours !== undefined) record.reminderHours = input.reminder_hours.join(", ");
  if (input.join_url !== undefined) record.joinUrl = input.join_url ?? undefined;
  if (input.speaker_cutoff_hours !== undefined) record.speakerCutoffHours = String(input.speaker_cutoff_hours);
  if (input.hosts !== undefined) record.hosts = Object.fromEntries(input.hosts.map((h) => [h.organization_id, h.role]));
  // The form leaves empty fields out (Conform turns "" into undefined); so do we.
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== "" && value !== undefined));
}

function checkedValues(input: EventUpdateInput, current: { record: Record<string, unknown>; event: Event } | null): EventFormValues {
  const minuteErrors = [
    ...wholeMinutes("starts_at", input.starts_at),
    ...wholeMinutes("registration_opens_at", input.registration_opens_at),
    ...wholeMinutes("registration_closes_at", input.registration_closes_at),
  ];
  if (input.hosts && new Set(input.hosts.map((h) => h.organization_id)).size !== input.hosts.length) minuteErrors.push({ field: "hosts", detail: "Each organization only once" });
  if (minuteErrors.length) throw new ApiProblem(422, "Some fields need correcting.", minuteErrors);
  // The API answers in English by design.
  const parsed = eventFormSchemaIn(consoleTranslatorFor("en")).safeParse(formRecord(input, current));
  if (!parsed.success) throw new ApiProblem(422, "Some fields need correcting.", apiFieldErrors(parsed.error.flatten().fieldErrors));
  return parsed.data;
}

function saveProblem(fieldErrors: FieldErrors): ApiProblem {
  const errors = apiFieldErrors(fieldErrors);
  // The address being taken is a conflict with another event, not a malformed request.
  if (errors.some((e) => e.field === "slug")) return new ApiProblem(409, "Another event already uses this slug.", errors);
  return new ApiProblem(422, errors.find((e) => e.field === "")?.detail ?? "Some fields need correcting.", errors.filter((e) => e.field !== ""));
}

export async function createEvent(db: Database, { user, input, origin }: { user: User; input: EventCreateInput; origin: string }) {
  const values = checkedValues(input, null);
  const outcome = await createEventFromForm(db, { user, values });
  if (!outcome.ok) throw saveProblem(outcome.fieldErrors);
  return eventDetail(db, outcome.event, origin);
}

export async function updateEvent(db: Database, { user, event, input, origin, links }: { user: User; event: Event; input: EventUpdateInput; origin: string; links: LinkSigner }) {
  const record = await eventFormDefaults(db, event);
  const values = checkedValues(input, { record, event });
  const outcome = await updateEventFromForm(db, { user, eventId: event.id, values, links });
  if (!outcome.ok) throw saveProblem(outcome.fieldErrors);
  return eventDetail(db, outcome.event, origin);
}

export async function changeEventStatus(
  db: Database,
  { user, event, to, origin, links }: { user: User; event: Event; to: "published" | "cancelled"; origin: string; links: LinkSigner },
) {
  const outcome = to === "published" ? await publishEvent(db, { user, eventId: event.id }) : await cancelEvent(db, { user, eventId: event.id, links });
  if (!outcome.ok) throw new ApiProblem(409, outcome.message);
  return eventDetail(db, outcome.event, origin);
}
