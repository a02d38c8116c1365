import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import type express from "express";
import { sendProblem } from "./problem-response.server";
import type { PageCache } from "./page-cache.server";
import type { CheckedForm } from "./request-guard.server";

// @remix-run/express's handler, with three differences: the body Remix reads is the one
// the request guard already read and checked (the socket's stream is spent by then),
// a Host header that makes no URL falls back to the public origin instead of a 500, and
// Remix's own Origin check, which answers 500, is left to ours (app/security/same-origin).

function requestUrl(req: express.Request, publicOrigin: string): string {
  // Like @remix-run/express: req.hostname honours "trust proxy"; the port comes from Host.
  const port = /:(\d{1,5})$/.exec(req.get("host") ?? "")?.[1];
  try {
    return new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`).href;
  } catch {
    // Concatenated, not resolved: "//x" is a path here, not another host.
    return new URL(`${publicOrigin}${req.originalUrl}`).href;
  }
}

function requestHeaders(req: express.Request): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) {
      try {
        headers.append(name, one);
      } catch {
        // A header value fetch's Headers refuses cannot matter to any route; drop it.
      }
    }
  }
  return headers;
}

function toFetchRequest(req: express.Request, res: express.Response, publicOrigin: string): Request {
  const controller = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const form = res.locals.formBody as CheckedForm | undefined;
  const headers = requestHeaders(req);
  // The same-origin check already ran in express against the configured origin. Remix
  // repeats a stricter one (Origin's host must equal Host) that fails behind a proxy and
  // answers a mismatch, or an unparsable Origin, with a 500: it must not see the header.
  headers.delete("origin");
  if (form) {
    headers.set("Content-Type", form.contentType);
    headers.set("Content-Length", String(form.body.length));
  }
  return new Request(requestUrl(req, publicOrigin), {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(form ? { body: new Uint8Array(form.body) } : {}),
  });
}

/**
 * The body as Remix streams it, without Remix's flush after every chunk: a flush makes
 * the compression stream close a block per chunk, which cost brotli twice the CPU of
 * the render itself. Pages are written whole and small, so nothing waits on a flush.
 */
async function writeBody(body: ReadableStream<Uint8Array>, res: express.Response): Promise<void> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
  } catch (error) {
    res.destroy(error as Error);
    throw error;
  }
}

export function createRemixHandler({
  build,
  getLoadContext,
  publicOrigin,
  pageCache,
}: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext;
  publicOrigin: string;
  /** Keeps the public pages it marked as misses (app/server/page-cache.server.ts). */
  pageCache?: PageCache | null;
}): express.RequestHandler {
  const fixed = typeof build === "function" ? null : createRequestHandler(build, process.env.NODE_ENV);
  return async (req, res, next) => {
    try {
      const handle = fixed ?? createRequestHandler(await (build as () => Promise<ServerBuild>)(), process.env.NODE_ENV);
      const response = await handle(toFetchRequest(req, res, publicOrigin), getLoadContext(req, res));
      if (response.status === 405) {
        // Remix's own 405 (a POST to a page without an action, a GET to an action-only
        // address) explains itself in framework terms; say it plainly, with Allow.
        await response.body?.cancel();
        return sendProblem(req, res, {
          status: 405,
          title: "Method not allowed",
          detail: req.method === "POST" ? "This page does not take form submissions." : "This address only takes form submissions.",
          headers: { Allow: req.method === "POST" ? "GET, HEAD" : "POST" },
        });
      }
      if (pageCache && (await pageCache.storeAndSend(req, res, response))) return;
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      if (response.body) await writeBody(response.body, res);
      else res.end();
    } catch (error) {
      // The client hung up mid-response: nobody is left to answer or to tell.
      if (res.destroyed || req.socket.destroyed) return;
      next(error);
    }
  };
}
