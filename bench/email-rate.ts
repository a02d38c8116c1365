// The bench's email row: how close the outbox worker comes to the provider's limit.
// A stand-in of Resend's API enforces `ratePerSecond` per team; two workers (as two
// processes would, each with its own connection pool on PostgreSQL, or sharing the
// embedded PGlite) drain confirmations through the real Resend SDK for `seconds`.
// `tsx bench/email-rate.ts` measures this row alone, on the embedded PGlite
// (BENCH_EMAIL_RATE, BENCH_SECONDS as for the bench).
import { loadavg } from "node:os";
import { pathToFileURL } from "node:url";
import { openDatabase, type DatabaseHandle } from "../db/client.server";
import { migrateDatabase } from "../db/migrate.server";
import { createResendTransport } from "../app/email/deliver.server";
import { startOutboxWorker } from "../app/email/worker.server";
import { busiestWindow, startResendStandIn } from "../test/support/resend-stand-in";
import { enqueueConfirmations } from "../test/support/outbox-fixtures";

export interface EmailRateResult {
  limit: number;
  /** Requests the stand-in accepted per second, from the first to the last. */
  achieved: number;
  turnedAway: number;
  busiestSecond: number;
  /** Gaps between consecutive accepted requests, ms. */
  gapP50: number;
  gapP99: number;
}

export async function measureEmailRate({ ratePerSecond, seconds, databaseUrl }: { ratePerSecond: number; seconds: number; databaseUrl?: string }): Promise<EmailRateResult> {
  const standIn = await startResendStandIn({ ratePerSecond });
  const handles: DatabaseHandle[] = [];
  try {
    const first = databaseUrl ? await openDatabase({ databaseUrl }) : await openDatabase({ dataDir: "memory://" });
    handles.push(first);
    await migrateDatabase(first);
    const pools = databaseUrl ? [first, await openDatabase({ databaseUrl })] : [first, first];
    if (databaseUrl) handles.push(pools[1]!);
    const count = Math.ceil(ratePerSecond * seconds);
    await enqueueConfirmations(first.db, "bench-email", count);
    const transport = createResendTransport({ apiKey: "re_bench", baseUrl: standIn.url });
    const workers = pools.map((pool) =>
      startOutboxWorker(pool.db, { transport, from: "Podium <bench@podium.test>", pollMs: 50, concurrency: 2, rate: { ratePerSecond } }),
    );
    const deadline = Date.now() + (seconds * 3 + 30) * 1000;
    while (standIn.sent.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all(workers.map((worker) => worker.stop()));

    const accepted = standIn.log.filter((r) => r.status === 200).map((r) => r.at).sort((a, b) => a - b);
    const gaps = accepted.slice(1).map((at, i) => at - accepted[i]!).sort((a, b) => a - b);
    const pick = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))] ?? 0;
    return {
      limit: ratePerSecond,
      achieved: accepted.length > 1 ? (accepted.length - 1) / ((accepted.at(-1)! - accepted[0]!) / 1000) : 0,
      turnedAway: standIn.log.filter((r) => r.overLimit).length,
      busiestSecond: busiestWindow(standIn.log),
      gapP50: pick(0.5),
      gapP99: pick(0.99),
    };
  } finally {
    for (const handle of handles.reverse()) await handle.close().catch(() => undefined);
    await standIn.close();
  }
}

async function main() {
  const ratePerSecond = Number(process.env.BENCH_EMAIL_RATE ?? 10);
  const result = await measureEmailRate({ ratePerSecond, seconds: Number(process.env.BENCH_SECONDS ?? 8) });
  console.log(
    `emails/s to a stand-in enforcing ${ratePerSecond} requests/s: ${result.achieved.toFixed(2)} (${(result.achieved / ratePerSecond).toFixed(2)}× of the limit; target ≥ 0.90), ` +
      `turned away ${result.turnedAway}, busiest second ${result.busiestSecond}, gap p50 ${result.gapP50} ms, p99 ${result.gapP99} ms; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
