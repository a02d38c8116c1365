import type { Database } from "~db/client.server";
import { mailboxMessages } from "~db/schema";
import type { BatchDeliveryResult, DeliveryResult, EmailTransport, OutgoingEmail } from "./deliver.server";

/**
 * The embedded default: with no RESEND_API_KEY, mail lands in a table that
 * organizers read at /admin/mailbox. Keyed by outbox id, so a worker that
 * crashes after delivering and retries never files the same message twice.
 * A batch is one statement, as it is one request to Resend: all filed or none.
 */
export function createMailboxTransport(db: Database): EmailTransport {
  async function file(emails: OutgoingEmail[]): Promise<string[]> {
    const rows = await db
      .insert(mailboxMessages)
      .values(
        emails.map((email) => ({
          outboxId: email.outboxId,
          fromAddress: email.from,
          toAddress: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: email.headers ?? {},
          attachments: (email.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
        })),
      )
      // A no-op update rather than "do nothing", so a re-filed message still returns its id.
      .onConflictDoUpdate({ target: mailboxMessages.outboxId, set: { outboxId: mailboxMessages.outboxId } })
      .returning({ id: mailboxMessages.id, outboxId: mailboxMessages.outboxId });
    const idByOutbox = new Map(rows.map((row) => [row.outboxId, row.id]));
    return emails.map((email) => `mailbox:${idByOutbox.get(email.outboxId)}`);
  }

  return {
    name: "mailbox",
    async send(email): Promise<DeliveryResult> {
      try {
        const [providerId] = await file([email]);
        return { ok: true, providerId: providerId! };
      } catch (error) {
        return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
      }
    },
    async sendBatch(emails): Promise<BatchDeliveryResult> {
      try {
        return { ok: true, providerIds: await file(emails) };
      } catch (error) {
        return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
