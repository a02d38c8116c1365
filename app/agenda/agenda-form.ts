// The schemas behind the agenda builder's small forms; shared by browser and server.
import { z } from "zod";

export const AGENDA_KINDS = ["opening_remarks", "talk", "panel", "qa", "break", "closing"] as const;
export const AGENDA_ROLES = ["speaker", "moderator", "panelist", "chair", "host"] as const;

export const segmentFormSchema = z
  .object({
    kind: z.enum(AGENDA_KINDS, { errorMap: () => ({ message: "Choose the kind of segment" }) }),
    title: z.string({ required_error: "Give the segment a title" }).trim().min(1, "Give the segment a title").max(200, "Keep the title under 200 characters"),
    abstract: z.string().trim().max(5000, "Keep the abstract under 5000 characters").optional().default(""),
    startDate: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date as YYYY-MM-DD").optional(),
    startTime: z.string().trim().regex(/^\d{2}:\d{2}$/, "Enter the time as HH:MM").optional(),
    durationMinutes: z.coerce
      .number({ invalid_type_error: "The duration must be a number of minutes" })
      .int("The duration must be a whole number of minutes")
      .min(1, "A segment lasts at least a minute")
      .max(24 * 60, "A segment lasts at most 24 hours")
      .optional(),
  })
  .superRefine((value, ctx) => {
    if (value.startTime && !value.startDate) ctx.addIssue({ code: "custom", path: ["startDate"], message: "Enter the date as well as the time" });
    if (value.durationMinutes !== undefined && !value.startTime) {
      ctx.addIssue({ code: "custom", path: ["startTime"], message: "Enter a start time for the duration to mean something" });
    }
  });

export type SegmentFormValues = z.infer<typeof segmentFormSchema>;

export const attachPersonSchema = z.object({
  personId: z.string({ required_error: "Choose a person" }).uuid("Choose a person from the list"),
  role: z.enum(AGENDA_ROLES, { errorMap: () => ({ message: "Choose a role" }) }),
});
