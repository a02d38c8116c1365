// Content (an event's title, a speaker's bio…) is read in the same language as the
// interface around it: requestLocale decides both, so a page never mixes them except
// where a field has no translation and falls back with its own `lang`.
import { DEFAULT_LOCALE, negotiateLocale, type Locale } from "./locales";
import type { ContentLanguage } from "./localize-content";
import { chosenLocale, requestLocale } from "./request-locale.server";

/** From the cookie, else Accept-Language: what a request without `?lang=` reads in. The page cache keys on this. */
export function localeFromHeaders(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  return chosenLocale(cookieHeader) ?? negotiateLocale(acceptLanguage);
}

export function contentLanguage(request: Request): ContentLanguage {
  const locale = requestLocale(request);
  return { reader: locale, page: locale };
}

/**
 * A feed address that keeps the reader's language: calendar apps fetch subscriptions
 * without the reader's cookie or browser language, so anything but English is named in
 * the address (`?lang=sv`).
 */
export function feedUrlIn(url: string, locale: Locale): string {
  if (locale === DEFAULT_LOCALE) return url;
  const withLanguage = new URL(url);
  withLanguage.searchParams.set("lang", locale);
  return withLanguage.toString();
}
