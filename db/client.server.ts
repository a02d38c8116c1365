// The one place that decides which PostgreSQL the app talks to: a real server
// through `postgres` when DATABASE_URL is set, otherwise embedded PGlite.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { registerPoolRecycler } from "./driver-crash.server";
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
  /**
   * PGlite only: start from this dump of a data directory (`dumpDataDir`) instead
   * of running initdb, which takes seconds in WebAssembly. Tests use a migrated one.
   */
  pgliteDump?: Blob;
}

/**
 * Pool settings for a database that may restart under us (decision 011).
 * - connect_timeout: a connect that gets nowhere fails in 5 s (a 503 for the page)
 *   instead of the driver's 30 s.
 * - backoff: the driver waits before reconnecting a slot that failed, and its
 *   default grows to 20 s per slot (3^n / 100 s), which is what kept pages failing
 *   for 12 s after PostgreSQL was back. 50 ms doubling to at most 500 ms retries
 *   quickly without spinning: a slot only reconnects when a query asks for it.
 * - idle_timeout: connections idle for 5 minutes are closed, so a quiet process
 *   does not hold sockets that a restart or a proxy has silently dropped.
 */
export const POSTGRES_POOL_SETTINGS = {
  connect_timeout: 5,
  idle_timeout: 300,
  backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
} as const;

/**
 * A postgres.js client that can be swapped for a fresh pool without the query
 * builder noticing: drizzle only calls `unsafe`, `begin` and reads `options`,
 * so a stand-in that forwards those to the current pool is all it needs. Used to
 * discard a pool the driver's null-socket bug has left with a broken slot.
 */
function recyclablePostgresClient(create: () => postgres.Sql) {
  let current = create();
  const client = {
    unsafe: (...args: Parameters<postgres.Sql["unsafe"]>) => current.unsafe(...args),
    begin: (...args: unknown[]) => (current.begin as (...a: unknown[]) => unknown)(...args),
    get options() {
      return current.options;
    },
  } as unknown as postgres.Sql;
  return {
    client,
    recycle() {
      const retired = current;
      current = create();
      // drizzle installed its own parsers on the first pool's options; the new pool needs the same.
      Object.assign(current.options.parsers, retired.options.parsers);
      Object.assign(current.options.serializers, retired.options.serializers);
      // Queries already running get 5 s to finish; the broken slot is terminated with the rest.
      retired.end({ timeout: 5 }).catch((error: unknown) => console.error("closing a retired database pool failed", error));
    },
    end: (options: { timeout: number }) => current.end(options),
  };
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const databaseUrl = options.databaseUrl;
    const pool = recyclablePostgresClient(() =>
      postgres(databaseUrl, { max: options.maxConnections ?? 10, onnotice: () => {}, ...POSTGRES_POOL_SETTINGS }),
    );
    const unregister = registerPoolRecycler(pool.recycle);
    const db = drizzlePostgres(pool.client, { schema }) as unknown as Database;
    return {
      db,
      kind: "postgres",
      databaseUrl,
      close: async () => {
        unregister();
        await pool.end({ timeout: 5 });
      },
    };
  }
  const dataDir = options.dataDir ?? "./data/pglite";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const client = options.pgliteDump ? new PGlite({ dataDir, loadDataDir: options.pgliteDump }) : new PGlite(dataDir);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, kind: "pglite", close: () => client.close() };
}

/**
 * The PGlite instance behind `db` when it is the embedded database, else null. Only one
 * process can open an embedded database, so what it hears from itself is everything.
 */
export function embeddedClient(db: Database): PGlite | null {
  const client = (db as unknown as { $client?: unknown }).$client;
  return client instanceof PGlite ? client : null;
}
