// Reminders as registrants read them: the real time left, not the nominal lead time;
// none right after the confirmation; none once the event has started.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { emailOutbox, registrations } from "~db/schema";
import { renderEmail, type EmailMessage } from "~emails/render";
import { dropExpiredMessages } from "~/email/outbox-claims.server";
import { queueDueReminders } from "./reminders.server";
import { addConfirmedRegistrants } from "../../test/support/outbox-fixtures";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";

let database: TestDatabase;
const links = { origin: "http://podium.test", secret: "s".repeat(32) };
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

const minutes = (n: number) => n * 60_000;

async function remindersFor(eventId: string) {
  return database.db.select().from(emailOutbox).where(sql`${emailOutbox.eventId} = ${eventId} and ${emailOutbox.template} = 'event-reminder'`);
}

describe("queueDueReminders", () => {
  it("says the real time left, 20 minutes, and skips people who registered just before it fell due", async () => {
    const now = new Date();
    const startsAt = new Date(now.getTime() + minutes(20));
    const event = await createEvent(database.db, { title: "Late reminder", startsAt, endsAt: new Date(startsAt.getTime() + minutes(60)), reminderOffsetsMinutes: [1440, 60] });
    // Registered two days ago: the one-hour reminder is theirs (late, but still before the start).
    await addConfirmedRegistrants(database.db, event, 3, new Date(now.getTime() - minutes(2 * 1440)));
    // Registered ten minutes ago: their confirmation is still on top of the inbox.
    await addConfirmedRegistrants(database.db, event, 2, new Date(now.getTime() - minutes(10)));

    expect(await queueDueReminders(database.db, { now, links })).toBe(3);
    const rows = await remindersFor(event.id);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.expiresAt).toEqual(startsAt);
      expect(row.batchable).toBe(true);
      const rendered = await renderEmail({ template: row.template, props: row.props } as unknown as EmailMessage);
      expect(rendered.subject).toBe("Starts in 20 minutes: Late reminder");
      expect(rendered.text).toContain("starts in 20 minutes");
    }
    const recipients = await database.db.select({ email: registrations.email, createdAt: registrations.createdAt }).from(registrations).where(eq(registrations.eventId, event.id));
    const reminded = new Set(rows.map((row) => row.toEmail));
    for (const registrant of recipients) {
      expect(reminded.has(registrant.email)).toBe(registrant.createdAt.getTime() < now.getTime() - minutes(60));
    }
    // Run again (another worker, the next poll): nothing new.
    expect(await queueDueReminders(database.db, { now: new Date(now.getTime() + 1_000), links })).toBe(0);
  });

  it("sends the 24-hour reminder to those registered at least 12 hours before it fell due, not to someone registered 6 hours before", async () => {
    const now = new Date();
    const startsAt = new Date(now.getTime() + minutes(1440 - 5));
    const event = await createEvent(database.db, { title: "Day ahead", startsAt, endsAt: new Date(startsAt.getTime() + minutes(60)), reminderOffsetsMinutes: [1440, 60] });
    await addConfirmedRegistrants(database.db, event, 1, new Date(now.getTime() - minutes(3 * 1440)));
    await addConfirmedRegistrants(database.db, event, 1, new Date(now.getTime() - minutes(20 * 60)));
    await addConfirmedRegistrants(database.db, event, 1, new Date(now.getTime() - minutes(6 * 60)));
    expect(await queueDueReminders(database.db, { now, links })).toBe(2);
    const [row] = await remindersFor(event.id);
    const rendered = await renderEmail({ template: row!.template, props: row!.props } as unknown as EmailMessage);
    expect(rendered.subject).toBe("Starts in 24 hours: Day ahead");
  });

  it("a queued reminder is dropped once the event has started", async () => {
    const now = new Date();
    const startsAt = new Date(now.getTime() + minutes(30));
    const event = await createEvent(database.db, { title: "Dropped", startsAt, endsAt: new Date(startsAt.getTime() + minutes(60)), reminderOffsetsMinutes: [60] });
    await addConfirmedRegistrants(database.db, event, 2, new Date(now.getTime() - minutes(1440)));
    expect(await queueDueReminders(database.db, { now, links })).toBe(2);
    // The worker was away until after the start.
    await dropExpiredMessages(database.db, new Date(startsAt.getTime() + 1));
    expect((await remindersFor(event.id)).map((row) => row.status)).toEqual(["dropped", "dropped"]);
  });
});
