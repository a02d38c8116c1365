// Podium scaled out as it is deployed: separate OS processes (two app servers
// from the production build, two `npm run worker` processes) sharing one
// PostgreSQL, with the real Resend SDK pointed at a local stand-in. Nothing in
// this file shares memory with those processes; they meet only in the database.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { emailOutbox, registrations } from "~db/schema";
import { enqueueEmail } from "~/email/outbox.server";
import { startResendStandIn, type ResendStandIn } from "./support/resend-stand-in";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const ROOT = path.resolve(import.meta.dirname, "..");
const SECRET = "multi-process-test-secret-0123456789abcdef";
let database: TestDatabase;
const children: ChildProcess[] = [];
const standIns: ResendStandIn[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Starts `node --import tsx <script>` with the test database and a quiet environment. */
function startProcess(script: string, env: Record<string, string>): ChildProcess {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      DATABASE_URL: database.databaseUrl!,
      PODIUM_SECRET: SECRET,
      PODIUM_SEED: "off",
      NODE_ENV: "production",
      // A production deployment on PostgreSQL refuses to start without its public address.
      PUBLIC_URL: "https://events.podium.test",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.on("exit", (code: number | null, signal: NodeJS.Signals | null) => {
    if (code && code !== 0) console.error(`${script} exited with ${code} (${signal ?? "no signal"}):\n${output}`);
  });
  children.push(child);
  return child;
}

async function startApp(): Promise<string> {
  const port = await freePort();
  startProcess("server.ts", { NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", PODIUM_WORKER: "off", PODIUM_PROCESSES: "1" });
  const base = `http://127.0.0.1:${port}`;
  await waitUntil(async () => (await fetch(`${base}/healthz`).catch(() => null))?.ok === true, 30_000, `app on ${base}`);
  return base;
}

function startWorker(standIn: ResendStandIn, extraEnv: Record<string, string> = {}): ChildProcess {
  return startProcess("scripts/worker.ts", {
    RESEND_API_KEY: "re_test_multi_process",
    RESEND_BASE_URL: standIn.url,
    PODIUM_WORKER_POLL_MS: "50",
    // The stand-in here sets no limit; the shared rate (2/s by default) is tested in email-limits.
    RESEND_RATE_PER_SECOND: "200",
    ...extraEnv,
  });
}

async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  await exited;
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function outboxStatuses(where: ReturnType<typeof sql>) {
  return database.db.select({ id: emailOutbox.id, status: emailOutbox.status }).from(emailOutbox).where(where);
}

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, "build/server/index.js"))) {
    throw new Error("These tests run the production build: run `npm run build` first (`npm test` does).");
  }
  database = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => stopProcess(child, "SIGKILL")));
  await Promise.all(standIns.splice(0).map((standIn) => standIn.close()));
});
afterAll(async () => {
  await database.destroy();
});

describe("several app and worker processes on one PostgreSQL", () => {
  it("two app processes take 120 registrations for 40 seats, and two workers send every email exactly once", async () => {
    const standIn = await startResendStandIn();
    standIns.push(standIn);
    const event = await createEvent(database.db, {
      title: "HKUST × KTH: two processes",
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      endsAt: new Date(Date.now() + 7 * 86_400_000 + 75 * 60_000),
      displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
      capacity: 40,
    });
    const apps = await Promise.all([startApp(), startApp()]);
    startWorker(standIn);
    startWorker(standIn);

    // 120 visitors at once, alternating between the two app processes; each comes
    // from its own address (through the load balancer's X-Forwarded-For).
    const responses = await Promise.all(
      Array.from({ length: 120 }, async (_, n) => {
        const base = apps[n % 2]!;
        const response = await fetch(`${base}/events/${event.slug}`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: base, "x-forwarded-for": `10.1.${n >> 8}.${n & 255}` },
          body: new URLSearchParams({ name: `Attendee ${n}`, email: `attendee${n}@example.edu`, timeZone: "Asia/Hong_Kong", consent: "on" }),
        });
        return response.status;
      }),
    );
    expect(responses.every((status) => status === 302)).toBe(true);

    const rows = await database.db.select().from(registrations).where(eq(registrations.eventId, event.id));
    expect(rows).toHaveLength(120);
    expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(40);
    const waitlisted = rows.filter((r) => r.status === "waitlisted");
    expect(waitlisted).toHaveLength(80);
    expect(new Set(waitlisted.map((r) => r.waitlistTicket)).size).toBe(80);

    const forEvent = sql`${emailOutbox.eventId} = ${event.id}`;
    await waitUntil(async () => (await outboxStatuses(forEvent)).every((row) => row.status === "sent"), 60_000, "every email to be sent");
    const outbox = await outboxStatuses(forEvent);
    expect(outbox).toHaveLength(120);
    const delivered = standIn.sent.map((email) => email.idempotencyKey);
    expect(delivered).toHaveLength(120);
    expect(new Set(delivered)).toEqual(new Set(outbox.map((row) => row.id)));
    // Each registrant got exactly one email: confirmed or waitlisted, never both, never two.
    const recipients = standIn.sent.map((email) => email.to[0]);
    expect(new Set(recipients).size).toBe(120);
    const subjects = standIn.sent.map((email) => email.subject);
    expect(subjects.filter((s) => /waitlist/i.test(s))).toHaveLength(80);
  }, 180_000);

  it("a worker killed with SIGKILL mid-drain loses nothing and duplicates nothing", async () => {
    // Every send takes 40 ms, so the first worker is certainly mid-batch when it is killed.
    const standIn = await startResendStandIn({ delayMs: 40 });
    standIns.push(standIn);
    for (let n = 0; n < 150; n++) {
      await enqueueEmail(database.db, {
        dedupeKey: `sigkill/${n}`,
        message: {
          template: "registration-confirmed",
          props: {
            recipient: { name: `Person ${n}` },
            event: {
              title: "Responding to COVID-19",
              url: "http://podium.test/events/responding-to-covid-19",
              hostsLabel: "HKUST × KTH",
              whenInEventZones: "Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT",
              whenForRecipient: "Thursday, 3 December 2020, 10:00 – 11:15 CET (your time)",
            },
            manageUrl: `http://podium.test/r/${n}`,
          },
        },
        to: { email: `person${n}@example.edu`, name: `Person ${n}` },
      });
    }
    const ids = (await outboxStatuses(sql`${emailOutbox.dedupeKey} like 'sigkill/%'`)).map((row) => row.id);
    expect(ids).toHaveLength(150);

    // A short lease, so the messages the killed worker held come back within seconds.
    const lease = { PODIUM_WORKER_LEASE_SECONDS: "3" };
    const doomed = startWorker(standIn, lease);
    await waitUntil(async () => standIn.sent.length >= 30, 30_000, "the first worker to be under way");
    await stopProcess(doomed, "SIGKILL");

    const held = await database.db
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(sql`${inArray(emailOutbox.id, ids)} and ${emailOutbox.status} = 'sending'`);
    // The kill left claimed messages behind (otherwise this test proves nothing).
    expect(held.length).toBeGreaterThan(0);

    startWorker(standIn, lease);
    await waitUntil(
      async () => (await outboxStatuses(sql`${inArray(emailOutbox.id, ids)}`)).every((row) => row.status === "sent"),
      60_000,
      "the second worker to finish",
    );
    const delivered = standIn.sent.map((email) => email.idempotencyKey!);
    expect(delivered).toHaveLength(150);
    expect(new Set(delivered)).toEqual(new Set(ids));
  }, 180_000);
});
