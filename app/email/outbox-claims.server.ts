// Who holds which outbox rows, and what a provider's answer does to them. A claim is
// one request's worth of mail: a single message, or a batch of up to 100 fan-out
// messages. Rows are claimed with FOR UPDATE SKIP LOCKED and carry the claim's token,
// so a worker whose lease lapsed can never record over the worker that took over.
import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import type { Tx } from "~db/records.server";
import { emailOutbox, type OutboxRow } from "~db/schema";
import type { BatchDeliveryResult } from "./deliver.server";

export interface DeliveryPolicy {
  backoffBaseSeconds: number;
  backoffCapSeconds: number;
  /** A message that has kept failing (really failing, not rate limited) this long is dead. */
  giveUpSeconds: number;
}

/** The same as the environment's defaults (app/env.server.ts, decision 024). */
export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = { backoffBaseSeconds: 5, backoffCapSeconds: 600, giveUpSeconds: 86_400 };

/** A reminder this close to being too late jumps ahead of everything else. */
const URGENT_WITHIN_MS = 15 * 60_000;

export interface Claim {
  /** Sorted by id, so a reclaimed batch is the same request, byte for byte. */
  rows: OutboxRow[];
  /** Set for a batch: the lead row's id, which is also the batch's idempotency key. */
  batchKey: string | null;
  token: string;
}

/** `base`, `2·base`, `4·base` … capped, after the 1st, 2nd, 3rd … real failure. */
export function backoffSeconds(failures: number, policy: DeliveryPolicy = DEFAULT_DELIVERY_POLICY): number {
  return Math.min(policy.backoffCapSeconds, policy.backoffBaseSeconds * 2 ** Math.max(0, failures - 1));
}

function due(now: Date) {
  const at = now.toISOString();
  return sql`((${emailOutbox.status} = 'queued' and ${emailOutbox.nextAttemptAt} <= ${at})
    or (${emailOutbox.status} = 'sending' and ${emailOutbox.lockedUntil} < ${at}))
    and (${emailOutbox.expiresAt} is null or ${emailOutbox.expiresAt} > ${at})`;
}

/** Most urgent first: a reminder about to be too late, then by priority, then the longest waiting. */
function urgency(now: Date) {
  const urgentBefore = new Date(now.getTime() + URGENT_WITHIN_MS).toISOString();
  return sql`case when ${emailOutbox.expiresAt} <= ${urgentBefore} then -1 else ${emailOutbox.priority} end, ${emailOutbox.nextAttemptAt}, ${emailOutbox.id}`;
}

/**
 * Claims the next request's worth of mail, or returns null when nothing is due.
 *
 * Only a batch's lead row (batch_key = id) is ever picked by the skip-locked scan, and
 * only the lead's holder locks its mates, so two workers never split a batch. A batch
 * keeps its members through retries, so its idempotency key always names the same emails.
 * Batch mates share an expiry, so a batch is dropped whole or not at all. With
 * `fullBatchesOnly`, a new batch is claimed only when it can be full.
 */
export async function claimNextSend(
  db: Database,
  { now, leaseSeconds, batchSize, fullBatchesOnly = false }: { now: Date; leaseSeconds: number; batchSize: number; fullBatchesOnly?: boolean },
): Promise<Claim | null> {
  return db.transaction(async (tx: Tx) => {
    const [lead] = await tx
      .select({ id: emailOutbox.id, batchKey: emailOutbox.batchKey, batchable: emailOutbox.batchable, expiresAt: emailOutbox.expiresAt })
      .from(emailOutbox)
      .where(sql`${due(now)} and (${emailOutbox.batchKey} is null or ${emailOutbox.batchKey} = ${emailOutbox.id})`)
      .orderBy(urgency(now))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!lead) return null;

    let mateIds: string[] = [];
    if (lead.batchKey) {
      const mates = await tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(sql`${emailOutbox.batchKey} = ${lead.id} and ${emailOutbox.id} <> ${lead.id} and ${emailOutbox.status} in ('queued', 'sending')`)
        .for("update");
      mateIds = mates.map((m) => m.id);
    } else if (lead.batchable && batchSize > 1) {
      const expiry = lead.expiresAt ? lead.expiresAt.toISOString() : null;
      const mates = await tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(
          sql`${due(now)} and ${emailOutbox.batchable} and ${emailOutbox.batchKey} is null and ${emailOutbox.id} <> ${lead.id}
            and ${emailOutbox.expiresAt} is not distinct from ${expiry}::timestamptz`,
        )
        .orderBy(urgency(now))
        .limit(batchSize - 1)
        .for("update", { skipLocked: true });
      mateIds = mates.map((m) => m.id);
      // More of this fan-out is still being queued: a half-empty batch now would cost a request later.
      if (fullBatchesOnly && mateIds.length < batchSize - 1) return null;
    }
    // A fan-out email travels by the batch endpoint even when it is the last of its group
    // (or its mates went to another worker's batch): fan-out never costs a single request.
    const isBatch = lead.batchKey !== null || (lead.batchable && batchSize > 1);
    const token = randomUUID();
    const ids = [lead.id, ...mateIds];
    const rows = await tx
      .update(emailOutbox)
      .set({
        status: "sending",
        lockedUntil: new Date(now.getTime() + leaseSeconds * 1000),
        claimToken: token,
        attempts: sql`${emailOutbox.attempts} + 1`,
        batchKey: isBatch ? lead.id : null,
        // Tried alone, it stays alone: its idempotency key (its own id) must never change.
        batchable: isBatch,
      })
      .where(inArray(emailOutbox.id, ids))
      .returning();
    rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { rows, batchKey: isBatch ? lead.id : null, token };
  });
}

/** Extends the claim's lease; false when the rows are no longer this claim's. */
export async function renewLease(db: Database, token: string, until: Date): Promise<boolean> {
  const renewed = await db
    .update(emailOutbox)
    .set({ lockedUntil: until })
    .where(sql`${emailOutbox.claimToken} = ${token} and ${emailOutbox.status} = 'sending'`)
    .returning({ id: emailOutbox.id });
  return renewed.length > 0;
}

/** Gives the rows back untouched (a worker stopping before it sent them). */
export async function releaseClaim(db: Database, token: string): Promise<void> {
  await db
    .update(emailOutbox)
    .set({ status: "queued", lockedUntil: null, claimToken: null, attempts: sql`greatest(${emailOutbox.attempts} - 1, 0)` })
    .where(sql`${emailOutbox.claimToken} = ${token} and ${emailOutbox.status} = 'sending'`);
}

const DROPPED_LATE = "dropped: it could no longer arrive in time";

/** Reminders for events that have started: sending them now would only confuse. */
export async function dropExpiredMessages(db: Database, now: Date): Promise<number> {
  const at = now.toISOString();
  const dropped = await db
    .update(emailOutbox)
    .set({ status: "dropped", lockedUntil: null, claimToken: null, lastError: DROPPED_LATE })
    .where(
      sql`${emailOutbox.expiresAt} <= ${at} and (${emailOutbox.status} = 'queued'
        or (${emailOutbox.status} = 'sending' and ${emailOutbox.lockedUntil} < ${at}))`,
    )
    .returning({ id: emailOutbox.id });
  return dropped.length;
}

const ours = (token: string) => sql`${emailOutbox.claimToken} = ${token} and ${emailOutbox.status} = 'sending'`;

/**
 * A claim whose messages expired while it waited for a send slot (the event started)
 * is dropped instead of sent late. Batch mates share one expiry, so it is all or none.
 */
export async function dropClaimIfExpired(db: Database, claim: Pick<Claim, "rows" | "token">, now: Date): Promise<boolean> {
  if (!claim.rows.every((row) => row.expiresAt !== null && row.expiresAt <= now)) return false;
  await db
    .update(emailOutbox)
    .set({ status: "dropped", lockedUntil: null, claimToken: null, lastError: DROPPED_LATE })
    .where(ours(claim.token));
  return true;
}

/**
 * Records the provider's answer on every row of the claim. A rate limit gives the
 * attempt back and waits until `resumeAt`; a real failure is retried with backoff
 * until it has kept failing for the give-up time; a refusal is dead at once.
 */
export async function recordOutcome(
  db: Database,
  claim: Pick<Claim, "rows" | "token">,
  result: BatchDeliveryResult,
  { now, policy, resumeAt }: { now: Date; policy: DeliveryPolicy; resumeAt?: Date },
): Promise<void> {
  const at = now.toISOString();
  if (result.ok) {
    const pairs = claim.rows.map((row, i) => ({ id: row.id, provider_id: result.providerIds[i] ?? null }));
    await db.execute(sql`
      update email_outbox o set status = 'sent', sent_at = ${at}, provider_id = v.provider_id, locked_until = null,
        claim_token = null, last_error = null, retry_reason = null, failing_since = null
      from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as v(id uuid, provider_id text)
      where o.id = v.id and o.claim_token = ${claim.token} and o.status = 'sending'`);
    return;
  }
  const lastError = result.error.slice(0, 2000);
  if (result.rateLimited) {
    const waitUntil = resumeAt ?? new Date(now.getTime() + (result.retryAfterSeconds ?? 1) * 1000);
    await db
      .update(emailOutbox)
      .set({
        status: "queued",
        attempts: sql`greatest(${emailOutbox.attempts} - 1, 0)`,
        nextAttemptAt: waitUntil,
        retryReason: "rate_limit",
        lastError,
        lockedUntil: null,
        claimToken: null,
      })
      .where(ours(claim.token));
    return;
  }
  if (!result.retryable) {
    await db.update(emailOutbox).set({ status: "dead", lastError, lockedUntil: null, claimToken: null, retryReason: null }).where(ours(claim.token));
    return;
  }
  const backoff = sql`least(${policy.backoffCapSeconds}::float8, ${policy.backoffBaseSeconds}::float8 * power(2, greatest(${emailOutbox.attempts} - 1, 0)))`;
  const failingSince = sql`coalesce(${emailOutbox.failingSince}, ${at}::timestamptz)`;
  await db
    .update(emailOutbox)
    .set({
      status: sql`case when ${failingSince} <= ${at}::timestamptz - make_interval(secs => ${policy.giveUpSeconds}::float8) then 'dead' else 'queued' end::outbox_status`,
      failingSince,
      nextAttemptAt: sql`${at}::timestamptz + make_interval(secs => ${backoff})`,
      retryReason: "provider_error",
      lastError,
      lockedUntil: null,
      claimToken: null,
    })
    .where(ours(claim.token));
}
