// One event's console pages in the organizer's language, through the production build:
// the overview, the event form (new and edit), duplicate, agenda, questions, recordings,
// email registrants and registrations, each read in 繁體中文 over data written only in
// Chinese, with a refused and a successful form post on each. Any Latin word left in what
// the organizer sees or hears (text, <title>, aria-label, alt, placeholder) was hard-coded
// in English somewhere. Swedish is spot-checked, and English stays word for word.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent, createOrganization, createPerson, createSeries } from "~db/factories";
import { eventOrganizers, type Event } from "~db/schema";
import { loadProductionBuild, startHttpApp, type RunningApp } from "./support/http-app";
import { signedInOrganizer } from "./support/organizer";
import { perceivable, ZONE_ABBREVIATION } from "./support/perceivable-text";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const DAY = 86_400_000;
/**
 * Words every language shares: the product, the languages' own names, the names the brief keeps (Webhook, Markdown, CSV,
 * Zoom, Teams), IANA zone names (identifiers), the public address prefix /events/ and the
 * fixture's own slugs.
 */
const ALLOWED = new Set([
  "Podium",
  "English",
  "Svenska",
  "Webhook",
  "Markdown",
  "CSV",
  "Zoom",
  "Teams",
  "https",
  "http",
  "Asia",
  "Hong",
  "Kong",
  "Hong_Kong",
  "Europe",
  "Stockholm",
  "events",
  "chengshi-jiaotong",
  "chengshi-caogao",
]);
/** The example slug in the address rule's message, and the date and time patterns the organizer types. */
const TYPED_PATTERNS = /hkust-kth-webinar|YYYY-MM-DD|HH:MM/g;

let database: TestDatabase;
let app: RunningApp;
let cookie: string;
let live: Event;
let draft: Event;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startHttpApp(database.db, await loadProductionBuild());
  const organizer = await signedInOrganizer(database.db, { email: "chair@hkust.hk", name: "主席" });
  cookie = organizer.cookie;
  const hkust = await createOrganization(database.db, { name: "香港科技大學", shortName: "科大", slug: "keda" });
  const speaker = await createPerson(database.db, { name: "陳偉", slug: "chen-wei", email: "chen.wei@example.hk", affiliation: "香港科技大學" });
  const series = await createSeries(database.db, { title: "城市講座", slug: "chengshi", defaultLocale: "zh-Hant" });
  const startsAt = new Date(Date.now() + 10 * DAY);
  const common = {
    defaultLocale: "zh-Hant",
    summary: "城市交通的未來。",
    description: "我們會討論城市交通。",
    homeZone: "Asia/Hong_Kong",
    displayZones: ["Asia/Hong_Kong", "Europe/Stockholm"],
    seriesId: series.id,
    hosts: [{ organization: hkust }],
    startsAt,
    endsAt: new Date(startsAt.getTime() + 75 * 60_000),
  };
  live = await createEvent(database.db, {
    ...common,
    title: "城市交通的未來",
    slug: "chengshi-jiaotong",
    capacity: 1,
    requiresApproval: true,
    joinUrl: "https://zoom.example.org/j/1",
    agenda: [
      { kind: "talk", title: "主題演講", startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000), roles: [{ person: speaker, role: "speaker" }] },
      // Starts before the event: the overview and the agenda warn about it.
      { kind: "qa", title: "答問", startsAt: new Date(startsAt.getTime() - 30 * 60_000), endsAt: new Date(startsAt.getTime() - 10 * 60_000) },
    ],
    questions: [{ kind: "single_choice", label: "你從哪裏得知這個活動？", options: ["電郵", "網站"], required: true }],
    recordings: [{ label: "錄影", url: "https://video.example.org/recording", published: true }],
  });
  draft = await createEvent(database.db, { ...common, title: "城市草稿", slug: "chengshi-caogao", status: "draft" });
  await database.db.insert(eventOrganizers).values([
    { eventId: live.id, userId: organizer.user.id },
    { eventId: draft.id, userId: organizer.user.id },
  ]);
  // A second organizer account to share with.
  await signedInOrganizer(database.db, { email: "deputy@hkust.hk", name: "副主席" });
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});


const ZONE_OPTIONS = /<option value="[A-Za-z]+\/[^"]*"[^>]*>[^<]*<\/option>/g;
// The email preview is the email in its recipient's language; IANA zones to pick from are named by identifier.
const perceivableOf = (html: string) => perceivable(html, { drop: [/<pre class="email-preview">[\s\S]*?<\/pre>/g, ZONE_OPTIONS] });

/** Latin words that are not an address, a zone abbreviation or a name every language shares. */
function englishWords(html: string): string[] {
  const text = perceivableOf(html)
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/[\w.+-]+@[\w.-]+/g, " ")
    .replace(TYPED_PATTERNS, " ")
    .replace(/\/events\/[\w-]+/g, " ");
  const words = text.match(/[A-Za-z][A-Za-z_'’-]*[A-Za-z]|[A-Za-z]/g) ?? [];
  return [...new Set(words.filter((word) => !ALLOWED.has(word) && !ZONE_ABBREVIATION.test(word)))];
}

async function consolePage(path: string, language: string, init: RequestInit = {}) {
  const response = await fetch(`${app.base}${path}`, {
    redirect: "manual",
    ...init,
    headers: { Cookie: `${cookie}; podium_lang=${language}; podium-tz=Asia/Hong_Kong`, Accept: "text/html", ...init.headers },
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

function post(path: string, fields: Record<string, string>, language = "zh-Hant") {
  return consolePage(path, language, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test" },
    body: new URLSearchParams(fields),
  });
}

function expectChinese(path: string, html: string) {
  expect(html).toContain('lang="zh-Hant"');
  const english = englishWords(html);
  if (english.length) console.log(path, english, perceivableOf(html).replace(/\s+/g, " ").slice(0, 6000));
  expect({ path, english }).toEqual({ path, english: [] });
}

const at = (event: Event, tail = "") => `/admin/events/${event.id}${tail}`;

describe("an organizer reading 繁體中文 meets no English on an event's pages", () => {
  it.each([
    ["the overview of a published event", () => at(live)],
    ["the overview of a draft, with its publish and delete panels", () => at(draft)],
    ["the overview after a save that moved the programme and emailed people", () => `${at(live)}?notice=saved&moved=2:90&promoted=1&notified=3`],
    ["the overview after duplicating", () => `${at(draft)}?notice=duplicated`],
    ["the new-event form", () => "/admin/events/new"],
    ["the details form", () => at(live, "/edit")],
    ["the duplicate form", () => at(live, "/duplicate")],
    ["the agenda builder", () => at(live, "/agenda")],
    ["the registration questions", () => at(live, "/questions")],
    ["the recordings", () => at(live, "/recordings")],
    ["email registrants", () => at(live, "/messages")],
    ["the registrations", () => at(live, "/registrations")],
  ])("on %s", async (_name, path) => {
    const { status, html } = await consolePage(path(), "zh-Hant");
    expect(status).toBe(200);
    expectChinese(path(), html);
  });

  it("in the titles of the pages", async () => {
    expect((await consolePage(at(live), "zh-Hant")).html).toContain("<title>城市交通的未來 — Podium 控制台</title>");
    expect((await consolePage("/admin/events/new", "zh-Hant")).html).toContain("<title>新增活動 — Podium</title>");
  });

  it("when the overview's forms are refused and when they succeed", async () => {
    const refused = await post(at(live, "?index"), { intent: "cancel" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("請剔選方格以確認取消活動。");
    expectChinese("cancel refused", refused.html);
    const unknown = await post(at(live, "?index"), { intent: "share", email: "nobody@hkust.hk" });
    expect(unknown.html).toContain("沒有使用 nobody@hkust.hk 的有效主辦者帳戶。");
    expectChinese("share refused", unknown.html);
    const shared = await post(at(live, "?index"), { intent: "share", email: "deputy@hkust.hk" });
    expect(shared.html).toContain("已與 deputy@hkust.hk 分享。");
    expectChinese("share", shared.html);
  });

  it("when the event form is refused, and after a save", async () => {
    const refusedNew = await post("/admin/events/new", { intent: "save", title: "", startDate: "2030-02-30", durationMinutes: "2", zone1: "Mars/Base", reminderHours: "9999", joinUrl: "zoom" });
    expect(refusedNew.status).toBe(400);
    expect(refusedNew.html).toContain("請為活動輸入標題");
    expectChinese("new refused", refusedNew.html);
    const previewed = await post("/admin/events/new", { intent: "preview", title: "預覽", descriptionMd: "**粗體**", startDate: "2030-02-01", startTime: "10:00", startZone: "Asia/Hong_Kong", durationMinutes: "60", zone1: "Asia/Hong_Kong" });
    expect(previewed.status).toBe(200);
    expectChinese("new preview", previewed.html);
    const closed = await post(at(live, "/edit"), {
      intent: "save",
      title: "城市交通的未來",
      startDate: "2030-02-01",
      startTime: "10:00",
      startZone: "Asia/Hong_Kong",
      durationMinutes: "60",
      zone1: "Asia/Hong_Kong",
      registrationOpensDate: "2030-01-20",
      registrationOpensTime: "10:00",
      registrationClosesDate: "2030-01-10",
      registrationClosesTime: "10:00",
    });
    expect(closed.status).toBe(400);
    expect(closed.html).toContain("截止登記時間必須在開始登記之後");
    expectChinese("edit refused", closed.html);
    const created = await post("/admin/events/new", { intent: "save", title: "新的講座", startDate: "2030-03-01", startTime: "10:00", startZone: "Asia/Hong_Kong", durationMinutes: "60", zone1: "Asia/Hong_Kong" });
    expect(created.status).toBe(302);
    const overview = await consolePage(created.location!, "zh-Hant");
    expect(overview.html).toContain("已建立草稿。請先編排流程，然後發布。");
    expectChinese("created", overview.html);
  });

  it("when the duplicate form is refused, and after a copy", async () => {
    const refused = await post(at(live, "/duplicate"), { title: "", startDate: "2001-01-01", startTime: "10:00" });
    expect(refused.status).toBe(400);
    expectChinese("duplicate refused", refused.html);
    const past = await post(at(live, "/duplicate"), { title: "副本", startDate: "2001-01-01", startTime: "10:00" });
    expect(past.html).toContain("請選擇將來的開始時間");
    expectChinese("duplicate in the past", past.html);
    const copied = await post(at(live, "/duplicate"), { title: "城市交通副本", startDate: "2031-01-01", startTime: "10:00" });
    expect(copied.status).toBe(302);
    expectChinese("duplicated", (await consolePage(copied.location!, "zh-Hant")).html);
  });

  it("when the agenda's forms are refused and succeed", async () => {
    const refused = await post(at(live, "/agenda"), { intent: "add", kind: "talk", title: "", startTime: "10:00", durationMinutes: "0" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("請為環節輸入標題");
    expectChinese("agenda refused", refused.html);
    const added = await post(at(live, "/agenda"), { intent: "add", kind: "break", title: "小休" });
    expect(added.html).toContain("已新增「小休」。");
    expectChinese("agenda added", added.html);
    const filled = await post(at(live, "/agenda"), { intent: "fill" });
    expectChinese("agenda filled", filled.html);
    const first = /name="itemId" value="([\w-]+)"/.exec(filled.html)![1]!;
    const asked = await post(at(live, "/agenda"), { intent: "delete-ask", itemId: first });
    expect(asked.html).toContain("此操作無法復原。");
    expectChinese("agenda delete asked", asked.html);
  });

  it("when a question is refused and added", async () => {
    const refused = await post(at(live, "/questions"), { intent: "add", kind: "single_choice", label: "" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("請列出最少兩個選項，每行一個");
    expectChinese("question refused", refused.html);
    const added = await post(at(live, "/questions"), { intent: "add", kind: "short_text", label: "你的學系？" });
    expect(added.html).toContain("已新增「你的學系？」。");
    expectChinese("question added", added.html);
  });

  it("when a recording link is refused and added, and when emailing it is too early", async () => {
    const refused = await post(at(live, "/recordings"), { intent: "add", label: "重溫", url: "video" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("請輸入完整的錄影連結，以 https:// 開頭");
    expectChinese("recording refused", refused.html);
    const added = await post(at(live, "/recordings"), { intent: "add", label: "重溫", url: "https://video.example.org/again", publish: "on" });
    expect(added.html).toContain("已新增「重溫」；活動結束後，會在公開網頁顯示。");
    expectChinese("recording added", added.html);
    const early = await post(at(live, "/recordings"), { intent: "notify-ask", audience: "all" });
    expect(early.html).toContain("活動尚未舉行");
    expectChinese("recording too early", early.html);
  });

  it("when a registration is refused and added by hand, then decided, and when the registrants are emailed", async () => {
    const refused = await post(at(live, "/registrations"), { intent: "add", name: "", email: "not-an-email", timeZone: "Mars/Base" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("請輸入有效的電郵地址");
    expectChinese("registration refused", refused.html);
    const added = await post(at(live, "/registrations"), { intent: "add", name: "李小明", email: "xiaoming@example.hk", timeZone: "Asia/Hong_Kong" });
    expect(added.html).toContain("已新增 李小明（待審批）；對方會收到電郵。");
    expectChinese("registration added", added.html);
    expectChinese("registrations with a pending row", (await consolePage(at(live, "/registrations"), "zh-Hant")).html);
    const id = /name="registrationId" value="([\w-]+)"/.exec(added.html)![1]!;
    const approved = await post(at(live, "/registrations"), { intent: "approve", registrationId: id });
    expect(approved.html).toContain("已批准 李小明；對方會收到電郵。");
    expectChinese("registration approved", approved.html);
    const asked = await post(at(live, "/registrations"), { intent: "cancel-ask", registrationId: id });
    expectChinese("registration cancel asked", asked.html);

    const empty = await post(at(live, "/messages"), { intent: "preview", audience: "active" });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain("請輸入主旨");
    expectChinese("message refused", empty.html);
    const preview = await post(at(live, "/messages"), { intent: "preview", audience: "confirmed", subject: "會議連結", body: "明天見。" });
    expect(preview.html).toContain("預覽：1 位收件人");
    expectChinese("message preview", preview.html);
    const messageId = /name="messageId" value="([\w-]+)"/.exec(preview.html)![1]!;
    const sent = await post(at(live, "/messages"), { intent: "send", audience: "confirmed", subject: "會議連結", body: "明天見。", messageId, expectedCount: "1" });
    expect(sent.html).toContain("已寄出：1 位登記者會經寄件匣收到「會議連結」。");
    expectChinese("message sent", sent.html);
    const listed = await consolePage(at(live, "/messages"), "zh-Hant");
    expect(listed.html).toContain("已電郵 1 位登記者（只限已確認）：「會議連結」");
    expectChinese("messages sent so far", listed.html);
  });

  it("when a draft is deleted only after the box is ticked", async () => {
    const refused = await post(at(draft, "?index"), { intent: "delete" });
    expect(refused.html).toContain("請剔選方格以確認刪除草稿。");
    expectChinese("delete refused", refused.html);
    const published = await post(at(draft, "?index"), { intent: "publish" });
    expect(published.html).toContain("已發布：活動已在公開網站上。");
    expectChinese("published", published.html);
  });
});

describe("the same pages in Swedish, and in English", () => {
  it.each([
    ["", ["Översikt", "Program", "Anmälningar", "Mejla anmälda", "Dela med en annan arrangör", "Ställ in evenemanget", "Publicerat"]],
    ["/edit", ["Uppgifter", "Visningszon 1", "Antal platser", "Webbinarielänk (privat)", "Spara ändringarna"]],
    ["/agenda", ["visas i varje visningszon (Asia/Hong Kong, Europe/Stockholm)", "Lägg till en programpunkt", "Föredrag", "Talare", "Börjar före evenemanget"]],
    ["/questions", ["Anmälningsfrågor", "Enkelval", "Lägg till fråga"]],
    ["/recordings", ["Inspelningar", "Lägg till en inspelningslänk", "Publicera på evenemangets sida nu"]],
    ["/registrations", ["Lägg till en anmälan för hand", "Exportera CSV", "Alla statusar"]],
    ["/messages", ["Skriv ett meddelande", "Bara bekräftade", "Förhandsgranska"]],
  ])("reads %s in Swedish", async (tail, phrases) => {
    const { html } = await consolePage(at(live, tail), "sv");
    for (const phrase of phrases) expect(html).toContain(phrase);
  });

  it("refuses in Swedish", async () => {
    const refused = await post(at(live, "/questions"), { intent: "add", kind: "short_text", label: "" }, "sv");
    expect(refused.html).toContain("Skriv frågan");
    expect(refused.html).toContain("Rätta de markerade fälten.");
  });

  it.each([
    ["", ["Overview", "Email registrants", "Share with another organizer (their account email)", "Cancel the event", "Published"]],
    ["/edit", ["Details", "Display zone 1", "Webinar link (private)", "Save changes"]],
    ["/agenda", ["Add a segment", "Fill sequentially from the start", "Starts before the event does"]],
    ["/questions", ["Registration questions", "Single choice, required", "Add question"]],
    ["/recordings", ["Add a recording link", "Published links: it will show on the public page once the event has ended."]],
    ["/registrations", ["Add a registration by hand", "Export CSV", "Any status"]],
    ["/messages", ["Write a message", "Confirmed only", "Sent so far"]],
  ])("keeps %s in English for an English reader, word for word", async (tail, phrases) => {
    const { html } = await consolePage(at(live, tail), "en");
    for (const phrase of phrases) expect(html).toContain(phrase);
  });
});
