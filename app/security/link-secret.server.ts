import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { appSettings } from "~db/schema";

/**
 * The secret behind private links. PODIUM_SECRET wins; without it, the first
 * process to start generates one and stores it in the database, so every
 * instance signs the same links. (With the secret in the database, a database
 * leak alone could forge links again: production should set PODIUM_SECRET.)
 */
export async function resolveLinkSecret(db: Database, fromEnv: string | undefined): Promise<string> {
  if (fromEnv) return fromEnv;
  await db
    .insert(appSettings)
    .values({ key: "link_secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing({ target: appSettings.key });
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, "link_secret"));
  return row!.value;
}
