import type { Database } from "~db/client.server";
import { webhooksMayReachPrivateNetworks, type Env } from "~/env.server";
import { createResendTransport, type EmailTransport } from "~/email/deliver.server";
import { createMailboxTransport } from "~/email/mailbox-transport.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { pruneRateLimits } from "~/security/rate-limit.server";
import { pruneIdempotencyKeys } from "~/api/idempotency.server";
import { queueSpeakerChangeDigests } from "~/speakers/speaker-digest.server";
import { queueDueReminders } from "~/registrations/reminders.server";
import { startOutboxWorker, type WorkerHandle } from "~/email/worker.server";
import { warmUpRendering } from "~emails/render-many";
import type { DeliveryPolicy } from "~/email/outbox-claims.server";
import type { SendRateConfig } from "~/email/send-rate.server";
import { startWebhookWorker } from "~/webhooks/webhook-worker.server";

/** Resend when a key is configured; otherwise the built-in mailbox at /admin/mailbox. */
export function chooseTransport(env: Env, db: Database): EmailTransport {
  return env.RESEND_API_KEY
    ? createResendTransport({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL })
    : createMailboxTransport(db);
}

export function deliveryPolicy(env: Env): DeliveryPolicy {
  return {
    backoffBaseSeconds: env.PODIUM_EMAIL_BACKOFF_BASE_SECONDS,
    backoffCapSeconds: env.PODIUM_EMAIL_BACKOFF_CAP_SECONDS,
    giveUpSeconds: env.PODIUM_EMAIL_GIVE_UP_SECONDS,
  };
}

export function sendRateConfig(env: Env): SendRateConfig {
  return { ratePerSecond: env.RESEND_RATE_PER_SECOND, provider: "resend" };
}

/** The outbox worker with reminder scheduling, as the web process and `npm run worker` run it. */
/** Rate-limit windows last at most an hour; a day's margin keeps every live one. */
const RATE_LIMIT_RETENTION_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;

/** `links.origin` comes from app/security/public-origin.server, never from a request. */
export function runEmailWorker(db: Database, env: Env, links: LinkSigner): WorkerHandle {
  let lastPrune = 0;
  const transport = chooseTransport(env, db);
  // Not awaited, and its failure ignored: a template that cannot render fails again, visibly, on its first real send.
  void warmUpRendering().catch(() => undefined);
  return startOutboxWorker(db, {
    transport,
    from: env.EMAIL_FROM,
    pollMs: env.PODIUM_WORKER_POLL_MS,
    leaseSeconds: env.PODIUM_WORKER_LEASE_SECONDS,
    batchSize: env.PODIUM_EMAIL_BATCH_SIZE,
    concurrency: env.PODIUM_EMAIL_CONCURRENCY,
    policy: deliveryPolicy(env),
    // The built-in mailbox is a table in our own database: nothing to protect.
    rate: transport.name === "resend" ? sendRateConfig(env) : undefined,
    beforeDrain: async (now) => {
      await queueDueReminders(db, { now, links });
      await queueSpeakerChangeDigests(db, { now, links });
      // Without this, rate_limits gains a row per address and window for ever.
      if (now.getTime() - lastPrune >= PRUNE_EVERY_MS) {
        lastPrune = now.getTime();
        await pruneRateLimits(db, new Date(now.getTime() - RATE_LIMIT_RETENTION_MS));
        await pruneIdempotencyKeys(db, now);
      }
    },
  });
}

/** The webhook worker: delivers the webhook outbox and prunes its 30-day log. `consoleOrigin` is the public origin. */
export function runWebhookWorker(db: Database, env: Env, consoleOrigin: string): WorkerHandle {
  return startWebhookWorker(db, {
    target: { allowPrivate: webhooksMayReachPrivateNetworks(env) },
    policy: { backoffBaseSeconds: env.PODIUM_WEBHOOK_BACKOFF_BASE_SECONDS, backoffCapSeconds: 6 * 3600, giveUpSeconds: env.PODIUM_WEBHOOK_GIVE_UP_SECONDS },
    leaseSeconds: env.PODIUM_WORKER_LEASE_SECONDS,
    pollMs: env.PODIUM_WORKER_POLL_MS,
    concurrency: env.PODIUM_WEBHOOK_CONCURRENCY,
    consoleOrigin,
  });
}
