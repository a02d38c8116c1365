// Which email a registration change sends, with what it says. Called inside the
// transaction that makes the change, so the outbox row commits with it.
import { asc, eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { eventHosts, organizations, type Event, type Registration } from "~db/schema";
import { buildInvitation, invitationContentType } from "~/calendar";
import { enqueueEmail } from "~/email/outbox.server";
import { registrationUrls, type LinkSigner } from "~/security/link-tokens.server";
import { hostsLabel } from "~/events/labels";
import { formatEventRange, formatViewerRange } from "~/time";
import type { EmailEventInfo } from "~emails/types";
import type { EmailMessage } from "~emails/render";

type Runner = Pick<Database, "select" | "insert">;

export const ORGANIZER_ADDRESS = { name: "Podium", email: "events@podium.local" };

/** "HKUST × KTH": the event's hosts in billing order. */
export async function eventHostsLabel(db: Pick<Database, "select">, eventId: string): Promise<string> {
  const hosts = await db
    .select({ shortName: organizations.shortName })
    .from(eventHosts)
    .innerJoin(organizations, eq(organizations.id, eventHosts.organizationId))
    .where(eq(eventHosts.eventId, eventId))
    .orderBy(asc(eventHosts.position));
  return hostsLabel(hosts.map((h) => h.shortName));
}

/** The event as one recipient's email shows it; pure, so a loop over registrants looks the hosts up once. */
export function emailEventInfoFor(
  event: Pick<Event, "slug" | "title" | "startsAt" | "endsAt" | "displayZones">,
  hosts: string,
  recipientZone: string,
  origin: string,
): EmailEventInfo {
  const leadZone = event.displayZones[0] ?? "UTC";
  return {
    title: event.title,
    url: `${origin}/events/${event.slug}`,
    hostsLabel: hosts,
    whenInEventZones: formatEventRange({ startsAt: event.startsAt, endsAt: event.endsAt, zones: event.displayZones }).text,
    whenForRecipient: `${formatViewerRange({ startsAt: event.startsAt, endsAt: event.endsAt, viewerZone: recipientZone, leadZone }).text} (your time)`,
  };
}

export async function emailEventInfo(
  db: Pick<Database, "select">,
  event: Pick<Event, "id" | "slug" | "title" | "startsAt" | "endsAt" | "displayZones">,
  recipientZone: string,
  origin: string,
): Promise<EmailEventInfo> {
  return emailEventInfoFor(event, await eventHostsLabel(db, event.id), recipientZone, origin);
}

export function registrationInvite(
  event: Event,
  registration: Pick<Registration, "id" | "name" | "email">,
  { method, origin, joinUrl, manageUrl }: { method: "REQUEST" | "CANCEL"; origin: string; joinUrl?: string; manageUrl?: string },
) {
  // A calendar only applies a CANCEL whose SEQUENCE is above the invite it holds.
  const sequence = method === "CANCEL" ? event.sequence + 1 : event.sequence;
  const content = buildInvitation({
    method,
    uid: `registration-${registration.id}@podium.events`,
    sequence,
    event: {
      id: event.id,
      slug: event.slug,
      title: event.title,
      summary: event.summary,
      url: `${origin}/events/${event.slug}`,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      status: method === "CANCEL" ? "cancelled" : event.status,
      sequence,
      updatedAt: event.updatedAt,
      createdAt: event.createdAt,
      hosts: [],
      organizer: ORGANIZER_ADDRESS,
    },
    attendee: { name: registration.name, email: registration.email },
    organizer: ORGANIZER_ADDRESS,
    joinUrl,
    manageUrl,
  });
  return { filename: "invite.ics", contentType: invitationContentType(method), content };
}

export async function queueRegistrationEmail(
  tx: Runner,
  {
    event,
    registration,
    links,
    reason,
    waitlistRank,
    approved = false,
  }: {
    event: Event;
    registration: Registration;
    links: LinkSigner;
    /** A confirmation that follows an organizer's approval says so. */
    approved?: boolean;
    /** Distinguishes this message from earlier ones for the same registration. */
    reason: string;
    waitlistRank: number | null;
  },
): Promise<void> {
  const origin = links.origin;
  const { manageUrl, joinUrl } = registrationUrls(links, registration);
  const info = await emailEventInfo(tx, event, registration.timeZone, origin);
  const common = { recipient: { name: registration.name }, event: info, manageUrl };
  let message: EmailMessage;
  let attachments: { filename: string; contentType: string; content: string }[] = [];
  switch (registration.status) {
    case "confirmed":
      message = approved
        ? { template: "registration-approved", props: { ...common, joinUrl } }
        : { template: "registration-confirmed", props: { ...common, joinUrl } };
      attachments = [registrationInvite(event, registration, { method: "REQUEST", origin, joinUrl, manageUrl })];
      break;
    case "waitlisted":
      message = { template: "registration-waitlisted", props: { ...common, waitlistPosition: waitlistRank ?? 0 } };
      break;
    case "pending":
      message = { template: "registration-pending", props: common };
      break;
    case "declined":
      message = { template: "registration-declined", props: common };
      break;
    case "cancelled":
      message = { template: "registration-cancelled", props: common };
      // METHOD:CANCEL with the same UID takes the invite out of the calendar.
      attachments = [registrationInvite(event, registration, { method: "CANCEL", origin, manageUrl })];
      break;
  }
  await enqueueEmail(tx, {
    dedupeKey: `${message.template}/${registration.id}/${reason}`,
    message,
    to: { email: registration.email, name: registration.name },
    registrationId: registration.id,
    eventId: event.id,
    attachments,
  });
}
