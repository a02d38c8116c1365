// The "email the registrants" form (browser-safe): who gets it, the subject and
// the text. `messageId` is made when the preview is shown and rides along to the
// send, so pressing "Send" twice (or reloading) queues each email once.
import { z } from "zod";

export const MESSAGE_AUDIENCES = ["active", "confirmed", "waitlisted", "pending"] as const;
export type MessageAudience = (typeof MESSAGE_AUDIENCES)[number];

export const MESSAGE_AUDIENCE_LABEL: Record<MessageAudience, string> = {
  active: "Everyone registered (confirmed, waitlisted and pending)",
  confirmed: "Confirmed only",
  waitlisted: "Waitlisted only",
  pending: "Pending approval only",
};

export const MESSAGE_SUBJECT_MAX = 150;
export const MESSAGE_BODY_MAX = 5000;

export const registrantMessageSchema = z.object({
  audience: z.enum(MESSAGE_AUDIENCES, { errorMap: () => ({ message: "Choose who gets the email" }) }),
  subject: z
    .string({ required_error: "Write a subject" })
    .trim()
    .min(1, "Write a subject")
    .max(MESSAGE_SUBJECT_MAX, `Keep the subject under ${MESSAGE_SUBJECT_MAX} characters`)
    .refine((s) => !/[\r\n]/.test(s), "Keep the subject on one line"),
  body: z.string({ required_error: "Write the message" }).trim().min(1, "Write the message").max(MESSAGE_BODY_MAX, `Keep the message under ${MESSAGE_BODY_MAX} characters`),
});

const PREVIEW_FIRST = "Show the preview again before sending";

export const sendMessageSchema = registrantMessageSchema.extend({
  messageId: z.string({ required_error: PREVIEW_FIRST }).uuid(PREVIEW_FIRST),
  expectedCount: z.coerce.number({ invalid_type_error: PREVIEW_FIRST }).int(PREVIEW_FIRST).min(0, PREVIEW_FIRST),
});

export type RegistrantMessageValues = z.infer<typeof registrantMessageSchema>;
export type SendMessageValues = z.infer<typeof sendMessageSchema>;
