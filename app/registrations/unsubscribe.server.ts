import { eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations } from "~db/schema";
import { findRegistrationByManageToken } from "./manage.server";

/** One-click unsubscribe from reminders and recording notices; repeat calls are harmless. */
export async function unsubscribeRegistration(db: Database, token: string | undefined, now: Date): Promise<boolean> {
  const found = await findRegistrationByManageToken(db, token);
  if (!found) return false;
  await db
    .update(registrations)
    .set({ unsubscribedAt: sql`coalesce(${registrations.unsubscribedAt}, ${now.toISOString()}::timestamptz)` })
    .where(eq(registrations.id, found.registration.id));
  return true;
}
