// Drains the email outbox. Any number of workers, in any number of processes,
// may run at once: each claims rows with FOR UPDATE SKIP LOCKED, and a row whose
// worker died mid-send is reclaimed once its lease runs out. The outbox id is
// the provider's idempotency key, so a reclaimed row is never delivered twice.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { emailOutbox, type OutboxRow } from "~db/schema";
import { renderEmail, type EmailMessage } from "~emails/render";
import type { DeliveryResult, EmailTransport } from "./deliver.server";

export const MAX_ATTEMPTS = 8;
/** How long a claimed message stays with its worker before another may reclaim it. */
export const DEFAULT_LEASE_SECONDS = 60;

/** 30 s, 1 min, 2 min … capped at one hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

export async function claimDueMessages(
  db: Database,
  { limit, now, leaseSeconds = DEFAULT_LEASE_SECONDS }: { limit: number; now: Date; leaseSeconds?: number },
): Promise<OutboxRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
  return db
    .update(emailOutbox)
    .set({ status: "sending", lockedUntil: leaseUntil, attempts: sql`${emailOutbox.attempts} + 1` })
    .where(
      sql`${emailOutbox.id} in (
        select id from email_outbox
        where (status = 'queued' and next_attempt_at <= ${now.toISOString()})
           or (status = 'sending' and locked_until < ${now.toISOString()})
        order by next_attempt_at
        limit ${limit}
        for update skip locked)`,
    )
    .returning();
}

async function recordResult(db: Database, row: OutboxRow, result: DeliveryResult, now: Date): Promise<void> {
  const stillOurs = and(eq(emailOutbox.id, row.id), eq(emailOutbox.status, "sending"));
  if (result.ok) {
    await db
      .update(emailOutbox)
      .set({ status: "sent", sentAt: now, providerId: result.providerId, lockedUntil: null, lastError: null })
      .where(stillOurs);
    return;
  }
  const dead = !result.retryable || row.attempts >= MAX_ATTEMPTS;
  const waitSeconds = result.retryAfterSeconds ?? backoffSeconds(row.attempts);
  await db
    .update(emailOutbox)
    .set({
      status: dead ? "dead" : "queued",
      lastError: result.error.slice(0, 2000),
      lockedUntil: null,
      nextAttemptAt: new Date(now.getTime() + waitSeconds * 1000),
    })
    .where(stillOurs);
}

export async function deliverRow(row: OutboxRow, { transport, from }: { transport: EmailTransport; from: string }): Promise<DeliveryResult> {
  try {
    const rendered = await renderEmail({ template: row.template, props: row.props } as unknown as EmailMessage);
    return await transport.send({
      outboxId: row.id,
      from,
      to: row.toName ? `${row.toName.replace(/[<>"]/g, "")} <${row.toEmail}>` : row.toEmail,
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      headers: row.headers,
      attachments: row.attachments,
    });
  } catch (error) {
    // A template that cannot render will not render on the next try either.
    return { ok: false, retryable: false, error: `render failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** One pass: claim a batch, deliver each, record each outcome. Returns how many were handled. */
export async function drainOutboxOnce(
  db: Database,
  {
    transport,
    from,
    now = new Date(),
    batchSize = 20,
    leaseSeconds,
  }: { transport: EmailTransport; from: string; now?: Date; batchSize?: number; leaseSeconds?: number },
): Promise<number> {
  const rows = await claimDueMessages(db, { limit: batchSize, now, leaseSeconds });
  for (const row of rows) {
    const result = await deliverRow(row, { transport, from });
    await recordResult(db, row, result, new Date());
  }
  return rows.length;
}

export interface WorkerHandle {
  stop(): Promise<void>;
}

/** Runs until stopped: drains while there is work, then polls. */
export function startOutboxWorker(
  db: Database,
  options: {
    transport: EmailTransport;
    from: string;
    pollMs?: number;
    leaseSeconds?: number;
    beforeDrain?: (now: Date) => Promise<void>;
    onError?: (error: unknown) => void;
  },
): WorkerHandle {
  const pollMs = options.pollMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const report = options.onError ?? console.error;
  const tick = async () => {
    // Scheduling (reminders, digests) failing must never hold back mail already queued.
    try {
      await options.beforeDrain?.(new Date());
    } catch (error) {
      report(error);
    }
    try {
      while (!stopped && (await drainOutboxOnce(db, { transport: options.transport, from: options.from, leaseSeconds: options.leaseSeconds })) > 0) {
        // keep draining while there is work
      }
    } catch (error) {
      report(error);
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), pollMs);
  };
  running = tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
