// The webhook event catalogue: the names an endpoint subscribes to. Plain module: the
// console's form shows the same list the server checks; what each means is in the
// console's catalogue (webhooks.eventType), in the organizer's language.
export const WEBHOOK_EVENT_TYPES = [
  "registration.created",
  "registration.confirmed",
  "registration.waitlisted",
  "registration.promoted",
  "registration.declined",
  "registration.cancelled",
  "registration.attended",
  "event.published",
  "event.updated",
  "event.cancelled",
  "recording.published",
  "speaker.updated",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The test event the console sends; never produced by a change, so no endpoint subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
