// The public page cache in one process (the production build on a real socket):
// every change a visitor could notice shows up on the very next request, pages
// come back compressed as the browser asked, and nothing personal is shared.
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createOrganization, createPerson } from "~db/factories";
import { events, people, type User } from "~db/schema";
import { createUser } from "~/auth/users.server";
import { cancelEvent, eventFormDefaults, updateEventFromForm } from "~/events/event-admin.server";
import { eventFormSchemaIn } from "~/events/event-form";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";

const eventFormSchema = eventFormSchemaIn(consoleTranslatorFor("en"));
import { targetOf } from "~/content/translation-form";
import { saveTranslations } from "~/content/translations-admin.server";
import { loadProductionBuild, rawRequest, startHttpApp, type RunningApp } from "./support/http-app";
import { TEST_LINK_SECRET } from "./support/load-context";
import { signedInOrganizer } from "./support/organizer";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const links = { origin: "http://podium.test", secret: TEST_LINK_SECRET };
const DAY = 86_400_000;

let database: TestDatabase;
let app: RunningApp;
let organizer: User;

beforeAll(async () => {
  database = await createTestDatabase();
  organizer = await createUser(database.db, { email: "chair@kth.se", name: "Chair", password: "correct horse battery", role: "organizer" });
  app = await startHttpApp(database.db, await loadProductionBuild());
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

function upcoming(title: string, extra: Partial<Parameters<typeof createEvent>[1]> = {}) {
  return createEvent(database.db, {
    title,
    startsAt: new Date(Date.now() + 10 * DAY),
    endsAt: new Date(Date.now() + 10 * DAY + 90 * 60_000),
    displayZones: ["Europe/Stockholm"],
    ...extra,
  });
}

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.base}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** Requests the page until it comes from memory, so the next assertion is about a warm cache. */
async function warm(path: string, headers: Record<string, string> = {}) {
  await get(path, headers);
  const second = await get(path, headers);
  expect(second.headers.get("x-podium-cache")).toBe("hit");
  return second;
}

function register(slug: string, email: string) {
  return fetch(`${app.base}/events/${slug}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://podium.test" },
    body: new URLSearchParams({ name: "Ada Lovelace", email, timeZone: "Europe/London", consent: "on" }),
  });
}

describe("served from memory, never stale", () => {
  it("serves the second request from memory, byte for byte, with the nonce its scripts were rendered with", async () => {
    const event = await upcoming("Cached once");
    const first = await get(`/events/${event.slug}`);
    expect(first.headers.get("x-podium-cache")).toBe("miss");
    const second = await get(`/events/${event.slug}`);
    expect(second.headers.get("x-podium-cache")).toBe("hit");
    expect(second.body).toBe(first.body);
    const nonce = /nonce="([^"]+)"/.exec(second.body)?.[1];
    expect(nonce).toBeTruthy();
    expect(second.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
    expect(second.headers.get("cache-control")).toBe("public, no-cache");
    expect(second.headers.get("vary")).toBe("Accept-Encoding, Accept-Language, Cookie");
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
  });

  it("renders a page once when many ask for it at the same moment", async () => {
    const event = await upcoming("Announced");
    const answers = await Promise.all(Array.from({ length: 12 }, () => get(`/events/${event.slug}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(answers.filter((a) => a.headers.get("x-podium-cache") === "miss")).toHaveLength(1);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  });

  it("shows an organizer's save on the next request", async () => {
    const event = await upcoming("Before the edit");
    expect((await warm(`/events/${event.slug}`)).body).toContain("Before the edit");
    const home = await warm("/");
    expect(home.body).toContain("Before the edit");

    const form = await eventFormDefaults(database.db, event);
    const values = eventFormSchema.parse(Object.fromEntries(Object.entries({ ...form, title: "After the edit" }).filter(([, v]) => v !== "" && v !== undefined)));
    expect((await updateEventFromForm(database.db, { user: organizer, eventId: event.id, values, links })).ok).toBe(true);

    const page = await get(`/events/${event.slug}`);
    expect(page.headers.get("x-podium-cache")).toBe("miss");
    expect(page.body).toContain("After the edit");
    expect(page.body).not.toContain("Before the edit");
    expect((await get("/")).body).toContain("After the edit");
  });

  it("shows 'full' and the waitlist on the next request after the last seat is taken", async () => {
    const event = await upcoming("Two seats", { capacity: 2 });
    await register(event.slug, "first@kth.se");
    expect((await warm(`/events/${event.slug}`)).body).toContain("1 of 2 seats left.");
    const taken = await register(event.slug, "second@kth.se");
    expect(taken.status).toBe(302);

    const page = await get(`/events/${event.slug}`);
    expect(page.body).toContain("This event is full.");
    expect(page.body).toContain("Join the waitlist");
    expect(page.body).not.toContain("1 of 2 seats left.");
  });

  it("shows a cancellation on the next request, on the page and in its calendar file", async () => {
    const event = await upcoming("Soon cancelled");
    expect((await warm(`/events/${event.slug}`)).body).not.toContain("This event has been cancelled.");
    expect((await warm(`/events/${event.slug}.ics`)).body).toContain("STATUS:CONFIRMED");

    expect((await cancelEvent(database.db, { user: organizer, eventId: event.id, links })).ok).toBe(true);

    expect((await get(`/events/${event.slug}`)).body).toContain("This event has been cancelled.");
    expect((await get(`/events/${event.slug}.ics`)).body).toContain("STATUS:CANCELLED");
  });

  it("shows a renamed speaker on the event and speaker pages, whoever wrote the change", async () => {
    const person = await createPerson(database.db, { name: "Grace Hopper" });
    const event = await upcoming("With a speaker", { agenda: [{ kind: "talk", title: "Keynote", roles: [{ person, role: "speaker" }] }] });
    expect((await warm(`/events/${event.slug}`)).body).toContain("Grace Hopper");
    expect((await warm(`/speakers/${person.slug}`)).body).toContain("Grace Hopper");

    // Straight to the table, past every area function: the database raises the version itself.
    await database.db.update(people).set({ name: "Rear Admiral Grace Hopper" }).where(eq(people.id, person.id));

    expect((await get(`/events/${event.slug}`)).body).toContain("Rear Admiral Grace Hopper");
    expect((await get(`/speakers/${person.slug}`)).body).toContain("Rear Admiral Grace Hopper");
  });

  it("keeps one page per zone: a new zone is rendered in that zone, the old one still served", async () => {
    const event = await upcoming("Across zones", { startsAt: new Date("2030-03-05T15:00:00Z"), endsAt: new Date("2030-03-05T16:00:00Z") });
    const stockholm = await warm(`/events/${event.slug}`, { cookie: "podium-tz=Europe/Stockholm" });
    expect(stockholm.body).toContain("Your time: <strong>Europe/Stockholm</strong>");

    const tokyo = await get(`/events/${event.slug}`, { cookie: "podium-tz=Asia/Tokyo" });
    expect(tokyo.headers.get("x-podium-cache")).toBe("miss");
    expect(tokyo.body).toContain("Your time: <strong>Asia/Tokyo</strong>");
    expect(tokyo.headers.get("etag")).not.toBe(stockholm.headers.get("etag"));

    const again = await get(`/events/${event.slug}`, { cookie: "podium-tz=Europe/Stockholm" });
    expect(again.headers.get("x-podium-cache")).toBe("hit");
    expect(again.body).toContain("Your time: <strong>Europe/Stockholm</strong>");
  });

  it("keeps one page per language, never hands one language's page or 304 to another, and shows a new translation at once", async () => {
    const event = await upcoming("Graphene Membranes for Clean Energy", { translations: { sv: { title: "Grafenmembran för ren energi" } } });
    const path = `/events/${event.slug}`;
    const swedishCookie = { cookie: "podium_lang=sv" };

    const english = await warm(path);
    expect(english.body).toContain("<h1>Graphene Membranes for Clean Energy</h1>");
    expect(english.body).not.toContain("Grafenmembran");

    const swedish = await get(path, swedishCookie);
    expect(swedish.headers.get("x-podium-cache")).toBe("miss");
    expect(swedish.body).toContain('<h1>Grafenmembran för ren energi</h1>');
    expect(swedish.headers.get("vary")).toBe("Accept-Encoding, Accept-Language, Cookie");
    expect(swedish.headers.get("etag")).not.toBe(english.headers.get("etag"));

    // A browser that prefers Swedish gets the same stored page as the cookie.
    const byBrowser = await get(path, { "accept-language": "sv-SE,sv;q=0.9,en;q=0.8" });
    expect(byBrowser.headers.get("x-podium-cache")).toBe("hit");
    expect(byBrowser.body).toBe(swedish.body);
    // No Chinese title: the English one, whole, marked as English on the Chinese page.
    const chinese = await get(path, { "accept-language": "zh-HK,zh;q=0.9" });
    expect(chinese.body).toContain('<h1 lang="en">Graphene Membranes for Clean Energy</h1>');
    // The English page's ETag is no 304 for a Swedish reader.
    expect((await get(path, { ...swedishCookie, "if-none-match": english.headers.get("etag")! })).status).toBe(200);
    expect((await get(path, { "if-none-match": english.headers.get("etag")! })).status).toBe(304);

    const saved = await saveTranslations(database.db, {
      scope: { kind: "event", eventId: event.id },
      values: { locale: "sv", entries: [{ target: targetOf("event", event.id), field: "title", text: "Grafenmembran för en renare energi" }] },
      user: organizer,
    });
    expect(saved.ok).toBe(true);
    expect((await get(path, swedishCookie)).body).toContain('<h1>Grafenmembran för en renare energi</h1>');
    expect((await get(path)).body).toContain("<h1>Graphene Membranes for Clean Energy</h1>");

    // The calendar file follows the same language, from memory too.
    const feedSwedish = await warm(`/events/${event.slug}.ics`, swedishCookie);
    expect(feedSwedish.body).toContain("SUMMARY:Grafenmembran för en renare energi");
    expect((await get(`/events/${event.slug}.ics`)).body).toContain("SUMMARY:Graphene Membranes for Clean Energy");
    expect((await get(`/events/${event.slug}.ics?lang=sv`)).body).toContain("SUMMARY:Grafenmembran för en renare energi");
  });

  it("changes the page by itself when the event starts, with nothing written to the database", async () => {
    const startsAt = new Date(Date.now() + 3_000);
    const event = await upcoming("Starting now", { startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) });
    expect((await warm(`/events/${event.slug}`)).body).not.toContain("Live now");
    await new Promise((resolve) => setTimeout(resolve, startsAt.getTime() - Date.now() + 50));
    const live = await get(`/events/${event.slug}`);
    expect(live.headers.get("x-podium-cache")).toBe("miss");
    expect(live.body).toContain("Live now");
  });
});

describe("conditional GETs from the version alone", () => {
  it("answers 304 to the page's ETag, and 200 with the new page once anything changed", async () => {
    const event = await upcoming("Revalidated");
    const first = await get(`/events/${event.slug}`);
    const etag = first.headers.get("etag")!;
    const unchanged = await fetch(`${app.base}/events/${event.slug}`, { headers: { "if-none-match": etag } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("etag")).toBe(etag);
    expect(unchanged.headers.get("content-security-policy")).toBeNull();

    await createOrganization(database.db, { name: "A new partner" });
    const changed = await fetch(`${app.base}/events/${event.slug}`, { headers: { "if-none-match": etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("compressed once, sent as the browser asks", () => {
  it("sends brotli or gzip to browsers that take them, and the same page unencoded to clients that do not", async () => {
    const event = await upcoming("Compressed");
    const path = `/events/${event.slug}`;
    const plain = await warm(path);
    // Brotli is computed after the first answer; give it a moment to be stored.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const browser = await rawRequest(app.port, { path, headers: { "accept-encoding": "gzip, deflate, br" } });
    const gzipOnly = await rawRequest(app.port, { path, headers: { "accept-encoding": "gzip" } });
    const refusesGzip = await rawRequest(app.port, { path, headers: { "accept-encoding": "gzip;q=0, identity" } });
    expect(gzipOnly.headers["content-encoding"]).toBe("gzip");
    expect(refusesGzip.headers["content-encoding"]).toBeUndefined();
    expect(refusesGzip.body).toBe(plain.body);

    const raw = (path: string, acceptEncoding: string) =>
      new Promise<Buffer>((resolve, reject) => {
        import("node:http").then(({ get: httpGet }) =>
          httpGet(`${app.base}${path}`, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => resolve(Buffer.concat(chunks)));
          }).on("error", reject),
        );
      });
    expect(gunzipSync(await raw(path, "gzip")).toString("utf8")).toBe(plain.body);
    if (browser.headers["content-encoding"] === "br") {
      expect(brotliDecompressSync(await raw(path, "br")).toString("utf8")).toBe(plain.body);
    } else {
      expect(browser.headers["content-encoding"]).toBe("gzip");
    }
  });

  it("answers HEAD from memory with the length of what GET would send and no body", async () => {
    const event = await upcoming("Heads up");
    const page = await warm(`/events/${event.slug}`);
    // Without Accept-Encoding, so the length is that of the page itself.
    const head = await rawRequest(app.port, { method: "HEAD", path: `/events/${event.slug}` });
    expect(head.status).toBe(200);
    expect(head.headers["x-podium-cache"]).toBe("hit");
    expect(head.body).toBe("");
    expect(Number(head.headers["content-length"])).toBe(Buffer.byteLength(page.body));
  });
});

describe("nothing personal in the cache", () => {
  it("never serves a signed-in organizer from the cache, nor keeps their page", async () => {
    const event = await upcoming("Seen by an organizer");
    const { cookie } = await signedInOrganizer(database.db, { email: "other-chair@kth.se" });
    const signedIn = await get(`/events/${event.slug}`, { cookie: `${cookie}; podium-tz=Europe/Stockholm` });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get("x-podium-cache")).toBeNull();
    expect(signedIn.headers.get("cache-control")).toBe("private, no-cache");

    // An anonymous visitor in the same zone gets a fresh render, not the organizer's.
    const anonymous = await get(`/events/${event.slug}`, { cookie: "podium-tz=Europe/Stockholm" });
    expect(anonymous.headers.get("x-podium-cache")).toBe("miss");
  });

  it("renders pages with a query string or an unknown cookie every time", async () => {
    const event = await upcoming("Not shared");
    for (const [path, headers] of [
      [`/events/${event.slug}?utm_source=list`, {}],
      [`/events/${event.slug}`, { cookie: "flash=Thanks" }],
      [`/events/${event.slug}`, { cookie: "podium-tz=<script>" }],
    ] as const) {
      await get(path, headers);
      const again = await get(path, headers);
      expect(again.status).toBe(200);
      expect(again.headers.get("x-podium-cache")).toBeNull();
    }
  });

  it("does not keep a page that is not found", async () => {
    const missing = await get("/events/no-such-event");
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-podium-cache")).toBeNull();
    expect((await get("/events/no-such-event")).status).toBe(404);
  });
});

describe("what renders read, kept per content version", () => {
  /** A change no trigger sees (replication role): the only way to show a render did not read the table. */
  async function retitleUnannounced(eventId: string, title: string) {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.update(events).set({ title }).where(eq(events.id, eventId));
    });
  }

  it("renders a page for a new zone or query string without asking the database for the event again", async () => {
    const event = await upcoming("Read once");
    expect((await get(`/events/${event.slug}?from=newsletter`)).body).toContain("Read once");
    await retitleUnannounced(event.id, "Changed behind the version's back");
    // A fresh render (its own query string, another zone), from the data read under this version.
    const rendered = await get(`/events/${event.slug}?from=mastodon`, { cookie: "podium-tz=Asia/Tokyo" });
    expect(rendered.headers.get("x-podium-cache")).toBeNull();
    expect(rendered.body).toContain("Read once");
  });

  it("reads again as soon as the version moves, for renders as for cached pages", async () => {
    const event = await upcoming("Before the save");
    expect((await get(`/events/${event.slug}?v=1`)).body).toContain("Before the save");
    expect((await get("/")).body).toContain("Before the save");
    await database.db.update(events).set({ title: "After the save" }).where(eq(events.id, event.id));
    expect((await get(`/events/${event.slug}?v=2`)).body).toContain("After the save");
    expect((await get("/?v=2")).body).toContain("After the save");
  });
});

