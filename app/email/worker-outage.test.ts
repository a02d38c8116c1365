// The outbox worker against a database that is not there: it must neither spin
// (a query a millisecond, a log line each) nor die, and it reports the outage once.
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "~db/client.server";
import { outageDelayMs, startOutboxWorker, type WorkerHandle } from "./worker.server";

let handle: DatabaseHandle | undefined;
let worker: WorkerHandle | undefined;
afterEach(async () => {
  await worker?.stop();
  await handle?.close();
});

async function refusingPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("the outbox worker while the database is away", () => {
  it("backs off instead of polling every 10 ms, and reports the outage once", async () => {
    handle = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${await refusingPort()}/podium`, maxConnections: 1 });
    const reported: unknown[] = [];
    let ticks = 0;
    worker = startOutboxWorker(handle.db, {
      transport: { name: "mailbox", send: async () => ({ ok: true, providerId: "never" }), sendBatch: async () => ({ ok: true, providerIds: [] }) },
      from: "Podium <events@podium.test>",
      pollMs: 10,
      beforeDrain: async () => {
        ticks += 1;
      },
      onError: (error) => reported.push(error),
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));
    // Without backoff this would be ~300 ticks in 3 s; with it, 250 ms, 500 ms, 1 s, 2 s …
    expect(ticks).toBeGreaterThanOrEqual(2);
    expect(ticks).toBeLessThanOrEqual(6);
    expect(reported).toHaveLength(1);
  });

  it("waits the poll interval when healthy and at most 10 s while the database is away", () => {
    expect(outageDelayMs(1000, 0)).toBe(1000);
    expect(outageDelayMs(10, 0)).toBe(10);
    const delays = Array.from({ length: 12 }, (_, n) => outageDelayMs(1000, n + 1));
    expect(delays.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 10_000]);
    expect(Math.max(...delays)).toBe(10_000);
  });
});
