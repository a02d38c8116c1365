// The organizer console's messages: an i18next namespace of their own ("console"), so
// public pages never carry them (the root sends its catalogue to every page; the console
// layout sends this one only to console pages). Decision 022, addendum.
//
// The namespace is written in parts, one folder per area of the console, so each
// area's messages can be read (and translated) in one sitting; the parts are joined
// here and may not share a top-level key.
import frameEn from "./catalogues/console/en.json";
import frameSv from "./catalogues/console/sv.json";
import frameZhHant from "./catalogues/console/zh-Hant.json";
import eventPagesEn from "./catalogues/console/event-pages/en.json";
import eventPagesSv from "./catalogues/console/event-pages/sv.json";
import eventPagesZhHant from "./catalogues/console/event-pages/zh-Hant.json";
import directoryEn from "./catalogues/console/directory/en.json";
import directorySv from "./catalogues/console/directory/sv.json";
import directoryZhHant from "./catalogues/console/directory/zh-Hant.json";
import integrationsEn from "./catalogues/console/integrations/en.json";
import integrationsSv from "./catalogues/console/integrations/sv.json";
import integrationsZhHant from "./catalogues/console/integrations/zh-Hant.json";
import { DEFAULT_LOCALE, type Locale } from "./locales";
import { i18nServerInstance } from "./catalogues.server";
import { CONSOLE_NAMESPACE, serializedOnce, translatorOf, withNamespace, type Messages, type Translate } from "./translator";

/** Joins the parts of one language, refusing two parts that claim the same top-level key. */
export function joinCatalogueParts(parts: Record<string, Messages>): Messages {
  const joined: Messages = {};
  const owner = new Map<string, string>();
  for (const [part, messages] of Object.entries(parts)) {
    for (const [key, value] of Object.entries(messages)) {
      const earlier = owner.get(key);
      if (earlier) throw new Error(`Console catalogue parts "${earlier}" and "${part}" both define "${key}"`);
      owner.set(key, part);
      joined[key] = value;
    }
  }
  return joined;
}

export const CONSOLE_CATALOGUES: Record<Locale, Messages> = {
  en: joinCatalogueParts({ frame: frameEn, eventPages: eventPagesEn, directory: directoryEn, integrations: integrationsEn }),
  "zh-Hant": joinCatalogueParts({ frame: frameZhHant, eventPages: eventPagesZhHant, directory: directoryZhHant, integrations: integrationsZhHant }),
  sv: joinCatalogueParts({ frame: frameSv, eventPages: eventPagesSv, directory: directorySv, integrations: integrationsSv }),
};

/** The console's catalogue of a language as JSON text, made once (see SerializedMessages). */
export const serializedConsoleMessagesFor = serializedOnce(CONSOLE_CATALOGUES);

/** The console's translate function, for loaders and actions. */
export function consoleTranslatorFor(locale: Locale = DEFAULT_LOCALE): Translate {
  const i18n = withNamespace(i18nServerInstance(locale), CONSOLE_NAMESPACE, locale, CONSOLE_CATALOGUES[locale]);
  return translatorOf(i18n, CONSOLE_NAMESPACE);
}
