// Issue 16's proofs at full scale: `npm run prove:email` (needs DATABASE_URL). Each
// starts two `npm run worker` processes, with the production defaults unless said
// otherwise, on a fresh PostgreSQL database, and points the real Resend SDK at a local
// stand-in of Resend's API that enforces its default limit, 2 requests per second and
// 100 emails per batch. They take about 15 minutes together and load the machine, so
// they are not part of `npm test`; test/email-limits.postgres.test.ts runs the same
// drills at a size CI can afford. Each proof prints what it measured.
import { loadavg } from "node:os";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { emailOutbox } from "~db/schema";
import { enqueueEmails } from "~/email/outbox.server";
import { expectEachDeliveredOnce, expectNoKeyInFlightTwice, outboxProgress, outboxStates, stopProcess, waitUntil, workerPool } from "./support/email-workers";
import { addConfirmedRegistrants, confirmation, enqueueConfirmations, reminder } from "./support/outbox-fixtures";
import { busiestWindow, startResendStandIn, type RequestRecord, type ResendStandIn, type StandInOptions } from "./support/resend-stand-in";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const LIMIT = 2;
let database: TestDatabase;
let standIn: ResendStandIn | undefined;
const workers = workerPool(() => database.databaseUrl!);

beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await workers.stopAll();
  await standIn?.close();
  standIn = undefined;
  await database.destroy();
});

async function standInWith(options: StandInOptions = {}): Promise<ResendStandIn> {
  // Bodies are not kept: 10,000 rendered emails would hold hundreds of megabytes in this process.
  standIn = await startResendStandIn({ ratePerSecond: LIMIT, keepContent: false, ...options });
  return standIn;
}

/** Polls cheaply (two counts every half second), so the proof itself does not load the database. */
async function waitForAllSent(expected: number, timeoutMs: number, what: string): Promise<void> {
  await waitUntil(
    async () => {
      const progress = await outboxProgress(database.db);
      return progress.total === expected && progress.unsent === 0;
    },
    timeoutMs,
    what,
    { everyMs: 500, describe: () => outboxStates(database.db) },
  );
}

async function outboxIds(): Promise<string[]> {
  return (await database.db.select({ id: emailOutbox.id }).from(emailOutbox)).map((row) => row.id);
}

/** Requests of any answer, turned away ones too, within any one second. */
function busiestSecondOfAllRequests(log: RequestRecord[]): number {
  return busiestWindow(log.map((r) => ({ ...r, overLimit: false })));
}

function report(name: string, figures: Record<string, unknown>): void {
  console.log(`[prove:email] ${name}: ${JSON.stringify({ ...figures, loadAverage: loadavg().map((l) => Number(l.toFixed(2))) })}`);
}

describe(`full scale: two worker processes, a provider allowing ${LIMIT} requests/s`, () => {
  it("a burst of 300 confirmations: all delivered once, none dead, in about the 150 s the limit allows, never 3 requests in one second", async () => {
    await standInWith();
    await Promise.all([workers.start(standIn!), workers.start(standIn!)]);
    const queuedAt = Date.now();
    await enqueueConfirmations(database.db, "burst", 300);
    await waitForAllSent(300, 400_000, "300 confirmations");
    const finishedAt = Math.max(...standIn!.sent.map((email) => email.acceptedAt));

    expectEachDeliveredOnce(standIn!, await outboxIds());
    const dead = (await outboxProgress(database.db)).dead;
    const seconds = (finishedAt - queuedAt) / 1000;
    report("burst", { seconds, requests: standIn!.log.length, turnedAway: standIn!.log.filter((r) => r.overLimit).length, busiestSecond: busiestSecondOfAllRequests(standIn!.log), dead });
    expect(dead).toBe(0);
    expect(busiestSecondOfAllRequests(standIn!.log)).toBeLessThanOrEqual(LIMIT);
    // 300 requests at 2/s need 149.5 s; the workers keep 5 % in hand for network jitter (157 s).
    expect(seconds).toBeGreaterThanOrEqual(149);
    expect(seconds).toBeLessThanOrEqual(170);
  }, 600_000);

  it("10,000 registrants get their 1-hour reminder within 60 s of it falling due, 100 to a request", async () => {
    await standInWith();
    const now = Date.now();
    // Due 40 s from now: time to add the registrants and start the workers first.
    const fallsDueAt = now + 40_000;
    const event = await createEvent(database.db, {
      title: "A very popular webinar",
      startsAt: new Date(fallsDueAt + 60 * 60_000),
      endsAt: new Date(fallsDueAt + 120 * 60_000),
      displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
      reminderOffsetsMinutes: [60],
    });
    await addConfirmedRegistrants(database.db, event, 10_000, new Date(now - 3 * 86_400_000), ["Europe/Stockholm", "Asia/Hong_Kong", "America/New_York", "Asia/Kolkata"]);
    await Promise.all([workers.start(standIn!), workers.start(standIn!)]);
    expect(Date.now()).toBeLessThan(fallsDueAt);
    await waitForAllSent(10_000, fallsDueAt - Date.now() + 180_000, "10,000 reminders");

    expectEachDeliveredOnce(standIn!, await outboxIds());
    const accepted = standIn!.log.filter((r) => r.status === 200);
    const lastDelivered = Math.max(...standIn!.sent.map((email) => email.acceptedAt));
    const firstDelivered = Math.min(...standIn!.sent.map((email) => email.acceptedAt));
    const [queued] = await database.db
      .select({ first: sql<string | Date>`min(${emailOutbox.createdAt})`, last: sql<string | Date>`max(${emailOutbox.createdAt})` })
      .from(emailOutbox);
    report("reminders", {
      firstQueuedAfterDueSeconds: (new Date(queued!.first).getTime() - fallsDueAt) / 1000,
      lastQueuedAfterDueSeconds: (new Date(queued!.last).getTime() - fallsDueAt) / 1000,
      firstRequests: standIn!.log.slice(0, 4).map((r) => ({ afterDueSeconds: (r.at - fallsDueAt) / 1000, status: r.status, emails: r.emails })),
      firstAfterDueSeconds: (firstDelivered - fallsDueAt) / 1000,
      lastAfterDueSeconds: (lastDelivered - fallsDueAt) / 1000,
      requests: standIn!.log.length,
      batches: accepted.length,
      turnedAway: standIn!.log.filter((r) => r.overLimit).length,
      busiestSecond: busiestSecondOfAllRequests(standIn!.log),
    });
    expect(accepted.every((r) => r.endpoint === "batch" && r.emails <= 100)).toBe(true);
    expect(accepted).toHaveLength(100);
    expect(busiestSecondOfAllRequests(standIn!.log)).toBeLessThanOrEqual(LIMIT);
    expect(lastDelivered - fallsDueAt).toBeLessThanOrEqual(60_000);
    expect((await outboxProgress(database.db)).dead).toBe(0);
  }, 600_000);

  it("a provider refusing half the requests (429 and 500 mixed): 1,000 emails each delivered once, none dead, the last within 10 minutes", async () => {
    await standInWith({ failureRate: 0.5, seed: 16 });
    await Promise.all([workers.start(standIn!), workers.start(standIn!)]);
    const queuedAt = Date.now();
    // What a busy day sends: 150 confirmations one by one, and reminders for one event, 100 to a request.
    await enqueueConfirmations(database.db, "flaky", 150);
    await enqueueEmails(database.db, Array.from({ length: 850 }, (_, n) => reminder(`flaky-reminder/${n}`, n)));
    await waitForAllSent(1_000, 660_000, "every email despite failures");

    expectEachDeliveredOnce(standIn!, await outboxIds());
    const lastDelivered = Math.max(...standIn!.sent.map((email) => email.acceptedAt));
    const statuses = standIn!.log.map((r) => r.status);
    report("half refused", {
      lastAfterQueuedSeconds: (lastDelivered - queuedAt) / 1000,
      requests: statuses.length,
      answered429: statuses.filter((s) => s === 429).length,
      answered500: statuses.filter((s) => s === 500).length,
      turnedAwayForSpeed: standIn!.log.filter((r) => r.overLimit).length,
      busiestSecond: busiestSecondOfAllRequests(standIn!.log),
    });
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s === 500).length).toBeGreaterThan(20);
    expect(lastDelivered - queuedAt).toBeLessThanOrEqual(600_000);
    expect((await outboxProgress(database.db)).dead).toBe(0);
  }, 900_000);

  it("sends slower than the lease: each email delivered once, no message ever in flight twice", async () => {
    // Every answer takes 7 s; a lease lasts 2 s unless renewed.
    await standInWith({ delayMs: 7_000 });
    await enqueueConfirmations(database.db, "slow", 20);
    await enqueueEmails(database.db, Array.from({ length: 200 }, (_, n) => reminder(`slow-reminder/${n}`, n)));
    const env = { PODIUM_WORKER_LEASE_SECONDS: "2" };
    await Promise.all([workers.start(standIn!, env), workers.start(standIn!, env)]);
    await waitForAllSent(220, 300_000, "220 slow sends");

    expectEachDeliveredOnce(standIn!, await outboxIds());
    expectNoKeyInFlightTwice(standIn!.log);
    report("slow sends", { requests: standIn!.log.length, replays: standIn!.log.filter((r) => r.status === 200 && r.emails === 0).length });
  }, 600_000);

  it("a worker killed with SIGKILL while its batch is in flight: nothing lost, nothing delivered twice", async () => {
    // Each answer takes 1.5 s, so at 2 requests/s three are in flight at once: with two
    // lanes per worker, both workers then have a batch at the provider.
    await standInWith({ delayMs: 1_500 });
    await enqueueEmails(database.db, Array.from({ length: 1_000 }, (_, n) => reminder(`killed/${n}`, n)));
    await enqueueEmails(database.db, Array.from({ length: 50 }, (_, n) => confirmation(`killed-confirmation/${n}`, n)));
    const doomed = await workers.start(standIn!);
    await workers.start(standIn!);
    await waitUntil(() => standIn!.sent.length >= 200 && standIn!.requests - standIn!.log.length >= 3, 120_000, "both workers with a request in flight");
    await stopProcess(doomed, "SIGKILL");
    const held = await database.db.select({ id: emailOutbox.id }).from(emailOutbox).where(sql`${emailOutbox.status} = 'sending'`);
    expect(held.length).toBeGreaterThan(0);

    // The killed worker's rows come back when its 60 s lease runs out.
    await waitForAllSent(1_050, 300_000, "the surviving worker to finish");
    expectEachDeliveredOnce(standIn!, await outboxIds());
    const replays = standIn!.log.filter((r) => r.status === 200 && r.emails === 0);
    report("SIGKILL", { heldWhenKilled: held.length, requests: standIn!.log.length, replays: replays.length });
    // What the killed worker had in flight was sent again under the same key, and the
    // provider answered from its idempotency store instead of sending it twice.
    expect(replays.length).toBeGreaterThan(0);
  }, 600_000);
});
