import { and, desc, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { emailOutbox, eventOrganizers, mailboxMessages, type User } from "~db/schema";
import { isUuid } from "~db/records.server";
import type { Env } from "~/env.server";
import { currentSendRate } from "./send-rate.server";

export interface OutboxOverview {
  /** Waiting for their first try. */
  queued: number;
  sending: number;
  /** Waiting for another try because the provider asked us to slow down. */
  waitingForRateLimit: number;
  /** Waiting for another try after a real failure. */
  waitingAfterError: number;
  dead: number;
  /** Reminders that could no longer arrive before their event. */
  dropped: number;
  sent: number;
  sentLastMinute: number;
  /** Requests per second to Resend; null with the built-in mailbox, which has no limit. */
  rate: { configured: number; current: number; pausedUntil: Date | null } | null;
}

/** What the dashboard shows about the outbox: every state, why messages wait, and the send rate in force. */
export async function outboxOverview(
  db: Database,
  env: Pick<Env, "RESEND_API_KEY" | "RESEND_RATE_PER_SECOND">,
  now: Date = new Date(),
): Promise<OutboxOverview> {
  const minuteAgo = new Date(now.getTime() - 60_000).toISOString();
  const counted = (condition: ReturnType<typeof sql>) => sql<number>`(count(*) filter (where ${condition}))::int`;
  const [counts] = await db
    .select({
      queued: counted(sql`${emailOutbox.status} = 'queued' and ${emailOutbox.retryReason} is null`),
      sending: counted(sql`${emailOutbox.status} = 'sending'`),
      waitingForRateLimit: counted(sql`${emailOutbox.status} = 'queued' and ${emailOutbox.retryReason} = 'rate_limit'`),
      waitingAfterError: counted(sql`${emailOutbox.status} = 'queued' and ${emailOutbox.retryReason} = 'provider_error'`),
      dead: counted(sql`${emailOutbox.status} = 'dead'`),
      dropped: counted(sql`${emailOutbox.status} = 'dropped'`),
      sent: counted(sql`${emailOutbox.status} = 'sent'`),
      sentLastMinute: counted(sql`${emailOutbox.status} = 'sent' and ${emailOutbox.sentAt} > ${minuteAgo}`),
    })
    .from(emailOutbox);
  const rate = env.RESEND_API_KEY ? await currentSendRate(db, { ratePerSecond: env.RESEND_RATE_PER_SECOND }, now) : null;
  return { ...counts!, rate };
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

// A fresh start: a new give-up clock, and out of its old batch (a dead batch never reached
// the provider as a success, so a new batch, under a new key, sends nothing twice).
const requeued = {
  status: "queued" as const,
  attempts: 0,
  nextAttemptAt: sql`now()`,
  lockedUntil: null,
  claimToken: null,
  lastError: null,
  retryReason: null,
  failingSince: null,
  batchKey: null,
};

/** Gives a dead message a fresh start. Only the message's own organizers (or an admin) may. */
export async function retryDeadMessage(db: Database, user: Pick<User, "id" | "role">, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const ownership = user.role === "admin" ? undefined : ownedEventMessage(user.id);
  const base = and(eq(emailOutbox.id, id), eq(emailOutbox.status, "dead"));
  const updated = await db
    .update(emailOutbox)
    .set(requeued)
    .where(ownership ? and(base, ownership) : base)
    .returning({ id: emailOutbox.id });
  return updated.length === 1;
}

/** Every dead message the user may retry, queued again at once. Returns how many. */
export async function retryAllDeadMessages(db: Database, user: Pick<User, "id" | "role">): Promise<number> {
  const ownership = user.role === "admin" ? undefined : ownedEventMessage(user.id);
  const base = eq(emailOutbox.status, "dead");
  const updated = await db
    .update(emailOutbox)
    .set(requeued)
    .where(ownership ? and(base, ownership) : base)
    .returning({ id: emailOutbox.id });
  return updated.length;
}
