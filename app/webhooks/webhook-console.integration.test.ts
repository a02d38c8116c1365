// The console's webhook pages through their loaders and actions: the form refuses
// bad input with a message by the field and writes nothing; the secret is shown once;
// another organizer's endpoint (or event) is not found; test and redeliver queue work.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { eventOrganizers, webhookDeliveries, webhookEndpoints, type Event } from "~db/schema";
import { readEnv } from "~/env.server";
import * as indexRoute from "~/routes/admin.webhooks._index";
import * as endpointRoute from "~/routes/admin.webhooks.$endpointId";
import { organizerPost, signedInOrganizer } from "../../test/support/organizer";
import { testLoadContext } from "../../test/support/load-context";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";

let database: TestDatabase;
let ownerCookie: string;
let otherCookie: string;
let ownEvent: Event;
let othersEvent: Event;

beforeAll(async () => {
  database = await createTestDatabase();
  const owner = await signedInOrganizer(database.db, { email: "owner@kth.se", name: "Owner" });
  const other = await signedInOrganizer(database.db, { email: "other@hkust.edu.hk", name: "Other" });
  ownerCookie = owner.cookie;
  otherCookie = other.cookie;
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  ownEvent = await createEvent(database.db, { title: "Owner's webinar", startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) });
  othersEvent = await createEvent(database.db, { title: "Other's webinar", startsAt, endsAt: new Date(startsAt.getTime() + 3600_000) });
  await database.db.insert(eventOrganizers).values([
    { eventId: ownEvent.id, userId: owner.user.id },
    { eventId: othersEvent.id, userId: other.user.id },
  ]);
});
afterAll(async () => {
  await database.destroy();
});

/** Production's network rules: https only, no private addresses. */
function productionContext() {
  return { ...testLoadContext(database.db), env: readEnv({ NODE_ENV: "test", PODIUM_WEBHOOK_ALLOW_PRIVATE: "off" }) };
}

type ActionResult = { data: { result: { error?: Record<string, string[]> }; created: { id: string; secret: string } | null }; init: { status?: number } | null };

async function create(fields: [string, string][], cookie = ownerCookie) {
  return (await indexRoute.action({ request: organizerPost("/admin/webhooks", cookie, fields), params: {}, context: productionContext() } as never)) as unknown as ActionResult;
}

const endpointCount = async () => ((await database.db.select({ n: count() }).from(webhookEndpoints)) as [{ n: number }])[0].n;

async function thrownStatus(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
  return 200;
}

describe("webhook console", () => {
  it("refuses bad endpoints with a message next to the field, and writes nothing", async () => {
    const cases: [[string, string][], string, RegExp][] = [
      [[["url", "not a url"], ["eventTypes", "registration.created"]], "url", /full URL/],
      [[["url", "http://crm.example.edu/hook"], ["eventTypes", "registration.created"]], "url", /https/],
      [[["url", "https://10.0.0.7/hook"], ["eventTypes", "registration.created"]], "url", /private, loopback or link-local/],
      [[["url", "https://[::1]/hook"], ["eventTypes", "registration.created"]], "url", /private, loopback or link-local/],
      [[["url", "https://localhost/hook"], ["eventTypes", "registration.created"]], "url", /public host name/],
      [[["url", "https://crm.example.edu/hook"]], "eventTypes", /at least one/],
      [[["url", "https://crm.example.edu/hook"], ["eventTypes", "registration.exploded"]], "eventTypes", /from the list/],
      [[["url", "https://crm.example.edu/hook"], ["eventTypes", "registration.created"], ["eventId", othersEvent.id]], "eventId", /No such event/],
      [[["url", "https://crm.example.edu/hook"], ["eventTypes", "registration.created"], ["eventId", "'; drop table events"]], "eventId", /Choose one of your events/],
    ];
    for (const [fields, field, message] of cases) {
      const outcome = await create(fields);
      expect(outcome.init?.status, JSON.stringify(fields)).toBe(400);
      const errors = outcome.data.result.error ?? {};
      expect(errors[field]?.join(" "), JSON.stringify(fields)).toMatch(message);
    }
    expect(await endpointCount()).toBe(0);
  });

  it("creates an endpoint, shows its secret once, and keeps it from other organizers", async () => {
    const outcome = await create([
      ["url", "https://crm.example.edu/hook"],
      ["description", "Alumni CRM"],
      ["eventTypes", "registration.created"],
      ["eventTypes", "registration.cancelled"],
      ["eventId", ownEvent.id],
    ]);
    expect(outcome.init?.status ?? 200).toBe(200);
    const created = outcome.data.created!;
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [row] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.id));
    expect(row!.eventTypes).toEqual(["registration.created", "registration.cancelled"]);

    const list = await indexRoute.loader({ request: new Request("http://podium.test/admin/webhooks", { headers: { Cookie: ownerCookie } }), params: {}, context: productionContext() } as never);
    expect(JSON.stringify(list)).toContain("crm.example.edu");
    expect(JSON.stringify(list)).not.toContain(created.secret);
    const page = await endpointRoute.loader({ request: new Request(`http://podium.test/admin/webhooks/${created.id}`, { headers: { Cookie: ownerCookie } }), params: { endpointId: created.id }, context: productionContext() } as never);
    expect(JSON.stringify(page)).not.toContain(created.secret.slice(6));

    // Another organizer: nothing to see, nothing to do.
    const othersList = await indexRoute.loader({ request: new Request("http://podium.test/admin/webhooks", { headers: { Cookie: otherCookie } }), params: {}, context: productionContext() } as never);
    expect(JSON.stringify(othersList)).not.toContain("crm.example.edu");
    expect(
      await thrownStatus(endpointRoute.loader({ request: new Request(`http://podium.test/admin/webhooks/${created.id}`, { headers: { Cookie: otherCookie } }), params: { endpointId: created.id }, context: productionContext() } as never)),
    ).toBe(404);
    for (const intent of ["test", "rotate", "disable", "delete", "redeliver"]) {
      const status = await thrownStatus(
        endpointRoute.action({ request: organizerPost(`/admin/webhooks/${created.id}`, otherCookie, { intent }), params: { endpointId: created.id }, context: productionContext() } as never),
      );
      expect(status, intent).toBe(404);
    }
    const [unchanged] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.id));
    expect(unchanged).toEqual(row);
    expect(await database.db.select().from(webhookDeliveries)).toHaveLength(0);

    // The owner: a test event is queued; a rotation shows the new secret once and keeps the old one for a day.
    const act = (intent: string, extra: Record<string, string> = {}) =>
      endpointRoute.action({ request: organizerPost(`/admin/webhooks/${created.id}`, ownerCookie, { intent, ...extra }), params: { endpointId: created.id }, context: productionContext() } as never) as unknown as Promise<{
        data: { ok: boolean; message: string; secret?: string };
      }>;
    expect((await act("test")).data.ok).toBe(true);
    expect(await database.db.select().from(webhookDeliveries)).toHaveLength(1);
    const rotated = (await act("rotate")).data;
    expect(rotated.secret).toMatch(/^whsec_/);
    const [after] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.id));
    expect(after!.previousSecret).toBe(created.secret);
    expect(after!.previousSecretExpiresAt!.getTime() - Date.now()).toBeGreaterThan(23 * 3600_000);
    // Still on its way: nothing to redeliver yet, said plainly.
    const [queued] = await database.db.select().from(webhookDeliveries);
    const redelivered = (await act("redeliver", { deliveryId: queued!.id })).data;
    expect(redelivered).toMatchObject({ ok: false, message: expect.stringMatching(/still on its way/) });
    expect((await act("redeliver", { deliveryId: "not-a-uuid" })).data.ok).toBe(false);
  });
});
