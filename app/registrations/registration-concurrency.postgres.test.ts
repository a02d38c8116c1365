// Concurrency claims need a real PostgreSQL with many connections; this file
// runs only in the "postgres" vitest project (DATABASE_URL set).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { emailOutbox, registrations, type Event } from "~db/schema";
import { registerAttendee, type RegistrationInput } from "./register.server";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { TEST_LINK_SECRET } from "../../test/support/load-context";

const links = { origin: "http://podium.test", secret: TEST_LINK_SECRET };
const NOW = new Date("2026-11-23T12:00:00Z");
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

function person(n: number, overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  return { name: `Attendee ${n}`, email: `attendee${n}@example.edu`, affiliation: "KTH", timeZone: "Europe/Stockholm", answers: {}, ...overrides };
}

async function webinar(overrides: Partial<Parameters<typeof createEvent>[1]> = {}): Promise<Event> {
  return createEvent(database.db, {
    title: "Capacity test",
    startsAt: new Date("2026-12-03T09:00:00Z"),
    endsAt: new Date("2026-12-03T10:15:00Z"),
    displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
    ...overrides,
  });
}

describe("registration under concurrency", () => {
  it("gives 500 simultaneous registrations for 50 seats exactly 50 confirmed and 450 distinct waitlist places", async () => {
    const event = await webinar({ capacity: 50 });
    const outcomes = await Promise.all(
      Array.from({ length: 500 }, (_, n) => registerAttendee(database.db, { eventId: event.id, input: person(1000 + n), now: NOW, links })),
    );
    expect(outcomes.every((o) => o.kind === "registered")).toBe(true);
    const rows = await database.db.select().from(registrations).where(eq(registrations.eventId, event.id));
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(50);
    const waitlisted = rows.filter((r) => r.status === "waitlisted");
    expect(waitlisted).toHaveLength(450);
    expect(new Set(waitlisted.map((r) => r.waitlistTicket)).size).toBe(450);
    const emails = await database.db.select().from(emailOutbox).where(eq(emailOutbox.eventId, event.id));
    expect(emails).toHaveLength(500);
  });

  it("lets the same email registering 20 times at once end up with one registration", async () => {
    const event = await webinar({ capacity: 5 });
    await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        registerAttendee(database.db, { eventId: event.id, input: person(5000, { email: n % 2 ? "Same@Example.edu" : "same@example.edu" }), now: new Date(NOW.getTime() + n), links }),
      ),
    );
    const rows = await database.db
      .select()
      .from(registrations)
      .where(eq(registrations.eventId, event.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("confirmed");
  });
});
