// Vitest global setup: one migrated PGlite, dumped to a file that every test
// file of the run loads instead of running initdb and the migrations itself.
// initdb in WebAssembly costs seconds per file (a minute on a loaded machine);
// loading the dump costs a fraction of that, and the schema is the same because
// the dump is made from this checkout's migrations at the start of each run.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { TestProject } from "vitest/node";
import { MIGRATIONS_FOLDER } from "~db/migrate.server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of a tar of a migrated PGlite data directory. */
    pgliteTemplatePath: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "podium-pglite-template-"));
  const pglite = new PGlite("memory://");
  await migrate(drizzle(pglite), { migrationsFolder: MIGRATIONS_FOLDER });
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const file = path.join(dir, "migrated.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplatePath", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
