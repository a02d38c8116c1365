// Ties a sign-in that leaves the page (to a university's login, or to an inbox) to the
// browser that started it: a random token in an HttpOnly cookie, stored only as its SHA-256
// beside the pending sign-in. A link forwarded to someone else, or a callback replayed from
// another browser, finds no matching cookie and opens nothing.
import { readCookie } from "~/viewer/client-hints";
import { createToken, hashToken, looksLikeToken } from "~/security/tokens.server";
import { cookieAttributes, isSecure } from "./session.server";

export const BROWSER_BINDING_COOKIE = "podium_sign_in";
// Long enough for a 15-minute link and a slow university login; short enough to leave no trace.
const BINDING_MAX_AGE_SECONDS = 30 * 60;

export interface BrowserBinding {
  /** SHA-256 of the cookie's token, stored with the pending sign-in. */
  hash: string;
  /** Set-Cookie for a browser that had no binding yet (null: it keeps its own). */
  setCookie: string | null;
}

/** The browser's binding, reusing its cookie so several pending sign-ins (two links asked for) all stay valid. */
export function bindBrowser(request: Request): BrowserBinding {
  const existing = readCookie(request.headers.get("Cookie"), BROWSER_BINDING_COOKIE);
  if (looksLikeToken(existing)) return { hash: hashToken(existing), setCookie: null };
  const { token, hash } = createToken();
  return { hash, setCookie: `${BROWSER_BINDING_COOKIE}=${token}; ${cookieAttributes(isSecure(request), BINDING_MAX_AGE_SECONDS)}` };
}

/** The SHA-256 of this browser's binding token, or null when it carries none. */
export function browserBindingHash(request: Request): string | null {
  const token = readCookie(request.headers.get("Cookie"), BROWSER_BINDING_COOKIE);
  return looksLikeToken(token) ? hashToken(token) : null;
}
