// Webhooks end to end inside one process, on PGlite and PostgreSQL: real changes
// through the area functions and the registration lifecycle, the real worker code,
// and a real HTTP receiver on loopback that verifies every signature with the
// `standardwebhooks` package. Time is driven by the worker's clock option, so three
// days of retries take a moment.
import { and, eq, ne } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { emailOutbox, eventOrganizers, users, webhookAttempts, webhookDeliveries, webhookEndpoints, type Event, type User } from "~db/schema";
import { renderEmail } from "~emails/render";
import type { WebhookEndpointDisabledProps } from "~emails/webhook-endpoint-disabled";
import { actorFor } from "~/audit/audit-log.server";
import { cancelEvent, publishEvent } from "~/events/event-admin.server";
import { handleRecordingsAction } from "~/events/recordings-admin.server";
import { decidePendingRegistration } from "~/registrations/decisions.server";
import { markAttended, readRegistration, withLockedEvent } from "~/registrations/lifecycle.server";
import { cancelRegistration } from "~/registrations/manage.server";
import { registerAttendee } from "~/registrations/register.server";
import { eraseRegistration } from "~/registrations/registrant-page.server";
import { pruneDeliveryLog, queueTestEvent, redeliver } from "./delivery-log.server";
import { createEndpoint, rotateSecret, setEndpointEnabled } from "./endpoints.server";
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./event-types";
import { drainWebhooksOnce, type DeliverOptions } from "./webhook-worker.server";
import { signedInOrganizer } from "../../test/support/organizer";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { TEST_LINK_SECRET } from "../../test/support/load-context";
import { startWebhookReceiver, type WebhookReceiver } from "../../test/support/webhook-receiver";

const links = { origin: "http://podium.test", secret: TEST_LINK_SECRET };
const LOOPBACK = { allowPrivate: true };
let database: TestDatabase;
let owner: User;
let stranger: User;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ user: owner } = await signedInOrganizer(database.db, { email: "owner@kth.se", name: "Owner" }));
  ({ user: stranger } = await signedInOrganizer(database.db, { email: "stranger@hkust.edu.hk", name: "Stranger" }));
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
  await database.db.delete(webhookEndpoints);
});
afterAll(async () => {
  await database.destroy();
});

async function receiver(): Promise<WebhookReceiver> {
  const r = await startWebhookReceiver();
  receivers.push(r);
  return r;
}

async function ownedEvent(spec: Partial<Parameters<typeof createEvent>[1]> = {}): Promise<Event> {
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const event = await createEvent(database.db, { status: "published", startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), ...spec });
  await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: owner.id });
  return event;
}

async function endpoint(user: User, r: WebhookReceiver, { eventTypes = [...WEBHOOK_EVENT_TYPES], eventId }: { eventTypes?: WebhookEventType[]; eventId?: string } = {}) {
  const outcome = await createEndpoint(database.db, { user, values: { url: r.url, eventTypes, eventId }, target: LOOPBACK });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
  r.secrets.push(outcome.secret);
  return outcome;
}

/** A clock the test moves; the worker claims and records at its instant. */
function testClock(start = new Date()) {
  let now = start.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

function options(clock: { now: () => Date }, extra: Partial<DeliverOptions> = {}): DeliverOptions {
  return { target: LOOPBACK, consoleOrigin: "http://podium.test", now: clock.now, ...extra };
}

async function register(event: Event, name: string) {
  const outcome = await registerAttendee(database.db, {
    eventId: event.id,
    input: { name, email: `${name.toLowerCase()}@example.edu`, affiliation: "KTH", timeZone: "Europe/Stockholm", answers: {} },
    now: new Date(),
    links,
  });
  if (outcome.kind !== "registered") throw new Error(outcome.kind);
  return outcome.registration;
}

const typesOf = (r: WebhookReceiver) => [...r.accepted().values()].map((m) => m.payload.type);

describe("webhook deliveries", () => {
  it("sends every lifecycle transition once to each subscribed endpoint, signed, and nothing to other organizers", async () => {
    const everything = await receiver();
    const cancellationsOnly = await receiver();
    const strangers = await receiver();
    const event = await ownedEvent({ capacity: 1 });
    const approvalEvent = await ownedEvent({ requiresApproval: true, capacity: 1 });
    await endpoint(owner, everything);
    await endpoint(owner, cancellationsOnly, { eventTypes: ["registration.cancelled"], eventId: event.id });
    await endpoint(stranger, strangers);

    const ada = await register(event, "Ada");
    const bo = await register(event, "Bo");
    await cancelRegistration(database.db, { registrationId: ada.id, now: new Date(), links });
    await withLockedEvent(database.db, { eventId: event.id, now: new Date(), links }, async (scope) => {
      await markAttended(scope, (await readRegistration(scope, bo.id))!);
    });
    const cy = await register(approvalEvent, "Cy");
    const di = await register(approvalEvent, "Di");
    const ed = await register(approvalEvent, "Ed");
    const actor = actorFor(owner);
    await decidePendingRegistration(database.db, { registrationId: cy.id, decision: "approve", now: new Date(), links, actor, eventId: approvalEvent.id });
    await decidePendingRegistration(database.db, { registrationId: di.id, decision: "approve", now: new Date(), links, actor, eventId: approvalEvent.id });
    await decidePendingRegistration(database.db, { registrationId: ed.id, decision: "decline", now: new Date(), links, actor, eventId: approvalEvent.id });
    await eraseRegistration(database.db, { registrationId: cy.id, now: new Date(), links });

    const clock = testClock();
    await drainWebhooksOnce(database.db, options(clock));

    // Per registration, in the order the lifecycle made the changes.
    const byRegistration = (id: string) => [...everything.accepted().values()].filter((m) => m.payload.data.id === id).map((m) => m.payload.type);
    expect(byRegistration(ada.id)).toEqual(["registration.created", "registration.cancelled"]);
    expect(byRegistration(bo.id)).toEqual(["registration.created", "registration.promoted", "registration.attended"]);
    expect(byRegistration(cy.id)).toEqual(["registration.created", "registration.confirmed", "registration.cancelled"]);
    // Cy's erasure freed the seat Di waited for.
    expect(byRegistration(di.id)).toEqual(["registration.created", "registration.waitlisted", "registration.promoted"]);
    expect(byRegistration(ed.id)).toEqual(["registration.created", "registration.declined"]);
    expect(everything.requests).toHaveLength(13);
    expect(everything.requests.every((m) => m.verified)).toBe(true);
    // An erased registration's message carries no personal data.
    const erased = [...everything.accepted().values()].find((m) => m.payload.data.id === cy.id && m.payload.data.status === "erased")!;
    expect(erased.body).not.toContain("cy@example.edu");
    expect(erased.payload.data.name).toBeUndefined();

    expect(typesOf(cancellationsOnly)).toEqual(["registration.cancelled"]);
    expect(cancellationsOnly.requests[0]!.payload.data.id).toBe(ada.id);
    expect(cancellationsOnly.requests[0]!.verified).toBe(true);
    expect(strangers.requests).toHaveLength(0);
    expect(await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.status, "queued"))).toHaveLength(0);
  });

  it("tells endpoints about events published, updated and cancelled", async () => {
    const r = await receiver();
    const event = await ownedEvent({ status: "draft" });
    await endpoint(owner, r, { eventTypes: ["event.published", "event.cancelled"] });
    await publishEvent(database.db, { user: owner, eventId: event.id });
    await cancelEvent(database.db, { user: owner, eventId: event.id, links });
    await drainWebhooksOnce(database.db, options(testClock()));
    expect(typesOf(r)).toEqual(["event.published", "event.cancelled"]);
    expect(r.requests[1]!.payload.data).toMatchObject({ id: event.id, status: "cancelled", slug: event.slug });
  });

  it("tells endpoints when a recording link is published, once, and not when one is added unpublished", async () => {
    const r = await receiver();
    const event = await ownedEvent();
    await endpoint(owner, r, { eventTypes: ["recording.published"] });
    const post = (fields: Record<string, string>) =>
      handleRecordingsAction(database.db, new Request("http://podium.test/admin", { method: "POST", body: new URLSearchParams(fields) }), { user: owner, event, links });
    await post({ intent: "add", label: "Slides", url: "https://video.example.edu/slides" });
    await post({ intent: "add", label: "Recording", url: "https://video.example.edu/r/1", publish: "on" });
    await drainWebhooksOnce(database.db, options(testClock()));
    expect(typesOf(r)).toEqual(["recording.published"]);
    expect(r.requests[0]!.payload.data).toMatchObject({ eventId: event.id, label: "Recording", url: "https://video.example.edu/r/1" });
  });

  it("keeps retrying a receiver that fails half the time with 500 and 429 until every message is in, same id every time", async () => {
    const r = await receiver();
    const event = await ownedEvent();
    await endpoint(owner, r, { eventTypes: ["registration.created", "registration.cancelled"] });
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => register(event, `Flaky${i}`)));
    for (const person of people.slice(0, 3)) await cancelRegistration(database.db, { registrationId: person.id, now: new Date(), links });
    r.respond = (_message, index) =>
      index % 2 === 0 ? (index % 4 === 0 ? { status: 500, body: "x".repeat(5000) } : { status: 429, headers: { "Retry-After": "1" } }) : { status: 200, body: "ok" };

    // The real clock here (the receiver checks timestamps are recent), with a short backoff.
    const fast = { target: LOOPBACK, consoleOrigin: "http://podium.test", policy: { backoffBaseSeconds: 0.05, backoffCapSeconds: 0.2, giveUpSeconds: 3600 } };
    const deadline = Date.now() + 20_000;
    while (r.accepted().size < 9 && Date.now() < deadline) {
      await drainWebhooksOnce(database.db, fast);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(r.accepted().size).toBe(9);
    const failedIds = new Set(r.requests.filter((m) => m.status >= 400).map((m) => m.id));
    expect(failedIds.size).toBeGreaterThan(0);
    // Every failed message came back under the same id and was finally accepted.
    for (const id of failedIds) expect(r.accepted().has(id)).toBe(true);
    expect(r.requests.every((m) => m.verified)).toBe(true);
    // A registration's messages arrive in order, whatever failed in between.
    for (const person of people.slice(0, 3)) {
      expect([...r.accepted().values()].filter((m) => m.payload.data.id === person.id).map((m) => m.payload.type)).toEqual(["registration.created", "registration.cancelled"]);
    }
    // The log keeps the first KB of a long answer, and Retry-After was honoured.
    const attempts = await database.db.select().from(webhookAttempts);
    expect(attempts.find((a) => a.responseStatus === 500)!.responseBody).toHaveLength(1024);
    const throttled = await database.db.select().from(webhookAttempts).where(eq(webhookAttempts.responseStatus, 429));
    expect(throttled.length).toBeGreaterThan(0);
  });

  it("disables an endpoint failing for three days, emails its owner in their language, and sends it nothing more", async () => {
    // The owner uses the console in Swedish (users.locale): the email about their endpoint is Swedish.
    await database.db.update(users).set({ locale: "sv" }).where(eq(users.id, owner.id));
    const r = await receiver();
    r.respond = () => ({ status: 503 });
    const event = await ownedEvent();
    const { endpoint: created } = await endpoint(owner, r, { eventTypes: ["registration.created"] });
    await register(event, "Early");
    const clock = testClock();
    for (let hour = 0; hour <= 80; hour++) {
      await drainWebhooksOnce(database.db, options(clock));
      clock.advance(3600_000);
    }
    const [after] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.id));
    expect(after!.disabledAt).not.toBeNull();
    const emails = await database.db.select().from(emailOutbox).where(eq(emailOutbox.template, "webhook-endpoint-disabled"));
    expect(emails).toHaveLength(1);
    expect(emails[0]!.toEmail).toBe("owner@kth.se");
    expect(JSON.stringify(emails[0]!.props)).toContain(`/admin/webhooks/${created.id}`);
    const written = await renderEmail({ template: "webhook-endpoint-disabled", props: emails[0]!.props as unknown as WebhookEndpointDisabledProps });
    expect(written.subject).toMatch(/^Webhook-mottagare avstängd: /);
    expect(written.text).toContain("Podium har inte kunnat leverera till");
    expect(written.html).toContain('lang="sv"');
    const [delivery] = await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, created.id));
    expect(delivery!.status).toBe("failed");

    const seen = r.requests.length;
    r.respond = () => ({ status: 200 });
    await register(event, "Late");
    await drainWebhooksOnce(database.db, options(clock));
    expect(r.requests.length).toBe(seen);
    expect(await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, created.id))).toHaveLength(1);

    // Enabled again, it receives new changes; what it missed can be redelivered under its old id.
    await setEndpointEnabled(database.db, { user: owner, endpoint: after!, enabled: true, now: clock.now() });
    await register(event, "Later");
    expect(await redeliver(database.db, after!, delivery!.id, clock.now())).toBe(true);
    await drainWebhooksOnce(database.db, options(clock));
    expect(r.accepted().has(delivery!.messageId)).toBe(true);
    expect(r.accepted().size).toBe(2);
  });

  it("does not follow redirects, gives up on other 4xx at once, and times out a receiver that hangs", async () => {
    const r = await receiver();
    const event = await ownedEvent();
    const { endpoint: created } = await endpoint(owner, r, { eventTypes: ["registration.created"] });
    r.respond = () => ({ status: 302, headers: { Location: "http://127.0.0.1:1/elsewhere" } });
    await register(event, "Redirected");
    const clock = testClock();
    await drainWebhooksOnce(database.db, options(clock));
    expect(r.requests).toHaveLength(1);
    const [redirected] = await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, created.id));
    expect(redirected!.status).toBe("failed");
    expect(redirected!.lastError).toContain("HTTP 302");

    r.respond = () => ({ status: 200, hang: true });
    await queueTestEvent(database.db, created, clock.now());
    await drainWebhooksOnce(database.db, options(clock, { timeoutMs: 300 }));
    // Both attempts carry the same test-clock instant, so pick the hung one by its delivery, not by time.
    const [attempt] = await database.db
      .select()
      .from(webhookAttempts)
      .where(and(eq(webhookAttempts.endpointId, created.id), ne(webhookAttempts.deliveryId, redirected!.id)));
    expect(attempt!.error).toBe("timed out after 0.3 s");
    const queued = await database.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.endpointId, created.id), eq(webhookDeliveries.status, "queued")));
    expect(queued).toHaveLength(1);
  });

  it("signs with both secrets during a rotation's overlap, then with the new one alone", async () => {
    const r = await receiver();
    const { endpoint: created, secret: oldSecret } = await endpoint(owner, r, { eventTypes: ["registration.created"] });
    const clock = testClock();
    const newSecret = await rotateSecret(database.db, { user: owner, endpoint: created, now: clock.now() });
    const [rotated] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, created.id));
    await queueTestEvent(database.db, rotated!, clock.now());
    await drainWebhooksOnce(database.db, options(clock));
    const during = r.requests[0]!;
    expect(during.signature.split(" ")).toHaveLength(2);
    for (const only of [oldSecret, newSecret]) {
      r.secrets.splice(0, r.secrets.length, only);
      const verifier = await import("standardwebhooks");
      expect(() => new verifier.Webhook(only).verify(during.body, { "webhook-id": during.id, "webhook-timestamp": during.timestamp, "webhook-signature": during.signature })).not.toThrow();
    }
    clock.advance(25 * 3600_000);
    await queueTestEvent(database.db, rotated!, clock.now());
    await drainWebhooksOnce(database.db, options(clock));
    const after = r.requests[1]!;
    expect(after.signature.split(" ")).toHaveLength(1);
    const { Webhook } = await import("standardwebhooks");
    // The receiver's clock tolerance is 5 minutes; check the signature against the attempt's own timestamp.
    expect(new Webhook(newSecret).sign(after.id, new Date(Number(after.timestamp) * 1000), after.body)).toBe(after.signature);
    expect(new Webhook(oldSecret).sign(after.id, new Date(Number(after.timestamp) * 1000), after.body)).not.toBe(after.signature);
  });

  it("refuses private, loopback and link-local targets in production, resolving names at delivery time", async () => {
    const r = await receiver();
    const { endpoint: created } = await endpoint(owner, r, { eventTypes: ["registration.created"] });
    const port = new URL(r.url).port;
    const targets = [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`, `http://[::1]:${port}/`, `http://10.1.2.3:${port}/`, `http://169.254.169.254/`, `http://[::ffff:127.0.0.1]:${port}/`];
    const clock = testClock();
    for (const url of targets) {
      await database.db.update(webhookEndpoints).set({ url }).where(eq(webhookEndpoints.id, created.id));
      await queueTestEvent(database.db, { ...created, url }, clock.now());
      await drainWebhooksOnce(database.db, options(clock, { target: { allowPrivate: false } }));
    }
    expect(r.requests).toHaveLength(0);
    const attempts = await database.db.select().from(webhookAttempts).where(eq(webhookAttempts.endpointId, created.id));
    expect(attempts).toHaveLength(targets.length);
    for (const attempt of attempts) expect(attempt.error).toMatch(/^refused: .* is not a public address$/);
  });

  it("prunes the delivery log after 30 days", async () => {
    const r = await receiver();
    const { endpoint: created } = await endpoint(owner, r, { eventTypes: ["registration.created"] });
    const clock = testClock();
    await queueTestEvent(database.db, created, clock.now());
    await drainWebhooksOnce(database.db, options(clock));
    expect(await pruneDeliveryLog(database.db, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await pruneDeliveryLog(database.db, new Date(Date.now() + 31 * 86_400_000))).toBe(1);
    expect(await database.db.select().from(webhookAttempts).where(eq(webhookAttempts.endpointId, created.id))).toHaveLength(0);
  });
});
