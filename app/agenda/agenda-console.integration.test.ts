// The agenda builder's walk-through fixes: deleting a segment asks first (and
// works without JavaScript), and a speaker's "last change" reads in the
// organizer's own zone rather than as a UTC stamp.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createPerson } from "~db/factories";
import { agendaItems, agendaRoles, auditLog, eventOrganizers, type Event } from "~db/schema";
import { recordAudit } from "~/audit/audit-log.server";
import { action, loader } from "~/routes/admin.events.$eventId.agenda";
import { organizerPost, signedInOrganizer } from "../../test/support/organizer";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { testLoadContext } from "../../test/support/load-context";
import type { AgendaActionData } from "./agenda-action.server";

let database: TestDatabase;
let cookie: string;
let event: Event;
const context = () => testLoadContext(database.db);

async function post(fields: Record<string, string>) {
  const result = (await action({ request: organizerPost(`/admin/events/${event.id}/agenda`, cookie, fields), params: { eventId: event.id }, context: context() })) as unknown as {
    data: AgendaActionData;
    init: ResponseInit | null;
  };
  return { status: result.init?.status ?? 200, ...result.data };
}

const segments = async () => (await database.db.select({ id: agendaItems.id, title: agendaItems.title }).from(agendaItems).where(eq(agendaItems.eventId, event.id))).map((s) => s.title);

beforeAll(async () => {
  database = await createTestDatabase();
  const organizer = await signedInOrganizer(database.db);
  cookie = organizer.cookie;
  const speaker = await createPerson(database.db, { name: "Erik Jenelius" });
  event = await createEvent(database.db, {
    title: "Resilient cities",
    startsAt: new Date("2030-03-05T09:00:00Z"),
    endsAt: new Date("2030-03-05T10:30:00Z"),
    homeZone: "Europe/Stockholm",
    displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
    agenda: [
      { kind: "opening_remarks", title: "Welcome" },
      { kind: "talk", title: "Dense cities", roles: [{ person: speaker, role: "speaker" }] },
    ],
  });
  await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: organizer.user.id });
  await recordAudit(database.db, { actor: { userId: null, label: "Speaker: Erik Jenelius" }, eventId: event.id, action: "speaker.profile_updated", summary: "Erik Jenelius updated their biography", details: { personId: speaker.id } });
  await database.db.update(auditLog).set({ createdAt: new Date("2030-02-01T15:30:00Z") }).where(eq(auditLog.eventId, event.id));
});
afterAll(async () => {
  await database.destroy();
});

describe("deleting a segment", () => {
  it("asks first, naming the segment and its people, and deletes nothing until confirmed", async () => {
    const [, talk] = await database.db.select().from(agendaItems).where(eq(agendaItems.eventId, event.id)).orderBy(agendaItems.position);
    const asked = await post({ intent: "delete-ask", itemId: talk!.id });
    expect(asked).toMatchObject({ status: 200, confirmDelete: { id: talk!.id, title: "Dense cities", people: 1 } });
    // A bare "delete" (an old page, a replayed form) is only a question too.
    expect(await post({ intent: "delete", itemId: talk!.id })).toMatchObject({ confirmDelete: { title: "Dense cities" } });
    expect(await segments()).toEqual(["Welcome", "Dense cities"]);

    const deleted = await post({ intent: "delete", itemId: talk!.id, confirm: "yes" });
    expect(deleted).toMatchObject({ status: 200, ok: true, message: "Deleted “Dense cities”." });
    expect(await segments()).toEqual(["Welcome"]);
    expect(await database.db.select().from(agendaRoles).where(eq(agendaRoles.agendaItemId, talk!.id))).toEqual([]);
  });

  it("answers 404 when asked about a segment that is not on this event", async () => {
    expect(await post({ intent: "delete-ask", itemId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ status: 404, ok: false, message: "That segment no longer exists." });
  });
});

describe("a speaker's last change", () => {
  it("reads in the organizer's zone when the browser told us, else in the event's home zone", async () => {
    const page = async (zoneCookie?: string) =>
      loader({
        request: new Request(`http://podium.test/admin/events/${event.id}/agenda`, { headers: { Cookie: zoneCookie ? `${cookie}; podium-tz=${encodeURIComponent(zoneCookie)}` : cookie } }),
        params: { eventId: event.id },
        context: context(),
      });
    // Re-attach Erik so his change shows beside him.
    const [welcome] = await database.db.select().from(agendaItems).where(eq(agendaItems.eventId, event.id));
    const [erik] = (await database.db.select().from(auditLog).where(eq(auditLog.eventId, event.id))).filter((e) => e.action === "speaker.profile_updated");
    await database.db.insert(agendaRoles).values({ agendaItemId: welcome!.id, personId: erik!.details.personId as string, role: "host" });

    const inHongKong = (await page("Asia/Hong_Kong")).segments[0]!.people[0]!;
    expect(inHongKong.lastChange).toBe("Erik Jenelius updated their biography (Friday, 1 February 2030, 23:30 HKT)");
    const inHomeZone = (await page()).segments[0]!.people[0]!;
    expect(inHomeZone.lastChange).toBe("Erik Jenelius updated their biography (Friday, 1 February 2030, 16:30 CET)");
  });
});
