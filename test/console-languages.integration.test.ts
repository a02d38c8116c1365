// The organizer console in the organizer's language, through the production build: the
// frame and the events list read in 繁體中文 and Svenska, and the console's messages stay
// on console pages (a public page never carries them).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { eventOrganizers } from "~db/schema";
import { loadProductionBuild, startHttpApp, type RunningApp } from "./support/http-app";
import { signedInOrganizer } from "./support/organizer";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

let database: TestDatabase;
let app: RunningApp;
let cookie: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startHttpApp(database.db, await loadProductionBuild());
  const organizer = await signedInOrganizer(database.db, { email: "chair@kth.se", name: "Chair" });
  cookie = organizer.cookie;
  const startsAt = new Date(Date.now() + 10 * 86_400_000);
  const event = await createEvent(database.db, { title: "Graphene membranes", slug: "graphene", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), displayZones: ["Europe/Stockholm"] });
  await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: organizer.user.id });
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});

async function consolePage(path: string, language: string) {
  const response = await fetch(`${app.base}${path}`, { headers: { Cookie: `${cookie}; podium_lang=${language}` } });
  expect(response.status).toBe(200);
  return response.text();
}

describe("the console in the organizer's language", () => {
  it.each([
    ["zh-Hant", ["主辦單位控制台", "你的活動", "新增活動", "即將舉行", "已發布", "0 人已確認", "登出"]],
    ["sv", ["Arrangörskonsol", "Dina evenemang", "Nytt evenemang", "Kommande", "publicerat", "0 bekräftade", "Logga ut"]],
  ])("reads the frame and the events list in %s", async (language, phrases) => {
    const html = await consolePage("/admin/events", language);
    for (const phrase of phrases) expect(html).toContain(phrase);
    for (const english of ["Your events", "New event", "Sign out everywhere", "Organizer console"]) expect(html).not.toContain(english);
  });

  it("keeps English for an English reader, word for word", async () => {
    const html = await consolePage("/admin/events", "en");
    for (const phrase of ["Your events", "New event", "Upcoming", "0 confirmed", "Signed in as Chair (organizer)"]) expect(html).toContain(phrase);
  });

  it("never sends the console's messages with a public page", async () => {
    const page = await (await fetch(`${app.base}/events/graphene`, { headers: { Cookie: "podium_lang=sv" } })).text();
    expect(page).toContain("Evenemang");
    expect(page).not.toContain("Arrangörskonsol");
    expect(page).not.toContain("Dina evenemang");
  });
});
