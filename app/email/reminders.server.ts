// Reminders are queued when they fall due, not when someone registers: an
// event that moves simply has its reminders fall due at the new time. The
// dedupe key names the event's SEQUENCE, so a moved event reminds again
// (with the new time) and an unmoved one never twice.
import { and, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { emailOutbox, events, registrations } from "~db/schema";
import { registrationUrls, type LinkSigner } from "~/security/link-tokens.server";
import { emailEventInfoFor, eventHostsLabel } from "~/registrations/registration-emails.server";
import { enqueueEmail } from "./outbox.server";

function leadTimeLabel(minutes: number): string {
  if (minutes % 1440 === 0) return minutes === 1440 ? "in 24 hours" : `in ${minutes / 1440} days`;
  if (minutes % 60 === 0) return minutes === 60 ? "in 1 hour" : `in ${minutes / 60} hours`;
  return `in ${minutes} minutes`;
}

export function reminderKey(offsetMinutes: number, registrationId: string, sequence: number): string {
  return `reminder-${offsetMinutes}m/${registrationId}/${sequence}`;
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
    const attendees = await db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "confirmed"), isNull(registrations.unsubscribedAt)));
    if (attendees.length === 0) continue;
    const keys = attendees.map((r) => reminderKey(due, r.id, event.sequence));
    const existing = new Set(
      (await db.select({ key: emailOutbox.dedupeKey }).from(emailOutbox).where(inArray(emailOutbox.dedupeKey, keys))).map((r) => r.key),
    );
    const hosts = await eventHostsLabel(db, event.id);
    for (const registration of attendees) {
      const key = reminderKey(due, registration.id, event.sequence);
      if (existing.has(key)) continue;
      const { manageUrl, joinUrl, unsubscribeUrl } = registrationUrls(links, registration);
      const inserted = await enqueueEmail(db, {
        dedupeKey: key,
        message: {
          template: "event-reminder",
          props: {
            recipient: { name: registration.name },
            event: emailEventInfoFor(event, hosts, registration.timeZone, links.origin),
            manageUrl,
            joinUrl,
            leadTimeLabel: leadTimeLabel(due),
            unsubscribeUrl,
          },
        },
        to: { email: registration.email, name: registration.name },
        registrationId: registration.id,
        eventId: event.id,
        headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      });
      if (inserted) queued += 1;
    }
  }
  return queued;
}
