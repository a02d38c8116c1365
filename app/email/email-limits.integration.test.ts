// The outbox against a provider with limits, on PGlite (and PostgreSQL): the shared
// send rate, 429s that only delay, give-up time, urgency, batches, expiring
// reminders and leases that hold while a send is live. The real Resend SDK talks to
// the local stand-in of its API.
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailOutbox, emailSendRate, mailboxMessages } from "~db/schema";
import { createResendTransport } from "./deliver.server";
import { createMailboxTransport } from "./mailbox-transport.server";
import { deliveryClassOf, enqueueEmails } from "./outbox.server";
import { acquireSendSlot, recordRateLimited } from "./send-rate.server";
import { drainOutboxOnce } from "./worker.server";
import { confirmation, enqueueConfirmations, reminder } from "../../test/support/outbox-fixtures";
import { startResendStandIn, type ResendStandIn } from "../../test/support/resend-stand-in";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";

const FROM = "Podium <events@podium.test>";
let database: TestDatabase;
let standIn: ResendStandIn;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});
beforeEach(async () => {
  standIn = await startResendStandIn();
  // Each test starts with an empty outbox and a fresh shared bucket.
  await database.db.delete(emailOutbox);
  await database.db.delete(emailSendRate);
});
afterEach(async () => {
  await standIn.close();
});

const resend = () => createResendTransport({ apiKey: "re_test", baseUrl: standIn.url });

async function rowsLike(prefix: string) {
  return database.db
    .select()
    .from(emailOutbox)
    .where(sql`${emailOutbox.dedupeKey} like ${`${prefix}/%`}`)
    .orderBy(emailOutbox.dedupeKey);
}

describe("the shared send rate in the database", () => {
  it("spaces slots for every caller alike, and a 429 seen by one pauses all until Retry-After", async () => {
    const config = { ratePerSecond: 2 };
    const t0 = Date.parse("2026-11-23T10:00:00Z");
    const at = (ms: number) => new Date(t0 + ms);
    expect(await acquireSendSlot(database.db, config, at(0))).toEqual({ granted: true, sendAt: at(0) });
    // A second worker asking 100 ms later is given the slot one interval (1 / (2 · 0.95) s) after the first…
    expect(await acquireSendSlot(database.db, config, at(100))).toEqual({ granted: true, sendAt: at(526) });
    // …and a third must ask again when the slot after that is near.
    expect(await acquireSendSlot(database.db, config, at(200))).toEqual({ granted: false, waitMs: 352, paused: false });

    const resumeAt = await recordRateLimited(database.db, config, { retryAfterSeconds: 5 }, at(600));
    expect(resumeAt).toEqual(at(5_600));
    expect(await acquireSendSlot(database.db, config, at(4_000))).toEqual({ granted: false, waitMs: 1_100, paused: true });
    expect(await acquireSendSlot(database.db, config, at(5_200))).toEqual({ granted: true, sendAt: at(5_600) });
    // Once the pause is over, 70 % of the rate at first.
    const [bucket] = await database.db.select().from(emailSendRate);
    expect(bucket!.reducedRate).toBeCloseTo(1.4);
  });
});

describe("delivery against a provider with limits", () => {
  it("a 429 gives the attempt back, is shown as a rate-limit wait, and holds back every sender until Retry-After", async () => {
    await enqueueConfirmations(database.db, "limited", 2);
    standIn.failNext(1, 429, 2);
    const rate = { ratePerSecond: 50 };
    const started = Date.now();
    await drainOutboxOnce(database.db, { transport: resend(), from: FROM, rate, maxRequests: 1 });
    const [first] = (await rowsLike("limited")).filter((row) => row.status === "queued" && row.retryReason === "rate_limit");
    expect(first).toMatchObject({ attempts: 0, retryReason: "rate_limit" });
    expect(first!.lastError).toContain("rate_limit_exceeded");
    expect(first!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(started + 2_000);
    expect(await acquireSendSlot(database.db, rate)).toMatchObject({ granted: false, paused: true });

    // The other message was never touched by the 429, yet waits for the pause too.
    await drainOutboxOnce(database.db, { transport: resend(), from: FROM, rate });
    await drainOutboxOnce(database.db, { transport: resend(), from: FROM, rate, now: new Date(first!.nextAttemptAt.getTime() + 1) });
    expect((await rowsLike("limited")).map((row) => [row.status, row.attempts])).toEqual([
      ["sent", 1],
      ["sent", 1],
    ]);
    expect(standIn.sent).toHaveLength(2);
    expect(Math.min(...standIn.sent.map((email) => email.acceptedAt))).toBeGreaterThanOrEqual(started + 1_900);
  });

  it("a provider that keeps failing is given up only after the give-up time, keeping its last answer", async () => {
    await enqueueConfirmations(database.db, "failing", 1);
    standIn.failNext(3, 500);
    const policy = { backoffBaseSeconds: 10, backoffCapSeconds: 20, giveUpSeconds: 60 };
    const t0 = Date.now();
    const options = { transport: resend(), from: FROM, policy };
    await drainOutboxOnce(database.db, { ...options, now: new Date(t0) });
    let [row] = await rowsLike("failing");
    expect(row).toMatchObject({ status: "queued", attempts: 1, retryReason: "provider_error" });
    expect(row!.failingSince).toEqual(new Date(t0));
    expect(row!.nextAttemptAt).toEqual(new Date(t0 + 10_000));

    await drainOutboxOnce(database.db, { ...options, now: new Date(t0 + 30_000) });
    [row] = await rowsLike("failing");
    expect(row).toMatchObject({ status: "queued", attempts: 2 });
    expect(row!.nextAttemptAt).toEqual(new Date(t0 + 50_000));

    await drainOutboxOnce(database.db, { ...options, now: new Date(t0 + 61_000) });
    [row] = await rowsLike("failing");
    expect(row!.status).toBe("dead");
    expect(row!.lastError).toContain("500 internal_server_error");
    expect(standIn.sent).toHaveLength(0);
  });

  it("a confirmation goes before reminders queued hours early, and the reminders travel 100 to a request, each named by its outbox id", async () => {
    await enqueueEmails(
      database.db,
      Array.from({ length: 150 }, (_, n) => reminder(`batch/reminder-${String(n).padStart(3, "0")}`, n)),
    );
    await enqueueEmails(database.db, [confirmation("batch/confirmation", 1)]);

    const handled = await drainOutboxOnce(database.db, { transport: resend(), from: FROM, batchSize: 100 });
    expect(handled).toBe(151);
    expect(standIn.log.map((r) => [r.endpoint, r.emails])).toEqual([
      ["single", 1],
      ["batch", 100],
      ["batch", 50],
    ]);
    const rows = await rowsLike("batch");
    expect(rows.every((row) => row.status === "sent")).toBe(true);
    const refs = standIn.sent.map((email) => email.headers["X-Entity-Ref-ID"]);
    expect(new Set(refs)).toEqual(new Set(rows.map((row) => row.id)));
    // A batch's idempotency key is its lead row's id, shared by its members.
    const batchKeys = new Set(rows.filter((row) => row.template === "event-reminder").map((row) => row.batchKey));
    expect(batchKeys.size).toBe(2);
    expect(new Set(standIn.sent.filter((e) => e.endpoint === "batch").map((e) => e.idempotencyKey))).toEqual(batchKeys);
  });

  it("the last reminder of a fan-out, alone in its batch, still goes by the batch endpoint", async () => {
    await enqueueEmails(
      database.db,
      Array.from({ length: 101 }, (_, n) => reminder(`lone/reminder-${String(n).padStart(3, "0")}`, n)),
    );
    const handled = await drainOutboxOnce(database.db, { transport: resend(), from: FROM, batchSize: 100 });
    expect(handled).toBe(101);
    expect(standIn.log.map((r) => [r.endpoint, r.emails])).toEqual([
      ["batch", 100],
      ["batch", 1],
    ]);
    expect((await rowsLike("lone")).every((row) => row.status === "sent")).toBe(true);
  });

  it("the built-in mailbox files a batch in one go, as Resend would take it", async () => {
    await enqueueEmails(database.db, Array.from({ length: 30 }, (_, n) => reminder(`mailbox/${n}`, n)));
    await drainOutboxOnce(database.db, { transport: createMailboxTransport(database.db), from: FROM, batchSize: 25 });
    const rows = await rowsLike("mailbox");
    expect(rows.every((row) => row.status === "sent" && row.providerId?.startsWith("mailbox:"))).toBe(true);
    expect(new Set(rows.map((row) => row.batchKey)).size).toBe(2);
    const filed = await database.db.select({ outboxId: mailboxMessages.outboxId }).from(mailboxMessages);
    expect(new Set(filed.map((m) => m.outboxId))).toEqual(new Set(rows.map((row) => row.id)));
  });

  it("a reminder that could only arrive after the event started is dropped, not sent late", async () => {
    const now = new Date();
    await enqueueEmails(database.db, [
      reminder("expiry/late", 1, { expiresAt: new Date(now.getTime() - 1_000) }),
      reminder("expiry/in-time", 2, { expiresAt: new Date(now.getTime() + 3_600_000) }),
    ]);
    await drainOutboxOnce(database.db, { transport: resend(), from: FROM, batchSize: 100 });
    const rows = await rowsLike("expiry");
    expect(rows.map((row) => [row.dedupeKey, row.status])).toEqual([
      ["expiry/in-time", "sent"],
      ["expiry/late", "dropped"],
    ]);
    expect(standIn.sent.map((email) => email.to[0])).toEqual([expect.stringContaining("reminded2@")]);
  });

  it("a reminder about to be too late goes before everything else", async () => {
    const now = new Date();
    await enqueueConfirmations(database.db, "urgent", 3);
    await enqueueEmails(database.db, [reminder("urgent/z-reminder", 9, { expiresAt: new Date(now.getTime() + 5 * 60_000) })]);
    await drainOutboxOnce(database.db, { transport: resend(), from: FROM });
    expect(standIn.sent[0]!.subject).toMatch(/^Starts in 1 hour/);
    expect(standIn.sent).toHaveLength(4);
  });

  it("a send slower than the lease keeps its lease: a second worker finds nothing to take, and the provider sees one request", async () => {
    await standIn.close();
    standIn = await startResendStandIn({ delayMs: 2_500 });
    await enqueueConfirmations(database.db, "slow", 1);
    const slow = drainOutboxOnce(database.db, { transport: resend(), from: FROM, leaseSeconds: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    const [during] = await rowsLike("slow");
    expect(during!.status).toBe("sending");
    expect(during!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await drainOutboxOnce(database.db, { transport: resend(), from: FROM, leaseSeconds: 1 })).toBe(0);
    expect(await slow).toBe(1);
    const [after] = await rowsLike("slow");
    expect(after).toMatchObject({ status: "sent", attempts: 1 });
    expect(standIn.requests).toBe(1);
  });
});

describe("rows in the outbox", () => {
  it("take their priority and batching from the template unless told otherwise", async () => {
    await enqueueEmails(database.db, [
      confirmation("class/confirmation", 1),
      reminder("class/reminder", 2),
      { ...reminder("class/reminder-with-file", 3), attachments: [{ filename: "a.ics", contentType: "text/calendar", content: "BEGIN:VCALENDAR" }] },
      { ...reminder("class/reminder-urgent", 4), priority: 0 },
    ]);
    const rows = await rowsLike("class");
    expect(rows.map((row) => [row.dedupeKey, row.priority, row.batchable])).toEqual([
      ["class/confirmation", 0, false],
      ["class/reminder", 2, true],
      ["class/reminder-urgent", 0, true],
      ["class/reminder-with-file", 2, false],
    ]);
    // An organizer's message to registrants is fan-out too (event news), one request per 100.
    expect(deliveryClassOf({ message: { template: "organizer-message", props: {} as never } })).toEqual({ priority: 1, batchable: true });
    const [one] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, "class/reminder"));
    expect(one!.expiresAt).toBeNull();
  });
});
