// Rules and emails that organizer actions trigger (their screens come with the console).
import { eq } from "drizzle-orm";
import ical from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { emailOutbox, events, registrations } from "~db/schema";
import { notifyEventCancelled, notifyEventChanged, notifyRecordingAvailable } from "~/events/event-notifications.server";
import { decidePendingRegistration } from "./decisions.server";
import { registerAttendee } from "./register.server";
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

async function register(eventId: string, n: number) {
  const outcome = await registerAttendee(database.db, {
    eventId,
    input: { name: `Person ${n}`, email: `p${n}@example.edu`, affiliation: "", timeZone: "Asia/Hong_Kong", answers: {} },
    now: NOW,
    links,
  });
  if (outcome.kind !== "registered") throw new Error(`registration ${n} failed: ${outcome.kind}`);
  return outcome.registration;
}

async function mailFor(registrationId: string) {
  return database.db.select().from(emailOutbox).where(eq(emailOutbox.registrationId, registrationId)).orderBy(emailOutbox.createdAt);
}

function inviteSequence(content: string): number {
  const [vevent] = Object.values(ical.sync.parseICS(content)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
  return Number(vevent!.sequence);
}

const base = {
  startsAt: new Date("2026-12-10T09:00:00Z"),
  endsAt: new Date("2026-12-10T10:00:00Z"),
  displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
};

describe("approval", () => {
  it("approves into a seat, then into the waitlist once full, and declines, emailing each", async () => {
    const event = await createEvent(database.db, { ...base, title: "Approval", requiresApproval: true, capacity: 1 });
    const [a, b, c] = [await register(event.id, 1), await register(event.id, 2), await register(event.id, 3)];
    expect([a.status, b.status, c.status]).toEqual(["pending", "pending", "pending"]);
    expect((await decidePendingRegistration(database.db, { registrationId: a.id, decision: "approve", now: NOW, links })).kind).toBe("approved");
    expect((await decidePendingRegistration(database.db, { registrationId: b.id, decision: "approve", now: NOW, links })).kind).toBe("waitlisted");
    expect((await decidePendingRegistration(database.db, { registrationId: c.id, decision: "decline", now: NOW, links })).kind).toBe("declined");
    expect((await decidePendingRegistration(database.db, { registrationId: c.id, decision: "approve", now: NOW, links })).kind).toBe("not-pending");
    expect((await mailFor(a.id)).map((m) => m.template)).toEqual(["registration-pending", "registration-approved"]);
    expect((await mailFor(a.id))[1]!.attachments[0]!.contentType).toContain("method=REQUEST");
    expect((await mailFor(b.id)).map((m) => m.template)).toEqual(["registration-pending", "registration-waitlisted"]);
    expect((await mailFor(c.id)).map((m) => m.template)).toEqual(["registration-pending", "registration-declined"]);
  });
});

describe("event changes", () => {
  it("re-invites confirmed registrants with the same UID and a higher SEQUENCE when the time moves", async () => {
    const before = await createEvent(database.db, { ...base, title: "Moving" });
    const registration = await register(before.id, 10);
    const [after] = await database.db
      .update(events)
      .set({ startsAt: new Date("2026-12-10T10:00:00Z"), endsAt: new Date("2026-12-10T11:00:00Z") })
      .where(eq(events.id, before.id))
      .returning();
    expect(await notifyEventChanged(database.db, { before, after: after!, links })).toBe(1);
    const [confirmation, change] = await mailFor(registration.id);
    expect(change!.template).toBe("event-changed");
    const props = change!.props as { changes: { field: string; before: string; after: string }[] };
    expect(props.changes).toEqual([
      {
        field: "Time",
        before: "Thursday, 10 December 2026 · 10:00 – 11:00 CET · 17:00 – 18:00 HKT",
        after: "Thursday, 10 December 2026 · 11:00 – 12:00 CET · 18:00 – 19:00 HKT",
      },
    ]);
    const original = confirmation!.attachments[0]!.content;
    const updated = change!.attachments[0]!.content;
    expect(inviteSequence(updated)).toBeGreaterThan(inviteSequence(original));
    expect(updated).toContain(`UID:registration-${registration.id}@podium.events`);
    expect(updated).toContain("DTSTART:20261210T100000Z");
  });

  it("says nothing when nothing registrants care about changed", async () => {
    const before = await createEvent(database.db, { ...base, title: "Quiet" });
    await register(before.id, 20);
    const [after] = await database.db.update(events).set({ summary: "new summary" }).where(eq(events.id, before.id)).returning();
    expect(await notifyEventChanged(database.db, { before, after: after!, links })).toBe(0);
  });

  it("cancels every registrant's invite with METHOD:CANCEL and a higher SEQUENCE", async () => {
    const event = await createEvent(database.db, { ...base, title: "Cancelled later" });
    const registration = await register(event.id, 30);
    const [cancelled] = await database.db.update(events).set({ status: "cancelled" }).where(eq(events.id, event.id)).returning();
    expect(await notifyEventCancelled(database.db, { event: cancelled!, links })).toBe(1);
    const [confirmation, cancelMail] = await mailFor(registration.id);
    expect(cancelMail!.template).toBe("event-cancelled");
    expect(cancelMail!.attachments[0]!.content).toContain("METHOD:CANCEL");
    expect(inviteSequence(cancelMail!.attachments[0]!.content)).toBeGreaterThan(inviteSequence(confirmation!.attachments[0]!.content));
    // Notifying twice sends nothing new.
    expect(await notifyEventCancelled(database.db, { event: cancelled!, links })).toBe(0);
  });

  it("can tell only those who did not attend that the recording is out, with one-click unsubscribe", async () => {
    const event = await createEvent(database.db, { ...base, title: "Recorded" });
    const came = await register(event.id, 40);
    const missed = await register(event.id, 41);
    await database.db.update(registrations).set({ firstJoinedAt: base.startsAt }).where(eq(registrations.id, came.id));
    const recordings = [{ label: "Watch the recording", url: "https://video.example/recorded" }];
    expect(await notifyRecordingAvailable(database.db, { event, recordings, onlyAbsentees: true, links })).toBe(1);
    const [, notice] = await mailFor(missed.id);
    expect(notice!.template).toBe("recording-available");
    expect(notice!.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(notice!.headers["List-Unsubscribe"]).toMatch(/^<http:\/\/podium\.test\/r\/[A-Za-z0-9_-]{43}\/unsubscribe>$/);
    expect((await mailFor(came.id)).map((m) => m.template)).toEqual(["registration-confirmed"]);
  });
});
