// Which language a request is answered in. One place, so the pages, the page
// cache's key and the emails a request writes all agree.
import { readCookie } from "~/viewer/client-hints";
import { isLocale, LANGUAGE_COOKIE, LANGUAGE_PARAM, negotiateLocale, type Locale } from "./locales";

/** The language a visitor chose (their cookie), if it names one we have. */
export function chosenLocale(cookieHeader: string | null | undefined): Locale | null {
  const value = readCookie(cookieHeader ?? null, LANGUAGE_COOKIE);
  return isLocale(value) ? value : null;
}

/**
 * `?lang=` (the hreflang alternates) first, then the podium_lang cookie, then
 * the browser's Accept-Language. An unknown value at any step is ignored.
 */
export function requestLocale(request: Request): Locale {
  const param = new URL(request.url).searchParams.get(LANGUAGE_PARAM);
  if (isLocale(param)) return param;
  return chosenLocale(request.headers.get("Cookie")) ?? negotiateLocale(request.headers.get("Accept-Language"));
}

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

export function languageCookie(locale: Locale): string {
  return `${LANGUAGE_COOKIE}=${encodeURIComponent(locale)}; Max-Age=${ONE_YEAR_SECONDS}; Path=/; SameSite=Lax`;
}
