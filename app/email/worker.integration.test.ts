// The worker's loop as a deployment runs it: scheduling work (reminders, speaker
// digests) goes first, but a failure there must not hold back mail already queued.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emailOutbox, mailboxMessages } from "~db/schema";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { createMailboxTransport } from "./mailbox-transport.server";
import { enqueueEmail } from "./outbox.server";
import { startOutboxWorker } from "./worker.server";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

const event = {
  title: "Responding to COVID-19",
  url: "http://podium.test/events/responding-to-covid-19",
  hostsLabel: "HKUST × KTH",
  whenInEventZones: "Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT",
  whenForRecipient: "Thursday, 3 December 2020, 10:00 – 11:15 CET (your time)",
};

describe("outbox worker loop", () => {
  it("still delivers queued mail when the scheduling step before it fails", async () => {
    await enqueueEmail(database.db, {
      dedupeKey: "worker-loop/1",
      message: { template: "registration-confirmed", props: { recipient: { name: "Ada" }, event, manageUrl: "http://podium.test/r/a" } },
      to: { email: "ada@kth.se", name: "Ada" },
    });
    const errors: unknown[] = [];
    const worker = startOutboxWorker(database.db, {
      transport: createMailboxTransport(database.db),
      from: "Podium <events@podium.local>",
      pollMs: 20,
      beforeDrain: async () => {
        throw new Error("scheduling broke");
      },
      onError: (error) => errors.push(error),
    });
    try {
      await expect
        .poll(async () => (await database.db.select({ to: mailboxMessages.toAddress }).from(mailboxMessages)).map((m) => m.to), { timeout: 10_000 })
        .toEqual([expect.stringContaining("ada@kth.se")]);
    } finally {
      await worker.stop();
    }
    const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.dedupeKey, "worker-loop/1"));
    expect(row!.status).toBe("sent");
    expect(String(errors[0])).toContain("scheduling broke");
  });
});
