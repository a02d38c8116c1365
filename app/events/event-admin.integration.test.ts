// Creating, editing, publishing and cancelling events from the organizer
// console, and what registrants hear about it.
import { and, count, desc, eq } from "drizzle-orm";
import ical from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailOutbox, eventOrganizers, events, type Event, type OutboxRow, type User } from "~db/schema";
import { createUser } from "~/auth/users.server";
import { registerAttendee } from "~/registrations/register.server";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { TEST_LINK_SECRET } from "../../test/support/load-context";
import { addCoOrganizer, cancelEvent, createEventFromForm, eventFormDefaults, listManagedEvents, publishEvent, updateEventFromForm } from "./event-admin.server";
import { eventFormSchemaIn } from "./event-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";

const eventFormSchema = eventFormSchemaIn(consoleTranslatorFor("en"));

const links = { origin: "http://podium.test", secret: TEST_LINK_SECRET };
// Before every event below, so registrations are open.
const NOW = new Date("2026-11-23T12:00:00Z");

let database: TestDatabase;
let organizer: User;

beforeAll(async () => {
  database = await createTestDatabase();
  organizer = await createUser(database.db, { email: "chair@kth.se", name: "Chair", password: "correct horse battery", role: "organizer" });
});
afterAll(async () => {
  await database.destroy();
});

/** What the browser submits, as Conform hands it to the schema: strings, with empty fields left out. */
function submitted(fields: Record<string, unknown>) {
  return eventFormSchema.parse(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== "" && v !== undefined)));
}

const webinarForm = {
  title: "HKUST–KTH Webinar on Quantum Materials",
  summary: "Two universities, one afternoon.",
  startDate: "2026-12-03",
  startTime: "17:00",
  startZone: "Asia/Hong_Kong",
  durationMinutes: "75",
  zone1: "Europe/Stockholm",
  zone2: "Asia/Hong_Kong",
  reminderHours: "24, 1",
};

async function tableCounts() {
  const n = async (table: typeof events | typeof auditLog | typeof eventOrganizers | typeof emailOutbox) =>
    ((await database.db.select({ n: count() }).from(table)) as [{ n: number }])[0].n;
  return { events: await n(events), audit: await n(auditLog), organizers: await n(eventOrganizers), outbox: await n(emailOutbox) };
}

async function auditFor(eventId: string) {
  return database.db.select().from(auditLog).where(eq(auditLog.eventId, eventId)).orderBy(desc(auditLog.createdAt));
}

async function mailFor(eventId: string, toEmail?: string): Promise<OutboxRow[]> {
  return database.db
    .select()
    .from(emailOutbox)
    .where(toEmail ? and(eq(emailOutbox.eventId, eventId), eq(emailOutbox.toEmail, toEmail)) : eq(emailOutbox.eventId, eventId))
    .orderBy(emailOutbox.createdAt);
}

function invite(row: OutboxRow) {
  expect(row.attachments).toHaveLength(1);
  const content = row.attachments[0]!.content;
  const [vevent] = Object.values(ical.sync.parseICS(content)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
  return {
    method: /^METHOD:(\w+)\r?$/m.exec(content)?.[1],
    uid: vevent!.uid,
    sequence: Number(vevent!.sequence),
    start: vevent!.start.toISOString(),
  };
}

async function createPublished(title: string): Promise<Event> {
  const created = await createEventFromForm(database.db, { user: organizer, values: submitted({ ...webinarForm, title }) });
  if (!created.ok) throw new Error(JSON.stringify(created.fieldErrors));
  const published = await publishEvent(database.db, { user: organizer, eventId: created.event.id });
  if (!published.ok) throw new Error(published.message);
  return published.event;
}

async function register(event: Event, email: string, timeZone = "Europe/Stockholm") {
  const outcome = await registerAttendee(database.db, {
    eventId: event.id,
    input: { name: email.split("@")[0]!, email, affiliation: "KTH", timeZone, answers: {} },
    now: NOW,
    links,
  });
  if (outcome.kind !== "registered") throw new Error(`registration failed: ${outcome.kind}`);
  return outcome.registration;
}

describe("creating an event from the form", () => {
  it("reads 17:00 in Hong Kong as 09:00 UTC and stores a draft owned by its creator, with an audit entry", async () => {
    const outcome = await createEventFromForm(database.db, { user: organizer, values: submitted(webinarForm) });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const [stored] = await database.db.select().from(events).where(eq(events.id, outcome.event.id));
    expect(stored!.startsAt.toISOString()).toBe("2026-12-03T09:00:00.000Z");
    expect(stored!.endsAt.toISOString()).toBe("2026-12-03T10:15:00.000Z");
    expect(stored!.homeZone).toBe("Asia/Hong_Kong");
    expect(stored!.displayZones).toEqual(["Europe/Stockholm", "Asia/Hong_Kong"]);
    expect(stored!.status).toBe("draft");
    expect(stored!.reminderOffsetsMinutes).toEqual([1440, 60]);
    expect(stored!.slug).toBe("hkust-kth-webinar-on-quantum-materials");

    const owners = await database.db.select().from(eventOrganizers).where(eq(eventOrganizers.eventId, stored!.id));
    expect(owners.map((o) => o.userId)).toEqual([organizer.id]);

    const audit = await auditFor(stored!.id);
    expect(audit.map((a) => a.action)).toEqual(["event.created"]);
    expect(audit[0]!.actorUserId).toBe(organizer.id);
    expect(audit[0]!.actorLabel).toBe("Chair <chair@kth.se>");
    expect(audit[0]!.summary).toContain("HKUST–KTH Webinar on Quantum Materials");
  });

  it("gives a second event with the same title the next free address", async () => {
    const first = await createEventFromForm(database.db, { user: organizer, values: submitted({ ...webinarForm, title: "Responding to COVID-19" }) });
    const second = await createEventFromForm(database.db, { user: organizer, values: submitted({ ...webinarForm, title: "Responding to COVID-19" }) });
    expect(first.ok && first.event.slug).toBe("responding-to-covid-19");
    expect(second.ok && second.event.slug).toBe("responding-to-covid-19-2");
  });

  it("refuses an address another event already uses, on the slug field, and writes nothing", async () => {
    await createEventFromForm(database.db, { user: organizer, values: submitted({ ...webinarForm, title: "Taken address", slug: "taken-address" }) });
    const before = await tableCounts();
    const outcome = await createEventFromForm(database.db, { user: organizer, values: submitted({ ...webinarForm, title: "Another", slug: "Taken-Address" }) });
    expect(outcome).toEqual({ ok: false, fieldErrors: { slug: ["Another event already uses this address"] } });
    expect(await tableCounts()).toEqual(before);
  });

  it("refuses registration that closes after the event has ended, on the closing field, and writes nothing", async () => {
    const before = await tableCounts();
    // The event runs 17:00–18:15 in Hong Kong; registration would close at 19:00 there.
    const outcome = await createEventFromForm(database.db, {
      user: organizer,
      values: submitted({ ...webinarForm, title: "Late closing", registrationClosesDate: "2026-12-03", registrationClosesTime: "19:00" }),
    });
    expect(outcome).toEqual({ ok: false, fieldErrors: { registrationClosesDate: ["Registration cannot close after the event ends"] } });
    expect(await tableCounts()).toEqual(before);

    // Closing at the start of the event is fine, and is read in the event's zone.
    const fine = await createEventFromForm(database.db, {
      user: organizer,
      values: submitted({ ...webinarForm, title: "Closes at the start", registrationClosesDate: "2026-12-03", registrationClosesTime: "17:00" }),
    });
    expect(fine.ok && fine.event.registrationClosesAt?.toISOString()).toBe("2026-12-03T09:00:00.000Z");
  });
});

describe("editing a published event", () => {
  it("re-invites a confirmed registrant once when the event moves by an hour: same UID, higher SEQUENCE, new time", async () => {
    const event = await createPublished("Moving webinar");
    const registrant = await register(event, "ada@kth.se");
    const [confirmation] = await mailFor(event.id, "ada@kth.se");
    expect(confirmation!.template).toBe("registration-confirmed");
    const original = invite(confirmation!);

    // The organizer opens the edit form, changes the start from 17:00 to 18:00 and saves.
    const form = await eventFormDefaults(database.db, event);
    expect(form.startTime).toBe("17:00");
    const outcome = await updateEventFromForm(database.db, { user: organizer, eventId: event.id, values: submitted({ ...form, startTime: "18:00" }), links });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.event.startsAt.toISOString()).toBe("2026-12-03T10:00:00.000Z");
    expect(outcome.notified).toBe(1);

    const changed = (await mailFor(event.id, "ada@kth.se")).filter((m) => m.template === "event-changed");
    expect(changed).toHaveLength(1);
    expect(changed[0]!.registrationId).toBe(registrant.id);
    const reissued = invite(changed[0]!);
    expect(reissued.method).toBe("REQUEST");
    expect(reissued.uid).toBe(original.uid);
    expect(reissued.sequence).toBeGreaterThan(original.sequence);
    expect(reissued.start).toBe("2026-12-03T10:00:00.000Z");
    expect(original.start).toBe("2026-12-03T09:00:00.000Z");

    const [latest] = await auditFor(event.id);
    expect(latest!.action).toBe("event.updated");
    // Old → new, in the event's home zone.
    expect(latest!.summary).toBe("Changed start time Thursday, 3 December 2026, 17:00 HKT → 18:00 HKT, end time Thursday, 3 December 2026, 18:15 HKT → 19:15 HKT; 1 registrant emailed");
  });

  it("emails nobody when only the summary of a published event changes", async () => {
    const event = await createPublished("Quiet edit");
    await register(event, "grace@hkust.edu.hk", "Asia/Hong_Kong");
    const before = await mailFor(event.id);
    const form = await eventFormDefaults(database.db, event);
    const outcome = await updateEventFromForm(database.db, { user: organizer, eventId: event.id, values: submitted({ ...form, summary: "A better summary." }), links });
    expect(outcome.ok && outcome.notified).toBe(0);
    expect(await mailFor(event.id)).toHaveLength(before.length);
    const [latest] = await auditFor(event.id);
    expect(latest!.summary).toBe("Changed summary");
  });

  it("records each changed setting with its old and new value, and keeps the webinar link itself out of the log", async () => {
    const event = await createPublished("Settings edit");
    const form = await eventFormDefaults(database.db, event);
    const outcome = await updateEventFromForm(database.db, {
      user: organizer,
      eventId: event.id,
      values: submitted({ ...form, capacity: "120", requiresApproval: "on", joinUrl: "https://zoom.example/j/secret-room", reminderHours: "48" }),
      links,
    });
    expect(outcome.ok).toBe(true);
    const [latest] = await auditFor(event.id);
    expect(latest!.summary).toBe("Changed capacity no limit → 120, approval off → on, reminders 24, 1 h before → 48 h before, webinar link");
    expect(JSON.stringify(latest)).not.toContain("secret-room");
    expect(latest!.details).toMatchObject({ changes: expect.arrayContaining([expect.objectContaining({ label: "approval", before: "off", after: "on" })]) });
  });

  it("queues nothing when a draft without registrants moves", async () => {
    const created = await createEventFromForm(database.db, { user: organizer, values: submitted({ ...webinarForm, title: "Draft that moves" }) });
    if (!created.ok) throw new Error("setup failed");
    const form = await eventFormDefaults(database.db, created.event);
    const outcome = await updateEventFromForm(database.db, { user: organizer, eventId: created.event.id, values: submitted({ ...form, startTime: "18:00" }), links });
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && outcome.event.startsAt.toISOString()).toBe("2026-12-03T10:00:00.000Z");
    expect(await mailFor(created.event.id)).toEqual([]);
    const [latest] = await auditFor(created.event.id);
    expect(latest!.summary).toBe("Changed start time Thursday, 3 December 2026, 17:00 HKT → 18:00 HKT, end time Thursday, 3 December 2026, 18:15 HKT → 19:15 HKT");
  });
});

describe("publishing and cancelling", () => {
  it("publishes a draft once; a second publish is refused with a reason", async () => {
    const created = await createEventFromForm(database.db, { user: organizer, values: submitted({ ...webinarForm, title: "Publish me" }) });
    if (!created.ok) throw new Error("setup failed");
    const first = await publishEvent(database.db, { user: organizer, eventId: created.event.id });
    expect(first.ok && first.event.status).toBe("published");
    const second = await publishEvent(database.db, { user: organizer, eventId: created.event.id });
    expect(second).toEqual({ ok: false, message: "Only a draft can be published; this event is published." });
    expect((await auditFor(created.event.id)).filter((a) => a.action === "event.published")).toHaveLength(1);
  });

  it("cancels a published event, taking the invite out of each registrant's calendar with METHOD:CANCEL", async () => {
    const event = await createPublished("Called off");
    await register(event, "linus@kth.se");
    const original = invite((await mailFor(event.id, "linus@kth.se"))[0]!);

    const outcome = await cancelEvent(database.db, { user: organizer, eventId: event.id, links });
    expect(outcome.ok && outcome.notified).toBe(1);
    expect(outcome.ok && outcome.event.status).toBe("cancelled");
    const cancellation = (await mailFor(event.id, "linus@kth.se")).filter((m) => m.template === "event-cancelled");
    expect(cancellation).toHaveLength(1);
    const cancelInvite = invite(cancellation[0]!);
    expect(cancelInvite.method).toBe("CANCEL");
    expect(cancelInvite.uid).toBe(original.uid);
    expect(cancelInvite.sequence).toBeGreaterThan(original.sequence);

    expect(await cancelEvent(database.db, { user: organizer, eventId: event.id, links })).toEqual({ ok: false, message: "This event is already cancelled." });
    expect(await publishEvent(database.db, { user: organizer, eventId: event.id })).toEqual({
      ok: false,
      message: "Only a draft can be published; this event is cancelled.",
    });
  });
});

describe("the organizer's event list", () => {
  it("shows an organizer their own and shared events only, and an admin every event", async () => {
    const kth = await createUser(database.db, { email: "kth-organizer@kth.se", name: "KTH Organizer", password: "correct horse battery", role: "organizer" });
    const hkust = await createUser(database.db, { email: "hkust-organizer@ust.hk", name: "HKUST Organizer", password: "correct horse battery", role: "organizer" });
    const admin = await createUser(database.db, { email: "admin@podium.test", name: "Admin", password: "correct horse battery", role: "admin" });
    const make = async (user: User, title: string) => {
      const outcome = await createEventFromForm(database.db, { user, values: submitted({ ...webinarForm, title }) });
      if (!outcome.ok) throw new Error("setup failed");
      return outcome.event;
    };
    const kthOnly = await make(kth, "KTH only");
    const hkustOnly = await make(hkust, "HKUST only");
    const shared = await make(hkust, "Shared by HKUST");

    expect(await addCoOrganizer(database.db, { user: hkust, eventId: shared.id, email: "KTH-Organizer@kth.se" })).toEqual({ ok: true });
    expect(await addCoOrganizer(database.db, { user: hkust, eventId: shared.id, email: "kth-organizer@kth.se" })).toEqual({
      ok: false,
      message: "KTH Organizer already co-organizes this event.",
    });
    expect(await addCoOrganizer(database.db, { user: hkust, eventId: shared.id, email: "nobody@kth.se" })).toEqual({
      ok: false,
      message: "No active organizer account uses nobody@kth.se.",
    });

    const titles = async (user: User) => (await listManagedEvents(database.db, user, { when: "upcoming", now: NOW })).map((e) => e.title).sort();
    expect(await titles(kth)).toEqual(["KTH only", "Shared by HKUST"]);
    expect(await titles(hkust)).toEqual(["HKUST only", "Shared by HKUST"]);
    const everything = await titles(admin);
    expect(everything).toEqual(expect.arrayContaining([kthOnly.title, hkustOnly.title, shared.title, "HKUST–KTH Webinar on Quantum Materials"]));
    expect(await listManagedEvents(database.db, kth, { when: "past", now: NOW })).toEqual([]);
    expect((await listManagedEvents(database.db, kth, { when: "past", now: new Date("2027-01-01T00:00:00Z") })).map((e) => e.title).sort()).toEqual([
      "KTH only",
      "Shared by HKUST",
    ]);
  });

  it("counts each event's registrations by status", async () => {
    const event = await createPublished("Counted");
    await register(event, "one@kth.se");
    await register(event, "two@kth.se");
    const [row] = (await listManagedEvents(database.db, organizer, { when: "upcoming", now: NOW })).filter((e) => e.id === event.id);
    expect(row).toMatchObject({ confirmed: 2, waitlisted: 0, pending: 0, attended: 0 });
  });
});
