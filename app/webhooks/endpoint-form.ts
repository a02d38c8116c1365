// The endpoint form's one schema, used by Conform in the browser and on the server,
// in the organizer's language (both build it with the same translate function).
// The URL's network checks (https, no private addresses) need the server's settings
// and run in endpoints.server.ts.
import { z } from "zod";
import type { Translate } from "~/i18n/translator";
import { isWebhookEventType, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "./event-types";

export function endpointFormSchemaIn(t: Translate) {
  return z.object({
    url: z
      .string({ required_error: t("webhooks.validation.urlRequired") })
      .trim()
      .max(2000, t("webhooks.validation.urlTooLong"))
      .url(t("webhooks.validation.urlInvalid")),
    description: z.string().trim().max(200, t("webhooks.validation.descriptionTooLong")).optional(),
    eventId: z.string().uuid(t("webhooks.validation.eventInvalid")).optional(),
    // Checked as a whole, so an unknown type is reported beside the checkboxes, not against one hidden item.
    eventTypes: z
      .array(z.string(), { required_error: t("webhooks.validation.typesRequired") })
      .min(1, t("webhooks.validation.typesRequired"))
      .max(WEBHOOK_EVENT_TYPES.length, t("webhooks.validation.typesFromList"))
      .refine((types) => types.every(isWebhookEventType), t("webhooks.validation.typesFromList"))
      .transform((types) => types as WebhookEventType[]),
  });
}

export type EndpointFormValues = z.infer<ReturnType<typeof endpointFormSchemaIn>>;
