// The registration form's server side under hostile and malformed input: every
// case is a 4xx with a clear message, and nothing is written.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { emailOutbox, registrations, type Event } from "~db/schema";
import { handleRegistration } from "./registration-action.server";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { TEST_LINK_SECRET } from "../../test/support/load-context";

const links = { origin: "http://podium.test", secret: TEST_LINK_SECRET };
let database: TestDatabase;
let event: Event;
let choiceId: string;
let ip = 0;

beforeAll(async () => {
  database = await createTestDatabase();
  event = await createEvent(database.db, {
    title: "Hostile input",
    startsAt: new Date(Date.now() + 7 * 86_400_000),
    endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000),
    questions: [
      { kind: "single_choice", label: "Role", required: true, options: ["Student", "Faculty"] },
      { kind: "multiple_choice", label: "Topics", options: ["Vaccines", "Testing"] },
    ],
  });
  const { registrationQuestions } = await import("~db/schema");
  const questions = await database.db.select().from(registrationQuestions).where(eq(registrationQuestions.eventId, event.id));
  choiceId = questions.find((q) => q.label === "Role")!.id;
});
afterAll(async () => {
  await database.destroy();
});

function post(fields: [string, string][]): Request {
  ip += 1;
  return new Request(`http://podium.test/events/${event.slug}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `192.0.2.${ip}` },
  });
}

const valid = (): [string, string][] => [
  ["name", "Ann Legeby"],
  ["email", `ann${Math.random().toString(36).slice(2)}@kth.se`],
  ["timeZone", "Europe/Stockholm"],
  ["consent", "on"],
  [`answers.${"CHOICE"}`, "Student"],
];

function withChoice(fields: [string, string][]): [string, string][] {
  return fields.map(([k, v]) => [k.replace("CHOICE", choiceId), v]);
}

async function attempt(fields: [string, string][]) {
  const result = await handleRegistration({ db: database.db, request: post(withChoice(fields)), slug: event.slug, links });
  return result as unknown as { init: { status: number } | null; data: { kind: string; message?: string; submission?: { error?: Record<string, string[] | null> } } };
}

async function nothingWritten() {
  const [{ n }] = (await database.db.select({ n: count() }).from(registrations).where(eq(registrations.eventId, event.id))) as [{ n: number }];
  const [{ m }] = (await database.db.select({ m: count() }).from(emailOutbox).where(eq(emailOutbox.eventId, event.id))) as [{ m: number }];
  return n === 0 && m === 0;
}

describe("hostile registration input", () => {
  it.each([
    ["missing name", valid().filter(([k]) => k !== "name"), "name", "Enter your name"],
    ["10 kB name", valid().map(([k, v]): [string, string] => [k, k === "name" ? "x".repeat(10_000) : v]), "name", "Keep your name under 200 characters"],
    ["invalid email", valid().map(([k, v]): [string, string] => [k, k === "email" ? "ann@@kth" : v]), "email", "Enter a valid email address, like name@university.edu"],
    ["script tag as email", valid().map(([k, v]): [string, string] => [k, k === "email" ? "<script>alert(1)</script>" : v]), "email", "Enter a valid email address, like name@university.edu"],
    ["unknown zone", valid().map(([k, v]): [string, string] => [k, k === "timeZone" ? "Mars/Olympus_Mons" : v]), "timeZone", "Choose a time zone from the list, or type a city such as Stockholm"],
    ["no consent", valid().filter(([k]) => k !== "consent"), "consent", "Please agree to the privacy notice so we can register you"],
    ["missing required answer", valid().filter(([k]) => !k.startsWith("answers.")), "answers.CHOICE", "Please answer “Role”"],
    ["answer not among the options", valid().map(([k, v]): [string, string] => [k, k.startsWith("answers.") ? "Dean" : v]), "answers.CHOICE", "Choose one of the listed options for “Role”"],
    ["unknown question id", [...valid(), ["answers.00000000-0000-0000-0000-000000000000", "x"]], "answers", "This form has a question the event does not ask; reload the page and try again"],
    ["wrong type for a single choice", [...valid(), ["answers.CHOICE", "Faculty"]], "answers.CHOICE", "Choose one option for “Role”"],
  ] as [string, [string, string][], string, string][])("%s → 400 with a clear message, nothing written", async (_case, fields, field, message) => {
    const result = await attempt(fields);
    expect(result.init?.status).toBe(400);
    expect(result.data.kind).toBe("form");
    expect(result.data.submission?.error?.[field.replace("CHOICE", choiceId)]).toEqual([message]);
    expect(await nothingWritten()).toBe(true);
  });

  it("turns away a filled honeypot with a clear message", async () => {
    const result = await attempt([...valid(), ["website", "http://spam.example"]]);
    expect(result.init?.status).toBe(400);
    expect(result.data.message).toContain("looked automated");
    expect(await nothingWritten()).toBe(true);
  });

  it("limits one email address to 5 attempts in 10 minutes, in the database", async () => {
    const fields = valid().map(([k, v]): [string, string] => [k, k === "name" ? "" : k === "email" ? "flood@kth.se" : v]);
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt(fields)).init?.status ?? 200);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  });

  it("accepts the valid form", async () => {
    await expect(handleRegistration({ db: database.db, request: post(withChoice(valid())), slug: event.slug, links })).rejects.toSatisfy(
      (thrown: unknown) => thrown instanceof Response && thrown.status === 302 && /^\/r\/[A-Za-z0-9_-]{43}\?welcome=1$/.test(thrown.headers.get("Location") ?? ""),
    );
  });
});

describe("the form's budgets count every attempt, valid ones inside the registration's own statement", () => {
  const withEmail = (email: string) => valid().map(([k, v]): [string, string] => [k, k === "email" ? email : v]);
  const outcomeOf = (thrown: unknown) => (thrown instanceof Response ? thrown.status : 0);
  async function statusOf(fields: [string, string][]): Promise<number> {
    try {
      return (await attempt(fields)).init?.status ?? 200;
    } catch (thrown) {
      return outcomeOf(thrown);
    }
  }

  it("one address, five valid attempts from five networks: registered once, then 'already registered', then 429", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await statusOf(withEmail("budget@kth.se")));
    expect(statuses).toEqual([302, 200, 200, 200, 200, 429]);
    expect(await database.db.select().from(registrations).where(eq(registrations.email, "budget@kth.se"))).toHaveLength(1);
  });

  it("a budget spent by refused attempts stops a valid one, and nothing is registered", async () => {
    const refused = withEmail("spent@kth.se").filter(([k]) => k !== "consent");
    for (let i = 0; i < 5; i++) expect(await statusOf(refused)).toBe(400);
    const result = await attempt(withEmail("spent@kth.se"));
    expect(result.init?.status).toBe(429);
    expect(result.data.message).toMatch(/^Too many registration attempts. Please try again in \d+ minutes?\.$/);
    expect(await database.db.select().from(registrations).where(eq(registrations.email, "spent@kth.se"))).toEqual([]);
    expect(await database.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, "spent@kth.se"))).toEqual([]);
  });
});
