// Who holds which webhook delivery, and what an attempt's outcome does to it and to
// its endpoint. Deliveries are claimed with FOR UPDATE SKIP LOCKED under a lease and
// a claim token (as email is, decision 012), so any number of workers share the
// outbox and a worker whose lease lapsed can never record over the one that took over.
// A delivery waits while an earlier one with the same ordering key (the same
// registration, event, recording or speaker) is still on its way to that endpoint.
import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Database } from "~db/client.server";
import type { Tx } from "~db/records.server";
import { users, webhookAttempts, webhookDeliveries, webhookEndpoints, type WebhookDelivery, type WebhookEndpoint } from "~db/schema";
import { enqueueEmail } from "~/email/outbox.server";
import { backoffWithJitterSeconds } from "~/server/claim-lease.server";
import { formatInstant } from "~/time";
import { emailLocale } from "~emails/i18n";
import type { AttemptResult } from "./send-webhook.server";

export interface WebhookRetryPolicy {
  backoffBaseSeconds: number;
  backoffCapSeconds: number;
  /** A delivery (and an endpoint) failing this long is given up (and disabled). */
  giveUpSeconds: number;
}

export const DEFAULT_WEBHOOK_RETRY_POLICY: WebhookRetryPolicy = { backoffBaseSeconds: 10, backoffCapSeconds: 6 * 3600, giveUpSeconds: 3 * 86_400 };

/** A Retry-After beyond this is read as "later", not obeyed to the letter. */
const RETRY_AFTER_CAP_SECONDS = 6 * 3600;

export interface DeliveryClaim {
  delivery: WebhookDelivery;
  endpoint: WebhookEndpoint;
  token: string;
}

/** Claims the next due delivery of an enabled endpoint, or null when nothing is due. */
export async function claimNextDelivery(db: Database, { now, leaseSeconds }: { now: Date; leaseSeconds: number }): Promise<DeliveryClaim | null> {
  const at = now.toISOString();
  // Lapsed leases (a worker that died) first, then queued rows in due order; two scans so each can
  // walk its partial index in order and stop at the first row free to go.
  const freeToGo = sql`${webhookEndpoints.disabledAt} is null
    and not exists (select 1 from webhook_deliveries earlier
      where earlier.endpoint_id = ${webhookDeliveries.endpointId} and earlier.ordering_key = ${webhookDeliveries.orderingKey}
        and earlier.position < ${webhookDeliveries.position} and earlier.status in ('queued', 'sending'))`;
  return db.transaction(async (tx) => {
    const pick = (due: SQL, order: (SQL | AnyPgColumn)[]) =>
      tx
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
        .where(and(due, freeToGo))
        .orderBy(...order)
        .limit(1)
        .for("update", { of: webhookDeliveries, skipLocked: true });
    const lapsed = await pick(sql`${webhookDeliveries.status} = 'sending' and ${webhookDeliveries.lockedUntil} < ${at}`, [webhookDeliveries.lockedUntil]);
    const [next] = lapsed.length
      ? lapsed
      : await pick(sql`${webhookDeliveries.status} = 'queued' and ${webhookDeliveries.nextAttemptAt} <= ${at}`, [webhookDeliveries.nextAttemptAt, webhookDeliveries.position]);
    if (!next) return null;
    const token = randomUUID();
    const [delivery] = await tx
      .update(webhookDeliveries)
      .set({ status: "sending", lockedUntil: new Date(now.getTime() + leaseSeconds * 1000), claimToken: token, attempts: sql`${webhookDeliveries.attempts} + 1` })
      .where(eq(webhookDeliveries.id, next.id))
      .returning();
    const [endpoint] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, delivery!.endpointId));
    return { delivery: delivery!, endpoint: endpoint!, token };
  });
}

/** Extends the claim's lease; false when the delivery is no longer this claim's. */
export async function renewDeliveryLease(db: Database, token: string, until: Date): Promise<boolean> {
  const renewed = await db
    .update(webhookDeliveries)
    .set({ lockedUntil: until })
    .where(sql`${webhookDeliveries.claimToken} = ${token} and ${webhookDeliveries.status} = 'sending'`)
    .returning({ id: webhookDeliveries.id });
  return renewed.length > 0;
}

/** Timeouts, connection errors, 429 and 5xx are worth another try; any other answer is final. */
export function isRetryable(result: Pick<AttemptResult, "status" | "error">): boolean {
  if (result.error !== null || result.status === null) return true;
  return result.status === 429 || result.status >= 500;
}

const isSuccess = (result: Pick<AttemptResult, "status" | "error">) => result.error === null && result.status !== null && result.status >= 200 && result.status < 300;

export function describeOutcome(result: Pick<AttemptResult, "status" | "error">): string {
  return result.error ?? `HTTP ${result.status}`;
}

/**
 * Logs the attempt and records its outcome on the delivery (if the claim is still
 * ours) and on the endpoint, in one transaction. An endpoint that has failed for the
 * give-up time is disabled and its owner emailed through the email outbox.
 */
export async function recordAttempt(
  db: Database,
  claim: DeliveryClaim,
  { result, requestHeaders, now, policy, consoleOrigin }: { result: AttemptResult; requestHeaders: Record<string, string>; now: Date; policy: WebhookRetryPolicy; consoleOrigin: string },
): Promise<"delivered" | "retrying" | "failed" | "lost"> {
  const { delivery, endpoint, token } = claim;
  return db.transaction(async (tx) => {
    await tx.insert(webhookAttempts).values({
      deliveryId: delivery.id,
      endpointId: endpoint.id,
      attempt: delivery.attempts,
      url: endpoint.url,
      requestHeaders,
      responseStatus: result.status,
      responseBody: result.body,
      error: result.error,
      durationMs: result.durationMs,
      attemptedAt: now,
    });
    const ours = and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.claimToken, token), eq(webhookDeliveries.status, "sending"));
    const release = { lockedUntil: null, claimToken: null, lastStatus: result.status };
    if (isSuccess(result)) {
      const done = await tx
        .update(webhookDeliveries)
        .set({ ...release, status: "delivered", deliveredAt: now, lastError: null, failingSince: null })
        .where(ours)
        .returning({ id: webhookDeliveries.id });
      await tx.update(webhookEndpoints).set({ failingSince: null }).where(and(eq(webhookEndpoints.id, endpoint.id), isNotNull(webhookEndpoints.failingSince)));
      return done.length ? "delivered" : "lost";
    }
    const lastError = describeOutcome(result);
    const failingSince = delivery.failingSince ?? now;
    const givenUp = !isRetryable(result) || now.getTime() - failingSince.getTime() >= policy.giveUpSeconds * 1000;
    const waitSeconds =
      result.retryAfterSeconds !== null
        ? Math.min(RETRY_AFTER_CAP_SECONDS, Math.max(1, result.retryAfterSeconds))
        : backoffWithJitterSeconds(delivery.attempts, { baseSeconds: policy.backoffBaseSeconds, capSeconds: policy.backoffCapSeconds });
    const recorded = await tx
      .update(webhookDeliveries)
      .set({
        ...release,
        status: givenUp ? "failed" : "queued",
        failingSince,
        lastError: givenUp && !isRetryable(result) ? `${lastError} (not retried: only timeouts, connection errors, 429 and 5xx are)` : lastError,
        nextAttemptAt: new Date(now.getTime() + waitSeconds * 1000),
      })
      .where(ours)
      .returning({ id: webhookDeliveries.id });
    await noteEndpointFailure(tx, endpoint, { now, policy, lastError, consoleOrigin });
    if (!recorded.length) return "lost";
    return givenUp ? "failed" : "retrying";
  });
}

async function noteEndpointFailure(
  tx: Tx,
  endpoint: WebhookEndpoint,
  { now, policy, lastError, consoleOrigin }: { now: Date; policy: WebhookRetryPolicy; lastError: string; consoleOrigin: string },
): Promise<void> {
  // Read under a row lock (one that does not block new deliveries' foreign keys): two workers failing at once disable and email once.
  const [current] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id)).for("no key update");
  if (!current || current.disabledAt) return;
  const failingSince = current.failingSince ?? now;
  const exhausted = now.getTime() - failingSince.getTime() >= policy.giveUpSeconds * 1000;
  if (!exhausted) {
    if (!current.failingSince) await tx.update(webhookEndpoints).set({ failingSince }).where(eq(webhookEndpoints.id, endpoint.id));
    return;
  }
  await tx
    .update(webhookEndpoints)
    .set({ failingSince, disabledAt: now, disabledReason: `Failing since ${failingSince.toISOString()}; last: ${lastError}`.slice(0, 500), updatedAt: now })
    .where(eq(webhookEndpoints.id, endpoint.id));
  const [owner] = await tx.select({ email: users.email, name: users.name, locale: users.locale }).from(users).where(eq(users.id, endpoint.ownerUserId));
  if (!owner) return;
  await enqueueEmail(tx, {
    dedupeKey: `webhook-endpoint-disabled/${endpoint.id}/${now.getTime()}`,
    to: { email: owner.email, name: owner.name },
    message: {
      template: "webhook-endpoint-disabled",
      props: {
        recipient: { name: owner.name },
        endpoint: { url: endpoint.url, description: endpoint.description, consoleUrl: `${consoleOrigin}/admin/webhooks/${endpoint.id}` },
        failingSince: formatInstant(failingSince, "UTC", "dateTime", emailLocale(owner.locale)),
        lastError,
        locale: emailLocale(owner.locale),
      },
    },
  });
}
