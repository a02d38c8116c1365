// Organizer sessions live in PostgreSQL (any app process can serve any request);
// the cookie carries a random token whose SHA-256 is the lookup key.
import { redirect } from "@remix-run/node";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { sessions, users, type User, type UserRole } from "~db/schema";
import { readCookie } from "~/viewer/client-hints";
import { createToken, hashToken, looksLikeToken } from "~/security/tokens.server";

export const SESSION_COOKIE = "podium_session";
const SESSION_DAYS = 14;

function cookieAttributes(secure: boolean, maxAgeSeconds: number): string {
  return `Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure ? "; Secure" : ""}`;
}

function isSecure(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

export async function createSession(db: Database, { user, request }: { user: User; request: Request }): Promise<string> {
  const { token, hash } = createToken();
  await db.insert(sessions).values({
    userId: user.id,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    userAgent: (request.headers.get("user-agent") ?? "").slice(0, 300),
  });
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
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
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

/** Only same-site paths: never let ?redirectTo= send a signed-in organizer elsewhere. */
export function safeRedirectPath(value: unknown, fallback = "/admin"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}
