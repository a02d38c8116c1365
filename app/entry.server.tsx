import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./viewer/nonce";

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
  if (request.method === "GET" && responseStatusCode === 200) {
    const etag = pageEtag(remixContext, responseStatusCode);
    responseHeaders.set("ETag", etag);
    if (!responseHeaders.has("Cache-Control")) responseHeaders.set("Cache-Control", "private, no-cache");
    responseHeaders.append("Vary", "Cookie");
    if (request.headers.get("If-None-Match") === etag) {
      return new Response(null, { status: 304, headers: responseHeaders });
    }
  }

  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
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
