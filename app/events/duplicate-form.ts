// The "duplicate event" form (browser-safe): the copy's title, its new start
// (typed in the original's home zone) and, optionally, its address.
import { z } from "zod";
import type { Translate } from "~/i18n/translator";
import { SLUG_PATTERN } from "./directory-fields";
import { TITLE_MAX } from "./event-form";

export function duplicateEventSchemaIn(t: Translate) {
  return z.object({
    title: z
      .string({ required_error: t("eventDuplicate.error.title") })
      .trim()
      .min(1, t("eventDuplicate.error.title"))
      .max(TITLE_MAX, t("eventDuplicate.error.titleTooLong", { max: TITLE_MAX })),
    startDate: z.string({ required_error: t("eventDuplicate.error.startDate") }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, t("eventDuplicate.error.startDateFormat")),
    startTime: z.string({ required_error: t("eventDuplicate.error.startTime") }).trim().regex(/^\d{2}:\d{2}$/, t("eventDuplicate.error.startTimeFormat")),
    slug: z.string().trim().toLowerCase().max(80, t("eventDuplicate.error.slugTooLong")).regex(SLUG_PATTERN, t("eventDuplicate.error.slugPattern")).optional(),
  });
}

export type DuplicateEventValues = z.infer<ReturnType<typeof duplicateEventSchemaIn>>;
