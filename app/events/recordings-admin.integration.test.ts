// Recording links after an event, through the organizer's route: what the
// public page shows, and who is told that the recording is out.
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { auditLog, emailOutbox, eventOrganizers, recordingLinks, registrations, type Event, type User } from "~db/schema";
import { cancelRegistration } from "~/registrations/manage.server";
import { registerAttendee } from "~/registrations/register.server";
import { action } from "~/routes/admin.events.$eventId.recordings";
import { loader as eventPageLoader } from "~/routes/events.$slug";
import { organizerPost, signedInOrganizer } from "../../test/support/organizer";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { requestFor, testLoadContext } from "../../test/support/load-context";
import type { RecordingsActionData } from "./recordings-admin.server";

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
// The event is over (the public page only lists recordings of ended events); people registered before it.
const EVENT_START = new Date("2026-11-10T09:00:00Z");
const BEFORE_EVENT = new Date("2026-11-01T12:00:00Z");

async function endedEvent(title: string): Promise<Event> {
  const event = await createEvent(database.db, {
    title,
    startsAt: EVENT_START,
    endsAt: new Date(EVENT_START.getTime() + 75 * 60_000),
    homeZone: "Asia/Hong_Kong",
    displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
    capacity: 2,
  });
  await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: organizer.id });
  return event;
}

async function register(event: Event, name: string, email: string) {
  const outcome = await registerAttendee(database.db, {
    eventId: event.id,
    input: { name, email, affiliation: "", timeZone: "Europe/Stockholm", answers: {} },
    now: BEFORE_EVENT,
    links: context().links,
  });
  if (outcome.kind !== "registered") throw new Error(`registration failed: ${outcome.kind}`);
  return outcome.registration;
}

type ActionResult = { data: RecordingsActionData; init: ResponseInit | null };

async function post(event: Event, fields: Record<string, string>): Promise<ActionResult> {
  const request = organizerPost(`/admin/events/${event.id}/recordings`, cookie, fields);
  return (await action({ request, params: { eventId: event.id }, context: context() })) as unknown as ActionResult;
}

async function publicPage(event: Event) {
  return eventPageLoader({ request: requestFor(`/events/${event.slug}`), params: { slug: event.slug }, context: context() });
}

async function recordingNotices(eventId: string) {
  const rows = await database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.eventId, eventId), eq(emailOutbox.template, "recording-available")));
  return rows;
}

async function countsFor(eventId: string) {
  const n = async (table: typeof recordingLinks | typeof auditLog | typeof emailOutbox) =>
    ((await database.db.select({ n: count() }).from(table).where(eq(table.eventId, eventId))) as [{ n: number }])[0].n;
  return { recordings: await n(recordingLinks), audit: await n(auditLog), outbox: await n(emailOutbox) };
}

describe("recording links", () => {
  it("shows a published link on the public page and keeps an unpublished one off it", async () => {
    const event = await endedEvent("Recorded webinar");
    expect((await publicPage(event)).recordings).toEqual([]);

    const added = await post(event, { intent: "add", label: "Watch the recording", url: "https://play.kth.se/media/quantum", publish: "on" });
    expect(added.data).toMatchObject({ ok: true, message: "Added “Watch the recording”; it is on the public page." });
    const hidden = await post(event, { intent: "add", label: "Slides (draft)", url: "https://play.kth.se/media/slides" });
    expect(hidden.data).toMatchObject({ ok: true, message: "Added “Slides (draft)” (not published)." });

    const page = await publicPage(event);
    expect(page.recordings).toEqual([{ label: "Watch the recording", url: "https://play.kth.se/media/quantum" }]);
    expect(page.hasRecording).toBe(true);
  });

  it("tells only confirmed registrants who did not join, then the rest without repeating anyone", async () => {
    const event = await endedEvent("Absentees");
    const came = await register(event, "Came Along", "came@kth.se");
    const missed = await register(event, "Missed It", "missed@ust.hk");
    const waiting = await register(event, "Still Waiting", "waiting@kth.se");
    const leaver = await register(event, "Changed Mind", "leaver@kth.se");
    expect([came.status, missed.status, waiting.status, leaver.status]).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);
    await cancelRegistration(database.db, { registrationId: leaver.id, now: BEFORE_EVENT, links: context().links });
    await database.db.update(registrations).set({ firstJoinedAt: new Date(EVENT_START.getTime() + 60_000) }).where(eq(registrations.id, came.id));

    expect((await post(event, { intent: "notify", audience: "absentees", confirm: "yes" })).data).toMatchObject({ ok: false, message: "Publish a recording link first." });
    expect(await recordingNotices(event.id)).toEqual([]);

    await post(event, { intent: "add", label: "Watch the recording", url: "https://play.kth.se/media/absentees", publish: "on" });
    await post(event, { intent: "add", label: "Unpublished extra", url: "https://play.kth.se/media/extra" });

    // First the question, with the number of people; nothing is queued until the confirmation.
    const asked = await post(event, { intent: "notify-ask", audience: "absentees" });
    expect(asked.data).toMatchObject({ ok: true, confirmNotify: { audience: "absentees", count: 1 } });
    const unconfirmed = await post(event, { intent: "notify", audience: "absentees" });
    expect(unconfirmed.data).toMatchObject({ confirmNotify: { count: 1 } });
    expect(await recordingNotices(event.id)).toEqual([]);
    const absentees = await post(event, { intent: "notify", audience: "absentees", confirm: "yes" });
    expect(absentees.data).toMatchObject({ ok: true, message: "1 registrant will be emailed." });
    const told = await recordingNotices(event.id);
    expect(told.map((m) => m.toEmail)).toEqual(["missed@ust.hk"]);
    expect((told[0]!.props as { recordings: unknown }).recordings).toEqual([{ label: "Watch the recording", url: "https://play.kth.se/media/absentees" }]);

    // Those already told are not counted again.
    expect((await post(event, { intent: "notify-ask", audience: "all" })).data).toMatchObject({ confirmNotify: { audience: "all", count: 1 } });
    const everyone = await post(event, { intent: "notify", audience: "all", confirm: "yes" });
    expect(everyone.data).toMatchObject({ ok: true, message: "1 registrant will be emailed." });
    expect((await recordingNotices(event.id)).map((m) => m.toEmail).sort()).toEqual(["came@kth.se", "missed@ust.hk"]);

    const [audit] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, "recording.notified")))
      .orderBy(auditLog.createdAt);
    expect(audit!.summary).toMatch(/^Emailed 1 registrants? who did not attend that the recording is available$/);
  });

  it("says truthfully where a link shows before the event, and holds the email until it has ended", async () => {
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const upcoming = await createEvent(database.db, { title: "Upcoming", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), displayZones: ["Europe/Stockholm"] });
    await database.db.insert(eventOrganizers).values({ eventId: upcoming.id, userId: organizer.id });
    const outcome = await registerAttendee(database.db, { eventId: upcoming.id, input: { name: "Early", email: "early@kth.se", affiliation: "", timeZone: "UTC", answers: {} }, now: new Date(), links: context().links });
    expect(outcome.kind).toBe("registered");

    const added = await post(upcoming, { intent: "add", label: "Watch the recording", url: "https://play.kth.se/media/early", publish: "on" });
    expect(added.data.message).toBe("Added “Watch the recording”; it will show on the public page once the event has ended.");
    expect((await publicPage(upcoming)).recordings).toEqual([]);
    for (const intent of ["notify-ask", "notify"]) {
      const refused = await post(upcoming, { intent, audience: "all", confirm: "yes" });
      expect(refused.data.ok).toBe(false);
      expect(refused.data.message).toMatch(/^The event has not happened yet \(.+\): registrants can be emailed about the recording once it has ended\.$/);
    }
    expect(await recordingNotices(upcoming.id)).toEqual([]);

    const draft = await createEvent(database.db, { title: "Draft", status: "draft", startsAt: EVENT_START, endsAt: new Date(EVENT_START.getTime() + 3_600_000) });
    await database.db.insert(eventOrganizers).values({ eventId: draft.id, userId: organizer.id });
    expect((await post(draft, { intent: "add", label: "Rec", url: "https://play.kth.se/media/d", publish: "on" })).data.message).toBe(
      "Added “Rec”; it will show on the public page once the event is published and has ended.",
    );
  });

  it("refuses a link that is not http(s) with 400 and the url field's error, writing nothing", async () => {
    const event = await endedEvent("Hostile link");
    const before = await countsFor(event.id);
    const result = await post(event, { intent: "add", label: "Watch", url: "javascript:alert(1)", publish: "on" });
    expect(result.init?.status).toBe(400);
    expect(result.data.ok).toBe(false);
    expect(result.data.fieldErrors).toEqual({ url: ["The recording link must start with https:// or http://"] });
    expect(result.data.values).toMatchObject({ label: "Watch", url: "javascript:alert(1)" });

    const missing = await post(event, { intent: "add", label: "", url: "play.kth.se/no-scheme" });
    expect(missing.init?.status).toBe(400);
    expect(missing.data.fieldErrors?.label).toEqual(["Give the link a label, e.g. “Watch the recording”"]);
    expect(missing.data.fieldErrors?.url).toEqual(["Enter the full recording link, starting with https://"]);

    expect(await countsFor(event.id)).toEqual(before);
    expect((await publicPage(event)).recordings).toEqual([]);
  });
});
