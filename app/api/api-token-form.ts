// The console's "New API token" form, used by the browser (Conform) and the server,
// in the organizer's language (both build it with the same translate function).
import { z } from "zod";
import type { Translate } from "~/i18n/translator";

export const TOKEN_NAME_MAX = 100;

export function apiTokenFormSchemaIn(t: Translate) {
  return z
    .object({
      name: z
        .string({ required_error: t("apiTokens.validation.nameRequired") })
        .trim()
        .min(1, t("apiTokens.validation.nameRequired"))
        .max(TOKEN_NAME_MAX, t("apiTokens.validation.nameTooLong", { max: TOKEN_NAME_MAX })),
      scope: z.enum(["read", "write"], { errorMap: () => ({ message: t("apiTokens.validation.scope") }) }),
      events: z.enum(["all", "chosen"], { errorMap: () => ({ message: t("apiTokens.validation.events") }) }),
      eventIds: z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.string().uuid(t("apiTokens.validation.eventFromList"))).max(500).optional()),
    })
    .superRefine((value, ctx) => {
      if (value.events === "chosen" && !value.eventIds?.length) ctx.addIssue({ code: "custom", path: ["eventIds"], message: t("apiTokens.validation.tickOne") });
    });
}

export type ApiTokenFormValues = z.infer<ReturnType<typeof apiTokenFormSchemaIn>>;
