// The one place that decides which PostgreSQL the app talks to: a real server
// through `postgres` when DATABASE_URL is set, otherwise embedded PGlite.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

/** Both drivers produce the same query builder; domain code only sees this type. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** Set for the postgres driver, so migrations can take a dedicated connection. */
  databaseUrl?: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL. When absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite directory, or "memory://" for a throwaway in-memory database. */
  dataDir?: string;
  /** Pool size for the postgres driver. */
  maxConnections?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const client = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    return { db, kind: "postgres", databaseUrl: options.databaseUrl, close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = options.dataDir ?? "./data/pglite";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, kind: "pglite", close: () => client.close() };
}
