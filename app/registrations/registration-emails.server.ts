// What a registration's emails say and carry. Which email a change sends is
// decided in registration-effects.server.ts; this file only builds it.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations, type Event, type Registration } from "~db/schema";
import { buildInvitation, invitationContentType } from "~/calendar";
import { enqueueEmail, type EnqueueEmail } from "~/email/outbox.server";
import { emailEventInfo } from "~/email/event-facts.server";
import { registrationUrls, type LinkSigner } from "~/security/link-tokens.server";
import type { EmailMessage } from "~emails/render";
import type { EmailEventInfo } from "~emails/types";
import type { Circumstances } from "./registration-effects.server";
import { localized, sourceLocaleOf } from "~/i18n/localize-content";
import { translatorFor } from "~/i18n/catalogues.server";
import { isLocale, type Locale } from "~/i18n/locales";

/** The language of a registration's emails: the one it was made in, English for rows that name none we speak. */
export function registrationLocale(registration: Pick<Registration, "locale">): Locale {
  return isLocale(registration.locale) ? registration.locale : "en";
}

type Runner = Pick<Database, "select" | "insert">;

export const ORGANIZER_ADDRESS = { name: "Podium", email: "events@podium.local" };

export type InviteMethod = "REQUEST" | "CANCEL";

export type RegistrationTemplate = Extract<
  EmailMessage["template"],
  "registration-confirmed" | "registration-approved" | "registration-waitlisted" | "registration-pending" | "registration-declined" | "registration-cancelled" | "promoted-from-waitlist"
>;

/**
 * The registration's own calendar entry: a UID per registration and the
 * registration's own SEQUENCE (registrations.invite_sequence), which rises with
 * every invite sent, whatever caused it, so a newer message always wins.
 */
export function registrationInvite(
  event: Event,
  registration: Pick<Registration, "id" | "name" | "email"> & Partial<Pick<Registration, "locale">>,
  { method, sequence, origin, joinUrl, manageUrl }: { method: InviteMethod; sequence: number; origin: string; joinUrl?: string; manageUrl?: string },
) {
  const locale = registrationLocale({ locale: registration.locale ?? "en" });
  const t = translatorFor(locale);
  // The invite's SUMMARY and DESCRIPTION in the registrant's language where the organizer translated them.
  const source = sourceLocaleOf(event);
  const content = buildInvitation({
    method,
    uid: `registration-${registration.id}@podium.events`,
    sequence,
    event: {
      id: event.id,
      slug: event.slug,
      title: localized(event, "title", locale, source).text,
      summary: localized(event, "summary", locale, source).text,
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
    // The invite's DESCRIPTION speaks the registrant's language, like the email around it.
    wording: { join: (url) => t("email.invite.join", { url }), manage: (url) => t("email.invite.manage", { url }) },
  });
  return { filename: "invite.ics", contentType: invitationContentType(method), content };
}

export interface RegistrationEmailRequest {
  template: RegistrationTemplate;
  event: Event;
  registration: Registration;
  links: LinkSigner;
  dedupeKey: string;
  waitlistRank: number | null;
  invite: { method: InviteMethod; sequence: number } | null;
  /** Only what happened, for the templates that say how it came about. */
  circumstances?: Circumstances;
}

/** Queues one registration email (and its invite) in the caller's transaction; false if the key was used before. */
export async function queueRegistrationEmail(tx: Runner, request: RegistrationEmailRequest): Promise<boolean> {
  const info = await emailEventInfo(tx, request.event, request.registration.timeZone, request.links.origin, registrationLocale(request.registration));
  return enqueueEmail(tx, buildRegistrationEmail(request, info));
}

/**
 * The email itself, from facts already read: pure, so a newcomer's email can be
 * built before the event is locked (newcomer.server.ts).
 */
export function buildRegistrationEmail(
  { template, event, registration, links, dedupeKey, waitlistRank, invite, circumstances = {} }: RegistrationEmailRequest,
  info: EmailEventInfo,
): EnqueueEmail {
  const origin = links.origin;
  const { manageUrl, joinUrl } = registrationUrls(links, registration);
  const common = { locale: registrationLocale(registration), recipient: { name: registration.name }, event: info, manageUrl };
  const message: EmailMessage =
    template === "promoted-from-waitlist"
      ? { template, props: { ...common, joinUrl, seatCameFrom: circumstances.seatCameFrom } }
      : template === "registration-confirmed" || template === "registration-approved"
        ? { template, props: { ...common, joinUrl } }
        : template === "registration-waitlisted"
          ? { template, props: { ...common, waitlistPosition: waitlistRank ?? 0 } }
          : template === "registration-cancelled"
            ? {
                template,
                props: { ...common, cancelledBy: circumstances.cancelledBy, seatPassedOn: circumstances.seatPassedOn ?? false, calendarUpdate: invite?.method === "CANCEL" },
              }
            : { template, props: common };
  const attachments = invite
    ? [registrationInvite(event, registration, { ...invite, origin, ...(invite.method === "REQUEST" ? { joinUrl, manageUrl } : { manageUrl }) })]
    : [];
  return {
    dedupeKey,
    message,
    to: { email: registration.email, name: registration.name },
    registrationId: registration.id,
    eventId: event.id,
    attachments,
  };
}

/**
 * Raises the invite SEQUENCE of every confirmed registration of an event, for
 * an event-wide change that re-issues their invites (moved, renamed, cancelled).
 * Returns each registration's new SEQUENCE.
 */
export async function raiseInviteSequences(tx: Pick<Database, "update">, eventId: string): Promise<Map<string, number>> {
  const rows = await tx
    .update(registrations)
    .set({ inviteSequence: sql`${registrations.inviteSequence} + 1` })
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed"), isNull(registrations.erasedAt)))
    .returning({ id: registrations.id, inviteSequence: registrations.inviteSequence });
  return new Map(rows.map((row) => [row.id, row.inviteSequence]));
}
