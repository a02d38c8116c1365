// Every organizer route, loader and action alike, as another organizer and as
// nobody: another organizer's event is a 404 with nothing written, and a
// signed-out request goes to the login page. The route list is read from the
// routes folder, so a new admin route is covered the day it is added.
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createPerson } from "~db/factories";
import { agendaItems, auditLog, emailOutbox, eventOrganizers, events, mailboxMessages, people, recordingLinks, registrationQuestions, registrations } from "~db/schema";
import { createSession } from "~/auth/session.server";
import { createUser } from "~/auth/users.server";
import { registerAttendee } from "~/registrations/register.server";
import { testLoadContext } from "./support/load-context";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

type RouteModule = { loader?: (args: never) => Promise<unknown>; action?: (args: never) => Promise<unknown> };
const modules = import.meta.glob<RouteModule>("../app/routes/admin*.{ts,tsx}", { eager: true });
const adminRoutes = Object.entries(modules).map(([file, module]) => ({ name: file.replace("../app/routes/", ""), module }));
const eventRoutes = adminRoutes.filter((r) => r.name.includes("$eventId"));

let database: TestDatabase;
let ownerCookie: string;
let otherCookie: string;
let eventId: string;
let registrationId: string;
let personId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  const owner = await createUser(database.db, { email: "owner@kth.se", name: "Owner", password: "owner-password-123", role: "organizer" });
  const other = await createUser(database.db, { email: "other@hkust.edu.hk", name: "Other", password: "other-password-123", role: "organizer" });
  const request = new Request("http://podium.test/login");
  ownerCookie = (await createSession(database.db, { user: owner, request })).split(";")[0]!;
  otherCookie = (await createSession(database.db, { user: other, request })).split(";")[0]!;
  const person = await createPerson(database.db, { name: "Prof. Someone" });
  personId = person.id;
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const event = await createEvent(database.db, {
    title: "Owner's webinar",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
    requiresApproval: true,
    agenda: [{ kind: "talk", title: "A talk", roles: [{ person, role: "speaker" }] }],
    questions: [{ kind: "short_text", label: "Department" }],
    recordings: [{ label: "Recording", url: "https://video.example/1" }],
  });
  eventId = event.id;
  await database.db.insert(eventOrganizers).values({ eventId, userId: owner.id });
  const outcome = await registerAttendee(database.db, {
    eventId,
    input: { name: "Ada", email: "ada@kth.se", affiliation: "", timeZone: "Europe/Stockholm", answers: {} },
    now: new Date(),
    links: testLoadContext(database.db).links,
  });
  if (outcome.kind !== "registered") throw new Error("setup failed");
  registrationId = outcome.registration.id;
});
afterAll(async () => {
  await database.destroy();
});

async function snapshot() {
  const tables = [events, agendaItems, auditLog, emailOutbox, recordingLinks, registrationQuestions, registrations, eventOrganizers, people];
  const counts = await Promise.all(tables.map(async (t) => ((await database.db.select({ n: count() }).from(t)) as [{ n: number }])[0].n));
  const [event] = await database.db.select().from(events);
  const statuses = await database.db.select({ id: registrations.id, status: registrations.status }).from(registrations);
  const directory = await database.db.select().from(people);
  return JSON.stringify({ counts, event, statuses, directory });
}

async function outcomeOf(promise: Promise<unknown>): Promise<Response | "returned"> {
  try {
    const value = await promise;
    return value instanceof Response ? value : "returned";
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    // Remix single-fetch `data()` results and redirects are thrown as objects with init.
    throw thrown;
  }
}

/** Every field any admin form might read, so an action cannot fail for want of input. */
function hostileForm(intent: string): URLSearchParams {
  return new URLSearchParams({
    intent,
    registrationId,
    ids: registrationId,
    itemId: "00000000-0000-4000-8000-000000000000",
    personId,
    role: "speaker",
    title: "Taken over",
    kind: "talk",
    label: "Hijacked",
    url: "https://evil.example/",
    name: "Mallory",
    email: "mallory@evil.example",
    timeZone: "UTC",
    startDate: "2030-01-01",
    startTime: "10:00",
    startZone: "UTC",
    durationMinutes: "60",
    zone1: "UTC",
    confirm: "yes",
    audience: "all",
    publish: "on",
    subject: "Hijacked",
    body: "Hijacked",
    messageId: "00000000-0000-4000-8000-000000000001",
    expectedCount: "1",
    q: "",
    status: "",
  });
}

const INTENTS = [
  "save",
  "publish",
  "unpublish",
  "cancel",
  "share",
  "add",
  "update",
  "delete",
  "delete-ask",
  "fill",
  "approve",
  "decline",
  "bulk-approve",
  "bulk-approve-all",
  "bulk-decline-all",
  "promote",
  "notify",
  "notify-ask",
  "preview",
  "send",
];

function post(path: string, cookie: string | null, body: URLSearchParams): Request {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test" };
  if (cookie) headers.Cookie = cookie;
  return new Request(`http://podium.test${path}`, { method: "POST", body, headers });
}

function get(path: string, cookie: string | null): Request {
  return new Request(`http://podium.test${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

describe("organizer console access", () => {
  it("finds the per-event admin routes to check", () => {
    expect(eventRoutes.map((r) => r.name).sort()).toEqual(
      expect.arrayContaining([
        "admin.events.$eventId._index.tsx",
        "admin.events.$eventId.agenda.tsx",
        "admin.events.$eventId.audit.tsx",
        "admin.events.$eventId.duplicate.tsx",
        "admin.events.$eventId.edit.tsx",
        "admin.events.$eventId.messages.tsx",
        "admin.events.$eventId.questions.tsx",
        "admin.events.$eventId.recordings.tsx",
        "admin.events.$eventId.registrations.tsx",
        "admin.events.$eventId.registrations[.]csv.ts",
        "admin.events.$eventId.tsx",
      ]),
    );
  });

  it("shows another organizer's event to nobody else: every loader answers 404", async () => {
    for (const route of eventRoutes) {
      if (!route.module.loader) continue;
      const response = await outcomeOf(
        route.module.loader({ request: get(`/admin/events/${eventId}`, otherCookie), params: { eventId }, context: testLoadContext(database.db) } as never),
      );
      expect(response, route.name).not.toBe("returned");
      expect((response as Response).status, route.name).toBe(404);
    }
  });

  it("lets no other organizer change the event: every action and intent answers 404 and writes nothing", async () => {
    const before = await snapshot();
    let tried = 0;
    for (const route of eventRoutes) {
      if (!route.module.action) continue;
      for (const intent of INTENTS) {
        const response = await outcomeOf(
          route.module.action({
            request: post(`/admin/events/${eventId}`, otherCookie, hostileForm(intent)),
            params: { eventId },
            context: testLoadContext(database.db),
          } as never),
        );
        expect(response, `${route.name} ${intent}`).not.toBe("returned");
        expect((response as Response).status, `${route.name} ${intent}`).toBe(404);
        tried += 1;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(6 * INTENTS.length);
    expect(await snapshot()).toBe(before);
  });

  it("still lets the owner in, so the 404s above are about ownership", async () => {
    const overview = eventRoutes.find((r) => r.name === "admin.events.$eventId._index.tsx")!;
    const page = (await overview.module.loader!({ request: get(`/admin/events/${eventId}`, ownerCookie), params: { eventId }, context: testLoadContext(database.db) } as never)) as {
      counts: { pending: number };
    };
    expect(page.counts.pending).toBe(1);
  });

  it("shows another organizer neither the event on their dashboard nor its mail in the mailbox", async () => {
    const dashboard = adminRoutes.find((r) => r.name === "admin._index.tsx")!;
    const page = (await dashboard.module.loader!({ request: get("/admin", otherCookie), params: {}, context: testLoadContext(database.db) } as never)) as {
      upcoming: unknown[];
    };
    expect(page.upcoming).toEqual([]);
    const mine = (await dashboard.module.loader!({ request: get("/admin", ownerCookie), params: {}, context: testLoadContext(database.db) } as never)) as {
      upcoming: { title: string }[];
    };
    expect(mine.upcoming.map((e) => e.title)).toEqual(["Owner's webinar"]);

    // Ada's confirmation email, as the built-in mailbox would hold it.
    const [outboxRow] = await database.db.select().from(emailOutbox);
    const [mail] = await database.db
      .insert(mailboxMessages)
      .values({ outboxId: outboxRow!.id, fromAddress: "events@podium.local", toAddress: "ada@kth.se", subject: "Pending", html: "<p>x</p>", text: "x" })
      .returning();
    const mailbox = adminRoutes.find((r) => r.name === "admin.mailbox._index.tsx")!;
    const message = adminRoutes.find((r) => r.name === "admin.mailbox.$id.tsx")!;
    const theirs = (await mailbox.module.loader!({ request: get("/admin/mailbox", otherCookie), params: {}, context: testLoadContext(database.db) } as never)) as { messages: unknown[] };
    expect(theirs.messages).toEqual([]);
    const opened = await outcomeOf(message.module.loader!({ request: get(`/admin/mailbox/${mail!.id}`, otherCookie), params: { id: mail!.id }, context: testLoadContext(database.db) } as never));
    expect((opened as Response).status).toBe(404);
    const ownersMailbox = (await mailbox.module.loader!({ request: get("/admin/mailbox", ownerCookie), params: {}, context: testLoadContext(database.db) } as never)) as { messages: { to: string }[] };
    expect(ownersMailbox.messages.map((m) => m.to)).toEqual(["ada@kth.se"]);
  });

  it("shows another organizer neither the speaker's email nor the owner's event in the people directory, and refuses their change", async () => {
    await database.db.update(people).set({ email: "someone.private@kth.se" });
    const personPage = adminRoutes.find((r) => r.name === "admin.people.$personId.tsx")!;
    const seen = await personPage.module.loader!({ request: get(`/admin/people/${personId}`, otherCookie), params: { personId }, context: testLoadContext(database.db) } as never);
    expect(JSON.stringify(seen)).not.toContain("someone.private@kth.se");
    expect(JSON.stringify(seen)).not.toContain("Owner's webinar");
    const before = await snapshot();
    const changed = (await personPage.module.action!({
      request: post(`/admin/people/${personId}`, otherCookie, hostileForm("save")),
      params: { personId },
      context: testLoadContext(database.db),
    } as never)) as { init: { status: number }; data: unknown };
    expect(changed.init.status).toBe(403);
    expect(JSON.stringify(changed.data)).toContain("other organizers manage");
    expect(await snapshot()).toBe(before);
    const owners = await personPage.module.loader!({ request: get(`/admin/people/${personId}`, ownerCookie), params: { personId }, context: testLoadContext(database.db) } as never);
    expect(JSON.stringify(owners)).toContain("someone.private@kth.se");
  });

  it("sends every signed-out request to any /admin route to the login page", async () => {
    for (const route of adminRoutes) {
      for (const kind of ["loader", "action"] as const) {
        const handler = route.module[kind];
        if (!handler) continue;
        const request = kind === "loader" ? get(`/admin/events/${eventId}`, null) : post(`/admin/events/${eventId}`, null, hostileForm("save"));
        const response = await outcomeOf(handler({ request, params: { eventId, id: "x", index: "0", personId, seriesId: "x", organizationId: "x" }, context: testLoadContext(database.db) } as never));
        expect(response, `${route.name} ${kind}`).not.toBe("returned");
        expect((response as Response).status, `${route.name} ${kind}`).toBe(302);
        expect((response as Response).headers.get("Location"), `${route.name} ${kind}`).toMatch(/^\/login\?redirectTo=/);
      }
    }
  });
});
