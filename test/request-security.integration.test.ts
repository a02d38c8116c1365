// Section 3 of issue 10 over real HTTP, against the production build: a forged Host
// changes no link in any email, no redirect leaves the site, a 100 MB body is refused
// without being read, and every refusal speaks plainly (a page or a problem document).
import type { ServerBuild } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { emailOutbox, type Event } from "~db/schema";
import { signedInOrganizer } from "./support/organizer";
import { loadProductionBuild, rawRequest, startHttpApp, type RunningApp } from "./support/http-app";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const PUBLIC_ORIGIN = "http://podium.test";
let database: TestDatabase;
let build: ServerBuild;
let app: RunningApp;
let event: Event;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  build = await loadProductionBuild();
  app = await startHttpApp(database.db, build, { publicOrigin: PUBLIC_ORIGIN });
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  event = await createEvent(database.db, { title: "Open science", status: "published", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
  ({ cookie } = await signedInOrganizer(database.db, { email: "chair@kth.se" }));
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM_HEADERS = { "Content-Type": "application/x-www-form-urlencoded" };

describe("absolute links come from configuration, never from the Host header", () => {
  it("re-sends a victim's confirmation with links to the real site when the attacker forges Host", async () => {
    const victim = { name: "Victim", email: "victim@uni.example", affiliation: "", timeZone: "Europe/Stockholm", consent: "on" };
    const first = await rawRequest(app.port, { method: "POST", path: `/events/${event.slug}`, headers: FORM_HEADERS, body: form(victim) });
    expect(first.status).toBeLessThan(400);
    // The attack: the same email again, so the victim's existing links are re-sent, through a poisoned Host.
    for (const host of ["evil.example", "evil.example:8080", "podium.test.evil.example"]) {
      const poisoned = await rawRequest(app.port, {
        method: "POST",
        path: `/events/${event.slug}`,
        headers: { ...FORM_HEADERS, Host: host, Origin: `http://${host}`, "X-Forwarded-Host": host },
        body: form(victim),
      });
      expect(poisoned.status).toBeLessThan(400);
    }
    const mail = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, "victim@uni.example"));
    expect(mail.length).toBeGreaterThanOrEqual(2);
    for (const message of mail) {
      const everything = JSON.stringify([message.props, message.attachments.map((a) => Buffer.from(a.content, "base64").toString("utf8"))]);
      expect(everything).not.toContain("evil.example");
      expect(everything).toContain(`${PUBLIC_ORIGIN}/r/`);
    }
  });

  it("keeps the page's own links (calendar, share URL) on the configured origin", async () => {
    const page = await rawRequest(app.port, { path: `/events/${event.slug}`, headers: { Host: "evil.example", Accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain("evil.example");
    const feed = await rawRequest(app.port, { path: "/calendar.ics", headers: { Host: "evil.example" } });
    expect(feed.body).not.toContain("evil.example");
  });
});

const REDIRECT_ATTACKS = [
  "//evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\n/evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%5Cevil.example",
  "/.//evil.example",
  "///evil.example",
  "https://evil.example",
  "javascript:alert(1)",
  "data:text/html,hi",
  "http:/evil.example",
  " /\\evil.example",
  "/admin\r\nSet-Cookie: x=y",
];

function staysOnSite(location: string | undefined): boolean {
  if (!location) return false;
  // What a browser would do with the Location header: resolve it against the page's URL.
  return new URL(location, "http://podium.test/login").origin === "http://podium.test";
}

describe("redirects never leave the site", () => {
  it.each(REDIRECT_ATTACKS)("a signed-in visit to /login?redirectTo=%j stays here", async (attack) => {
    const response = await rawRequest(app.port, { path: `/login?redirectTo=${encodeURIComponent(attack)}`, headers: { Cookie: cookie } });
    expect(response.status).toBe(302);
    expect(staysOnSite(response.headers.location)).toBe(true);
  });

  it.each(REDIRECT_ATTACKS)("signing in with redirectTo=%j stays here", async (attack) => {
    const email = `redirect-${REDIRECT_ATTACKS.indexOf(attack)}@kth.se`;
    await signedInOrganizer(database.db, { email });
    const response = await rawRequest(app.port, {
      method: "POST",
      path: "/login",
      headers: FORM_HEADERS,
      body: form({ email, password: "correct horse battery", redirectTo: attack }),
    });
    expect(response.status).toBe(302);
    expect(staysOnSite(response.headers.location)).toBe(true);
  });

  it("still returns an organizer to the console page they asked for", async () => {
    const signedOut = await rawRequest(app.port, { path: "/admin/events?status=draft" });
    expect(signedOut.headers.location).toBe(`/login?redirectTo=${encodeURIComponent("/admin/events?status=draft")}`);
    const back = await rawRequest(app.port, { path: `/login?redirectTo=${encodeURIComponent("/admin/events?status=draft")}`, headers: { Cookie: cookie } });
    expect(back.headers.location).toBe("/admin/events?status=draft");
  });

  it("keeps a signed-out console page's Location short whatever its query string", async () => {
    const longButAllowed = await rawRequest(app.port, { path: `/admin/events?q=${"x".repeat(1900)}` });
    expect(longButAllowed.status).toBe(302);
    expect(longButAllowed.headers.location!.length).toBeLessThan(600);
    expect(longButAllowed.headers.location).toBe(`/login?redirectTo=${encodeURIComponent("/admin/events")}`);
    const long = await rawRequest(app.port, { path: `/admin/events?q=${"x".repeat(10_000)}` });
    expect(long.status).toBe(414);
    expect(long.headers.location).toBeUndefined();
    // Past Node's 16 KB header limit the server itself answers 431 before any of our code.
    const huge = await rawRequest(app.port, { path: `/admin/events?q=${"x".repeat(20_000)}` });
    expect([414, 431]).toContain(huge.status);
    expect(huge.headers.location).toBeUndefined();
  });
});

/** 64 KB chunks of form-looking bytes, `total` in all. */
function* chunks(total: number): Generator<Buffer> {
  const chunk = Buffer.alloc(64 * 1024, "a=b&");
  for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
}

describe("a 100 MB body is refused without being read", () => {
  const HUNDRED_MB = 100 * 1024 * 1024;

  it("answers 413 from Content-Length before reading any of it", async () => {
    const response = await rawRequest(app.port, {
      method: "POST",
      path: `/events/${event.slug}`,
      headers: { ...FORM_HEADERS, "Content-Length": HUNDRED_MB, Accept: "application/json" },
      body: chunks(HUNDRED_MB),
    }).catch((error: Error & { bytesSent: number }) => ({ status: 0, bytesSent: error.bytesSent, headers: {}, body: "" }));
    // Either the 413 reached us or the server hung up first; both must come within a few MB.
    expect([0, 413]).toContain(response.status);
    expect(response.bytesSent).toBeLessThan(16 * 1024 * 1024);
  });

  it("counts a streamed body without Content-Length and hangs up past the limit", async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const response = await rawRequest(app.port, {
      method: "POST",
      path: "/login",
      headers: { ...FORM_HEADERS, "Transfer-Encoding": "chunked", Accept: "application/json" },
      body: chunks(HUNDRED_MB),
    }).catch((error: Error & { bytesSent: number }) => ({ status: 0, bytesSent: error.bytesSent, headers: {}, body: "" }));
    expect([0, 413]).toContain(response.status);
    expect(response.bytesSent).toBeLessThan(16 * 1024 * 1024);
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(50 * 1024 * 1024);
  });

  it("explains the limit to a browser in a page", async () => {
    const response = await rawRequest(app.port, {
      method: "POST",
      path: "/login",
      headers: { ...FORM_HEADERS, Accept: "text/html" },
      body: "a=".concat("b".repeat(2 * 1024 * 1024)),
    }).catch(() => null);
    // Small enough to be written whole before the server hangs up, so the answer arrives.
    if (response) {
      expect(response.status).toBe(413);
      expect(response.body).toContain("A form may send at most 1 MB.");
    }
  });
});

describe("every refusal is a clear 4xx", () => {
  it("answers TRACE, DELETE and PUT on pages with 405 and Allow", async () => {
    for (const method of ["TRACE", "DELETE", "PUT", "PATCH"]) {
      const response = await rawRequest(app.port, { method, path: `/events/${event.slug}`, headers: { Accept: "application/json" } });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe("GET, HEAD, POST");
      expect(response.headers["content-type"]).toContain("application/problem+json");
      expect(JSON.parse(response.body)).toMatchObject({ type: "about:blank", title: "Method Not Allowed", status: 405 });
    }
  });

  it("answers a form posted to a page without one with a plain 405", async () => {
    const response = await rawRequest(app.port, { method: "POST", path: "/", headers: { ...FORM_HEADERS, Accept: "text/html" }, body: "a=b" });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD");
    expect(response.body).toContain("This page does not take form submissions.");
    expect(response.body).not.toContain("action");
  });

  it("says which content types a form takes", async () => {
    for (const [type, body] of [["application/json", '{"email":"a@b.c"}'], ["text/plain", "email=a@b.c"], ["", "email=a@b.c"]] as const) {
      const response = await rawRequest(app.port, { method: "POST", path: "/login", headers: type ? { "Content-Type": type } : {}, body });
      expect(response.status).toBe(415);
      expect(JSON.parse(response.body).detail).toContain("application/x-www-form-urlencoded or multipart/form-data");
    }
  });

  it("names the field that carries a NUL byte, a broken character or a megabyte", async () => {
    const cases = [
      ["name=Ada%00Lovelace&email=a%40b.c", "name"],
      ["email=a%40b.c&affiliation=%ED%A0%80", "affiliation"],
      [`email=a%40b.c&name=${"x".repeat(1_000_000)}`, "name"],
    ] as const;
    for (const [body, field] of cases) {
      const response = await rawRequest(app.port, { method: "POST", path: `/events/${event.slug}`, headers: FORM_HEADERS, body });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.body).field).toBe(field);
    }
    const page = await rawRequest(app.port, { method: "POST", path: "/login", headers: { ...FORM_HEADERS, Accept: "text/html" }, body: "email=%00" });
    expect(page.status).toBe(400);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.body).toContain("The field &#34;email&#34; contains characters that are not text");
    expect(page.body).toContain('href="/login"');
  });

  it("refuses broken multipart with 400", async () => {
    const response = await rawRequest(app.port, {
      method: "POST",
      path: "/login",
      headers: { "Content-Type": "multipart/form-data; boundary=xyz" },
      body: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\na@b.c\r\n--xy',
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body).title).toBe("Bad Request");
  });

  it("signs out on a bare POST /logout with no body", async () => {
    const response = await rawRequest(app.port, { method: "POST", path: "/logout", headers: { Cookie: cookie } });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe("/");
  });

  it("refuses 80,000 repeated fields at once, and the server keeps answering meanwhile", async () => {
    const body = "name=x&".repeat(80_000);
    const started = performance.now();
    const [flood, health] = await Promise.all([
      rawRequest(app.port, { method: "POST", path: `/events/${event.slug}`, headers: FORM_HEADERS, body }),
      rawRequest(app.port, { path: "/healthz" }),
    ]);
    expect(flood.status).toBe(413);
    expect(JSON.parse(flood.body).detail).toBe("A form may have at most 500 fields.");
    expect(health.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe("the content security policy's nonce", () => {
  it("is new for every rendered page, and is the one the page's scripts carry", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 300; i++) {
      // The login page renders every time (never cached) and carries scripts.
      const response = await fetch(`${app.base}/login`);
      const policy = response.headers.get("content-security-policy") ?? "";
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(await response.text()).toContain(`nonce="${nonce}"`);
      nonces.add(nonce!);
    }
    // 300 pages span more than one 4 KB draw of the generator: none repeats.
    expect(nonces.size).toBe(300);
  });
});
