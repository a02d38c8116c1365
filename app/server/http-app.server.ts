import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import type { ViteDevServer } from "vite";
import type { Database } from "~db/client.server";
import type { Env } from "../env.server";
import type { PodiumLoadContext } from "../load-context";
import { isCrossSiteRequest } from "../security/same-origin";

export interface HttpAppOptions {
  db: Database;
  env: Env;
  linkSecret: string;
  /** Production: the built server bundle. Development: a Vite dev server. */
  build: ServerBuild | { vite: ViteDevServer };
  clientDir?: string;
}

function securityHeaders(production: boolean): express.RequestHandler {
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
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
          "form-action 'self'",
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

export function originOf(req: express.Request, env: Env): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/$/, "");
  return `${req.protocol}://${req.get("host") ?? `localhost:${env.PORT}`}`;
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

export function createHttpApp(options: HttpAppOptions): express.Express {
  const { db, env, build } = options;
  const production = !("vite" in build);
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", trustProxySetting(env.PODIUM_TRUST_PROXY));
  // Rate limits read the client's address from X-Forwarded-For (app code only sees a
  // Fetch Request). Replace whatever the client sent with the address express derived
  // under the trust setting above, so a forged header cannot buy a fresh budget.
  app.use((req, _res, next) => {
    req.headers["x-forwarded-for"] = req.ip ?? req.socket.remoteAddress ?? "unknown";
    next();
  });
  app.use(compression());
  app.use((req, res, next) => {
    const requestId = req.get("x-request-id") ?? randomUUID();
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    next();
  });
  app.use(securityHeaders(production));

  if ("vite" in build) {
    app.use(build.vite.middlewares);
  } else {
    const clientDir = options.clientDir ?? path.resolve("build/client");
    app.use("/assets", express.static(path.join(clientDir, "assets"), { immutable: true, maxAge: "1y" }));
    app.use(express.static(clientDir, { maxAge: "1h" }));
  }

  app.use(rewriteCalendarPaths);
  app.use((req, res, next) => {
    const crossSite = isCrossSiteRequest(
      { method: req.method, origin: req.get("origin"), secFetchSite: req.get("sec-fetch-site") },
      [originOf(req, env)],
    );
    if (!crossSite) return next();
    res.status(403);
    if (req.accepts(["html", "json"]) === "json") res.json({ error: "Cross-site request refused" });
    else res.type("text/plain").send("Cross-site form submissions are refused. Please submit the form from this site.");
  });

  const getLoadContext = (req: express.Request, res: express.Response): AppLoadContext & PodiumLoadContext => ({
    db,
    env,
    origin: originOf(req, env),
    links: { origin: originOf(req, env), secret: options.linkSecret },
    cspNonce: res.locals.cspNonce as string,
    requestId: res.locals.requestId as string,
  });

  app.all(
    "*",
    "vite" in build
      ? async (req, res, next) => {
          try {
            const serverBuild = (await build.vite.ssrLoadModule("virtual:remix/server-build")) as ServerBuild;
            return createRequestHandler({ build: serverBuild, getLoadContext })(req, res, next);
          } catch (error) {
            next(error);
          }
        }
      : createRequestHandler({ build, getLoadContext }),
  );
  return app;
}
