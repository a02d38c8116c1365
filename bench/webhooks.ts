// The bench's webhook row: deliveries per second from the webhook outbox to a
// receiver on loopback that verifies nothing and answers 204 at once, so the row
// measures Podium's side (claim, sign, pinned POST, record, log) with one worker
// process's default concurrency. p50/p99 are each request's duration as logged.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client.server";
import { migrateDatabase } from "../db/migrate.server";
import { users, webhookAttempts, webhookDeliveries, webhookEndpoints } from "../db/schema";
import { newSigningSecret } from "../app/webhooks/webhook-signing.server";
import { messageBody, newMessageId } from "../app/webhooks/webhook-outbox.server";
import { startWebhookWorker } from "../app/webhooks/webhook-worker.server";
import type { BenchRow } from "./row";


export async function measureWebhookDeliveries({ seconds, databaseUrl, concurrency = 4 }: { seconds: number; databaseUrl?: string; concurrency?: number }): Promise<BenchRow> {
  const receiver = createServer((request, response) => {
    request.resume();
    request.on("end", () => {
      response.writeHead(204);
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
  const handle = databaseUrl ? await openDatabase({ databaseUrl }) : await openDatabase({ dataDir: "memory://" });
  try {
    await migrateDatabase(handle);
    const db = handle.db;
    const [owner] = await db.insert(users).values({ email: `bench-${Date.now()}@podium.test`, name: "Bench", passwordHash: "not-a-login" }).returning();
    const [endpoint] = await db.insert(webhookEndpoints).values({ ownerUserId: owner!.id, url, eventTypes: ["registration.created"], secret: newSigningSecret() }).returning();
    // More than can go out in the time given, so the worker never idles.
    const count = 600 * seconds;
    const now = new Date();
    for (let start = 0; start < count; start += 500) {
      await db.insert(webhookDeliveries).values(
        Array.from({ length: Math.min(500, count - start) }, (_, i) => {
          const messageId = newMessageId();
          const data = { id: `bench-${start + i}`, status: "confirmed", name: "Bench Person", email: "bench@example.edu" };
          return { endpointId: endpoint!.id, messageId, eventType: "registration.created", orderingKey: `bench:${start + i}`, body: messageBody({ type: "registration.created", occurredAt: now, data }), nextAttemptAt: now };
        }),
      );
    }
    const started = performance.now();
    const worker = startWebhookWorker(db, { target: { allowPrivate: true }, consoleOrigin: "http://bench.podium.test", pollMs: 50, concurrency });
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    await worker.stop();
    const elapsed = (performance.now() - started) / 1000;
    const [stats] = await db
      .select({
        delivered: sql<number>`count(*) filter (where ${webhookAttempts.responseStatus} between 200 and 299)::int`,
        failed: sql<number>`count(*) filter (where ${webhookAttempts.responseStatus} is null or ${webhookAttempts.responseStatus} >= 300)::int`,
        p50: sql<number>`coalesce(percentile_cont(0.5) within group (order by ${webhookAttempts.durationMs}), 0)::float8`,
        p99: sql<number>`coalesce(percentile_cont(0.99) within group (order by ${webhookAttempts.durationMs}), 0)::float8`,
      })
      .from(webhookAttempts);
    return {
      scenario: `webhook deliveries to a loopback receiver (1 worker, ${concurrency} lanes; p50/p99: request time)`,
      requestsPerSecond: stats!.delivered / elapsed,
      p50: stats!.p50,
      p99: stats!.p99,
      errors: stats!.failed,
      versus: `${stats!.delivered} delivered in ${elapsed.toFixed(1)} s`,
    };
  } finally {
    await handle.close();
    await new Promise((resolve) => receiver.close(resolve));
  }
}
