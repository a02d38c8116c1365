// The one-statement registration of a newcomer (newcomer.server.ts) against the
// lifecycle it stands in for: the same rows, counters, journal and email, and the
// lifecycle's own path whenever the statement cannot decide alone.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { emailOutbox, events, registrationEvents, registrations, type Event } from "~db/schema";
import { registerAttendee, type RegistrationInput } from "./register.server";
import { readEventWithVersion, registerNewcomer, registerNewcomerFunctionSql } from "./newcomer.server";
import { expectSeatBookkeeping } from "../../test/support/lifecycle-checks";
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

const person = (n: number): RegistrationInput => ({ name: `Newcomer ${n}`, email: `newcomer${n}@example.edu`, affiliation: "HKUST", timeZone: "Asia/Hong_Kong", answers: {} });

async function webinar(overrides: Partial<Parameters<typeof createEvent>[1]> = {}): Promise<Event> {
  return createEvent(database.db, { title: "One round trip", startsAt: new Date("2026-12-03T09:00:00Z"), endsAt: new Date("2026-12-03T10:00:00Z"), ...overrides });
}

describe("a newcomer's registration in one statement", () => {
  it("the newest migration that defines it holds exactly the function the lifecycle module generates", () => {
    // 0009 created it; 0015 replaced it to write the registration's language; 0020 to count the form's rate limits and take only the foreseen state's email; 0022 to find an address seen before through the unique index.
    const migration = readFileSync(path.resolve(import.meta.dirname, "../../db/migrations/0022_newcomer_conflict_on_unique_address.sql"), "utf8");
    expect(migration).toContain(registerNewcomerFunctionSql());
  });

  it("seats, then waitlists with the rank in the email, journals each and keeps the counters true", async () => {
    const event = await webinar({ capacity: 1 });
    const first = await registerAttendee(database.db, { eventId: event.id, input: person(1), now: NOW, links });
    const second = await registerAttendee(database.db, { eventId: event.id, input: person(2), now: NOW, links });
    const third = await registerAttendee(database.db, { eventId: event.id, input: person(3), now: NOW, links });
    if (first.kind !== "registered" || second.kind !== "registered" || third.kind !== "registered") throw new Error("not registered");
    expect([first, second, third].map((o) => [o.registration.status, o.waitlistRank])).toEqual([["confirmed", null], ["waitlisted", 1], ["waitlisted", 2]]);
    await expectSeatBookkeeping(database.db, event.id);

    // The row the caller got back is the row stored.
    const [stored] = await database.db.select().from(registrations).where(eq(registrations.id, third.registration.id));
    expect(stored).toEqual(third.registration);
    expect(stored!.inviteSequence).toBe(0);

    const mail = await database.db.select().from(emailOutbox).where(eq(emailOutbox.eventId, event.id));
    const byPerson = new Map(mail.map((m) => [m.registrationId, m]));
    expect(byPerson.get(first.registration.id)!.template).toBe("registration-confirmed");
    expect(byPerson.get(first.registration.id)!.attachments[0]!.content).toMatch(/METHOD:REQUEST[\s\S]*SEQUENCE:1/);
    expect(byPerson.get(third.registration.id)!.props).toMatchObject({ waitlistPosition: 2 });
    const journal = await database.db.select().from(registrationEvents).where(eq(registrationEvents.eventId, event.id));
    expect(journal.map((j) => [j.transition, j.fromState, j.toState, j.details])).toEqual([
      ["register", null, "confirmed", {}],
      ["register", null, "waitlisted", { waitlistTicket: 1 }],
      ["register", null, "waitlisted", { waitlistTicket: 2 }],
    ]);
    // One email per journal entry, keyed by it.
    expect(mail.map((m) => m.dedupeKey.split("/")[2]).sort()).toEqual(journal.map((j) => j.id).sort());
  });

  it("an event that needs approval: pending, no seat taken, the pending email", async () => {
    const event = await webinar({ capacity: 5, requiresApproval: true });
    const outcome = await registerAttendee(database.db, { eventId: event.id, input: person(10), now: NOW, links });
    expect(outcome.kind === "registered" && outcome.registration.status).toBe("pending");
    const { confirmed } = await expectSeatBookkeeping(database.db, event.id);
    expect(confirmed).toBe(0);
    const [mail] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.eventId, event.id));
    expect(mail!.template).toBe("registration-pending");
    expect(mail!.attachments).toEqual([]);
  });

  it("declines to decide when the event changed since it was read, or the address is known; the lifecycle then does", async () => {
    const event = await webinar({ capacity: 3 });
    // Someone changed the event after this request read it (twice in quick succession, so the versions
    // differ only below the millisecond): its email would carry the old facts.
    await database.db.update(events).set({ title: "One round trip (moved)" }).where(eq(events.id, event.id));
    const newcomer = { id: crypto.randomUUID(), ...person(20), locale: "en" as const, tokenVersion: 1 };
    const stale = (await readEventWithVersion(database.db, event.id))!;
    await database.db.update(events).set({ title: "One round trip (moved again)" }).where(eq(events.id, event.id));
    expect(await registerNewcomer(database.db, { ...stale, person: newcomer, now: NOW, links })).toBeNull();
    expect(await database.db.select().from(registrations).where(eq(registrations.eventId, event.id))).toEqual([]);

    const fresh = (await readEventWithVersion(database.db, event.id))!;
    expect(await registerNewcomer(database.db, { ...fresh, person: newcomer, now: NOW, links })).not.toBeNull();
    // The same address again (any case): not decided here, and registerAttendee answers "already registered".
    const again = { ...newcomer, id: crypto.randomUUID(), email: newcomer.email.toUpperCase() };
    expect(await registerNewcomer(database.db, { ...fresh, person: again, now: NOW, links })).toBeNull();
    const outcome = await registerAttendee(database.db, { eventId: event.id, input: { ...person(20), email: again.email }, now: NOW, links });
    expect(outcome.kind).toBe("already-registered");
    await expectSeatBookkeeping(database.db, event.id);
  });

  it("a seat taken after the read: the function declines (its email would be the wrong one), the lifecycle waitlists with the waitlist email", async () => {
    const event = await webinar({ capacity: 1 });
    const seen = (await readEventWithVersion(database.db, event.id))!;
    const late = { id: crypto.randomUUID(), ...person(40), locale: "en" as const, tokenVersion: 1 };
    // Someone else takes the last seat; taking a seat does not change the event's version.
    const first = await registerAttendee(database.db, { eventId: event.id, input: person(41), now: NOW, links });
    expect(first.kind === "registered" && first.registration.status).toBe("confirmed");
    expect((await readEventWithVersion(database.db, event.id))!.version).toBe(seen.version);

    expect(await registerNewcomer(database.db, { ...seen, person: late, now: NOW, links })).toBeNull();
    expect(await database.db.select().from(registrations).where(eq(registrations.email, late.email))).toEqual([]);

    const outcome = await registerAttendee(database.db, { eventId: event.id, input: person(40), now: NOW, links, seen });
    expect(outcome.kind === "registered" && [outcome.registration.status, outcome.waitlistRank]).toEqual(["waitlisted", 1]);
    const [mail] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, person(40).email));
    expect(mail).toMatchObject({ template: "registration-waitlisted", props: expect.objectContaining({ waitlistPosition: 1 }) });
    expect(mail!.attachments).toEqual([]);
    await expectSeatBookkeeping(database.db, event.id);
  });

  it("a seat freed after the read: the function declines, the lifecycle confirms with the invite", async () => {
    const event = await webinar({ capacity: 1 });
    const holder = await registerAttendee(database.db, { eventId: event.id, input: person(50), now: NOW, links });
    if (holder.kind !== "registered") throw new Error("not registered");
    const seen = (await readEventWithVersion(database.db, event.id))!;
    // The holder's seat comes free without the event's own fields changing (as a cancellation does).
    await database.db.update(events).set({ seatsTaken: 0, capacity: 1 }).where(eq(events.id, event.id));
    await database.db.update(registrations).set({ status: "cancelled", cancelledAt: NOW }).where(eq(registrations.id, holder.registration.id));
    await database.db.update(events).set({ updatedAt: event.updatedAt }).where(eq(events.id, event.id));
    const versionAfter = (await readEventWithVersion(database.db, event.id))!.version;

    const outcome = await registerAttendee(database.db, { eventId: event.id, input: person(51), now: NOW, links, seen: { ...seen, version: versionAfter } });
    expect(outcome.kind === "registered" && outcome.registration.status).toBe("confirmed");
    const [mail] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, person(51).email));
    expect(mail!.template).toBe("registration-confirmed");
    expect(mail!.attachments[0]!.content).toMatch(/METHOD:REQUEST/);
    await expectSeatBookkeeping(database.db, event.id);
  });

  it("refusals are decided before anything is written", async () => {
    const closed = await webinar({ registrationClosesAt: new Date("2026-11-20T00:00:00Z") });
    const outcome = await registerAttendee(database.db, { eventId: closed.id, input: person(30), now: NOW, links });
    expect(outcome).toEqual({ kind: "refused", reason: "closed" });
    expect(await database.db.select().from(registrations).where(eq(registrations.eventId, closed.id))).toEqual([]);
  });
});
