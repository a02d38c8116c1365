// Drains the webhook outbox: claim a due delivery, resolve and check its target
// (SSRF guard), sign, POST while renewing the lease, record the outcome. Any number
// of workers in any number of processes may run at once; they meet in the database.
import type { Database } from "~db/client.server";
import { holdLease } from "~/server/claim-lease.server";
import { startPollingWorker, type WorkerHandle } from "~/server/polling-worker.server";
import { claimNextDelivery, DEFAULT_WEBHOOK_RETRY_POLICY, recordAttempt, renewDeliveryLease, type WebhookRetryPolicy } from "./delivery-claims.server";
import { pruneDeliveryLog } from "./delivery-log.server";
import { postWebhook, type AttemptResult } from "./send-webhook.server";
import { resolveTarget, type TargetPolicy } from "./target-guard.server";
import { signedHeaders } from "./webhook-signing.server";

export interface DeliverOptions {
  target: TargetPolicy;
  policy?: WebhookRetryPolicy;
  leaseSeconds?: number;
  timeoutMs?: number;
  /** Where the owner's "endpoint disabled" email links to. */
  consoleOrigin: string;
  /** For tests: the instant to claim and record at instead of the clock. */
  now?: () => Date;
}

export const DEFAULT_WEBHOOK_LEASE_SECONDS = 60;

/** Makes one attempt at the next due delivery; returns 1, or 0 when nothing is due. */
export async function deliverNext(db: Database, options: DeliverOptions): Promise<number> {
  const clock = options.now ?? (() => new Date());
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_WEBHOOK_LEASE_SECONDS;
  const claim = await claimNextDelivery(db, { now: clock(), leaseSeconds });
  if (!claim) return 0;
  const lease = holdLease((until) => renewDeliveryLease(db, claim.token, until), leaseSeconds);
  try {
    const sentAt = clock();
    const headers = signedHeaders(claim.endpoint, { messageId: claim.delivery.messageId, body: claim.delivery.body, now: sentAt });
    const url = new URL(claim.endpoint.url);
    const target = await resolveTarget(url, options.target);
    const result: AttemptResult = target.ok
      ? await postWebhook({ url, address: target.address, family: target.family }, { headers, body: claim.delivery.body, timeoutMs: options.timeoutMs, signal: lease.signal })
      : { status: null, body: null, error: target.reason, retryAfterSeconds: null, durationMs: 0 };
    await recordAttempt(db, claim, { result, requestHeaders: headers, now: clock(), policy: options.policy ?? DEFAULT_WEBHOOK_RETRY_POLICY, consoleOrigin: options.consoleOrigin });
    return 1;
  } finally {
    lease.release();
  }
}

/** Everything due now, one attempt at a time (at most `maxAttempts`); returns how many attempts it made. */
export async function drainWebhooksOnce(db: Database, options: DeliverOptions & { maxAttempts?: number }): Promise<number> {
  let attempts = 0;
  while (attempts < (options.maxAttempts ?? 1000) && (await deliverNext(db, options)) > 0) attempts++;
  return attempts;
}

const PRUNE_EVERY_MS = 10 * 60 * 1000;

/** Runs until stopped: delivers in `concurrency` lanes, prunes the 30-day log now and then. */
export function startWebhookWorker(
  db: Database,
  options: DeliverOptions & { pollMs?: number; concurrency?: number; onError?: (error: unknown) => void },
): WorkerHandle {
  let lastPrune = 0;
  return startPollingWorker({
    name: "webhook worker",
    pollMs: options.pollMs ?? 1000,
    concurrency: options.concurrency ?? 4,
    beforeDrain: async (now) => {
      if (now.getTime() - lastPrune < PRUNE_EVERY_MS) return;
      lastPrune = now.getTime();
      await pruneDeliveryLog(db, now);
    },
    drainStep: () => deliverNext(db, options),
    onError: options.onError,
  });
}
