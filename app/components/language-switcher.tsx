import { useLocation, useMatches, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { LANGUAGE_PARAM, LOCALE_NAMES, SUPPORTED_LOCALES, type Locale } from "~/i18n/locales";
import type { DocumentHandle, loader as rootLoader } from "~/root";

/** The page the visitor is on, without a `?lang=` that would outvote the language they pick. */
function currentPathWithoutLanguage(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete(LANGUAGE_PARAM);
  const query = params.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/**
 * Three buttons in a plain form posting to /language, which sets the cookie and
 * sends the visitor back here: it works the same with JavaScript or without.
 * Each language is named in itself and marked with its own `lang`, so a screen
 * reader pronounces "Svenska" as Swedish.
 */
export function LanguageSwitcher({ current }: { current: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <form method="post" action="/language" className="language-switcher" aria-label={t("layout.language")}>
      <input type="hidden" name="returnTo" value={currentPathWithoutLanguage(location.pathname, location.search)} />
      <ul className="language-switcher__list">
        {SUPPORTED_LOCALES.map((locale) => (
          <li key={locale}>
            <button
              type="submit"
              name="lang"
              value={locale}
              lang={locale}
              className="language-switcher__choice"
              aria-current={locale === current ? "true" : undefined}
            >
              {LOCALE_NAMES[locale]}
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}

/** `<link rel="alternate" hreflang>` for each language and x-default, on public pages only. */
export function LanguageAlternates() {
  const matches = useMatches();
  const location = useLocation();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  if (!root || !matches.some((match) => (match.handle as DocumentHandle | undefined)?.languageAlternates)) return null;
  const base = `${root.origin}${location.pathname}`;
  return (
    <>
      {SUPPORTED_LOCALES.map((locale) => (
        <link key={locale} rel="alternate" hrefLang={locale} href={`${base}?${LANGUAGE_PARAM}=${encodeURIComponent(locale)}`} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={base} />
    </>
  );
}
