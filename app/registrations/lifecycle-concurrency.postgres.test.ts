// The lifecycle's promises under concurrency, on PostgreSQL: waves of random
// commands (register, cancel, approve, decline, promote by hand, erase, copies
// for people registering again, capacity changes through the event form) run
// at once. No order is predictable, so the journal is the witness: replayed in
// its order it must be fair, the counters must match the rows, nobody may wait
// beside a free seat, every entry must have sent exactly its email, and each
// registration's invites must rise. No request may fail (no deadlocks).
import { parseWithZod } from "@conform-to/zod";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { events, type User } from "~db/schema";
import { actorFor } from "~/audit/audit-log.server";
import { eventFormDefaults, updateEventFromForm } from "~/events/event-admin.server";
import { eventFormSchemaIn } from "~/events/event-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";

const eventFormSchema = eventFormSchemaIn(consoleTranslatorFor("en"));
import { decidePendingRegistration } from "./decisions.server";
import { cancelRegistration } from "./manage.server";
import { registerAttendee } from "./register.server";
import { eraseRegistration } from "./registrant-page.server";
import { promoteByHand } from "./registrations-admin.server";
import { signedInOrganizer } from "../../test/support/organizer";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { TEST_LINK_SECRET } from "../../test/support/load-context";
import { expectEmailsFollowJournal, expectFairJournal, expectSeatBookkeeping, loadJournal } from "../../test/support/lifecycle-checks";

const links = { origin: "http://podium.test", secret: TEST_LINK_SECRET };
const PEOPLE = 8;
let database: TestDatabase;
let organizer: User;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ user: organizer } = await signedInOrganizer(database.db));
});
afterAll(async () => {
  await database.destroy();
});

type Op = "register" | "cancel" | "cancel-on-behalf" | "approve" | "decline" | "promote-by-hand" | "erase" | "capacity";
const wave = fc.array(fc.record({ op: fc.constantFrom<Op>("register", "register", "cancel", "cancel-on-behalf", "approve", "decline", "promote-by-hand", "erase", "capacity"), who: fc.integer({ min: 0, max: PEOPLE - 1 }), capacity: fc.integer({ min: 1, max: 5 }) }), {
  minLength: 4,
  maxLength: 10,
});

describe("the registration lifecycle under concurrency", () => {
  it("keeps every promise when waves of random changes run at once", async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(wave, { minLength: 2, maxLength: 4 }), async (approval, waves) => {
        const start = new Date(Math.ceil((Date.now() + 30 * 86_400_000) / 3_600_000) * 3_600_000);
        const event = await createEvent(database.db, { startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), displayZones: ["Asia/Hong_Kong"], capacity: 2, requiresApproval: approval });
        const ids: (string | null)[] = Array.from({ length: PEOPLE }, () => null);
        const actor = actorFor(organizer);
        const register = async (who: number) => {
          const outcome = await registerAttendee(database.db, {
            eventId: event.id,
            input: { name: `Person ${who}`, email: `person${who}@example.edu`, affiliation: "", timeZone: "Europe/Stockholm", answers: {} },
            now: new Date(),
            links,
          });
          if (outcome.kind === "registered") ids[who] = outcome.registration.id;
        };
        const saveCapacity = async (capacity: number) => {
          const [current] = await database.db.select().from(events).where(eq(events.id, event.id));
          const form = new FormData();
          for (const [key, value] of Object.entries(await eventFormDefaults(database.db, current!))) if (typeof value === "string" && value !== "") form.set(key, value);
          form.set("capacity", String(capacity));
          const submission = parseWithZod(form, { schema: eventFormSchema });
          if (submission.status !== "success") throw new Error("the event form did not parse");
          expect((await updateEventFromForm(database.db, { user: organizer, eventId: event.id, values: submission.value, links })).ok).toBe(true);
        };
        await Promise.all(Array.from({ length: PEOPLE }, (_, who) => register(who)));
        for (const commands of waves) {
          const { confirmed: before, event: was } = await expectSeatBookkeeping(database.db, event.id);
          await Promise.all(
            commands.map(async ({ op, who, capacity }) => {
              const id = ids[who];
              const now = new Date();
              if (op === "register") return register(who);
              if (op === "capacity") return saveCapacity(capacity);
              if (!id) return;
              if (op === "cancel" || op === "cancel-on-behalf") return cancelRegistration(database.db, { registrationId: id, now, links, actor: op === "cancel" ? undefined : actor });
              if (op === "approve" || op === "decline") return decidePendingRegistration(database.db, { registrationId: id, decision: op, now, links, actor, eventId: event.id });
              if (op === "promote-by-hand") return promoteByHand(database.db, { eventId: event.id, registrationId: id, actor, now, links });
              return eraseRegistration(database.db, { registrationId: id, now, links });
            }),
          );
          const { event: after, confirmed } = await expectSeatBookkeeping(database.db, event.id);
          if (after.capacity !== null && confirmed > after.capacity) {
            // Seats in turn only up to the largest capacity the event had during the wave; beyond, only by hand.
            const byHand = commands.filter((c) => c.op === "promote-by-hand").length;
            const largest = Math.max(was.capacity ?? 0, ...commands.filter((c) => c.op === "capacity").map((c) => c.capacity));
            expect(confirmed, "past capacity without an organizer's choice").toBeLessThanOrEqual(Math.max(before, largest) + byHand);
          }
          expectFairJournal(await loadJournal(database.db, event.id));
        }
        await expectEmailsFollowJournal(database.db, event.id, await loadJournal(database.db, event.id));
      }),
      { numRuns: 6 },
    );
  }, 180_000);
});
