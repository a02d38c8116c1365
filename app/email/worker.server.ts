// Drains the email outbox. Any number of workers, in any number of processes, may run
// at once: each claims one request's worth of mail (outbox-claims), renders it, waits
// for a slot of the shared send rate (send-rate), sends it while renewing its lease, and
// records the answer. The outbox id (a batch: its lead's id) is the provider's
// idempotency key, so a reclaimed message is never delivered twice.
import type { Database } from "~db/client.server";
import type { OutboxRow } from "~db/schema";
import type { EmailMessage } from "~emails/render";
import { renderEmails } from "~emails/render-many";
import type { BatchDeliveryResult, EmailTransport, OutgoingEmail } from "./deliver.server";
import {
  claimNextSend,
  DEFAULT_DELIVERY_POLICY,
  dropClaimIfExpired,
  dropExpiredMessages,
  recordOutcome,
  releaseClaim,
  renewLease,
  type Claim,
  type DeliveryPolicy,
} from "./outbox-claims.server";
import { holdLease } from "~/server/claim-lease.server";
import { startPollingWorker, type WorkerHandle } from "~/server/polling-worker.server";
import { acquireSendSlot, recordLateSend, recordProviderLimit, recordRateLimited, type SendRateConfig } from "./send-rate.server";

export { backoffSeconds } from "./outbox-claims.server";
export { outageDelayMs, type WorkerHandle } from "~/server/polling-worker.server";

/** How long a claimed message stays with its worker, unless renewed, before another may reclaim it. */
export const DEFAULT_LEASE_SECONDS = 60;

export interface SendOptions {
  transport: EmailTransport;
  from: string;
  leaseSeconds?: number;
  /** Emails per batch request; 1 sends everything one by one. */
  batchSize?: number;
  policy?: DeliveryPolicy;
  /** The shared send rate; without it (the built-in mailbox) nothing waits. */
  rate?: SendRateConfig;
  /** For tests: the instant to claim and record at instead of the clock. */
  now?: Date;
  /** Asked between waits for a rate slot; true gives the claim back and stops. */
  stopping?: () => boolean;
  /** Claim fan-out only as a full batch (while more of it is being queued); see claimNextSend. */
  fullBatchesOnly?: boolean;
}

function toOutgoing(row: OutboxRow, from: string, rendered: { subject: string; html: string; text: string }): OutgoingEmail {
  return {
    outboxId: row.id,
    from,
    to: row.toName ? `${row.toName.replace(/[<>"]/g, "")} <${row.toEmail}>` : row.toEmail,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    // Names the message in the provider's logs and our own, batch or not.
    headers: { ...row.headers, "X-Entity-Ref-ID": row.id },
    attachments: row.attachments,
  };
}

/**
 * Renders each row; a template that cannot render will not render on the next try either.
 * A batch's rows are rendered together: once per group of identical messages (renderEmails).
 */
async function renderClaim(claim: Claim, from: string): Promise<{ ready: { row: OutboxRow; email: OutgoingEmail }[]; broken: { row: OutboxRow; error: string }[] }> {
  const ready: { row: OutboxRow; email: OutgoingEmail }[] = [];
  const broken: { row: OutboxRow; error: string }[] = [];
  const outcomes = await renderEmails(claim.rows.map((row) => ({ template: row.template, props: row.props }) as unknown as EmailMessage));
  claim.rows.forEach((row, index) => {
    const outcome = outcomes[index]!;
    if (outcome.ok) ready.push({ row, email: toOutgoing(row, from, outcome.rendered) });
    else broken.push({ row, error: `render failed: ${outcome.error}` });
  });
  return { ready, broken };
}

/**
 * Waits for a slot of the shared send rate and then until the slot's instant, so requests
 * leave evenly spaced. Returns the slot, or null when the worker is stopping (the claim is
 * given back).
 */
async function waitForSendSlot(db: Database, rate: SendRateConfig, stopping: () => boolean): Promise<Date | null> {
  for (;;) {
    if (stopping()) return null;
    const slot = await acquireSendSlot(db, rate);
    if (slot.granted) {
      await sleep(slot.sendAt.getTime() - Date.now());
      return slot.sendAt;
    }
    await sleep(Math.min(slot.waitMs, 1000));
  }
}

/** Later than this after its slot, a request pushes the next slots back (recordLateSend). */
const LATE_SEND_MS = 5;

const sleep = (ms: number) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());

/** Sends the next request's worth of due mail. Returns how many messages it handled (0: nothing due). */
export async function sendNext(db: Database, options: SendOptions): Promise<number> {
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_LEASE_SECONDS;
  const policy = options.policy ?? DEFAULT_DELIVERY_POLICY;
  const clock = () => options.now ?? new Date();
  const claim = await claimNextSend(db, { now: clock(), leaseSeconds, batchSize: options.batchSize ?? 1, fullBatchesOnly: options.fullBatchesOnly });
  if (!claim) return 0;
  const lease = holdLease((until) => renewLease(db, claim.token, until), leaseSeconds);
  try {
    const { ready, broken } = await renderClaim(claim, options.from);
    if (broken.length > 0) {
      const error = broken.map((b) => b.error).join("; ");
      await recordOutcome(db, { rows: broken.map((b) => b.row), token: claim.token }, { ok: false, retryable: false, error }, { now: clock(), policy });
    }
    if (ready.length === 0) return claim.rows.length;
    const slot = options.rate ? await waitForSendSlot(db, options.rate, options.stopping ?? (() => false)) : null;
    if (options.rate && !slot) {
      await releaseClaim(db, claim.token);
      return 0;
    }
    // The wait for a slot can outlast a reminder's usefulness (the event has started): drop, never send late.
    if (await dropClaimIfExpired(db, claim, clock())) return claim.rows.length;
    // How late the request leaves, not counting the SDK's own (steady) time to build it.
    const late = slot ? Date.now() - slot.getTime() : 0;
    const sending = send(options.transport, claim, ready.map((r) => r.email), lease.signal);
    // Told while the request is already on its way: the send itself must not wait for the database.
    if (options.rate && late > LATE_SEND_MS) await recordLateSend(db, options.rate, late).catch(() => undefined);
    const result = await sending;
    let resumeAt: Date | undefined;
    if (!result.ok && result.rateLimited && options.rate) {
      resumeAt = await recordRateLimited(db, options.rate, result);
    } else if (result.providerLimit !== undefined && options.rate) {
      await recordProviderLimit(db, options.rate, result.providerLimit);
    }
    await recordOutcome(db, { rows: ready.map((r) => r.row), token: claim.token }, result, { now: clock(), policy, resumeAt });
    return claim.rows.length;
  } finally {
    lease.release();
  }
}

async function send(transport: EmailTransport, claim: Claim, emails: OutgoingEmail[], signal: AbortSignal): Promise<BatchDeliveryResult> {
  if (claim.batchKey === null) {
    const result = await transport.send(emails[0]!, { signal });
    return result.ok ? { ok: true, providerIds: [result.providerId], providerLimit: result.providerLimit } : result;
  }
  // A batch that lost a member to a template error is a different request from the full one.
  const idempotencyKey = emails.length === claim.rows.length ? claim.batchKey : `${claim.batchKey}/${emails.length}`;
  return transport.sendBatch(emails, { idempotencyKey, signal });
}

/** Sends everything due now, one request at a time (at most `maxRequests`). Returns how many messages it handled. */
export async function drainOutboxOnce(db: Database, options: SendOptions & { maxRequests?: number }): Promise<number> {
  await dropExpiredMessages(db, options.now ?? new Date());
  let handled = 0;
  for (let request = 0; request < (options.maxRequests ?? 1000); request++) {
    const count = await sendNext(db, options);
    if (count === 0) break;
    handled += count;
  }
  return handled;
}

export interface WorkerOptions extends Omit<SendOptions, "now" | "stopping" | "fullBatchesOnly"> {
  pollMs?: number;
  /** Sends this process keeps in flight at once. */
  concurrency?: number;
  beforeDrain?: (now: Date) => Promise<void>;
  onError?: (error: unknown) => void;
}

/** Runs until stopped: drains while there is work (in `concurrency` lanes), then polls. */
export function startOutboxWorker(db: Database, options: WorkerOptions): WorkerHandle {
  return startPollingWorker({
    name: "outbox worker",
    pollMs: options.pollMs ?? 1000,
    concurrency: options.concurrency ?? 1,
    beforeDrain: options.beforeDrain,
    // Reminders are queued in chunks that commit as they go: send the first while the rest are queued.
    drainWhileScheduling: true,
    prepareDrain: async (now) => void (await dropExpiredMessages(db, now)),
    // While reminders are still being queued, a batch waits until it is full rather than leave half empty.
    drainStep: (stopping, scheduling) => sendNext(db, { ...options, stopping, fullBatchesOnly: scheduling }),
    onError: options.onError,
  });
}
