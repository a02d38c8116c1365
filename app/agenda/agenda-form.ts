// The schemas behind the agenda builder's small forms; shared by browser and server,
// their messages in the reader's language.
import { z } from "zod";
import type { Translate } from "~/i18n/translator";

export const AGENDA_KINDS = ["opening_remarks", "talk", "panel", "qa", "break", "closing"] as const;
export const AGENDA_ROLES = ["speaker", "moderator", "panelist", "chair", "host"] as const;

export function segmentFormSchemaIn(t: Translate) {
  return z
    .object({
      kind: z.enum(AGENDA_KINDS, { errorMap: () => ({ message: t("agenda.error.kind") }) }),
      title: z.string({ required_error: t("agenda.error.title") }).trim().min(1, t("agenda.error.title")).max(200, t("agenda.error.titleTooLong")),
      abstract: z.string().trim().max(5000, t("agenda.error.abstractTooLong")).optional().default(""),
      startDate: z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, t("agenda.error.dateFormat")).optional(),
      startTime: z.string().trim().regex(/^\d{2}:\d{2}$/, t("agenda.error.timeFormat")).optional(),
      durationMinutes: z.coerce
        .number({ invalid_type_error: t("agenda.error.durationNumber") })
        .int(t("agenda.error.durationWhole"))
        .min(1, t("agenda.error.durationMin"))
        .max(24 * 60, t("agenda.error.durationMax"))
        .optional(),
    })
    .superRefine((value, ctx) => {
      if (value.startTime && !value.startDate) ctx.addIssue({ code: "custom", path: ["startDate"], message: t("agenda.error.dateToo") });
      if (value.durationMinutes !== undefined && !value.startTime) {
        ctx.addIssue({ code: "custom", path: ["startTime"], message: t("agenda.error.startForDuration") });
      }
    });
}

export type SegmentFormValues = z.infer<ReturnType<typeof segmentFormSchemaIn>>;

export function attachPersonSchemaIn(t: Translate) {
  return z.object({
    personId: z.string({ required_error: t("agenda.error.person") }).uuid(t("agenda.error.personFromList")),
    role: z.enum(AGENDA_ROLES, { errorMap: () => ({ message: t("agenda.error.role") }) }),
  });
}
