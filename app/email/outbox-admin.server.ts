import { count, desc, eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { emailOutbox, mailboxMessages, outboxStatus } from "~db/schema";

export async function outboxSummary(db: Database): Promise<{ status: string; count: number }[]> {
  const rows = await db.select({ status: emailOutbox.status, count: count() }).from(emailOutbox).groupBy(emailOutbox.status);
  const byStatus = new Map(rows.map((r) => [r.status, Number(r.count)]));
  return outboxStatus.enumValues.map((status) => ({ status, count: byStatus.get(status) ?? 0 }));
}

export async function listMailbox(db: Database, { limit = 100 }: { limit?: number } = {}) {
  return db
    .select({
      id: mailboxMessages.id,
      toAddress: mailboxMessages.toAddress,
      subject: mailboxMessages.subject,
      receivedAt: mailboxMessages.receivedAt,
      attachmentCount: mailboxMessages.attachments,
    })
    .from(mailboxMessages)
    .orderBy(desc(mailboxMessages.receivedAt))
    .limit(limit);
}

export async function findMailboxMessage(db: Database, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [message] = await db.select().from(mailboxMessages).where(eq(mailboxMessages.id, id));
  return message ?? null;
}
