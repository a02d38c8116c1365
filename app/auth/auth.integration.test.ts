import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/login";
import { loader as mailboxLoader } from "~/routes/admin.mailbox._index";
import { requestFor, testLoadContext } from "../../test/support/load-context";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { createSession, getCurrentUser, requireUser, revokeAllSessions, revokeCurrentSession } from "./session.server";
import { createUser, UserInputError } from "./users.server";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

function withCookie(cookie: string, path = "/admin"): Request {
  return new Request(`http://podium.test${path}`, { headers: { Cookie: cookie.split(";")[0]! } });
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

function loginRequest(fields: Record<string, string>, ip = "198.51.100.1"): Request {
  return new Request("http://podium.test/login", {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": ip },
  });
}

describe("organizer accounts", () => {
  it("refuses a second account with the same email in another letter case, and short passwords", async () => {
    await createUser(database.db, { email: "Chair@kth.se", name: "Chair", password: "correct horse battery", role: "organizer" });
    await expect(createUser(database.db, { email: "chair@KTH.se", name: "Again", password: "correct horse battery", role: "organizer" })).rejects.toThrow(
      UserInputError,
    );
    await expect(createUser(database.db, { email: "short@kth.se", name: "Short", password: "short", role: "organizer" })).rejects.toThrow(
      "at least 12 characters",
    );
  });

  it("keeps a session until it is revoked, and sign out everywhere revokes all", async () => {
    const user = await createUser(database.db, { email: "s@hkust.hk", name: "S", password: "correct horse battery", role: "admin" });
    const laptop = await createSession(database.db, { user, request: requestFor("/login") });
    const phone = await createSession(database.db, { user, request: requestFor("/login") });
    expect((await getCurrentUser(database.db, withCookie(laptop)))?.id).toBe(user.id);
    await revokeCurrentSession(database.db, withCookie(laptop));
    expect(await getCurrentUser(database.db, withCookie(laptop))).toBeNull();
    expect((await getCurrentUser(database.db, withCookie(phone)))?.id).toBe(user.id);
    await revokeAllSessions(database.db, user.id);
    expect(await getCurrentUser(database.db, withCookie(phone))).toBeNull();
  });

  it("sends signed-out visitors to the login page and organizers away from admin-only pages", async () => {
    const redirect = await thrown(requireUser(database.db, requestFor("/admin/mailbox?x=1")));
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fmailbox%3Fx%3D1");
    const organizer = await createUser(database.db, { email: "o@mit.edu", name: "O", password: "correct horse battery", role: "organizer" });
    const cookie = await createSession(database.db, { user: organizer, request: requestFor("/login") });
    expect((await thrown(requireUser(database.db, withCookie(cookie), { role: "admin" }))).status).toBe(403);
    const mailbox = await thrown(mailboxLoader({ request: requestFor("/admin/mailbox"), params: {}, context: testLoadContext(database.db) }));
    expect(mailbox.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
  });
});

describe("login action", () => {
  const context = () => testLoadContext(database.db);

  it("signs in with the right password and sets an HttpOnly SameSite cookie", async () => {
    await createUser(database.db, { email: "ok@kth.se", name: "OK", password: "correct horse battery", role: "admin" });
    const response = await thrown(loginAction({ request: loginRequest({ email: "OK@kth.se", password: "correct horse battery", redirectTo: "/admin/mailbox" }), params: {}, context: context() }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/admin/mailbox");
    expect(response.headers.get("Set-Cookie")).toMatch(/^podium_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax/);
  });

  it("never redirects off-site after sign-in", async () => {
    const response = await thrown(loginAction({ request: loginRequest({ email: "ok@kth.se", password: "correct horse battery", redirectTo: "//evil.example" }, "198.51.100.9"), params: {}, context: context() }));
    expect(response.headers.get("Location")).toBe("/admin");
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const wrong = await loginAction({ request: loginRequest({ email: "ok@kth.se", password: "wrong password!!" }, "198.51.100.2"), params: {}, context: context() });
    const unknown = await loginAction({ request: loginRequest({ email: "nobody@kth.se", password: "wrong password!!" }, "198.51.100.2"), params: {}, context: context() });
    for (const result of [wrong, unknown]) {
      expect(result.init?.status).toBe(400);
      expect(result.data.result.error?.[""]).toEqual(["Email or password is incorrect."]);
    }
  });

  it("flags a malformed email next to its field", async () => {
    const result = await loginAction({ request: loginRequest({ email: "not-an-email", password: "x" }, "198.51.100.3"), params: {}, context: context() });
    expect(result.init?.status).toBe(400);
    expect(result.data.result.error?.email).toEqual(["Enter a valid email address"]);
  });

  it("slows down guessing one account's password from one address, and only there", async () => {
    await createUser(database.db, { email: "target@hkust.hk", name: "T", password: "correct horse battery", role: "organizer" });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      const result = await loginAction({ request: loginRequest({ email: "target@hkust.hk", password: `guess ${i}` }, "203.0.113.50"), params: {}, context: context() });
      statuses.push(result.init?.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
    // The same wrong guesses from elsewhere are checked, not refused: nobody is locked out.
    const elsewhere = await loginAction({ request: loginRequest({ email: "target@hkust.hk", password: "guess again" }, "203.0.113.51"), params: {}, context: context() });
    expect(elsewhere.init?.status).toBe(400);
  });

  it("never locks out an organizer who signs in correctly, again and again", async () => {
    await createUser(database.db, { email: "busy@kth.se", name: "B", password: "correct horse battery", role: "organizer" });
    const statuses = [];
    for (let i = 0; i < 8; i++) {
      try {
        const result = await loginAction({ request: loginRequest({ email: "busy@kth.se", password: "correct horse battery" }, `192.0.2.${i}`), params: {}, context: context() });
        statuses.push(result.init?.status);
      } catch (thrown) {
        statuses.push((thrown as Response).status);
      }
    }
    expect(statuses).toEqual([302, 302, 302, 302, 302, 302, 302, 302]);
  });
});
