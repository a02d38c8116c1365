// The "email the registrants" form (browser-safe): who gets it, the subject and
// the text. `messageId` is made when the preview is shown and rides along to the
// send, so pressing "Send" twice (or reloading) queues each email once.
import { z } from "zod";
import type { Translate } from "~/i18n/translator";

export const MESSAGE_AUDIENCES = ["active", "confirmed", "waitlisted", "pending"] as const;
export type MessageAudience = (typeof MESSAGE_AUDIENCES)[number];

/** English names, for the audit log (its records are written once, in English); pages use `messages.audience.<audience>`. */
export const MESSAGE_AUDIENCE_LABEL: Record<MessageAudience, string> = {
  active: "Everyone registered (confirmed, waitlisted and pending)",
  confirmed: "Confirmed only",
  waitlisted: "Waitlisted only",
  pending: "Pending approval only",
};

export const MESSAGE_SUBJECT_MAX = 150;
export const MESSAGE_BODY_MAX = 5000;

export function registrantMessageSchemaIn(t: Translate) {
  return z.object({
    audience: z.enum(MESSAGE_AUDIENCES, { errorMap: () => ({ message: t("messages.error.audience") }) }),
    subject: z
      .string({ required_error: t("messages.error.subject") })
      .trim()
      .min(1, t("messages.error.subject"))
      .max(MESSAGE_SUBJECT_MAX, t("messages.error.subjectTooLong", { max: MESSAGE_SUBJECT_MAX }))
      .refine((s) => !/[\r\n]/.test(s), t("messages.error.subjectOneLine")),
    body: z
      .string({ required_error: t("messages.error.body") })
      .trim()
      .min(1, t("messages.error.body"))
      .max(MESSAGE_BODY_MAX, t("messages.error.bodyTooLong", { max: MESSAGE_BODY_MAX })),
  });
}

export function sendMessageSchemaIn(t: Translate) {
  const previewFirst = t("messages.error.previewFirst");
  return registrantMessageSchemaIn(t).extend({
    messageId: z.string({ required_error: previewFirst }).uuid(previewFirst),
    expectedCount: z.coerce.number({ invalid_type_error: previewFirst }).int(previewFirst).min(0, previewFirst),
  });
}

export type RegistrantMessageValues = z.infer<ReturnType<typeof registrantMessageSchemaIn>>;
export type SendMessageValues = z.infer<ReturnType<typeof sendMessageSchemaIn>>;
