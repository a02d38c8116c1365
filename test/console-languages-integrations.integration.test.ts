// The console's integrations in the organizer's language, through the production build:
// the dashboard with its outbox and undelivered messages, API tokens, webhooks with their
// delivery log, the built-in mailbox and the audit logs. Read in 繁體中文 over data written
// only in Chinese, no Latin word may be left in what a reader sees or hears, except names
// every language shares, code (tokens, headers, event types), addresses, and the audit
// log's summaries, which are records kept as they were written.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEvent } from "~db/factories";
import { and, eq } from "drizzle-orm";
import { renderEmail } from "~emails/render";
import type { SpeakerChangesProps } from "~emails/speaker-changes";
import { queueSpeakerChangeDigests } from "~/speakers/speaker-digest.server";
import { auditLog, emailOutbox, eventOrganizers, mailboxMessages, users, webhookEndpoints } from "~db/schema";
import { loadProductionBuild, startHttpApp, type RunningApp } from "./support/http-app";
import { signedInOrganizer } from "./support/organizer";
import { perceivable, ZONE_ABBREVIATION } from "./support/perceivable-text";
import { createTestDatabase, type TestDatabase } from "./support/test-database";

const DAY = 86_400_000;
/** Names and terms that read the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(["Podium", "English", "Svenska", "API", "URL", "HTTPS", "JSON", "README", "Standard", "Webhooks", "Webhook", "HTML", "HTTP", "webhook-id"]);

let database: TestDatabase;
let app: RunningApp;
let cookie: string;
let eventId: string;
let deadId: string;
let messageId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startHttpApp(database.db, await loadProductionBuild());
  // An admin sees every page of the area, the instance's audit log included.
  const chair = await signedInOrganizer(database.db, { email: "chair@hkust.hk", name: "主席", role: "admin" });
  cookie = chair.cookie;
  const startsAt = new Date(Date.now() + 10 * DAY);
  const event = await createEvent(database.db, {
    title: "城市交通的未來",
    slug: "chinese-upcoming",
    defaultLocale: "zh-Hant",
    startsAt,
    endsAt: new Date(startsAt.getTime() + 75 * 60_000),
    homeZone: "Asia/Hong_Kong",
    displayZones: ["Asia/Hong_Kong"],
    capacity: 100,
  });
  eventId = event.id;
  await database.db.insert(eventOrganizers).values({ eventId, userId: chair.user.id });
  const [dead] = await database.db
    .insert(emailOutbox)
    .values({ dedupeKey: "dead/1", template: "registration-confirmed", toEmail: "xiaoming@example.hk", props: {}, eventId, status: "dead", attempts: 8, lastError: "伺服器拒絕" })
    .returning();
  deadId = dead!.id;
  const [message] = await database.db
    .insert(mailboxMessages)
    .values({ outboxId: randomUUID(), fromAddress: "podium@example.hk", toAddress: "xiaoming@example.hk", subject: "登記成功：城市交通的未來", html: "<p>你好</p>", text: "你的名額已經確認。" })
    .returning();
  messageId = message!.id;
});
afterAll(async () => {
  await app?.close();
  await database?.destroy();
});


// Code and preformatted data (tokens, payloads) are shown as they are.
const perceivableOf = (html: string) => perceivable(html, { drop: [/<code\b[\s\S]*?<\/code>/gi, /<pre\b[\s\S]*?<\/pre>/gi] });

/** Latin words left once addresses, zone abbreviations, shared names and the audit log's records are set aside. */
async function englishWords(html: string): Promise<string[]> {
  let text = perceivableOf(html);
  for (const { summary } of await database.db.select({ summary: auditLog.summary }).from(auditLog)) text = text.split(summary).join(" ");
  // Addresses, and IANA zone identifiers (a name every language shares).
  text = text.replace(/https?:\/\/\S+/g, " ").replace(/[\w.+-]+@[\w.-]+/g, " ").replace(/\b[A-Z][A-Za-z]+\/[A-Za-z_/]+/g, " ");
  const words = text.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g) ?? [];
  return [...new Set(words.filter((word) => !SAME_IN_EVERY_LANGUAGE.has(word) && !ZONE_ABBREVIATION.test(word)))];
}

async function page(path: string, language = "zh-Hant", init: RequestInit = {}) {
  const response = await fetch(`${app.base}${path}`, {
    redirect: "manual",
    ...init,
    headers: { Cookie: `${cookie}; podium_lang=${language}; podium-tz=Asia/Hong_Kong`, Accept: "text/html", ...init.headers },
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}

function post(path: string, fields: Record<string, string> | [string, string][], language = "zh-Hant") {
  return page(path, language, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://podium.test" },
    body: new URLSearchParams(fields),
  });
}

async function expectNoEnglish(what: string, html: string) {
  const english = await englishWords(html);
  if (english.length) console.log(what, english, perceivableOf(html).replace(/\s+/g, " ").slice(0, 4000));
  expect({ what, english }).toEqual({ what, english: [] });
}

describe("the console's integrations in 繁體中文", () => {
  it("the dashboard: events, the outbox, an undelivered message retried, and nothing left to retry", async () => {
    const dashboard = await page("/admin");
    expect(dashboard.status).toBe(200);
    for (const phrase of ["主辦單位控制台", "主席，歡迎你。", "電郵寄件匣", "排隊中：0", "未能送達：1", "登記成功", "伺服器拒絕", "郵件會寄到內置郵箱"]) expect(dashboard.html).toContain(phrase);
    expect(dashboard.html).toContain("<title>主辦單位控制台 — Podium</title>");
    await expectNoEnglish("/admin", dashboard.html);

    const retried = await post("/admin?index", { intent: "retry", id: deadId });
    expect(retried.status).toBe(200);
    expect(retried.html).toContain("已重新排隊，系統會在數秒內再嘗試寄出。");
    await expectNoEnglish("/admin retry", retried.html);

    const nothing = await post("/admin?index", { intent: "retry-all" });
    expect(nothing.status).toBe(404);
    expect(nothing.html).toContain("你沒有未能送達而需要重試的郵件。");
    await expectNoEnglish("/admin retry-all", nothing.html);
  });

  it("API tokens: the page, a refused form, a new token and its revocation", async () => {
    const tokens = await page("/admin/api-tokens");
    expect(tokens.status).toBe(200);
    expect(tokens.html).toContain("<title>API 權杖 — Podium</title>");
    await expectNoEnglish("/admin/api-tokens", tokens.html);

    const refused = await post("/admin/api-tokens", { name: "", scope: "read", events: "chosen" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("請以使用它的系統為權杖命名");
    expect(refused.html).toContain("請剔選最少一個活動，或選擇你的所有活動");
    await expectNoEnglish("/admin/api-tokens refused", refused.html);

    const created = await post("/admin/api-tokens", [
      ["name", "學系網站"],
      ["scope", "write"],
      ["events", "chosen"],
      ["eventIds", eventId],
    ]);
    expect(created.status).toBe(200);
    expect(created.html).toContain("已建立「學系網站」。請立即複製權杖：它不會再次顯示。");
    expect(created.html).toContain("讀寫");
    await expectNoEnglish("/admin/api-tokens created", created.html);

    const tokenId = /name="tokenId" value="([0-9a-f-]{36})"/.exec(created.html)![1]!;
    const revoked = await post("/admin/api-tokens", { intent: "revoke", tokenId });
    expect(revoked.html).toContain("已撤銷「學系網站」。");
    expect(revoked.html).toMatch(/已於 .+ 撤銷/);
    await expectNoEnglish("/admin/api-tokens revoked", revoked.html);
  });

  it("webhooks: the list, a refused endpoint, a new one, its page, a test event and disabling it", async () => {
    const list = await page("/admin/webhooks");
    expect(list.status).toBe(200);
    expect(list.html).toContain("有人由輪候名單獲得名額");
    await expectNoEnglish("/admin/webhooks", list.html);

    const refused = await post("/admin/webhooks", { url: "", eventTypes: "registration.created" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("請輸入 Podium 應傳送到的網址");
    await expectNoEnglish("/admin/webhooks refused", refused.html);

    const local = await post("/admin/webhooks", { url: "https://intranet/hook", eventTypes: "registration.created" });
    expect(local.status).toBe(400);
    expect(local.html).toContain("請使用公開的主機名稱");

    const created = await post("/admin/webhooks", [
      ["url", "https://hooks.example.hk/podium"],
      ["description", "學系系統"],
      ["eventTypes", "registration.created"],
      ["eventTypes", "event.updated"],
    ]);
    expect(created.status).toBe(200);
    expect(created.html).toContain("其簽署密鑰只會在此顯示一次");
    await expectNoEnglish("/admin/webhooks created", created.html);

    const [endpoint] = await database.db.select().from(webhookEndpoints);
    const path = `/admin/webhooks/${endpoint!.id}`;
    const tested = await post(path, { intent: "test" });
    expect(tested.html).toContain("測試事件已排隊，數秒內會出現在下面的記錄中。");
    expect(tested.html).toContain("等候中");
    await expectNoEnglish(`${path} test`, tested.html);

    const disabled = await post(path, { intent: "disable" });
    expect(disabled.html).toContain("已停用：在你重新啟用前，系統不會傳送任何內容。");
    expect(disabled.html).toContain("已停用：由 主席 停用。");
    await expectNoEnglish(`${path} disabled`, disabled.html);

    const endpointPage = await page(path);
    expect(endpointPage.html).toContain("<title>Webhook 端點 — Podium</title>");
    await expectNoEnglish(path, endpointPage.html);

    // Disabled by the worker after days of failures: the stored reason is worded again, its date in Chinese.
    await database.db.update(webhookEndpoints).set({ disabledReason: "Failing since 2026-12-01T10:00:00.000Z; last: HTTP 500" });
    const failing = await page(path);
    expect(failing.html).toContain("已停用：自 2026年12月1日（星期二）18:00 HKT 起出現故障；最近一次：HTTP 500。");
    await expectNoEnglish(`${path} failing`, failing.html);
  });

  it("the mailbox and one of its messages", async () => {
    const mailbox = await page("/admin/mailbox");
    expect(mailbox.html).toContain("收件人：xiaoming@example.hk");
    await expectNoEnglish("/admin/mailbox", mailbox.html);
    const message = await page(`/admin/mailbox/${messageId}`);
    expect(message.html).toContain("<title>登記成功：城市交通的未來 — 郵箱 — Podium</title>");
    expect(message.html).toContain("純文字");
    await expectNoEnglish("/admin/mailbox/:id", message.html);
  });

  it("the instance's audit log and an event's, actions named in Chinese", async () => {
    const instance = await page("/admin/audit");
    expect(instance.status).toBe(200);
    expect(instance.html).toContain("建立 API 權杖");
    expect(instance.html).toContain("新增 Webhook 端點");
    await expectNoEnglish("/admin/audit", instance.html);

    await database.db.insert(auditLog).values({ eventId, actorUserId: null, actorLabel: "Speaker: 陳偉", action: "speaker.confirmed", summary: "陳偉 confirmed taking part" });
    const eventLog = await page(`/admin/events/${eventId}/audit`);
    expect(eventLog.status).toBe(200);
    // The event's own tabs belong to the event pages; this test reads the log's section.
    const section = /<section aria-labelledby="audit-title">[\s\S]*?<\/section>/.exec(eventLog.html)![0];
    expect(section).toContain("講者：陳偉");
    expect(section).toContain("講者確認參與");
    await expectNoEnglish("/admin/events/:id/audit", section);
  });
});

describe("the console's integrations in Svenska and English", () => {
  it.each([
    ["/admin", ["Arrangörskonsol", "Välkommen, 主席.", "Utkorg för e-post", "Posten går till den inbyggda brevlådan"]],
    ["/admin/api-tokens", ["API-nycklar", "Ny nyckel", "Skapa nyckel", "Endast läsa"]],
    ["/admin/webhooks", ["Webhookar", "Lägg till mottagare", "Händelsetyper", "Alla dina evenemang"]],
    ["/admin/mailbox", ["Brevlåda", "Till xiaoming@example.hk"]],
    ["/admin/audit", ["Granskningslogg", "Vem som ändrade vad"]],
  ])("reads %s in Swedish", async (path, phrases) => {
    const { status, html } = await page(path, "sv");
    expect(status).toBe(200);
    for (const phrase of phrases) expect(html).toContain(phrase);
  });

  it("keeps English for an English reader, word for word", async () => {
    const dashboard = await page("/admin", "en");
    for (const phrase of ["Organizer console", "Welcome, 主席.", "Email outbox", "Undelivered: 0", "Mail goes to the built-in mailbox, with no rate limit."]) expect(dashboard.html).toContain(phrase);
    const tokens = await page("/admin/api-tokens", "en");
    for (const phrase of ["API tokens", "Create token", "Read-only", "All my events (and ones I add later)"]) expect(tokens.html).toContain(phrase);
    const refused = await post("/admin/api-tokens", { name: "", scope: "read", events: "all" }, "en");
    expect(refused.html).toContain("Name the token after what will use it");
    const webhooks = await page("/admin/webhooks", "en");
    for (const phrase of ["Your endpoints", "Add endpoint", "Someone moved up from the waitlist into a seat", "Disabled"]) expect(webhooks.html).toContain(phrase);
    const audit = await page("/admin/audit", "en");
    for (const phrase of ["Audit log", "API token created", "Who changed what, newest first"]) expect(audit.html).toContain(phrase);
  });
});

describe("the speakers' digest to the organizers", () => {
  it("is written in the language the organizer uses the console in", async () => {
    // Signed in from an English page, the organizer switches the console to 繁體中文: their account keeps it.
    expect((await database.db.select({ locale: users.locale }).from(users).where(eq(users.email, "chair@hkust.hk")))[0]!.locale).toBe("en");
    const switched = await fetch(`${app.base}/language`, {
      method: "POST",
      redirect: "manual",
      headers: { Cookie: cookie, Origin: "http://podium.test", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ lang: "zh-Hant", returnTo: "/admin" }),
    });
    expect(switched.status).toBe(303);
    expect((await database.db.select({ locale: users.locale }).from(users).where(eq(users.email, "chair@hkust.hk")))[0]!.locale).toBe("zh-Hant");
    // The audit test above recorded 陳偉's answer; the digest goes out once the speakers are quiet.
    const queued = await queueSpeakerChangeDigests(database.db, { now: new Date(Date.now() + 11 * 60_000), links: { origin: "http://podium.test" } });
    expect(queued).toBe(1);
    const [row] = await database.db.select().from(emailOutbox).where(and(eq(emailOutbox.eventId, eventId), eq(emailOutbox.template, "speaker-changes")));
    expect(row!.props).toMatchObject({ locale: "zh-Hant", changes: [{ who: "陳偉", summary: "陳偉 已確認參與" }] });
    const rendered = await renderEmail({ template: "speaker-changes", props: row!.props as unknown as SpeakerChangesProps });
    expect(rendered.subject).toBe("講者更新了 1 項資料：城市交通的未來");
    expect(rendered.text).toContain("主席，你好：");
    expect(rendered.text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  });
});
