// API tokens in the console: shown once, stored as SHA-256 only, recognisable, limited to the
// owner's own events, revocable only by their owner, and dead with a disabled account.
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { apiTokens, eventOrganizers, users, type User } from "~db/schema";
import { signedInOrganizer, organizerPost } from "../../test/support/organizer";
import { testLoadContext } from "../../test/support/load-context";
import { createTestDatabase, type TestDatabase } from "../../test/support/test-database";
import { action, loader } from "../routes/admin.api-tokens";
import { authenticateApiToken, createApiToken, revokeApiToken } from "./api-tokens.server";

let database: TestDatabase;
let chair: User;
let chairCookie: string;
let other: User;
let mineId: string;
let theirsId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ({ user: chair, cookie: chairCookie } = await signedInOrganizer(database.db, { email: "chair@kth.se" }));
  ({ user: other } = await signedInOrganizer(database.db, { email: "other@hku.hk" }));
  const startsAt = new Date(Date.now() + 86_400_000);
  const mine = await createEvent(database.db, { title: "Mine", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
  const theirs = await createEvent(database.db, { title: "Theirs", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
  await database.db.insert(eventOrganizers).values([
    { eventId: mine.id, userId: chair.id },
    { eventId: theirs.id, userId: other.id },
  ]);
  mineId = mine.id;
  theirsId = theirs.id;
});
afterAll(async () => database?.destroy());

const call = async (handler: typeof action, request: Request) => {
  const result = (await handler({ request, params: {}, context: testLoadContext(database.db) } as never)) as { data: Record<string, unknown>; init: { status?: number } | null };
  return { status: result.init?.status ?? 200, data: result.data };
};

describe("API tokens", () => {
  it("shows a new token once, with its prefix, and keeps only its SHA-256", async () => {
    const created = await call(action, organizerPost("/admin/api-tokens", chairCookie, { name: "Website", scope: "read", events: "all" }));
    expect(created.data.kind).toBe("created");
    const secret = created.data.secret as string;
    expect(secret).toMatch(/^podium_pat_[A-Za-z0-9_-]{43}$/);
    const [row] = await database.db.select().from(apiTokens).where(eq(apiTokens.name, "Website"));
    expect(row!.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret.slice(17));
    expect(row!.displayPrefix).toBe(secret.slice(0, 17));
    const page = await loader({ request: new Request("http://podium.test/admin/api-tokens", { headers: { Cookie: chairCookie } }), params: {}, context: testLoadContext(database.db) } as never);
    expect(JSON.stringify(page)).not.toContain(secret);
    expect(JSON.stringify(page)).toContain("Website");
  });

  it("says what is wrong with a form next to the field, and creates nothing", async () => {
    const before = (await database.db.select().from(apiTokens)).length;
    const empty = await call(action, organizerPost("/admin/api-tokens", chairCookie, { name: " ", scope: "admin", events: "chosen" }));
    expect(empty.status).toBe(400);
    const errors = (empty.data.result as { error: Record<string, string[]> }).error;
    expect(Object.keys(errors).sort()).toEqual(["name", "scope"]);
    const noEvents = await call(action, organizerPost("/admin/api-tokens", chairCookie, { name: "Chosen", scope: "read", events: "chosen" }));
    expect((noEvents.data.result as { error: Record<string, string[]> }).error.eventIds).toEqual(["Tick at least one event, or choose all your events"]);
    const stolen = await call(action, organizerPost("/admin/api-tokens", chairCookie, [["name", "Sneaky"], ["scope", "write"], ["events", "chosen"], ["eventIds", theirsId]]));
    expect(stolen.status).toBe(400);
    expect((stolen.data.result as { error: Record<string, string[]> }).error.eventIds).toEqual(["Choose events from the list"]);
    expect((await database.db.select().from(apiTokens)).length).toBe(before);
  });

  it("is revoked only by its owner, and a revoked token or a disabled account's token no longer authenticates", async () => {
    const made = await createApiToken(database.db, { user: chair, name: "Script", scope: "write", eventIds: [mineId] });
    if (!made.ok) throw new Error("not created");
    expect((await authenticateApiToken(database.db, made.secret))?.user.id).toBe(chair.id);
    expect((await revokeApiToken(database.db, { user: other, tokenId: made.token.id })).ok).toBe(false);
    expect(await authenticateApiToken(database.db, made.secret)).not.toBeNull();
    expect((await revokeApiToken(database.db, { user: chair, tokenId: made.token.id })).ok).toBe(true);
    expect(await authenticateApiToken(database.db, made.secret)).toBeNull();

    const second = await createApiToken(database.db, { user: other, name: "Theirs", scope: "read", eventIds: null });
    if (!second.ok) throw new Error("not created");
    await database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, other.id));
    expect(await authenticateApiToken(database.db, second.secret)).toBeNull();
    // Lookalikes are refused without a lookup that could match.
    for (const fake of ["", "podium_pat_", `podium_pat_${"A".repeat(43)}`, second.secret.replace("podium_pat_", "podium_xyz_")]) {
      expect(await authenticateApiToken(database.db, fake)).toBeNull();
    }
  });

  it("records when a token was last used, at most once a minute", async () => {
    const made = await createApiToken(database.db, { user: chair, name: "Clock", scope: "read", eventIds: null });
    if (!made.ok) throw new Error("not created");
    const t0 = new Date("2030-01-01T10:00:00Z");
    await authenticateApiToken(database.db, made.secret, t0);
    await authenticateApiToken(database.db, made.secret, new Date(t0.getTime() + 30_000));
    const read = async () => (await database.db.select().from(apiTokens).where(eq(apiTokens.id, made.token.id)))[0]!.lastUsedAt;
    expect(await read()).toEqual(t0);
    await authenticateApiToken(database.db, made.secret, new Date(t0.getTime() + 61_000));
    expect(await read()).toEqual(new Date(t0.getTime() + 61_000));
  });
});
