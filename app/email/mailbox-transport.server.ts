import type { Database } from "~db/client.server";
import { mailboxMessages } from "~db/schema";
import type { DeliveryResult, EmailTransport, OutgoingEmail } from "./deliver.server";

/**
 * The embedded default: with no RESEND_API_KEY, mail lands in a table that
 * organizers read at /admin/mailbox. Keyed by outbox id, so a worker that
 * crashes after delivering and retries never files the same message twice.
 */
export function createMailboxTransport(db: Database): EmailTransport {
  return {
    name: "mailbox",
    async send(email: OutgoingEmail): Promise<DeliveryResult> {
      try {
        const [row] = await db
          .insert(mailboxMessages)
          .values({
            outboxId: email.outboxId,
            fromAddress: email.from,
            toAddress: email.to,
            subject: email.subject,
            html: email.html,
            text: email.text,
            headers: email.headers ?? {},
            attachments: (email.attachments ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
          })
          .onConflictDoUpdate({ target: mailboxMessages.outboxId, set: { outboxId: email.outboxId } })
          .returning({ id: mailboxMessages.id });
        return { ok: true, providerId: `mailbox:${row!.id}` };
      } catch (error) {
        return { ok: false, retryable: true, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
