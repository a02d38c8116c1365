// Webhook delivery across real worker processes (`npm run worker`'s script) on one
// PostgreSQL, one of them killed with SIGKILL while requests are in flight. The
// receiver is a real HTTP server on loopback verifying every signature with the
// `standardwebhooks` package. Nothing may be lost and nothing duplicated as the
// receiver counts (by webhook-id), and each registration's messages stay in order.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { eventOrganizers, webhookDeliveries } from "~db/schema";
import { cancelRegistration } from "~/registrations/manage.server";
import { registerAttendee } from "~/registrations/register.server";
import { createEndpoint } from "~/webhooks/endpoints.server";
import { signedInOrganizer } from "./support/organizer";
import { createTestDatabase, type TestDatabase } from "./support/test-database";
import { TEST_LINK_SECRET } from "./support/load-context";
import { startWebhookReceiver, type WebhookReceiver } from "./support/webhook-receiver";

const ROOT = path.resolve(import.meta.dirname, "..");
const links = { origin: "http://podium.test", secret: TEST_LINK_SECRET };
const PEOPLE = 60;
let database: TestDatabase;
let receiver: WebhookReceiver;
const children: ChildProcess[] = [];

async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const states = await database.db.select({ status: webhookDeliveries.status, n: sql<number>`count(*)::int` }).from(webhookDeliveries).groupBy(webhookDeliveries.status);
  throw new Error(`timed out waiting for ${what}; deliveries: ${JSON.stringify(states)}`);
}

async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_URL: database.databaseUrl!,
      PODIUM_SECRET: "webhook-crash-test-secret-0123456789abcdef",
      PODIUM_SEED: "off",
      NODE_ENV: "production",
      PUBLIC_URL: "https://events.podium.test",
      PODIUM_WEBHOOK_ALLOW_PRIVATE: "on",
      PODIUM_WORKER_POLL_MS: "100",
      PODIUM_WORKER_LEASE_SECONDS: "2",
      PODIUM_WEBHOOK_CONCURRENCY: "4",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  children.push(child);
  await waitUntil(() => output.includes("webhook worker running"), 90_000, "a worker to start");
  return child;
}

beforeAll(async () => {
  database = await createTestDatabase();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await receiver?.close();
  await database?.destroy();
});

describe("webhook workers killed mid-delivery", () => {
  it("lose and duplicate nothing by webhook-id, and keep each registration's order", async () => {
    const { user } = await signedInOrganizer(database.db);
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const event = await createEvent(database.db, { status: "published", startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) });
    await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: user.id });
    const created = await createEndpoint(database.db, {
      user,
      values: { url: receiver.url, eventTypes: ["registration.created", "registration.cancelled"] },
      target: { allowPrivate: true },
    });
    if (!created.ok) throw new Error("endpoint");
    receiver.secrets.push(created.secret);
    // Slow enough that a kill lands while requests are in flight.
    receiver.respond = () => ({ status: 200, delayMs: 100 });

    const ids: string[] = [];
    for (let i = 0; i < PEOPLE; i++) {
      const outcome = await registerAttendee(database.db, {
        eventId: event.id,
        input: { name: `Person ${i}`, email: `person${i}@example.edu`, affiliation: "", timeZone: "UTC", answers: {} },
        now: new Date(),
        links,
      });
      if (outcome.kind !== "registered") throw new Error(outcome.kind);
      ids.push(outcome.registration.id);
      await cancelRegistration(database.db, { registrationId: outcome.registration.id, now: new Date(), links });
    }
    const messages = await database.db.select({ messageId: webhookDeliveries.messageId }).from(webhookDeliveries);
    expect(messages).toHaveLength(PEOPLE * 2);

    // Booting a worker (tsx) is slow on a busy machine: both start together.
    const [doomed] = await Promise.all([startWorker(), startWorker()]);
    await waitUntil(() => receiver.accepted().size >= 30, 60_000, "deliveries to start");
    doomed.kill("SIGKILL");
    await waitUntil(
      async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(webhookDeliveries).where(sql`status <> 'delivered'`))[0]!.n === 0,
      60_000,
      "every delivery to be delivered",
    );

    // The kill landed mid-request: the killed worker's claims were taken over after their lease and sent again.
    const [row] = await database.db.select({ retried: sql<number>`count(*)::int` }).from(webhookDeliveries).where(sql`attempts > 1`);
    expect(row!.retried).toBeGreaterThan(0);
    const accepted = receiver.accepted();
    expect(new Set(accepted.keys())).toEqual(new Set(messages.map((m) => m.messageId)));
    // Any repeat the receiver saw carried an id it already knew: nothing new, nothing unknown.
    expect(new Set(receiver.requests.map((r) => r.id)).size).toBe(PEOPLE * 2);
    expect(receiver.requests.every((r) => r.verified)).toBe(true);
    for (const id of ids) {
      expect([...accepted.values()].filter((m) => m.payload.data.id === id).map((m) => m.payload.type)).toEqual(["registration.created", "registration.cancelled"]);
    }
  }, 240_000);
});
