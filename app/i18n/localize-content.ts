// The one owner of "which language does the reader get for this text" (decision 023).
// A field is shown in the reader's language when it has been translated, otherwise in
// the record's source language, always as a whole: a title, a summary, a list of
// options is never stitched together from two languages.
import type { TranslationsColumn } from "~db/schema";
import { isLocale, type Locale } from "./locales";

export interface LocalizedText<T = string> {
  text: T;
  /** The language `text` is actually written in. */
  locale: Locale;
}

type Translatable = { translations: TranslationsColumn };

/** A field of a record in `locale` when translated, else the source text in `defaultLocale`. */
export function localized<R extends Translatable, F extends keyof R & string>(
  record: R,
  field: F,
  locale: Locale,
  defaultLocale: Locale,
): LocalizedText<R[F]> {
  const source = record[field];
  if (locale !== defaultLocale) {
    const translated = record.translations[locale]?.[field];
    if (sameShapeWithText(translated, source)) return { text: translated as R[F], locale };
  }
  return { text: source, locale: defaultLocale };
}

/** A translation counts only when it has text and the shape of the source (text for text, a list as long as the list). */
function sameShapeWithText(translated: unknown, source: unknown): boolean {
  if (typeof source === "string") return typeof translated === "string" && translated.trim() !== "";
  if (Array.isArray(source)) {
    return Array.isArray(translated) && translated.length === source.length && translated.every((item) => typeof item === "string" && item.trim() !== "");
  }
  return false;
}

/** A stored source language, or English for anything the app does not know (the database refuses such values anyway). */
export function sourceLocaleOf(record: { defaultLocale: string }): Locale {
  return isLocale(record.defaultLocale) ? record.defaultLocale : "en";
}

/**
 * What a page needs to show content: the reader's language to pick text in, and the
 * document's language, against which text in another language carries its own `lang`.
 */
export interface ContentLanguage {
  reader: Locale;
  page: Locale;
}

/** The `lang` attribute text needs inside a page in `page`'s language: none when they agree. */
export function langAttribute(textLocale: Locale, page: Locale): Locale | undefined {
  return textLocale === page ? undefined : textLocale;
}

/**
 * Picks each field for the reader and notes, per field, the `lang` the markup needs.
 * `lang` only holds the fields whose language differs from the page's.
 */
export function pickFields<R extends Translatable, F extends keyof R & string>(
  record: R,
  fields: readonly F[],
  defaultLocale: Locale,
  language: ContentLanguage,
): { [K in F]: R[K] } & { lang: Partial<Record<F, Locale>> } {
  const picked = { lang: {} } as { [K in F]: R[K] } & { lang: Partial<Record<F, Locale>> };
  for (const field of fields) {
    const { text, locale } = localized(record, field, language.reader, defaultLocale);
    (picked as Record<string, unknown>)[field] = text;
    const lang = langAttribute(locale, language.page);
    if (lang) picked.lang[field] = lang;
  }
  return picked;
}
