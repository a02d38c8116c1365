import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from "@remix-run/react";
import type { ReactNode } from "react";
import stylesheet from "./styles/app.css?url";
import { clientHintScript } from "./viewer/client-hints";
import { useNonce } from "./viewer/nonce";
import { viewerZoneFrom } from "./viewer/viewer-zone.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Podium — webinars by universities and research alliances" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return { viewerZone: viewerZoneFrom(request) };
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: clientHintScript }} />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link to="/" className="brand" aria-label="Podium home">
              <span className="brand__mark" aria-hidden="true">
                P
              </span>
              <span className="brand__name">Podium</span>
            </Link>
            <nav aria-label="Main">
              <ul className="site-nav">
                <li>
                  <Link to="/">Events</Link>
                </li>
                <li>
                  <Link to="/calendar.ics" reloadDocument>
                    Subscribe
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>
              Podium — open-source webinars for universities and research alliances. Times are shown in each event&apos;s
              zones and in yours.
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <section className="error-page" aria-labelledby="error-title">
        <h1 id="error-title">Page not found</h1>
        {/* A route that knows why (an outdated private link, say) says so; otherwise the generic reason. */}
        <p>{typeof error.data === "string" && error.data.length > 0 && !/^not found\.?$/i.test(error.data) ? error.data : "We could not find what you were looking for. It may have moved, or the link may be mistyped."}</p>
        <p>
          <Link to="/">See all events</Link>
        </p>
      </section>
    );
  }
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <h1 id="error-title">{status >= 500 ? "Something went wrong" : "We could not do that"}</h1>
      <p>
        {isRouteErrorResponse(error) && typeof error.data === "string"
          ? error.data
          : "Please try again in a moment. If it keeps happening, contact the organizers."}
      </p>
      <p>
        <Link to="/">Back to all events</Link>
      </p>
    </section>
  );
}
