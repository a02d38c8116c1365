// The organizer console's messages: an i18next namespace of their own ("console"), so
// public pages never carry them (the root sends its catalogue to every page; the console
// layout sends this one only to console pages). Decision 022, addendum.
import en from "./catalogues/console/en.json";
import sv from "./catalogues/console/sv.json";
import zhHant from "./catalogues/console/zh-Hant.json";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { i18nServerInstance } from "./catalogues.server";
import { CONSOLE_NAMESPACE, withNamespace, type Messages, type Translate } from "./translator";

export const CONSOLE_CATALOGUES: Record<Locale, Messages> = { en, "zh-Hant": zhHant, sv };

export function consoleMessagesFor(locale: Locale): Messages {
  return CONSOLE_CATALOGUES[locale];
}

/** The console's translate function, for loaders and actions. */
export function consoleTranslatorFor(locale: Locale = DEFAULT_LOCALE): Translate {
  const i18n = withNamespace(i18nServerInstance(locale), CONSOLE_NAMESPACE, locale, CONSOLE_CATALOGUES[locale]);
  return i18n.getFixedT(locale, CONSOLE_NAMESPACE);
}
