// The speaker portal end to end, through its routes: an organizer invites a
// person from the agenda builder, the speaker opens the link from the email
// (the token is read from the outbox, as a speaker clicks it), answers, edits
// their profile and talk, and the organizers get one summary email. Every
// refusal is what a speaker would see: the status and the message.
import { createHash } from "node:crypto";
import { and, asc, count, eq, like } from "drizzle-orm";
import ical from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createPerson, type AgendaItemSpec } from "~db/factories";
import { agendaItems, auditLog, emailOutbox, eventOrganizers, events, people, speakerInvitations, type Event, type Person, type User } from "~db/schema";
import { createUser } from "~/auth/users.server";
import { renderEmail, type EmailMessage } from "~emails/render";
import type { AgendaActionData } from "~/agenda/agenda-action.server";
import { registerAttendee } from "~/registrations/register.server";
import { action as agendaAction, loader as agendaLoader } from "~/routes/admin.events.$eventId.agenda";
import { loader as eventPageLoader } from "~/routes/events.$slug";
import { loader as speakerCalendarLoader } from "~/routes/speak.$token.calendar[.]ics";
import { action as portalAction, loader as portalLoader } from "~/routes/speak.$token";
import { loader as speakerPageLoader } from "~/routes/speakers.$slug";
import { deriveToken } from "~/security/link-tokens.server";
import { organizerPost, signedInOrganizer } from "../../test/support/organizer";
import { requestFor, TEST_LINK_SECRET, testLoadContext } from "../../test/support/load-context";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { queueSpeakerChangeDigests } from "./speaker-digest.server";

let database: TestDatabase;
let owner: User;
let ownerCookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ user: owner, cookie: ownerCookie } = await signedInOrganizer(database.db, { email: "chair@kth.se", name: "Chair" }));
});
afterAll(async () => {
  await database.destroy();
});

const context = () => testLoadContext(database.db);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Every test speaks from its own address, so one test's misses never spend another's budget.
let addressCounter = 0;
const freshAddress = () => `203.0.113.${++addressCounter}`;

// ── Organizer side ───────────────────────────────────────────────────────────

/** 03:00–06:00 UTC on Thursday 14 November 2030: 04:00 CET in Stockholm, 11:00 HKT, and still Wednesday evening in New York. */
const EVENT_START = new Date("2030-11-14T03:00:00Z");
const EVENT_END = new Date("2030-11-14T06:00:00Z");

async function ownedEvent(
  title: string,
  { agenda = [], startsAt = EVENT_START, endsAt = EVENT_END, status = "published" }: { agenda?: AgendaItemSpec[]; startsAt?: Date; endsAt?: Date; status?: "published" | "draft" } = {},
): Promise<Event> {
  const event = await createEvent(database.db, {
    title,
    startsAt,
    endsAt,
    homeZone: "Europe/Stockholm",
    displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
    status,
    agenda,
  });
  await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: owner.id });
  return event;
}

type AgendaResult = { data: AgendaActionData; init: ResponseInit | null };

async function agendaPost(event: Event, fields: Record<string, string>, cookie = ownerCookie): Promise<AgendaResult> {
  const request = organizerPost(`/admin/events/${event.id}/agenda`, cookie, fields);
  return (await agendaAction({ request, params: { eventId: event.id }, context: context() })) as unknown as AgendaResult;
}

async function agendaPage(event: Event) {
  const request = new Request(`http://podium.test/admin/events/${event.id}/agenda`, { headers: { Cookie: ownerCookie } });
  return agendaLoader({ request, params: { eventId: event.id }, context: context() });
}

async function stateInBuilder(event: Event, person: Person): Promise<string[]> {
  const page = await agendaPage(event);
  return page.segments.flatMap((s) => s.people.filter((p) => p.personId === person.id).map((p) => p.invitationState));
}

async function invitationEmails(email: string) {
  return database.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toEmail, email), eq(emailOutbox.template, "speaker-invitation")))
    .orderBy(asc(emailOutbox.createdAt));
}

/** The token in the link of the newest invitation email, as the speaker clicks it. */
async function tokenFromLatestEmail(email: string): Promise<string> {
  const emails = await invitationEmails(email);
  const url = new URL(String(emails.at(-1)!.props.portalUrl));
  expect(url.origin).toBe("http://podium.test");
  const [, prefix, token] = url.pathname.split("/");
  expect(prefix).toBe("speak");
  return token!;
}

async function invite(event: Event, person: Person): Promise<string> {
  const result = await agendaPost(event, { intent: "invite", personId: person.id });
  expect(result.data.ok, result.data.message).toBe(true);
  return tokenFromLatestEmail(person.email!);
}

// ── Speaker side ─────────────────────────────────────────────────────────────

function speakerRequest(path: string, address: string, fields?: Record<string, string>): Request {
  if (!fields) return new Request(`http://podium.test${path}`, { headers: { "X-Forwarded-For": address } });
  return new Request(`http://podium.test${path}`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test", "X-Forwarded-For": address },
  });
}

async function openPortal(token: string, address: string) {
  return portalLoader({ request: speakerRequest(`/speak/${token}`, address), params: { token }, context: context() });
}

type PortalResult = { data: { form: string; ok: boolean; message: string }; init: ResponseInit | null };

async function speakerPost(token: string, address: string, fields: Record<string, string>): Promise<PortalResult> {
  return (await portalAction({ request: speakerRequest(`/speak/${token}`, address, fields), params: { token }, context: context() })) as unknown as PortalResult;
}

/** The Response a route threw: what the speaker's browser shows instead of the page. */
async function refusal(promise: Promise<unknown>): Promise<{ status: number; text: string; headers: Headers }> {
  let answered: unknown;
  try {
    answered = await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, text: await thrown.text(), headers: thrown.headers };
    throw thrown;
  }
  throw new Error(`expected a refusal, but the route answered: ${JSON.stringify(answered).slice(0, 300)}`);
}

function profileFields(person: Person, changes: Partial<Record<"honorific" | "name" | "position" | "affiliation" | "bio" | "photoUrl" | "homeZone", string>> = {}) {
  return {
    intent: "profile",
    honorific: person.honorific,
    name: person.name,
    position: person.position,
    affiliation: person.affiliation,
    bio: person.bio,
    photoUrl: person.photoUrl ?? "",
    homeZone: person.homeZone ?? "",
    ...changes,
  };
}

// ── Database reads for "nothing was written" ─────────────────────────────────

async function counts(eventId: string) {
  const n = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;
  return {
    invitations: await n(database.db.select({ n: count() }).from(speakerInvitations).where(eq(speakerInvitations.eventId, eventId))),
    emails: await n(database.db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.eventId, eventId))),
    audit: await n(database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.eventId, eventId))),
  };
}

async function itemsOf(eventId: string) {
  return database.db.select().from(agendaItems).where(eq(agendaItems.eventId, eventId)).orderBy(asc(agendaItems.position));
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

// ─────────────────────────────────────────────────────────────────────────────

describe("inviting a speaker from the agenda builder", () => {
  it("mails the person a link with their segment, role and time in their own zone and the event's, and marks them invited", async () => {
    const ada = await createPerson(database.db, { name: "Ada Invitee", email: "ada.invitee@mit.edu", homeZone: "America/New_York" });
    const event = await ownedEvent("Invitations 1", {
      agenda: [{ kind: "talk", title: "Topological qubits", startsAt: new Date("2030-11-14T03:00:00Z"), endsAt: new Date("2030-11-14T03:45:00Z"), roles: [{ person: ada, role: "speaker" }] }],
    });
    expect(await stateInBuilder(event, ada)).toEqual(["not-invited"]);

    const result = await agendaPost(event, { intent: "invite", personId: ada.id });
    expect(result.data).toMatchObject({ ok: true, message: "Invited Ada Invitee; the email is on its way." });

    const [email, ...more] = await invitationEmails("ada.invitee@mit.edu");
    expect(more).toEqual([]);
    expect(email!.toName).toBe("Ada Invitee");
    expect(email!.eventId).toBe(event.id);
    expect(email!.status).toBe("queued");
    const props = email!.props as { segments: { title: string; role: string; when: string }[]; event: { title: string }; portalUrl: string };
    expect(props.event.title).toBe("Invitations 1");
    // 03:00 UTC is 04:00 in Stockholm and 11:00 in Hong Kong on the 14th, but 22:00 on the 13th in New York.
    expect(props.segments).toEqual([
      { title: "Topological qubits", role: "Speaker", when: "Wednesday, 13 November 2030: 04:00 – 04:45 CET · 11:00 – 11:45 HKT (your time: 22:00 – 22:45 EST)" },
    ]);
    expect(props.portalUrl).toMatch(/^http:\/\/podium\.test\/speak\/[A-Za-z0-9_-]{43}$/);

    expect(await stateInBuilder(event, ada)).toEqual(["invited"]);
    const person = (await agendaPage(event)).segments[0]!.people[0]!;
    expect(person.invitation).toBe("invited");
  });

  it("writes the invitation in the event's language, then in the one the speaker chooses on their page", async () => {
    const lina = await createPerson(database.db, { name: "Lina Språk", email: "lina@kth.se", homeZone: "Europe/Stockholm" });
    const event = await ownedEvent("Languages 1", {
      agenda: [{ kind: "panel", title: "Framtidens städer", startsAt: EVENT_START, endsAt: EVENT_END, roles: [{ person: lina, role: "moderator" }] }],
    });
    await database.db.update(events).set({ defaultLocale: "sv" }).where(eq(events.id, event.id));
    const token = await invite(event, lina);
    const [first] = await invitationEmails("lina@kth.se");
    const swedish = await renderEmail({ template: "speaker-invitation", props: first!.props } as unknown as EmailMessage);
    expect(swedish.subject).toBe("Inbjudan att tala: Languages 1");
    expect(swedish.text).toContain("Moderator: Framtidens städer");
    expect(swedish.text).toContain("torsdag 14 november 2030");
    expect(swedish.html).toContain('lang="sv"');

    // The speaker reads Chinese better: the next invitation (a re-send) is written in it.
    const chosen = await speakerPost(token, freshAddress(), { intent: "language", emailLocale: "zh-Hant" });
    expect(chosen.data).toMatchObject({ ok: true, message: "Saved. Email language: Traditional Chinese." });
    expect((await openPortal(token, freshAddress())).emailLocale).toBe("zh-Hant");
    await agendaPost(event, { intent: "invite", personId: lina.id });
    const chinese = await renderEmail({ template: "speaker-invitation", props: (await invitationEmails("lina@kth.se")).at(-1)!.props } as unknown as EmailMessage);
    expect(chinese.subject).toBe("講者邀請：Languages 1");
    expect(chinese.text).toContain("2030年11月14日");
    expect(chinese.text).not.toMatch(/Dear|programme|your time/);

    // A language Podium does not publish in is refused, and nothing changes.
    const refused = await speakerPost(token, freshAddress(), { intent: "language", emailLocale: "fr" });
    expect(refused.init?.status).toBe(400);
    expect((await openPortal(token, freshAddress())).emailLocale).toBe("zh-Hant");
  });

  it("explains that a person without an email address cannot be invited, and writes nothing", async () => {
    const noEmail = await createPerson(database.db, { name: "Nils Noemail" });
    const event = await ownedEvent("Invitations 2", { agenda: [{ kind: "talk", title: "A talk", roles: [{ person: noEmail, role: "speaker" }] }] });
    const before = await counts(event.id);

    const result = await agendaPost(event, { intent: "invite", personId: noEmail.id });
    expect(result.data).toMatchObject({ ok: false, message: "Nils Noemail has no email address: add one in the people directory first." });
    expect(result.init?.status).toBe(409);
    expect(await counts(event.id)).toEqual(before);
    expect(await stateInBuilder(event, noEmail)).toEqual(["not-invited"]);
  });

  it("refuses to invite a person who is not on this event's agenda", async () => {
    const onAgenda = await createPerson(database.db, { name: "Olga Onagenda", email: "olga@kth.se" });
    const elsewhere = await createPerson(database.db, { name: "Eve Elsewhere", email: "eve.elsewhere@kth.se" });
    const event = await ownedEvent("Invitations 3", { agenda: [{ kind: "talk", title: "A talk", roles: [{ person: onAgenda, role: "speaker" }] }] });
    // On another event's agenda, which does not make her part of this one.
    await ownedEvent("Invitations 3b", { agenda: [{ kind: "talk", title: "Her talk", roles: [{ person: elsewhere, role: "speaker" }] }] });
    const before = await counts(event.id);

    const result = await agendaPost(event, { intent: "invite", personId: elsewhere.id });
    expect(result.data).toMatchObject({ ok: false, message: "Eve Elsewhere is not on this event's agenda." });
    expect(result.init?.status).toBe(409);
    expect(await counts(event.id)).toEqual(before);
    expect(await invitationEmails("eve.elsewhere@kth.se")).toEqual([]);
  });
});

describe("the speaker link", () => {
  it("is 256 bits in base64url, stored only as its SHA-256, and re-sending mails the same link", async () => {
    const bo = await createPerson(database.db, { name: "Bo Token", email: "bo.token@kth.se" });
    const event = await ownedEvent("Tokens 1", { agenda: [{ kind: "talk", title: "A talk", roles: [{ person: bo, role: "speaker" }] }] });
    const token = await invite(event, bo);

    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const [stored] = await database.db.select().from(speakerInvitations).where(eq(speakerInvitations.eventId, event.id));
    expect(stored!.tokenHash).toBe(sha256Hex(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    // A hex digest, not some encoding of the token that could be turned back into it.
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    const resent = await agendaPost(event, { intent: "invite", personId: bo.id });
    expect(resent.data).toMatchObject({ ok: true, message: "Re-sent the invitation to Bo Token; the email is on its way." });
    const emails = await invitationEmails("bo.token@kth.se");
    expect(emails).toHaveLength(2);
    expect(emails[1]!.props.portalUrl).toBe(emails[0]!.props.portalUrl);

    const page = await openPortal(token, freshAddress());
    expect(page.person.displayName).toBe("Bo Token");
  });

  it("stops working when revoked (410, no data), and inviting again mails a new link while the old one stays dead", async () => {
    const cy = await createPerson(database.db, { name: "Cy Revoked", email: "cy.revoked@kth.se", bio: "Private until published." });
    const event = await ownedEvent("Tokens 2", { agenda: [{ kind: "talk", title: "Secret talk title", roles: [{ person: cy, role: "speaker" }] }] });
    const address = freshAddress();
    const oldToken = await invite(event, cy);
    expect((await openPortal(oldToken, address)).event.title).toBe("Tokens 2");

    const revoked = await agendaPost(event, { intent: "revoke", personId: cy.id });
    expect(revoked.data).toMatchObject({ ok: true, message: "Cy Revoked's link no longer works." });
    expect(await stateInBuilder(event, cy)).toEqual(["revoked"]);

    const gone = await refusal(openPortal(oldToken, address));
    expect(gone.status).toBe(410);
    expect(gone.text).toBe("This speaker link has been withdrawn by the organizers. If you still need it, please ask them to send you a new one.");
    for (const secret of ["Tokens 2", "Secret talk title", "Cy Revoked", "cy.revoked@kth.se", "Private until published."]) expect(gone.text).not.toContain(secret);

    // A revoked link cannot change anything either.
    const itemsBefore = await itemsOf(event.id);
    const countsBefore = await counts(event.id);
    const blocked = await refusal(speakerPost(oldToken, address, { intent: "talk", itemId: itemsBefore[0]!.id, title: "Changed after revocation", abstract: "", materialsUrl: "" }));
    expect(blocked.status).toBe(410);
    expect(await itemsOf(event.id)).toEqual(itemsBefore);
    expect(await counts(event.id)).toEqual(countsBefore);
    expect((await refusal(speakerCalendarLoader({ request: speakerRequest(`/speak/${oldToken}/calendar.ics`, address), params: { token: oldToken }, context: context() }))).status).toBe(410);

    const again = await agendaPost(event, { intent: "invite", personId: cy.id });
    expect(again.data).toMatchObject({ ok: true, message: "Invited again, with a new link, Cy Revoked; the email is on its way." });
    expect(await stateInBuilder(event, cy)).toEqual(["invited"]);
    const newToken = await tokenFromLatestEmail("cy.revoked@kth.se");
    expect(newToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken).not.toBe(oldToken);

    expect((await openPortal(newToken, address)).person.displayName).toBe("Cy Revoked");
    const dead = await refusal(openPortal(oldToken, address));
    expect(dead.status).toBe(404);
    expect(dead.text).toBe("This speaker link is not valid. It may have been replaced by a newer invitation.");
  });
});

describe("what the portal shows", () => {
  it("loads only this speaker's sessions, co-speakers' public fields and their published schedule", async () => {
    const dana = await createPerson(database.db, { name: "Dana Visible", email: "dana.private@kth.se", homeZone: "Asia/Hong_Kong", affiliation: "KTH" });
    const coSpeaker = await createPerson(database.db, { honorific: "Prof.", name: "Cora Cospeaker", email: "cora.private@hkust.edu.hk", affiliation: "HKUST" });
    const stranger = await createPerson(database.db, { name: "Stan Stranger", email: "stan.private@ox.ac.uk", affiliation: "Oxford" });
    const event = await ownedEvent("Portal data", {
      agenda: [
        { kind: "talk", title: "Dana's panel", startsAt: new Date("2030-11-14T03:00:00Z"), endsAt: new Date("2030-11-14T04:00:00Z"), roles: [{ person: dana, role: "panelist" }, { person: coSpeaker, role: "moderator" }] },
        { kind: "talk", title: "Stan's unrelated talk", roles: [{ person: stranger, role: "speaker" }] },
      ],
    });
    await ownedEvent("Dana elsewhere (published)", {
      startsAt: new Date("2030-12-01T09:00:00Z"),
      endsAt: new Date("2030-12-01T10:00:00Z"),
      agenda: [
        { kind: "talk", title: "Dana's December talk", roles: [{ person: dana, role: "speaker" }] },
        { kind: "talk", title: "Stan's December talk", roles: [{ person: stranger, role: "speaker" }] },
      ],
    });
    await ownedEvent("Stan only (published)", { agenda: [{ kind: "talk", title: "Stan's solo talk", roles: [{ person: stranger, role: "speaker" }] }] });
    await ownedEvent("Dana draft, not invited", { status: "draft", agenda: [{ kind: "talk", title: "Dana's draft talk", roles: [{ person: dana, role: "speaker" }] }] });
    const registered = await registerAttendee(database.db, {
      eventId: event.id,
      input: { name: "Rita Registrant", email: "rita.registrant@kth.se", affiliation: "", timeZone: "Europe/Stockholm", answers: {} },
      now: new Date(),
      links: context().links,
    });
    expect(registered.kind).toBe("registered");

    const token = await invite(event, dana);
    const page = await openPortal(token, freshAddress());
    const json = JSON.stringify(page);

    expect(page.person.displayName).toBe("Dana Visible");
    expect(page.person.zone).toBe("Asia/Hong_Kong");
    expect(page.sessions.map((s) => s.title)).toEqual(["Dana's panel"]);
    expect(page.sessions[0]!.roles).toEqual(["Panelist"]);
    expect(page.sessions[0]!.withWhom.map((w) => w.text)).toEqual(["Moderator: Prof. Cora Cospeaker, HKUST"]);
    // Her own zone is Hong Kong: 03:00 UTC is 11:00 there.
    expect(page.sessions[0]!.yours).toBe("Thursday, 14 November 2030, 11:00 – 12:00 HKT");

    expect(page.schedule.map((s) => [s.eventTitle, s.segmentTitle, s.role])).toEqual([
      ["Portal data", "Dana's panel", "Panelist"],
      ["Dana elsewhere (published)", "Dana's December talk", "Speaker"],
    ]);

    for (const leak of ["cora.private@hkust.edu.hk", "stan.private@ox.ac.uk", "Stan Stranger", "Stan's", "rita.registrant@kth.se", "Rita Registrant", "Dana's draft talk", "Dana draft, not invited"]) {
      expect(json, `the portal must not carry ${leak}`).not.toContain(leak);
    }
    // Not even her own private email is echoed back into the page.
    expect(json).not.toContain("dana.private@kth.se");
  });
});

describe("what the speaker changes", () => {
  it("confirms, renames the talk and rewrites the bio: the builder, the public event page and the speaker page show it at once", async () => {
    const eli = await createPerson(database.db, { name: "Eli Editor", email: "eli.editor@kth.se", bio: "Old bio.", affiliation: "KTH", homeZone: "Europe/Stockholm" });
    const event = await ownedEvent("Speaker edits", { agenda: [{ kind: "talk", title: "Working title", roles: [{ person: eli, role: "speaker" }] }] });
    const token = await invite(event, eli);
    const address = freshAddress();
    const [item] = await itemsOf(event.id);

    const confirmed = await speakerPost(token, address, { intent: "respond", response: "confirmed" });
    expect(confirmed.data).toMatchObject({ ok: true, message: "Thank you: you have confirmed." });
    expect(await stateInBuilder(event, eli)).toEqual(["confirmed"]);
    expect((await openPortal(token, address)).response).toBe("confirmed");

    const talk = await speakerPost(token, address, { intent: "talk", itemId: item!.id, title: "Quantum error correction at scale", abstract: "Surface codes in practice.", materialsUrl: "https://slides.example.org/qec" });
    expect(talk.data).toMatchObject({ ok: true, message: "Saved; the public event page shows it now." });
    const eventPage = await eventPageLoader({ request: requestFor(`/events/${event.slug}`), params: { slug: event.slug }, context: context() });
    expect(eventPage.agenda.map((a) => a.title)).toEqual(["Quantum error correction at scale"]);

    const profile = await speakerPost(token, address, profileFields(eli, { bio: "Eli works on fault-tolerant quantum computing." }));
    expect(profile.data).toMatchObject({ ok: true, message: "Your profile is saved; the public pages show it now." });
    const speakerPage = await speakerPageLoader({ request: requestFor(`/speakers/${eli.slug}`), params: { slug: eli.slug }, context: context() });
    expect(speakerPage.person.bio).toBe("Eli works on fault-tolerant quantum computing.");
    expect(speakerPage.sessions.map((s) => s.title)).toEqual(["Quantum error correction at scale"]);

    const entries = await database.db
      .select({ actor: auditLog.actorLabel, action: auditLog.action, summary: auditLog.summary, actorUserId: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.eventId, event.id), like(auditLog.action, "speaker.%")))
      .orderBy(asc(auditLog.createdAt));
    expect(entries).toEqual([
      { actor: "Speaker: Eli Editor", action: "speaker.confirmed", summary: "Eli Editor confirmed taking part", actorUserId: null },
      { actor: "Speaker: Eli Editor", action: "speaker.talk_updated", summary: "Eli Editor changed the title “Working title” → “Quantum error correction at scale”, abstract, slides link", actorUserId: null },
      { actor: "Speaker: Eli Editor", action: "speaker.profile_updated", summary: "Eli Editor updated their biography", actorUserId: null },
    ]);
    const builderPerson = (await agendaPage(event)).segments[0]!.people[0]!;
    // In the organizer's zone (here the event's home zone: no browser zone is known), as a person reads it.
    expect(builderPerson.lastChange).toMatch(/^Eli Editor updated their biography \([A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d CES?T\)$/);
  });

  it("freezes talk details inside the cut-off (409, nothing written) but still saves the profile", async () => {
    const fay = await createPerson(database.db, { name: "Fay Frozen", email: "fay.frozen@kth.se", bio: "Before." });
    const startsAt = new Date(Date.now() + 2 * HOUR);
    const event = await ownedEvent("Frozen soon", { startsAt, endsAt: new Date(startsAt.getTime() + HOUR), agenda: [{ kind: "talk", title: "Final title", abstract: "Final abstract", roles: [{ person: fay, role: "speaker" }] }] });
    expect(event.speakerEditCutoffMinutes).toBe(24 * 60);
    const token = await invite(event, fay);
    const address = freshAddress();

    const page = await openPortal(token, address);
    expect(page.frozen).toBe(true);

    const itemsBefore = await itemsOf(event.id);
    const countsBefore = await counts(event.id);
    const refused = await speakerPost(token, address, { intent: "talk", itemId: itemsBefore[0]!.id, title: "A last-minute title", abstract: "", materialsUrl: "" });
    expect(refused.init?.status).toBe(409);
    expect(refused.data.ok).toBe(false);
    expect(refused.data.message).toContain("organizers");
    expect(await itemsOf(event.id)).toEqual(itemsBefore);
    expect(await counts(event.id)).toEqual(countsBefore);

    const profile = await speakerPost(token, address, profileFields(fay, { bio: "After." }));
    expect(profile.data).toMatchObject({ ok: true });
    expect(profile.init?.status ?? 200).toBe(200);
    const [saved] = await database.db.select({ bio: people.bio }).from(people).where(eq(people.id, fay.id));
    expect(saved!.bio).toBe("After.");
    expect((await openPortal(token, address)).person.profile.bio).toBe("After.");
  });

  it("refuses a talk change for a session that is not the speaker's (404), writing nothing", async () => {
    const gus = await createPerson(database.db, { name: "Gus Guarded", email: "gus.guarded@kth.se" });
    const other = await createPerson(database.db, { name: "Hal Holder", email: "hal.holder@kth.se" });
    const event = await ownedEvent("Ownership 1", {
      agenda: [
        { kind: "talk", title: "Gus's talk", roles: [{ person: gus, role: "speaker" }] },
        { kind: "talk", title: "Hal's talk", roles: [{ person: other, role: "speaker" }] },
      ],
    });
    // Gus speaks at another event too: his link for this event must not reach it.
    const otherEvent = await ownedEvent("Ownership 2", { agenda: [{ kind: "talk", title: "Gus's other talk", roles: [{ person: gus, role: "speaker" }] }] });
    const token = await invite(event, gus);
    const address = freshAddress();
    const [, halsItem] = await itemsOf(event.id);
    const [otherEventItem] = await itemsOf(otherEvent.id);

    const snapshot = async () => ({ here: await itemsOf(event.id), there: await itemsOf(otherEvent.id), countsHere: await counts(event.id), countsThere: await counts(otherEvent.id) });
    const before = await snapshot();
    for (const itemId of [halsItem!.id, otherEventItem!.id]) {
      const refused = await speakerPost(token, address, { intent: "talk", itemId, title: "Hijacked", abstract: "", materialsUrl: "" });
      expect(refused.init?.status).toBe(404);
      expect(refused.data).toMatchObject({ ok: false, message: "That session is not one of yours." });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("when a link works", () => {
  it("opens until 30 days after the event and answers 410 after that", async () => {
    const ida = await createPerson(database.db, { name: "Ida Late", email: "ida.late@kth.se" });
    const now = Date.now();
    const endedAgo = (days: number) => ({ startsAt: new Date(now - days * DAY - HOUR), endsAt: new Date(now - days * DAY) });
    const event = await ownedEvent("Long past webinar", { ...endedAgo(29), agenda: [{ kind: "talk", title: "Old talk", roles: [{ person: ida, role: "speaker" }] }] });
    const token = await invite(event, ida);
    const address = freshAddress();

    expect((await openPortal(token, address)).event.title).toBe("Long past webinar");

    // The link's life follows the event: move it back two more days.
    await database.db.update(events).set(endedAgo(31)).where(eq(events.id, event.id));
    const expired = await refusal(openPortal(token, address));
    expect(expired.status).toBe(410);
    expect(expired.text).toBe("This speaker link for “Long past webinar” has expired (links work until 30 days after the event). Please contact the organizers.");
    const countsBefore = await counts(event.id);
    expect((await refusal(speakerPost(token, address, { intent: "respond", response: "confirmed" }))).status).toBe(410);
    expect(await counts(event.id)).toEqual(countsBefore);
  });

  it("locks out an address after 20 invalid tokens, even for a valid one, but not other addresses", async () => {
    const jo = await createPerson(database.db, { name: "Jo Guessed", email: "jo.guessed@kth.se" });
    const event = await ownedEvent("Rate limited", { agenda: [{ kind: "talk", title: "A talk", roles: [{ person: jo, role: "speaker" }] }] });
    const token = await invite(event, jo);
    const guesser = freshAddress();
    const bystander = freshAddress();

    // The budget lives in a fixed 15-minute window: keep all the guesses inside one.
    const windowMs = 15 * 60_000;
    const untilNextWindow = windowMs - (Date.now() % windowMs);
    if (untilNextWindow < 10_000) await new Promise((resolve) => setTimeout(resolve, untilNextWindow + 100));

    // A valid link does not spend the budget.
    expect((await openPortal(token, guesser)).person.displayName).toBe("Jo Guessed");

    for (let i = 0; i < 20; i++) {
      const guess = createHash("sha256").update(`guess ${i}`).digest("base64url");
      expect(guess).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect((await refusal(openPortal(guess, guesser))).status).toBe(404);
    }

    const locked = await refusal(openPortal(token, guesser));
    expect(locked.status).toBe(429);
    expect(locked.text).toBe("Too many invalid speaker links from your network. Please try again later.");
    const retryAfter = Number(locked.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect((await refusal(speakerPost(token, guesser, { intent: "respond", response: "confirmed" }))).status).toBe(429);
    expect(await stateInBuilder(event, jo)).toEqual(["invited"]);

    expect((await openPortal(token, bystander)).person.displayName).toBe("Jo Guessed");
    const confirmed = await speakerPost(token, bystander, { intent: "respond", response: "confirmed" });
    expect(confirmed.data.ok).toBe(true);
    expect(await stateInBuilder(event, jo)).toEqual(["confirmed"]);
  });

  it("derives the emailed token from the invitation, so the link in the email is the one the server accepts", async () => {
    const kai = await createPerson(database.db, { name: "Kai Derived", email: "kai.derived@kth.se" });
    const event = await ownedEvent("Derived", { agenda: [{ kind: "talk", title: "A talk", roles: [{ person: kai, role: "speaker" }] }] });
    const emailed = await invite(event, kai);
    const [invitation] = await database.db.select().from(speakerInvitations).where(eq(speakerInvitations.eventId, event.id));
    expect(deriveToken(TEST_LINK_SECRET, "speak", invitation!.id, invitation!.tokenVersion)).toBe(emailed);
    // The same invitation signed with another secret is worthless.
    const forged = deriveToken("some-other-secret-0123456789abcdef0123456", "speak", invitation!.id, invitation!.tokenVersion);
    expect((await refusal(openPortal(forged, freshAddress()))).status).toBe(404);
  });
});

describe("the organizers' summary of speaker changes", () => {
  it("waits for 10 quiet minutes, then queues one email per organizer listing every change, once", async () => {
    const coOrganizer = await createUser(database.db, { email: "co.chair@hkust.edu.hk", name: "Co-chair", password: "another correct horse", role: "organizer" });
    const lea = await createPerson(database.db, { name: "Lea Digest", email: "lea.digest@kth.se", bio: "Short bio." });
    const event = await ownedEvent("Digest webinar", { agenda: [{ kind: "talk", title: "Draft title", roles: [{ person: lea, role: "speaker" }] }] });
    await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: coOrganizer.id });
    const token = await invite(event, lea);
    const address = freshAddress();
    const [item] = await itemsOf(event.id);

    expect((await speakerPost(token, address, { intent: "respond", response: "confirmed" })).data.ok).toBe(true);
    expect((await speakerPost(token, address, { intent: "talk", itemId: item!.id, title: "Final title", abstract: "", materialsUrl: "" })).data.ok).toBe(true);
    expect((await speakerPost(token, address, profileFields(lea, { bio: "A longer bio." }))).data.ok).toBe(true);

    // Place the three changes at t, t+3 and t+6 minutes, an hour ago, so other tests' fresh changes are never due at the same time.
    // Five minutes after the last is eleven after the first: only quiet since the *last* change counts.
    const changes = await database.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.eventId, event.id), like(auditLog.action, "speaker.%")))
      .orderBy(asc(auditLog.createdAt));
    expect(changes).toHaveLength(3);
    const t = Date.now() - HOUR;
    for (const [i, change] of changes.entries()) {
      await database.db.update(auditLog).set({ createdAt: new Date(t + i * 3 * 60_000) }).where(eq(auditLog.id, change.id));
    }
    const lastChange = t + 6 * 60_000;
    const digests = () =>
      database.db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.eventId, event.id), eq(emailOutbox.template, "speaker-changes")))
        .orderBy(asc(emailOutbox.toEmail));

    expect(await queueSpeakerChangeDigests(database.db, { now: new Date(lastChange + 5 * 60_000), links: context().links })).toBe(0);
    expect(await digests()).toEqual([]);

    expect(await queueSpeakerChangeDigests(database.db, { now: new Date(lastChange + 11 * 60_000), links: context().links })).toBe(2);
    const sent = await digests();
    expect(sent.map((e) => e.toEmail)).toEqual(["chair@kth.se", "co.chair@hkust.edu.hk"]);
    for (const email of sent) {
      const props = email.props as { event: { title: string; consoleUrl: string }; changes: { who: string; summary: string }[] };
      expect(props.event).toEqual({ title: "Digest webinar", consoleUrl: `http://podium.test/admin/events/${event.id}/agenda` });
      expect(props.changes.map((c) => [c.who, c.summary])).toEqual([
        ["Lea Digest", "Lea Digest confirmed taking part"],
        ["Lea Digest", "Lea Digest changed the title “Draft title” → “Final title”"],
        ["Lea Digest", "Lea Digest updated their biography"],
      ]);
    }

    expect(await queueSpeakerChangeDigests(database.db, { now: new Date(lastChange + 30 * 60_000), links: context().links })).toBe(0);
    expect(await digests()).toHaveLength(2);
  });
});

describe("the speaker's calendar", () => {
  it("is text/calendar with one VEVENT per session at the segments' times", async () => {
    const max = await createPerson(database.db, { name: "Max Calendar", email: "max.calendar@kth.se" });
    const someoneElse = await createPerson(database.db, { name: "Nia Notmine", email: "nia.notmine@kth.se" });
    const event = await ownedEvent("Calendar webinar", {
      agenda: [
        { kind: "talk", title: "Max's keynote", startsAt: new Date("2030-11-14T03:10:00Z"), endsAt: new Date("2030-11-14T03:50:00Z"), roles: [{ person: max, role: "speaker" }] },
        { kind: "talk", title: "Nia's talk", startsAt: new Date("2030-11-14T04:00:00Z"), endsAt: new Date("2030-11-14T04:30:00Z"), roles: [{ person: someoneElse, role: "speaker" }] },
        {
          kind: "panel",
          title: "Closing panel",
          startsAt: new Date("2030-11-14T05:00:00Z"),
          endsAt: new Date("2030-11-14T05:45:00Z"),
          roles: [{ person: max, role: "moderator" }, { person: max, role: "panelist" }, { person: someoneElse, role: "panelist" }],
        },
      ],
    });
    const token = await invite(event, max);
    const [keynote, , panel] = await itemsOf(event.id);

    const response = await speakerCalendarLoader({ request: speakerRequest(`/speak/${token}/calendar.ics`, freshAddress()), params: { token }, context: context() });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/calendar/);
    const text = await response.text();
    // Counted in the raw text too: a parser keyed by UID would silently merge a duplicate.
    expect(text.match(/^BEGIN:VEVENT\r?$/gm)).toHaveLength(2);
    const vevents = Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
    expect(vevents.map((v) => [v.uid, v.start.toISOString(), v.end!.toISOString()])).toEqual([
      [`${keynote!.id}@podium.events`, "2030-11-14T03:10:00.000Z", "2030-11-14T03:50:00.000Z"],
      [`${panel!.id}@podium.events`, "2030-11-14T05:00:00.000Z", "2030-11-14T05:45:00.000Z"],
    ]);
    expect(text).not.toContain("Nia's talk");
  });
});
