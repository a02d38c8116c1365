// What registrants hear when organizers change a published event: one
// "event changed" email (with a re-issued invite: same UID, higher SEQUENCE)
// when its time, title or join link changes, one "event cancelled" email with
// METHOD:CANCEL when it is cancelled, and "recording available" on request.
// Called inside the transaction that makes the change.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations, type Event } from "~db/schema";
import { enqueueEmail } from "~/email/outbox.server";
import { emailEventInfoFor, eventHostsLabel, registrationInvite } from "~/registrations/registration-emails.server";
import { registrationUrls, type LinkSigner } from "~/security/link-tokens.server";
import { formatEventRange } from "~/time";

type Tx = Pick<Database, "select" | "insert">;

export interface EventChange {
  field: string;
  before: string;
  after: string;
}

/** The changes registrants must hear about between two versions of an event. */
export function describeEventChanges(before: Event, after: Event): EventChange[] {
  const changes: EventChange[] = [];
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime()) {
    changes.push({
      field: "Time",
      before: formatEventRange({ startsAt: before.startsAt, endsAt: before.endsAt, zones: before.displayZones }).text,
      after: formatEventRange({ startsAt: after.startsAt, endsAt: after.endsAt, zones: after.displayZones }).text,
    });
  }
  if (before.title !== after.title) changes.push({ field: "Title", before: before.title, after: after.title });
  if ((before.joinUrl ?? "") !== (after.joinUrl ?? "")) {
    // The join URL itself stays private; personal /j/ links follow it automatically.
    changes.push({ field: "Webinar link", before: "previous link", after: "updated (your personal join link below still works)" });
  }
  return changes;
}

async function activeRegistrations(tx: Tx, eventId: string, statuses: ("confirmed" | "waitlisted" | "pending")[]) {
  return tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, statuses), isNull(registrations.erasedAt)));
}

export async function notifyEventChanged(tx: Tx, { before, after, links }: { before: Event; after: Event; links: LinkSigner }): Promise<number> {
  const changes = describeEventChanges(before, after);
  if (changes.length === 0 || after.status !== "published") return 0;
  let queued = 0;
  const hosts = await eventHostsLabel(tx, after.id);
  for (const registration of await activeRegistrations(tx, after.id, ["confirmed", "waitlisted", "pending"])) {
    const urls = registrationUrls(links, registration);
    const confirmed = registration.status === "confirmed";
    const ok = await enqueueEmail(tx, {
      dedupeKey: `event-changed/${registration.id}/${after.sequence}/${after.updatedAt.getTime()}`,
      message: {
        template: "event-changed",
        props: {
          recipient: { name: registration.name },
          event: emailEventInfoFor(after, hosts, registration.timeZone, links.origin),
          manageUrl: urls.manageUrl,
          joinUrl: confirmed ? urls.joinUrl : undefined,
          changes,
        },
      },
      to: { email: registration.email, name: registration.name },
      registrationId: registration.id,
      eventId: after.id,
      attachments: confirmed ? [registrationInvite(after, registration, { method: "REQUEST", origin: links.origin, joinUrl: urls.joinUrl, manageUrl: urls.manageUrl })] : [],
    });
    if (ok) queued += 1;
  }
  return queued;
}

export async function notifyEventCancelled(tx: Tx, { event, links }: { event: Event; links: LinkSigner }): Promise<number> {
  let queued = 0;
  const hosts = await eventHostsLabel(tx, event.id);
  for (const registration of await activeRegistrations(tx, event.id, ["confirmed", "waitlisted", "pending"])) {
    const urls = registrationUrls(links, registration);
    const ok = await enqueueEmail(tx, {
      dedupeKey: `event-cancelled/${registration.id}/${event.sequence}`,
      message: {
        template: "event-cancelled",
        props: {
          recipient: { name: registration.name },
          event: emailEventInfoFor(event, hosts, registration.timeZone, links.origin),
          manageUrl: urls.manageUrl,
        },
      },
      to: { email: registration.email, name: registration.name },
      registrationId: registration.id,
      eventId: event.id,
      attachments:
        registration.status === "confirmed"
          ? [registrationInvite({ ...event, sequence: event.sequence - 1 }, registration, { method: "CANCEL", origin: links.origin })]
          : [],
    });
    if (ok) queued += 1;
  }
  return queued;
}

export async function notifyRecordingAvailable(
  tx: Tx,
  { event, recordings, onlyAbsentees, links }: { event: Event; recordings: { label: string; url: string }[]; onlyAbsentees: boolean; links: LinkSigner },
): Promise<number> {
  let queued = 0;
  const hosts = await eventHostsLabel(tx, event.id);
  for (const registration of await activeRegistrations(tx, event.id, ["confirmed"])) {
    if (registration.unsubscribedAt) continue;
    if (onlyAbsentees && registration.firstJoinedAt) continue;
    const urls = registrationUrls(links, registration);
    const ok = await enqueueEmail(tx, {
      dedupeKey: `recording-available/${registration.id}/${recordings.map((r) => r.url).join("|")}`,
      message: {
        template: "recording-available",
        props: {
          recipient: { name: registration.name },
          event: emailEventInfoFor(event, hosts, registration.timeZone, links.origin),
          manageUrl: urls.manageUrl,
          recordings,
          unsubscribeUrl: urls.unsubscribeUrl,
        },
      },
      to: { email: registration.email, name: registration.name },
      registrationId: registration.id,
      eventId: event.id,
      headers: { "List-Unsubscribe": `<${urls.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
    if (ok) queued += 1;
  }
  return queued;
}
