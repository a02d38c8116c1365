import type { Database } from "~db/client.server";
import { emailOutbox } from "~db/schema";
import type { EmailMessage, EmailTemplate } from "~emails/render";

type Runner = Pick<Database, "insert">;

/** Lower goes first. */
export const EMAIL_PRIORITY = {
  /** One person is waiting on it: confirmations, cancellations, invitations. */
  personal: 0,
  /** The event itself changed or was called off. */
  eventNews: 1,
  /** Due on a schedule, usually hours ahead. */
  reminder: 2,
  /** Nobody is waiting: recordings, digests. */
  leisurely: 3,
} as const;

// Fan-out: the same kind of message to many people, sent through the batch endpoint
// when it carries no attachment. Any template not named here goes one by one, first.
const FAN_OUT: Partial<Record<EmailTemplate, number>> = {
  "event-reminder": EMAIL_PRIORITY.reminder,
  "event-changed": EMAIL_PRIORITY.eventNews,
  "event-cancelled": EMAIL_PRIORITY.eventNews,
  "organizer-message": EMAIL_PRIORITY.eventNews,
  "recording-available": EMAIL_PRIORITY.leisurely,
  "speaker-changes": EMAIL_PRIORITY.leisurely,
};

export interface EnqueueEmail {
  /** Unique per logical message, e.g. "registration-confirmed/<registration id>/1". */
  dedupeKey: string;
  message: EmailMessage;
  to: { email: string; name: string };
  registrationId?: string;
  eventId?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; contentType: string; content: string }[];
  /** Not before this instant (reminders). */
  notBefore?: Date;
  /** Not after this instant: dropped instead of sent late (a reminder: the event's start). */
  expiresAt?: Date;
  /** Overrides the template's priority (see EMAIL_PRIORITY). */
  priority?: number;
  /** Overrides whether the template may travel in a batch; never with attachments. */
  batchable?: boolean;
}

/** The priority and batching a message gets unless its caller says otherwise. */
export function deliveryClassOf(email: Pick<EnqueueEmail, "message" | "attachments" | "priority" | "batchable">): { priority: number; batchable: boolean } {
  const fanOutPriority = FAN_OUT[email.message.template];
  const hasAttachments = (email.attachments?.length ?? 0) > 0;
  return {
    priority: email.priority ?? fanOutPriority ?? EMAIL_PRIORITY.personal,
    batchable: !hasAttachments && (email.batchable ?? fanOutPriority !== undefined),
  };
}

/**
 * Writes the message into the outbox inside the caller's transaction, so the
 * email exists exactly when the change that causes it commits. A second row
 * with the same key is silently ignored: that is what makes duplicates impossible.
 */
export async function enqueueEmail(tx: Runner, email: EnqueueEmail): Promise<boolean> {
  return (await enqueueEmails(tx, [email])) === 1;
}

/** Many messages in a few statements (a reminder to 10,000 registrants); returns how many were new. */
export async function enqueueEmails(tx: Runner, emails: EnqueueEmail[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < emails.length; start += INSERT_CHUNK) {
    const rows = await tx
      .insert(emailOutbox)
      .values(emails.slice(start, start + INSERT_CHUNK).map(outboxValues))
      .onConflictDoNothing({ target: emailOutbox.dedupeKey })
      .returning({ id: emailOutbox.id });
    inserted += rows.length;
  }
  return inserted;
}

// Well under PostgreSQL's 65,535 bind parameters per statement (about 17 per row).
const INSERT_CHUNK = 500;

/** The outbox row a message becomes (also built ahead for a newcomer's one-statement registration). */
export function outboxValues(email: EnqueueEmail) {
  return {
    dedupeKey: email.dedupeKey,
    template: email.message.template,
    props: email.message.props as unknown as Record<string, unknown>,
    toEmail: email.to.email,
    toName: email.to.name,
    headers: email.headers ?? {},
    attachments: email.attachments ?? [],
    registrationId: email.registrationId ?? null,
    eventId: email.eventId ?? null,
    nextAttemptAt: email.notBefore ?? new Date(),
    expiresAt: email.expiresAt ?? null,
    ...deliveryClassOf(email),
  };
}
