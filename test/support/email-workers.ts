// `npm run worker` processes against one PostgreSQL and a Resend stand-in, and what the
// email drills ask of the outbox while they run. Shared by the drills in the suite
// (test/email-limits.postgres.test.ts) and the full-scale proofs (test/email-scale.postgres.test.ts).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "~db/client.server";
import { emailOutbox } from "~db/schema";
import type { RequestRecord, ResendStandIn } from "./resend-stand-in";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface WorkerPool {
  start(standIn: ResendStandIn, env?: Record<string, string>): Promise<ChildProcess>;
  /** SIGKILL for every worker still running. */
  stopAll(): Promise<void>;
}

/** Starts workers on `databaseUrl`; each resolves once it says it is running (boot is slow on a busy machine). */
export function workerPool(databaseUrl: () => string, defaults: Record<string, string> = {}): WorkerPool {
  const children: ChildProcess[] = [];
  return {
    async start(standIn, env = {}) {
      const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          DATABASE_URL: databaseUrl(),
          PODIUM_SECRET: "email-limits-test-secret-0123456789abcdef",
          PODIUM_SEED: "off",
          NODE_ENV: "production",
          PUBLIC_URL: "https://events.podium.test",
          RESEND_API_KEY: "re_test_email_limits",
          RESEND_BASE_URL: standIn.url,
          ...defaults,
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("exit", (code: number | null) => {
        if (code && code !== 0) console.error(`worker exited with ${code}:\n${output}`);
      });
      children.push(child);
      await waitUntil(() => output.includes("email worker running"), 90_000, "a worker to start");
      return child;
    },
    async stopAll() {
      await Promise.all(children.splice(0).map((child) => stopProcess(child, "SIGKILL")));
    },
  };
}

export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  await exited;
}

/** Polls `condition` every `everyMs`; on timeout, `describe()` says what was there instead. */
export async function waitUntil(
  condition: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
  { everyMs = 20, describe }: { everyMs?: number; describe?: () => Promise<unknown> } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${describe ? `; ${JSON.stringify(await describe())}` : ""}`);
}

/** The outbox by status, retry reason and attempts: what a timed-out wait reports. */
export async function outboxStates(db: Database) {
  return db
    .select({
      status: emailOutbox.status,
      reason: emailOutbox.retryReason,
      attempts: emailOutbox.attempts,
      count: sql<number>`count(*)::int`,
      error: sql<string>`max(${emailOutbox.lastError})`,
    })
    .from(emailOutbox)
    .groupBy(emailOutbox.status, emailOutbox.retryReason, emailOutbox.attempts);
}

/** How many rows there are, and how many of them are not sent yet (one cheap query, fit for polling 10,000 rows). */
export async function outboxProgress(db: Database): Promise<{ total: number; unsent: number; dead: number }> {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      unsent: sql<number>`count(*) filter (where ${emailOutbox.status} <> 'sent')::int`,
      dead: sql<number>`count(*) filter (where ${emailOutbox.status} = 'dead')::int`,
    })
    .from(emailOutbox);
  return row!;
}

/** Each outbox row reached the provider exactly once (by the id every email carries). */
export function expectEachDeliveredOnce(standIn: ResendStandIn, ids: string[]): void {
  const delivered = standIn.sent.map((email) => email.headers["X-Entity-Ref-ID"]);
  expect(delivered).toHaveLength(ids.length);
  expect(new Set(delivered)).toEqual(new Set(ids));
}

/** No request was in flight twice at once under one idempotency key: no second worker sent what the first still held. */
export function expectNoKeyInFlightTwice(log: RequestRecord[]): void {
  const byKey = new Map<string, RequestRecord[]>();
  for (const r of log) byKey.set(r.key ?? "", [...(byKey.get(r.key ?? "") ?? []), r]);
  for (const requests of byKey.values()) {
    const spans = requests.map((r) => [r.at, r.answeredAt] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
  }
}
