// The webhook event catalogue: the names an endpoint subscribes to, and what each
// means. Plain module: the console's form shows the same list the server checks.
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

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  "registration.created": "Someone registered (confirmed, waitlisted or waiting for approval: see data.status)",
  "registration.confirmed": "An organizer approved a pending registration into a seat",
  "registration.waitlisted": "An organizer approved a pending registration onto the waitlist (no seat free)",
  "registration.promoted": "Someone moved up from the waitlist into a seat",
  "registration.declined": "An organizer declined a pending registration",
  "registration.cancelled": "A registration was cancelled, or erased at the person's request",
  "registration.attended": "A confirmed registrant joined the event for the first time",
  "event.published": "A draft event was published",
  "event.updated": "An event's details were saved",
  "event.cancelled": "An event was cancelled",
  "recording.published": "A recording link was published",
  "speaker.updated": "A speaker answered their invitation or changed their profile or talk",
};

/** The test event the console sends; never produced by a change, so no endpoint subscribes to it. */
export const TEST_EVENT_TYPE = "webhook.test";

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
