// `npm start` under its supervisor: a web process that dies is replaced, SIGTERM
// still stops everything, and a killed supervisor leaves no orphan behind (one
// holding the PGlite directory would stop the next start from opening it).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isRunning, startAppProcess, waitUntil, type AppProcess } from "./support/app-process";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "./support/test-database";

let database: TestDatabase | undefined;
let dataDir: string;
const apps: AppProcess[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), "podium-supervisor-"));
  if (testDatabaseKind() === "postgres") database = await createTestDatabase();
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop("SIGKILL")));
  await database?.destroy();
  rmSync(dataDir, { recursive: true, force: true });
});

/** On PGlite (each start on the same directory) or on the suite's PostgreSQL database. */
async function start(): Promise<AppProcess> {
  const env: Record<string, string> = database?.databaseUrl
    ? { DATABASE_URL: database.databaseUrl, PODIUM_SEED: "off" }
    : { PODIUM_DATA_DIR: dataDir, PODIUM_SEED: "off" };
  const app = await startAppProcess(env);
  apps.push(app);
  return app;
}

describe("the supervisor", () => {
  it("replaces a web process that dies, and stops everything on SIGTERM", async () => {
    const app = await start();
    const [first] = app.webProcessPids();
    expect(first).toBeGreaterThan(0);

    process.kill(first!, "SIGKILL");
    await waitUntil(() => app.webProcessPids().length === 2, 15_000, "a second web process");
    await waitUntil(async () => (await fetch(`${app.base}/healthz`).catch(() => null))?.ok === true, 60_000, "the replacement to serve");
    const second = app.webProcessPids()[1]!;
    expect(second).not.toBe(first);
    expect(app.output()).toMatch(new RegExp(`web process ${first} died \\(SIGKILL\\)`));
    expect(isRunning(app.child.pid!)).toBe(true);

    expect(await app.stop("SIGTERM")).toBe(0);
    await waitUntil(() => !isRunning(second), 5000, "the web process to stop");
  }, 120_000);

  it("leaves no web process behind when the supervisor itself is killed", async () => {
    const app = await start();
    const [web] = app.webProcessPids();
    await app.stop("SIGKILL");
    await waitUntil(() => !isRunning(web!), 10_000, `web process ${web} to notice and stop`);
  }, 120_000);
});
