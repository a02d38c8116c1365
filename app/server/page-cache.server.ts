// Public pages and feeds served from memory, already compressed, keyed by the content
// version committed in the database (decision 016). A conditional GET is answered from
// that version alone, before any loader runs. Anything personal (a session, a flash, an
// unknown cookie, a query string) goes past the cache to a normal render.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import zlib from "node:zlib";
import type express from "express";
import { localeFromHeaders } from "~/i18n/content-locale.server";
import { LANGUAGE_COOKIE } from "~/i18n/locales";
import { MANUAL_ZONE_COOKIE, TIME_ZONE_COOKIE } from "~/viewer/client-hints";
import type { ContentSnapshot, ContentVersionReader } from "./content-version.server";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Pages a visitor without a session sees the same as everyone in their zone. */
const PUBLIC_PAGE = /^\/(?:|(?:events|series|speakers)\/[a-z0-9][a-z0-9-]{0,150})$/;
/** Feeds depend on nothing about the visitor (times are UTC or carry their zone). */
const PUBLIC_FEED = /^\/(?:calendar\.ics|(?:events|series)\/[a-z0-9][a-z0-9-]{0,150}(?:\.ics|\/calendar\.ics))$/;
const ZONE_VALUE = /^[A-Za-z0-9_+\-/]{1,64}$/;
/** Only what this cache keys on; any other cookie may be a session or a flash. */
const KEYED_COOKIES = new Set([TIME_ZONE_COOKIE, MANUAL_ZONE_COOKIE, LANGUAGE_COOKIE]);
const CACHEABLE_TYPES = /^text\/(?:html|calendar)\b/;
/** Brotli is kept only when it saves at least this share over gzip; otherwise gzip is sent. */
const BROTLI_MIN_SAVING = 0.05;
/**
 * A version read that takes longer than this (as long as /healthz waits) is given up and
 * the page rendered as usual, which meets the same silence and answers 503 (decision 011).
 */
export const VERSION_READ_DEADLINE_MS = 1_000;

/** What a cached page depends on besides the content version and the build. */
export interface PageVariant {
  key: string;
  /** Whether the page's bytes depend on the visitor's cookies (pages do: zone and language; feeds: language only). */
  variesByCookie: boolean;
}

/**
 * The variant of a request the cache may answer, or null when it must go to Remix.
 * The language is decided as requestLocale decides it (a `?lang=` URL never gets here:
 * query strings go past the cache): the podium_lang cookie, else Accept-Language.
 */
export function cacheableVariant(req: express.Request): PageVariant | null {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  if (req.headers.authorization !== undefined) return null;
  const path = req.url;
  const isFeed = PUBLIC_FEED.test(path);
  if (!isFeed && !PUBLIC_PAGE.test(path)) return null;
  const cookies = keyedCookies(req.headers.cookie);
  if (cookies === null) return null;
  const language = localeFromHeaders(req.headers.cookie, req.headers["accept-language"]);
  if (isFeed) return { key: `feed ${path} ${language}`, variesByCookie: true };
  const zone = cookies.get(TIME_ZONE_COOKIE) ?? "";
  const chose = cookies.get(MANUAL_ZONE_COOKIE) === "1" ? "chosen" : "browser";
  return { key: `page ${path} ${zone} ${chose} ${language}`, variesByCookie: true };
}

/** The zone cookies, or null when any other cookie is present (or a zone looks forged). */
function keyedCookies(header: string | undefined): Map<string, string> | null {
  const found = new Map<string, string>();
  if (!header) return found;
  for (const part of header.split(";")) {
    const trimmed = part.trim();
    if (trimmed === "") continue;
    const at = trimmed.indexOf("=");
    const name = at === -1 ? trimmed : trimmed.slice(0, at);
    if (!KEYED_COOKIES.has(name)) return null;
    let value: string;
    try {
      value = decodeURIComponent(trimmed.slice(at + 1));
    } catch {
      return null;
    }
    if (value !== "" && !ZONE_VALUE.test(value)) return null;
    found.set(name, value);
  }
  return found;
}

interface CachedPage {
  etag: string;
  variesByCookie: boolean;
  contentType: string;
  contentDisposition: string | null;
  /** The policy whose nonce the stored HTML's inline scripts carry. */
  contentSecurityPolicy: string | null;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer | null;
  bytes: number;
}

type Encoding = "br" | "gzip" | "identity";

/** The best encoding the client accepts among those held; q=0 refuses one. */
export function chooseEncoding(acceptEncoding: string | undefined, hasBrotli: boolean): Encoding {
  if (!acceptEncoding) return "identity";
  const quality = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    quality.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const accepts = (name: string) => (quality.get(name) ?? quality.get("*") ?? 0) > 0;
  if (hasBrotli && accepts("br")) return "br";
  if (accepts("gzip")) return "gzip";
  return "identity";
}

export interface PageCacheOptions {
  versions: ContentVersionReader;
  /** The build's version: a new deployment never serves the old one's pages or ETags. */
  buildVersion: string;
  /** Every absolute link in a page comes from it, so it is part of every ETag. */
  publicOrigin: string;
  /** Memory for stored pages, all encodings together; the least recently used go first. */
  maxBytes: number;
}

export interface PageCache {
  /** express middleware: answers 304s and hits, and marks misses for `storeAndSend`. */
  serve: express.RequestHandler;
  /** After a render of a marked miss: keeps the page when it may be shared, and sends it. Returns false when it did not handle it. */
  storeAndSend(req: express.Request, res: express.Response, response: Response): Promise<boolean>;
  /** Pages held now (for tests and the bench). */
  size(): number;
}

interface MissSlot {
  variant: PageVariant;
  etag: string;
  /** Hands the rendered page (or null: not shareable, failed) to requests waiting for the same one. */
  settle(page: CachedPage | null): void;
}

const MISS_SLOT = "pageCacheMiss";

export function createPageCache({ versions, buildVersion, publicOrigin, maxBytes }: PageCacheOptions): PageCache {
  const pages = new Map<string, CachedPage>();
  let heldBytes = 0;
  /** Renders under way, by key and ETag: the same page asked for meanwhile waits for that render instead of starting its own. */
  const rendering = new Map<string, Promise<CachedPage | null>>();

  /** Marks this request as the one that renders the page; settles for the waiters however the response ends. */
  function claimRender(res: express.Response, variant: PageVariant, etag: string): MissSlot {
    const id = `${variant.key}\n${etag}`;
    let settle!: (page: CachedPage | null) => void;
    rendering.set(
      id,
      new Promise<CachedPage | null>((resolve) => {
        settle = (page) => {
          if (rendering.get(id) === promise) rendering.delete(id);
          resolve(page);
        };
      }),
    );
    const promise = rendering.get(id)!;
    res.once("close", () => settle(null));
    return { variant, etag, settle };
  }

  function etagFor(variant: PageVariant, snapshot: ContentSnapshot): string {
    const hash = createHash("sha1").update(`${buildVersion}\n${publicOrigin}\n${variant.key}\n${snapshot.version}\n${snapshot.changesAt}`).digest("base64url");
    return `W/"pc-${hash.slice(0, 22)}"`;
  }

  function remember(key: string, page: CachedPage) {
    forget(key);
    if (page.bytes > maxBytes) return;
    pages.set(key, page);
    heldBytes += page.bytes;
    for (const [oldest, stale] of pages) {
      if (heldBytes <= maxBytes) break;
      pages.delete(oldest);
      heldBytes -= stale.bytes;
    }
  }

  function forget(key: string) {
    const held = pages.get(key);
    if (!held) return;
    pages.delete(key);
    heldBytes -= held.bytes;
  }

  function sharedHeaders(res: express.Response, etag: string, variesByCookie: boolean) {
    res.setHeader("ETag", etag);
    // A proxy or CDN may keep it but must ask again each time; the answer is a cheap 304.
    res.setHeader("Cache-Control", "public, no-cache");
    // Pages follow the language cookie or, without one, Accept-Language.
    res.setHeader("Vary", variesByCookie ? "Accept-Encoding, Accept-Language, Cookie" : "Accept-Encoding");
  }

  function send(req: express.Request, res: express.Response, page: CachedPage, outcome: "hit" | "miss") {
    const encoding = chooseEncoding(req.headers["accept-encoding"], page.br !== null);
    const body = encoding === "br" ? page.br! : encoding === "gzip" ? page.gzip : page.identity;
    res.statusCode = 200;
    sharedHeaders(res, page.etag, page.variesByCookie);
    res.setHeader("Content-Type", page.contentType);
    if (page.contentDisposition) res.setHeader("Content-Disposition", page.contentDisposition);
    if (page.contentSecurityPolicy) res.setHeader("Content-Security-Policy", page.contentSecurityPolicy);
    if (encoding !== "identity") res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", String(body.length));
    // For operators and the bench: whether this answer came from memory or a fresh render.
    res.setHeader("X-Podium-Cache", outcome);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  async function addBrotliIfItPays(key: string, page: CachedPage) {
    const compressed = await brotli(page.identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 6 } });
    if (compressed.length > page.gzip.length * (1 - BROTLI_MIN_SAVING)) return;
    // Only if the same page is still the one held (it may have been replaced or evicted meanwhile).
    if (pages.get(key) !== page) return;
    page.br = compressed;
    page.bytes += compressed.length;
    heldBytes += compressed.length;
  }

  const serve: express.RequestHandler = (req, res, next) => {
    const variant = cacheableVariant(req);
    if (!variant) return next();
    versions
      .currentWithin(VERSION_READ_DEADLINE_MS)
      .then((snapshot) => {
        // The database is slow or away: render as usual, which answers an outage properly.
        if (!snapshot) return next();
        const etag = etagFor(variant, snapshot);
        if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) {
          sharedHeaders(res, etag, variant.variesByCookie);
          res.statusCode = 304;
          return res.end();
        }
        const page = pages.get(variant.key);
        if (page && page.etag === etag) {
          // Most recently used last, so eviction takes the coldest first.
          pages.delete(variant.key);
          pages.set(variant.key, page);
          return send(req, res, page, "hit");
        }
        const underway = rendering.get(`${variant.key}\n${etag}`);
        if (underway) {
          return underway.then((rendered) => (rendered ? send(req, res, rendered, "hit") : next()));
        }
        if (req.method === "GET") res.locals[MISS_SLOT] = claimRender(res, variant, etag);
        next();
      })
      .catch(() => next());
  };

  async function storeAndSend(req: express.Request, res: express.Response, response: Response): Promise<boolean> {
    const slot = res.locals[MISS_SLOT] as MissSlot | undefined;
    if (!slot) return false;
    if (!isShareable(response)) {
      slot.settle(null);
      return false;
    }
    const identity = Buffer.from(await response.arrayBuffer());
    const csp = res.getHeader("Content-Security-Policy");
    const page: CachedPage = {
      etag: slot.etag,
      variesByCookie: slot.variant.variesByCookie,
      contentType: response.headers.get("Content-Type")!,
      contentDisposition: response.headers.get("Content-Disposition"),
      contentSecurityPolicy: typeof csp === "string" ? csp : null,
      identity,
      gzip: await gzip(identity),
      br: null,
      bytes: 0,
    };
    page.bytes = page.identity.length + page.gzip.length;
    remember(slot.variant.key, page);
    slot.settle(page);
    send(req, res, page, "miss");
    addBrotliIfItPays(slot.variant.key, page).catch((error: unknown) => console.error("brotli for a cached page failed", error));
    return true;
  }

  return { serve, storeAndSend, size: () => pages.size };
}

/** A whole 200 page meant for anyone: no cookie set, nothing the route marked private or unstorable. */
function isShareable(response: Response): boolean {
  if (response.status !== 200 || !response.body) return false;
  if (response.headers.has("Set-Cookie")) return false;
  if (!CACHEABLE_TYPES.test(response.headers.get("Content-Type") ?? "")) return false;
  return !/\bno-store\b/.test(response.headers.get("Cache-Control") ?? "");
}
