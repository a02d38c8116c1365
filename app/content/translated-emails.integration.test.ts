// A registrant reads their emails and invite in their own language, including the
// organizer's translations of the event: the interface's language and the content's meet here.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { emailOutbox } from "~db/schema";
import { registerAttendee } from "~/registrations/register.server";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { TEST_LINK_SECRET } from "../../test/support/load-context";

const links = { origin: "http://podium.test", secret: TEST_LINK_SECRET };
const NOW = new Date("2026-11-23T12:00:00Z");
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

describe("emails in the registrant's language, with the event's translated text", () => {
  it("gives a Swedish registrant the Swedish title in the email and the invite, and an English one the source", async () => {
    const event = await createEvent(database.db, {
      title: "Graphene Membranes for Clean Energy",
      summary: "Thin carbon for fuel cells",
      translations: { sv: { title: "Grafenmembran för ren energi", summary: "Tunt kol för bränsleceller" } },
      startsAt: new Date("2026-12-02T09:00:00Z"),
      endsAt: new Date("2026-12-02T10:15:00Z"),
    });
    const register = (name: string, locale: "sv" | "en" | "zh-Hant") =>
      registerAttendee(database.db, {
        eventId: event.id,
        input: { name, email: `${name.toLowerCase()}@example.edu`, affiliation: "KTH", timeZone: "Europe/Stockholm", locale, answers: {} },
        now: NOW,
        links,
      });
    await register("Sara", "sv");
    await register("Ann", "en");
    await register("Wing", "zh-Hant");
    const mail = await database.db.select().from(emailOutbox).where(eq(emailOutbox.eventId, event.id));
    const to = (address: string) => mail.find((m) => m.toEmail === address)!;

    const swedish = to("sara@example.edu");
    expect(JSON.stringify(swedish.props)).toContain("Grafenmembran för ren energi");
    expect(swedish.attachments[0]!.content).toContain("SUMMARY:Grafenmembran för ren energi");
    expect(swedish.attachments[0]!.content).not.toContain("Graphene");

    const english = to("ann@example.edu");
    expect(JSON.stringify(english.props)).toContain("Graphene Membranes for Clean Energy");
    expect(english.attachments[0]!.content).toContain("SUMMARY:Graphene Membranes for Clean Energy");

    // No Chinese translation: the source title, whole, in an otherwise Chinese email.
    const chinese = to("wing@example.edu");
    expect(JSON.stringify(chinese.props)).toContain("Graphene Membranes for Clean Energy");
    expect(chinese.attachments[0]!.content).toContain("SUMMARY:Graphene Membranes for Clean Energy");
  });
});
