// An organizer's webhook endpoints: created, listed, rotated, enabled and deleted
// only by their owner (or an admin). Another organizer's endpoint, like another
// organizer's event, is simply not found.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { events, webhookDeliveries, webhookEndpoints, type User, type WebhookEndpoint } from "~db/schema";
import { isUuid } from "~db/records.server";
import { manageableBy } from "~/auth/event-access.server";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import type { EndpointFormValues } from "./endpoint-form";
import { urlProblem, type TargetPolicy } from "./target-guard.server";
import { newSigningSecret } from "./webhook-signing.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import type { Translate } from "~/i18n/translator";

/** How long the previous secret keeps signing after a rotation. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

const ownedBy = (user: Pick<User, "id" | "role">) => (user.role === "admin" ? undefined : eq(webhookEndpoints.ownerUserId, user.id));

/** The endpoint if this user may manage it; null otherwise (a 404 for the page). */
export async function findEndpointFor(db: Pick<Database, "select">, user: Pick<User, "id" | "role">, endpointId: string | undefined): Promise<WebhookEndpoint | null> {
  if (!isUuid(endpointId)) return null;
  const owner = ownedBy(user);
  const [endpoint] = await db
    .select()
    .from(webhookEndpoints)
    .where(owner ? and(eq(webhookEndpoints.id, endpointId), owner) : eq(webhookEndpoints.id, endpointId));
  return endpoint ?? null;
}

/** The user's own endpoints with their event's title and how their deliveries stand. */
export async function listEndpoints(db: Pick<Database, "select">, user: Pick<User, "id">) {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      description: webhookEndpoints.description,
      eventTypes: webhookEndpoints.eventTypes,
      eventTitle: events.title,
      disabledAt: webhookEndpoints.disabledAt,
      failingSince: webhookEndpoints.failingSince,
      waiting: sql<number>`(select count(*)::int from ${webhookDeliveries} d where d.endpoint_id = ${webhookEndpoints.id} and d.status in ('queued', 'sending'))`,
    })
    .from(webhookEndpoints)
    .leftJoin(events, eq(events.id, webhookEndpoints.eventId))
    .where(eq(webhookEndpoints.ownerUserId, user.id))
    .orderBy(desc(webhookEndpoints.createdAt));
}

/** The events an endpoint may be limited to: the ones this user manages. */
export async function endpointEventChoices(db: Pick<Database, "select">, user: Pick<User, "id" | "role">) {
  const ownership = manageableBy(user);
  return db
    .select({ value: events.id, label: events.title })
    .from(events)
    .where(ownership)
    .orderBy(desc(events.startsAt), asc(events.title))
    .limit(500);
}

export type EndpointSaveOutcome =
  | { ok: true; endpoint: WebhookEndpoint; secret: string }
  | { ok: false; fieldErrors: Partial<Record<keyof EndpointFormValues, string[]>> };

export async function createEndpoint(
  db: Database,
  { user, values, target, t = consoleTranslatorFor("en") }: { user: User; values: EndpointFormValues; target: TargetPolicy; /** The console's language for a refusal; English by default. */ t?: Translate },
): Promise<EndpointSaveOutcome> {
  const problem = urlProblem(values.url, target, t);
  if (problem) return { ok: false, fieldErrors: { url: [problem] } };
  if (values.eventId) {
    const ownership = manageableBy(user);
    const [event] = await db
      .select({ id: events.id })
      .from(events)
      .where(ownership ? and(eq(events.id, values.eventId), ownership) : eq(events.id, values.eventId));
    // Not "not yours": another organizer's event is not found, as everywhere in the console.
    if (!event) return { ok: false, fieldErrors: { eventId: [t("webhooks.validation.noSuchEvent")] } };
  }
  const secret = newSigningSecret();
  return db.transaction(async (tx) => {
    const [endpoint] = await tx
      .insert(webhookEndpoints)
      .values({
        ownerUserId: user.id,
        eventId: values.eventId ?? null,
        url: values.url,
        description: values.description ?? "",
        eventTypes: [...new Set(values.eventTypes)],
        secret,
      })
      .returning();
    await recordAudit(tx, {
      actor: actorFor(user),
      eventId: values.eventId ?? null,
      action: "webhook.created",
      summary: `Added the webhook endpoint ${values.url}`,
      details: { endpointId: endpoint!.id, eventTypes: endpoint!.eventTypes },
    });
    return { ok: true, endpoint: endpoint!, secret } as const;
  });
}

/** A new secret, shown once; the previous one keeps signing beside it for a day. */
export async function rotateSecret(db: Database, { user, endpoint, now }: { user: User; endpoint: WebhookEndpoint; now: Date }): Promise<string> {
  const secret = newSigningSecret();
  await db.transaction(async (tx) => {
    await tx
      .update(webhookEndpoints)
      .set({ secret, previousSecret: endpoint.secret, previousSecretExpiresAt: new Date(now.getTime() + ROTATION_OVERLAP_MS), updatedAt: now })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx, { actor: actorFor(user), eventId: endpoint.eventId, action: "webhook.secret_rotated", summary: `Rotated the signing secret of ${endpoint.url}` });
  });
  return secret;
}

/** Enabling starts a fresh count of failures; deliveries kept while it was off go out again. */
export async function setEndpointEnabled(db: Database, { user, endpoint, enabled, now }: { user: User; endpoint: WebhookEndpoint; enabled: boolean; now: Date }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(webhookEndpoints)
      .set(enabled ? { disabledAt: null, disabledReason: null, failingSince: null, updatedAt: now } : { disabledAt: now, disabledReason: `Disabled by ${user.name}`, updatedAt: now })
      .where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx, {
      actor: actorFor(user),
      eventId: endpoint.eventId,
      action: enabled ? "webhook.enabled" : "webhook.disabled",
      summary: `${enabled ? "Enabled" : "Disabled"} the webhook endpoint ${endpoint.url}`,
    });
  });
}

/** Removes the endpoint with its queue and log. */
export async function deleteEndpoint(db: Database, { user, endpoint }: { user: User; endpoint: WebhookEndpoint }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    await recordAudit(tx, { actor: actorFor(user), eventId: null, action: "webhook.deleted", summary: `Deleted the webhook endpoint ${endpoint.url}` });
  });
}
