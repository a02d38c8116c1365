// The console's translation form: one language at a time, every translatable field of
// an event (with its segments and questions), a series or a person, each beside its
// source text. One schema for the browser (Conform) and the server.
import { z } from "zod";
import { SUPPORTED_LOCALES } from "~/i18n/locales";
import { TRANSLATABLE, type TranslatableKind } from "./translations";

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

const entrySchema = z.object({
  target: z.string().max(80),
  field: z.string().max(40),
  text: z.string().max(20_000, "That text is too long").optional(),
  items: z.array(z.string().max(1000, "That option is too long").optional()).max(50, "At most 50 options").optional(),
});

export const translationFormSchema = z
  .object({
    locale: z.enum(SUPPORTED_LOCALES, { errorMap: () => ({ message: "Choose one of the languages Podium publishes in" }) }),
    entries: z.array(entrySchema).max(400, "Too many fields in one form").default([]),
  })
  .superRefine((value, ctx) => {
    value.entries.forEach((entry, index) => {
      const rule = ruleFor(entry.target, entry.field);
      if (!rule) {
        ctx.addIssue({ code: "custom", path: ["entries", index, "text"], message: "This field cannot be translated; reload the page" });
        return;
      }
      const text = entry.text?.trim() ?? "";
      if (!rule.list && text.length > rule.max) {
        ctx.addIssue({ code: "custom", path: ["entries", index, "text"], message: `Keep the ${rule.label.toLowerCase()} under ${rule.max} characters` });
      }
      if (rule.list) {
        const items = (entry.items ?? []).map((item) => item?.trim() ?? "");
        items.forEach((item, itemIndex) => {
          if (item.length > rule.max) ctx.addIssue({ code: "custom", path: ["entries", index, "items", itemIndex], message: `Keep each option under ${rule.max} characters` });
        });
        const filled = items.filter((item) => item !== "").length;
        if (filled > 0 && filled < items.length) {
          ctx.addIssue({ code: "custom", path: ["entries", index, "items"], message: "Translate every option, or leave them all empty to show the source language's" });
        }
      }
    });
  });

export type TranslationFormValues = z.infer<typeof translationFormSchema>;

/** The small form beside it: which language the record's own text is written in. */
export const sourceLocaleFormSchema = z.object({
  defaultLocale: z.enum(SUPPORTED_LOCALES, { errorMap: () => ({ message: "Choose one of the languages Podium publishes in" }) }),
});
