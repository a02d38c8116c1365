// Organizers writing to the registrants of one event: a preview with the exact
// recipient count first, then the send, which queues one outbox row per person
// (through enqueueEmail, in one transaction with its audit entry) and refuses
// if the recipients changed since the preview.
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translator";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { auditLog, registrations, type Event, type RegistrationStatus, type User } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import { enqueueEmail } from "~/email/outbox.server";
import { emailEventInfoFor, eventHostsLabel } from "~/email/event-facts.server";
import { registrationUrls, type LinkSigner } from "~/security/link-tokens.server";
import { formatInstant } from "~/time";
import { renderEmail } from "~emails/render";
import { lockEvent } from "./event-lock.server";
import { MESSAGE_AUDIENCE_LABEL, MESSAGE_AUDIENCES, type MessageAudience, type RegistrantMessageValues, type SendMessageValues } from "./registrant-message-form";
import { registrationLocale } from "~/registrations/registration-emails.server";

type Reader = Pick<Database, "select">;

const STATUSES: Record<MessageAudience, RegistrationStatus[]> = {
  active: ["confirmed", "waitlisted", "pending"],
  confirmed: ["confirmed"],
  waitlisted: ["waitlisted"],
  pending: ["pending"],
};

function recipientsOf(db: Reader, eventId: string, audience: MessageAudience) {
  return db
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), inArray(registrations.status, STATUSES[audience]), isNull(registrations.erasedAt)))
    .orderBy(registrations.createdAt);
}

/** How many people each choice of audience reaches now, for the form's labels. */
export async function audienceCounts(db: Reader, eventId: string): Promise<Record<MessageAudience, number>> {
  const rows = await db
    .select({ status: registrations.status })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), isNull(registrations.erasedAt)));
  const count = (audience: MessageAudience) => rows.filter((r) => STATUSES[audience].includes(r.status)).length;
  return { active: count("active"), confirmed: count("confirmed"), waitlisted: count("waitlisted"), pending: count("pending") };
}

function messageFor(event: Event, hosts: string, registration: typeof registrations.$inferSelect, values: RegistrantMessageValues, user: User, links: LinkSigner) {
  const urls = registrationUrls(links, registration);
  return {
    template: "organizer-message" as const,
    props: {
      locale: registrationLocale(registration),
      recipient: { name: registration.name },
      event: emailEventInfoFor(event, hosts, registration.timeZone, links.origin, registrationLocale(registration)),
      manageUrl: urls.manageUrl,
      joinUrl: registration.status === "confirmed" ? urls.joinUrl : undefined,
      subjectLine: values.subject,
      body: values.body,
      senderName: user.name,
    },
  };
}

export interface MessagePreview {
  count: number;
  subject: string;
  /** The email as its first recipient would read it, in plain text. */
  text: string;
}

/** The recipient count and the email as the first recipient gets it; nothing is written. */
export async function previewRegistrantMessage(db: Reader, { user, event, values, links }: { user: User; event: Event; values: RegistrantMessageValues; links: LinkSigner }): Promise<MessagePreview> {
  const recipients = await recipientsOf(db, event.id, values.audience);
  const sample = recipients[0] ?? {
    // Nobody to write to yet: show the email with a stand-in name so the organizer still sees it.
    ...({} as typeof registrations.$inferSelect),
    id: "00000000-0000-4000-8000-000000000000",
    tokenVersion: 1,
    name: "(registrant's name)",
    timeZone: event.homeZone,
    status: "confirmed",
  };
  const rendered = await renderEmail(messageFor(event, await eventHostsLabel(db, event.id), sample, values, user, links));
  return { count: recipients.length, subject: rendered.subject, text: rendered.text };
}

export type SendOutcome = { ok: true; queued: number } | { ok: false; message: string; count?: number };

export async function sendRegistrantMessage(
  db: Database,
  { user, event, values, links, t = consoleTranslatorFor("en") }: { user: User; event: Event; values: SendMessageValues; links: LinkSigner; t?: Translate },
): Promise<SendOutcome> {
  return db.transaction(async (tx) => {
    // Under the event's lock no registration changes status while the emails are queued.
    const locked = await lockEvent(tx, event.id);
    if (!locked) return { ok: false, message: t("notice.eventGone") } as const;
    const recipients = await recipientsOf(tx, event.id, values.audience);
    if (recipients.length === 0) return { ok: false, message: t("messages.nobody"), count: 0 } as const;
    if (recipients.length !== values.expectedCount) {
      return {
        ok: false,
        message: t("messages.changed", { count: recipients.length, expected: values.expectedCount }),
        count: recipients.length,
      } as const;
    }
    const hosts = await eventHostsLabel(tx, event.id);
    let queued = 0;
    for (const registration of recipients) {
      const added = await enqueueEmail(tx, {
        dedupeKey: `organizer-message/${values.messageId}/${registration.id}`,
        message: messageFor(locked, hosts, registration, values, user, links),
        to: { email: registration.email, name: registration.name },
        registrationId: registration.id,
        eventId: event.id,
      });
      if (added) queued += 1;
    }
    if (queued === 0) return { ok: false, message: t("messages.alreadySent") } as const;
    await recordAudit(tx, {
      actor: actorFor(user),
      eventId: event.id,
      action: "event.registrants_emailed",
      summary: `Emailed ${queued} registrant${queued === 1 ? "" : "s"} (${MESSAGE_AUDIENCE_LABEL[values.audience].toLowerCase()}): “${values.subject}”`,
      details: { messageId: values.messageId, audience: values.audience, subject: values.subject, queued },
    });
    return { ok: true, queued } as const;
  });
}

/** Messages sent so far for this event, newest first, times in the reader's zone and language. */
export async function listSentMessages(db: Reader, eventId: string, zone: string, locale: Locale = "en") {
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.eventId, eventId), eq(auditLog.action, "event.registrants_emailed")))
    .orderBy(desc(auditLog.createdAt))
    .limit(50);
  return rows.map((r) => {
    const { audience, subject, queued } = r.details as { audience?: unknown; subject?: unknown; queued?: unknown };
    const known = (MESSAGE_AUDIENCES as readonly unknown[]).includes(audience) && typeof subject === "string" && typeof queued === "number";
    return {
      id: r.id,
      at: formatInstant(r.createdAt, zone, "dateTime", locale),
      actor: r.actorLabel,
      /** What was sent, for the page to put into words; null for a record of another shape (its English summary stands). */
      sent: known ? { audience: audience as MessageAudience, subject: subject as string, queued: queued as number } : null,
      summary: r.summary,
    };
  });
}
