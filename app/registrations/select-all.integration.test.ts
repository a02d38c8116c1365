// "Select all" in the registrations screen's bulk actions, without JavaScript:
// the "…all" buttons decide every pending registration matching the filter on
// screen (and nothing outside it), through the same decision function as a tick.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { eventOrganizers, registrations, type Event } from "~db/schema";
import { action, loader } from "~/routes/admin.events.$eventId.registrations";
import { organizerPost, signedInOrganizer } from "../../test/support/organizer";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { testLoadContext } from "../../test/support/load-context";
import { registerAttendee } from "./register.server";
import type { RegistrationsActionData } from "./registrations-admin-action.server";

let database: TestDatabase;
let cookie: string;
let event: Event;
let otherEvent: Event;
const context = () => testLoadContext(database.db);

async function register(target: Event, name: string, email: string) {
  const outcome = await registerAttendee(database.db, { eventId: target.id, input: { name, email, affiliation: "", timeZone: "UTC", answers: {} }, now: new Date(), links: context().links });
  if (outcome.kind !== "registered") throw new Error(outcome.kind);
  return outcome.registration;
}

async function submit(target: Event, fields: Record<string, string>) {
  const result = (await action({ request: organizerPost(`/admin/events/${target.id}/registrations`, cookie, fields), params: { eventId: target.id }, context: context() })) as unknown as {
    data: RegistrationsActionData;
    init: ResponseInit | null;
  };
  return { status: result.init?.status ?? 200, ...result.data };
}

const statusOf = async (email: string) => (await database.db.select({ status: registrations.status }).from(registrations).where(eq(registrations.email, email)))[0]!.status;

beforeAll(async () => {
  database = await createTestDatabase();
  const organizer = await signedInOrganizer(database.db);
  cookie = organizer.cookie;
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  for (const title of ["Approval webinar", "Someone else's webinar"]) {
    const created = await createEvent(database.db, { title, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), requiresApproval: true });
    await database.db.insert(eventOrganizers).values({ eventId: created.id, userId: organizer.user.id });
    if (title === "Approval webinar") event = created;
    else otherEvent = created;
  }
  await register(event, "Ada KTH", "ada@kth.se");
  await register(event, "Bo KTH", "bo@kth.se");
  await register(event, "Grace HKUST", "grace@hkust.edu.hk");
  await register(otherEvent, "Other KTH", "other@kth.se");
});
afterAll(async () => {
  await database.destroy();
});

describe("select all, without JavaScript", () => {
  it("approves every pending registration matching the search, and only those", async () => {
    const result = await submit(event, { intent: "bulk-approve-all", q: "kth.se", status: "" });
    expect(result).toMatchObject({ status: 200, ok: true, message: "Approved 2 registrations." });
    expect([await statusOf("ada@kth.se"), await statusOf("bo@kth.se"), await statusOf("grace@hkust.edu.hk"), await statusOf("other@kth.se")]).toEqual(["confirmed", "confirmed", "pending", "pending"]);
  });

  it("declines all pending under the pending filter, and says when nothing matches", async () => {
    const result = await submit(event, { intent: "bulk-decline-all", q: "", status: "pending" });
    expect(result).toMatchObject({ ok: true, message: "Declined 1 registration." });
    expect(await statusOf("grace@hkust.edu.hk")).toBe("declined");
    const none = await submit(event, { intent: "bulk-approve-all", q: "", status: "confirmed" });
    expect(none).toMatchObject({ status: 400, ok: false, message: "No pending registration matches this filter." });
  });

  it("shows the count the buttons act on", async () => {
    await register(event, "Late KTH", "late@kth.se");
    const page = await loader({ request: new Request(`http://podium.test/admin/events/${event.id}/registrations?q=kth`, { headers: { Cookie: cookie } }), params: { eventId: event.id }, context: context() });
    expect(page.rows.filter((r) => r.status === "pending").map((r) => r.email)).toEqual(["late@kth.se"]);
  });
});
