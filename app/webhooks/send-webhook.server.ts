// One HTTP attempt at a webhook: POST to the address the guard checked (the
// connection is pinned to it; TLS still checks the certificate against the host
// name), no redirects followed, the whole exchange bounded by a timeout, and only
// the first KB of the answer read.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";

export const DELIVERY_TIMEOUT_MS = 10_000;
export const RESPONSE_BODY_LIMIT = 1024;

export interface AttemptResult {
  status: number | null;
  /** The first KB of the response body, as text. */
  body: string | null;
  /** A timeout or a connection error; null when the receiver answered. */
  error: string | null;
  /** From Retry-After, for 429 and 503. */
  retryAfterSeconds: number | null;
  durationMs: number;
}

/** Retry-After as seconds (a number or an HTTP date), null when absent or unreadable. */
export function retryAfterSeconds(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - now) / 1000));
}

function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

export function postWebhook(
  target: { url: URL; address: string; family: 4 | 6 },
  { headers, body, timeoutMs = DELIVERY_TIMEOUT_MS, signal }: { headers: Record<string, string>; body: string; timeoutMs?: number; signal?: AbortSignal },
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const client = target.url.protocol === "https:" ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<AttemptResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve({ ...result, durationMs: elapsed() });
    };
    const failed = (error: string) => finish({ status: null, body: null, error, retryAfterSeconds: null });
    const request = client.request(target.url, {
      method: "POST",
      headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      lookup: pinnedLookup(target.address, target.family),
      agent: false,
    });
    const timer = setTimeout(() => {
      failed(`timed out after ${Number((timeoutMs / 1000).toFixed(1))} s`);
      request.destroy();
    }, timeoutMs);
    const onAbort = () => {
      failed(`aborted: ${signal?.reason instanceof Error ? signal.reason.message : "stopped"}`);
      request.destroy();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    request.on("error", (error: NodeJS.ErrnoException) => failed(`connection failed: ${error.code ?? error.message}`));
    request.on("response", (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const status = response.statusCode ?? 0;
        finish({
          status,
          body: Buffer.concat(chunks).subarray(0, RESPONSE_BODY_LIMIT).toString("utf8"),
          error: null,
          retryAfterSeconds: status === 429 || status === 503 ? retryAfterSeconds(response.headers["retry-after"]) : null,
        });
        // Whatever else the receiver sends is not our business.
        response.destroy();
      };
      response.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_BODY_LIMIT) done();
      });
      response.on("end", done);
      response.on("error", done);
    });
    request.end(body);
  });
}
