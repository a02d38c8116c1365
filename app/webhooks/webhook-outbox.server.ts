// Writes webhook messages into the webhook outbox inside the caller's transaction,
// so a message exists exactly when the change that causes it commits. One message
// (one webhook-id) fans out to every enabled endpoint that subscribes to its type,
// covers its event and whose owner may see that event (the console's ownership rule).
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import type { Event, Registration, RegistrationEventRow } from "~db/schema";
import type { WebhookEventType } from "./event-types";

type Runner = Pick<Database, "execute">;

export interface WebhookMessage {
  type: WebhookEventType;
  eventId: string;
  /** Messages with the same key reach an endpoint one after another, in the order they were written. */
  orderingKey: string;
  occurredAt: Date;
  data: Record<string, unknown>;
}

/** Standard Webhooks message ids: unique per message, the same on every retry and every endpoint. */
export const newMessageId = () => `msg_${randomUUID().replaceAll("-", "")}`;

/** The exact bytes that are signed and sent: the Standard Webhooks envelope. */
export function messageBody(message: { type: string; occurredAt: Date; data: Record<string, unknown> }): string {
  return JSON.stringify({ type: message.type, timestamp: message.occurredAt.toISOString(), data: message.data });
}

/** Queues the message for every endpoint that should get it; returns how many deliveries were written. */
export async function queueWebhook(tx: Runner, message: WebhookMessage): Promise<number> {
  const result = await tx.execute(sql`
    insert into webhook_deliveries (endpoint_id, message_id, event_type, ordering_key, body)
    select e.id, ${newMessageId()}, ${message.type}, ${message.orderingKey}, ${messageBody(message)}
    from webhook_endpoints e
    join users u on u.id = e.owner_user_id and u.disabled_at is null
    where e.disabled_at is null
      and ${message.type} = any(e.event_types)
      and (e.event_id is null or e.event_id = ${message.eventId}::uuid)
      and (u.role = 'admin' or exists (
        select 1 from event_organizers o where o.event_id = ${message.eventId}::uuid and o.user_id = e.owner_user_id))
    on conflict do nothing`);
  return affectedRows(result);
}

function affectedRows(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number };
  return r.count ?? r.affectedRows ?? 0;
}

// ── Payloads: what each message's `data` says ────────────────────────────────

export function eventData(event: Event): Record<string, unknown> {
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    status: event.status,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: event.homeZone,
    displayZones: event.displayZones,
    capacity: event.capacity,
    requiresApproval: event.requiresApproval,
    updatedAt: event.updatedAt.toISOString(),
  };
}

/** A registration as the journal left it; an erased one carries no personal data. */
export function registrationData(registration: Registration, record: Pick<RegistrationEventRow, "toState" | "fromState" | "transition" | "actorKind" | "details">) {
  const erased = record.toState === "erased";
  return {
    id: registration.id,
    eventId: registration.eventId,
    status: record.toState,
    previousStatus: record.fromState,
    transition: record.transition,
    actor: record.actorKind,
    ...(erased
      ? { erased: true }
      : {
          name: registration.name,
          email: registration.email,
          affiliation: registration.affiliation,
          timeZone: registration.timeZone,
          answers: registration.answers,
        }),
    ...(typeof record.details.waitlistTicket === "number" && record.toState === "waitlisted" ? { waitlistTicket: record.details.waitlistTicket } : {}),
    createdAt: registration.createdAt.toISOString(),
    updatedAt: registration.updatedAt.toISOString(),
  };
}

/** Which message a journal entry is; null for entries no consumer is told about (unsubscribe). */
export function registrationEventType(record: Pick<RegistrationEventRow, "transition" | "toState">): WebhookEventType | null {
  switch (record.transition) {
    case "register":
      return "registration.created";
    case "approve":
      return record.toState === "confirmed" ? "registration.confirmed" : "registration.waitlisted";
    case "decline":
      return "registration.declined";
    case "cancel":
    case "erase":
      return "registration.cancelled";
    case "promote":
    case "promote-by-hand":
      return "registration.promoted";
    case "attend":
      return "registration.attended";
    default:
      return null;
  }
}

/** The lifecycle's hook: one message per journal entry, ordered per registration. */
export async function queueRegistrationWebhook(tx: Runner, { record, registration }: { record: RegistrationEventRow; registration: Registration }): Promise<void> {
  const type = registrationEventType(record);
  if (!type) return;
  await queueWebhook(tx, {
    type,
    eventId: record.eventId,
    orderingKey: `registration:${registration.id}`,
    occurredAt: record.occurredAt,
    data: registrationData(registration, record),
  });
}

/** event.published, event.updated, event.cancelled: ordered per event. */
export async function queueEventWebhook(tx: Runner, type: "event.published" | "event.updated" | "event.cancelled", event: Event): Promise<void> {
  await queueWebhook(tx, { type, eventId: event.id, orderingKey: `event:${event.id}`, occurredAt: new Date(), data: eventData(event) });
}

/** recording.published: ordered per recording link. */
export async function queueRecordingWebhook(
  tx: Runner,
  { event, recording }: { event: Event; recording: { id: string; label: string; url: string; publishedAt: Date | null } },
): Promise<void> {
  await queueWebhook(tx, {
    type: "recording.published",
    eventId: event.id,
    orderingKey: `recording:${recording.id}`,
    occurredAt: recording.publishedAt ?? new Date(),
    data: { id: recording.id, eventId: event.id, label: recording.label, url: recording.url, publishedAt: recording.publishedAt?.toISOString() ?? null },
  });
}

/** speaker.updated: a speaker's answer or change through their private page, ordered per speaker and event. */
export async function queueSpeakerWebhook(
  tx: Runner,
  { eventId, person, change, fields }: { eventId: string; person: { id: string; name: string }; change: "response" | "profile" | "talk"; fields: Record<string, unknown> },
): Promise<void> {
  await queueWebhook(tx, {
    type: "speaker.updated",
    eventId,
    orderingKey: `speaker:${person.id}:${eventId}`,
    occurredAt: new Date(),
    data: { personId: person.id, eventId, name: person.name, change, ...fields },
  });
}
