// Creating, editing, publishing and cancelling events from the organizer
// console. Each change runs in one transaction with its audit entry and the
// registrants' emails (the trigger raises SEQUENCE, so re-sent invites replace
// the old ones in calendars).
import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { eventHosts, eventOrganizers, events, organizations, registrations, series, users, type Event, type HostRole, type User } from "~db/schema";
import { findUserByEmail } from "~/auth/users.server";
import { manageableBy } from "~/auth/event-access.server";
import { freeSlug, isUniqueViolation, type Tx } from "~db/records.server";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import type { Translate } from "~/i18n/translator";
import { instantToZonedWallTime, zonedWallTimeToInstant } from "~/time";
import { describeEventChanges, notifyEventCancelled, notifyEventChanged } from "./event-notifications.server";
import { displayZonesOf, formatReminderHours, parseReminderHours, type EventFormValues, type HostChoice } from "./event-form";
import { lockEvent } from "./event-lock.server";
import { moveProgrammeWithEvent, type ProgrammeMove } from "~/agenda/programme-move.server";
import { fillFreeSeats } from "~/registrations/lifecycle.server";
import { queueEventWebhook } from "~/webhooks/webhook-outbox.server";
import { describeFieldChanges, eventFieldChanges } from "./event-audit";


export type FieldErrors = Partial<Record<keyof EventFormValues | "form", string[]>>;

export type SaveEventOutcome = { ok: true; event: Event } | { ok: false; fieldErrors: FieldErrors };

/** The choices the event form offers: series and organizations. */
export async function loadEventFormChoices(db: Pick<Database, "select">) {
  const [seriesList, organizationList] = await Promise.all([
    db.select({ id: series.id, title: series.title }).from(series).orderBy(asc(series.title)),
    db.select({ id: organizations.id, name: organizations.name, shortName: organizations.shortName }).from(organizations).orderBy(asc(organizations.name)),
  ]);
  return { series: seriesList, organizations: organizationList };
}

/** An event as the form shows it: wall times in its home zone, reminders in hours. */
export async function eventFormDefaults(db: Pick<Database, "select">, event: Event): Promise<Record<string, unknown>> {
  const start = instantToZonedWallTime(event.startsAt, event.homeZone);
  const opens = event.registrationOpensAt ? instantToZonedWallTime(event.registrationOpensAt, event.homeZone) : null;
  const closes = event.registrationClosesAt ? instantToZonedWallTime(event.registrationClosesAt, event.homeZone) : null;
  const hosts = await db.select().from(eventHosts).where(eq(eventHosts.eventId, event.id));
  return {
    title: event.title,
    slug: event.slug,
    summary: event.summary,
    descriptionMd: event.descriptionMd,
    seriesId: event.seriesId ?? "",
    startDate: start.date,
    startTime: start.time,
    startZone: event.homeZone,
    durationMinutes: String(Math.round((event.endsAt.getTime() - event.startsAt.getTime()) / 60_000)),
    zone1: event.displayZones[0] ?? event.homeZone,
    zone2: event.displayZones[1] ?? "",
    zone3: event.displayZones[2] ?? "",
    zone4: event.displayZones[3] ?? "",
    capacity: event.capacity === null ? "" : String(event.capacity),
    requiresApproval: event.requiresApproval ? "on" : undefined,
    registrationOpensDate: opens?.date ?? "",
    registrationOpensTime: opens?.time ?? "",
    registrationClosesDate: closes?.date ?? "",
    registrationClosesTime: closes?.time ?? "",
    reminderHours: formatReminderHours(event.reminderOffsetsMinutes),
    joinUrl: event.joinUrl ?? "",
    speakerCutoffHours: String(Math.round(event.speakerEditCutoffMinutes / 60)),
    hosts: Object.fromEntries(hosts.map((h) => [h.organizationId, h.role])),
  };
}

/** Turns checked form values into columns, or field errors for rules the schema cannot see alone. */
function toColumns(values: EventFormValues, t: Translate): { columns: Omit<typeof events.$inferInsert, "slug" | "status"> } | { fieldErrors: FieldErrors } {
  const at = (date: string | undefined, time: string | undefined) =>
    date && time ? zonedWallTimeToInstant({ date, time, zone: values.startZone }) : null;
  const startsAt = at(values.startDate, values.startTime)!;
  const endsAt = new Date(startsAt.getTime() + values.durationMinutes * 60_000);
  const registrationOpensAt = at(values.registrationOpensDate, values.registrationOpensTime);
  const registrationClosesAt = at(values.registrationClosesDate, values.registrationClosesTime);
  if (registrationOpensAt && registrationClosesAt && registrationClosesAt <= registrationOpensAt) {
    return { fieldErrors: { registrationClosesDate: [t("eventForm.error.closesBeforeOpens")] } };
  }
  if (registrationClosesAt && registrationClosesAt > endsAt) {
    return { fieldErrors: { registrationClosesDate: [t("eventForm.error.closesAfterEnd")] } };
  }
  const reminders = parseReminderHours(values.reminderHours);
  return {
    columns: {
      title: values.title,
      summary: values.summary,
      descriptionMd: values.descriptionMd,
      seriesId: values.seriesId ?? null,
      startsAt,
      endsAt,
      homeZone: values.startZone,
      displayZones: displayZonesOf(values),
      capacity: values.capacity ?? null,
      requiresApproval: values.requiresApproval,
      registrationOpensAt,
      registrationClosesAt,
      reminderOffsetsMinutes: "minutes" in reminders ? reminders.minutes : [1440, 60],
      joinUrl: values.joinUrl ?? null,
      speakerEditCutoffMinutes: (values.speakerCutoffHours ?? 24) * 60,
    },
  };
}

async function checkReferences(tx: Tx, values: EventFormValues, t: Translate): Promise<FieldErrors | null> {
  if (values.seriesId) {
    const [found] = await tx.select({ id: series.id }).from(series).where(eq(series.id, values.seriesId));
    if (!found) return { seriesId: [t("eventForm.error.seriesFromList")] };
  }
  const hostIds = Object.keys(values.hosts);
  if (hostIds.length > 0) {
    const found = await tx.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, hostIds));
    if (found.length !== hostIds.length) return { form: [t("eventForm.error.hostGone")] };
  }
  return null;
}

async function slugTaken(tx: Tx, slug: string, exceptEventId: string | null): Promise<boolean> {
  const [row] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, slug));
  return Boolean(row && row.id !== exceptEventId);
}

/** A free slug from the title: "hkust-kth-webinar", then "hkust-kth-webinar-2", … */
function generateSlug(tx: Tx, title: string): Promise<string> {
  return freeSlug(title, { fallback: "event", isTaken: (slug) => slugTaken(tx, slug, null) });
}

async function replaceHosts(tx: Tx, eventId: string, hosts: Record<string, HostChoice>) {
  await tx.delete(eventHosts).where(eq(eventHosts.eventId, eventId));
  const chosen = Object.entries(hosts).filter(([, role]) => role !== "none");
  if (chosen.length > 0) {
    await tx.insert(eventHosts).values(chosen.map(([organizationId, role], position) => ({ eventId, organizationId, role: role as HostRole, position })));
  }
}

export async function createEventFromForm(
  db: Database,
  { user, values, t = consoleTranslatorFor("en") }: { user: User; values: EventFormValues; t?: Translate },
): Promise<SaveEventOutcome> {
  const converted = toColumns(values, t);
  if ("fieldErrors" in converted) return { ok: false, fieldErrors: converted.fieldErrors };
  try {
    return await db.transaction(async (tx) => {
      const referenceErrors = await checkReferences(tx, values, t);
      if (referenceErrors) return { ok: false, fieldErrors: referenceErrors } as const;
      if (values.slug && (await slugTaken(tx, values.slug, null))) {
        return { ok: false, fieldErrors: { slug: [t("eventForm.error.slugTaken")] } } as const;
      }
      const slug = values.slug ?? (await generateSlug(tx, values.title));
      const [event] = await tx.insert(events).values({ ...converted.columns, slug, status: "draft" }).returning();
      await tx.insert(eventOrganizers).values({ eventId: event!.id, userId: user.id });
      await replaceHosts(tx, event!.id, values.hosts);
      await recordAudit(tx, { actor: actorFor(user), eventId: event!.id, action: "event.created", summary: `Created “${event!.title}” as a draft` });
      return { ok: true, event: event! } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: [t("eventForm.error.slugTaken")] } };
    throw error;
  }
}

/** What a save did besides the fields themselves, for the save message. */
export interface SaveEffects {
  notified: number;
  /** The programme moved with a new start; null when the start did not change. */
  programme: ProgrammeMove | null;
  /** People moved up from the waitlist because capacity rose. */
  promoted: number;
}

export async function updateEventFromForm(
  db: Database,
  { user, eventId, values, links, t = consoleTranslatorFor("en") }: { user: User; eventId: string; values: EventFormValues; links: LinkSigner; t?: Translate },
): Promise<SaveEventOutcome & Partial<SaveEffects>> {
  const converted = toColumns(values, t);
  if ("fieldErrors" in converted) return { ok: false, fieldErrors: converted.fieldErrors };
  try {
    return await db.transaction(async (tx) => {
      const before = await lockEvent(tx, eventId);
      if (!before) return { ok: false, fieldErrors: { form: [t("eventForm.error.eventGone")] } } as const;
      const referenceErrors = await checkReferences(tx, values, t);
      if (referenceErrors) return { ok: false, fieldErrors: referenceErrors } as const;
      const slug = values.slug ?? before.slug;
      if (await slugTaken(tx, slug, eventId)) return { ok: false, fieldErrors: { slug: [t("eventForm.error.slugTaken")] } } as const;
      const [after] = await tx
        .update(events)
        .set({ ...converted.columns, slug, updatedAt: new Date() })
        .where(eq(events.id, eventId))
        .returning();
      await replaceHosts(tx, eventId, values.hosts);
      const programme = await moveProgrammeWithEvent(tx, before, after!);
      const seriesIds = [before.seriesId, after!.seriesId].filter((id): id is string => Boolean(id));
      const seriesTitles = new Map(
        seriesIds.length ? (await tx.select({ id: series.id, title: series.title }).from(series).where(inArray(series.id, seriesIds))).map((s) => [s.id, s.title] as const) : [],
      );
      const changes = eventFieldChanges(before, after!, { seriesTitles });
      const notified = await notifyEventChanged(tx, { before, after: after!, links });
      await recordAudit(tx, {
        actor: actorFor(user),
        eventId,
        action: "event.updated",
        summary: changes.length
          ? `Changed ${describeFieldChanges(changes)}${programme?.moved ? `; ${programme.moved} agenda segment${programme.moved === 1 ? "" : "s"} moved with it` : ""}${notified ? `; ${notified} registrant${notified === 1 ? "" : "s"} emailed` : ""}`
          : "Saved without changes",
        details: { fields: changes.map((c) => c.label), changes, registrantChanges: describeEventChanges(before, after!), programme },
      });
      // A raised capacity (or none at all) seats the waitlist in order, each person emailed.
      const scope = { tx, event: after!, now: new Date(), links };
      const promoted = await fillFreeSeats(scope, "capacity change");
      await queueEventWebhook(tx, "event.updated", scope.event);
      return { ok: true, event: scope.event, notified, programme, promoted: promoted.length } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: [t("eventForm.error.slugTaken")] } };
    throw error;
  }
}

export type StatusChangeOutcome = { ok: true; event: Event; notified: number } | { ok: false; message: string };

export async function publishEvent(db: Database, { user, eventId, t = consoleTranslatorFor("en") }: { user: User; eventId: string; t?: Translate }): Promise<StatusChangeOutcome> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (!event) return { ok: false, message: t("notice.eventGone") } as const;
    if (event.status !== "draft") return { ok: false, message: t("eventOverview.refusal.onlyDraftPublished", { status: t(`events.status.${event.status}`) }) } as const;
    const [after] = await tx.update(events).set({ status: "published", updatedAt: new Date() }).where(eq(events.id, eventId)).returning();
    await recordAudit(tx, { actor: actorFor(user), eventId, action: "event.published", summary: "Published the event" });
    await queueEventWebhook(tx, "event.published", after!);
    return { ok: true, event: after!, notified: 0 } as const;
  });
}

export async function cancelEvent(
  db: Database,
  { user, eventId, links, t = consoleTranslatorFor("en") }: { user: User; eventId: string; links: LinkSigner; t?: Translate },
): Promise<StatusChangeOutcome> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (!event) return { ok: false, message: t("notice.eventGone") } as const;
    if (event.status === "cancelled") return { ok: false, message: t("eventOverview.refusal.alreadyCancelled") } as const;
    const [after] = await tx.update(events).set({ status: "cancelled", updatedAt: new Date() }).where(eq(events.id, eventId)).returning();
    const notified = event.status === "published" ? await notifyEventCancelled(tx, { event: after!, links }) : 0;
    await queueEventWebhook(tx, "event.cancelled", after!);
    await recordAudit(tx, {
      actor: actorFor(user),
      eventId,
      action: "event.cancelled",
      summary: `Cancelled the event${notified ? `; ${notified} registrant${notified === 1 ? "" : "s"} emailed` : ""}`,
    });
    return { ok: true, event: after!, notified } as const;
  });
}

export interface ManagedEventRow {
  id: string;
  slug: string;
  title: string;
  status: Event["status"];
  startsAt: Date;
  endsAt: Date;
  displayZones: string[];
  capacity: number | null;
  confirmed: number;
  waitlisted: number;
  pending: number;
  attended: number;
}

/** The events a user manages, with their registration counts; upcoming first, then past. */
export async function listManagedEvents(
  db: Pick<Database, "select">,
  user: Pick<User, "id" | "role">,
  { when, now, limit = 100 }: { when: "upcoming" | "past"; now: Date; limit?: number },
): Promise<ManagedEventRow[]> {
  const counted = (status: "confirmed" | "waitlisted" | "pending") =>
    sql<number>`(select count(*)::int from ${registrations} r where r.event_id = ${events}.id and r.status = ${status})`;
  const ownership = manageableBy(user);
  const timing = when === "upcoming" ? gte(events.endsAt, now) : lt(events.endsAt, now);
  return db
    .select({
      id: events.id,
      slug: events.slug,
      title: events.title,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      displayZones: events.displayZones,
      capacity: events.capacity,
      confirmed: counted("confirmed"),
      waitlisted: counted("waitlisted"),
      pending: counted("pending"),
      attended: sql<number>`(select count(*)::int from ${registrations} r where r.event_id = ${events}.id and r.first_joined_at is not null)`,
    })
    .from(events)
    .where(ownership ? and(timing, ownership) : timing)
    .orderBy(when === "upcoming" ? asc(events.startsAt) : desc(events.startsAt))
    .limit(limit);
}

/** Organizers who own or co-own the event, for the event overview. */
export async function listEventOrganizers(db: Pick<Database, "select">, eventId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(eventOrganizers)
    .innerJoin(users, eq(users.id, eventOrganizers.userId))
    .where(eq(eventOrganizers.eventId, eventId))
    .orderBy(asc(eventOrganizers.createdAt));
}

/** Shares an event with another organizer account, found by email. */
export async function addCoOrganizer(
  db: Database,
  { user, eventId, email, t = consoleTranslatorFor("en") }: { user: User; eventId: string; email: string; t?: Translate },
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.transaction(async (tx) => {
    const other = await findUserByEmail(tx, email);
    if (!other || other.disabledAt) return { ok: false, message: t("eventOverview.refusal.noOrganizer", { email }) } as const;
    const inserted = await tx.insert(eventOrganizers).values({ eventId, userId: other.id }).onConflictDoNothing().returning();
    if (inserted.length === 0) return { ok: false, message: t("eventOverview.refusal.alreadyShared", { name: other.name }) } as const;
    await recordAudit(tx, { actor: actorFor(user), eventId, action: "event.co_organizer_added", summary: `Shared the event with ${other.name} <${other.email}>` });
    return { ok: true } as const;
  });
}

/** A new event's form: a week from now at 10:00 in the organizer's zone, one hour, reminders 24 h and 1 h before. */
export function newEventDefaults({ zone, now }: { zone: string | null; now: Date }): Record<string, unknown> {
  const home = zone ?? "UTC";
  const day = instantToZonedWallTime(new Date(now.getTime() + 7 * 86_400_000), home).date;
  return {
    startDate: day,
    startTime: "10:00",
    startZone: home,
    durationMinutes: "60",
    zone1: home,
    reminderHours: "24, 1",
    speakerCutoffHours: "24",
    hosts: {},
  };
}
