import { count } from "drizzle-orm";
import { createUser } from "../app/auth/users.server";
import type { Database } from "./client.server";
import { users } from "./schema";

/** Printed by `npm start` so a new user can sign in to /admin at once. Demo installs only. */
export const DEMO_ORGANIZER = {
  email: "organizer@podium.demo",
  password: "podium-demo-2026",
  name: "Demo Organizer",
  role: "admin",
} as const;

/** Creates the demo account only in an instance with no accounts at all. */
export async function seedDemoOrganizer(db: Database): Promise<boolean> {
  const [{ existing }] = (await db.select({ existing: count() }).from(users)) as [{ existing: number }];
  if (existing > 0) return false;
  try {
    await createUser(db, { ...DEMO_ORGANIZER });
    return true;
  } catch {
    // Another process created it first.
    return false;
  }
}
