// What registrants hear when organizers change a published event: one
// "event changed" email (with a re-issued invite: same UID, the registration's
// next SEQUENCE)
// when its time, title or join link changes, one "event cancelled" email with
// METHOD:CANCEL when it is cancelled, and "recording available" on request.
// Called inside the transaction that makes the change.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { emailOutbox, registrations, type Event } from "~db/schema";
import { enqueueEmail } from "~/email/outbox.server";
import { emailEventInfoFor, eventHostsLabel } from "~/email/event-facts.server";
import { raiseInviteSequences, registrationInvite, registrationLocale } from "~/registrations/registration-emails.server";
import { registrationUrls, type LinkSigner } from "~/security/link-tokens.server";
import { formatEventRange } from "~/time";
import { translatorFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locales";

type Tx = Pick<Database, "select" | "insert" | "update">;

export interface EventChange {
  field: string;
  before: string;
  after: string;
}

/** The changes registrants must hear about between two versions of an event. */
/** In the registrant's language (English for the audit log): each registrant reads the change in their own. */
export function describeEventChanges(before: Event, after: Event, locale: Locale = "en"): EventChange[] {
  const t = translatorFor(locale);
  const changes: EventChange[] = [];
  if (before.startsAt.getTime() !== after.startsAt.getTime() || before.endsAt.getTime() !== after.endsAt.getTime()) {
    changes.push({
      field: t("email.changed.time"),
      before: formatEventRange({ startsAt: before.startsAt, endsAt: before.endsAt, zones: before.displayZones, locale }).text,
      after: formatEventRange({ startsAt: after.startsAt, endsAt: after.endsAt, zones: after.displayZones, locale }).text,
    });
  }
  if (before.title !== after.title) changes.push({ field: t("email.changed.title"), before: before.title, after: after.title });
  if ((before.joinUrl ?? "") !== (after.joinUrl ?? "")) {
    // The join URL itself stays private; personal /j/ links follow it automatically.
    changes.push({ field: t("email.changed.link"), before: t("email.changed.previousLink"), after: t("email.changed.linkUpdated") });
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
  const sequences = await raiseInviteSequences(tx, after.id);
  for (const registration of await activeRegistrations(tx, after.id, ["confirmed", "waitlisted", "pending"])) {
    const urls = registrationUrls(links, registration);
    const sequence = sequences.get(registration.id);
    const confirmed = sequence !== undefined;
    const ok = await enqueueEmail(tx, {
      dedupeKey: `event-changed/${registration.id}/${after.sequence}/${after.updatedAt.getTime()}`,
      message: {
        template: "event-changed",
        props: {
          locale: registrationLocale(registration),
          recipient: { name: registration.name },
          event: emailEventInfoFor(after, hosts, registration.timeZone, links.origin, registrationLocale(registration)),
          manageUrl: urls.manageUrl,
          joinUrl: confirmed ? urls.joinUrl : undefined,
          changes: registrationLocale(registration) === "en" ? changes : describeEventChanges(before, after, registrationLocale(registration)),
        },
      },
      to: { email: registration.email, name: registration.name },
      registrationId: registration.id,
      eventId: after.id,
      attachments: confirmed
        ? [registrationInvite(after, registration, { method: "REQUEST", sequence, origin: links.origin, joinUrl: urls.joinUrl, manageUrl: urls.manageUrl })]
        : [],
    });
    if (ok) queued += 1;
  }
  return queued;
}

export async function notifyEventCancelled(tx: Tx, { event, links }: { event: Event; links: LinkSigner }): Promise<number> {
  let queued = 0;
  const hosts = await eventHostsLabel(tx, event.id);
  const sequences = await raiseInviteSequences(tx, event.id);
  for (const registration of await activeRegistrations(tx, event.id, ["confirmed", "waitlisted", "pending"])) {
    const urls = registrationUrls(links, registration);
    const sequence = sequences.get(registration.id);
    const ok = await enqueueEmail(tx, {
      dedupeKey: `event-cancelled/${registration.id}/${event.sequence}`,
      message: {
        template: "event-cancelled",
        props: {
          locale: registrationLocale(registration),
          recipient: { name: registration.name },
          event: emailEventInfoFor(event, hosts, registration.timeZone, links.origin, registrationLocale(registration)),
          manageUrl: urls.manageUrl,
          calendarUpdate: sequence !== undefined,
        },
      },
      to: { email: registration.email, name: registration.name },
      registrationId: registration.id,
      eventId: event.id,
      attachments: sequence !== undefined ? [registrationInvite(event, registration, { method: "CANCEL", sequence, origin: links.origin })] : [],
    });
    if (ok) queued += 1;
  }
  return queued;
}

const recordingKey = (registrationId: string, recordings: { url: string }[]) => `recording-available/${registrationId}/${recordings.map((r) => r.url).join("|")}`;

/**
 * Who "Email the recording" would reach now: confirmed, not unsubscribed, (for
 * absentees) never joined, and not already told about these very links.
 */
export async function recordingRecipients(
  tx: Tx,
  { eventId, recordings, onlyAbsentees }: { eventId: string; recordings: { url: string }[]; onlyAbsentees: boolean },
) {
  const candidates = (await activeRegistrations(tx, eventId, ["confirmed"])).filter((r) => !r.unsubscribedAt && !(onlyAbsentees && r.firstJoinedAt));
  if (candidates.length === 0) return [];
  const told = await tx
    .select({ key: emailOutbox.dedupeKey })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.eventId, eventId), inArray(emailOutbox.dedupeKey, candidates.map((r) => recordingKey(r.id, recordings)))));
  const toldKeys = new Set(told.map((t) => t.key));
  return candidates.filter((r) => !toldKeys.has(recordingKey(r.id, recordings)));
}

export async function notifyRecordingAvailable(
  tx: Tx,
  { event, recordings, onlyAbsentees, links }: { event: Event; recordings: { label: string; url: string }[]; onlyAbsentees: boolean; links: LinkSigner },
): Promise<number> {
  let queued = 0;
  const hosts = await eventHostsLabel(tx, event.id);
  for (const registration of await recordingRecipients(tx, { eventId: event.id, recordings, onlyAbsentees })) {
    const urls = registrationUrls(links, registration);
    const ok = await enqueueEmail(tx, {
      dedupeKey: recordingKey(registration.id, recordings),
      message: {
        template: "recording-available",
        props: {
          locale: registrationLocale(registration),
          recipient: { name: registration.name },
          event: emailEventInfoFor(event, hosts, registration.timeZone, links.origin, registrationLocale(registration)),
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
