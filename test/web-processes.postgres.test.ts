// `npm start` on PostgreSQL with PODIUM_PROCESSES=2: two real web processes behind
// one port (node:cluster), the outbox worker in exactly one of them, and the port
// still answering while one of them is replaced.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppProcess, waitUntil, type AppProcess } from "./support/app-process";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

let database: TestDatabase;
let app: AppProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startAppProcess({ DATABASE_URL: database.databaseUrl!, PODIUM_PROCESSES: "2", PODIUM_SEED: "off" });
  await waitUntil(() => (app.output().match(/Podium is running/g) ?? []).length === 2, 60_000, "both web processes to listen");
}, 120_000);
afterAll(async () => {
  await app?.stop("SIGKILL");
  await database?.destroy();
});

/**
 * Fresh connections (no keep-alive), so the kernel may hand each to either process.
 * A static file, not /healthz: its 1 s database deadline can give a 503 on a busy
 * machine, and what is tested here is that the port answers.
 */
async function healthyAnswers(count: number): Promise<number> {
  const answers = await Promise.all(
    Array.from({ length: count }, () =>
      fetch(`${app.base}/favicon.svg`, { headers: { connection: "close" } })
        .then((response) => response.status)
        .catch(() => 0),
    ),
  );
  return answers.filter((status) => status === 200).length;
}

describe("two web processes on one port", () => {
  it("runs two processes, each in its own slot, and the outbox worker in one of them only", async () => {
    const pids = app.webProcessPids();
    expect(pids).toHaveLength(2);
    expect(new Set(pids).size).toBe(2);
    expect(app.output()).toMatch(/started web process \d+ \(slot 0\)/);
    expect(app.output()).toMatch(/started web process \d+ \(slot 1\)/);
    expect(app.output().match(/worker: in this process/g)).toHaveLength(1);
    expect(app.output().match(/worker: off/g)).toHaveLength(1);
    expect(await healthyAnswers(20)).toBe(20);
  });

  it("keeps answering on the port while a dead process is replaced, and the replacement takes over its slot and the worker", async () => {
    const slotZero = Number(/started web process (\d+) \(slot 0\)/.exec(app.output())![1]);
    process.kill(slotZero, "SIGKILL");
    // The other process holds the shared socket: requests keep succeeding before any replacement is up.
    await waitUntil(() => app.output().includes(`web process ${slotZero} died`), 10_000, "the supervisor to notice");
    expect(await healthyAnswers(10)).toBe(10);

    await waitUntil(() => app.webProcessPids().length === 3, 15_000, "a replacement");
    const replacement = app.webProcessPids()[2]!;
    expect(app.output()).toContain(`started web process ${replacement} (slot 0)`);
    await waitUntil(() => (app.output().match(/worker: in this process/g) ?? []).length === 2, 60_000, "the replacement's worker");
    expect(await healthyAnswers(10)).toBe(10);
  }, 120_000);
});
