// Taking an event back (delete a draft, unpublish) and duplicating one, through
// the console's route actions as Remix calls them.
import { and, asc, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createOrganization, createPerson } from "~db/factories";
import { agendaItems, agendaRoles, auditLog, eventHosts, eventOrganizers, events, people, recordingLinks, registrationQuestions, registrations, type Event } from "~db/schema";
import { registerAttendee } from "~/registrations/register.server";
import { cancelRegistration } from "~/registrations/manage.server";
import { action as overviewAction } from "~/routes/admin.events.$eventId._index";
import { action as duplicateAction, loader as duplicateLoader } from "~/routes/admin.events.$eventId.duplicate";
import { loader as publicEventLoader } from "~/routes/events.$slug";
import { loader as eventsListLoader } from "~/routes/admin.events._index";
import { requestFor, testLoadContext } from "../../test/support/load-context";
import { organizerPost, signedInOrganizer } from "../../test/support/organizer";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";

let database: TestDatabase;
let organizer: Awaited<ReturnType<typeof signedInOrganizer>>;
let coOrganizer: Awaited<ReturnType<typeof signedInOrganizer>>;

const context = () => testLoadContext(database.db);
const DAY = 86_400_000;

beforeAll(async () => {
  database = await createTestDatabase();
  organizer = await signedInOrganizer(database.db);
  coOrganizer = await signedInOrganizer(database.db, { email: "co@hkust.edu.hk", name: "Co" });
});
afterAll(async () => {
  await database.destroy();
});

async function settle(promise: Promise<unknown>): Promise<{ status: number; body: unknown; location: string | null }> {
  try {
    const value = (await promise) as { init?: { status?: number }; data?: unknown };
    return { status: value.init?.status ?? 200, body: value.data ?? value, location: null };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null, location: thrown.headers.get("Location") };
    throw thrown;
  }
}

async function myEvent(spec: Partial<Parameters<typeof createEvent>[1]> = {}): Promise<Event> {
  const speaker = await createPerson(database.db, { name: `Speaker ${Math.random().toString(36).slice(2, 7)}` });
  const startsAt = new Date(Date.now() + 10 * DAY);
  const event = await createEvent(database.db, {
    title: "Resilient cities",
    status: "draft",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 90 * 60_000),
    homeZone: "Europe/Stockholm",
    displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
    agenda: [
      { kind: "opening_remarks", title: "Welcome", startsAt, endsAt: new Date(startsAt.getTime() + 10 * 60_000) },
      { kind: "talk", title: "Dense cities", startsAt: new Date(startsAt.getTime() + 10 * 60_000), endsAt: new Date(startsAt.getTime() + 40 * 60_000), roles: [{ person: speaker, role: "speaker" }] },
    ],
    questions: [{ kind: "short_text", label: "Department", required: true }],
    recordings: [{ label: "Recording", url: "https://video.example/1" }],
    ...spec,
  });
  await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: organizer.user.id });
  return event;
}

const overview = (event: Event, fields: Record<string, string>) =>
  settle(overviewAction({ request: organizerPost(`/admin/events/${event.id}`, organizer.cookie, fields), params: { eventId: event.id }, context: context() }));

async function register(event: Event, email: string) {
  const outcome = await registerAttendee(database.db, {
    eventId: event.id,
    input: { name: "Ada", email, affiliation: "", timeZone: "Europe/Stockholm", answers: {} },
    now: new Date(),
    links: context().links,
  });
  if (outcome.kind !== "registered") throw new Error(`could not register: ${outcome.kind}`);
  return outcome.registration;
}

describe("deleting a draft", () => {
  it("asks for the confirmation first, then removes the draft and everything in it, and says so", async () => {
    const event = await myEvent();
    const unconfirmed = await overview(event, { intent: "delete" });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body).toMatchObject({ ok: false, message: "Tick the box to confirm that the draft should be deleted." });
    expect(await database.db.select().from(events).where(eq(events.id, event.id))).toHaveLength(1);

    const deleted = await overview(event, { intent: "delete", confirm: "yes" });
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe(`/admin/events?notice=deleted&title=${encodeURIComponent("Resilient cities")}`);
    for (const table of [agendaItems, registrationQuestions, recordingLinks]) {
      expect(await database.db.select().from(table).where(eq(table.eventId, event.id))).toEqual([]);
    }
    expect(await database.db.select().from(events).where(eq(events.id, event.id))).toEqual([]);
    // The people stay in the directory; the deletion stays in the instance's log.
    expect((await database.db.select().from(people)).length).toBeGreaterThan(0);
    const [entry] = await database.db.select().from(auditLog).where(and(isNull(auditLog.eventId), eq(auditLog.action, "event.deleted")));
    expect(entry!.summary).toBe("Deleted the draft “Resilient cities”");
    const list = await eventsListLoader({ request: new Request(`http://podium.test${deleted.location}`, { headers: { Cookie: organizer.cookie } }), params: {}, context: context() });
    expect(list.deleted).toBe("Resilient cities");
  });

  it("refuses a published event, and a draft anyone ever registered for, even after they cancelled", async () => {
    const published = await myEvent({ status: "published", questions: [] });
    expect(await overview(published, { intent: "delete", confirm: "yes" })).toMatchObject({ status: 409, body: { message: "Only a draft can be deleted; this event is published. Unpublish it first, or cancel it." } });

    const wasPublished = await myEvent({ status: "published", questions: [] });
    const registration = await register(wasPublished, "ada@kth.se");
    await cancelRegistration(database.db, { registrationId: registration.id, now: new Date(), links: context().links, actor: { userId: null, label: "Ada" } });
    await database.db.update(events).set({ status: "draft" }).where(eq(events.id, wasPublished.id));
    const refused = await overview(wasPublished, { intent: "delete", confirm: "yes" });
    expect(refused).toMatchObject({ status: 409, body: { message: "1 person has registered for this event, so it cannot be deleted. Cancel it instead: they will be told." } });
    expect(await database.db.select().from(registrations).where(eq(registrations.eventId, wasPublished.id))).toHaveLength(1);
  });
});

describe("unpublishing", () => {
  it("takes an event nobody registered for off the public site, back to a draft", async () => {
    const event = await myEvent({ status: "published", questions: [] });
    const page = await publicEventLoader({ request: requestFor(`/events/${event.slug}`), params: { slug: event.slug }, context: context() });
    expect(page).toBeTruthy();
    expect(await overview(event, { intent: "unpublish" })).toMatchObject({ status: 200, body: { ok: true, message: "Unpublished: the event is a draft again, off the public site and feeds." } });
    const [after] = await database.db.select().from(events).where(eq(events.id, event.id));
    expect(after!.status).toBe("draft");
    const gone = await settle(publicEventLoader({ request: requestFor(`/events/${event.slug}`), params: { slug: event.slug }, context: context() }));
    expect(gone.status).toBe(404);
    const [entry] = await database.db.select().from(auditLog).where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, "event.unpublished")));
    expect(entry).toBeTruthy();
  });

  it("refuses once someone has registered, and refuses a draft", async () => {
    const event = await myEvent({ status: "published", questions: [] });
    await register(event, "grace@hkust.edu.hk");
    expect(await overview(event, { intent: "unpublish" })).toMatchObject({ status: 409, body: { message: "1 person has registered for this event, so it stays published. Cancel it instead: they will be told." } });
    const draft = await myEvent();
    expect(await overview(draft, { intent: "unpublish" })).toMatchObject({ status: 409, body: { message: "Only a published event can be unpublished; this event is draft." } });
  });
});

describe("duplicating", () => {
  it("makes a draft with the agenda, people, questions, hosts and settings at the typed date, and nothing personal", async () => {
    const kth = await createOrganization(database.db, { name: "KTH Royal Institute of Technology", shortName: "KTH" });
    const source = await myEvent({
      status: "published",
      capacity: 80,
      requiresApproval: true,
      joinUrl: "https://zoom.example/j/1",
      reminderOffsetsMinutes: [2880],
      hosts: [{ organization: kth, role: "host" }],
    });
    await database.db.insert(eventOrganizers).values({ eventId: source.id, userId: coOrganizer.user.id });
    await register(source, "ada@kth.se");

    const form = await duplicateLoader({ request: new Request(`http://podium.test/admin/events/${source.id}/duplicate`, { headers: { Cookie: organizer.cookie } }), params: { eventId: source.id }, context: context() });
    expect(form.defaults).toMatchObject({ title: "Resilient cities", startDate: "" });

    const newDate = new Date(source.startsAt.getTime() + 35 * DAY);
    // The form takes the date as the home zone's calendar reads it (the UTC date differs late in the evening).
    const isoDate = new Intl.DateTimeFormat("en-CA", { timeZone: source.homeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(newDate);
    const result = await settle(
      duplicateAction({
        request: organizerPost(`/admin/events/${source.id}/duplicate`, organizer.cookie, { title: "Resilient cities II", startDate: isoDate, startTime: form.defaults.startTime! }),
        params: { eventId: source.id },
        context: context(),
      }),
    );
    expect(result.status).toBe(302);
    const copyId = /^\/admin\/events\/([0-9a-f-]{36})\?notice=duplicated$/.exec(result.location!)![1]!;
    const [copy] = await database.db.select().from(events).where(eq(events.id, copyId));
    expect(copy).toMatchObject({ title: "Resilient cities II", slug: "resilient-cities-ii", status: "draft", capacity: 80, requiresApproval: true, joinUrl: null, reminderOffsetsMinutes: [2880] });
    const shift = copy!.startsAt.getTime() - source.startsAt.getTime();
    // Same wall time in the home zone (a daylight-saving change may move the instant by an hour).
    expect(Math.abs(shift - 35 * DAY)).toBeLessThanOrEqual(3_600_000);
    expect(copy!.endsAt.getTime() - copy!.startsAt.getTime()).toBe(90 * 60_000);

    const items = await database.db.select().from(agendaItems).where(eq(agendaItems.eventId, copyId)).orderBy(asc(agendaItems.position));
    expect(items.map((i) => [i.title, i.startsAt!.getTime() - copy!.startsAt.getTime()])).toEqual([
      ["Welcome", 0],
      ["Dense cities", 10 * 60_000],
    ]);
    const roles = await database.db.select().from(agendaRoles).where(eq(agendaRoles.agendaItemId, items[1]!.id));
    expect(roles).toHaveLength(1);
    expect(await database.db.select({ label: registrationQuestions.label, required: registrationQuestions.required }).from(registrationQuestions).where(eq(registrationQuestions.eventId, copyId))).toEqual([
      { label: "Department", required: true },
    ]);
    expect(await database.db.select({ organizationId: eventHosts.organizationId }).from(eventHosts).where(eq(eventHosts.eventId, copyId))).toEqual([{ organizationId: kth.id }]);
    expect(await database.db.select().from(registrations).where(eq(registrations.eventId, copyId))).toEqual([]);
    expect(await database.db.select().from(recordingLinks).where(eq(recordingLinks.eventId, copyId))).toEqual([]);
    const owners = await database.db.select({ userId: eventOrganizers.userId }).from(eventOrganizers).where(eq(eventOrganizers.eventId, copyId));
    expect(owners.map((o) => o.userId).sort()).toEqual([organizer.user.id, coOrganizer.user.id].sort());
    const [sourceEntry] = await database.db.select().from(auditLog).where(and(eq(auditLog.eventId, source.id), eq(auditLog.action, "event.duplicated")));
    expect(sourceEntry!.summary).toContain("Duplicated as the draft “Resilient cities II”");
  });

  it.each([
    [{ title: "", startDate: "2031-03-05", startTime: "10:00" }, "title", "Give the copy a title"],
    [{ title: "Again", startDate: "", startTime: "10:00" }, "startDate", "Enter the new date"],
    [{ title: "Again", startDate: "2031-02-31", startTime: "10:00" }, "startDate", "That date does not exist; check the day and month"],
    [{ title: "Again", startDate: "2020-03-05", startTime: "10:00" }, "startDate", "Choose a start in the future: the copy is a new occasion"],
    [{ title: "Again", startDate: "2031-03-05", startTime: "25:99x" }, "startTime", "Enter the new start time as HH:MM"],
    [{ title: "Again", startDate: "2031-03-05", startTime: "10:00", slug: "Not A Slug!" }, "slug", "Use lowercase letters, digits and single hyphens"],
  ])("keeps the input and says what is wrong: %o", async (fields, field, message) => {
    const source = await myEvent();
    const before = (await database.db.select().from(events)).length;
    const result = await settle(duplicateAction({ request: organizerPost(`/admin/events/${source.id}/duplicate`, organizer.cookie, fields), params: { eventId: source.id }, context: context() }));
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ fieldErrors: { [field]: [message] }, values: { title: fields.title } });
    expect((await database.db.select().from(events)).length).toBe(before);
  });

  it("refuses an address another event already uses", async () => {
    const source = await myEvent();
    const result = await settle(
      duplicateAction({ request: organizerPost(`/admin/events/${source.id}/duplicate`, organizer.cookie, { title: "Again", startDate: "2031-03-05", startTime: "10:00", slug: source.slug }), params: { eventId: source.id }, context: context() }),
    );
    expect(result).toMatchObject({ status: 400, body: { fieldErrors: { slug: ["Another event already uses this address"] } } });
  });
});
