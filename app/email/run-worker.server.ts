import type { Database } from "~db/client.server";
import type { Env } from "~/env.server";
import { createResendTransport, type EmailTransport } from "./deliver.server";
import { createMailboxTransport } from "./mailbox-transport.server";
import { queueSpeakerChangeDigests } from "~/speakers/speaker-digest.server";
import { queueDueReminders } from "./reminders.server";
import { startOutboxWorker, type WorkerHandle } from "./worker.server";

/** Resend when a key is configured; otherwise the built-in mailbox at /admin/mailbox. */
export function chooseTransport(env: Env, db: Database): EmailTransport {
  return env.RESEND_API_KEY
    ? createResendTransport({ apiKey: env.RESEND_API_KEY, baseUrl: env.RESEND_BASE_URL })
    : createMailboxTransport(db);
}

export function publicOrigin(env: Env): string {
  return (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

/** The outbox worker with reminder scheduling, as the web process and `npm run worker` run it. */
export function runEmailWorker(db: Database, env: Env, linkSecret: string): WorkerHandle {
  const links = { origin: publicOrigin(env), secret: linkSecret };
  return startOutboxWorker(db, {
    transport: chooseTransport(env, db),
    from: env.EMAIL_FROM,
    pollMs: env.PODIUM_WORKER_POLL_MS,
    leaseSeconds: env.PODIUM_WORKER_LEASE_SECONDS,
    beforeDrain: async (now) => {
      await queueDueReminders(db, { now, links });
      await queueSpeakerChangeDigests(db, { now, links });
    },
  });
}
