// Issue 13: every documented /api/v1 operation over real HTTP (PGlite and PostgreSQL), each
// answer validated against the served OpenAPI document; the document itself validated; the
// authorization matrix; idempotency, rate limits and incremental export.
import { Validator } from "@seriousme/openapi-schema-validator";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createOrganization, createPerson, createSeries } from "~db/factories";
import { apiIdempotencyKeys, auditLog, events, rateLimits, registrationEvents, registrations, type Event, type User } from "~db/schema";
import { revokeApiToken } from "~/api/api-tokens.server";
import { signedInOrganizer } from "./support/organizer";
import { ApiClient, own, tokenFor } from "./support/api-client";
import { loadProductionBuild, startHttpApp, type RunningApp } from "./support/http-app";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

let database: TestDatabase;
let app: RunningApp;
let api: ApiClient;
let chair: User;
let stranger: User;
let admin: User;
const tokens = {} as Record<"write" | "read" | "revoked" | "stranger" | "admin" | "chosen", string>;
let mine: Event;
let theirs: Event;
let other: Event;
const HOUR = 3_600_000;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startHttpApp(database.db, await loadProductionBuild());
  api = await ApiClient.connect(app.base);
  const db = database.db;
  ({ user: chair } = await signedInOrganizer(db, { email: "chair@kth.se", name: "Chair" }));
  ({ user: stranger } = await signedInOrganizer(db, { email: "other@hku.hk", name: "Other" }));
  ({ user: admin } = await signedInOrganizer(db, { email: "admin@podium.test", name: "Admin", role: "admin" }));
  const kth = await createOrganization(db, { name: "KTH Royal Institute of Technology", shortName: "KTH" });
  const speaker = await createPerson(db, { name: "Ada Lovelace", email: "ada@speakers.test" });
  const startsAt = new Date(Math.ceil((Date.now() + 7 * 24 * HOUR) / HOUR) * HOUR);
  mine = await createEvent(db, {
    title: "Open science",
    startsAt,
    endsAt: new Date(startsAt.getTime() + HOUR),
    homeZone: "Europe/Stockholm",
    displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
    capacity: 2,
    hosts: [{ organization: kth }],
    agenda: [{ kind: "talk", title: "Keynote", roles: [{ person: speaker, role: "speaker" }] }],
    questions: [{ kind: "single_choice", label: "Role", required: true, options: ["Student", "Staff"] }],
  });
  other = await createEvent(db, { title: "Second of mine", startsAt, endsAt: new Date(startsAt.getTime() + HOUR) });
  theirs = await createEvent(db, { title: "Someone else's", startsAt, endsAt: new Date(startsAt.getTime() + HOUR) });
  await own(db, chair, mine.id);
  await own(db, chair, other.id);
  await own(db, stranger, theirs.id);
  tokens.write = (await tokenFor(db, chair)).secret;
  tokens.read = (await tokenFor(db, chair, { scope: "read" })).secret;
  const revoked = await tokenFor(db, chair);
  await revokeApiToken(db, { user: chair, tokenId: revoked.id });
  tokens.revoked = revoked.secret;
  tokens.stranger = (await tokenFor(db, stranger)).secret;
  tokens.admin = (await tokenFor(db, admin)).secret;
  tokens.chosen = (await tokenFor(db, chair, { eventIds: [other.id] })).secret;
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

const questionId = async () => (await api.call("getEvent", { token: tokens.read, params: { eventId: mine.id } })) && (await database.db.query.registrationQuestions.findFirst({ where: (q, { eq: is }) => is(q.eventId, mine.id) }))!.id;

describe("the document", () => {
  it("is a valid OpenAPI 3.1 document that lists every operation", async () => {
    const result = await new Validator().validate(api.document as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(api.operationIds().sort()).toEqual(
      [
        "listEvents", "createEvent", "getEvent", "updateEvent", "publishEvent", "cancelEvent",
        "listRegistrations", "addRegistration", "getRegistration", "approveRegistration", "declineRegistration", "cancelRegistration", "attendRegistration",
        "listSeries", "getSeries", "listOrganizations", "getOrganization", "listPeople", "getPerson",
      ].sort(),
    );
  });

  it("renders a readable reference at /api without scripts", async () => {
    const page = await fetch(`${app.base}/api`, { headers: { Accept: "text/html" } });
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const text of ["Podium API", "/api/v1/events/{eventId}/registrations/{registrationId}/attend", "List events you manage", "RegistrationCreate"]) expect(html).toContain(text);
  });
});

describe("events", () => {
  it("lists only the owner's events, with instants in the event's zone and its IANA name", async () => {
    const list = await api.call("listEvents", { token: tokens.read, query: { when: "upcoming" } });
    expect(list.status).toBe(200);
    expect(list.body.data.map((e: { id: string }) => e.id).sort()).toEqual([mine.id, other.id].sort());
    const open = list.body.data.find((e: { id: string }) => e.id === mine.id);
    expect(open.time_zone).toBe("Europe/Stockholm");
    expect(open.starts_at).toMatch(/\+01:00$|\+02:00$/);
    expect(new Date(open.starts_at).getTime()).toBe(mine.startsAt.getTime());
    expect((await api.call("listEvents", { token: tokens.read, query: { when: "past" } })).body.data).toEqual([]);
  });

  it("gets one event with hosts, display zones, agenda and people", async () => {
    const got = await api.call("getEvent", { token: tokens.read, params: { eventId: mine.id } });
    expect(got.body.display_zones).toEqual(["Europe/Stockholm", "Asia/Hong_Kong"]);
    expect(got.body.hosts[0].short_name).toBe("KTH");
    expect(got.body.agenda[0].people[0].name).toBe("Ada Lovelace");
    expect(got.body.people[0]).toMatchObject({ name: "Ada Lovelace", roles: ["speaker"] });
  });

  it("creates, updates, publishes and cancels through the console's rules", async () => {
    const created = await api.call("createEvent", {
      token: tokens.write,
      body: { title: "API webinar", starts_at: "2030-06-15T10:00:00+02:00", time_zone: "Europe/Stockholm", duration_minutes: 90, display_zones: ["Europe/Stockholm", "America/New_York"], capacity: 50 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "draft", starts_at: "2030-06-15T10:00:00+02:00", ends_at: "2030-06-15T11:30:00+02:00", capacity: 50 });
    const id = created.body.id as string;
    // Changing only the zone keeps the instant.
    const moved = await api.call("updateEvent", { token: tokens.write, params: { eventId: id }, body: { time_zone: "Asia/Hong_Kong", title: "API webinar (HK)" } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ title: "API webinar (HK)", time_zone: "Asia/Hong_Kong", starts_at: "2030-06-15T16:00:00+08:00" });
    // The form's rule (registration cannot close after the end) holds here too, with the field named.
    const refused = await api.call("updateEvent", { token: tokens.write, params: { eventId: id }, body: { registration_closes_at: "2031-01-01T00:00:00Z" } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ field: "registration_closes_at" }));
    const taken = await api.call("updateEvent", { token: tokens.write, params: { eventId: id }, body: { slug: mine.slug } });
    expect(taken.status).toBe(409);
    expect((await api.call("publishEvent", { token: tokens.write, params: { eventId: id } })).body.status).toBe("published");
    expect((await api.call("publishEvent", { token: tokens.write, params: { eventId: id } })).status).toBe(409);
    expect((await api.call("cancelEvent", { token: tokens.write, params: { eventId: id }, body: {} })).body.status).toBe("cancelled");
    expect((await api.call("cancelEvent", { token: tokens.write, params: { eventId: id } })).status).toBe(409);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.eventId, id));
    expect(audit.map((a) => a.action).sort()).toEqual(["event.cancelled", "event.created", "event.published", "event.updated"]);
  });
});

describe("registrations", () => {
  let first: string;
  it("adds with the public form's rules: questions, capacity, waitlist; the same email is idempotent", async () => {
    const role = await questionId();
    const missing = await api.call("addRegistration", { token: tokens.write, params: { eventId: mine.id }, body: { name: "A", email: "a@uni.test", time_zone: "Europe/Oslo", consent: true } });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ field: `answers.${role}` }));
    const add = (email: string, zone = "Asia/Kolkata") =>
      api.call("addRegistration", { token: tokens.write, params: { eventId: mine.id }, body: { name: email.split("@")[0], email, time_zone: zone, consent: true, answers: { [role]: "Staff" } } });
    const a = await add("a@uni.test", "Kolkata");
    expect(a.status).toBe(201);
    expect(a.body).toMatchObject({ status: "confirmed", time_zone: "Asia/Kolkata", answers: { [role]: "Staff" } });
    expect(a.body.created_at).toMatch(/\+05:30$/);
    first = a.body.id;
    expect((await add("b@uni.test")).body.status).toBe("confirmed");
    const c = await add("c@uni.test");
    expect(c.body).toMatchObject({ status: "waitlisted", waitlist_position: 1 });
    const again = await add("A@UNI.test");
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first);
    const [{ n }] = (await database.db.select({ n: count() }).from(registrations).where(eq(registrations.eventId, mine.id))) as [{ n: number }];
    expect(n).toBe(3);
  });

  it("lists with a status filter and gets one", async () => {
    const waiting = await api.call("listRegistrations", { token: tokens.read, params: { eventId: mine.id }, query: { status: "waitlisted" } });
    expect(waiting.body.data.map((r: { email: string }) => r.email)).toEqual(["c@uni.test"]);
    const got = await api.call("getRegistration", { token: tokens.read, params: { eventId: mine.id, registrationId: first } });
    expect(got.body.email).toBe("a@uni.test");
  });

  it("cancels (the first waiting moves up), marks attended, and refuses what the lifecycle refuses", async () => {
    const cancelled = await api.call("cancelRegistration", { token: tokens.write, params: { eventId: mine.id, registrationId: first } });
    expect(cancelled.body.status).toBe("cancelled");
    const again = await api.call("cancelRegistration", { token: tokens.write, params: { eventId: mine.id, registrationId: first } });
    expect(again.status).toBe(409);
    const confirmed = await api.call("listRegistrations", { token: tokens.read, params: { eventId: mine.id }, query: { status: "confirmed" } });
    expect(confirmed.body.data.map((r: { email: string }) => r.email).sort()).toEqual(["b@uni.test", "c@uni.test"]);
    const b = confirmed.body.data.find((r: { email: string }) => r.email === "b@uni.test");
    const attended = await api.call("attendRegistration", { token: tokens.write, params: { eventId: mine.id, registrationId: b.id } });
    expect(attended.body.status).toBe("attended");
    expect(attended.body.attended_at).not.toBeNull();
    expect((await api.call("attendRegistration", { token: tokens.write, params: { eventId: mine.id, registrationId: first } })).status).toBe(409);
    expect((await api.call("approveRegistration", { token: tokens.write, params: { eventId: mine.id, registrationId: b.id } })).status).toBe(409);
    const journal = await database.db.select().from(registrationEvents).where(eq(registrationEvents.registrationId, b.id));
    expect(journal.map((j) => [j.transition, j.actorKind])).toContainEqual(["attend", "organizer"]);
  });

  it("approves and declines pending registrations of an approval event", async () => {
    await database.db.update(events).set({ requiresApproval: true, capacity: null }).where(eq(events.id, other.id));
    const add = async (email: string) =>
      (await api.call("addRegistration", { token: tokens.write, params: { eventId: other.id }, body: { name: "P", email, time_zone: "UTC", consent: true } })).body as { id: string; status: string };
    const p1 = await add("p1@uni.test");
    const p2 = await add("p2@uni.test");
    expect([p1.status, p2.status]).toEqual(["pending", "pending"]);
    expect((await api.call("approveRegistration", { token: tokens.write, params: { eventId: other.id, registrationId: p1.id } })).body.status).toBe("confirmed");
    expect((await api.call("declineRegistration", { token: tokens.write, params: { eventId: other.id, registrationId: p2.id } })).body.status).toBe("declined");
  });

  it("exports incrementally: updated_since plus cursor walks every change once, in order", async () => {
    const since = new Date(Date.now() - HOUR).toISOString();
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.call("listRegistrations", { token: tokens.read, params: { eventId: mine.id }, query: { updated_since: since, limit: "1", ...(cursor ? { cursor } : {}) } });
      seen.push(...page.body.data.map((r: { email: string }) => r.email));
      cursor = page.body.next_cursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual(["a@uni.test", "b@uni.test", "c@uni.test"]);
    const bad = await api.call("listRegistrations", { token: tokens.read, params: { eventId: mine.id }, query: { cursor: "not-a-cursor" } });
    expect(bad.status).toBe(400);
    // A cursor from another listing is refused, not misread.
    const eventsPage = await api.call("listEvents", { token: tokens.read, query: { limit: "1" } });
    const foreign = await api.call("listRegistrations", { token: tokens.read, params: { eventId: mine.id }, query: { cursor: eventsPage.body.next_cursor } });
    expect(foreign.status).toBe(400);
  });
});

describe("directories", () => {
  it("lists and gets series, organizations and people; a speaker's email only through events you manage", async () => {
    const s = await createSeries(database.db, { title: "Lecture series" });
    expect((await api.call("listSeries", { token: tokens.read })).body.data.map((x: { id: string }) => x.id)).toContain(s.id);
    expect((await api.call("getSeries", { token: tokens.read, params: { seriesId: s.id } })).body.title).toBe("Lecture series");
    const orgs = await api.call("listOrganizations", { token: tokens.read });
    expect((await api.call("getOrganization", { token: tokens.read, params: { organizationId: orgs.body.data[0].id } })).body.short_name).toBe("KTH");
    const people = await api.call("listPeople", { token: tokens.read });
    const ada = people.body.data.find((p: { name: string }) => p.name === "Ada Lovelace");
    expect(ada.email).toBe("ada@speakers.test");
    expect((await api.call("getPerson", { token: tokens.stranger, params: { personId: ada.id } })).body.email).toBeNull();
    expect((await api.call("getPerson", { token: tokens.read, params: { personId: "00000000-0000-4000-8000-000000000000" } })).status).toBe(404);
  });
});

describe("idempotency and rate limits", () => {
  it("answers a repeated Idempotency-Key with the first response, and refuses the key with another body", async () => {
    const body = { name: "Idem", email: "idem@uni.test", time_zone: "UTC", consent: true };
    const headers = { "Idempotency-Key": "add-idem-1" };
    const first = await api.call("addRegistration", { token: tokens.write, params: { eventId: other.id }, body, headers });
    const second = await api.call("addRegistration", { token: tokens.write, params: { eventId: other.id }, body, headers });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    const changed = await api.call("addRegistration", { token: tokens.write, params: { eventId: other.id }, body: { ...body, email: "else@uni.test" }, headers });
    expect(changed.status).toBe(422);
    const rows = await database.db.select().from(registrations).where(and(eq(registrations.eventId, other.id), eq(registrations.email, "else@uni.test")));
    expect(rows).toEqual([]);
    // Another token's same key is its own.
    const stored = await database.db.select().from(apiIdempotencyKeys).where(eq(apiIdempotencyKeys.key, "add-idem-1"));
    expect(stored).toHaveLength(1);
  });

  it("registers once when two requests with one key race, and the loser is told to wait or gets the same answer", async () => {
    const body = { name: "Race", email: "race@uni.test", time_zone: "UTC", consent: true };
    const send = () => api.call("addRegistration", { token: tokens.write, params: { eventId: other.id }, body, headers: { "Idempotency-Key": "race-1" } });
    const answers = await Promise.all([send(), send(), send()]);
    for (const answer of answers) expect([201, 409]).toContain(answer.status);
    expect(answers.filter((a) => a.status === 201).length).toBeGreaterThanOrEqual(1);
    const rows = await database.db.select().from(registrations).where(eq(registrations.email, "race@uni.test"));
    expect(rows).toHaveLength(1);
  });

  it("sends RateLimit headers and answers 429 with Retry-After once the token's minute is spent", async () => {
    const { secret, id } = await tokenFor(database.db, chair, { scope: "read" });
    const ok = await api.call("listSeries", { token: secret });
    expect(ok.headers.get("ratelimit-policy")).toBe('"default";q=600;w=60');
    expect(ok.headers.get("ratelimit")).toMatch(/^"default";r=599;t=\d+$/);
    await database.db.update(rateLimits).set({ hits: 600 }).where(eq(rateLimits.key, `api:token:${id}`));
    const limited = await api.call("listSeries", { token: secret });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("coverage", () => {
  it("exercised every documented operation successfully", () => {
    expect([...api.covered].sort()).toEqual(api.operationIds().sort());
  });
});
