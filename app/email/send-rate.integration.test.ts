// The shared send rate's one statement, over any timing of requests: it must never let
// more requests through in one second than the provider allows, and must not waste the
// allowance either (the bench's ratio ≥ 0.9). Runs on PGlite and on PostgreSQL.
import fc from "fast-check";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emailSendRate } from "~db/schema";
import {
  acquireSendSlot,
  currentSendRate,
  RATE_FLOOR_SHARE,
  RATE_LIMITED_FACTOR,
  RATE_SAFETY,
  RECOVERY_SHARE_PER_SECOND,
  recordLateSend,
  recordRateLimited,
} from "./send-rate.server";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});
beforeEach(async () => {
  await database.db.delete(emailSendRate);
});

const T0 = Date.parse("2026-11-23T10:00:00Z");
const at = (ms: number) => new Date(T0 + ms);

/** Requests at the given instants (ms after T0), as many workers would make them; returns the instants the granted ones send at. */
async function grantsFor(times: number[], ratePerSecond: number, offset = 0): Promise<number[]> {
  const granted: number[] = [];
  for (const t of times) {
    const slot = await acquireSendSlot(database.db, { ratePerSecond }, at(offset + t));
    if (slot.granted) granted.push(slot.sendAt.getTime() - T0 - offset);
  }
  return granted;
}

function busiestSecond(times: number[]): number {
  let most = 0;
  for (let first = 0, last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= 1000) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe("shared send rate (the next free slot, kept in one row)", () => {
  it("never grants more than the rate in any one second, however requests interleave", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(1, 2, 5, 20), fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 60 }), async (rate, raw) => {
        // Each run starts a fresh stretch of time far from the last, on the same row.
        run += 1;
        const times = [...raw].sort((a, b) => a - b);
        expect(busiestSecond(await grantsFor(times, rate, run * 100_000))).toBeLessThanOrEqual(rate);
      }),
      { numRuns: 40 },
    );
  });

  it("at the default 2 per second, a worker that waits as told sends at 95 % of the limit, evenly spaced", async () => {
    let now = 0;
    const granted: number[] = [];
    while (now < 30_000) {
      const slot = await acquireSendSlot(database.db, { ratePerSecond: 2 }, at(now));
      if (slot.granted) granted.push(slot.sendAt.getTime() - T0);
      else now += slot.waitMs;
    }
    expect(busiestSecond(granted)).toBe(2);
    expect(granted.length / 30).toBeGreaterThanOrEqual(2 * RATE_SAFETY - 0.05);
    expect(granted.length / 30).toBeLessThanOrEqual(2);
  });

  it("gives slots exactly one interval apart however late a waiting worker wakes, so slow wake-ups cost no rate", async () => {
    // A worker told to ask again in `waitMs` wakes up to 300 ms late (a busy machine); the
    // slot it then gets is still the one after the last, not one counted from its late asking.
    const interval = 1000 / (2 * RATE_SAFETY);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 60, maxLength: 60 }), async (lateness) => {
        run += 1;
        const offset = run * 1_000_000;
        const slots: number[] = [];
        let asking = 0;
        for (const late of lateness) {
          const slot = await acquireSendSlot(database.db, { ratePerSecond: 2 }, at(offset + asking));
          if (slot.granted) slots.push(slot.sendAt.getTime() - T0 - offset);
          else asking += slot.waitMs + late;
        }
        expect(slots.length).toBeGreaterThan(10);
        // Exactly, to the millisecond the instants are read back in.
        for (let i = 2; i < slots.length; i++) expect(Math.abs(slots[i]! - slots[i - 1]! - interval)).toBeLessThanOrEqual(1);
        expect(busiestSecond(slots)).toBe(2);
      }),
      { numRuns: 10 },
    );
  });

  it("a request that left late pushes the slots not yet given back as far, so the one two slots on is still two intervals after it", async () => {
    const config = { ratePerSecond: 2 };
    expect(await acquireSendSlot(database.db, config, at(0))).toEqual({ granted: true, sendAt: at(0) });
    expect(await acquireSendSlot(database.db, config, at(100))).toEqual({ granted: true, sendAt: at(526) });
    // The first request only left at 80 ms (its worker woke late).
    await recordLateSend(database.db, config, 80);
    const third = await acquireSendSlot(database.db, config, at(700));
    expect(third).toEqual({ granted: true, sendAt: at(1_132) });
    expect(busiestSecond([80, 526, 1_132])).toBe(2);
  });

  it("after a 429 nobody is granted before Retry-After; the rate drops by a share and is whole again within seconds", async () => {
    const config = { ratePerSecond: 10 };
    await acquireSendSlot(database.db, config, at(0));
    expect(await recordRateLimited(database.db, config, { retryAfterSeconds: 3 }, at(0))).toEqual(at(3_000));
    expect(await acquireSendSlot(database.db, config, at(2_000))).toEqual({ granted: false, waitMs: 500, paused: true });
    expect(await acquireSendSlot(database.db, config, at(2_600))).toEqual({ granted: true, sendAt: at(3_000) });
    expect((await currentSendRate(database.db, config, at(3_000))).current).toBe(10 * RATE_LIMITED_FACTOR);
    const justAfter = await grantsFor(Array.from({ length: 100 }, (_, i) => 3_000 + i * 10), 10);
    expect(justAfter.filter((t) => t < 4_000).length).toBeLessThanOrEqual(8);
    // Additive increase: back to the whole rate 1.5 s after the pause.
    expect((await currentSendRate(database.db, config, at(4_500))).current).toBe(10);
  });

  it("a provider refusing at random does not drive the rate towards zero: it never falls below the floor and recovers at once", async () => {
    const config = { ratePerSecond: 2 };
    // Twenty 429s in a row, one every half second, each pausing for 1 s.
    for (let i = 0; i < 20; i++) await recordRateLimited(database.db, config, { retryAfterSeconds: 1 }, at(i * 500));
    const paused = await currentSendRate(database.db, config, at(10_500));
    expect(paused.current).toBe(2 * RATE_FLOOR_SHARE);
    // Two seconds after the last pause ended it is back to 1.3/s and climbing; after 4 s whole.
    expect((await currentSendRate(database.db, config, at(12_500))).current).toBeCloseTo(2 * RATE_FLOOR_SHARE + 2 * RECOVERY_SHARE_PER_SECOND * 2, 5);
    expect((await currentSendRate(database.db, config, at(14_500))).current).toBe(2);
  });

  it("adopts a provider limit lower than ours from the ratelimit-limit header", async () => {
    await recordRateLimited(database.db, { ratePerSecond: 10 }, { retryAfterSeconds: 1, providerLimit: 2 }, at(0));
    const granted = await grantsFor(Array.from({ length: 300 }, (_, i) => 40_000 + i * 10), 10);
    expect(busiestSecond(granted)).toBeLessThanOrEqual(2);
    expect(granted.length).toBeGreaterThanOrEqual(5);
  });
});
