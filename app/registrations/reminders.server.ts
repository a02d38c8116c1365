// Reminders are queued when they fall due, not when someone registers: an
// event that moves simply has its reminders fall due at the new time. The
// dedupe key names the event's SEQUENCE, so a moved event reminds again
// (with the new time) and an unmoved one never twice.
//
// Two rules keep a reminder worth reading:
// - it says the real time left when it is queued ("Starts in 20 minutes"), not
//   the nominal lead time, and it expires at the start: a reminder that could
//   only arrive after the event began is dropped, not sent late;
// - someone who registered less than half a reminder's lead time before it fell
//   due has their confirmation fresh in the inbox: that reminder is skipped
//   (registered 20 minutes before a 1-hour reminder → no 1-hour reminder).
import { and, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { emailOutbox, events, registrations, type Event, type Registration } from "~db/schema";
import type { EmailEventInfo } from "~emails/types";
import { registrationUrls, type LinkSigner } from "~/security/link-tokens.server";
import { emailEventInfoFor, eventHostsLabel } from "~/email/event-facts.server";
import { enqueueEmails, type EnqueueEmail } from "~/email/outbox.server";
import { formatTimeLeft } from "~/time";
import type { Locale } from "~/i18n/locales";
import { registrationLocale } from "./registration-emails.server";

export function reminderKey(offsetMinutes: number, registrationId: string, sequence: number): string {
  return `reminder-${offsetMinutes}m/${registrationId}/${sequence}`;
}

/** Registered after this instant → the reminder at `offsetMinutes` is skipped. */
export function reminderSkipCutoff(startsAt: Date, offsetMinutes: number): Date {
  return new Date(startsAt.getTime() - offsetMinutes * 1.5 * 60_000);
}

/** Queues every reminder that is due now and not yet queued. Safe to run from many workers at once. */
export async function queueDueReminders(db: Database, { now, links }: { now: Date; links: LinkSigner }): Promise<number> {
  const horizonMinutes = 7 * 1440;
  const upcoming = await db
    .select()
    .from(events)
    .where(
      and(
        eq(events.status, "published"),
        gt(events.startsAt, now),
        lte(events.startsAt, new Date(now.getTime() + horizonMinutes * 60_000)),
      ),
    );
  let queued = 0;
  for (const event of upcoming) {
    // Only the nearest due offset is sent: someone who registers an hour before
    // the start gets the one-hour reminder, not a stale 24-hour one as well.
    const minutesToStart = (event.startsAt.getTime() - now.getTime()) / 60_000;
    const due = event.reminderOffsetsMinutes.filter((offset) => minutesToStart <= offset).sort((a, b) => a - b)[0];
    if (due === undefined) continue;
    const hosts = await eventHostsLabel(db, event.id);
    const leadTimeLabel = leadTimeLabels(now, event.startsAt);
    const info = eventInfoByZone(event, hosts, links.origin);
    // One batch request's worth at a time, each in its own short transaction: the first
    // reminders can be sent while the rest are still being queued, and workers queueing at
    // the same moment walk the same slices, each taking the ones the other has not locked
    // (SKIP LOCKED) or done, instead of building the same 10,000 rows twice.
    const ids = (await db.select({ id: registrations.id }).from(registrations).where(dueAttendees(event, due)).orderBy(registrations.id)).map((row) => row.id);
    for (let start = 0; start < ids.length; start += QUEUE_SLICE) {
      queued += await db.transaction(async (tx) => {
        const slice = ids.slice(start, start + QUEUE_SLICE);
        // Still registered and subscribed; a slice the other worker already queued only meets
        // the dedupe key (cheaper than asking the outbox again for each slice).
        const attendees = await tx
          .select()
          .from(registrations)
          .where(and(inArray(registrations.id, slice), stillEntitled(event, due)))
          .for("no key update", { skipLocked: true });
        return attendees.length === 0
          ? 0
          : enqueueEmails(
              tx,
              attendees.map((registration) => {
                const locale = registrationLocale(registration);
                return reminderFor(registration, event, due, info(registration.timeZone, locale), leadTimeLabel(locale), links, locale);
              }),
            );
      });
    }
  }
  return queued;
}

/** Reminders queued per transaction: one batch request's worth (Resend takes 100 at most). */
const QUEUE_SLICE = 100;

type DueEvent = Pick<Event, "id" | "sequence" | "startsAt">;

/** Confirmed, subscribed registrants of `event` registered early enough for the reminder at `offsetMinutes`. */
function stillEntitled(event: DueEvent, offsetMinutes: number) {
  return and(
    eq(registrations.eventId, event.id),
    eq(registrations.status, "confirmed"),
    isNull(registrations.unsubscribedAt),
    lte(sql`coalesce(${registrations.confirmedAt}, ${registrations.createdAt})`, reminderSkipCutoff(event.startsAt, offsetMinutes).toISOString()),
  );
}

/** …who do not have this reminder yet. */
function dueAttendees(event: DueEvent, offsetMinutes: number) {
  const keyPrefix = `reminder-${offsetMinutes}m/`;
  return and(
    stillEntitled(event, offsetMinutes),
    sql`not exists (select 1 from ${emailOutbox} where ${emailOutbox.dedupeKey} = ${keyPrefix} || ${registrations.id}::text || '/' || ${event.sequence})`,
  );
}

/** The event as each zone's registrants see it, formatted once per zone. */
function eventInfoByZone(event: Event, hosts: string, origin: string): (zone: string, locale: Locale) => EmailEventInfo {
  const byZone = new Map<string, EmailEventInfo>();
  return (zone, locale) => {
    const key = `${locale} ${zone}`;
    let info = byZone.get(key);
    if (!info) byZone.set(key, (info = emailEventInfoFor(event, hosts, zone, origin, locale)));
    return info;
  };
}

/** "in 1 hour", "om 1 timme", "1 小時後": once per language, not once per recipient. */
function leadTimeLabels(now: Date, startsAt: Date): (locale: Locale) => string {
  const byLocale = new Map<Locale, string>();
  return (locale) => {
    let label = byLocale.get(locale);
    if (label === undefined) byLocale.set(locale, (label = formatTimeLeft(now, startsAt, locale)));
    return label;
  };
}

function reminderFor(registration: Registration, event: Event, offsetMinutes: number, info: EmailEventInfo, leadTimeLabel: string, links: LinkSigner, locale: Locale): EnqueueEmail {
  const { manageUrl, joinUrl, unsubscribeUrl } = registrationUrls(links, registration);
  return {
    dedupeKey: reminderKey(offsetMinutes, registration.id, event.sequence),
    message: {
      template: "event-reminder",
      props: { locale, recipient: { name: registration.name }, event: info, manageUrl, joinUrl, leadTimeLabel, unsubscribeUrl },
    },
    to: { email: registration.email, name: registration.name },
    registrationId: registration.id,
    eventId: event.id,
    expiresAt: event.startsAt,
    headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  };
}
