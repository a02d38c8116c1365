// The people directory across organizer boundaries (decision 015): names and
// affiliations are shared, but another organizer's speaker's email, the titles
// of their events, and the right to change that speaker stay with the events'
// organizers. Driven through the route loaders and actions as Remix calls them.
import fc from "fast-check";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createPerson } from "~db/factories";
import { agendaItems, agendaRoles, auditLog, eventOrganizers, people, speakerInvitations, type Event, type Person, type User } from "~db/schema";
import { action as editPersonAction, loader as editPersonLoader } from "~/routes/admin.people.$personId";
import { loader as peopleLoader } from "~/routes/admin.people._index";
import { action as translatePersonAction, loader as translatePersonLoader } from "~/routes/admin.people.$personId_.translations";
import { findPersonWithAccess } from "~/people/people-admin.server";
import { testLoadContext } from "./support/load-context";
import { organizerPost, signedInOrganizer } from "./support/organizer";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

let database: TestDatabase;
let owner: { user: User; cookie: string };
let other: { user: User; cookie: string };
let admin: { user: User; cookie: string };
let ownersDraft: Event;
let othersEvent: Event;
let speaker: Person;

const context = () => testLoadContext(database.db);
const get = (path: string, cookie: string) => new Request(`http://podium.test${path}`, { headers: { Cookie: cookie } });

async function ownedEvent(user: User, spec: { title: string; status?: "draft" | "published"; speakers?: Person[] }): Promise<Event> {
  const startsAt = new Date(Date.now() + 14 * 86_400_000);
  const event = await createEvent(database.db, {
    title: spec.title,
    status: spec.status ?? "draft",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    agenda: [{ kind: "talk", title: `${spec.title}: keynote`, roles: (spec.speakers ?? []).map((person) => ({ person, role: "speaker" as const })) }],
  });
  await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: user.id });
  return event;
}

async function outcomeOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    return await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function statusOf(result: unknown): number {
  if (result instanceof Response) return result.status;
  return (result as { init?: { status?: number } }).init?.status ?? 200;
}

const editFields = (person: Person, email: string) => ({ name: person.name, honorific: person.honorific, affiliation: person.affiliation, email });

beforeAll(async () => {
  database = await createTestDatabase();
  owner = await signedInOrganizer(database.db, { email: "owner@kth.se", name: "Owner" });
  other = await signedInOrganizer(database.db, { email: "other@hkust.edu.hk", name: "Other" });
  admin = await signedInOrganizer(database.db, { email: "admin@podium.test", name: "Admin", role: "admin" });
  speaker = await createPerson(database.db, { name: "Erik Jenelius", affiliation: "KTH", email: "erik.private@kth.se" });
  ownersDraft = await ownedEvent(owner.user, { title: "Embargoed: Owner's unannounced panel", speakers: [speaker] });
  othersEvent = await ownedEvent(other.user, { title: "Other's seminar", status: "published" });
});
afterAll(async () => {
  await database.destroy();
});

describe("the people directory across organizers", () => {
  it("shows another organizer a speaker's name, but neither their email nor the draft they are on", async () => {
    const page = await editPersonLoader({ request: get(`/admin/people/${speaker.id}`, other.cookie), params: { personId: speaker.id }, context: context() });
    const everything = JSON.stringify(page);
    expect(page.displayName).toBe("Erik Jenelius");
    expect(everything).not.toContain("erik.private@kth.se");
    expect(everything).not.toContain("Embargoed");
    expect(everything).not.toContain(ownersDraft.id);
    expect(page).toMatchObject({ canEdit: false, canSeeContact: false, elsewhere: 1, appearances: [] });
  });

  it("does not let a search by email confirm another organizer's speaker's address", async () => {
    const byEmail = await peopleLoader({ request: get("/admin/people?q=erik.private", other.cookie), params: {}, context: context() });
    expect(byEmail.people).toEqual([]);
    const byName = await peopleLoader({ request: get("/admin/people?q=jenelius", other.cookie), params: {}, context: context() });
    expect(byName.people.map((p) => p.displayName)).toEqual(["Erik Jenelius"]);
    const ownersSearch = await peopleLoader({ request: get("/admin/people?q=erik.private", owner.cookie), params: {}, context: context() });
    expect(ownersSearch.people.map((p) => p.displayName)).toEqual(["Erik Jenelius"]);
  });

  it("refuses another organizer's change of the speaker's email with 403 and writes nothing", async () => {
    const auditBefore = (await database.db.select().from(auditLog)).length;
    const result = await outcomeOf(
      editPersonAction({
        request: organizerPost(`/admin/people/${speaker.id}`, other.cookie, editFields(speaker, "mallory@evil.example")),
        params: { personId: speaker.id },
        context: context(),
      }),
    );
    expect(statusOf(result)).toBe(403);
    expect(JSON.stringify(result)).toContain("other organizers manage");
    const [after] = await database.db.select().from(people).where(eq(people.id, speaker.id));
    expect(after).toEqual(speaker);
    expect((await database.db.select().from(auditLog)).length).toBe(auditBefore);
  });

  it("still lets the event's own organizer read and change the speaker", async () => {
    const page = await editPersonLoader({ request: get(`/admin/people/${speaker.id}`, owner.cookie), params: { personId: speaker.id }, context: context() });
    expect(page).toMatchObject({ canEdit: true, canSeeContact: true, elsewhere: 0 });
    expect(page.defaultValue.email).toBe("erik.private@kth.se");
    expect(page.appearances.map((a) => a.eventTitle)).toEqual(["Embargoed: Owner's unannounced panel"]);
    const saved = await outcomeOf(
      editPersonAction({ request: organizerPost(`/admin/people/${speaker.id}`, owner.cookie, editFields(speaker, "erik@kth.se")), params: { personId: speaker.id }, context: context() }),
    );
    expect(statusOf(saved)).toBe(302);
    const [after] = await database.db.select().from(people).where(eq(people.id, speaker.id));
    expect(after!.email).toBe("erik@kth.se");
  });

  it("needs an organizer of every event a person is on, or an admin, once two organizers share them", async () => {
    const shared = await createPerson(database.db, { name: "Wei Chen", affiliation: "HKUST", email: "wei@hkust.edu.hk" });
    await ownedEvent(owner.user, { title: "Owner's second panel", speakers: [shared] });
    await ownedEvent(other.user, { title: "Other's roundtable", speakers: [shared] });
    for (const who of [owner, other]) {
      const page = await editPersonLoader({ request: get(`/admin/people/${shared.id}`, who.cookie), params: { personId: shared.id }, context: context() });
      // Each sees the contact through their own event, and only their own event's title.
      expect(page).toMatchObject({ canEdit: false, canSeeContact: true, elsewhere: 1 });
      expect(page.appearances).toHaveLength(1);
      const refused = await outcomeOf(
        editPersonAction({ request: organizerPost(`/admin/people/${shared.id}`, who.cookie, editFields(shared, "changed@example.org")), params: { personId: shared.id }, context: context() }),
      );
      expect(statusOf(refused)).toBe(403);
    }
    const byAdmin = await outcomeOf(
      editPersonAction({ request: organizerPost(`/admin/people/${shared.id}`, admin.cookie, editFields(shared, "wei.chen@hkust.edu.hk")), params: { personId: shared.id }, context: context() }),
    );
    expect(statusOf(byAdmin)).toBe(302);
    const [after] = await database.db.select().from(people).where(eq(people.id, shared.id));
    expect(after!.email).toBe("wei.chen@hkust.edu.hk");
  });

  it("keeps another organizer off a speaker's translations, and lets the event's organizer write them", async () => {
    const path = `/admin/people/${speaker.id}/translations`;
    const swedishPosition = (position: string): [string, string][] => [
      ["locale", "sv"],
      ["entries[0].target", `person:${speaker.id}`],
      ["entries[0].field", "position"],
      ["entries[0].text", position],
    ];
    const page = await translatePersonLoader({ request: get(path, other.cookie), params: { personId: speaker.id }, context: context() });
    expect(page.refusal).toMatch(/other organizers manage/);
    expect(JSON.stringify(page)).not.toContain("erik.private@kth.se");

    const before = (await database.db.select().from(people).where(eq(people.id, speaker.id)))[0]!;
    const refused = await outcomeOf(
      translatePersonAction({ request: organizerPost(path, other.cookie, swedishPosition("Inbrytare")), params: { personId: speaker.id }, context: context() }),
    );
    expect(statusOf(refused)).toBe(403);
    expect((await database.db.select().from(people).where(eq(people.id, speaker.id)))[0]!.translations).toEqual(before.translations);

    const saved = await outcomeOf(
      translatePersonAction({ request: organizerPost(path, owner.cookie, swedishPosition("Docent i transportvetenskap")), params: { personId: speaker.id }, context: context() }),
    );
    expect(statusOf(saved)).toBe(302);
    const after = (await database.db.select().from(people).where(eq(people.id, speaker.id)))[0]!;
    expect(JSON.stringify(after.translations)).toContain("Docent i transportvetenskap");
  });

  it("counts a speaker invitation as a tie to the event even after the person left its agenda", async () => {
    const invited = await createPerson(database.db, { name: "Invited Once", email: "invited@kth.se" });
    await database.db.insert(speakerInvitations).values({ eventId: ownersDraft.id, personId: invited.id, tokenHash: `hash-${invited.id}` });
    const found = await findPersonWithAccess(database.db, other.user, invited.id);
    expect(found).toMatchObject({ canEdit: false, canSeeContact: false });
    expect(found!.person.email).toBeNull();
  });

  it("follows the rule for every way a person can be spread over events (property)", async () => {
    // Each run places a fresh person on a random subset of: the owner's draft, the
    // other organizer's event, and an event nobody owns (admins manage it).
    const unowned = await createEvent(database.db, { title: "Unowned demo event", startsAt: new Date("2030-01-01T10:00:00Z"), endsAt: new Date("2030-01-01T11:00:00Z") });
    const places = { owner: ownersDraft, other: othersEvent, unowned };
    await fc.assert(
      fc.asyncProperty(fc.subarray(["owner", "other", "unowned"] as const), fc.boolean(), async (on, byInvitation) => {
        const person = await createPerson(database.db, { name: `Someone ${Math.random().toString(36).slice(2, 8)}`, email: "someone@example.org" });
        for (const key of on) {
          if (byInvitation) {
            await database.db.insert(speakerInvitations).values({ eventId: places[key].id, personId: person.id, tokenHash: `hash-${person.id}-${key}` });
          } else {
            const [item] = await database.db.insert(agendaItems).values({ eventId: places[key].id, position: 99, kind: "talk", title: "Extra" }).returning();
            await database.db.insert(agendaRoles).values({ agendaItemId: item!.id, personId: person.id, role: "speaker" });
          }
        }
        const asOther = await findPersonWithAccess(database.db, other.user, person.id);
        const asAdmin = await findPersonWithAccess(database.db, admin.user, person.id);
        expect(asOther!.canSeeContact).toBe(on.length === 0 || on.includes("other"));
        expect(asOther!.canEdit).toBe(on.every((key) => key === "other"));
        expect(asOther!.person.email).toBe(asOther!.canSeeContact ? "someone@example.org" : null);
        expect(asAdmin).toMatchObject({ canSeeContact: true, canEdit: true });
      }),
      { numRuns: 25 },
    );
  });
});
