// The organizer console in 繁體中文 and Svenska (issue 14), in Chromium: an organizer signs
// in, switches the console's language with the switcher every page carries, and walks
// every area of the console in it. Each page is in that language (<html lang>, its heading)
// and passes axe at desktop and phone width with nothing to scroll sideways.
import { expect, test, type Page } from "@playwright/test";
import { expectAccessibleAtEveryWidth, signIn } from "./fixtures";

const LANGUAGES = [
  { locale: "zh-Hant", name: "繁體中文", events: "你的活動", overview: "概覽", people: "人物", tokens: "API 權杖" },
  { locale: "sv", name: "Svenska", events: "Dina evenemang", overview: "Översikt", people: "Personer", tokens: "API-nycklar" },
] as const;

async function expectPage(page: Page, path: string, locale: string, heading?: string) {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
  if (heading) await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expectAccessibleAtEveryWidth(page);
}

for (const language of LANGUAGES) {
  test(`an organizer works in the console in ${language.name}`, async ({ page }) => {
    test.setTimeout(300_000);
    await signIn(page, "/admin/events");
    await page.getByRole("button", { name: language.name }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", language.locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(language.events);

    // An event's own pages, reached through its tabs.
    await page.locator("a.mailbox-list__subject").first().click();
    await expect(page.getByRole("heading", { level: 2, name: language.overview })).toBeVisible();
    const eventPath = new URL(page.url()).pathname;
    for (const tab of ["", "/edit", "/agenda", "/questions", "/translations", "/registrations", "/messages", "/recordings", "/audit"]) {
      await expectPage(page, `${eventPath}${tab}`, language.locale);
    }
    await expectPage(page, "/admin", language.locale);
    await expectPage(page, "/admin/events/new", language.locale);
    await expectPage(page, "/admin/people", language.locale, language.people);
    await expectPage(page, "/admin/people/new", language.locale);
    await expectPage(page, "/admin/series", language.locale);
    await expectPage(page, "/admin/organizations", language.locale);
    await expectPage(page, "/admin/users", language.locale);
    await expectPage(page, "/admin/api-tokens", language.locale, language.tokens);
    await expectPage(page, "/admin/webhooks", language.locale);
    await expectPage(page, "/admin/mailbox", language.locale);
    await expectPage(page, "/admin/audit", language.locale);
  });
}
