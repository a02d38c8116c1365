import { fileURLToPath } from "node:url";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { DatabaseHandle } from "./client.server";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));

// Any number of app processes may start at once against one PostgreSQL; the
// advisory lock makes them take turns so each migration runs exactly once.
const MIGRATION_LOCK_KEY = 7_201_120_301;

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (!handle.databaseUrl) throw new Error("A postgres handle needs its databaseUrl to migrate");
  // One dedicated connection: a session-level advisory lock must be released on the connection that took it.
  const client = postgres(handle.databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    try {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}
