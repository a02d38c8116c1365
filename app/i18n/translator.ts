// One i18next instance per language, built synchronously from that language's
// catalogue. Plain .ts: the server builds one for every language it renders;
// the browser builds one only for the language the root loader sent it, so the
// bundle never carries the other catalogues (decision 022).
import i18next, { type i18n as I18n, type TFunction } from "i18next";
import { DEFAULT_LOCALE, isLocale, languageNameIn, type Locale } from "./locales";

/** A language's catalogue: nested objects of messages, plurals as key_one / key_other. */
export type Messages = { [key: string]: string | Messages };
/**
 * A catalogue as JSON text, the way loaders hand one to the page: Remix encodes loader data
 * value by value on every request (even for a page that ships no script), and a catalogue
 * is ~800 values; as one string it costs a single copy. Parsed once per language, below.
 */
export type SerializedMessages = string;
/** Each language's catalogue as JSON text, made on first ask and kept (catalogues do not change within a build). */
export function serializedOnce(catalogues: Record<Locale, Messages>): (locale: Locale) => SerializedMessages {
  const texts = new Map<Locale, SerializedMessages>();
  return (locale) => {
    let text = texts.get(locale);
    if (text === undefined) texts.set(locale, (text = JSON.stringify(catalogues[locale])));
    return text;
  };
}

function parsedMessages(messages: Messages | SerializedMessages): Messages {
  return typeof messages === "string" ? (JSON.parse(messages) as Messages) : messages;
}

/** Every user-facing sentence goes through one of these. */
export type Translate = TFunction;

export function createI18n(locale: Locale, messages: Messages): I18n {
  const instance = i18next.createInstance({
    lng: locale,
    // No silent English in a Swedish page: a missing key shows itself (the catalogue tests refuse it).
    fallbackLng: false,
    resources: { [locale]: { translation: messages } },
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
  void instance.init();
  return instance;
}

const instances = new Map<Locale, I18n>();

/**
 * The instance for the language the page was rendered in, made once: the
 * catalogue of a language does not change within a build.
 */
export function i18nFor(locale: Locale, messages: Messages | SerializedMessages): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createI18n(locale, parsedMessages(messages));
    instances.set(locale, instance);
  }
  return instance;
}

const translators = new WeakMap<I18n, Map<string, Translate>>();
const TRANSLATION_NAMESPACE = "translation";

/**
 * The translate function of one instance and namespace, made once and remembering its
 * answers. A page asks the same few hundred sentences on every render, and each i18next
 * call copies the instance's options and walks the resolver; a catalogue never changes
 * within a build, so an answer found once (with the same plain options) is the answer.
 * Calls with non-plain options (arrays, objects, as <Trans> passes) and keys not found
 * (a namespace added later) are always asked afresh.
 */
export function translatorOf(i18n: I18n, namespace: string = TRANSLATION_NAMESPACE): Translate {
  let byNamespace = translators.get(i18n);
  if (!byNamespace) translators.set(i18n, (byNamespace = new Map()));
  const known = byNamespace.get(namespace);
  if (known) return known;
  const fixed = i18n.getFixedT(i18n.language, namespace) as unknown as ((...args: unknown[]) => unknown) & { lng?: string; lngs?: string[] };
  const answers = new Map<string, string>();
  const remembering = ((key: unknown, options?: unknown, ...rest: unknown[]) => {
    if (typeof key !== "string" || rest.length > 0 || !isPlainOptions(options)) return fixed(key, options, ...rest);
    const id = options === undefined ? key : `${key}\u0000${JSON.stringify(options)}`;
    const remembered = answers.get(id);
    if (remembered !== undefined) return remembered;
    const answer = fixed(key, options);
    if (typeof answer === "string" && answer !== key && answers.size < MAX_REMEMBERED_ANSWERS) answers.set(id, answer);
    return answer;
  }) as unknown as Translate;
  // What i18next's own fixed functions carry, for <Trans t={t}> and localeOf.
  Object.assign(remembering, { lng: fixed.lng, lngs: fixed.lngs, ns: namespace, keyPrefix: undefined });
  byNamespace.set(namespace, remembering);
  return remembering;
}

/** Sentences with a title or a name put in vary without end; past this many, they are no longer kept. */
const MAX_REMEMBERED_ANSWERS = 20_000;

function isPlainOptions(options: unknown): boolean {
  if (options === undefined) return true;
  if (typeof options !== "object" || options === null || Array.isArray(options)) return false;
  return Object.values(options).every((value) => value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean");
}

/** A language's name in the language `t` speaks (i18next's fixed translate functions carry their `lng`). */
export function languageNameFor(t: Translate, language: Locale): string {
  return languageNameIn(localeOf(t), language);
}

/** The language `t` speaks, so a function handed one namespace's `t` can ask another namespace in the same language. */
export function localeOf(t: Translate): Locale {
  const language = (t as { lng?: string }).lng;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

/** The organizer console's namespace (app/i18n/catalogues/console). */
export const CONSOLE_NAMESPACE = "console";

/**
 * Adds a namespace's messages to an instance once (idempotent, synchronous), so the
 * components below can ask `useTranslation(namespace)` in the same render, on the
 * server and in the browser alike.
 */
export function withNamespace(i18n: I18n, namespace: string, locale: Locale, messages: Messages | SerializedMessages): I18n {
  if (!i18n.hasResourceBundle(locale, namespace)) {
    i18n.addResourceBundle(locale, namespace, parsedMessages(messages));
  }
  return i18n;
}
