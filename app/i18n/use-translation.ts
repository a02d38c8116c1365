// The components' translate hook. It answers like react-i18next's useTranslation, from the
// same I18nextProvider, without what that hook costs on every call during a server render
// (a copy of the whole i18n instance, a store subscription, a fresh translate function)
// for what Podium never does: change a page's language in place or load a namespace
// later. A page's language is fixed by its request; the switcher loads a new page.
import { useContext } from "react";
import { getI18n, I18nContext } from "react-i18next";
import type { i18n as I18n } from "i18next";
import { translatorOf, type Translate } from "./translator";

export function useTranslation(namespace?: string): { t: Translate; i18n: I18n } {
  const i18n = (useContext(I18nContext) as { i18n?: I18n } | undefined)?.i18n ?? getI18n();
  if (!i18n) throw new Error("useTranslation outside an I18nextProvider: the root and entry.server provide one");
  return { t: translatorOf(i18n, namespace), i18n };
}
