// `npm run bench`: starts the production build on a fresh PGlite with the demo
// data and a bare node:http server beside it, loads both with autocannon over
// loopback, and prints one table. Bounded in time; touches only 127.0.0.1.
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";

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
  const unexpected = expectStatus === 304 ? result.non2xx - (result.statusCodeStats?.["304"]?.count ?? 0) : result.non2xx;
  return {
    scenario,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + unexpected,
  };
}

function printTable(rows: Row[], baseline: Row) {
  const header = ["scenario", "req/s", "p50 ms", "p99 ms", "errors", "vs bare node:http"];
  const lines = rows.map((r) => [
    r.scenario,
    r.requestsPerSecond.toFixed(0),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    String(r.errors),
    r === baseline ? "1.00×" : `${(r.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}×`,
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
  const stop = () => {
    for (const child of children) child.kill("SIGTERM");
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", PORT: String(APP_PORT), HOST: "127.0.0.1", PODIUM_DATA_DIR: dataDir, PODIUM_WORKER: "off" };
    delete env.DATABASE_URL;
    const app = spawn("npx", ["tsx", "server.ts"], { env: env as NodeJS.ProcessEnv, stdio: ["ignore", "ignore", "inherit"] });
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
    console.log(`\nPodium benchmark (event page ${Buffer.byteLength(html)} bytes)\n`);
    printTable(rows, baseline);
  } finally {
    stop();
  }
}

await main();
