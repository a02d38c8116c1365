// The fixed-window budgets in the database: the SQL function both the registration's
// own statement, hitRateLimitWindows and hitRateLimit count through, on PGlite and PostgreSQL.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hitRateLimit, hitRateLimitWindows, hitRateLimitsFunctionSql, rateLimitWindows, type RateLimitRule } from "./rate-limit.server";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";

let database: TestDatabase;
const hitRateLimits = (db: TestDatabase["db"], rules: RateLimitRule[], now: Date) => hitRateLimitWindows(db, rateLimitWindows(rules, now));
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

describe("rate limits", () => {
  it("the newest migration that replaces it holds exactly the function this module generates (0020 made it, 0021 made it PL/pgSQL)", () => {
    const migration = readFileSync(path.resolve(import.meta.dirname, "../../db/migrations/0021_rate_limits_in_plpgsql.sql"), "utf8");
    expect(migration).toContain(hitRateLimitsFunctionSql());
  });

  it("counts each rule in its own window, refuses past the limit with the wait until the window ends, and leaves other keys alone", async () => {
    const now = new Date("2026-12-05T10:07:30Z");
    const rules = [
      { key: "test:a", limit: 2, windowSeconds: 600 },
      { key: "test:b", limit: 5, windowSeconds: 60 },
    ];
    expect(await hitRateLimits(database.db, rules, now)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await hitRateLimits(database.db, rules, now)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    // The third hit is past "test:a"'s limit of 2; its 10-minute window ends at 10:10:00.
    expect(await hitRateLimits(database.db, rules, now)).toEqual({ allowed: false, retryAfterSeconds: 150 });
    expect(await hitRateLimits(database.db, [{ key: "test:b", limit: 5, windowSeconds: 60 }], now)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    // A new window starts afresh.
    expect(await hitRateLimits(database.db, rules, new Date("2026-12-05T10:10:00Z"))).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it("a single rule counts in the same windows, says what is left and when the window ends (for RateLimit headers)", async () => {
    const now = new Date("2026-12-05T10:00:45Z");
    const rule = { key: "test:single", limit: 2, windowSeconds: 60 };
    expect(await hitRateLimit(database.db, rule, now)).toEqual({ allowed: true, retryAfterSeconds: 15, remaining: 1 });
    // Counted by the several-windows path too: one budget, whichever path counts it.
    expect(await hitRateLimits(database.db, [rule], now)).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(await hitRateLimit(database.db, rule, now)).toEqual({ allowed: false, retryAfterSeconds: 15, remaining: 0 });
  });
});
