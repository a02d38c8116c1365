// The version the page cache keys on. On PostgreSQL any process may commit, so every
// request reads it; the embedded database has one process, which hears each commit
// (migration 0017) and answers from memory until the next one.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { contentVersions } from "~db/schema";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { createContentVersionReader } from "./content-version.server";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

const raiseBehindTheTriggersBack = () => database.db.execute(sql`update content_versions set version = version + 100 where id = 1`);

describe("the content version reader", () => {
  it("sees every committed change on the next call, and on the embedded database asks nothing in between", async () => {
    const reader = createContentVersionReader(database.db);
    const first = await reader.current();

    // A write no trigger announces: PostgreSQL's reader reads it; the embedded one, having
    // heard of no commit, does not even ask (this is what makes a cached page cheap).
    await raiseBehindTheTriggersBack();
    const unannounced = await reader.current();
    expect(unannounced.version).toBe(database.kind === "pglite" ? first.version : first.version + 100);

    // A real change (an event published): both see it on the very next call.
    await createEvent(database.db, { title: "Heard at commit", status: "published", startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000) });
    const afterChange = await reader.current();
    expect(afterChange.version).toBeGreaterThan(first.version + 100);
    expect(await reader.current()).toEqual(afterChange);
  });

  it("never keeps a read that a commit overtook while it ran", async () => {
    const reader = createContentVersionReader(database.db);
    await reader.current();
    // Reads and commits interleaved as tightly as the event loop allows: each read after a commit sees it.
    for (let round = 0; round < 20; round++) {
      const reading = reader.current();
      await createEvent(database.db, { title: `Overtaking ${round}`, status: "published", startsAt: new Date(Date.now() + 86_400_000), endsAt: new Date(Date.now() + 90_000_000) });
      const [committed] = await database.db.select({ version: contentVersions.version }).from(contentVersions);
      await reading;
      expect((await reader.current()).version).toBe(committed!.version);
    }
  });
});
