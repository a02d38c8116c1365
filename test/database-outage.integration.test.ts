// The real HTTP app (production build) with its database away: every page answers
// 503 with Retry-After and says so plainly, a form's input comes back as a "Try
// again" form, machines get a problem document, and /healthz answers within a
// second even when the database accepts connections and then says nothing.
import { existsSync } from "node:fs";
import { createServer, type AddressInfo, type Server, type Socket } from "node:net";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "~db/availability.server";
import { openDatabase, type DatabaseHandle } from "~db/client.server";
import { createEvent } from "~db/factories";
import { readEnv } from "~/env.server";
import { createHttpApp } from "~/server/http-app.server";
import { TEST_LINK_SECRET } from "./support/load-context";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const BUILD = path.resolve(import.meta.dirname, "../build/server/index.js");
let build: ServerBuild;
let working: TestDatabase;
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  if (!existsSync(BUILD)) throw new Error("build/server/index.js is missing: run `npm run build` first (npm test does)");
  build = (await import(BUILD)) as ServerBuild;
  working = await createTestDatabase();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await working.destroy();
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** A port where nothing listens: PostgreSQL stopped. */
async function refusingPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A port that accepts connections and never says a word: PostgreSQL hung, or a dead network path. */
async function silentPort(): Promise<number> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => sockets.add(socket));
  const port = await listen(server);
  cleanups.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });
  return port;
}

async function startApp(handle: Pick<DatabaseHandle, "db">): Promise<string> {
  const app = createHttpApp({ db: handle.db, env: readEnv({ NODE_ENV: "production" }), linkSecret: TEST_LINK_SECRET, publicOrigin: "http://podium.test", build });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function appOnDatabaseAt(port: number): Promise<string> {
  // Three slots: /healthz's query, a page's loader, and the page cache's version read each hold one while the database is silent.
  const handle = await openDatabase({ databaseUrl: `postgres://postgres@127.0.0.1:${port}/podium`, maxConnections: 3 });
  cleanups.push(() => handle.close());
  return startApp(handle);
}

/** The outage page's own markup: past the language switcher's form, without the loader data the scripts carry. */
function outageSection(html: string): string {
  const start = html.indexOf('<section class="error-page"');
  return start < 0 ? "" : html.slice(start, html.indexOf("</section>", start));
}

function hiddenFields(page: string): [string, string][] {
  const html = outageSection(page);
  const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"\/>/g)].map((m) => [decode(m[1]!), decode(m[2]!)]);
}

function formAction(html: string): string | undefined {
  return /<form method="post" action="([^"]*)"/.exec(outageSection(html))?.[1]?.replace(/&amp;/g, "&");
}

describe("pages while the database is away", () => {
  let base: string;
  beforeAll(async () => {
    base = await appOnDatabaseAt(await refusingPort());
  });

  it("answers a page with 503, Retry-After and a plain explanation instead of a 500", async () => {
    // The console page needs the database to read the session cookie.
    for (const page of ["/", "/events/responding-to-covid-19", "/admin"]) {
      const response = await fetch(`${base}${page}`, { headers: { Accept: "text/html", Cookie: `podium_session=${"A".repeat(43)}` }, redirect: "manual" });
      const html = await response.text();
      expect({ page, status: response.status }).toEqual({ page, status: 503 });
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(outageSection(html)).toContain("Podium can&#x27;t reach its database for a moment");
      expect(outageSection(html)).not.toContain("Something went wrong");
    }
  });

  it("keeps a registration's input in a Try again form that posts to the same page", async () => {
    const response = await fetch(`${base}/events/responding-to-covid-19?utm=mail&x=1`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Accept: "text/html" },
      body: new URLSearchParams({ name: 'Ada "Lovelace" <Byron>', email: "ada@kth.se", timeZone: "Asia/Hong_Kong", consent: "on", note: "first & only" }),
    });
    const html = await response.text();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBeTruthy();
    expect(html).toContain("your input is kept");
    expect(formAction(html)).toBe("/events/responding-to-covid-19?utm=mail&x=1");
    expect(hiddenFields(html)).toEqual([
      ["name", 'Ada "Lovelace" <Byron>'],
      ["email", "ada@kth.se"],
      ["timeZone", "Asia/Hong_Kong"],
      ["consent", "on"],
      ["note", "first & only"],
    ]);
  });

  // No route takes files (the request guard answers 415 to any file), so a multipart form here carries text alone.
  it("keeps a multipart form's text fields too", async () => {
    const form = new FormData();
    form.append("name", "Grace");
    form.append("email", "grace@mit.edu");
    const response = await fetch(`${base}/events/some-event`, { method: "POST", headers: { Origin: base, Accept: "text/html" }, body: form });
    const html = await response.text();
    expect(response.status).toBe(503);
    expect(hiddenFields(html)).toEqual([
      ["name", "Grace"],
      ["email", "grace@mit.edu"],
    ]);
  });

  it("never writes a password back into the page", async () => {
    const response = await fetch(`${base}/login?redirectTo=%2Fadmin%2Fevents`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base, Accept: "text/html" },
      body: new URLSearchParams({ email: "organizer@kth.se", password: "correct horse battery staple", redirectTo: "/admin/events" }),
    });
    const html = await response.text();
    expect(response.status).toBe(503);
    expect(html).not.toContain("correct horse battery staple");
    expect(hiddenFields(html)).toEqual([
      ["email", "organizer@kth.se"],
      ["redirectTo", "/admin/events"],
    ]);
    expect(html).toContain("you will be asked for them again");
  });

  it("gives clients that read JSON, and resource routes, an RFC 9457 problem document", async () => {
    const requests: [string, RequestInit][] = [
      ["/", { headers: { Accept: "application/json" } }],
      ["/calendar.ics", {}],
      ["/events/responding-to-covid-19.ics", {}],
      ["/events/responding-to-covid-19", { method: "POST", headers: { Accept: "application/problem+json", Origin: "null", "Content-Type": "application/x-www-form-urlencoded" }, body: "email=a%40b.c" }],
    ];
    for (const [page, init] of requests) {
      const response = await fetch(`${base}${page}`, { ...init, headers: { ...(init.headers as object), Origin: base } });
      expect({ page, status: response.status, type: response.headers.get("content-type") }).toEqual({ page, status: 503, type: "application/problem+json" });
      expect(response.headers.get("retry-after")).toBeTruthy();
      const problem = (await response.json()) as { status: number; detail: string };
      expect(problem.status).toBe(503);
      expect(problem.detail).toMatch(/can't reach its database/);
    }
  });

  it("says 503 on /healthz at once", async () => {
    const started = Date.now();
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe("the classifier on this suite's real database", () => {
  it("never mistakes a query error (a duplicate key, a syntax error) for an outage", async () => {
    await working.db.execute(sql`create table outage_probe (id int primary key)`);
    await working.db.execute(sql`insert into outage_probe values (1)`);
    const duplicate = await working.db.execute(sql`insert into outage_probe values (1)`).then(() => null, (e: unknown) => e);
    const syntax = await working.db.execute(sql`selec 1`).then(() => null, (e: unknown) => e);
    expect(duplicate).toBeInstanceOf(Error);
    expect(syntax).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(syntax)).toBe(false);
  });
});

describe("a database that accepts connections and never answers", () => {
  it("gets a 503 from /healthz within about a second, and a 503 page once the connect timeout passes", async () => {
    const base = await appOnDatabaseAt(await silentPort());
    let started = Date.now();
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2000);

    started = Date.now();
    const page = await fetch(`${base}/`, { headers: { Accept: "text/html" } });
    expect(page.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(8000);
  });
});

describe("the Try again form", () => {
  it("passes the cross-site check and registers once the database is back", async () => {
    const down = await appOnDatabaseAt(await refusingPort());
    const event = await createEvent(working.db, {
      title: "HKUST × KTH: outage drill",
      startsAt: new Date(Date.now() + 7 * 86_400_000),
      endsAt: new Date(Date.now() + 7 * 86_400_000 + 60 * 60_000),
      displayZones: ["Europe/Stockholm", "Asia/Hong_Kong"],
    });
    const outagePage = await fetch(`${down}/events/${event.slug}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: down, Accept: "text/html" },
      body: new URLSearchParams({ name: "Ada Lovelace", email: "ada@kth.se", timeZone: "Asia/Hong_Kong", consent: "on" }),
    });
    const html = await outagePage.text();
    expect(outagePage.status).toBe(503);

    // The same page, now served with a working database, receives what the browser would send.
    const up = await startApp(working);
    const retried = await fetch(`${up}${formAction(html)}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: up, "Sec-Fetch-Site": "same-origin" },
      body: new URLSearchParams(hiddenFields(html)),
    });
    expect(retried.status).toBe(302);
    expect(retried.headers.get("location")).toMatch(/^\/r\//);
  });
});
