// `npm run bench`: starts the production build on a fresh PGlite with the demo
// data and a bare node:http server beside it, loads both with autocannon over
// loopback, and prints one table. Bounded in time; touches only 127.0.0.1.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import autocannon from "autocannon";
import postgres from "postgres";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const APP_PORT = 3390;
const BARE_PORT = 3391;
const EVENT_PATH = "/events/biases-norms-and-culture";

interface Row {
  scenario: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Overrides the ratio column: registration rows compare with raw PostgreSQL, not with bare HTTP. */
  versus?: string;
}

/** POST /events/:slug with a new attendee each time; each request looks like a new visitor (own address, own email). */
async function loadRegistrations(base: string, slug: string): Promise<Row> {
  let n = 0;
  const result = await autocannon({
    url: `${base}/events/${slug}`,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          n += 1;
          const email = `bench-${n}-${randomBytes(3).toString("hex")}@example.edu`;
          return {
            ...request,
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              origin: base,
              "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
            body: new URLSearchParams({ name: `Bench ${n}`, email, timeZone: "Europe/Stockholm", consent: "on" }).toString(),
          };
        },
      },
    ],
  });
  const redirects = result.statusCodeStats?.["302"]?.count ?? 0;
  return {
    scenario: "registration over HTTP (POST, 302)",
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + (result.non2xx - redirects),
  };
}

/**
 * The ceiling: the registration transaction itself (lock the event, count
 * seats, number the waitlist, insert the registration and its outbox row)
 * straight through the driver, with the same concurrency.
 */
async function loadRawTransaction(databaseUrl: string, slug: string): Promise<Row> {
  const sql = postgres(databaseUrl, { max: CONNECTIONS, onnotice: () => {} });
  const [event] = await sql<{ id: string }[]>`select id from events where slug = ${slug}`;
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + DURATION_SECONDS * 1000;
  const worker = async () => {
    while (Date.now() < deadline) {
      const started = performance.now();
      try {
        await sql.begin(async (tx) => {
          const [locked] = await tx<{ capacity: number | null }[]>`select capacity from events where id = ${event!.id} for update`;
          const [{ confirmed }] = (await tx<{ confirmed: number }[]>`select count(*)::int as confirmed from registrations where event_id = ${event!.id} and status = 'confirmed'`) as unknown as [{ confirmed: number }];
          const full = locked!.capacity !== null && confirmed >= locked!.capacity;
          const [{ highest }] = (await tx<{ highest: number | null }[]>`select max(waitlist_position) as highest from registrations where event_id = ${event!.id}`) as unknown as [{ highest: number | null }];
          const id = randomUUID();
          await tx`insert into registrations (id, event_id, email, name, time_zone, status, waitlist_position, consent_at, manage_token_hash, join_token_hash)
            values (${id}, ${event!.id}, ${`raw-${id}@example.edu`}, 'Raw', 'Europe/Stockholm', ${full ? "waitlisted" : "confirmed"}, ${full ? (highest ?? 0) + 1 : null}, now(), ${`m-${id}`}, ${`j-${id}`})`;
          await tx`insert into email_outbox (dedupe_key, template, to_email, props, registration_id, event_id) values (${`raw/${id}`}, 'registration-confirmed', ${`raw-${id}@example.edu`}, '{}'::jsonb, ${id}, ${event!.id})`;
        });
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  await sql.end({ timeout: 5 });
  latencies.sort((a, b) => a - b);
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { scenario: "same transaction, raw PostgreSQL driver", requestsPerSecond: latencies.length / DURATION_SECONDS, p50: pick(0.5), p99: pick(0.99), errors, versus: "1.00× (ceiling)" };
}

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up within ${timeoutMs} ms`);
}

async function load(scenario: string, url: string, headers: Record<string, string> = {}, expectStatus = 200): Promise<Row> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS, headers });
  const unexpected = expectStatus === 200 ? result.non2xx : result.non2xx - (result.statusCodeStats?.[String(expectStatus) as "304"]?.count ?? 0);
  return {
    scenario,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + unexpected,
  };
}

function printTable(rows: Row[], baseline: Row) {
  const header = ["scenario", "req/s", "p50 ms", "p99 ms", "errors", "ratio"];
  const lines = rows.map((r) => [
    r.scenario,
    r.requestsPerSecond.toFixed(0),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    String(r.errors),
    r.versus ?? (r === baseline ? "1.00×" : `${(r.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}×`),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const line of lines) console.log(fmt(line));
  console.log(`\n${CONNECTIONS} connections, ${DURATION_SECONDS} s per row, loopback, Node ${process.version}`);
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), "podium-bench-"));
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const child of children) child.kill("SIGTERM");
    await new Promise((r) => setTimeout(r, 500));
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on("SIGINT", () => {
    void stop().then(() => process.exit(130));
  });
  try {
    // With DATABASE_URL the app runs on a fresh PostgreSQL database (and the raw
    // transaction row can be measured beside it); without, on embedded PGlite.
    let benchDatabaseUrl: string | undefined;
    if (process.env.DATABASE_URL) {
      const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
      const name = `podium_bench_${randomBytes(4).toString("hex")}`;
      await admin.unsafe(`create database ${name}`);
      await admin.end();
      const url = new URL(process.env.DATABASE_URL);
      url.pathname = `/${name}`;
      benchDatabaseUrl = url.toString();
      cleanups.push(async () => {
        const dropper = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
        await dropper.end();
      });
    }
    const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", PORT: String(APP_PORT), HOST: "127.0.0.1", PODIUM_DATA_DIR: dataDir, PODIUM_WORKER: "off", DATABASE_URL: benchDatabaseUrl };
    // node itself, not npx: SIGTERM must reach the server, not only a wrapper that leaves it running.
    const app = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "inherit"] });
    children.push(app);
    const base = `http://127.0.0.1:${APP_PORT}`;
    await waitFor(`${base}/healthz`);

    const cookie = "podium-tz=Europe%2FStockholm";
    const first = await fetch(`${base}${EVENT_PATH}`, { headers: { cookie } });
    const html = await first.text();
    const etag = first.headers.get("etag");
    if (!first.ok || !etag) throw new Error(`event page answered ${first.status} without an ETag`);

    const bare = fork(path.resolve("bench/bare-server.ts"), {
      env: { ...process.env, PORT: String(BARE_PORT), BARE_BODY: html },
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
    });
    children.push(bare);
    await waitFor(`http://127.0.0.1:${BARE_PORT}/`);

    const baseline = await load("bare node:http, same bytes", `http://127.0.0.1:${BARE_PORT}/`);
    const rows = [
      baseline,
      await load("event page, full render", `${base}${EVENT_PATH}`, { cookie }),
      await load("event page, conditional GET (304)", `${base}${EVENT_PATH}`, { cookie, "if-none-match": etag }, 304),
      await load("home page, full render", `${base}/`, { cookie }),
    ];
    const registrations = await loadRegistrations(base, "robotic-manipulation");
    rows.push(registrations);
    if (benchDatabaseUrl) {
      const raw = await loadRawTransaction(benchDatabaseUrl, "robotic-manipulation");
      registrations.versus = `${(registrations.requestsPerSecond / raw.requestsPerSecond).toFixed(2)}× of raw PostgreSQL`;
      rows.push(raw);
    } else {
      registrations.versus = "(set DATABASE_URL for the PostgreSQL ceiling)";
    }
    console.log(`\nPodium benchmark (event page ${Buffer.byteLength(html)} bytes; database: ${benchDatabaseUrl ? "PostgreSQL" : "PGlite"})\n`);
    printTable(rows, baseline);
  } finally {
    await stop();
  }
}

await main();
// The forked yardstick's IPC channel would otherwise keep this process alive.
process.exit(0);
