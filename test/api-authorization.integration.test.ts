// Issue 13's authorization matrix and hostile input, over real HTTP: every operation as no
// token, a revoked token, a read-only token, another organizer's token, a token limited to
// other events, and an admin's; then generated garbage at every operation. Whatever is refused
// answers a 4xx problem document and writes nothing.
import fc from "fast-check";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createOrganization, createPerson, createSeries } from "~db/factories";
import { apiIdempotencyKeys, auditLog, emailOutbox, eventOrganizers, events, registrationEvents, registrations, type User } from "~db/schema";
import { revokeApiToken } from "~/api/api-tokens.server";
import { registerAttendee } from "~/registrations/register.server";
import { signedInOrganizer } from "./support/organizer";
import { TEST_LINK_SECRET } from "./support/load-context";
import { ApiClient, own, tokenFor, type ApiAnswer } from "./support/api-client";
import { loadProductionBuild, rawRequest, startHttpApp, type RunningApp } from "./support/http-app";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

let database: TestDatabase;
let app: RunningApp;
let api: ApiClient;
let chair: User;
const tokens = {} as Record<"none" | "revoked" | "read" | "stranger" | "chosen" | "admin" | "write", string | undefined>;
const ids = {} as Record<"series" | "organization" | "person" | "elsewhere", string>;
const HOUR = 3_600_000;
const links = { origin: "http://podium.test", secret: TEST_LINK_SECRET };

async function freshEvent({ approval = false }: { approval?: boolean } = {}) {
  const startsAt = new Date(Date.now() + 10 * 24 * HOUR);
  const event = await createEvent(database.db, { startsAt, endsAt: new Date(startsAt.getTime() + HOUR), requiresApproval: approval, status: "published" });
  await own(database.db, chair, event.id);
  return event;
}

async function freshRegistration({ approval }: { approval: boolean }) {
  const event = await freshEvent({ approval });
  const outcome = await registerAttendee(database.db, {
    eventId: event.id,
    input: { name: "R", email: `r${Math.random().toString(36).slice(2)}@uni.test`, affiliation: "", timeZone: "UTC", answers: {} },
    now: new Date(),
    links,
  });
  if (outcome.kind !== "registered") throw new Error("fixture failed");
  return { eventId: event.id, registrationId: outcome.registration.id };
}

type Call = { params?: Record<string, string>; body?: unknown; query?: Record<string, string> };
/** A valid call of each operation on the chair's data, made fresh each time (a transition can run once). */
const CALLS: Record<string, () => Promise<Call>> = {
  listEvents: async () => ({}),
  createEvent: async () => ({ body: { title: "Made by the matrix", starts_at: "2031-01-10T09:00:00Z", time_zone: "UTC", duration_minutes: 60 } }),
  getEvent: async () => ({ params: { eventId: (await freshEvent()).id } }),
  updateEvent: async () => ({ params: { eventId: (await freshEvent()).id }, body: { title: "Renamed by the matrix" } }),
  publishEvent: async () => {
    const event = await freshEvent();
    await database.db.update(events).set({ status: "draft" }).where(eq(events.id, event.id));
    return { params: { eventId: event.id } };
  },
  cancelEvent: async () => ({ params: { eventId: (await freshEvent()).id } }),
  listRegistrations: async () => ({ params: { eventId: (await freshRegistration({ approval: false })).eventId } }),
  addRegistration: async () => ({ params: { eventId: (await freshEvent()).id }, body: { name: "New", email: "new@uni.test", time_zone: "UTC", consent: true } }),
  getRegistration: async () => ({ params: await freshRegistration({ approval: false }) }),
  approveRegistration: async () => ({ params: await freshRegistration({ approval: true }) }),
  declineRegistration: async () => ({ params: await freshRegistration({ approval: true }) }),
  cancelRegistration: async () => ({ params: await freshRegistration({ approval: false }) }),
  attendRegistration: async () => ({ params: await freshRegistration({ approval: false }) }),
  listSeries: async () => ({}),
  getSeries: async () => ({ params: { seriesId: ids.series } }),
  listOrganizations: async () => ({}),
  getOrganization: async () => ({ params: { organizationId: ids.organization } }),
  listPeople: async () => ({}),
  getPerson: async () => ({ params: { personId: ids.person } }),
};

const WRITES = new Set(["createEvent", "updateEvent", "publishEvent", "cancelEvent", "addRegistration", "approveRegistration", "declineRegistration", "cancelRegistration", "attendRegistration"]);
const PER_EVENT = (op: string) => op !== "listEvents" && op !== "createEvent" && !["listSeries", "getSeries", "listOrganizations", "getOrganization", "listPeople", "getPerson"].includes(op);

async function footprint() {
  const db = database.db;
  const n = async (table: typeof events | typeof registrations | typeof registrationEvents | typeof auditLog | typeof emailOutbox | typeof apiIdempotencyKeys | typeof eventOrganizers) =>
    ((await db.select({ n: count() }).from(table)) as [{ n: number }])[0].n;
  return {
    events: await n(events),
    registrations: await n(registrations),
    journal: await n(registrationEvents),
    audit: await n(auditLog),
    outbox: await n(emailOutbox),
    idempotency: await n(apiIdempotencyKeys),
    owners: await n(eventOrganizers),
    changed: ((await db.select({ n: count() }).from(events).where(eq(events.title, "Renamed by the matrix"))) as [{ n: number }])[0].n,
  };
}

function expectProblem(answer: ApiAnswer, status: number) {
  expect(answer.status, answer.text.slice(0, 300)).toBe(status);
  expect(answer.headers.get("content-type")).toContain("application/problem+json");
  expect(answer.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startHttpApp(database.db, await loadProductionBuild());
  api = await ApiClient.connect(app.base);
  const db = database.db;
  ({ user: chair } = await signedInOrganizer(db, { email: "chair@kth.se" }));
  const { user: stranger } = await signedInOrganizer(db, { email: "other@hku.hk" });
  const { user: admin } = await signedInOrganizer(db, { email: "root@podium.test", role: "admin" });
  ids.series = (await createSeries(db)).id;
  ids.organization = (await createOrganization(db)).id;
  ids.person = (await createPerson(db)).id;
  const elsewhere = await freshEvent();
  ids.elsewhere = elsewhere.id;
  tokens.none = undefined;
  const revoked = await tokenFor(db, chair);
  await revokeApiToken(db, { user: chair, tokenId: revoked.id });
  tokens.revoked = revoked.secret;
  tokens.read = (await tokenFor(db, chair, { scope: "read" })).secret;
  tokens.write = (await tokenFor(db, chair)).secret;
  tokens.stranger = (await tokenFor(db, stranger)).secret;
  tokens.chosen = (await tokenFor(db, chair, { eventIds: [elsewhere.id] })).secret;
  tokens.admin = (await tokenFor(db, admin)).secret;
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

describe("authorization matrix", () => {
  for (const operation of Object.keys(CALLS)) {
    it(`${operation}: refused for no token, a revoked token, and where the token may not; allowed for the owner's read or write token and an admin`, async () => {
      const call = () => CALLS[operation]!();
      const refused = async (token: string | undefined, status: number) => {
        const args = await call();
        const before = await footprint();
        const answer = await api.call(operation, { token, ...args });
        expectProblem(answer, status);
        expect(await footprint()).toEqual(before);
      };
      await refused(tokens.none, 401);
      await refused(tokens.revoked, 401);
      if (WRITES.has(operation)) await refused(tokens.read, 403);
      if (PER_EVENT(operation)) {
        await refused(tokens.stranger, 404);
        await refused(tokens.chosen, 404);
      }
      if (operation === "createEvent") await refused(tokens.chosen, 403);
      if (operation === "listEvents") {
        const theirs = await api.call(operation, { token: tokens.stranger });
        expect(theirs.body.data).toEqual([]);
        const chosen = await api.call(operation, { token: tokens.chosen });
        expect(chosen.body.data.map((e: { id: string }) => e.id)).toEqual([ids.elsewhere]);
      }
      for (const token of [WRITES.has(operation) ? tokens.write : tokens.read, tokens.admin]) {
        const answer = await api.call(operation, { token, ...(await call()) });
        expect(answer.status, answer.text.slice(0, 300)).toBeLessThan(300);
      }
    });
  }
});

const jsonGarbage = fc.jsonValue({ maxDepth: 3 }).filter((v) => !(v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0));

describe("hostile input writes nothing and never answers 5xx", () => {
  for (const operation of [...WRITES]) {
    it(`${operation}: generated JSON bodies, wrong types and unknown fields → 4xx problem documents`, async () => {
      const args = await CALLS[operation]!();
      const before = await footprint();
      await fc.assert(
        fc.asyncProperty(jsonGarbage, async (body) => {
          const answer = await api.call(operation, { token: tokens.write, params: args.params, body });
          expect(answer.status).toBeGreaterThanOrEqual(400);
          expect(answer.status).toBeLessThan(500);
          expect(answer.headers.get("content-type")).toContain("application/problem+json");
        }),
        { numRuns: 25 },
      );
      if (args.body && typeof args.body === "object") {
        const valid = args.body as Record<string, unknown>;
        for (const bad of [{ ...valid, surprise: 1 }, ...Object.keys(valid).map((k) => ({ ...valid, [k]: { nested: [k] } }))]) {
          const answer = await api.call(operation, { token: tokens.write, params: args.params, body: bad });
          expectProblem(answer, 422);
          expect(answer.body.errors.length).toBeGreaterThan(0);
        }
      }
      expect(await footprint()).toEqual(before);
    });
  }

  it("bad JSON, wrong content types, huge bodies, NUL characters and bad cursors are refused at the door", async () => {
    const before = await footprint();
    const path = `/api/v1/events/${ids.elsewhere}/registrations`;
    const send = (body: string | Buffer, type = "application/json") =>
      rawRequest(app.port, { method: "POST", path, headers: { Authorization: `Bearer ${tokens.write}`, "Content-Type": type }, body });
    for (const broken of ['{"name": ', "{'a':1}", "[1,2", "\u0000", '{"a":1}}']) {
      const answer = await send(broken);
      expect(answer.status).toBe(400);
      expect(answer.headers["content-type"]).toContain("application/problem+json");
    }
    expect((await send(JSON.stringify({ name: "x\u0000y", email: "n@uni.test", time_zone: "UTC", consent: true }))).status).toBe(400);
    expect((await send(Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d])))).toMatchObject({ status: 400 });
    expect((await send("name=x", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await send(JSON.stringify({ name: "x".repeat(300_000) }))).status).toBe(413);
    expect((await send("[".repeat(5000) + "]".repeat(5000))).status).toBe(400);
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 80 }), fc.constantFrom("listEvents", "listRegistrations", "listSeries", "listPeople"), async (cursor, operation) => {
        const answer = await api.call(operation, { token: tokens.read, params: { eventId: ids.elsewhere }, query: { cursor } });
        expectProblem(answer, 400);
      }),
      { numRuns: 40 },
    );
    for (const query of <Record<string, string>[]>[{ limit: "0" }, { limit: "abc" }, { limit: "100000" }, { when: "tomorrow" }, { updated_since: "yesterday" }, { unknown: "1" }]) {
      expectProblem(await api.call("listEvents", { token: tokens.read, query }), 400);
    }
    expectProblem(await api.call("getEvent", { token: tokens.read, params: { eventId: "not-a-uuid" } }), 404);
    expect(await footprint()).toEqual(before);
  });

  it("cookies never authenticate an API call, and bearer calls skip the cross-site form check", async () => {
    const { cookie } = await signedInOrganizer(database.db, { email: "cookie@kth.se" });
    const withCookie = await api.raw("GET", "/events", { headers: { Cookie: cookie } });
    expectProblem(withCookie, 401);
    const crossSite = await api.call("addRegistration", {
      token: tokens.write,
      params: { eventId: ids.elsewhere },
      body: { name: "Script", email: "script@uni.test", time_zone: "UTC", consent: true },
      headers: { Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" },
    });
    expect(crossSite.status).toBe(201);
    // Without a token the cross-site rule still stands in front of the API.
    const forged = await api.raw("POST", `/events/${ids.elsewhere}/publish`, { headers: { Cookie: cookie, Origin: "https://elsewhere.example" } });
    expect(forged.status).toBe(403);
  });
});
