import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { I18nextProvider } from "react-i18next";
import { useTranslation } from "~/i18n/use-translation";
import { DatabaseOutagePage, databaseOutageFrom } from "./components/database-outage-page";
import { LanguageAlternates, LanguageSwitcher } from "./components/language-switcher";
import { serializedMessagesFor, translatorFor } from "./i18n/catalogues.server";
import { requestLocale } from "./i18n/request-locale.server";
import { DEFAULT_LOCALE, type Locale } from "./i18n/locales";
import { i18nFor } from "./i18n/translator";
import stylesheet from "./styles/app.css?url";
import { clientHintScript } from "./viewer/client-hints";
import { useNonce } from "./viewer/nonce";
import { viewerZoneFrom } from "./viewer/viewer-zone.server";
import { zoneName } from "./time";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.siteTitle ?? "Podium" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const viewerZone = viewerZoneFrom(request);
  return {
    viewerZone,
    viewerZoneName: viewerZone ? zoneName(viewerZone, locale) : null,
    locale,
    // Only the language this page is in: the browser hydrates with it and never downloads the others.
    messages: serializedMessagesFor(locale),
    origin: context.origin,
    siteTitle: translatorFor(locale)("site.title"),
  };
}

/** What a route's `handle` may say about its documents. */
export interface DocumentHandle {
  /** false: a document of this route ships no JavaScript at all; the server renders everything (decision 017). */
  hydrate?: boolean;
  /** true: a public page, announced in every language with hreflang alternates. */
  languageAlternates?: boolean;
}

/**
 * Whether this render carries the app's scripts. Only a document decides: in the
 * browser the app is already running (a client-side navigation into such a
 * route), and the server rendered the scripts of every page the browser hydrates.
 */
function useShipsScripts(): boolean {
  const matches = useMatches();
  if (typeof document !== "undefined") return true;
  return !matches.some((match) => (match.handle as DocumentHandle | undefined)?.hydrate === false);
}

/**
 * The root loader's language wraps everything. Without its data (the root itself
 * failed) the server's provider from entry.server still answers in the request's language.
 */
export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  if (!data) return <Document>{children}</Document>;
  return (
    <I18nextProvider i18n={i18nFor(data.locale, data.messages)}>
      <Document>{children}</Document>
    </I18nextProvider>
  );
}

function Document({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const shipsScripts = useShipsScripts();
  const { t, i18n } = useTranslation();
  const locale = (i18n?.language ?? DEFAULT_LOCALE) as Locale;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: clientHintScript }} />
        <Meta />
        <Links />
        <LanguageAlternates />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("layout.skipToContent")}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            {/* The name comes from the visible text (no aria-label), so speech users can say what they see. */}
            <Link to="/" className="brand">
              <span className="brand__mark" aria-hidden="true" />
              <span className="brand__name">Podium</span>
            </Link>
            <nav aria-label={t("layout.mainNavigation")}>
              <ul className="site-nav">
                <li>
                  <Link to="/">{t("layout.events")}</Link>
                </li>
                <li>
                  <Link to="/subscribe">{t("layout.subscribe")}</Link>
                </li>
              </ul>
            </nav>
            <LanguageSwitcher current={locale} />
          </div>
          <ViewerZoneBar />
        </header>
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t("layout.footer")}</p>
          </div>
        </footer>
        {shipsScripts ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

/** "Times in your zone: Europe/Stockholm · Change", on every page, working without JavaScript. */
function ViewerZoneBar() {
  const { t } = useTranslation();
  const zone = useRouteLoaderData<typeof loader>("root")?.viewerZoneName ?? null;
  const location = useLocation();
  if (location.pathname === "/time-zone") return null;
  const href = `/time-zone?returnTo=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <div className="viewer-zone-bar">
      <p className="container viewer-zone-bar__inner">
        {zone ? (
          <>
            <span>
              {/* One text node ("Your time: "), and no space after a full-width colon. */}
              {t("layout.yourTime").endsWith("：") ? t("layout.yourTime") : `${t("layout.yourTime")} `}
              <strong>{zone}</strong>
            </span>
            <Link to={href}>
              {t("layout.changeZone")}
              <span className="visually-hidden"> {t("layout.changeZoneHidden")}</span>
            </Link>
          </>
        ) : (
          <>
            <span>{t("layout.organizerZones")}</span>
            <Link to={href}>{t("layout.showInMyZone")}</Link>
          </>
        )}
      </p>
    </div>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const { t } = useTranslation();
  const error = useRouteError();
  const outage = databaseOutageFrom(error);
  if (outage) return <DatabaseOutagePage outage={outage} />;
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="error-page" aria-labelledby="error-title">
        <h1 id="error-title">{t("errors.notFoundTitle")}</h1>
        {/* A route that knows why (an outdated private link, say) says so; otherwise the generic reason. */}
        <p>{typeof error.data === "string" && error.data.length > 0 && !/^not found\.?$/i.test(error.data) ? error.data : t("errors.notFoundBody")}</p>
        <p>
          <Link to="/">{t("errors.seeAllEvents")}</Link>
        </p>
      </section>
    );
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{status >= 500 ? t("errors.serverTitle") : t("errors.refusedTitle")}</h1>
      <p>
        {isRouteErrorResponse(error) && typeof error.data === "string"
          ? error.data
          : t("errors.serverBody")}
      </p>
      <p>
        <Link to="/">{t("errors.backToEvents")}</Link>
      </p>
    </section>
  );
}
