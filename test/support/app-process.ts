// Starts Podium as `npm start` runs it (server.ts: the supervisor and its web
// process, from the production build) in a separate OS process, for tests that
// need real processes: restarts, crashes, signals.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface AppProcess {
  base: string;
  /** The supervisor (node:cluster primary). */
  child: ChildProcess;
  /** Everything both processes printed so far. */
  output(): string;
  /** Web process pids in the order the supervisor started them (any slot). */
  webProcessPids(): number[];
  /** SIGTERM (or the given signal), resolving with the exit code once the supervisor has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function waitUntil(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  if (!existsSync(path.join(ROOT, "build/server/index.js"))) {
    throw new Error("These tests run the production build: run `npm run build` first (`npm test` does).");
  }
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      HOST: "127.0.0.1",
      PODIUM_SECRET: "app-process-test-secret-0123456789abcdef",
      // One web process unless a test asks for more (on PostgreSQL the default is one per core).
      PODIUM_PROCESSES: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const app: AppProcess = {
    base,
    child,
    output: () => output,
    webProcessPids: () => [...output.matchAll(/started web process (\d+)/g)].map((m) => Number(m[1])),
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  try {
    await waitUntil(async () => (await fetch(`${base}/healthz`).catch(() => null))?.ok === true, 90_000, `the app on ${base}`);
  } catch (error) {
    await app.stop("SIGKILL");
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return app;
}
