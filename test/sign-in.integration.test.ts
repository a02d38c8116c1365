// University sign-in end to end over HTTP: the production build in the real express app, a real
// OpenID Connect provider (oidc-provider) on loopback, and a cookie-keeping client standing in for
// the browser. Then the emailed sign-in links through the same app.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, emailOutbox, sessions, signInLinks, userIdentities, users } from "~db/schema";
import { createUser } from "~/auth/users.server";
import { readEnv } from "~/env.server";
import { createHttpApp } from "~/server/http-app.server";
import { CookieBrowser, headingOf } from "./support/cookie-browser";
import { loadProductionBuild } from "./support/http-app";
import { TEST_LINK_SECRET, testLoadContext } from "./support/load-context";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { startTestIdentityProvider, type TestIdentityProvider, type TestPerson } from "./support/oidc-test-provider";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

let database: TestDatabase;
let provider: TestIdentityProvider;
let server: http.Server;
let base: string;

beforeAll(async () => {
  database = await createTestDatabase();
  server = http.createServer();
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = await startTestIdentityProvider({ redirectUris: [`${base}/auth/oidc/uni/callback`] });
  // A second provider whose address nothing listens on: down before it was ever discovered.
  const nobody = http.createServer();
  nobody.listen(0, "127.0.0.1");
  await new Promise((resolve) => nobody.once("listening", resolve));
  const deadIssuer = `http://127.0.0.1:${(nobody.address() as AddressInfo).port}`;
  await new Promise((resolve) => nobody.close(resolve));
  const env = readEnv({
    NODE_ENV: "production",
    PODIUM_TRUST_PROXY: "loopback",
    PODIUM_OIDC_PROVIDERS: "uni,offline",
    PODIUM_OIDC_OFFLINE_ISSUER: deadIssuer,
    PODIUM_OIDC_OFFLINE_CLIENT_ID: "podium",
    PODIUM_OIDC_OFFLINE_NAME: "Offline University",
    PODIUM_OIDC_OFFLINE_ALLOWED_DOMAINS: "offline.example",
    PODIUM_OIDC_UNI_ISSUER: provider.issuer,
    PODIUM_OIDC_UNI_CLIENT_ID: provider.clientId,
    PODIUM_OIDC_UNI_CLIENT_SECRET: provider.clientSecret,
    PODIUM_OIDC_UNI_NAME: "Example University",
    PODIUM_OIDC_UNI_ALLOWED_DOMAINS: "uni.example",
    PODIUM_OIDC_UNI_ADMIN_GROUPS: "podium-admins",
    PODIUM_OIDC_TIMEOUT_SECONDS: "2",
  });
  const app = createHttpApp({ db: database.db, env, linkSecret: TEST_LINK_SECRET, publicOrigin: base, build: await loadProductionBuild() });
  server.on("request", app);
}, 180_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await provider.close();
  await database.destroy();
});

const ADA: TestPerson = { sub: "ada-0001", email: "ada@uni.example", email_verified: true, name: "Ada Lovelace" };

/** Press "Sign in with Example University" and go wherever the redirects lead. */
function signInWithProvider(browser: CookieBrowser, { redirectTo = "/admin", stopAtCallback = false } = {}) {
  return browser.visit(`${base}/auth/oidc/uni`, { form: { redirectTo }, stopAt: stopAtCallback ? (next) => next.startsWith(`${base}/auth/oidc/uni/callback`) : undefined });
}

async function countOf(table: typeof users | typeof userIdentities | typeof sessions): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(table);
  return row!.n;
}

async function auditActions(): Promise<string[]> {
  return (await database.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
}

describe("signing in through the university's identity provider", () => {
  it("shows the button on the login page, and creates the account at the first sign-in, linked by issuer and subject", async () => {
    const login = await new CookieBrowser().visit(`${base}/login`);
    expect(login.body).toContain("Sign in with Example University");
    expect(login.body).toContain(`action="/auth/oidc/uni"`);
    // Browsers hold a form's redirects to the page's form-action: without the issuer there, Chromium stops the button's POST.
    const formAction = login.headers.get("Content-Security-Policy")!.split("; ").find((d) => d.startsWith("form-action"));
    expect(formAction!.split(" ")).toContain(new URL(provider.issuer).origin);

    provider.signInAs(ADA);
    const browser = new CookieBrowser();
    const visit = await signInWithProvider(browser, { redirectTo: "/admin/events" });
    expect(visit.trail.some((url) => url.startsWith(provider.issuer))).toBe(true);
    expect(new URL(visit.url).pathname).toBe("/admin/events");
    expect(visit.status).toBe(200);
    const [ada] = await database.db.select().from(users).where(eq(users.email, "ada@uni.example"));
    expect(ada).toMatchObject({ name: "Ada Lovelace", role: "organizer", passwordHash: null });
    const identities = await database.db.select().from(userIdentities).where(eq(userIdentities.userId, ada!.id));
    expect(identities).toEqual([expect.objectContaining({ issuer: provider.issuer, subject: "ada-0001", providerId: "uni" })]);
    expect(await auditActions()).toEqual(expect.arrayContaining(["user.created", "auth.sign_in"]));
    const [session] = await database.db.select().from(sessions).where(eq(sessions.userId, ada!.id));
    expect(session!.signInMethod).toBe("oidc:uni");

    // The same person with a new email address at the provider is still the same account.
    provider.signInAs({ ...ADA, email: "ada.lovelace@uni.example" });
    const again = await signInWithProvider(new CookieBrowser());
    expect(new URL(again.url).pathname).toBe("/admin");
    expect(await database.db.select({ id: users.id }).from(users).where(eq(users.email, "ada.lovelace@uni.example"))).toEqual([]);
    expect((await database.db.select().from(userIdentities).where(eq(userIdentities.subject, "ada-0001")))[0]!.email).toBe("ada.lovelace@uni.example");

    // Sign out everywhere ends the SSO sessions too.
    const out = await browser.visit(`${base}/logout`, { form: { intent: "everywhere" } });
    expect(out.status).toBe(200);
    expect(await database.db.select().from(sessions).where(and(eq(sessions.userId, ada!.id), isNull(sessions.revokedAt)))).toEqual([]);
    const consolePage = await browser.visit(`${base}/admin`);
    expect(new URL(consolePage.url).pathname).toBe("/login");
  });

  it("makes members of the administrators' group admins", async () => {
    provider.signInAs({ sub: "grace-2", email: "grace@uni.example", email_verified: true, name: "Grace Hopper", groups: ["podium-admins"] });
    const visit = await signInWithProvider(new CookieBrowser());
    expect(new URL(visit.url).pathname).toBe("/admin");
    const [grace] = await database.db.select().from(users).where(eq(users.email, "grace@uni.example"));
    expect(grace!.role).toBe("admin");
  });

  it("refuses a callback whose state is not the one this browser was given, and a callback replayed", async () => {
    provider.signInAs(ADA);
    const browser = new CookieBrowser();
    const toCallback = await signInWithProvider(browser, { stopAtCallback: true });
    const callback = new URL(toCallback.url);
    expect(callback.searchParams.get("code")).toBeTruthy();

    const forged = new URL(callback);
    forged.searchParams.set("state", "not-the-state-we-sent");
    const wrongState = await browser.visit(forged.href);
    expect(wrongState.status).toBe(400);
    expect(headingOf(wrongState.body)).toBe("This sign-in has expired");
    expect(browser.cookie(base, "podium_session")).toBeUndefined();

    // The same callback from a browser that never started this sign-in opens nothing either.
    const elsewhere = await new CookieBrowser().visit(callback.href);
    expect(elsewhere.status).toBe(400);

    const first = await browser.visit(callback.href);
    expect(new URL(first.url).pathname).toBe("/admin");
    const sessionsBefore = await countOf(sessions);
    const replayed = await browser.visit(callback.href);
    expect(replayed.status).toBe(400);
    expect(headingOf(replayed.body)).toBe("This sign-in has expired");
    expect(await countOf(sessions)).toBe(sessionsBefore);
  });

  it.each([
    ["an expired ID token", "expired"],
    ["an ID token signed with a key the provider never published", "wrong-key"],
    ["an ID token issued to another client", "wrong-audience"],
  ] as const)("refuses %s and creates nothing", async (_label, spoiler) => {
    provider.signInAs({ sub: `spoiled-${spoiler}`, email: `${spoiler}@uni.example`, email_verified: true, name: "Spoiled" });
    provider.spoilIdTokens(spoiler);
    try {
      const usersBefore = await countOf(users);
      const sessionsBefore = await countOf(sessions);
      const browser = new CookieBrowser();
      const visit = await signInWithProvider(browser);
      expect(visit.status).toBe(400);
      expect(headingOf(visit.body)).toBe("Sign-in could not be completed");
      expect(visit.body).toContain("Back to the sign-in page");
      expect(await countOf(users)).toBe(usersBefore);
      expect(await countOf(sessions)).toBe(sessionsBefore);
    } finally {
      provider.spoilIdTokens(null);
    }
  });

  it("turns away a person outside the allowed domains, or whose email is unverified, with a clear page, creating nothing", async () => {
    const usersBefore = await countOf(users);
    provider.signInAs({ sub: "mallory-9", email: "mallory@elsewhere.example", email_verified: true, name: "Mallory" });
    const outside = await signInWithProvider(new CookieBrowser());
    expect(outside.status).toBe(403);
    expect(headingOf(outside.body)).toBe("This account cannot sign in to Podium");
    expect(outside.body).toContain("mallory@elsewhere.example is not among those allowed");

    provider.signInAs({ sub: "eve-7", email: "eve@uni.example", email_verified: false, name: "Eve" });
    const unverified = await signInWithProvider(new CookieBrowser());
    expect(unverified.status).toBe(403);
    expect(unverified.body).toContain("verified email address");
    expect(await countOf(users)).toBe(usersBefore);
    expect(await database.db.select().from(userIdentities).where(eq(userIdentities.subject, "mallory-9"))).toEqual([]);
    expect(await auditActions()).toContain("auth.sign_in_refused");
  });

  it("keeps a disabled account out, and links an existing password account by its verified email", async () => {
    const existing = await createUser(database.db, { email: "linus@uni.example", name: "Linus", password: "correct horse battery", role: "organizer" });
    provider.signInAs({ sub: "linus-3", email: "linus@uni.example", email_verified: true, name: "Linus" });
    const linked = await signInWithProvider(new CookieBrowser());
    expect(new URL(linked.url).pathname).toBe("/admin");
    expect((await database.db.select().from(userIdentities).where(eq(userIdentities.subject, "linus-3")))[0]!.userId).toBe(existing.id);

    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, existing.id));
    const sessionsBefore = await countOf(sessions);
    const refused = await signInWithProvider(new CookieBrowser());
    expect(refused.status).toBe(403);
    expect(headingOf(refused.body)).toBe("This account is disabled");
    expect(await countOf(sessions)).toBe(sessionsBefore);
  });

  it("says so plainly when the provider is down, on the way out and on the way back, never a 500", async () => {
    const out = await new CookieBrowser().visit(`${base}/auth/oidc/offline`, { form: { redirectTo: "/admin" } });
    expect({ status: out.status, trail: out.trail, heading: headingOf(out.body) }).toEqual({ status: 503, trail: [`${base}/auth/oidc/offline`], heading: "Offline University is not answering" });
    expect(out.headers.get("retry-after")).toBe("30");
    const unknown = await new CookieBrowser().visit(`${base}/auth/oidc/nowhere`, { form: {} });
    expect(unknown.status).toBe(404);

    provider.signInAs(ADA);
    const browser = new CookieBrowser();
    const toCallback = await signInWithProvider(browser, { stopAtCallback: true });
    await provider.goDown();
    try {
      // Discovery is cached, so the way out still works from memory; the token exchange cannot.
      const back = await browser.visit(toCallback.url);
      expect(back.status).toBe(503);
      expect(headingOf(back.body)).toBe("Example University is not answering");
      expect(back.body).toContain("sign in another way");
      // The login page itself does not wait on the provider.
      const started = Date.now();
      const login = await new CookieBrowser().visit(`${base}/login`);
      expect(login.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000);
    } finally {
      await provider.comeBack();
    }
  });
});

describe("emailed sign-in links", () => {
  const linkFor = async (email: string) => {
    const [row] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.toEmail, email)).orderBy(emailOutbox.createdAt);
    return (row?.props as { signInUrl?: string } | undefined)?.signInUrl;
  };
  const askForLink = (browser: CookieBrowser, email: string, from = "203.0.113.10") =>
    browser
      .fetchOnce(`${base}/login`, { form: { intent: "link", email, redirectTo: "/admin/events" }, headers: { "X-Forwarded-For": from } })
      .then(async (r) => ({ status: r.status, body: await r.text() }));

  it("keeps the language the organizer signs in with on their account, for the emails written to them", async () => {
    await createUser(database.db, { email: "svensk@uni.example", name: "Svensk", password: "correct horse battery", role: "organizer" });
    const localeOf = async () => (await database.db.select({ locale: users.locale }).from(users).where(eq(users.email, "svensk@uni.example")))[0]!.locale;
    expect(await localeOf()).toBeNull();
    const browser = new CookieBrowser();
    const signedIn = await browser.fetchOnce(`${base}/login`, {
      form: { email: "svensk@uni.example", password: "correct horse battery", redirectTo: "/admin" },
      headers: { "Accept-Language": "sv-SE,sv;q=0.9,en;q=0.5", "X-Forwarded-For": "203.0.113.77" },
    });
    expect(signedIn.headers.get("location")).toBe("/admin");
    expect(await localeOf()).toBe("sv");
  });

  it("signs in once, in the browser that asked, and never again", async () => {
    await createUser(database.db, { email: "link@uni.example", name: "Link User", password: "correct horse battery", role: "organizer" });
    const browser = new CookieBrowser();
    const asked = await askForLink(browser, "Link@uni.example", "203.0.113.1");
    expect(asked.status).toBe(200);
    expect(asked.body).toContain("If link@uni.example belongs to an organizer account, a sign-in link is on its way");
    const url = (await linkFor("link@uni.example"))!;
    expect(url).toMatch(new RegExp(`^${base}/login/link/[A-Za-z0-9_-]{43}$`));
    // Stored hashed only.
    const token = url.split("/").pop()!;
    expect(await database.db.select().from(signInLinks).where(eq(signInLinks.tokenHash, token))).toEqual([]);

    // Another browser (a colleague, a mail scanner) gets a clear page, and the link survives it.
    const stranger = await new CookieBrowser().visit(url);
    expect(stranger.status).toBe(403);
    expect(headingOf(stranger.body)).toBe("Open this link in the browser where you asked for it");

    const used = await browser.visit(url);
    expect(new URL(used.url).pathname).toBe("/admin/events");
    expect(browser.cookie(base, "podium_session")).toBeTruthy();

    const twice = await browser.visit(url);
    expect(twice.status).toBe(410);
    expect(headingOf(twice.body)).toBe("This sign-in link no longer works");
  });

  it("expires after 15 minutes, and does not open a disabled account", async () => {
    const user = await createUser(database.db, { email: "late@uni.example", name: "Late", password: "correct horse battery", role: "organizer" });
    const browser = new CookieBrowser();
    await askForLink(browser, "late@uni.example", "203.0.113.2");
    const url = (await linkFor("late@uni.example"))!;
    await database.db.update(signInLinks).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(signInLinks.email, "late@uni.example"));
    expect((await browser.visit(url)).status).toBe(410);

    await database.db.delete(emailOutbox).where(eq(emailOutbox.toEmail, "late@uni.example"));
    await askForLink(browser, "late@uni.example", "203.0.113.2");
    const fresh = (await linkFor("late@uni.example"))!;
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, user.id));
    const refused = await browser.visit(fresh);
    expect(refused.status).toBe(403);
    expect(headingOf(refused.body)).toBe("This account cannot sign in");
    expect(browser.cookie(base, "podium_session")).toBeUndefined();
  });

  it("answers an unknown address exactly as a known one, limits both alike, and mails only the account", async () => {
    await createUser(database.db, { email: "known@uni.example", name: "Known", password: "correct horse battery", role: "organizer" });
    const answers = { known: [] as number[], unknown: [] as number[] };
    const pages = { known: [] as string[], unknown: [] as string[] };
    for (let i = 0; i < 4; i++) {
      for (const who of ["known", "unknown"] as const) {
        const answer = await askForLink(new CookieBrowser(), `${who}@uni.example`, "203.0.113.3");
        answers[who].push(answer.status);
        pages[who].push(answer.body.replaceAll(`${who}@uni.example`, "ADDRESS").replace(/nonce="[^"]*"/g, ""));
      }
    }
    // Three links per address in 15 minutes, then a wait; the same for an address with no account.
    expect(answers.known).toEqual([200, 200, 200, 429]);
    expect(answers.unknown).toEqual(answers.known);
    expect(pages.unknown).toEqual(pages.known);
    expect(pages.known[3]).toContain("Too many sign-in links were asked for");
    const mailed = await database.db.select({ to: emailOutbox.toEmail }).from(emailOutbox).where(eq(emailOutbox.template, "sign-in-link"));
    expect(mailed.filter((m) => m.to === "known@uni.example")).toHaveLength(3);
    expect(mailed.filter((m) => m.to === "unknown@uni.example")).toHaveLength(0);
  });

  it("keeps a wrong email address on the page with a message next to the field", async () => {
    const answer = await askForLink(new CookieBrowser(), "not an address", "203.0.113.4");
    expect(answer.status).toBe(400);
    expect(answer.body).toContain("Enter a valid email address");
  });
});

describe("requiring single sign-on", () => {
  it("hides and refuses passwords and links, leaving only the university's button", async () => {
    await createUser(database.db, { email: "pw@uni.example", name: "Pw", password: "correct horse battery", role: "organizer" });
    const env = readEnv({
      NODE_ENV: "test",
      PODIUM_REQUIRE_SSO: "on",
      PODIUM_OIDC_PROVIDERS: "uni",
      PODIUM_OIDC_UNI_ISSUER: provider.issuer,
      PODIUM_OIDC_UNI_CLIENT_ID: "podium",
      PODIUM_OIDC_UNI_NAME: "Example University",
      PODIUM_OIDC_UNI_ALLOWED_DOMAINS: "uni.example",
    });
    const context = { ...testLoadContext(database.db), env };
    const post = (fields: Record<string, string>) =>
      new Request("http://podium.test/login", { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "203.0.113.9" } });
    expect(await loginLoader({ request: new Request("http://podium.test/login"), params: {}, context })).toEqual({
      metaTitle: "Sign in — Podium",
      providers: [{ id: "uni", name: "Example University" }],
      passwords: false,
      links: false,
    });
    const password = (await loginAction({ request: post({ email: "pw@uni.example", password: "correct horse battery" }), params: {}, context })) as unknown as { init: { status: number }; data: unknown };
    expect(password.init.status).toBe(403);
    expect(JSON.stringify(password.data)).toContain("Passwords are turned off here");
    const link = (await loginAction({ request: post({ intent: "link", email: "pw@uni.example" }), params: {}, context })) as unknown as { init: { status: number } };
    expect(link.init.status).toBe(403);
    expect(await database.db.select().from(signInLinks).where(eq(signInLinks.email, "pw@uni.example"))).toEqual([]);
  });
});
