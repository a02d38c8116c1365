// The interface in English, 繁體中文 and Svenska, as readers meet it: a Hong Kong
// browser gets Traditional Chinese from its first request and its emails follow;
// a visitor switches language without JavaScript; the shared page cache never
// hands one language's page to another's reader; axe passes in every language.
import { readFileSync } from "node:fs";
import ical from "node-ical";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, expectNoAxeViolations, expectNoHorizontalScroll } from "./fixtures";

const EVENT = "/events/robotic-manipulation";
const TITLE = "Robotic Manipulation: Representation and Optimization";

/** English sentences of three words or more from the catalogue, {{variables}} cut out. */
function englishSentences(): string[] {
  const english = JSON.parse(readFileSync(new URL("../app/i18n/catalogues/en.json", import.meta.url), "utf8")) as Record<string, unknown>;
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === "string") {
      for (const part of node.split(/\{\{[^}]+\}\}/)) if (part.trim().split(/\s+/).length >= 3) found.push(part.trim());
    } else if (node && typeof node === "object") Object.values(node).forEach(walk);
  };
  walk(english);
  return found;
}

async function expectNoEnglishLeft(page: Page) {
  const text = await page.locator("body").innerText();
  expect(englishSentences().filter((sentence) => text.includes(sentence))).toEqual([]);
}

test.describe("a reader in Hong Kong", () => {
  test.use({ locale: "zh-HK", timezoneId: "Asia/Hong_Kong" });

  test("reads the HKUST × KTH webinar in Traditional Chinese, registers, and gets the email and invite in Chinese", async ({ page, browser }, testInfo) => {
    await page.goto(EVENT);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-Hant");
    await expect(page.getByRole("heading", { name: "活動流程" })).toBeVisible();
    // The demo event has a Chinese title: the page, the email and the invite all read it.
    const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    expect(title).not.toBe(TITLE);
    // "2026年12月3日（星期四）09:00 – 10:00 CET；16:00 – 17:00 HKT": Stockholm leads, Hong Kong follows, in Hong Kong's way.
    const when = page.getByRole("complementary", { name: "日期及時間" });
    await expect(when.locator(".event-times__date")).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日（星期[一二三四五六日]）$/);
    await expect(when.locator(".event-times__zones li").first()).toHaveText(/09:00 – 10:00 CES?T/);
    await expect(when.locator(".event-times__zones li").nth(1)).toHaveText(/1[56]:00 – 1[67]:00 HKT/);
    await expect(when.getByText("你的時間")).toBeVisible();
    await expectNoEnglishLeft(page);
    await expectNoAxeViolations(page);

    const register = page.getByRole("region", { name: "登記" });
    await register.getByRole("button", { name: "登記" }).click();
    await expect(register.getByText("請輸入你的姓名")).toBeVisible();
    await expect(register.getByText("請同意私隱聲明")).toBeVisible();

    const email = `zh-${testInfo.project.name}-${Date.now()}@example.edu.hk`;
    await register.getByRole("textbox", { name: "姓名", exact: true }).fill("陳大文");
    await register.getByRole("textbox", { name: "電郵", exact: true }).fill(email);
    await register.getByRole("checkbox", { name: /我同意/ }).check();
    await register.getByRole("button", { name: "登記" }).click();
    await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{43}\?welcome=1$/);
    await expect(page.getByRole("status")).toContainText("陳大文，多謝你");
    await expect(page.getByText("你已成功登記。")).toBeVisible();
    const shownHkTime = (await page.locator(".event-times__viewer").innerText()).match(/(\d\d:\d\d) – \d\d:\d\d HKT/)?.[1];
    expect(shownHkTime).toMatch(/^1[56]:00$/);
    await expectNoEnglishLeft(page);
    await expectNoAxeViolations(page);

    // The organizer reads the built-in mailbox in English; the message itself is the registrant's.
    const organizer = await browser.newContext({ locale: "en-GB" });
    const mailbox = await organizer.newPage();
    await mailbox.goto("/admin/mailbox");
    await mailbox.getByRole("textbox", { name: "Email" }).fill(DEMO.email);
    await mailbox.getByLabel("Password").fill(DEMO.password);
    await mailbox.getByRole("button", { name: "Sign in" }).click();
    await expect(mailbox).toHaveURL(/\/admin\/mailbox$/);
    const message = mailbox.getByRole("listitem").filter({ hasText: email });
    await expect(async () => {
      await mailbox.reload();
      await expect(message).toHaveCount(1, { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await message.getByRole("link").click();
    await expect(mailbox.getByRole("heading", { level: 1 })).toHaveText(`登記成功：${title}`);
    const body = mailbox.locator("pre.mail-text");
    await expect(body).toContainText("陳大文，你好：");
    await expect(body).toContainText("你的名額已經確認");
    await expect(body).toContainText(`${shownHkTime} – `);
    await expect(body).toContainText("HKT（你的時間）");
    await expect(body).toContainText(/09:00 – 10:00 CES?T；/);

    const download = mailbox.waitForEvent("download");
    await mailbox.getByRole("link", { name: "invite.ics" }).click();
    const invite = readFileSync((await (await download).path())!, "utf8");
    const [vevent] = Object.values(ical.sync.parseICS(invite)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
    expect(String(vevent!.summary)).toBe(title);
    expect(String(vevent!.description)).toContain("管理你的登記");
    // The invite's start is the instant the page and the email showed, 15:00 or 16:00 in Hong Kong.
    const startInHongKong = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Hong_Kong", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(vevent!.start);
    expect(startInHongKong).toBe(shownHkTime);
    await organizer.close();
  });
});

test("a visitor switches to Svenska without JavaScript, and the choice stays", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(EVENT);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const switcher = page.getByRole("form", { name: "Language" });
  await switcher.getByRole("button", { name: "Svenska" }).click();
  await expect(page).toHaveURL(new RegExp(`${EVENT}$`));
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.getByRole("heading", { name: "Program", exact: true })).toBeVisible();
  await expect(page.getByRole("form", { name: "Språk" }).getByRole("button", { name: "Svenska" })).toHaveAttribute("aria-current", "true");
  await expect(page.locator(".event-times__zones li").first()).toHaveText(/^09:00–10:00 CES?T$/);
  await expectNoEnglishLeft(page);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Kommande evenemang" })).toBeVisible();
  await expectNoEnglishLeft(page);
  await page.getByRole("form", { name: "Språk" }).getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Upcoming events" })).toBeVisible();
  await context.close();
});

test("public pages name their other languages, and the page cache keeps languages apart", async ({ page, request }) => {
  await page.goto(EVENT);
  const alternates = page.locator('head link[rel="alternate"][hreflang]');
  await expect(alternates).toHaveCount(4);
  await expect(page.locator('head link[hreflang="sv"]')).toHaveAttribute("href", new RegExp(`${EVENT}\\?lang=sv$`));
  await expect(page.locator('head link[hreflang="x-default"]')).toHaveAttribute("href", new RegExp(`${EVENT}$`));

  const langOf = async (headers: Record<string, string>) => {
    const response = await request.get(EVENT, { headers });
    expect(response.headers()["vary"]).toContain("Accept-Language");
    return /<html lang="([^"]+)"/.exec(await response.text())?.[1];
  };
  // Twice each, in turn: the second answer of each comes from the cache.
  for (let round = 0; round < 2; round += 1) {
    expect(await langOf({ Cookie: "podium_lang=zh-Hant" })).toBe("zh-Hant");
    expect(await langOf({ Cookie: "podium_lang=sv" })).toBe("sv");
    expect(await langOf({ "Accept-Language": "zh-HK,zh;q=0.9" })).toBe("zh-Hant");
    expect(await langOf({ "Accept-Language": "sv-SE" })).toBe("sv");
    expect(await langOf({ Cookie: "podium_lang=sv", "Accept-Language": "zh-HK" })).toBe("sv");
  }
  const swedishByParam = await request.get(`${EVENT}?lang=sv`, { headers: { "Accept-Language": "zh-HK" } });
  expect(await swedishByParam.text()).toContain('<html lang="sv"');
});

for (const locale of ["en", "zh-Hant", "sv"] as const) {
  test(`axe passes in ${locale} on the public pages`, async ({ page, context, baseURL }) => {
    await context.addCookies([{ name: "podium_lang", value: locale, url: baseURL! }]);
    for (const path of ["/", EVENT]) {
      await page.goto(path);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expectNoAxeViolations(page);
      await expectNoHorizontalScroll(page);
    }
  });
}
