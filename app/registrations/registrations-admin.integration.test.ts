// The organizer's registrations screen for one event, through its route: the
// list, decisions in bulk, promotion and cancellation by hand, adding someone
// by hand, and the CSV export a spreadsheet opens.
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, type EventSpec } from "~db/factories";
import { auditLog, emailOutbox, eventOrganizers, registrationQuestions, registrations, type Event, type User } from "~db/schema";
import { actorFor } from "~/audit/audit-log.server";
import { action, loader } from "~/routes/admin.events.$eventId.registrations";
import { loader as csvLoader } from "~/routes/admin.events.$eventId.registrations[.]csv";
import { organizerPost, signedInOrganizer } from "../../test/support/organizer";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { testLoadContext } from "../../test/support/load-context";
import { registerAttendee } from "./register.server";
import type { RegistrationsActionData } from "./registrations-admin-action.server";
import { csvCell, promoteByHand } from "./registrations-admin.server";

let database: TestDatabase;
let organizer: User;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ user: organizer, cookie } = await signedInOrganizer(database.db));
});
afterAll(async () => {
  await database.destroy();
});

const context = () => testLoadContext(database.db);
const DAY = 86_400_000;

/** An event a month from now (the action decides with the real clock), owned by the organizer. */
async function ownedEvent(spec: Partial<EventSpec> = {}): Promise<Event> {
  const startsAt = new Date(Date.now() + 30 * DAY);
  const event = await createEvent(database.db, {
    startsAt,
    endsAt: new Date(startsAt.getTime() + 75 * 60_000),
    homeZone: "Asia/Hong_Kong",
    displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
    ...spec,
  });
  await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: organizer.id });
  return event;
}

async function register(event: Event, name: string, email: string, answers: Record<string, string | string[] | boolean> = {}) {
  const outcome = await registerAttendee(database.db, {
    eventId: event.id,
    input: { name, email, affiliation: "", timeZone: "Europe/Stockholm", answers },
    now: new Date(),
    links: context().links,
  });
  if (outcome.kind !== "registered") throw new Error(`registration of ${email} failed: ${outcome.kind}`);
  return outcome.registration;
}

type ActionResult = { data: RegistrationsActionData; init: ResponseInit | null };

async function submit(event: Event, fields: [string, string][]): Promise<ActionResult> {
  const request = organizerPost(`/admin/events/${event.id}/registrations`, cookie, fields);
  return (await action({ request, params: { eventId: event.id }, context: context() })) as unknown as ActionResult;
}

async function listed(event: Event, search: string) {
  const request = new Request(`http://podium.test/admin/events/${event.id}/registrations${search}`, { headers: { Cookie: cookie } });
  const page = await loader({ request, params: { eventId: event.id }, context: context() });
  return page.rows;
}

async function statusOf(id: string) {
  const [row] = await database.db.select({ status: registrations.status }).from(registrations).where(eq(registrations.id, id));
  return row!.status;
}

async function templatesFor(registrationId: string) {
  const rows = await database.db.select().from(emailOutbox).where(eq(emailOutbox.registrationId, registrationId)).orderBy(asc(emailOutbox.createdAt));
  return rows.map((r) => r.template);
}

describe("the registrations list", () => {
  it("finds people by part of their name in any letter case and by email, and filters by status", async () => {
    const event = await ownedEvent({ capacity: 2 });
    await register(event, "Anna Östlund", "anna.ostlund@kth.se");
    await register(event, "Li Wei", "li.wei@ust.hk");
    await register(event, "Bob Smith", "bob@example.org");

    expect((await listed(event, "?q=wEI")).map((r) => r.name)).toEqual(["Li Wei"]);
    expect((await listed(event, "?q=ANNA")).map((r) => r.name)).toEqual(["Anna Östlund"]);
    expect((await listed(event, "?q=ust.hk")).map((r) => r.name)).toEqual(["Li Wei"]);
    expect((await listed(event, "?q=example.ORG")).map((r) => r.email)).toEqual(["bob@example.org"]);
    // A wildcard typed into the search box is a character, not "everything".
    expect(await listed(event, "?q=%25")).toEqual([]);

    expect((await listed(event, "?status=waitlisted")).map((r) => [r.name, r.waitlistRank])).toEqual([["Bob Smith", 1]]);
    expect((await listed(event, "?status=confirmed")).map((r) => r.name)).toEqual(["Anna Östlund", "Li Wei"]);
    expect((await listed(event, "?status=confirmed&q=smith")).map((r) => r.name)).toEqual([]);
    expect(await listed(event, "")).toHaveLength(3);
  });
});

describe("decisions", () => {
  it("bulk-approves three pending people into two seats: two confirmed, one waitlisted, each emailed", async () => {
    const event = await ownedEvent({ capacity: 2, requiresApproval: true });
    const people = [
      await register(event, "First Pending", "first@kth.se"),
      await register(event, "Second Pending", "second@kth.se"),
      await register(event, "Third Pending", "third@kth.se"),
    ];
    expect(people.map((p) => p.status)).toEqual(["pending", "pending", "pending"]);

    const result = await submit(event, [["intent", "bulk-approve"], ...people.map((p): [string, string] => ["ids", p.id])]);
    expect(result.data).toMatchObject({ ok: true, message: "Approved 3 registrations." });

    expect(await Promise.all(people.map((p) => statusOf(p.id)))).toEqual(["confirmed", "confirmed", "waitlisted"]);
    expect(await templatesFor(people[0]!.id)).toEqual(["registration-pending", "registration-approved"]);
    expect(await templatesFor(people[1]!.id)).toEqual(["registration-pending", "registration-approved"]);
    expect(await templatesFor(people[2]!.id)).toEqual(["registration-pending", "registration-waitlisted"]);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, "registration.approved")));
    expect(audit).toHaveLength(3);

    // Approving again decides nothing: nobody is pending any more.
    const again = await submit(event, [["intent", "bulk-approve"], ...people.map((p): [string, string] => ["ids", p.id])]);
    expect(again.data).toMatchObject({ ok: false, message: "Approved 0 registrations; 3 were no longer pending." });
  });

  it("lets an organizer confirm someone from the waitlist past capacity, and says so", async () => {
    const event = await ownedEvent({ capacity: 1 });
    const seated = await register(event, "Seated", "seated@kth.se");
    const waiting = await register(event, "Waiting Person", "waiting@ust.hk");
    expect(waiting.status).toBe("waitlisted");

    const outcome = await promoteByHand(database.db, { eventId: event.id, registrationId: waiting.id, actor: actorFor(organizer), now: new Date(), links: context().links });
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toMatch(/^Waiting Person is confirmed and will be emailed\. That makes 2 confirmed for 1 seats?\.$/);
    expect(await statusOf(waiting.id)).toBe("confirmed");
    expect(await templatesFor(waiting.id)).toEqual(["registration-waitlisted", "promoted-from-waitlist"]);
    const [promotedMail] = await database.db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.registrationId, waiting.id), eq(emailOutbox.template, "promoted-from-waitlist")));
    expect(promotedMail!.attachments[0]!.content).toMatch(/^METHOD:REQUEST\r?$/m);

    // Someone who holds a seat cannot be "promoted".
    expect(await promoteByHand(database.db, { eventId: event.id, registrationId: seated.id, actor: actorFor(organizer), now: new Date(), links: context().links })).toEqual({
      ok: false,
      message: "Seated is not on the waitlist (confirmed).",
    });
  });

  it("cancels a confirmed registration through the screen and gives the seat to the first person waiting", async () => {
    const event = await ownedEvent({ capacity: 1 });
    const holder = await register(event, "Seat Holder", "holder@kth.se");
    const firstWaiting = await register(event, "First Waiting", "first-waiting@kth.se");
    const secondWaiting = await register(event, "Second Waiting", "second-waiting@kth.se");

    const asked = await submit(event, [["intent", "cancel-ask"], ["registrationId", holder.id]]);
    expect(asked.data.confirmCancel).toEqual({ id: holder.id, name: "Seat Holder" });
    expect(await statusOf(holder.id)).toBe("confirmed");

    const result = await submit(event, [["intent", "cancel"], ["registrationId", holder.id]]);
    expect(result.data).toMatchObject({ ok: true, message: "Cancelled Seat Holder's registration; they will be emailed. First Waiting moved up from the waitlist." });
    expect(await statusOf(holder.id)).toBe("cancelled");
    expect(await statusOf(firstWaiting.id)).toBe("confirmed");
    expect(await statusOf(secondWaiting.id)).toBe("waitlisted");
    expect(await templatesFor(holder.id)).toEqual(["registration-confirmed", "registration-cancelled"]);
    expect(await templatesFor(firstWaiting.id)).toEqual(["registration-waitlisted", "promoted-from-waitlist"]);

    const twice = await submit(event, [["intent", "cancel"], ["registrationId", holder.id]]);
    expect(twice.data).toMatchObject({ ok: false, message: "Seat Holder's registration was already cancelled." });
    expect(twice.init?.status).toBe(409);
  });
});

describe("adding someone by hand", () => {
  it("works after the public registration window has closed", async () => {
    const event = await ownedEvent({ registrationClosesAt: new Date(Date.now() - 3_600_000) });
    const publicAttempt = await registerAttendee(database.db, {
      eventId: event.id,
      input: { name: "Late", email: "late@kth.se", affiliation: "", timeZone: "UTC", answers: {} },
      now: new Date(),
      links: context().links,
    });
    expect(publicAttempt).toEqual({ kind: "refused", reason: "closed" });

    const result = await submit(event, [
      ["intent", "add"],
      ["name", "Guest Speaker's Colleague"],
      ["email", "colleague@ust.hk"],
      ["affiliation", "HKUST"],
      ["timeZone", "Asia/Hong_Kong"],
    ]);
    expect(result.data).toMatchObject({ ok: true, message: "Added Guest Speaker's Colleague (confirmed); they will be emailed." });
    const [added] = await database.db.select().from(registrations).where(eq(registrations.eventId, event.id));
    expect(added).toMatchObject({ email: "colleague@ust.hk", status: "confirmed", timeZone: "Asia/Hong_Kong", affiliation: "HKUST" });
    expect(await templatesFor(added!.id)).toEqual(["registration-confirmed"]);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, "registration.added")));
    expect(audit!.actorUserId).toBe(organizer.id);
  });

  it("refuses a cancelled event and an incomplete form, writing nothing", async () => {
    const cancelled = await ownedEvent({ status: "cancelled" });
    const refused = await submit(cancelled, [["intent", "add"], ["name", "Someone"], ["email", "someone@kth.se"], ["timeZone", "UTC"]]);
    expect(refused.data.ok).toBe(false);
    expect(refused.data.message).toBe("This event has been cancelled, so it no longer takes registrations.");
    expect(refused.init?.status).toBe(409);
    expect(await database.db.select().from(registrations).where(eq(registrations.eventId, cancelled.id))).toEqual([]);

    const open = await ownedEvent();
    const invalid = await submit(open, [["intent", "add"], ["name", "No Email"], ["email", "not-an-address"], ["timeZone", "Mars/Olympus"]]);
    expect(invalid.init?.status).toBe(400);
    expect(invalid.data.fieldErrors).toEqual({ email: ["Enter a valid email address"], timeZone: ["Choose a time zone from the list"] });
    expect(invalid.data.values).toMatchObject({ name: "No Email", email: "not-an-address" });
    expect(await database.db.select().from(registrations).where(eq(registrations.eventId, open.id))).toEqual([]);
  });
});

/** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i += 1;
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe("the CSV export", () => {
  it("opens in a spreadsheet with accents intact, one column per question, times in the event's zone, and no formulas", async () => {
    const event = await ownedEvent({
      slug: "quantum-materials",
      questions: [
        { kind: "short_text", label: "Department" },
        { kind: "multiple_choice", label: "Topics, if any", options: ["Theory", "Experiment"] },
        { kind: "checkbox", label: "Send me the slides" },
      ],
    });
    const questions = await database.db.select().from(registrationQuestions).where(eq(registrationQuestions.eventId, event.id)).orderBy(asc(registrationQuestions.position));
    const [department, topics, slides] = questions.map((q) => q.id) as [string, string, string];
    const anna = await register(event, "Anna Östlund", "anna@kth.se", { [department]: "Materials \"and\" Physics", [topics]: ["Theory", "Experiment"], [slides]: true });
    const mallory = await register(event, '=HYPERLINK("http://evil.example","click")', "mallory@example.org", { [slides]: false });
    await database.db.update(registrations).set({ createdAt: new Date("2026-11-20T09:30:00Z") }).where(eq(registrations.id, anna.id));
    await database.db.update(registrations).set({ createdAt: new Date("2026-11-20T10:00:00Z") }).where(eq(registrations.id, mallory.id));

    const response = await csvLoader({
      request: new Request(`http://podium.test/admin/events/${event.id}/registrations.csv`, { headers: { Cookie: cookie } }),
      params: { eventId: event.id },
      context: context(),
    });
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="quantum-materials-registrations.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFF")).toBe(true);

    const [header, annaRow, malloryRow, ...rest] = parseCsv(text.slice(1));
    expect(rest).toEqual([]);
    expect(header).toEqual([
      "Name",
      "Email",
      "Affiliation",
      "Status",
      "Waitlist position",
      "Registered (Asia/Hong_Kong)",
      "Confirmed (Asia/Hong_Kong)",
      "Cancelled (Asia/Hong_Kong)",
      "First joined (Asia/Hong_Kong)",
      "Time zone",
      "Department",
      "Topics, if any",
      "Send me the slides",
    ]);
    const column = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(column(annaRow!, "Name")).toBe("Anna Östlund");
    expect(column(annaRow!, "Registered (Asia/Hong_Kong)")).toBe("2026-11-20 17:30");
    expect(column(annaRow!, "Status")).toBe("confirmed");
    expect(column(annaRow!, "Department")).toBe('Materials "and" Physics');
    expect(column(annaRow!, "Topics, if any")).toBe("Theory; Experiment");
    expect(column(annaRow!, "Send me the slides")).toBe("yes");
    expect(column(malloryRow!, "Name")).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(column(malloryRow!, "Registered (Asia/Hong_Kong)")).toBe("2026-11-20 18:00");
    expect(column(malloryRow!, "Department")).toBe("");
    expect(column(malloryRow!, "Send me the slides")).toBe("no");
  });

  it("defuses every cell a spreadsheet would run as a formula and quotes what needs quoting", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+46 8 790 60 00")).toBe("'+46 8 790 60 00");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("=A1,B1")).toBe("\"'=A1,B1\"");
    expect(csvCell('Say "hi"')).toBe('"Say ""hi"""');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("Anna Östlund")).toBe("Anna Östlund");
    expect(csvCell("")).toBe("");
  });
});
