// The three catalogues, on the server only: pages get the one they render in
// through the root loader, emails and server-made sentences ask here.
import en from "./catalogues/en.json";
import sv from "./catalogues/sv.json";
import zhHant from "./catalogues/zh-Hant.json";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { i18nFor, serializedOnce, translatorOf, type Messages, type Translate } from "./translator";

export const CATALOGUES: Record<Locale, Messages> = { en, "zh-Hant": zhHant, sv };

/** A language's catalogue as JSON text, made once: what the root loader sends a page. */
export const serializedMessagesFor = serializedOnce(CATALOGUES);

/** The translate function of a language, for loaders, domain sentences and emails. */
export function translatorFor(locale: Locale = DEFAULT_LOCALE): Translate {
  return translatorOf(i18nFor(locale, CATALOGUES[locale]));
}

export function i18nServerInstance(locale: Locale) {
  return i18nFor(locale, CATALOGUES[locale]);
}
