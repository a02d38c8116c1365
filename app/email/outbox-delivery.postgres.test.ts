// The outbox under concurrency and failure, on a real PostgreSQL, through the
// real Resend SDK pointed at a local stand-in of Resend's API.
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "~db/client.server";
import { emailOutbox } from "~db/schema";
import { createResendTransport } from "./deliver.server";
import { enqueueEmail } from "./outbox.server";
import { drainOutboxOnce, startOutboxWorker } from "./worker.server";
import { startResendStandIn, type ResendStandIn } from "../../test/support/resend-stand-in";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";

const FROM = "Podium <events@podium.test>";
let database: TestDatabase;
let standIn: ResendStandIn;
const extraHandles: DatabaseHandle[] = [];

const event = {
  title: "Responding to COVID-19",
  url: "http://podium.test/events/responding-to-covid-19",
  hostsLabel: "HKUST × KTH",
  whenInEventZones: "Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT",
  whenForRecipient: "Thursday, 3 December 2020, 10:00 – 11:15 CET (your time)",
};

async function enqueueMany(n: number, prefix: string) {
  for (let i = 0; i < n; i++) {
    await enqueueEmail(database.db, {
      dedupeKey: `${prefix}/${i}`,
      message: { template: "registration-confirmed", props: { recipient: { name: `Person ${i}` }, event, manageUrl: `http://podium.test/r/${i}` } },
      to: { email: `person${i}@example.edu`, name: `Person ${i}` },
    });
  }
}

async function statuses(prefix: string) {
  return database.db
    .select({ id: emailOutbox.id, status: emailOutbox.status, attempts: emailOutbox.attempts, nextAttemptAt: emailOutbox.nextAttemptAt })
    .from(emailOutbox)
    .where(sql`${emailOutbox.dedupeKey} like ${`${prefix}/%`}`);
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("timed out waiting for the outbox");
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const handle of extraHandles) await handle.close();
  await database.destroy();
});
beforeEach(async () => {
  standIn = await startResendStandIn();
});
afterEach(async () => {
  await standIn.close();
});

describe("outbox delivery", () => {
  it("two workers on separate connection pools deliver 200 messages exactly once each", async () => {
    await enqueueMany(200, "pair");
    // Each worker gets its own pool, as two processes would.
    const pools = [await openDatabase({ databaseUrl: database.databaseUrl! }), await openDatabase({ databaseUrl: database.databaseUrl! })];
    extraHandles.push(...pools);
    const transport = createResendTransport({ apiKey: "re_test", baseUrl: standIn.url });
    const workers = pools.map((pool) => startOutboxWorker(pool.db, { transport, from: FROM, pollMs: 50 }));
    await waitUntil(async () => (await statuses("pair")).every((row) => row.status === "sent"));
    await Promise.all(workers.map((w) => w.stop()));
    const rows = await statuses("pair");
    const keys = standIn.sent.map((e) => e.idempotencyKey);
    expect(standIn.sent).toHaveLength(200);
    expect(new Set(keys).size).toBe(200);
    expect(new Set(keys)).toEqual(new Set(rows.map((r) => r.id)));
  });

  it("a worker that died mid-send loses nothing and the provider sees no second email", async () => {
    await enqueueMany(5, "crash");
    const transport = createResendTransport({ apiKey: "re_test", baseUrl: standIn.url });
    // Deliver, then pretend the worker was killed before it recorded the result:
    // the rows stay 'sending' with a lease that has run out.
    await drainOutboxOnce(database.db, { transport, from: FROM });
    await database.db
      .update(emailOutbox)
      .set({ status: "sending", lockedUntil: new Date(Date.now() - 1000), sentAt: null })
      .where(sql`${emailOutbox.dedupeKey} like 'crash/%'`);
    expect(standIn.sent).toHaveLength(5);
    await drainOutboxOnce(database.db, { transport, from: FROM });
    expect((await statuses("crash")).map((r) => r.status)).toEqual(["sent", "sent", "sent", "sent", "sent"]);
    // Retried with the same Idempotency-Key, so the provider accepted nothing new.
    expect(standIn.sent).toHaveLength(5);
    expect(standIn.requests).toBe(10);
  });

  it("a 429 only delays delivery and uses no attempt; a 500 counts and backs off", async () => {
    await enqueueMany(1, "flaky");
    const transport = createResendTransport({ apiKey: "re_test", baseUrl: standIn.url });
    standIn.failNext(1, 429, 7);
    const t0 = new Date();
    await drainOutboxOnce(database.db, { transport, from: FROM, now: t0 });
    let [row] = await statuses("flaky");
    expect(row!.status).toBe("queued");
    expect(row!.attempts).toBe(0);
    expect(row!.nextAttemptAt.getTime() - t0.getTime()).toBe(7_000);

    standIn.failNext(1, 500);
    const t1 = new Date(row!.nextAttemptAt.getTime() + 1);
    await drainOutboxOnce(database.db, { transport, from: FROM, now: t1 });
    [row] = await statuses("flaky");
    expect(row!.status).toBe("queued");
    expect(row!.attempts).toBe(1);
    // Backoff: the first real failure waits the base, 5 s.
    expect(row!.nextAttemptAt.getTime() - t1.getTime()).toBe(5_000);

    await drainOutboxOnce(database.db, { transport, from: FROM, now: new Date(row!.nextAttemptAt.getTime() + 1) });
    [row] = await statuses("flaky");
    expect(row!.status).toBe("sent");
    expect(standIn.sent).toHaveLength(1);
  });

  it("marks a message dead when the provider refuses it for good", async () => {
    await enqueueEmail(database.db, {
      dedupeKey: "bad/1",
      message: { template: "registration-confirmed", props: { recipient: { name: "X" }, event, manageUrl: "http://podium.test/r/x" } },
      to: { email: "not an address", name: "X" },
    });
    const transport = createResendTransport({ apiKey: "re_test", baseUrl: standIn.url });
    await drainOutboxOnce(database.db, { transport, from: FROM });
    const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, "bad/1"));
    expect(row!.status).toBe("dead");
    expect(row!.attempts).toBe(1);
    expect(row!.lastError).toBeTruthy();
  });
});
