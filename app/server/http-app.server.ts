import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { ViteDevServer } from "vite";
import type { Database } from "~db/client.server";
import type { Env } from "../env.server";
import { signInFormTargets } from "../auth/oidc-client.server";
import type { PodiumLoadContext } from "../load-context";
import { isCrossSiteRequest } from "../security/same-origin";
import { createContentVersionReader, type ContentVersionReader } from "./content-version.server";
import { createPublicDataCache, type PublicDataCache } from "./public-data-cache.server";
import { guardAgainstDatabaseOutages } from "./database-outage.server";
import { createPageCache, type PageCache } from "./page-cache.server";
import { sendProblem } from "./problem-response.server";
import { createRemixHandler } from "./remix-handler.server";
import { checkRequestTarget, isApiPath, readCheckedForm, rejectUnexpectedMethods, type CheckedForm } from "./request-guard.server";

export interface HttpAppOptions {
  db: Database;
  env: Env;
  linkSecret: string;
  /** Origin of every absolute link (app/security/public-origin.server), never the request's Host. */
  publicOrigin: string;
  /** Production: the built server bundle. Development: a Vite dev server. */
  build: ServerBuild | { vite: ViteDevServer };
  clientDir?: string;
}

/**
 * 16 random bytes per response for the CSP nonce, cut from a 4 KB draw: one call into the
 * system's generator per 256 responses instead of one each (it was 8% of a cached page's
 * CPU). Each slice is used once, so nonces stay as unpredictable as single draws.
 */
let noncePool = Buffer.alloc(0);
let noncePoolOffset = 0;
function freshNonce(): string {
  if (noncePoolOffset + 16 > noncePool.length) {
    noncePool = randomBytes(4096);
    noncePoolOffset = 0;
  }
  const nonce = noncePool.subarray(noncePoolOffset, noncePoolOffset + 16).toString("base64");
  noncePoolOffset += 16;
  return nonce;
}

function securityHeaders(production: boolean, formTargets: readonly string[]): express.RequestHandler {
  return (_req, res, next) => {
    const nonce = freshNonce();
    res.locals.cspNonce = nonce;
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    // Vite's dev client injects inline scripts without a nonce, so the policy is production-only.
    if (production) {
      res.setHeader(
        "Content-Security-Policy",
        [
          "default-src 'self'",
          `script-src 'self' 'nonce-${nonce}'`,
          "style-src 'self' 'unsafe-inline'",
          "img-src 'self' https: data:",
          ["form-action 'self'", ...formTargets].join(" "),
          "frame-ancestors 'none'",
          "base-uri 'self'",
          "object-src 'none'",
        ].join("; "),
      );
    }
    // A 304 tells the browser to reuse the page it holds, whose scripts carry the
    // nonce of the first response; a fresh policy would make them all refuse to run.
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (args[0] === 304 || res.statusCode === 304) res.removeHeader("Content-Security-Policy");
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  };
}

/** "true"/"false" as booleans, a hop count as a number, anything else as express's list of trusted ranges. */
export function trustProxySetting(value: string): boolean | number | string {
  if (value === "true") return true;
  if (value === "false") return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/**
 * The origin the browser believes it is on, for the same-origin check only: a forged
 * Host cannot help a cross-site form (the victim's browser sends the real one).
 */
function requestOrigin(req: express.Request): string | null {
  try {
    return new URL(`${req.protocol}://${req.get("host") ?? ""}`).origin;
  } catch {
    return null;
  }
}

/**
 * The public contract promises /events/:slug.ics and /series/:slug.ics, but a
 * Remix route segment cannot be half dynamic, half literal. The calendars live
 * at /events/:slug/calendar.ics and this maps the promised paths onto them.
 */
const CALENDAR_PATH = /^\/(events|series)\/([^/?]+)\.ics(\?.*)?$/;
function rewriteCalendarPaths(req: express.Request, _res: express.Response, next: express.NextFunction) {
  const match = CALENDAR_PATH.exec(req.url);
  if (match) {
    req.url = `/${match[1]}/${match[2]}/calendar.ics${match[3] ?? ""}`;
    req.originalUrl = req.url;
  }
  next();
}

/** The public caches of a production build, unless PODIUM_PAGE_CACHE_MB=0 (decision 016). */
function publicCaches({ db, env, build, publicOrigin }: HttpAppOptions): { pages: PageCache; data: PublicDataCache } | null {
  if ("vite" in build || env.PODIUM_PAGE_CACHE_MB === 0) return null;
  const versions = createContentVersionReader(db);
  return { pages: publicPageCache({ versions, build, publicOrigin, env }), data: createPublicDataCache(versions) };
}

function publicPageCache({ versions, build, publicOrigin, env }: { versions: ContentVersionReader; build: ServerBuild; publicOrigin: string; env: Env }): PageCache {
  return createPageCache({
    versions,
    buildVersion: build.assets.version,
    publicOrigin,
    maxBytes: env.PODIUM_PAGE_CACHE_MB * 1024 * 1024,
  });
}

/**
 * Responses rendered per request are gzipped, not brotli'd: brotli at a streaming quality
 * costs more CPU per page than it saves in bytes (decision 016). Cached pages, compressed
 * once, do get brotli when it pays. compression() prefers br whenever offered, so it is
 * not offered to it.
 */
function preferGzipForRenderedResponses(req: express.Request, _res: express.Response, next: express.NextFunction) {
  const offered = req.headers["accept-encoding"];
  if (offered && /\bgzip\b/i.test(offered)) {
    req.headers["accept-encoding"] = offered
      .split(",")
      .filter((coding) => !/^\s*br\s*(;|$)/i.test(coding))
      .join(",");
  }
  next();
}

export function createHttpApp(options: HttpAppOptions): express.Express {
  const { db, env, build, publicOrigin } = options;
  const production = !("vite" in build);
  const app = express();
  app.disable("x-powered-by");
  // Nothing reads req.query (Remix reads the URL itself); parsing every query string with qs
  // was a few per cent of each request's CPU.
  app.set("query parser", false);
  app.set("trust proxy", trustProxySetting(env.PODIUM_TRUST_PROXY));
  // Rate limits read the client's address from X-Forwarded-For (app code only sees a
  // Fetch Request). Replace whatever the client sent with the address express derived
  // under the trust setting above, so a forged header cannot buy a fresh budget.
  app.use((req, _res, next) => {
    req.headers["x-forwarded-for"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });
  app.use((req, res, next) => {
    // A proxy's id is kept for tracing when it looks like one; anything else is not echoed.
    const offered = req.get("x-request-id");
    const requestId = offered && /^[\w.:-]{1,128}$/.test(offered) ? offered : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    next();
  });
  app.use(securityHeaders(production, signInFormTargets(env.oidcProviders)));
  const caches = publicCaches(options);
  const pageCache = caches?.pages ?? null;
  // Before compression: cached pages are stored compressed and sent as they are.
  if (pageCache) app.use(pageCache.serve);
  app.use(preferGzipForRenderedResponses);
  app.use(compression());

  if ("vite" in build) {
    app.use(build.vite.middlewares);
  } else {
    const clientDir = options.clientDir ?? path.resolve("build/client");
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    // The few files at the top of build/client (favicon…) by name: a static handler
    // mounted at "/" would stat the disk for every page request before Remix sees it.
    const topLevelFiles = new Set(readdirSync(clientDir, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => `/${e.name}`));
    const topLevelStatic = express.static(clientDir, { maxAge: "1h" });
    app.use((req, res, next) => (topLevelFiles.has(req.path) ? topLevelStatic(req, res, next) : next()));
  }

  app.use(rewriteCalendarPaths);
  app.use(rejectUnexpectedMethods);
  app.use(checkRequestTarget);
  app.use((req, res, next) => {
    // A bearer-token API call carries no ambient credential a cross-site page could borrow
    // (the API never reads cookies), so the same-origin rule has nothing to protect there.
    if (isApiPath(req.path) && req.get("authorization")) return next();
    const allowed = [publicOrigin, requestOrigin(req)].filter((o): o is string => o !== null);
    const crossSite = isCrossSiteRequest({ method: req.method, origin: req.get("origin"), secFetchSite: req.get("sec-fetch-site") }, allowed);
    if (!crossSite) return next();
    sendProblem(req, res, {
      status: 403,
      title: "Cross-site form refused",
      detail: "Cross-site form submissions are refused. Please submit the form from this site.",
    });
  });
  app.use(readCheckedForm());

  const getLoadContext = (_req: express.Request, res: express.Response): AppLoadContext & PodiumLoadContext => ({
    db,
    env,
    origin: publicOrigin,
    links: { origin: publicOrigin, secret: options.linkSecret },
    publicData: caches?.data ?? null,
    cspNonce: res.locals.cspNonce as string,
    requestId: res.locals.requestId as string,
    submittedFields: (res.locals.formBody as CheckedForm | undefined)?.fields ?? [],
  });

  app.all(
    "*",
    createRemixHandler({
      build:
        "vite" in build
          ? async () => guardAgainstDatabaseOutages((await build.vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild)
          : guardAgainstDatabaseOutages(build),
      getLoadContext,
      publicOrigin,
      pageCache,
    }),
  );
  // Whatever still escapes is a fault of ours: log it, answer plainly, never leak a stack.
  app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    console.error(error);
    if (res.headersSent) return next(error);
    sendProblem(req, res, { status: 500, title: "Something went wrong", detail: "Podium could not answer this request. Please try again." });
  });
  return app;
}
