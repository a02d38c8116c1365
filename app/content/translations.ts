// What can be translated, how long each text may be, and the one zod shape every
// write of a `translations` column goes through (decision 023). Plain .ts: the
// console's translation form validates with the same rules in the browser.
import { z } from "zod";
import type { TranslationsColumn } from "~db/schema";
import { isLocale, LOCALE_NAMES, SUPPORTED_LOCALES, type Locale } from "~/i18n/locales";

interface FieldRule {
  /** What the organizer calls the field in the console. */
  label: string;
  max: number;
  /** A list translated as one unit (a question's options), or one text. */
  list?: true;
  rows?: number;
}

/** Each translatable record and its fields, with the same limits as the source-language forms. */
export const TRANSLATABLE = {
  event: {
    title: { label: "Title", max: 200 },
    summary: { label: "Summary", max: 500, rows: 3 },
    descriptionMd: { label: "Description (markdown)", max: 20_000, rows: 10 },
  },
  series: {
    title: { label: "Title", max: 200 },
    description: { label: "Description", max: 5000, rows: 5 },
  },
  agendaItem: {
    title: { label: "Title", max: 200 },
    abstract: { label: "Abstract", max: 5000, rows: 4 },
  },
  question: {
    label: { label: "Question", max: 300 },
    options: { label: "Options", max: 200, list: true },
  },
  person: {
    position: { label: "Position", max: 200 },
    bio: { label: "Biography", max: 5000, rows: 6 },
  },
} as const satisfies Record<string, Record<string, FieldRule>>;

export type TranslatableKind = keyof typeof TRANSLATABLE;
export type TranslatableField<K extends TranslatableKind> = keyof (typeof TRANSLATABLE)[K] & string;
/** One language's text for one record: only the fields that are translated. */
export type TranslatedFields = Record<string, string | string[]>;

export function fieldRules(kind: TranslatableKind): [string, FieldRule][] {
  return Object.entries(TRANSLATABLE[kind]);
}

/**
 * One language's fields of one kind of record. Blank text counts as "not translated"
 * and is left out (the reader then gets the source text); a list is translated whole
 * or not at all, so a reader never sees options in two languages.
 */
export function translatedFieldsSchema(kind: TranslatableKind) {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const [field, rule] of fieldRules(kind)) {
    const tooLong = `Keep the ${rule.label.toLowerCase()} under ${rule.max} characters`;
    shape[field] = rule.list
      ? z
          .array(z.string().trim().max(rule.max, `Keep each option under ${rule.max} characters`))
          .max(50, "At most 50 options")
          .optional()
          .superRefine((items, ctx) => {
            const filled = (items ?? []).filter((item) => item !== "").length;
            if (filled > 0 && filled < (items ?? []).length) {
              ctx.addIssue({ code: "custom", message: "Translate every option, or leave them all empty to show the source language's" });
            }
          })
      : z.string().trim().max(rule.max, tooLong).optional();
  }
  return z
    .object(shape)
    .strict("Only the fields listed for this record can be translated")
    .transform((fields) => {
      const kept: TranslatedFields = {};
      for (const [field, value] of Object.entries(fields)) {
        if (typeof value === "string" && value !== "") kept[field] = value;
        if (Array.isArray(value) && value.length > 0 && value.every((item: string) => item !== "")) kept[field] = value as string[];
      }
      return kept;
    });
}

/** A whole `translations` column: known languages only, never the source language itself. */
export function translationsSchema(kind: TranslatableKind, sourceLocale: Locale) {
  return z
    .record(z.string(), translatedFieldsSchema(kind))
    .superRefine((byLocale, ctx) => {
      for (const code of Object.keys(byLocale)) {
        if (!isLocale(code)) {
          ctx.addIssue({ code: "custom", path: [code], message: `“${code.slice(0, 20)}” is not a language Podium publishes in (${SUPPORTED_LOCALES.join(", ")})` });
        } else if (code === sourceLocale) {
          ctx.addIssue({ code: "custom", path: [code], message: `${LOCALE_NAMES[code]} is the source language: its text goes in the record itself` });
        }
      }
    })
    .transform((byLocale) => {
      const kept: TranslationsColumn = {};
      for (const [code, fields] of Object.entries(byLocale)) if (Object.keys(fields).length > 0) kept[code] = fields;
      return kept;
    });
}

/** The fields of a record whose source text is there but whose translation into `locale` is not. */
export function missingFields<K extends TranslatableKind>(kind: K, record: Record<string, unknown> & { translations: TranslationsColumn }, locale: Locale): TranslatableField<K>[] {
  const translated = record.translations[locale] ?? {};
  return fieldRules(kind)
    .filter(([field]) => hasText(record[field]) && !hasText(translated[field]))
    .map(([field]) => field as TranslatableField<K>);
}

export function hasText(value: unknown): boolean {
  if (typeof value === "string") return value.trim() !== "";
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === "string" && item.trim() !== "");
}

/** The languages a record could be translated into: every supported one but its source. */
export function targetLocales(sourceLocale: Locale): Locale[] {
  return SUPPORTED_LOCALES.filter((code) => code !== sourceLocale);
}
