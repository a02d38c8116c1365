import type { Database } from "~db/client.server";
import { emailOutbox } from "~db/schema";
import type { EmailMessage } from "~emails/render";

type Runner = Pick<Database, "insert">;

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
}

/**
 * Writes the message into the outbox inside the caller's transaction, so the
 * email exists exactly when the change that causes it commits. A second row
 * with the same key is silently ignored: that is what makes duplicates impossible.
 */
export async function enqueueEmail(tx: Runner, email: EnqueueEmail): Promise<boolean> {
  const inserted = await tx
    .insert(emailOutbox)
    .values({
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
    })
    .onConflictDoNothing({ target: emailOutbox.dedupeKey })
    .returning({ id: emailOutbox.id });
  return inserted.length > 0;
}
