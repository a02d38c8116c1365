// The endpoint form's one schema, used by Conform in the browser and on the server.
// The URL's network checks (https, no private addresses) need the server's settings
// and run in endpoints.server.ts.
import { z } from "zod";
import { isWebhookEventType, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./event-types";

export const endpointFormSchema = z.object({
  url: z
    .string({ required_error: "Enter the URL Podium should send to" })
    .trim()
    .max(2000, "At most 2,000 characters")
    .url("Enter a full URL, such as https://example.edu/podium-webhook"),
  description: z.string().trim().max(200, "At most 200 characters").optional(),
  eventId: z.string().uuid("Choose one of your events, or all of them").optional(),
  // Checked as a whole, so an unknown type is reported beside the checkboxes, not against one hidden item.
  eventTypes: z
    .array(z.string(), { required_error: "Choose at least one event type" })
    .min(1, "Choose at least one event type")
    .max(WEBHOOK_EVENT_TYPES.length, "Choose event types from the list")
    .refine((types) => types.every(isWebhookEventType), "Choose event types from the list")
    .transform((types) => types as WebhookEventType[]),
});

export type EndpointFormValues = z.infer<typeof endpointFormSchema>;
