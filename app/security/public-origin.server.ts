import { eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { appSettings } from "~db/schema";
import type { Env } from "~/env.server";

// Where absolute links (emails, calendars, invites) point. Never a request's Host
// header: anyone can send `Host: evil.example`, and a link built from it would carry a
// victim's private token to the attacker (decision 010).

const SETTING_KEY = "public_origin";

/** `https://events.example.edu/` → `https://events.example.edu` (path, query and slash dropped). */
export function originFromUrl(url: string): string {
  return new URL(url).origin;
}

/** The address a web process listening on HOST:PORT is reached at from this machine. */
export function listeningOrigin(env: Pick<Env, "HOST" | "PORT">): string {
  const wildcard = env.HOST === "0.0.0.0" || env.HOST === "::" || env.HOST === "";
  const host = wildcard ? "localhost" : env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST;
  return originFromUrl(`http://${host}:${env.PORT}`);
}

/**
 * The web process's origin: PUBLIC_URL when set (a deployment must set it); otherwise
 * the demo's own listening address, recorded in the database at start so that a
 * separate `npm run worker` (which has no port of its own) links to the same place.
 */
export async function resolveWebOrigin(db: Database, env: Env): Promise<string> {
  if (env.PUBLIC_URL) return originFromUrl(env.PUBLIC_URL);
  const origin = listeningOrigin(env);
  await db
    .insert(appSettings)
    .values({ key: SETTING_KEY, value: origin })
    .onConflictDoUpdate({ target: appSettings.key, set: { value: sql`excluded.value` } });
  return origin;
}

/** The worker's origin: PUBLIC_URL, else what the demo's web process recorded, else its default address. */
export async function resolveWorkerOrigin(db: Database, env: Env): Promise<string> {
  if (env.PUBLIC_URL) return originFromUrl(env.PUBLIC_URL);
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, SETTING_KEY));
  return row?.value ?? listeningOrigin(env);
}
