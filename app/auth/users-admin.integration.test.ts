// Organizer accounts at /admin/users, driven through the route loaders and
// actions as Remix calls them: only administrators get in, a generated password
// really signs in, disabling signs the account out everywhere, nobody can lock
// themself out, and no password ever reaches the audit log.
import { count, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { auditLog, eventOrganizers, sessions, users, type User } from "~db/schema";
import { loader as accountsLoader } from "~/routes/admin.users._index";
import { action as editAccountAction, loader as editAccountLoader } from "~/routes/admin.users.$userId";
import { action as newAccountAction } from "~/routes/admin.users.new";
import { action as loginAction } from "~/routes/login";
import { signedInOrganizer } from "../../test/support/organizer";
import { testLoadContext } from "../../test/support/load-context";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { PASSWORD_MIN_LENGTH } from "./password.server";
import { getCurrentUser } from "./session.server";
import { USER_PASSWORD_MIN } from "./user-form";

type RouteModule = { loader?: (args: never) => Promise<unknown>; action?: (args: never) => Promise<unknown> };
const modules = import.meta.glob<RouteModule>("../routes/admin.users*.{ts,tsx}", { eager: true });
const accountRoutes = Object.entries(modules).map(([file, module]) => ({ name: file.replace("../routes/", ""), module }));

let database: TestDatabase;
let admin: User;
let adminCookie: string;
/** Every password this file hands out, to prove none of them is in the audit log. */
const passwordsSeen: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  ({ user: admin, cookie: adminCookie } = await signedInOrganizer(database.db, { email: "admin@kth.se", name: "Site Admin", role: "admin" }));
  passwordsSeen.push("correct horse battery");
});
afterAll(async () => {
  await database.destroy();
});

const context = () => testLoadContext(database.db);

function get(path: string, cookie: string | null): Request {
  return new Request(`http://podium.test${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

function post(path: string, cookie: string | null, fields: Record<string, string>): Request {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test" };
  if (cookie) headers.Cookie = cookie;
  return new Request(`http://podium.test${path}`, { method: "POST", body: new URLSearchParams(fields), headers });
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

let loginAttempt = 0;
/** Signs in through the real login action, each attempt from its own address so the per-address limit never interferes. */
async function signIn(email: string, password: string): Promise<{ status: number; cookie: string | null }> {
  loginAttempt += 1;
  const request = new Request("http://podium.test/login", {
    method: "POST",
    body: new URLSearchParams({ email, password, redirectTo: "/admin" }),
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": `198.51.100.${loginAttempt}` },
  });
  try {
    const result = await loginAction({ request, params: {}, context: context() });
    return { status: result.init?.status ?? 200, cookie: null };
  } catch (error) {
    if (!(error instanceof Response)) throw error;
    return { status: error.status, cookie: error.headers.get("Set-Cookie")?.split(";")[0] ?? null };
  }
}

async function addAccount(fields: Record<string, string>) {
  return newAccountAction({ request: post("/admin/users/new", adminCookie, fields), params: {}, context: context() });
}

async function accountByEmail(email: string): Promise<User> {
  const [row] = await database.db.select().from(users).where(eq(users.email, email));
  return row!;
}

function editAccount(userId: string, fields: Record<string, string>, cookie = adminCookie) {
  return editAccountAction({ request: post(`/admin/users/${userId}`, cookie, fields), params: { userId }, context: context() });
}

describe("adding organizer accounts", () => {
  it("keeps the browser's password floor equal to the server's", () => {
    expect(USER_PASSWORD_MIN).toBe(PASSWORD_MIN_LENGTH);
  });

  it("creates an organizer with a generated password, shown once, that signs in through the login page", async () => {
    const result = await addAccount({ email: "  Ada@KTH.se ", name: "Ada Lovelace", role: "organizer", password: "" });
    if (result.data.kind !== "created") throw new Error(`expected the created view, got ${JSON.stringify(result.data)}`);
    expect(result.init?.status ?? 200).toBe(200);
    expect(result.data).toMatchObject({ name: "Ada Lovelace", email: "ada@kth.se", role: "organizer" });
    const password = result.data.password;
    passwordsSeen.push(password);
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);

    const ada = await accountByEmail("ada@kth.se");
    expect(ada.role).toBe("organizer");
    expect(ada.passwordHash).not.toContain(password);

    const login = await signIn("ada@kth.se", password);
    expect(login.status).toBe(302);
    expect((await getCurrentUser(database.db, get("/admin", login.cookie)))?.id).toBe(ada.id);

    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, "user.created"));
    expect(entry).toMatchObject({ eventId: null, actorUserId: admin.id });
    expect(entry!.summary).toContain("ada@kth.se");
  });

  it("goes back to the list when the administrator chose the password, and that password works", async () => {
    const response = await thrown(addAccount({ email: "grace@hkust.edu.hk", name: "Grace Hopper", role: "admin", password: "a chosen passphrase" }));
    passwordsSeen.push("a chosen passphrase");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/users?notice=created");
    expect((await accountByEmail("grace@hkust.edu.hk")).role).toBe("admin");
    expect((await signIn("grace@hkust.edu.hk", "a chosen passphrase")).status).toBe(302);
  });

  it("refuses a second account for the same email in any letter case, next to the field, with the input kept", async () => {
    const before = await database.db.select({ n: count() }).from(users);
    const result = await addAccount({ email: "ADA@kth.se", name: "Another Ada", role: "organizer", password: "another long password" });
    expect(result.init?.status).toBe(400);
    if (result.data.kind !== "form") throw new Error("expected the form back");
    expect(result.data.result.error?.email).toEqual(["An account for ada@kth.se already exists"]);
    expect(result.data.result.initialValue).toMatchObject({ name: "Another Ada", role: "organizer" });
    // A typed password is not echoed back into the page.
    expect(JSON.stringify(result.data.result)).not.toContain("another long password");
    expect(await database.db.select({ n: count() }).from(users)).toEqual(before);
  });

  it("explains each invalid field", async () => {
    const result = await addAccount({ email: "not-an-email", name: " ", role: "owner", password: "short" });
    expect(result.init?.status).toBe(400);
    if (result.data.kind !== "form") throw new Error("expected the form back");
    expect(result.data.result.error).toMatchObject({
      email: ["Enter a valid email address, like name@university.edu"],
      name: ["Enter the person's name"],
      role: ["Choose a role: organizer or administrator"],
      password: [`Passwords need at least ${PASSWORD_MIN_LENGTH} characters; leave it empty to generate one`],
    });
  });
});

describe("the accounts list and edit page", () => {
  it("lists every account with its role, status and the number of events it organizes", async () => {
    const ada = await accountByEmail("ada@kth.se");
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const event = await createEvent(database.db, { title: "Ada's webinar", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
    await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: ada.id });
    const page = await accountsLoader({ request: get("/admin/users?notice=created", adminCookie), params: {}, context: context() });
    expect(page.notice).toBe("Account created.");
    const byEmail = Object.fromEntries(page.accounts.map((a) => [a.email, a]));
    expect(byEmail["ada@kth.se"]).toMatchObject({ name: "Ada Lovelace", role: "Organizer", disabled: false, eventCount: 1, isSelf: false });
    expect(byEmail["admin@kth.se"]).toMatchObject({ role: "Administrator", eventCount: 0, isSelf: true });
  });

  it("answers 404 for an unknown or malformed account id, loader and action alike", async () => {
    for (const userId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const loaded = await thrown(editAccountLoader({ request: get(`/admin/users/${userId}`, adminCookie), params: { userId }, context: context() }));
      expect(loaded.status).toBe(404);
      const posted = await thrown(editAccount(userId, { intent: "disable" }));
      expect(posted.status).toBe(404);
    }
  });

  it("renames an account and changes its role, with the change in the audit log", async () => {
    const ada = await accountByEmail("ada@kth.se");
    const response = await thrown(editAccount(ada.id, { intent: "save", name: "Ada King", role: "admin" }));
    expect(response.headers.get("Location")).toBe("/admin/users?notice=saved");
    expect(await accountByEmail("ada@kth.se")).toMatchObject({ name: "Ada King", role: "admin" });
    const updates = await database.db.select().from(auditLog).where(eq(auditLog.action, "user.updated"));
    expect(updates).toHaveLength(1);
    const [entry] = updates;
    expect(entry!.summary).toBe("Changed name and role of Ada King (ada@kth.se) (organizer → administrator)");
    expect(entry!.details).toMatchObject({ userId: ada.id, fields: ["name", "role"], role: { from: "organizer", to: "admin" } });
    await thrown(editAccount(ada.id, { intent: "save", name: "Ada King", role: "organizer" }));
  });

  it("keeps the input and shows the error by its field when the edit form is invalid", async () => {
    const ada = await accountByEmail("ada@kth.se");
    const result = await editAccount(ada.id, { intent: "save", name: "", role: "admin" });
    expect(result.init?.status).toBe(400);
    if (result.data.kind !== "form") throw new Error("expected the form back");
    expect(result.data.result.error?.name).toEqual(["Enter the person's name"]);
    expect(result.data.result.initialValue).toMatchObject({ role: "admin" });
    expect((await accountByEmail("ada@kth.se")).role).toBe("organizer");
  });
});

describe("disabling, enabling and resetting", () => {
  it("signs a disabled account out everywhere and keeps it out until enabled", async () => {
    const { user: bob, cookie: bobCookie } = await signedInOrganizer(database.db, { email: "bob@mit.edu", name: "Bob" });
    expect((await getCurrentUser(database.db, get("/admin", bobCookie)))?.id).toBe(bob.id);

    const result = await editAccount(bob.id, { intent: "disable" });
    expect(result.init?.status ?? 200).toBe(200);
    expect(result.data).toEqual({ kind: "message", ok: true, message: "Disabled Bob's account and signed them out everywhere." });
    expect(await getCurrentUser(database.db, get("/admin", bobCookie))).toBeNull();
    const bobSessions = await database.db.select().from(sessions).where(eq(sessions.userId, bob.id));
    expect(bobSessions.every((s) => s.revokedAt !== null)).toBe(true);
    expect((await signIn("bob@mit.edu", "correct horse battery")).status).toBe(400);

    const enabled = await editAccount(bob.id, { intent: "enable" });
    expect(enabled.data).toMatchObject({ kind: "message", ok: true });
    // The old session stays revoked; a fresh sign-in works again.
    expect(await getCurrentUser(database.db, get("/admin", bobCookie))).toBeNull();
    expect((await signIn("bob@mit.edu", "correct horse battery")).status).toBe(302);

    const actions = (await database.db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(like(auditLog.action, "user.%abled"))).map((r) => r.action);
    expect(actions.sort()).toEqual(["user.disabled", "user.enabled"]);
  });

  it("resets a password: the new one is shown once and works, the old one and every session stop working", async () => {
    const { user: cy, cookie: cyCookie } = await signedInOrganizer(database.db, { email: "cy@ntu.edu.sg", name: "Cy" });
    const result = await editAccount(cy.id, { intent: "reset-password" });
    if (result.data.kind !== "password") throw new Error(`expected the new password, got ${JSON.stringify(result.data)}`);
    const password = result.data.password;
    passwordsSeen.push(password);
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(await getCurrentUser(database.db, get("/admin", cyCookie))).toBeNull();
    expect((await signIn("cy@ntu.edu.sg", "correct horse battery")).status).toBe(400);
    expect((await signIn("cy@ntu.edu.sg", password)).status).toBe(302);
    const [entry] = await database.db.select().from(auditLog).where(eq(auditLog.action, "user.password_reset"));
    expect(entry).toMatchObject({ eventId: null, actorUserId: admin.id });
  });

  it("never lets an administrator disable, demote or reset themself", async () => {
    const auditBefore = await database.db.select({ n: count() }).from(auditLog);
    const disabled = await editAccount(admin.id, { intent: "disable" });
    expect(disabled.init?.status).toBe(400);
    expect(disabled.data).toEqual({ kind: "message", ok: false, message: "You cannot disable your own account. Ask another administrator to do it." });

    const demoted = await editAccount(admin.id, { intent: "save", name: "Site Admin", role: "organizer" });
    expect(demoted.init?.status).toBe(400);
    if (demoted.data.kind !== "form") throw new Error("expected the form back");
    expect(demoted.data.result.error?.role).toEqual(["You cannot remove your own administrator role. Ask another administrator to do it."]);

    const reset = await editAccount(admin.id, { intent: "reset-password" });
    expect(reset.init?.status).toBe(400);
    expect(reset.data).toMatchObject({ kind: "message", ok: false });

    const me = await accountByEmail("admin@kth.se");
    expect(me).toMatchObject({ role: "admin", disabledAt: null, passwordHash: admin.passwordHash });
    expect((await getCurrentUser(database.db, get("/admin", adminCookie)))?.id).toBe(admin.id);
    expect(await database.db.select({ n: count() }).from(auditLog)).toEqual(auditBefore);
  });

  it("answers an unknown intent with 400", async () => {
    const ada = await accountByEmail("ada@kth.se");
    const result = await editAccount(ada.id, { intent: "delete" });
    expect(result.init?.status).toBe(400);
    expect(result.data).toEqual({ kind: "message", ok: false, message: "Unknown action." });
  });
});

describe("access", () => {
  it("finds the account routes to check", () => {
    expect(accountRoutes.map((r) => r.name).sort()).toEqual(["admin.users.$userId.tsx", "admin.users._index.tsx", "admin.users.new.tsx"]);
  });

  it("turns an organizer away from every account loader and action with 403, writing nothing", async () => {
    const { cookie } = await signedInOrganizer(database.db, { email: "mallory@kth.se", name: "Mallory" });
    const ada = await accountByEmail("ada@kth.se");
    const snapshot = async () =>
      JSON.stringify({
        users: await database.db.select().from(users).orderBy(users.id),
        sessions: await database.db.select({ id: sessions.id, revokedAt: sessions.revokedAt }).from(sessions).orderBy(sessions.id),
        audit: await database.db.select({ n: count() }).from(auditLog),
      });
    const before = await snapshot();
    let tried = 0;
    for (const route of accountRoutes) {
      for (const kind of ["loader", "action"] as const) {
        const handler = route.module[kind];
        if (!handler) continue;
        for (const intent of ["save", "disable", "enable", "reset-password"]) {
          const request =
            kind === "loader"
              ? get(`/admin/users/${ada.id}`, cookie)
              : post(`/admin/users/${ada.id}`, cookie, { intent, email: "mallory2@kth.se", name: "Mallory", role: "admin", password: "" });
          const response = await thrown(handler({ request, params: { userId: ada.id }, context: context() } as never));
          expect(response.status, `${route.name} ${kind} ${intent}`).toBe(403);
          tried += 1;
        }
      }
    }
    expect(tried).toBe(5 * 4);
    expect(await snapshot()).toBe(before);
  });
});

describe("the audit log", () => {
  it("records every account change and never a password", async () => {
    const rows = await database.db.select().from(auditLog).where(like(auditLog.action, "user.%"));
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(["user.created", "user.updated", "user.disabled", "user.enabled", "user.password_reset"]));
    expect(rows.every((r) => r.eventId === null)).toBe(true);
    const logged = JSON.stringify(rows);
    expect(passwordsSeen.length).toBeGreaterThanOrEqual(4);
    for (const password of passwordsSeen) expect(logged).not.toContain(password);
    expect(logged).not.toMatch(/\$argon2/);
  });
});
