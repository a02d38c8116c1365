// Two organizers saving different languages of the same event at the same moment, on a
// real PostgreSQL with many connections (runs only in the "postgres" vitest project).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { agendaItems, events, type User } from "~db/schema";
import { createUser } from "~/auth/users.server";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { targetOf } from "./translation-form";
import { saveTranslations } from "./translations-admin.server";

let database: TestDatabase;
let organizers: User[];

beforeAll(async () => {
  database = await createTestDatabase();
  organizers = await Promise.all(
    ["sv", "zh"].map((name) => createUser(database.db, { email: `${name}@kth.se`, name, password: "correct horse battery", role: "organizer" })),
  );
});
afterAll(async () => {
  await database?.destroy();
});

describe("saving translations concurrently", () => {
  it("keeps both languages when Swedish and Chinese are saved at once, round after round", async () => {
    const event = await createEvent(database.db, {
      title: "Graphene Membranes for Clean Energy",
      startsAt: new Date("2026-12-03T09:00:00Z"),
      endsAt: new Date("2026-12-03T10:15:00Z"),
      agenda: [{ kind: "talk", title: "Making graphene membranes at scale" }],
    });
    const [item] = await database.db.select().from(agendaItems).where(eq(agendaItems.eventId, event.id));
    for (let round = 0; round < 20; round++) {
      const entries = (title: string) => [
        { target: targetOf("event", event.id), field: "title", text: `${title} ${round}` },
        { target: targetOf("agendaItem", item!.id), field: "title", text: `${title} segment ${round}` },
      ];
      const outcomes = await Promise.all([
        saveTranslations(database.db, { scope: { kind: "event", eventId: event.id }, values: { locale: "sv", entries: entries("Grafen") }, user: organizers[0]! }),
        saveTranslations(database.db, { scope: { kind: "event", eventId: event.id }, values: { locale: "zh-Hant", entries: entries("石墨烯") }, user: organizers[1]! }),
      ]);
      expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
      const [row] = await database.db.select().from(events).where(eq(events.id, event.id));
      const [segment] = await database.db.select().from(agendaItems).where(eq(agendaItems.id, item!.id));
      expect(row!.translations).toEqual({ sv: { title: `Grafen ${round}` }, "zh-Hant": { title: `石墨烯 ${round}` } });
      expect(segment!.translations).toEqual({ sv: { title: `Grafen segment ${round}` }, "zh-Hant": { title: `石墨烯 segment ${round}` } });
    }
  });
});
