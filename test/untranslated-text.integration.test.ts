// No English written outside the catalogues. Every public page and its unusual states
// (a refused form, a registrant's page, a page not found) are rendered in Traditional
// Chinese over content written only in Chinese, through the production build: any Latin
// word left in what a reader sees or hears (text, <title>, aria-label, alt, placeholder)
// was hard-coded in English somewhere, since no catalogue message in zh-Hant has one.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createOrganization, createPerson, createSeries } from "~db/factories";
import { emailOutbox, registrationQuestions } from "~db/schema";
import { createUser } from "~/auth/users.server";
import { inviteSpeaker } from "~/speakers/invitations.server";
import { TEST_LINK_SECRET } from "./support/load-context";
import { loadProductionBuild, startHttpApp, type RunningApp } from "./support/http-app";
import { perceivable, ZONE_ABBREVIATION } from "./support/perceivable-text";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const DAY = 86_400_000;
/** Words that are the same in every language: the product, zone abbreviations, the languages' own names. */
const SAME_IN_EVERY_LANGUAGE = new Set(["Podium", "English", "Svenska", "Outlook", "Google", "iCal", "ics", "https"]);

let database: TestDatabase;
let app: RunningApp;
const slugs = { upcoming: "chinese-upcoming", past: "chinese-past", series: "chinese-series", speaker: "chen-wei" };
const readerCookie = "podium_lang=zh-Hant; podium-tz=Asia/Hong_Kong";
/** The speaker's private page, from the link in their invitation. */
let speakerPath = "";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startHttpApp(database.db, await loadProductionBuild());
  const hkust = await createOrganization(database.db, { name: "香港科技大學", shortName: "科大", slug: "keda" });
  const speaker = await createPerson(database.db, { name: "陳偉", slug: slugs.speaker, email: "chen.wei@example.hk", affiliation: "香港科技大學", position: "教授", bio: "研究城市交通。" });
  const series = await createSeries(database.db, { title: "城市講座", slug: slugs.series, description: "每月一講。", defaultLocale: "zh-Hant" });
  const common = {
    defaultLocale: "zh-Hant",
    summary: "城市交通的未來。",
    description: "我們會討論**城市交通**。",
    homeZone: "Asia/Hong_Kong",
    displayZones: ["Asia/Hong_Kong", "Europe/Stockholm"],
    seriesId: series.id,
    hosts: [{ organization: hkust }],
    agenda: [{ kind: "talk" as const, title: "主題演講", abstract: "交通與城市。", roles: [{ person: speaker, role: "speaker" as const }] }],
  };
  const upcoming = await createEvent(database.db, {
    ...common,
    title: "城市交通的未來",
    slug: slugs.upcoming,
    startsAt: new Date(Date.now() + 10 * DAY),
    endsAt: new Date(Date.now() + 10 * DAY + 75 * 60_000),
    capacity: 100,
    questions: [
      { kind: "short_text", label: "你的學系？", required: true },
      { kind: "single_choice", label: "你從哪裏得知這個活動？", options: ["電郵", "網站"] },
    ],
  });
  await createEvent(database.db, {
    ...common,
    title: "過去的講座",
    slug: slugs.past,
    startsAt: new Date(Date.now() - 10 * DAY),
    endsAt: new Date(Date.now() - 10 * DAY + 75 * 60_000),
    recordings: [{ label: "錄影", url: "https://video.example.org/recording", published: true }],
  });
  const organizer = await createUser(database.db, { email: "chair@hkust.hk", name: "主席", password: "correct horse battery", role: "organizer" });
  const invited = await inviteSpeaker(database.db, { user: organizer, eventId: upcoming.id, personId: speaker.id, links: { origin: "http://podium.test", secret: TEST_LINK_SECRET }, now: new Date() });
  expect(invited.ok).toBe(true);
  const [invitation] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.template, "speaker-invitation"));
  speakerPath = new URL(String(invitation!.props.portalUrl)).pathname;
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});


const ZONE_OPTIONS = /<option value="[A-Za-z]+\/[^"]*"[^>]*>[^<]*<\/option>/g;
// A list of IANA zones to pick from names each by its identifier, in every language.
const perceivableOf = (html: string) => perceivable(html, { drop: [ZONE_OPTIONS] });

/** Latin words that are not an address, a zone abbreviation or a name every language shares. */
function englishWords(html: string): string[] {
  const text = perceivableOf(html)
    .replace(/https?:\/\/\S*/g, " ")
    .replace(/[\w.+-]+@[\w.-]+/g, " ");
  const words = text.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g) ?? [];
  return [...new Set(words.filter((word) => !SAME_IN_EVERY_LANGUAGE.has(word) && !ZONE_ABBREVIATION.test(word)))];
}

async function page(path: string, init: RequestInit = {}) {
  const response = await fetch(`${app.base}${path}`, { redirect: "manual", ...init, headers: { Cookie: readerCookie, Accept: "text/html", ...init.headers } });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

function register(fields: Record<string, string>) {
  return page(`/events/${slugs.upcoming}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test" },
    body: new URLSearchParams(fields),
  });
}

describe("a reader of 繁體中文 meets no English", () => {
  it.each([
    ["the home page", "/"],
    ["an upcoming event with its form, agenda and questions", `/events/${slugs.upcoming}`],
    ["a past event with its recording", `/events/${slugs.past}`],
    ["a series", `/series/${slugs.series}`],
    ["a speaker", `/speakers/${slugs.speaker}`],
    ["the calendar subscription page", "/subscribe"],
    ["the time-zone page", "/time-zone"],
    ["a page that does not exist", "/events/no-such-event"],
    ["the sign-in page", "/login"],
  ])("on %s", async (_name, path) => {
    const { html } = await page(path);
    expect(html).toContain('lang="zh-Hant"');
    const english = englishWords(html);
    if (english.length) console.log(path, english, perceivableOf(html).replace(/\s+/g, " ").slice(0, 4000));
    expect(english).toEqual([]);
  });

  it("when the registration form is sent empty and refused", async () => {
    const refused = await register({});
    expect(refused.status).toBe(400);
    expect(englishWords(refused.html)).toEqual([]);
  });

  it("on the registrant's own page, its unsubscribe page and the join page before the event", async () => {
    const [required] = await database.db.select().from(registrationQuestions).where(eq(registrationQuestions.required, true));
    const registered = await register({ name: "李小明", email: "xiaoming@example.hk", timeZone: "Asia/Hong_Kong", consent: "on", [`answers.${required!.id}`]: "土木工程" });
    expect(registered.location).toMatch(/^\/r\/[\w-]+\?welcome=1$/);
    const token = /^\/r\/([\w-]+)/.exec(registered.location!)![1]!;
    for (const path of [registered.location!, `/r/${token}/unsubscribe`, `/r/${token}/join`]) {
      const { status, html } = await page(path);
      expect({ path, status }).toEqual({ path, status: 200 });
      if (englishWords(html).length) console.log(path, perceivableOf(html).replace(/\s+/g, " ").slice(0, 3000));
      expect({ path, english: englishWords(html) }).toEqual({ path, english: [] });
    }
  });
  it("when a registration cancelled in another tab is cancelled again", async () => {
    const [required] = await database.db.select().from(registrationQuestions).where(eq(registrationQuestions.required, true));
    const registered = await register({ name: "王大文", email: "dawen@example.hk", timeZone: "Asia/Hong_Kong", consent: "on", [`answers.${required!.id}`]: "物理" });
    const path = /^\/r\/[\w-]+/.exec(registered.location!)![0];
    const cancel = () =>
      page(path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test" }, body: new URLSearchParams({ intent: "cancel" }) });
    expect((await cancel()).status).toBeLessThan(400);
    const again = await cancel();
    expect(again.html).toContain("此登記已取消，因此無法取消。");
    expect(englishWords(again.html)).toEqual([]);
  });
  it("on the speaker's private page, and after they answer", async () => {
    const portal = await page(speakerPath);
    expect(portal.status).toBe(200);
    expect(englishWords(portal.html)).toEqual([]);
    const answered = await page(speakerPath, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test" },
      body: new URLSearchParams({ intent: "respond", response: "confirmed" }),
    });
    expect(answered.status).toBe(200);
    expect(answered.html).toContain("多謝");
    expect(englishWords(answered.html)).toEqual([]);
  });
  it("when the speaker's talk details are refused (no title, a link that is no web address)", async () => {
    const portal = await page(speakerPath);
    const itemId = /name="itemId" value="([^"]+)"/.exec(portal.html)?.[1];
    expect(itemId).toBeDefined();
    const refused = await page(speakerPath, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test" },
      body: new URLSearchParams({ intent: "talk", itemId: itemId!, title: " ", abstract: "交通與城市。", materialsUrl: "javascript:alert(1)" }),
    });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("請輸入講題");
    expect(refused.html).toContain("投影片或資料連結必須以 https:// 或 http:// 開頭");
    expect(englishWords(refused.html)).toEqual([]);
  });

  it("when a sign-in fails, and when a sign-in link is asked for", async () => {
    const post = (fields: Record<string, string>) =>
      page("/login", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test" }, body: new URLSearchParams(fields) });
    const wrong = await post({ email: "chair@hkust.hk", password: "not the password" });
    expect(wrong.status).toBe(400);
    expect(englishWords(wrong.html)).toEqual([]);
    const empty = await post({});
    expect(englishWords(empty.html)).toEqual([]);
    const link = await post({ intent: "link", email: "chair@hkust.hk" });
    expect(englishWords(link.html)).toEqual([]);
  });
  it("when a sign-in link no longer works, or names a way to sign in that does not exist", async () => {
    const invalid = await page("/login/link/not-a-link-any-more");
    expect(invalid.status).toBe(410);
    expect(invalid.html).toContain("此登入連結已失效");
    expect(invalid.html).toContain("<title>登入 — Podium</title>");
    if (englishWords(invalid.html).length) console.log(perceivableOf(invalid.html).replace(/\s+/g, " ").slice(0, 3000));
    expect(englishWords(invalid.html)).toEqual([]);
    const unknown = await page("/auth/oidc/no-such-university/callback");
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain("沒有這種登入方式");
    expect(englishWords(unknown.html)).toEqual([]);
  });
});
