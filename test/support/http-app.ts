// The real express app from the production build on a free port, and a raw HTTP
// client that can send what fetch refuses to (a forged Host, lying lengths, TRACE).
import { existsSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import type { Database } from "~db/client.server";
import { readEnv } from "~/env.server";
import { createHttpApp } from "~/server/http-app.server";
import { TEST_LINK_SECRET } from "./load-context";

const BUILD = path.resolve(import.meta.dirname, "../../build/server/index.js");

export async function loadProductionBuild(): Promise<ServerBuild> {
  if (!existsSync(BUILD)) throw new Error("build/server/index.js is missing: run `npm run build` first (npm test does)");
  return (await import(BUILD)) as ServerBuild;
}

export interface RunningApp {
  base: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpApp(
  db: Database,
  build: ServerBuild,
  { publicOrigin = "http://podium.test", trustProxy = "false" }: { publicOrigin?: string; trustProxy?: string } = {},
): Promise<RunningApp> {
  const env = readEnv({ NODE_ENV: "production", PODIUM_TRUST_PROXY: trustProxy });
  const app = createHttpApp({ db, env, linkSecret: TEST_LINK_SECRET, publicOrigin, build });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Body bytes the client managed to write before the server answered or hung up. */
  bytesSent: number;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string | number>;
  /** A whole body, or a source of chunks streamed until the server stops listening. */
  body?: string | Buffer | Iterable<Buffer>;
  timeoutMs?: number;
}

/** One request on its own connection; a server that hangs up mid-body still yields its answer if it sent one. */
export function rawRequest(port: number, { method = "GET", path: target, headers = {}, body, timeoutMs = 10_000 }: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let settled = false;
    const req = http.request({ host: "127.0.0.1", port, method, path: target, headers: { Connection: "close", ...headers }, agent: false });
    const timer = setTimeout(() => {
      settled = true;
      req.destroy();
      reject(new Error(`${method} ${target.slice(0, 80)} got no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      const done = () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), bytesSent });
      };
      res.on("end", done);
      res.on("error", done);
      res.on("close", done);
    });
    req.on("error", (error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(Object.assign(error, { bytesSent }));
    });
    if (body === undefined) return void req.end();
    if (typeof body === "string" || Buffer.isBuffer(body)) {
      bytesSent = Buffer.byteLength(body);
      return void req.end(body);
    }
    const chunks = body[Symbol.iterator]();
    const pump = () => {
      while (!req.destroyed && !settled) {
        const next = chunks.next();
        if (next.done) return void req.end();
        bytesSent += next.value.length;
        if (!req.write(next.value)) return void req.once("drain", pump);
      }
    };
    req.on("socket", (socket) => socket.once("connect", pump));
  });
}

/**
 * Bytes written as they are onto a fresh socket: for requests no HTTP client would send
 * (lying Content-Length, broken Host, raw NULs). `hangUpAfterMs` closes the sending side
 * later, as a client that promised more body than it sends eventually does. Resolves with
 * the status of the first answer, or 0 when the server hung up without one.
 */
export function rawBytes(port: number, bytes: Buffer, { timeoutMs = 10_000, hangUpAfterMs }: { timeoutMs?: number; hangUpAfterMs?: number } = {}): Promise<{ status: number; head: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const received: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${bytes.subarray(0, 120).toString("latin1")}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      const text = Buffer.concat(received).toString("latin1");
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({ status: status ? Number(status) : 0, head: text.slice(0, text.indexOf("\r\n\r\n") + 1 || 400) });
    };
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    socket.on("close", () => {
      clearTimeout(hangUp);
      finish();
    });
    let hangUp: NodeJS.Timeout | undefined;
    socket.on("error", () => socket.destroy());
    socket.on("connect", () => {
      socket.write(bytes);
      if (hangUpAfterMs !== undefined) hangUp = setTimeout(() => socket.end(), hangUpAfterMs);
    });
  });
}
