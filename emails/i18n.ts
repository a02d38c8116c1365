// Emails are written in the recipient's language (registrations.locale), whatever
// language the organizer uses. Rows queued before props carried a locale read English.
import { translatorFor } from "~/i18n/catalogues.server";
import { isLocale, type Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translator";

export function emailLocale(locale: unknown): Locale {
  return isLocale(locale) ? locale : "en";
}

export function emailTranslator(locale: unknown): Translate {
  return translatorFor(emailLocale(locale));
}
