// The "duplicate event" form (browser-safe): the copy's title, its new start
// (typed in the original's home zone) and, optionally, its address.
import { z } from "zod";
import { SLUG_PATTERN } from "./directory-fields";
import { TITLE_MAX } from "./event-form";

export const duplicateEventSchema = z.object({
  title: z.string({ required_error: "Give the copy a title" }).trim().min(1, "Give the copy a title").max(TITLE_MAX, `Keep the title under ${TITLE_MAX} characters`),
  startDate: z.string({ required_error: "Enter the new date" }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the new date as YYYY-MM-DD"),
  startTime: z.string({ required_error: "Enter the new start time" }).trim().regex(/^\d{2}:\d{2}$/, "Enter the new start time as HH:MM"),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, "Keep the address under 80 characters")
    .regex(SLUG_PATTERN, "Use lowercase letters, digits and single hyphens")
    .optional(),
});

export type DuplicateEventValues = z.infer<typeof duplicateEventSchema>;
