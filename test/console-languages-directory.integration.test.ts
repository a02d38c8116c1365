// The console's directory area in the organizer's language, through the production build:
// people, series, organizations, accounts and the translation pages, over data written in
// Chinese only. A 繁體中文 reader meets no Latin word (any left was hard-coded English),
// a Swedish reader reads Swedish, and an English reader reads the console word for word as
// before. The speaker's own profile form, built on the organizer's person form, refuses in
// the speaker's language too.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createOrganization, createPerson, createSeries } from "~db/factories";
import { emailOutbox, eventOrganizers } from "~db/schema";
import { inviteSpeaker } from "~/speakers/invitations.server";
import { loadProductionBuild, startHttpApp, type RunningApp } from "./support/http-app";
import { TEST_LINK_SECRET } from "./support/load-context";
import { signedInOrganizer } from "./support/organizer";
import { perceivable, ZONE_ABBREVIATION } from "./support/perceivable-text";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const DAY = 86_400_000;
/** Names every language shares: the product, the languages' own names, and the frame's API and Webhook. */
/** (and the calendar file's .ics, which the speaker's page offers as the public pages do). */
const SAME_IN_EVERY_LANGUAGE = new Set(["Podium", "English", "Svenska", "Markdown", "API", "Webhook", "https", "http", "hkust", "ics"]);

let database: TestDatabase;
let app: RunningApp;
let organizerCookie: string;
let adminCookie: string;
const ids = { editable: "", readOnly: "", series: "", organization: "", event: "", admin: "", colleague: "" };
let speakerPath = "";

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startHttpApp(database.db, await loadProductionBuild());
  const organizer = await signedInOrganizer(database.db, { email: "chair@hkust.hk", name: "主席" });
  organizerCookie = organizer.cookie;
  const admin = await signedInOrganizer(database.db, { email: "admin@hkust.hk", name: "管理員甲", role: "admin" });
  adminCookie = admin.cookie;
  ids.admin = admin.user.id;
  ids.colleague = (await signedInOrganizer(database.db, { email: "colleague@hkust.hk", name: "同事乙" })).user.id;

  const hkust = await createOrganization(database.db, { name: "香港科技大學", shortName: "科大", slug: "keda" });
  ids.organization = hkust.id;
  const series = await createSeries(database.db, { title: "城市講座", slug: "chengshi", description: "每月一講。", defaultLocale: "zh-Hant" });
  ids.series = series.id;
  const speaker = await createPerson(database.db, { name: "陳偉", slug: "chen-wei", email: "chen.wei@example.hk", affiliation: "香港科技大學", position: "教授", bio: "研究城市交通。" });
  ids.editable = speaker.id;
  const stranger = await createPerson(database.db, { name: "王芳", slug: "wang-fang", affiliation: "香港大學", position: "講師" });
  ids.readOnly = stranger.id;
  const startsAt = new Date(Date.now() + 10 * DAY);
  const event = await createEvent(database.db, {
    title: "城市交通的未來",
    slug: "chengshi-jiaotong",
    defaultLocale: "zh-Hant",
    summary: "城市交通的未來。",
    descriptionMd: "我們會討論城市交通。",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 75 * 60_000),
    homeZone: "Asia/Hong_Kong",
    displayZones: ["Asia/Hong_Kong"],
    seriesId: series.id,
    hosts: [{ organization: hkust }],
    agenda: [{ kind: "talk" as const, title: "主題演講", abstract: "交通與城市。", roles: [{ person: speaker, role: "speaker" as const }] }],
    questions: [{ kind: "single_choice", label: "你從哪裏得知這個活動？", options: ["電郵", "網站"] }],
  });
  ids.event = event.id;
  await database.db.insert(eventOrganizers).values({ eventId: event.id, userId: organizer.user.id });
  // Someone else's event: the organizer may read 王芳 but not change her.
  await createEvent(database.db, {
    title: "別人的講座",
    slug: "bieren",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 3_600_000),
    displayZones: ["Asia/Hong_Kong"],
    agenda: [{ kind: "talk" as const, title: "另一個演講", roles: [{ person: stranger, role: "speaker" as const }] }],
  });
  const invited = await inviteSpeaker(database.db, { user: organizer.user, eventId: event.id, personId: speaker.id, links: { origin: "http://podium.test", secret: TEST_LINK_SECRET }, now: new Date() });
  expect(invited.ok).toBe(true);
  const [invitation] = await database.db.select().from(emailOutbox).where(eq(emailOutbox.template, "speaker-invitation"));
  speakerPath = new URL(String(invitation!.props.portalUrl)).pathname;
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});


const ZONE_OPTIONS = /<option value="[A-Za-z]+\/[^"]*"[^>]*>[^<]*<\/option>/g;
// A generated password is shown as it is; IANA zones to pick from are named by identifier in every language.
const perceivableOf = (html: string) => perceivable(html, { drop: [/<code>[^<]*<\/code>/g, ZONE_OPTIONS], joinAcrossComments: true });

/** Latin words that are not an address, a path, a zone abbreviation or a name every language shares. */
function englishWords(html: string): string[] {
  const text = perceivableOf(html)
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[\w.+-]+@[\w.-]+/g, " ")
    // Public paths (/speakers/chen-wei, /login) are addresses, not words.
    .replace(/(?:\/[\w.…-]+)+\/?…?/g, " ");
  const words = text.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g) ?? [];
  return [...new Set(words.filter((word) => !SAME_IN_EVERY_LANGUAGE.has(word) && !ZONE_ABBREVIATION.test(word)))];
}

async function page(path: string, { cookie = organizerCookie, language = "zh-Hant", form }: { cookie?: string; language?: string; form?: Record<string, string> } = {}) {
  const response = await fetch(`${app.base}${path}`, {
    redirect: "manual",
    method: form ? "POST" : "GET",
    headers: {
      Cookie: `${cookie}; podium_lang=${language}; podium-tz=Asia/Hong_Kong`,
      Accept: "text/html",
      ...(form ? { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test" } : {}),
    },
    body: form ? new URLSearchParams(form) : undefined,
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

/** An event's translation page sits in the event's own frame (its tabs belong to the event pages): only the editor is this area's. */
function translationSection(html: string): string {
  const start = html.indexOf('<section aria-labelledby="translations-title"');
  const end = html.indexOf("</section>", html.indexOf('id="source-language-title"'));
  expect(start).toBeGreaterThan(0);
  return html.slice(start, end);
}

function expectNoEnglish(path: string, html: string) {
  const english = englishWords(html);
  if (english.length) console.log(path, english, perceivableOf(html).replace(/\s+/g, " ").slice(0, 3000));
  expect({ path, english }).toEqual({ path, english: [] });
}

describe("a 繁體中文 organizer meets no English in the directory", () => {
  it.each([
    ["the people directory", "/admin/people", "organizer"],
    ["a search of it", "/admin/people?q=陳", "organizer"],
    ["a search that finds nobody", "/admin/people?q=無人", "organizer"],
    ["the new person form", "/admin/people/new", "organizer"],
    ["a person they may change", () => `/admin/people/${ids.editable}`, "organizer"],
    ["a person they may only read", () => `/admin/people/${ids.readOnly}`, "organizer"],
    ["a person's translations", () => `/admin/people/${ids.editable}/translations`, "organizer"],
    ["a person's translations they may not change", () => `/admin/people/${ids.readOnly}/translations`, "organizer"],
    ["the series directory", "/admin/series", "organizer"],
    ["the new series form", "/admin/series/new", "organizer"],
    ["a series", () => `/admin/series/${ids.series}`, "organizer"],
    ["a series' translations", () => `/admin/series/${ids.series}/translations`, "organizer"],
    ["the organizations directory", "/admin/organizations", "organizer"],
    ["the new organization form", "/admin/organizations/new", "organizer"],
    ["an organization", () => `/admin/organizations/${ids.organization}`, "organizer"],
    ["an event's translations", () => `/admin/events/${ids.event}/translations`, "organizer"],
    ["an event's translations in Svenska", () => `/admin/events/${ids.event}/translations?into=sv`, "organizer"],
    ["the accounts", "/admin/users", "admin"],
    ["the new account form", "/admin/users/new", "admin"],
    ["their own account", () => `/admin/users/${ids.admin}`, "admin"],
    ["a colleague's account", () => `/admin/users/${ids.colleague}`, "admin"],
  ])("on %s", async (_name, path, who) => {
    const url = typeof path === "function" ? path() : path;
    const { status, html } = await page(url, { cookie: who === "admin" ? adminCookie : organizerCookie });
    expect({ url, status }).toEqual({ url, status: 200 });
    expect(html).toContain('<html lang="zh-Hant"');
    expectNoEnglish(url, url.startsWith("/admin/events/") ? translationSection(html) : html);
  });

  it("in the page titles", async () => {
    expect((await page("/admin/people")).html).toContain("<title>人物 — Podium</title>");
    expect((await page(`/admin/series/${ids.series}/translations`)).html).toContain("<title>城市講座 — 翻譯 — Podium</title>");
    expect((await page("/admin/users", { cookie: adminCookie })).html).toContain("<title>帳戶 — Podium</title>");
  });

  it.each([
    ["a person without a name", "/admin/people/new", {}, "請輸入姓名", "organizer"],
    ["a person with a photo link that is no link", "/admin/people/new", { name: "李四", photoUrl: "photo" }, "請輸入完整的相片連結", "organizer"],
    ["a series without a title", "/admin/series/new", {}, "請為系列加上標題", "organizer"],
    ["an organization without names", "/admin/organizations/new", { websiteUrl: "javascript:alert(1)" }, "請輸入機構全名", "organizer"],
    ["an account without an email", "/admin/users/new", { role: "organizer" }, "請輸入對方的電郵地址", "admin"],
    ["a password too short", "/admin/users/new", { email: "new@hkust.hk", name: "新人", role: "organizer", password: "short" }, "密碼最少要有 12 個字元", "admin"],
  ])("when the form for %s is refused", async (_name, path, form, message, who) => {
    const refused = await page(path, { form, cookie: who === "admin" ? adminCookie : organizerCookie });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(message);
    expectNoEnglish(path, refused.html);
  });

  it("when an address is taken, and when a person is not theirs to change", async () => {
    const taken = await page("/admin/series/new", { form: { title: "另一個系列", slug: "chengshi" } });
    expect(taken.status).toBe(400);
    expect(taken.html).toContain("另一個系列已使用此網址");
    expectNoEnglish("taken", taken.html);
    const refused = await page(`/admin/people/${ids.readOnly}`, { form: { name: "王芳" } });
    expect(refused.status).toBe(403);
    expect(refused.html).toContain("只有同時主辦所有這些活動的人");
    expectNoEnglish("not theirs", refused.html);
  });

  it("when a person is added, with the notice on the list", async () => {
    const added = await page("/admin/people/new", { form: { name: "李四", affiliation: "香港大學" } });
    expect(added.status).toBe(302);
    const listed = await page(added.location!);
    expect(listed.html).toContain("已儲存。");
    expect(listed.html).toContain("李四");
    expectNoEnglish(added.location!, listed.html);
  });

  it("when an account is added with a generated password, refused to disable itself, and another disabled", async () => {
    const created = await page("/admin/users/new", { cookie: adminCookie, form: { email: "third@hkust.hk", name: "丙", role: "organizer" } });
    expect(created.status).toBe(200);
    expect(created.html).toContain("他們的密碼是");
    expectNoEnglish("created", created.html);
    const self = await page(`/admin/users/${ids.admin}`, { cookie: adminCookie, form: { intent: "disable" } });
    expect(self.status).toBe(400);
    expect(self.html).toContain("你不能停用自己的帳戶。請另一位管理員處理。");
    expectNoEnglish("self", self.html);
    const disabled = await page(`/admin/users/${ids.colleague}`, { cookie: adminCookie, form: { intent: "disable" } });
    expect(disabled.status).toBe(200);
    expect(disabled.html).toContain("已停用 同事乙 的帳戶");
    expectNoEnglish("disabled", disabled.html);
    const reset = await page(`/admin/users/${ids.colleague}`, { cookie: adminCookie, form: { intent: "reset-password" } });
    expect(reset.html).toContain("新密碼是");
    expectNoEnglish("reset", reset.html);
  });

  it("when a translation is refused, saved, and the source language cannot change", async () => {
    const path = `/admin/series/${ids.series}/translations?into=sv`;
    const refused = await page(path, { form: { intent: "source-language", defaultLocale: "de" } });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("請選擇 Podium 支援的其中一種語言");
    expectNoEnglish("refused", refused.html);
    const target = `series:${ids.series}`;
    const saved = await page(path, {
      form: { intent: "translations", locale: "sv", "entries[0].target": target, "entries[0].field": "title", "entries[0].text": "Stadsföreläsningar" },
    });
    expect(saved.status).toBe(302);
    const after = await page(saved.location!);
    expect(after.html).toContain("已儲存瑞典文文字。");
    expectNoEnglish(saved.location!, after.html);
    const clash = await page(path, { form: { intent: "source-language", defaultLocale: "sv" } });
    expect(clash.status).toBe(409);
    expect(clash.html).toContain("系列已有瑞典文文字");
    expectNoEnglish("clash", clash.html);
  });

  it("on the speaker's own profile form, refused in the speaker's language", async () => {
    const refused = await fetch(`${app.base}${speakerPath}`, {
      method: "POST",
      headers: { Cookie: "podium_lang=zh-Hant", "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test" },
      body: new URLSearchParams({ intent: "profile", name: "", photoUrl: "http://photos.example/wei.jpg" }),
    });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain("請輸入姓名");
    expect(html).toContain("相片連結必須以 https:// 開頭");
    expect(html).not.toContain("Enter the person&#x27;s name");
    expectNoEnglish(speakerPath, html);
  });
});

describe("a Swedish organizer", () => {
  it.each([
    ["/admin/people", ["Personer", "Lägg till en person", "Sök personer", "Tabell över personer", "Redigera"], "organizer"],
    ["/admin/people/new", ["Lägg till en person", "Hemtidszon", "Länk till foto", "Avbryt"], "organizer"],
    ["/admin/series", ["Serier", "Lägg till en serie", "Offentlig sida"], "organizer"],
    ["/admin/organizations/new", ["Fullständigt namn", "Kortnamn", "Webbplats"], "organizer"],
    ["/admin/users", ["Konton", "Lägg till en arrangör", "Administratör", "Aktivt"], "admin"],
    [`/admin/series/{series}/translations`, ["Översättningar", "Källspråk", "Ändra källspråk", "Spara engelska"], "organizer"],
  ])("reads %s in Swedish", async (path, phrases, who) => {
    const { html } = await page(path.replace("{series}", ids.series), { language: "sv", cookie: who === "admin" ? adminCookie : organizerCookie });
    for (const phrase of phrases) expect(html).toContain(phrase);
  });

  it("gets Swedish validation messages", async () => {
    const refused = await page("/admin/series/new", { language: "sv", form: {} });
    expect(refused.html).toContain("Ge serien en titel");
    const person = await page("/admin/people/new", { language: "sv", form: {} });
    expect(person.html).toContain("Ange personens namn");
  });
});

describe("an English organizer", () => {
  it("reads the directory word for word as before", async () => {
    const people = await page("/admin/people", { language: "en" });
    for (const phrase of ["<title>People — Podium</title>", "Add a person", "Search people", "Part of a name, an affiliation or an email address."]) expect(people.html).toContain(phrase);
    const readOnly = await page(`/admin/people/${ids.readOnly}`, { language: "en" });
    expect(readOnly.html).toContain("only someone who organizes every one of those events, or an administrator, can change their details.");
    const accounts = await page("/admin/users", { language: "en", cookie: adminCookie });
    for (const phrase of ["Accounts", "Add an organizer", "Administrator", " (you)"]) expect(accounts.html).toContain(phrase);
    const translations = await page(`/admin/series/${ids.series}/translations`, { language: "en" });
    for (const phrase of ["Source language", "Change source language", "The text in the details form is written in"]) expect(translations.html).toContain(phrase);
  });

  it("gets the English validation messages", async () => {
    expect((await page("/admin/series/new", { language: "en", form: {} })).html).toContain("Give the series a title");
    expect((await page("/admin/people/new", { language: "en", form: {} })).html).toContain("Enter the person&#x27;s name");
  });
});
