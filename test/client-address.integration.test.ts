// The per-address rate limits are only as good as the address. Through the real
// http app (production build), a client that forges X-Forwarded-For gets no fresh
// budget unless it reaches us through a proxy we trust.
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readEnv } from "~/env.server";
import { createHttpApp } from "~/server/http-app.server";
import { TEST_LINK_SECRET } from "./support/load-context";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const BUILD = path.resolve(import.meta.dirname, "../build/server/index.js");
let database: TestDatabase;
let build: ServerBuild;

beforeAll(async () => {
  if (!existsSync(BUILD)) throw new Error("build/server/index.js is missing: run `npm run build` first (npm test does)");
  database = await createTestDatabase();
  build = (await import(BUILD)) as ServerBuild;
});
afterAll(async () => {
  await database.destroy();
});

async function signInAttempts(trustProxy: string, count: number): Promise<number[]> {
  const app = createHttpApp({ db: database.db, env: readEnv({ NODE_ENV: "production", PODIUM_TRUST_PROXY: trustProxy }), linkSecret: TEST_LINK_SECRET, publicOrigin: "http://podium.test", build });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const statuses: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const response = await fetch(`${base}/login`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, "X-Forwarded-For": `203.0.113.${i}` },
        // A different unknown account each time, so only the per-address limit can bite.
        body: new URLSearchParams({ email: `nobody-${trustProxy}-${i}@example.edu`, password: "wrong password" }),
      });
      statuses.push(response.status);
      await response.arrayBuffer();
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  return statuses;
}

describe("client address behind the rate limits", () => {
  it("counts a direct client by its own address, whatever X-Forwarded-For it forges", async () => {
    const statuses = await signInAttempts("false", 22);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it("believes X-Forwarded-For from a trusted proxy on this machine, so each client has its own budget", async () => {
    const statuses = await signInAttempts("loopback", 22);
    expect(statuses.every((s) => s === 400)).toBe(true);
  });
});
