// The agenda builder through its route, as an organizer without JavaScript
// uses it: each button posts a form with an `intent`, and the page is read back
// from the loader. The public event page shows the result.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createPerson } from "~db/factories";
import { agendaItems, auditLog, eventOrganizers, type Event, type User } from "~db/schema";
import { action, loader } from "~/routes/admin.events.$eventId.agenda";
import { loader as auditLoader } from "~/routes/admin.events.$eventId.audit";
import { loader as eventPageLoader } from "~/routes/events.$slug";
import { organizerPost, signedInOrganizer } from "../../test/support/organizer";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { requestFor, testLoadContext } from "../../test/support/load-context";
import type { AgendaActionData } from "./agenda-action.server";

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

/** 10:00–12:00 in Stockholm on 3 December 2026 (17:00–19:00 in Hong Kong), published. */
async function ownedEvent(title: string): Promise<Event> {
  const event = await createEvent(database.db, {
    title,
    startsAt: new Date("2026-12-03T09:00:00Z"),
    endsAt: new Date("2026-12-03T11:00:00Z"),
    homeZone: "Europe/Stockholm",
    displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
    status: "published",
  });
  await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: organizer.id });
  return event;
}

type ActionResult = { data: AgendaActionData; init: ResponseInit | null };

async function post(event: Event, fields: Record<string, string>): Promise<ActionResult> {
  const request = organizerPost(`/admin/events/${event.id}/agenda`, cookie, fields);
  return (await action({ request, params: { eventId: event.id }, context: context() })) as unknown as ActionResult;
}

async function builder(event: Event) {
  const request = new Request(`http://podium.test/admin/events/${event.id}/agenda`, { headers: { Cookie: cookie } });
  return loader({ request, params: { eventId: event.id }, context: context() });
}

async function add(event: Event, fields: Record<string, string>) {
  const result = await post(event, { intent: "add", kind: "talk", abstract: "", startDate: "", startTime: "", durationMinutes: "", ...fields });
  expect(result.data.ok, result.data.message).toBe(true);
  return result;
}

async function agendaRowCount(eventId: string) {
  return ((await database.db.select({ n: count() }).from(agendaItems).where(eq(agendaItems.eventId, eventId))) as [{ n: number }])[0].n;
}

async function auditCount(eventId: string) {
  return ((await database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.eventId, eventId))) as [{ n: number }])[0].n;
}

describe("the agenda builder", () => {
  it("adds segments, moves one up, lays them end to end from the start, and logs each change", async () => {
    const event = await ownedEvent("Agenda order");
    await add(event, { kind: "opening_remarks", title: "Opening remarks", startDate: "2026-12-03", startTime: "10:00", durationMinutes: "10" });
    await add(event, { title: "Keynote", startDate: "2026-12-03", startTime: "10:10", durationMinutes: "40" });
    await add(event, { kind: "panel", title: "Panel" });
    const added = await add(event, { kind: "closing", title: "Closing", startDate: "2026-12-03", startTime: "11:30", durationMinutes: "5" });
    expect(added.data.message).toBe("Added “Closing”.");

    const before = await builder(event);
    expect(before.segments.map((s) => s.title)).toEqual(["Opening remarks", "Keynote", "Panel", "Closing"]);
    expect(before.segments[0]!.times).toEqual(["10:00 – 10:10 CET", "17:00 – 17:10 HKT"]);
    expect(before.segments[2]!.times).toEqual([]);
    const closing = before.segments[3]!;
    expect(closing.last).toBe(true);

    const moved = await post(event, { intent: "up", itemId: closing.id });
    expect(moved.data).toMatchObject({ ok: true, message: "Moved “Closing” up." });
    const after = await builder(event);
    expect(after.segments.map((s) => s.title)).toEqual(["Opening remarks", "Keynote", "Closing", "Panel"]);
    expect(after.segments.map((s) => [s.first, s.last])).toEqual([[true, false], [false, false], [false, false], [false, true]]);

    // The first cannot go further up.
    const refused = await post(event, { intent: "up", itemId: after.segments[0]!.id });
    expect(refused.data).toMatchObject({ ok: false, message: "“Opening remarks” is already first." });
    expect(refused.init?.status).toBe(409);

    const filled = await post(event, { intent: "fill" });
    expect(filled.data).toMatchObject({ ok: true, message: "Laid 4 segments end to end from the start." });
    const laidOut = await builder(event);
    expect(laidOut.segments.map((s) => [s.title, s.values.startTime, s.values.durationMinutes])).toEqual([
      ["Opening remarks", "10:00", "10"],
      ["Keynote", "10:10", "40"],
      ["Closing", "10:50", "5"],
      ["Panel", "10:55", "15"],
    ]);
    expect(laidOut.segments[3]!.times).toEqual(["10:55 – 11:10 CET", "17:55 – 18:10 HKT"]);
    expect(laidOut.segments.flatMap((s) => s.warnings)).toEqual([]);

    const audit = await auditLoader({ request: new Request(`http://podium.test/admin/events/${event.id}/audit`, { headers: { Cookie: cookie } }), params: { eventId: event.id }, context: context() });
    expect(audit.entries.map((e) => e.summary)).toEqual([
      "Laid 4 segments end to end from the start",
      "Moved “Closing” up",
      "Added closing “Closing”",
      "Added panel discussion “Panel”",
      "Added talk “Keynote”",
      "Added opening remarks “Opening remarks”",
    ]);
    expect(new Set(audit.entries.map((e) => e.actor))).toEqual(new Set(["Chair <chair@kth.se>"]));
  });

  it("warns about a segment that starts before the event and one that overlaps another", async () => {
    const event = await ownedEvent("Agenda warnings");
    await add(event, { title: "Tech check", startDate: "2026-12-03", startTime: "09:30", durationMinutes: "20" });
    await add(event, { title: "Keynote", startDate: "2026-12-03", startTime: "10:00", durationMinutes: "45" });
    await add(event, { title: "Panel", startDate: "2026-12-03", startTime: "10:30", durationMinutes: "30" });
    const page = await builder(event);
    const warningsOf = (title: string) => page.segments.find((s) => s.title === title)!.warnings;
    expect(warningsOf("Tech check")).toEqual(["Starts before the event does"]);
    expect(warningsOf("Keynote")).toEqual(["Overlaps “Panel”"]);
    expect(warningsOf("Panel")).toEqual(["Overlaps “Keynote”"]);
  });

  it("puts a person attached as moderator on the public event page", async () => {
    const event = await ownedEvent("Agenda people");
    const person = await createPerson(database.db, { honorific: "Prof.", name: "Ingrid Svensson", affiliation: "KTH Royal Institute of Technology" });
    await add(event, { kind: "panel", title: "Panel on quantum materials" });
    const [segment] = (await builder(event)).segments;

    const attached = await post(event, { intent: "attach", itemId: segment!.id, personId: person.id, role: "moderator" });
    expect(attached.data).toMatchObject({ ok: true, message: "Added Ingrid Svensson to “Panel on quantum materials”." });
    expect((await builder(event)).segments[0]!.people).toEqual([
      expect.objectContaining({ role: "moderator", roleLabel: "Moderator", name: "Prof. Ingrid Svensson" }),
    ]);

    const again = await post(event, { intent: "attach", itemId: segment!.id, personId: person.id, role: "moderator" });
    expect(again.data).toMatchObject({ ok: false, message: "Ingrid Svensson is already moderator of “Panel on quantum materials”." });

    const page = await eventPageLoader({ request: requestFor(`/events/${event.slug}`), params: { slug: event.slug }, context: context() });
    expect(page.agenda.map((item) => item.title)).toEqual(["Panel on quantum materials"]);
    expect(page.agenda[0]!.people).toEqual([
      { slug: person.slug, displayName: "Prof. Ingrid Svensson", role: "moderator", roleLabel: "Moderator", position: "", affiliation: "KTH Royal Institute of Technology", lang: {} },
    ]);
  });

  it("refuses a bad duration with 400 and the field's error, keeping the input and writing nothing", async () => {
    const event = await ownedEvent("Agenda validation");
    await add(event, { title: "Existing" });
    const [rowsBefore, auditBefore] = [await agendaRowCount(event.id), await auditCount(event.id)];

    const notANumber = await post(event, { intent: "add", kind: "talk", title: "Too vague", startDate: "2026-12-03", startTime: "10:00", durationMinutes: "an hour" });
    expect(notANumber.init?.status).toBe(400);
    expect(notANumber.data.formId).toBe("new");
    expect(notANumber.data.fieldErrors).toEqual({ durationMinutes: ["The duration must be a number of minutes"] });
    expect(notANumber.data.values).toMatchObject({ title: "Too vague", durationMinutes: "an hour" });

    const zero = await post(event, { intent: "add", kind: "talk", title: "Too short", startDate: "2026-12-03", startTime: "10:00", durationMinutes: "0" });
    expect(zero.init?.status).toBe(400);
    expect(zero.data.fieldErrors).toEqual({ durationMinutes: ["A segment lasts at least a minute"] });

    const edit = await post(event, {
      intent: "update",
      itemId: (await builder(event)).segments[0]!.id,
      kind: "talk",
      title: "Existing, renamed",
      startDate: "2026-12-03",
      startTime: "10:00",
      durationMinutes: "1.5",
    });
    expect(edit.init?.status).toBe(400);
    expect(edit.data.fieldErrors).toEqual({ durationMinutes: ["The duration must be a whole number of minutes"] });

    expect(await agendaRowCount(event.id)).toBe(rowsBefore);
    expect(await auditCount(event.id)).toBe(auditBefore);
    expect((await builder(event)).segments.map((s) => s.title)).toEqual(["Existing"]);
  });
});
