// Organizers emailing an event's registrants: the preview counts and shows
// without writing, the send goes through the outbox once per person and is
// audited, and a send that no longer matches its preview is refused.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { auditLog, emailOutbox, eventOrganizers, registrations, type Event } from "~db/schema";
import { registerAttendee } from "~/registrations/register.server";
import { action as messagesAction, loader as messagesLoader } from "~/routes/admin.events.$eventId.messages";
import { renderEmail, type EmailMessage } from "~emails/render";
import { testLoadContext } from "../../test/support/load-context";
import { organizerPost, signedInOrganizer } from "../../test/support/organizer";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import type { MessageActionData } from "./registrant-messages-action.server";

let database: TestDatabase;
let organizer: Awaited<ReturnType<typeof signedInOrganizer>>;
let event: Event;

const context = () => testLoadContext(database.db);

async function post(fields: Record<string, string>): Promise<{ status: number; body: MessageActionData }> {
  const result = (await messagesAction({ request: organizerPost(`/admin/events/${event.id}/messages`, organizer.cookie, fields), params: { eventId: event.id }, context: context() })) as unknown as {
    init: { status?: number } | null;
    data: MessageActionData;
  };
  return { status: result.init?.status ?? 200, body: result.data };
}

async function organizerMail() {
  return database.db.select().from(emailOutbox).where(eq(emailOutbox.template, "organizer-message"));
}

const message = { audience: "confirmed", subject: "Slides are online", body: "Dear all,\n\nthe slides are on the event page." };

beforeAll(async () => {
  database = await createTestDatabase();
  organizer = await signedInOrganizer(database.db, { name: "Programme Chair" });
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  event = await createEvent(database.db, { title: "Resilient cities", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), capacity: 2, displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"] });
  await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: organizer.user.id });
  for (const [name, email] of [
    ["Ada", "ada@kth.se"],
    ["Grace", "grace@hkust.edu.hk"],
    ["Wei", "wei@hkust.edu.hk"],
    ["Erased", "erased@kth.se"],
  ]) {
    await registerAttendee(database.db, { eventId: event.id, input: { name: name!, email: email!, affiliation: "", timeZone: "Asia/Hong_Kong", answers: {} }, now: new Date(), links: context().links });
  }
  // Erased data is never written to again, whatever its status.
  await database.db.update(registrations).set({ erasedAt: new Date(), status: "waitlisted" }).where(eq(registrations.email, "erased@kth.se"));
});
afterAll(async () => {
  await database.destroy();
});

describe("emailing registrants", () => {
  it("offers each audience with its count", async () => {
    const page = await messagesLoader({ request: new Request(`http://podium.test/admin/events/${event.id}/messages`, { headers: { Cookie: organizer.cookie } }), params: { eventId: event.id }, context: context() });
    expect(page.counts).toEqual({ active: 3, confirmed: 2, waitlisted: 1, pending: 0 });
  });

  it("previews the email with its recipient count and writes nothing", async () => {
    const outboxBefore = (await database.db.select().from(emailOutbox)).length;
    const { status, body } = await post({ intent: "preview", ...message });
    expect(status).toBe(200);
    expect(body.preview).toMatchObject({ count: 2, subject: "Slides are online — Resilient cities" });
    expect(body.preview!.text).toContain("Dear Ada,");
    expect(body.preview!.text).toContain("the slides are on the event page.");
    expect(body.preview!.text).toContain("(your time)");
    expect(body.preview!.messageId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await database.db.select().from(emailOutbox)).length).toBe(outboxBefore);
  });

  it("keeps the input and names the problem when the form is incomplete", async () => {
    const { status, body } = await post({ intent: "preview", audience: "everyone", subject: "Line one\nline two", body: "" });
    expect(status).toBe(400);
    expect(body.fieldErrors).toMatchObject({ audience: ["Choose who gets the email"], subject: ["Keep the subject on one line"], body: ["Write the message"] });
    expect(body.values).toMatchObject({ subject: "Line one\nline two" });
  });

  it("sends once per person through the outbox, records it, and does not send twice", async () => {
    const { body: previewed } = await post({ intent: "preview", ...message });
    const confirm = { intent: "send", ...message, messageId: previewed.preview!.messageId, expectedCount: String(previewed.preview!.count) };
    const sent = await post(confirm);
    expect(sent).toMatchObject({ status: 200, body: { ok: true, message: "Sent: 2 registrants will get “Slides are online” through the outbox." } });
    const rows = await organizerMail();
    expect(rows.map((r) => r.toEmail).sort()).toEqual(["ada@kth.se", "grace@hkust.edu.hk"]);
    const rendered = await renderEmail({ template: "organizer-message", props: rows[0]!.props } as unknown as EmailMessage);
    expect(rendered.text).toContain("http://podium.test/r/");
    expect(rendered.text).toContain("Programme Chair, for the organizers");
    const [entry] = await database.db.select().from(auditLog).where(and(eq(auditLog.eventId, event.id), eq(auditLog.action, "event.registrants_emailed")));
    expect(entry!.summary).toBe("Emailed 2 registrants (confirmed only): “Slides are online”");

    const again = await post(confirm);
    expect(again).toMatchObject({ status: 409, body: { ok: false, message: "This message was already sent; nothing was queued again." } });
    expect(await organizerMail()).toHaveLength(2);
  });

  it("refuses a send whose recipients changed since the preview, and one without a preview", async () => {
    const { body: previewed } = await post({ intent: "preview", ...message, audience: "active", subject: "Programme update" });
    await registerAttendee(database.db, { eventId: event.id, input: { name: "Late", email: "late@kth.se", affiliation: "", timeZone: "UTC", answers: {} }, now: new Date(), links: context().links });
    const before = (await organizerMail()).length;
    const changed = await post({ intent: "send", ...message, audience: "active", subject: "Programme update", messageId: previewed.preview!.messageId, expectedCount: "3" });
    expect(changed).toMatchObject({ status: 409, body: { message: "The recipients changed since the preview: 4 people match now, not 3. Check the preview and send again." } });
    const blind = await post({ intent: "send", ...message });
    expect(blind.status).toBe(400);
    expect(blind.body.fieldErrors?.messageId).toEqual(["Show the preview again before sending"]);
    expect((await organizerMail()).length).toBe(before);
  });
});
