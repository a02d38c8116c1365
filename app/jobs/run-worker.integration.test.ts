// The worker as deployments run it also keeps rate_limits from growing for ever:
// windows older than a day are deleted as it drains.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rateLimits } from "~db/schema";
import { readEnv } from "~/env.server";
import { hitRateLimit } from "~/security/rate-limit.server";
import { runEmailWorker } from "./run-worker.server";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

describe("runEmailWorker", () => {
  it("prunes rate-limit windows older than a day on its first drain and keeps the live ones", async () => {
    const now = Date.now();
    const hour = 3_600_000;
    // Two days of traffic from 50 addresses, one window per address and hour.
    for (let hoursAgo = 0; hoursAgo < 48; hoursAgo += 1) {
      await database.db.insert(rateLimits).values(
        Array.from({ length: 50 }, (_, address) => ({
          key: `register:ip:10.0.0.${address}`,
          windowStart: new Date(Math.floor((now - hoursAgo * hour) / hour) * hour),
          hits: 3,
        })),
      );
    }
    // And one through the rate limiter itself, as a request would leave it.
    await hitRateLimit(database.db, { key: "login:ip:10.0.1.1", limit: 10, windowSeconds: 3600 }, new Date(now));
    const windows = async () => (await database.db.select({ oldest: sql<Date>`min(${rateLimits.windowStart})`, count: sql<number>`count(*)::int` }).from(rateLimits))[0]!;
    expect((await windows()).count).toBe(48 * 50 + 1);

    const env = readEnv({ NODE_ENV: "test", PODIUM_WORKER_POLL_MS: "20", PODIUM_SECRET: "x".repeat(32) });
    const worker = runEmailWorker(database.db, env, { origin: "http://podium.test", secret: "x".repeat(32) });
    try {
      await expect.poll(async () => (await windows()).count, { timeout: 10_000 }).toBeLessThanOrEqual(25 * 50 + 1);
    } finally {
      await worker.stop();
    }
    const left = await windows();
    expect(new Date(left.oldest).getTime()).toBeGreaterThan(now - 25 * hour);
    // The last day's windows are all still there.
    expect(left.count).toBeGreaterThanOrEqual(24 * 50 + 1);
  });
});
