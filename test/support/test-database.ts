// A fresh, migrated database for one test file: in-memory PGlite by default,
// or a brand-new database on the PostgreSQL server named by DATABASE_URL when
// the suite runs as the "postgres" project.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { openDatabase, type DatabaseHandle } from "~db/client.server";
import { migrateDatabase } from "~db/migrate.server";

export interface TestDatabase extends DatabaseHandle {
  /** Closes the connection and, on PostgreSQL, drops the database. */
  destroy(): Promise<void>;
  databaseUrl?: string;
}

export function testDatabaseKind(): "pglite" | "postgres" {
  return process.env.PODIUM_TEST_DB === "postgres" ? "postgres" : "pglite";
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === "pglite") {
    // The run's migrated template (test/support/pglite-template.ts); migrating again is then a no-op check.
    const template = inject("pgliteTemplatePath");
    const pgliteDump = template ? new Blob([readFileSync(template)]) : undefined;
    const handle = await openDatabase({ dataDir: "memory://", pgliteDump });
    await migrateDatabase(handle);
    return { ...handle, destroy: () => handle.close() };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("PODIUM_TEST_DB=postgres needs DATABASE_URL");
  const name = `podium_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ databaseUrl: url.toString(), maxConnections: 20 });
  await migrateDatabase(handle);
  return {
    ...handle,
    databaseUrl: url.toString(),
    async destroy() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
