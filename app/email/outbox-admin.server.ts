import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { emailOutbox, eventOrganizers, mailboxMessages, outboxStatus, type User } from "~db/schema";
import { isUuid } from "~/events/directory-records.server";

export async function outboxSummary(db: Database): Promise<{ status: string; count: number }[]> {
  const rows = await db.select({ status: emailOutbox.status, count: count() }).from(emailOutbox).groupBy(emailOutbox.status);
  const byStatus = new Map(rows.map((r) => [r.status, Number(r.count)]));
  return outboxStatus.enumValues.map((status) => ({ status, count: byStatus.get(status) ?? 0 }));
}

/**
 * The mailbox is one instance-wide inbox, but it holds registrants' personal data:
 * an organizer sees the messages of the events they run, an admin sees all.
 */
function visibleMailTo(user: Pick<User, "id" | "role">) {
  if (user.role === "admin") return undefined;
  return sql`exists (select 1 from ${emailOutbox} o join ${eventOrganizers} eo on eo.event_id = o.event_id where o.id = ${mailboxMessages.outboxId} and eo.user_id = ${user.id})`;
}

export async function listMailbox(db: Database, user: Pick<User, "id" | "role">, { limit = 100 }: { limit?: number } = {}) {
  const visible = visibleMailTo(user);
  return db
    .select({
      id: mailboxMessages.id,
      toAddress: mailboxMessages.toAddress,
      subject: mailboxMessages.subject,
      receivedAt: mailboxMessages.receivedAt,
      attachmentCount: mailboxMessages.attachments,
    })
    .from(mailboxMessages)
    .where(visible)
    .orderBy(desc(mailboxMessages.receivedAt))
    .limit(limit);
}

export async function findMailboxMessage(db: Database, user: Pick<User, "id" | "role">, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const visible = visibleMailTo(user);
  const [message] = await db
    .select()
    .from(mailboxMessages)
    .where(visible ? and(eq(mailboxMessages.id, id), visible) : eq(mailboxMessages.id, id));
  return message ?? null;
}

/** Dead messages for the events a user manages (admins: all), newest first. */
export async function listDeadMessages(db: Database, user: Pick<User, "id" | "role">, { limit = 50 }: { limit?: number } = {}) {
  const ownership = user.role === "admin" ? undefined : ownedEventMessage(user.id);
  return db
    .select({
      id: emailOutbox.id,
      template: emailOutbox.template,
      toEmail: emailOutbox.toEmail,
      attempts: emailOutbox.attempts,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .where(ownership ? and(eq(emailOutbox.status, "dead"), ownership) : eq(emailOutbox.status, "dead"))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}

function ownedEventMessage(userId: string) {
  return sql`exists (select 1 from ${eventOrganizers} where ${eventOrganizers.eventId} = ${emailOutbox.eventId} and ${eventOrganizers.userId} = ${userId})`;
}

/** Gives a dead message a fresh set of attempts. Only the message's own organizers (or an admin) may. */
export async function retryDeadMessage(db: Database, user: Pick<User, "id" | "role">, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const ownership = user.role === "admin" ? undefined : ownedEventMessage(user.id);
  const base = and(eq(emailOutbox.id, id), eq(emailOutbox.status, "dead"));
  const updated = await db
    .update(emailOutbox)
    .set({ status: "queued", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null, lastError: null })
    .where(ownership ? and(base, ownership) : base)
    .returning({ id: emailOutbox.id });
  return updated.length === 1;
}
