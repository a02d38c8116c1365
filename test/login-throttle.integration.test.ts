// Nobody can lock an organizer out. Through the real HTTP app (production build):
// a stranger's wrong passwords slow the stranger down, never the owner signing in
// from elsewhere; guessing from many addresses holds nobody up; unknown and known
// accounts are throttled alike; a burst of parallel guesses gets no extra tries.
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "~/auth/users.server";
import { readEnv } from "~/env.server";
import { claimAttempt, throttleDelaySeconds, type ThrottleRule } from "~/security/rate-limit.server";
import { createHttpApp } from "~/server/http-app.server";
import { TEST_LINK_SECRET } from "./support/load-context";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const BUILD = path.resolve(import.meta.dirname, "../build/server/index.js");
const PASSWORD = "correct horse battery staple";
let database: TestDatabase;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  if (!existsSync(BUILD)) throw new Error("build/server/index.js is missing: run `npm run build` first (npm test does)");
  database = await createTestDatabase();
  const build = (await import(BUILD)) as ServerBuild;
  // Behind a trusted proxy on this machine, so each test client can speak for its own address.
  const app = createHttpApp({ db: database.db, env: readEnv({ NODE_ENV: "production", PODIUM_TRUST_PROXY: "loopback" }), linkSecret: TEST_LINK_SECRET, publicOrigin: "http://podium.test", build });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close();
  await database.destroy();
});

interface Answer {
  status: number;
  retryAfter: string | null;
  message: string | undefined;
}

async function signIn(email: string, password: string, from: string): Promise<Answer> {
  const response = await fetch(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Accept: "text/html", "X-Forwarded-For": from },
    body: new URLSearchParams({ email, password }),
  });
  const html = await response.text();
  const message = /<p class="notice notice--warning" role="alert"[^>]*>([^<]*)<\/p>/.exec(html)?.[1];
  return { status: response.status, retryAfter: response.headers.get("retry-after"), message };
}

describe("sign-in throttling over HTTP", () => {
  it("slows the guessing address down and lets the owner in from anywhere else", async () => {
    await createUser(database.db, { email: "owner@kth.se", name: "Owner", password: PASSWORD, role: "organizer" });
    const stranger = "203.0.113.66";
    const guesses: Answer[] = [];
    for (let i = 0; i < 12; i++) guesses.push(await signIn("owner@kth.se", `guess number ${i}`, stranger));
    expect(guesses.map((g) => g.status)).toEqual([400, 400, 400, ...Array(9).fill(429)]);
    const throttled = guesses[3]!;
    expect(Number(throttled.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(throttled.retryAfter)).toBeLessThanOrEqual(5);
    expect(throttled.message).toMatch(/^Too many failed sign-in attempts from here\. Wait \d seconds?, then try again\.$/);

    // The owner, at their own desk: straight in, with the right password.
    const owner = await signIn("owner@kth.se", PASSWORD, "198.51.100.7");
    expect(owner.status).toBe(302);
    // The guessing address is slowed even for the right password: it has to wait its turn.
    expect((await signIn("owner@kth.se", PASSWORD, stranger)).status).toBe(429);
  });

  it("holds nobody up when the guesses come from many addresses", async () => {
    await createUser(database.db, { email: "chair@hkust.hk", name: "Chair", password: PASSWORD, role: "organizer" });
    const statuses: number[] = [];
    for (let address = 0; address < 15; address++) {
      for (let i = 0; i < 3; i++) statuses.push((await signIn("chair@hkust.hk", `botnet guess ${address}-${i}`, `192.0.2.${address}`)).status);
    }
    expect(statuses.every((s) => s === 400)).toBe(true);
    expect((await signIn("chair@hkust.hk", PASSWORD, "198.51.100.8")).status).toBe(302);
  });

  it("answers an unknown account exactly like a known one", async () => {
    await createUser(database.db, { email: "known@mit.edu", name: "Known", password: PASSWORD, role: "organizer" });
    const known: Answer[] = [];
    const unknown: Answer[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await signIn("known@mit.edu", `wrong ${i}`, "203.0.113.80"));
      unknown.push(await signIn("nobody@mit.edu", `wrong ${i}`, "203.0.113.81"));
    }
    const shape = (answers: Answer[]) => answers.map((a) => [a.status, a.message?.replace(/\d+ seconds?/, "N seconds")]);
    expect(shape(unknown)).toEqual(shape(known));
    expect(known.map((a) => a.status)).toEqual([400, 400, 400, 429, 429]);
  });

  it("gives a burst of parallel guesses no more tries than one after another", async () => {
    await createUser(database.db, { email: "burst@kth.se", name: "Burst", password: PASSWORD, role: "organizer" });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn("burst@kth.se", `parallel ${i}`, "203.0.113.90")));
    expect(answers.filter((a) => a.status === 400)).toHaveLength(3);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(7);
  });
});

describe("claimAttempt, the growing delay", () => {
  const rule = { freeAttempts: 3, firstDelaySeconds: 5, maxDelaySeconds: 900, forgetAfterSeconds: 3600 };

  /** The rule in plain code: what the database must agree with for any timing of attempts. */
  function model(gapsSeconds: number[]): boolean[] {
    let attempts = 0;
    let last = -Infinity;
    let now = 0;
    return gapsSeconds.map((gap) => {
      now += gap;
      if (now - last >= rule.forgetAfterSeconds) attempts = 0;
      const allowed = attempts === 0 || now - last >= throttleDelaySeconds(rule, attempts);
      if (allowed) {
        attempts += 1;
        last = now;
      }
      return allowed;
    });
  }

  it("allows exactly what the model allows, for any timing of attempts", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 100, max: 4000 })), { minLength: 1, maxLength: 14 }), async (gaps) => {
        const key = `property:${run++}`;
        const start = Date.UTC(2026, 10, 23, 12);
        let now = start;
        const verdicts: boolean[] = [];
        for (const gap of gaps) {
          now += gap * 1000;
          verdicts.push((await claimAttempt(database.db, { key, ...rule } satisfies ThrottleRule, new Date(now))).allowed);
        }
        expect(verdicts).toEqual(model(gaps));
      }),
      { numRuns: 40 },
    );
  });

  it("lets a free attempt through even when its clock reads earlier than the one before it", async () => {
    // Parallel sign-ins read the clock, then queue on the row: the later writer may hold the earlier time.
    const key = "clock-skew";
    const start = Date.UTC(2026, 10, 23, 12);
    expect((await claimAttempt(database.db, { key, ...rule }, new Date(start + 5000))).allowed).toBe(true);
    expect((await claimAttempt(database.db, { key, ...rule }, new Date(start + 1000))).allowed).toBe(true);
    expect((await claimAttempt(database.db, { key, ...rule }, new Date(start + 2000))).allowed).toBe(true);
    // The fourth waits the first delay (5 s) from the latest attempt (5 s in), not from the latest clock reading.
    expect(await claimAttempt(database.db, { key, ...rule }, new Date(start + 3000))).toEqual({ allowed: false, retryAfterSeconds: 7 });
  });

  it("says how long to wait, and never more than the cap", async () => {
    const key = "wait-times";
    const start = Date.UTC(2026, 10, 23, 12);
    for (let i = 0; i < 3; i++) expect((await claimAttempt(database.db, { key, ...rule }, new Date(start))).allowed).toBe(true);
    expect(await claimAttempt(database.db, { key, ...rule }, new Date(start + 2000))).toEqual({ allowed: false, retryAfterSeconds: 3 });
    expect((await claimAttempt(database.db, { key, ...rule }, new Date(start + 5000))).allowed).toBe(true);
    expect(await claimAttempt(database.db, { key, ...rule }, new Date(start + 5000))).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(throttleDelaySeconds(rule, 40)).toBe(900);
  });
});
