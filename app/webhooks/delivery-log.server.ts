// The per-endpoint delivery log (30 days): recent deliveries with each attempt,
// "send a test event" and "redeliver". Redelivery sends the same message again,
// same webhook-id, so a receiver that already has it can tell.
import { and, desc, eq, inArray, lt, or } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { webhookAttempts, webhookDeliveries, type WebhookEndpoint } from "~db/schema";
import { isUuid } from "~db/records.server";
import { TEST_EVENT_TYPE } from "./event-types";
import { messageBody, newMessageId } from "./webhook-outbox.server";

export const LOG_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** The endpoint's latest deliveries, newest first, each with its attempts newest first. */
export async function listDeliveries(db: Pick<Database, "select">, endpointId: string, { limit = 50 }: { limit?: number } = {}) {
  const deliveries = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.position))
    .limit(limit);
  const attempts = deliveries.length
    ? await db
        .select()
        .from(webhookAttempts)
        .where(inArray(webhookAttempts.deliveryId, deliveries.map((d) => d.id)))
        .orderBy(desc(webhookAttempts.attemptedAt))
    : [];
  return deliveries.map((delivery) => ({ delivery, attempts: attempts.filter((a) => a.deliveryId === delivery.id) }));
}

/** A `webhook.test` message to this endpoint alone, delivered by the worker like any other. */
export async function queueTestEvent(db: Pick<Database, "insert">, endpoint: WebhookEndpoint, now: Date): Promise<string> {
  const messageId = newMessageId();
  await db.insert(webhookDeliveries).values({
    endpointId: endpoint.id,
    messageId,
    eventType: TEST_EVENT_TYPE,
    orderingKey: `test:${messageId}`,
    nextAttemptAt: now,
    body: messageBody({ type: TEST_EVENT_TYPE, occurredAt: now, data: { endpointId: endpoint.id, message: "A test event sent from the Podium console." } }),
  });
  return messageId;
}

/**
 * Sends a finished delivery again, soon, under the same webhook-id. A delivery still
 * queued or in flight is left as it is (it is going out anyway): false then.
 */
export async function redeliver(db: Pick<Database, "update">, endpoint: WebhookEndpoint, deliveryId: string, now: Date): Promise<boolean> {
  if (!isUuid(deliveryId)) return false;
  const updated = await db
    .update(webhookDeliveries)
    .set({ status: "queued", nextAttemptAt: now, failingSince: null, lastError: null })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpoint.id), inArray(webhookDeliveries.status, ["delivered", "failed"])))
    .returning({ id: webhookDeliveries.id });
  return updated.length > 0;
}

/** Forgets attempts and finished deliveries older than 30 days; returns how many deliveries went. */
export async function pruneDeliveryLog(db: Pick<Database, "delete">, now: Date): Promise<number> {
  const before = new Date(now.getTime() - LOG_RETENTION_MS);
  await db.delete(webhookAttempts).where(lt(webhookAttempts.attemptedAt, before));
  const gone = await db
    .delete(webhookDeliveries)
    .where(and(lt(webhookDeliveries.createdAt, before), or(eq(webhookDeliveries.status, "delivered"), eq(webhookDeliveries.status, "failed"))))
    .returning({ id: webhookDeliveries.id });
  return gone.length;
}
