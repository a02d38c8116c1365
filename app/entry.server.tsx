import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { databaseOutageFrom } from "./components/database-outage-page";
import { databaseOutageProblem, prefersProblemDocument } from "./server/database-outage.server";
import { TimeZoneChoicesProvider } from "./components/time-zone-field";
import { timeZoneChoicesHtml } from "./time/zone-catalog.server";
import { NonceProvider } from "./viewer/nonce";
import { I18nextProvider } from "react-i18next";
import { i18nServerInstance } from "./i18n/catalogues.server";
import { requestLocale } from "./i18n/request-locale.server";

// Deferred data still pending after this long is rejected (single fetch reads this export).
export const streamTimeout = 5_000;

/**
 * A page is a pure function of its loaders' data and the build, so hashing the
 * two gives an ETag without rendering. A matching If-None-Match skips the React
 * render entirely; the data still comes fresh from the database every time.
 */
function pageEtag(remixContext: EntryContext, statusCode: number): string {
  const hash = createHash("sha1");
  hash.update(remixContext.manifest.version);
  hash.update(String(statusCode));
  hash.update(JSON.stringify(remixContext.staticHandlerContext.loaderData));
  return `W/"${hash.digest("base64url")}"`;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const outage = Object.values(remixContext.staticHandlerContext.errors ?? {})
    .map(databaseOutageFrom)
    .find((found) => found !== null);
  if (outage) {
    // A page whose loader or action found the database away (app/server/database-outage.server.ts).
    if (prefersProblemDocument(request)) return databaseOutageProblem(outage.retryAfterSeconds);
    responseStatusCode = 503;
    responseHeaders.set("Retry-After", String(outage.retryAfterSeconds));
    responseHeaders.set("Cache-Control", "no-store");
  }
  if (request.method === "GET" && responseStatusCode === 200) {
    const etag = pageEtag(remixContext, responseStatusCode);
    responseHeaders.set("ETag", etag);
    if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "private, no-cache");
    // The language follows the podium_lang cookie, else Accept-Language (app/i18n/request-locale.server.ts).
    responseHeaders.append("Vary", "Cookie, Accept-Language");
    if (request.headers.get("If-None-Match") === etag) {
      return new Response(null, { status: 304, headers: responseHeaders });
    }
  }

  const nonce = loadContext.cspNonce;
  const locale = requestLocale(request);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        {/* The root's own provider takes over whenever its loader answered; this one speaks for pages whose root failed. */}
        <I18nextProvider i18n={i18nServerInstance(locale)}>
          <TimeZoneChoicesProvider value={timeZoneChoicesHtml(locale)}>
            <RemixServer context={remixContext} url={request.url} nonce={nonce} />
          </TimeZoneChoicesProvider>
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are streamed to the error boundary; log them once here.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1_000);
  });
}
