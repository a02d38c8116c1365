// Figures printed under the bench table that are not throughput: what a visitor
// downloads for the event page, how long a start takes, how much memory a process holds.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

export interface PageWeight {
  htmlBytes: number;
  htmlGzipBytes: number;
  /** Bytes on the wire when a browser asks with Accept-Encoding: gzip, deflate, br. */
  htmlBrowserBytes: number;
  browserEncoding: string;
  /** Every script the page loads (entry and module preloads), each gzipped as served. */
  javascriptGzipBytes: number;
  scripts: number;
}

/** The page as the browser gets it, and the JavaScript it pulls in. */
export async function measurePageWeight(base: string, path: string, cookie: string): Promise<PageWeight> {
  const plain = await fetch(`${base}${path}`, { headers: { cookie, "accept-encoding": "identity" } });
  const html = await plain.text();
  const browser = await rawBytes(`${base}${path}`, { cookie, "accept-encoding": "gzip, deflate, br" });
  const sources = new Set<string>();
  for (const match of html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)) sources.add(match[1]!);
  for (const match of html.matchAll(/import\s*\(?\s*["']([^"']+\.js)["']/g)) sources.add(match[1]!);
  let javascriptGzipBytes = 0;
  for (const source of sources) {
    const script = Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer());
    javascriptGzipBytes += gzipSync(script).length;
  }
  return {
    htmlBytes: Buffer.byteLength(html),
    htmlGzipBytes: gzipSync(html).length,
    htmlBrowserBytes: browser.body.length,
    browserEncoding: browser.encoding ?? "none",
    javascriptGzipBytes,
    scripts: sources.size,
  };
}

/** fetch decompresses on its own; this keeps the bytes as they came. */
async function rawBytes(url: string, headers: Record<string, string>): Promise<{ body: Buffer; encoding: string | undefined }> {
  const { get } = await import("node:http");
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ body: Buffer.concat(chunks), encoding: res.headers["content-encoding"] }));
    }).on("error", reject);
  });
}

/** Resident memory of a process in MB, from /proc (Linux); null elsewhere. */
export function residentMegabytes(pid: number): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every 250 ms until stopped; returns the highest seen. */
export function sampleResidentMemory(pid: number): { stop(): number | null } {
  let peak: number | null = null;
  const timer = setInterval(() => {
    const now = residentMegabytes(pid);
    if (now !== null && (peak === null || now > peak)) peak = now;
  }, 250);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}

/**
 * Seconds from running `command` until /healthz answers 200. The process (and its
 * children: the supervisor starts the web process) is stopped afterwards.
 */
export async function secondsUntilHealthy(command: string[], env: NodeJS.ProcessEnv, healthUrl: string, timeoutMs = 180_000): Promise<number> {
  const started = performance.now();
  const child = spawn(command[0]!, command.slice(1), { env, stdio: ["ignore", "ignore", "ignore"], detached: true });
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const ok = await fetch(healthUrl)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return (performance.now() - started) / 1000;
      if (child.exitCode !== null) throw new Error(`${command.join(" ")} exited with ${child.exitCode} before it was healthy`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${command.join(" ")} was not healthy within ${timeoutMs} ms`);
  } finally {
    // The whole group: npm, the build, the supervisor and its web process.
    if (child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
