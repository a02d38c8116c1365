// Duplicating an event: a new draft with the original's settings, hosts,
// agenda (its people and roles, times moved with the event) and registration
// questions, at a new start the organizer types. Registrations, recordings,
// speaker invitations and the webinar link stay with the original: they belong
// to that occasion, and a copied meeting link would send people to the wrong room.
import { asc, eq, inArray } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { agendaItems, agendaRoles, eventHosts, eventOrganizers, events, registrationQuestions, type Event, type User } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import { freeSlug, isUniqueViolation, type Tx } from "~db/records.server";
import { formatEventRange, instantToZonedWallTime, zonedWallTimeToInstant } from "~/time";
import type { DuplicateEventValues } from "./duplicate-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import type { Translate } from "~/i18n/translator";

export type DuplicateOutcome = { ok: true; event: Event } | { ok: false; fieldErrors: Partial<Record<keyof DuplicateEventValues | "form", string[]>> };

/** The form's first values: the original's title and start time, and no date, so the new date is a choice. */
export function duplicateFormDefaults(event: Event): Record<string, string> {
  return { title: event.title, startDate: "", startTime: instantToZonedWallTime(event.startsAt, event.homeZone).time, slug: "" };
}

function newStart(values: DuplicateEventValues, zone: string): Date | null {
  try {
    return zonedWallTimeToInstant({ date: values.startDate, time: values.startTime, zone });
  } catch {
    return null;
  }
}

const shifted = (instant: Date | null, by: number) => (instant ? new Date(instant.getTime() + by) : null);

async function slugTaken(tx: Tx, slug: string): Promise<boolean> {
  const [row] = await tx.select({ id: events.id }).from(events).where(eq(events.slug, slug)).limit(1);
  return Boolean(row);
}

async function copyAgenda(tx: Tx, from: Event, toId: string, by: number) {
  const items = await tx.select().from(agendaItems).where(eq(agendaItems.eventId, from.id)).orderBy(asc(agendaItems.position));
  if (items.length === 0) return;
  const roles = await tx.select().from(agendaRoles).where(inArray(agendaRoles.agendaItemId, items.map((i) => i.id)));
  for (const item of items) {
    const [copy] = await tx
      .insert(agendaItems)
      .values({
        eventId: toId,
        position: item.position,
        kind: item.kind,
        title: item.title,
        abstract: item.abstract,
        startsAt: shifted(item.startsAt, by),
        endsAt: shifted(item.endsAt, by),
        materialsUrl: item.materialsUrl,
      })
      .returning({ id: agendaItems.id });
    const mine = roles.filter((r) => r.agendaItemId === item.id);
    if (mine.length) await tx.insert(agendaRoles).values(mine.map((r) => ({ agendaItemId: copy!.id, personId: r.personId, role: r.role, position: r.position })));
  }
}

export async function duplicateEvent(
  db: Database,
  { user, source, values, now, t = consoleTranslatorFor("en") }: { user: User; source: Event; values: DuplicateEventValues; now: Date; t?: Translate },
): Promise<DuplicateOutcome> {
  const slugTakenMessage = t("eventDuplicate.error.slugTaken");
  const startsAt = newStart(values, source.homeZone);
  if (!startsAt) return { ok: false, fieldErrors: { startDate: [t("eventDuplicate.error.noSuchDate")] } };
  if (startsAt <= now) return { ok: false, fieldErrors: { startDate: [t("eventDuplicate.error.past")] } };
  const by = startsAt.getTime() - source.startsAt.getTime();
  try {
    return await db.transaction(async (tx) => {
      if (values.slug && (await slugTaken(tx, values.slug))) return { ok: false, fieldErrors: { slug: [slugTakenMessage] } } as const;
      const slug = values.slug ?? (await freeSlug(values.title, { fallback: "event", isTaken: (s) => slugTaken(tx, s) }));
      const [copy] = await tx
        .insert(events)
        .values({
          slug,
          title: values.title,
          summary: source.summary,
          descriptionMd: source.descriptionMd,
          seriesId: source.seriesId,
          startsAt,
          endsAt: new Date(source.endsAt.getTime() + by),
          homeZone: source.homeZone,
          displayZones: source.displayZones,
          status: "draft",
          joinUrl: null,
          capacity: source.capacity,
          registrationOpensAt: shifted(source.registrationOpensAt, by),
          registrationClosesAt: shifted(source.registrationClosesAt, by),
          requiresApproval: source.requiresApproval,
          reminderOffsetsMinutes: source.reminderOffsetsMinutes,
          speakerEditCutoffMinutes: source.speakerEditCutoffMinutes,
        })
        .returning();
      const event = copy!;
      // The original's organizers keep the copy, and so does whoever made it.
      const team = await tx.select({ userId: eventOrganizers.userId }).from(eventOrganizers).where(eq(eventOrganizers.eventId, source.id));
      const owners = [...new Set([user.id, ...team.map((t) => t.userId)])];
      await tx.insert(eventOrganizers).values(owners.map((userId) => ({ eventId: event.id, userId })));
      const hosts = await tx.select().from(eventHosts).where(eq(eventHosts.eventId, source.id));
      if (hosts.length) await tx.insert(eventHosts).values(hosts.map((h) => ({ ...h, eventId: event.id })));
      const questions = await tx.select().from(registrationQuestions).where(eq(registrationQuestions.eventId, source.id));
      if (questions.length) {
        await tx.insert(registrationQuestions).values(questions.map((q) => ({ eventId: event.id, position: q.position, kind: q.kind, label: q.label, required: q.required, options: q.options })));
      }
      await copyAgenda(tx, source, event.id, by);
      const when = formatEventRange({ startsAt: event.startsAt, endsAt: event.endsAt, zones: event.displayZones }).text;
      const actor = actorFor(user);
      await recordAudit(tx, { actor, eventId: event.id, action: "event.created", summary: `Created as a copy of “${source.title}”, for ${when}`, details: { duplicatedFrom: source.id } });
      await recordAudit(tx, { actor, eventId: source.id, action: "event.duplicated", summary: `Duplicated as the draft “${event.title}” (${when})`, details: { copyId: event.id } });
      return { ok: true, event } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: [slugTakenMessage] } };
    throw error;
  }
}
