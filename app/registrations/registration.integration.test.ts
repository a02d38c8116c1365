import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { emailOutbox, events, registrations, type Event } from "~db/schema";
import { renderEmail, type EmailMessage } from "~emails/render";
import { notifyEventCancelled } from "~/events/event-notifications.server";
import { fillFreeSeats, organizerActor, promoteByHand, readRegistration, withLockedEvent } from "./lifecycle.server";
import { decideJoin } from "./join.server";
import { cancelRegistration, findRegistrationByManageToken } from "./manage.server";
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
    joinUrl: "https://zoom.example/j/42",
    ...overrides,
  });
}

async function outboxFor(registrationId: string) {
  return database.db.select().from(emailOutbox).where(eq(emailOutbox.registrationId, registrationId));
}

describe("registerAttendee", () => {
  it("confirms while seats remain, then waitlists in order", async () => {
    const event = await webinar({ capacity: 2 });
    const outcomes = [];
    for (const n of [1, 2, 3, 4]) outcomes.push(await registerAttendee(database.db, { eventId: event.id, input: person(n), now: NOW, links }));
    expect(outcomes.map((o) => (o.kind === "registered" ? o.registration.status : o.kind))).toEqual([
      "confirmed",
      "confirmed",
      "waitlisted",
      "waitlisted",
    ]);
    expect(outcomes.map((o) => (o.kind === "registered" ? o.waitlistRank : null))).toEqual([null, null, 1, 2]);
  });

  it("queues the confirmation with a METHOD:REQUEST invite in the same transaction", async () => {
    const event = await webinar();
    const outcome = await registerAttendee(database.db, { eventId: event.id, input: person(10), now: NOW, links });
    expect(outcome.kind).toBe("registered");
    if (outcome.kind !== "registered") return;
    const [message] = await outboxFor(outcome.registration.id);
    expect(message!.template).toBe("registration-confirmed");
    expect(message!.attachments[0]!.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    expect(message!.attachments[0]!.content).toContain(`UID:registration-${outcome.registration.id}@podium.events`);
    const props = message!.props as { manageUrl: string; joinUrl: string; event: { whenInEventZones: string } };
    expect(props.manageUrl).toBe(`http://podium.test/r/${outcome.manageToken}`);
    expect(props.event.whenInEventZones).toBe("Thursday, 3 December 2026 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT");
  });

  it("gives the same person the existing registration back, in any letter case, and re-sends the email", async () => {
    const event = await webinar();
    const first = await registerAttendee(database.db, { eventId: event.id, input: person(20), now: NOW, links });
    const again = await registerAttendee(database.db, {
      eventId: event.id,
      input: person(20, { email: "  ATTENDEE20@Example.EDU " }),
      now: new Date(NOW.getTime() + 1000),
      links,
    });
    expect(again).toEqual({ kind: "already-registered", email: "attendee20@example.edu" });
    const rows = await database.db.select().from(registrations).where(eq(registrations.eventId, event.id));
    expect(rows).toHaveLength(1);
    if (first.kind !== "registered") throw new Error("first registration failed");
    expect((await outboxFor(first.registration.id)).map((m) => m.template)).toEqual([
      "registration-confirmed",
      "registration-confirmed",
    ]);
    // The link in the copy is the same link: earlier emails keep working.
    const found = await findRegistrationByManageToken(database.db, first.manageToken);
    expect(found?.registration.id).toBe(first.registration.id);
  });

  it("holds registrations for approval when the event asks for it", async () => {
    const event = await webinar({ requiresApproval: true, capacity: 1 });
    const outcome = await registerAttendee(database.db, { eventId: event.id, input: person(30), now: NOW, links });
    expect(outcome.kind === "registered" && outcome.registration.status).toBe("pending");
  });

  it("refuses cancelled, ended, not-yet-open and closed events", async () => {
    const cancelled = await webinar({ status: "cancelled" });
    const ended = await webinar({ startsAt: new Date("2020-01-01T09:00:00Z"), endsAt: new Date("2020-01-01T10:00:00Z") });
    const notOpen = await webinar({ registrationOpensAt: new Date("2026-11-30T00:00:00Z") });
    const closed = await webinar({ registrationClosesAt: new Date("2026-11-20T00:00:00Z") });
    const reasons = [];
    for (const event of [cancelled, ended, notOpen, closed]) {
      const outcome = await registerAttendee(database.db, { eventId: event.id, input: person(40), now: NOW, links });
      reasons.push(outcome.kind === "refused" ? outcome.reason : outcome.kind);
    }
    expect(reasons).toEqual(["cancelled", "ended", "not-open-yet", "closed"]);
    const written = await database.db.select().from(registrations).where(eq(registrations.email, "attendee40@example.edu"));
    expect(written).toEqual([]);
  });
});

describe("cancelRegistration", () => {
  it("frees the seat for the first person waiting and emails both", async () => {
    const event = await webinar({ capacity: 1 });
    const seated = await registerAttendee(database.db, { eventId: event.id, input: person(50), now: NOW, links });
    const waiting = await registerAttendee(database.db, { eventId: event.id, input: person(51), now: NOW, links });
    const later = await registerAttendee(database.db, { eventId: event.id, input: person(52), now: NOW, links });
    if (seated.kind !== "registered" || waiting.kind !== "registered" || later.kind !== "registered") throw new Error("setup failed");
    const outcome = await cancelRegistration(database.db, { registrationId: seated.registration.id, now: NOW, links });
    expect(outcome.kind === "cancelled" && outcome.promoted?.id).toBe(waiting.registration.id);
    const statuses = await database.db
      .select({ email: registrations.email, status: registrations.status })
      .from(registrations)
      .where(eq(registrations.eventId, event.id));
    expect(Object.fromEntries(statuses.map((s) => [s.email, s.status]))).toEqual({
      "attendee50@example.edu": "cancelled",
      "attendee51@example.edu": "confirmed",
      "attendee52@example.edu": "waitlisted",
    });
    const cancelMail = (await outboxFor(seated.registration.id)).find((m) => m.template === "registration-cancelled");
    expect(cancelMail!.attachments[0]!.content).toContain("METHOD:CANCEL");
    expect((await outboxFor(waiting.registration.id)).map((m) => m.template)).toContain("promoted-from-waitlist");
    // A second cancel changes nothing.
    expect((await cancelRegistration(database.db, { registrationId: seated.registration.id, now: NOW, links })).kind).toBe(
      "already-cancelled",
    );
  });
});

describe("decideJoin", () => {
  it("redirects a confirmed registrant during the event and records attendance once", async () => {
    const event = await webinar();
    const outcome = await registerAttendee(database.db, { eventId: event.id, input: person(60), now: NOW, links });
    if (outcome.kind !== "registered") throw new Error("setup failed");
    const during = new Date("2026-12-03T09:30:00Z");
    expect(await decideJoin(database.db, { token: outcome.manageToken, via: "manage" }, new Date("2026-12-03T08:00:00Z"))).toMatchObject({
      kind: "too-early",
    });
    expect(await decideJoin(database.db, { token: outcome.manageToken, via: "manage" }, during)).toEqual({
      kind: "redirect",
      url: "https://zoom.example/j/42",
    });
    await decideJoin(database.db, { token: outcome.manageToken, via: "manage" }, new Date("2026-12-03T09:50:00Z"));
    const [row] = await database.db.select().from(registrations).where(eq(registrations.id, outcome.registration.id));
    expect(row!.firstJoinedAt?.toISOString()).toBe(during.toISOString());
    expect(await decideJoin(database.db, { token: outcome.manageToken, via: "manage" }, new Date("2026-12-03T10:16:00Z"))).toMatchObject({
      kind: "ended",
    });
  });

  it("does not let a waitlisted registrant in and knows nothing of a forged token", async () => {
    const event = await webinar({ capacity: 0 });
    const outcome = await registerAttendee(database.db, { eventId: event.id, input: person(70), now: NOW, links });
    if (outcome.kind !== "registered") throw new Error("setup failed");
    expect(await decideJoin(database.db, { token: outcome.manageToken, via: "manage" }, new Date("2026-12-03T09:30:00Z"))).toMatchObject({
      kind: "not-confirmed",
      status: "waitlisted",
    });
    expect(await decideJoin(database.db, { token: "A".repeat(43) }, new Date("2026-12-03T09:30:00Z"))).toEqual({ kind: "unknown-link" });
  });
});


describe("lifecycle emails say only what happened (issue 11)", () => {
  async function renderedFor(registrationId: string, template: string) {
    const message = (await outboxFor(registrationId)).find((m) => m.template === template);
    if (!message) throw new Error(`no ${template} email queued`);
    return renderEmail({ template, props: message.props } as unknown as EmailMessage);
  }

  it("a cancellation with nobody waiting does not claim the seat went to the waitlist", async () => {
    const event = await webinar({ capacity: 5 });
    const seated = await registerAttendee(database.db, { eventId: event.id, input: person(60), now: NOW, links });
    if (seated.kind !== "registered") throw new Error("setup failed");
    await cancelRegistration(database.db, { registrationId: seated.registration.id, now: NOW, links });
    const { text } = await renderedFor(seated.registration.id, "registration-cancelled");
    expect(text).toContain("As you asked, your registration is cancelled.");
    expect(text).not.toMatch(/waitlist/i);
    expect(text).toContain("The attached update removes the event from your calendar.");
  });

  it("a cancellation whose seat goes to the first person waiting says so; the promoted person hears a seat freed up", async () => {
    const event = await webinar({ capacity: 1 });
    const seated = await registerAttendee(database.db, { eventId: event.id, input: person(61), now: NOW, links });
    const waiting = await registerAttendee(database.db, { eventId: event.id, input: person(62), now: NOW, links });
    if (seated.kind !== "registered" || waiting.kind !== "registered") throw new Error("setup failed");
    await cancelRegistration(database.db, { registrationId: seated.registration.id, now: NOW, links });
    expect((await renderedFor(seated.registration.id, "registration-cancelled")).text).toContain("Your seat has gone to the next person on the waitlist.");
    expect((await renderedFor(waiting.registration.id, "promoted-from-waitlist")).text).toContain("a seat freed up and it is now yours");
  });

  it("a waitlisted person cancelled by an organizer hears who did it, and nothing about a seat or a calendar update", async () => {
    const event = await webinar({ capacity: 1 });
    await registerAttendee(database.db, { eventId: event.id, input: person(63), now: NOW, links });
    const waiting = await registerAttendee(database.db, { eventId: event.id, input: person(64), now: NOW, links });
    if (waiting.kind !== "registered") throw new Error("setup failed");
    await cancelRegistration(database.db, { registrationId: waiting.registration.id, now: NOW, links, actor: { userId: null, label: "Programme Chair" } });
    const { text } = await renderedFor(waiting.registration.id, "registration-cancelled");
    expect(text).toContain("The organizers have cancelled your registration.");
    expect(text).not.toMatch(/seat|calendar/i);
    const [message] = (await outboxFor(waiting.registration.id)).filter((m) => m.template === "registration-cancelled");
    expect(message!.attachments).toEqual([]);
  });

  it("a seat given because capacity rose, or by an organizer's hand, is described as such", async () => {
    const event = await webinar({ capacity: 1 });
    await registerAttendee(database.db, { eventId: event.id, input: person(65), now: NOW, links });
    const first = await registerAttendee(database.db, { eventId: event.id, input: person(66), now: NOW, links });
    const second = await registerAttendee(database.db, { eventId: event.id, input: person(67), now: NOW, links });
    if (first.kind !== "registered" || second.kind !== "registered") throw new Error("setup failed");
    await withLockedEvent(database.db, { eventId: event.id, now: NOW, links }, async (scope) => {
      const [raised] = await scope.tx.update(events).set({ capacity: 2 }).where(eq(events.id, event.id)).returning();
      scope.event = raised!;
      await fillFreeSeats(scope, "capacity change");
      const stillWaiting = await readRegistration(scope, second.registration.id);
      await promoteByHand(scope, stillWaiting!, organizerActor({ userId: null, label: "Programme Chair" }));
    });
    expect((await renderedFor(first.registration.id, "promoted-from-waitlist")).text).toContain("the organizers added seats and one is now yours");
    const byHand = (await renderedFor(second.registration.id, "promoted-from-waitlist")).text;
    expect(byHand).toContain("the organizers have given you a seat");
    expect(byHand).not.toContain("freed up");
  });

  it("an event cancelled: only those who had it in their calendar are told an update is attached", async () => {
    const event = await webinar({ capacity: 1 });
    const seated = await registerAttendee(database.db, { eventId: event.id, input: person(68), now: NOW, links });
    const waiting = await registerAttendee(database.db, { eventId: event.id, input: person(69), now: NOW, links });
    if (seated.kind !== "registered" || waiting.kind !== "registered") throw new Error("setup failed");
    await database.db.transaction(async (tx) => {
      const [cancelled] = await tx.update(events).set({ status: "cancelled" }).where(eq(events.id, event.id)).returning();
      await notifyEventCancelled(tx, { event: cancelled!, links });
    });
    expect((await renderedFor(seated.registration.id, "event-cancelled")).text).toContain("The attached update removes it from your calendar.");
    expect((await renderedFor(waiting.registration.id, "event-cancelled")).text).not.toMatch(/attached|calendar/i);
  });
});
