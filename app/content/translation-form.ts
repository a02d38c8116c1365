// The console's translation form: one language at a time, every translatable field of
// an event (with its segments and questions), a series or a person, each beside its
// source text. One schema for the browser (Conform) and the server.
import { z } from "zod";
import { SUPPORTED_LOCALES } from "~/i18n/locales";
import type { Translate } from "~/i18n/translator";
import { TRANSLATABLE, type TranslatableKind } from "./translations";

/**
 * The translation page's language tab in its address (`?into=sv`). Not `?lang=`: that one
 * chooses the language the whole page is written in, and the organizer's console must not
 * turn Swedish because they opened the Swedish tab.
 */
export const TRANSLATION_TAB_PARAM = "into";

/** "agendaItem:<uuid>": which record an entry belongs to. */
export function targetOf(kind: TranslatableKind, id: string): string {
  return `${kind}:${id}`;
}

export function parseTarget(target: string): { kind: TranslatableKind; id: string } | null {
  const at = target.indexOf(":");
  const kind = target.slice(0, at);
  if (at < 1 || !(kind in TRANSLATABLE)) return null;
  return { kind: kind as TranslatableKind, id: target.slice(at + 1) };
}

function ruleFor(target: string, field: string) {
  const parsed = parseTarget(target);
  if (!parsed) return null;
  const rules = TRANSLATABLE[parsed.kind] as Record<string, { label: string; max: number; list?: true }>;
  return Object.prototype.hasOwnProperty.call(rules, field) ? rules[field]! : null;
}

/** The translation form in the organizer's language (`t`: the console translator). */
export function translationFormSchemaIn(t: Translate) {
  const entrySchema = z.object({
    target: z.string().max(80),
    field: z.string().max(40),
    text: z.string().max(20_000, t("translationEditor.textTooLong")).optional(),
    items: z.array(z.string().max(1000, t("translationEditor.optionTooLong")).optional()).max(50, t("translationEditor.atMostOptions", { max: 50 })).optional(),
  });
  return z
    .object({
      locale: z.enum(SUPPORTED_LOCALES, { errorMap: () => ({ message: t("translationEditor.chooseLanguage") }) }),
      entries: z.array(entrySchema).max(400, t("translationEditor.tooManyFields")).default([]),
    })
    .superRefine((value, ctx) => {
      value.entries.forEach((entry, index) => {
        const rule = ruleFor(entry.target, entry.field);
        if (!rule) {
          ctx.addIssue({ code: "custom", path: ["entries", index, "text"], message: t("translationEditor.cannotTranslate") });
          return;
        }
        const text = entry.text?.trim() ?? "";
        if (!rule.list && text.length > rule.max) {
          const field = t(`translationEditor.field.${entry.field}`).toLowerCase();
          ctx.addIssue({ code: "custom", path: ["entries", index, "text"], message: t("translationEditor.fieldTooLong", { field, max: rule.max }) });
        }
        if (rule.list) {
          const items = (entry.items ?? []).map((item) => item?.trim() ?? "");
          items.forEach((item, itemIndex) => {
            if (item.length > rule.max) {
              ctx.addIssue({ code: "custom", path: ["entries", index, "items", itemIndex], message: t("translationEditor.eachOptionTooLong", { max: rule.max }) });
            }
          });
          const filled = items.filter((item) => item !== "").length;
          if (filled > 0 && filled < items.length) {
            ctx.addIssue({ code: "custom", path: ["entries", index, "items"], message: t("translationEditor.allOrNone") });
          }
        }
      });
    });
}

export type TranslationFormValues = z.infer<ReturnType<typeof translationFormSchemaIn>>;

/** The small form beside it: which language the record's own text is written in. */
export function sourceLocaleFormSchemaIn(t: Translate) {
  return z.object({
    defaultLocale: z.enum(SUPPORTED_LOCALES, { errorMap: () => ({ message: t("translationEditor.chooseLanguage") }) }),
  });
}
