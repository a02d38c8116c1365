// The languages Podium speaks. English is the source language and the last
// fallback; Traditional Chinese is written as in Hong Kong; Swedish as in Sweden.
// Plain .ts: the browser bundle (the language switcher) reads this list too.
export const SUPPORTED_LOCALES = ["en", "zh-Hant", "sv"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language's own name, as its readers would look for it in a switcher. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-Hant": "繁體中文", sv: "Svenska" };

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * A language's name as the reader calls it, for use inside a sentence ("Skrivet på
 * engelska", "以英文撰寫", "Save Swedish"); a switcher or a tab shows LOCALE_NAMES instead,
 * each language under its own name.
 */
export function languageNameIn(reader: string | undefined, language: Locale): string {
  const readerLocale = isLocale(reader) ? reader : DEFAULT_LOCALE;
  let names = displayNames.get(readerLocale);
  if (!names) {
    names = new Intl.DisplayNames([readerLocale], { type: "language" });
    displayNames.set(readerLocale, names);
  }
  return names.of(language) ?? LOCALE_NAMES[language];
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * The supported language a BCP 47 tag asks for, or null. Any Chinese tag reads
 * Traditional Chinese (the only Chinese we have, and closer to a Simplified
 * reader than English); region and script subtags are otherwise ignored.
 */
export function localeForTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  if (primary === "en") return "en";
  if (primary === "zh") return "zh-Hant";
  if (primary === "sv") return "sv";
  return null;
}

/**
 * The best supported language for an Accept-Language header: highest quality
 * first, ties in the order given, `*` and unknown tags skipped, q=0 refused.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .slice(0, 1000)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const entry of ranked) {
    const locale = localeForTag(entry.tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/** The cookie that keeps a visitor's chosen language (set by /language, read by requestLocale and the page cache). */
export const LANGUAGE_COOKIE = "podium_lang";
/** The query parameter of the hreflang alternates: `?lang=sv` shows that language without setting the cookie. */
export const LANGUAGE_PARAM = "lang";
