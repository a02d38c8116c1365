// The agenda builder: segments of one event (add, edit, reorder, delete, fill
// sequentially) and the people in them. Every change runs in a transaction
// holding the event's row lock, with its audit entry, so two organizers editing
// at once cannot interleave positions.
import { and, asc, desc, eq, inArray, like } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { agendaItems, agendaRoles, auditLog, events, people, type AgendaItem, type Event, type User } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import { lockEvent } from "~/events/event-lock.server";
import { AGENDA_KIND_LABEL, AGENDA_ROLE_LABEL, personDisplayName } from "~/events/labels";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translator";
import { formatInstant, formatTimeRange, instantToZonedWallTime, zonedWallTimeToInstant } from "~/time";
import { invitationState, invitationsByPerson } from "~/speakers/invitations.server";
import { DEFAULT_SEGMENT_MINUTES, agendaProblems, fillSequentially, type AgendaProblem } from "./agenda-plan";

/** Each speaker's most recent change through their portal, for the organizer's eye, in the organizer's zone. */
async function latestSpeakerChanges(db: Pick<Database, "select">, eventId: string, zone: string, locale: Locale): Promise<Map<string, { summary: string; at: string }>> {
  const rows = await db
    .select({ summary: auditLog.summary, createdAt: auditLog.createdAt, details: auditLog.details })
    .from(auditLog)
    .where(and(eq(auditLog.eventId, eventId), like(auditLog.action, "speaker.%")))
    .orderBy(desc(auditLog.createdAt));
  const latest = new Map<string, { summary: string; at: string }>();
  for (const row of rows) {
    const personId = typeof row.details.personId === "string" ? row.details.personId : null;
    if (personId && !latest.has(personId)) latest.set(personId, { summary: row.summary, at: formatInstant(row.createdAt, zone, "dateTime", locale) });
  }
  return latest;
}
import type { SegmentFormValues } from "./agenda-form";
import type { Tx } from "~db/records.server";

/** English, for callers that give no translator (tests, scripts). */
const EN = () => consoleTranslatorFor("en");


/** "Erik Jenelius updated their biography (Friday, 1 February 2030, 23:30 HKT)": the summary is the audit log's own (English) record. */
function lastChangeText(change: { summary: string; at: string } | undefined, t: Translate): string | null {
  return change ? t("agenda.lastChangeAt", { summary: change.summary, at: change.at }) : null;
}

/** A segment's time problem in the reader's words. */
function problemText(problem: AgendaProblem, t: Translate): string {
  return problem.kind === "overlaps" ? t("agenda.problem.overlaps", { title: problem.title }) : t(`agenda.problem.${problem.kind}`);
}

/** `viewerZone`: the organizer's own zone when the browser told us, else the event's home zone. */
export async function loadAgendaBuilder(db: Database, event: Event, viewerZone: string | null = null, locale: Locale = "en") {
  const t = consoleTranslatorFor(locale);
  const items = await db.select().from(agendaItems).where(eq(agendaItems.eventId, event.id)).orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
  const roles = items.length
    ? await db
        .select({ id: agendaRoles.id, agendaItemId: agendaRoles.agendaItemId, role: agendaRoles.role, person: people })
        .from(agendaRoles)
        .innerJoin(people, eq(people.id, agendaRoles.personId))
        .where(inArray(agendaRoles.agendaItemId, items.map((i) => i.id)))
        .orderBy(asc(agendaRoles.position), asc(people.name))
    : [];
  const directory = await db
    .select({ id: people.id, name: people.name, honorific: people.honorific, affiliation: people.affiliation })
    .from(people)
    .orderBy(asc(people.name))
    .limit(1000);
  const personIds = [...new Set(roles.map((r) => r.person.id))];
  const invitations = await invitationsByPerson(db, event.id, personIds);
  const speakerChanges = await latestSpeakerChanges(db, event.id, viewerZone ?? event.homeZone, locale);
  const warnings = agendaProblems(event, items);
  const eventDay = instantToZonedWallTime(event.startsAt, event.homeZone).date;
  return {
    event: { id: event.id, homeZone: event.homeZone, displayZones: event.displayZones, startDate: eventDay },
    segments: items.map((item, index) => {
      const wall = item.startsAt ? instantToZonedWallTime(item.startsAt, event.homeZone) : null;
      return {
        id: item.id,
        kind: item.kind,
        kindLabel: t(`agenda.kind.${item.kind}`),
        title: item.title,
        abstract: item.abstract,
        first: index === 0,
        last: index === items.length - 1,
        times:
          item.startsAt && item.endsAt
            ? event.displayZones.map((zone) => formatTimeRange({ startsAt: item.startsAt!, endsAt: item.endsAt!, zone, locale }))
            : [],
        values: {
          kind: item.kind,
          title: item.title,
          abstract: item.abstract,
          startDate: wall?.date ?? "",
          startTime: wall?.time ?? "",
          durationMinutes: item.startsAt && item.endsAt ? String(Math.round((item.endsAt.getTime() - item.startsAt.getTime()) / 60_000)) : "",
        },
        warnings: (warnings.get(item.id) ?? []).map((problem) => problemText(problem, t)),
        people: roles
          .filter((r) => r.agendaItemId === item.id)
          .map((r) => ({
            roleId: r.id,
            role: r.role,
            roleLabel: t(`agenda.role.${r.role}`),
            personId: r.person.id,
            name: personDisplayName(r.person),
            affiliation: r.person.affiliation,
            hasEmail: Boolean(r.person.email),
            invitation: t(`agenda.invitationState.${invitationState(invitations.get(r.person.id))}`),
            invitationState: invitationState(invitations.get(r.person.id)),
            lastChange: lastChangeText(speakerChanges.get(r.person.id), t),
          })),
      };
    }),
    directory: directory.map((p) => ({ id: p.id, label: `${personDisplayName(p)}${p.affiliation ? ` (${p.affiliation})` : ""}` })),
  };
}

function segmentTimes(event: Event, values: SegmentFormValues): { startsAt: Date | null; endsAt: Date | null } {
  if (!values.startDate || !values.startTime) return { startsAt: null, endsAt: null };
  const startsAt = zonedWallTimeToInstant({ date: values.startDate, time: values.startTime, zone: event.homeZone });
  return { startsAt, endsAt: new Date(startsAt.getTime() + (values.durationMinutes ?? DEFAULT_SEGMENT_MINUTES) * 60_000) };
}

async function lockExistingEvent(tx: Tx, eventId: string): Promise<Event> {
  const event = await lockEvent(tx, eventId);
  if (!event) throw new Response("No such event.", { status: 404 });
  return event;
}

async function touchEvent(tx: Tx, eventId: string) {
  // Not for the public pages (their ETags come from the data itself): so the event's
  // "last changed" reflects agenda edits too.
  await tx.update(events).set({ updatedAt: new Date() }).where(eq(events.id, eventId));
}

async function segmentOf(tx: Tx, eventId: string, itemId: string): Promise<AgendaItem | null> {
  const [item] = await tx.select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.eventId, eventId)));
  return item ?? null;
}

/** Every change below takes the reader's `t` (English when none is given). */
export type AgendaOutcome = { ok: true; message: string } | { ok: false; message: string };

/** A segment of this event by id, for the "delete it?" question; null when it is not (or no longer) there. */
export async function findSegment(db: Pick<Database, "select">, { eventId, itemId }: { eventId: string; itemId: string }): Promise<{ id: string; title: string; people: number } | null> {
  const [item] = await db.select({ id: agendaItems.id, title: agendaItems.title }).from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.eventId, eventId)));
  if (!item) return null;
  const roles = await db.select({ id: agendaRoles.id }).from(agendaRoles).where(eq(agendaRoles.agendaItemId, itemId));
  return { ...item, people: roles.length };
}

export async function addSegment(
  db: Database,
  { user, eventId, values, t = EN() }: { user: User; eventId: string; values: SegmentFormValues; t?: Translate },
): Promise<AgendaOutcome> {
  return db.transaction(async (tx) => {
    const event = await lockExistingEvent(tx, eventId);
    const existing = await tx.select({ position: agendaItems.position }).from(agendaItems).where(eq(agendaItems.eventId, eventId));
    const position = existing.reduce((max, row) => Math.max(max, row.position + 1), 0);
    await tx.insert(agendaItems).values({ eventId, position, kind: values.kind, title: values.title, abstract: values.abstract, ...segmentTimes(event, values) });
    await touchEvent(tx, eventId);
    await recordAudit(tx, { actor: actorFor(user), eventId, action: "agenda.added", summary: `Added ${AGENDA_KIND_LABEL[values.kind].toLowerCase()} “${values.title}”` });
    return { ok: true, message: t("agenda.done.added", { title: values.title }) } as const;
  });
}

export async function updateSegment(
  db: Database,
  { user, eventId, itemId, values, t = EN() }: { user: User; eventId: string; itemId: string; values: SegmentFormValues; t?: Translate },
): Promise<AgendaOutcome> {
  return db.transaction(async (tx) => {
    const event = await lockExistingEvent(tx, eventId);
    const item = await segmentOf(tx, eventId, itemId);
    if (!item) return { ok: false, message: t("agenda.segmentGone") } as const;
    await tx
      .update(agendaItems)
      .set({ kind: values.kind, title: values.title, abstract: values.abstract, ...segmentTimes(event, values), updatedAt: new Date() })
      .where(eq(agendaItems.id, itemId));
    await touchEvent(tx, eventId);
    await recordAudit(tx, {
      actor: actorFor(user),
      eventId,
      action: "agenda.updated",
      summary: item.title === values.title ? `Edited “${values.title}”` : `Edited “${item.title}”, now “${values.title}”`,
    });
    return { ok: true, message: t("agenda.done.saved", { title: values.title }) } as const;
  });
}

export async function deleteSegment(
  db: Database,
  { user, eventId, itemId, t = EN() }: { user: User; eventId: string; itemId: string; t?: Translate },
): Promise<AgendaOutcome> {
  return db.transaction(async (tx) => {
    await lockExistingEvent(tx, eventId);
    const item = await segmentOf(tx, eventId, itemId);
    if (!item) return { ok: false, message: t("agenda.segmentGone") } as const;
    await tx.delete(agendaItems).where(eq(agendaItems.id, itemId));
    await touchEvent(tx, eventId);
    await recordAudit(tx, { actor: actorFor(user), eventId, action: "agenda.deleted", summary: `Deleted “${item.title}”` });
    return { ok: true, message: t("agenda.done.deleted", { title: item.title }) } as const;
  });
}

/** Swaps a segment with its neighbour; positions are renumbered 0…n-1 on the way. */
export async function moveSegment(
  db: Database,
  { user, eventId, itemId, direction, t = EN() }: { user: User; eventId: string; itemId: string; direction: "up" | "down"; t?: Translate },
): Promise<AgendaOutcome> {
  return db.transaction(async (tx) => {
    await lockExistingEvent(tx, eventId);
    const items = await tx.select().from(agendaItems).where(eq(agendaItems.eventId, eventId)).orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
    const index = items.findIndex((i) => i.id === itemId);
    if (index === -1) return { ok: false, message: t("agenda.segmentGone") } as const;
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= items.length) return { ok: false, message: t(direction === "up" ? "agenda.alreadyFirst" : "agenda.alreadyLast", { title: items[index]!.title }) } as const;
    const order = [...items];
    [order[index], order[target]] = [order[target]!, order[index]!];
    for (const [position, item] of order.entries()) {
      if (item.position !== position) await tx.update(agendaItems).set({ position }).where(eq(agendaItems.id, item.id));
    }
    await touchEvent(tx, eventId);
    await recordAudit(tx, { actor: actorFor(user), eventId, action: "agenda.moved", summary: `Moved “${items[index]!.title}” ${direction}` });
    return { ok: true, message: t(direction === "up" ? "agenda.done.movedUp" : "agenda.done.movedDown", { title: items[index]!.title }) } as const;
  });
}

export async function fillAgendaSequentially(db: Database, { user, eventId, t = EN() }: { user: User; eventId: string; t?: Translate }): Promise<AgendaOutcome> {
  return db.transaction(async (tx) => {
    const event = await lockExistingEvent(tx, eventId);
    const items = await tx.select().from(agendaItems).where(eq(agendaItems.eventId, eventId)).orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
    if (items.length === 0) return { ok: false, message: t("agenda.addFirst") } as const;
    for (const planned of fillSequentially(event.startsAt, items)) {
      await tx.update(agendaItems).set({ startsAt: planned.startsAt, endsAt: planned.endsAt, updatedAt: new Date() }).where(eq(agendaItems.id, planned.id));
    }
    await touchEvent(tx, eventId);
    await recordAudit(tx, { actor: actorFor(user), eventId, action: "agenda.filled", summary: `Laid ${items.length} segments end to end from the start` });
    return { ok: true, message: t("agenda.done.filled", { count: items.length }) } as const;
  });
}

export async function attachPerson(
  db: Database,
  {
    user,
    eventId,
    itemId,
    personId,
    role,
    t = EN(),
  }: { user: User; eventId: string; itemId: string; personId: string; role: (typeof agendaRoles.$inferInsert)["role"]; t?: Translate },
): Promise<AgendaOutcome> {
  return db.transaction(async (tx) => {
    await lockExistingEvent(tx, eventId);
    const item = await segmentOf(tx, eventId, itemId);
    if (!item) return { ok: false, message: t("agenda.segmentGone") } as const;
    const [person] = await tx.select().from(people).where(eq(people.id, personId));
    if (!person) return { ok: false, message: t("agenda.personNotInDirectory") } as const;
    const existing = await tx.select({ id: agendaRoles.id }).from(agendaRoles).where(eq(agendaRoles.agendaItemId, itemId));
    const inserted = await tx
      .insert(agendaRoles)
      .values({ agendaItemId: itemId, personId, role, position: existing.length })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) return { ok: false, message: t("agenda.alreadyInRole", { name: person.name, role: t(`agenda.role.${role}`).toLowerCase(), title: item.title }) } as const;
    await touchEvent(tx, eventId);
    await recordAudit(tx, { actor: actorFor(user), eventId, action: "agenda.person_added", summary: `Added ${person.name} as ${AGENDA_ROLE_LABEL[role].toLowerCase()} of “${item.title}”` });
    return { ok: true, message: t("agenda.done.personAdded", { name: person.name, title: item.title }) } as const;
  });
}

export async function detachPerson(db: Database, { user, eventId, roleId, t = EN() }: { user: User; eventId: string; roleId: string; t?: Translate }): Promise<AgendaOutcome> {
  return db.transaction(async (tx) => {
    await lockExistingEvent(tx, eventId);
    const [row] = await tx
      .select({ id: agendaRoles.id, role: agendaRoles.role, title: agendaItems.title, name: people.name })
      .from(agendaRoles)
      .innerJoin(agendaItems, eq(agendaItems.id, agendaRoles.agendaItemId))
      .innerJoin(people, eq(people.id, agendaRoles.personId))
      .where(and(eq(agendaRoles.id, roleId), eq(agendaItems.eventId, eventId)));
    if (!row) return { ok: false, message: t("agenda.personGone") } as const;
    await tx.delete(agendaRoles).where(eq(agendaRoles.id, roleId));
    await touchEvent(tx, eventId);
    await recordAudit(tx, { actor: actorFor(user), eventId, action: "agenda.person_removed", summary: `Removed ${row.name} (${AGENDA_ROLE_LABEL[row.role].toLowerCase()}) from “${row.title}”` });
    return { ok: true, message: t("agenda.done.personRemoved", { name: row.name, title: row.title }) } as const;
  });
}
