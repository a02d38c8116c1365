// Organizer sessions live in PostgreSQL (any app process can serve any request);
// the cookie carries a random token whose SHA-256 is the lookup key.
import { redirect } from "@remix-run/node";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { sessions, users, type User, type UserRole } from "~db/schema";
import { readCookie } from "~/viewer/client-hints";
import { requestLocale } from "~/i18n/request-locale.server";
import { createToken, hashToken, looksLikeToken } from "~/security/tokens.server";

export const SESSION_COOKIE = "podium_session";
const SESSION_DAYS = 14;

export function cookieAttributes(secure: boolean, maxAgeSeconds: number): string {
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}

export function isSecure(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

/** How a session was opened: "password", "link" or "oidc:<provider id>". */
export type SignInMethod = "password" | "link" | `oidc:${string}`;

export async function createSession(
  db: Pick<Database, "insert" | "update">,
  { user, request, method = "password" }: { user: User; request: Request; method?: SignInMethod },
): Promise<string> {
  const { token, hash } = createToken();
  await db.insert(sessions).values({
    userId: user.id,
    signInMethod: method,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    userAgent: (request.headers.get("user-agent") ?? "").slice(0, 300),
  });
  // The language they signed in with is the one Podium writes to them in (users.locale).
  await db.update(users).set({ locale: requestLocale(request) }).where(eq(users.id, user.id));
  return `${SESSION_COOKIE}=${token}; ${cookieAttributes(isSecure(request), SESSION_DAYS * 86_400)}`;
}

export function clearSessionCookie(request: Request): string {
  return `${SESSION_COOKIE}=; ${cookieAttributes(isSecure(request), 0)}`;
}

function sessionToken(request: Request): string | null {
  const token = readCookie(request.headers.get("Cookie"), SESSION_COOKIE);
  return looksLikeToken(token) ? token : null;
}

export async function getCurrentUser(db: Database, request: Request): Promise<User | null> {
  const token = sessionToken(request);
  if (!token) return null;
  const [row] = await db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, hashToken(token)),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
        isNull(users.disabledAt),
      ),
    );
  return row?.user ?? null;
}

/** Every /admin loader and action starts here: signed out → login, wrong role → 403. */
export async function requireUser(db: Database, request: Request, { role }: { role?: UserRole } = {}): Promise<User> {
  const user = await getCurrentUser(db, request);
  if (!user) {
    throw redirect(loginPathReturningTo(request));
  }
  if (role === "admin" && user.role !== "admin") throw new Response("This page is for administrators.", { status: 403 });
  return user;
}

export async function revokeCurrentSession(db: Database, request: Request): Promise<void> {
  const token = sessionToken(request);
  if (!token) return;
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function revokeAllSessions(db: Database, userId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

/** Longer return paths are dropped rather than carried: a Location header must stay small. */
export const MAX_REDIRECT_PATH_CHARS = 512;
// Any fixed origin will do: the question is only whether a browser would leave it.
const PROBE_ORIGIN = "http://podium.invalid";

/**
 * Only same-site paths: never let ?redirectTo= send a signed-in organizer elsewhere.
 * Browsers drop tabs and newlines and read "\\" as "/", so "/\t/evil.example" is
 * "//evil.example"; such input is refused outright, as are encoded slashes (some proxies
 * decode them) and anything that, resolved the way a browser resolves it, lands on
 * another origin. What comes back is the browser's own normalised path.
 */
export function safeRedirectPath(value: unknown, fallback = "/admin"): string {
  if (typeof value !== "string" || value.length > MAX_REDIRECT_PATH_CHARS || !value.startsWith("/")) return fallback;
  if (/[\u0000-\u0020\u007f\\]|%(2f|5c|0[0-9a-f]|1[0-9a-f]|7f)/i.test(value) || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" normalises to "//evil.example": check the result, not only the input.
  if (url.origin !== PROBE_ORIGIN || !path.startsWith("/") || path.startsWith("//") || path.length > MAX_REDIRECT_PATH_CHARS) return fallback;
  return path;
}

/** Sign-in, coming back here afterwards when "here" is a short same-site path. */
export function loginPathReturningTo(request: Request): string {
  const url = new URL(request.url);
  const here = safeRedirectPath(url.pathname + url.search, "");
  if (here) return `/login?redirectTo=${encodeURIComponent(here)}`;
  const path = safeRedirectPath(url.pathname, "");
  return path ? `/login?redirectTo=${encodeURIComponent(path)}` : "/login";
}
