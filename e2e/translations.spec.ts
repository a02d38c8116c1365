// Content in three languages (issue 14 item 3), in Chromium at desktop and phone width:
// an organizer translates beside the English text and sees the result on the Swedish
// page; a Hong Kong browser gets the Chinese page; a field without translation falls
// back whole to the source language with the right language marked. Axe runs on the
// translation editor (with JavaScript: axe hangs without it).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessibleAtEveryWidth, signIn } from "./fixtures";

/** The language a screen reader would read this element in: its own lang or its nearest ancestor's. */
function languageOf(locator: Locator) {
  return locator.evaluate((element) => element.closest("[lang]")?.getAttribute("lang") ?? null);
}

async function openTranslations(page: Page, eventTitle: string, language: string) {
  await page.goto("/admin/events");
  await page.getByRole("link", { name: eventTitle }).click();
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Translations", exact: true }).click();
  await page.getByRole("navigation", { name: "Languages" }).getByRole("link", { name: language }).click();
  await expect(page).toHaveURL(/\/translations\?into=/);
}

test("an organizer retitles an event in Swedish and Swedish readers see it, with the untranslated summary in English", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const swedishTitle = `Robotar som greppar: representation och optimering (${testInfo.project.name})`;
  await signIn(page);
  await openTranslations(page, "Robotic Manipulation: Representation and Optimization", "Svenska");

  const eventFields = page.getByRole("group", { name: "Event" });
  // The English source sits beside each field.
  await expect(eventFields.getByText("Robotic Manipulation: Representation and Optimization", { exact: true })).toBeVisible();
  await expect(eventFields.getByLabel("Title (Svenska)")).toHaveValue("Robotmanipulation: representation och optimering");
  await eventFields.getByLabel("Title (Svenska)").fill(swedishTitle);
  await eventFields.getByLabel("Summary (Svenska)").fill("");
  await expectAccessibleAtEveryWidth(page);
  await page.getByRole("button", { name: "Save Swedish" }).click();
  await expect(page.getByText("Saved the Swedish text.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Languages" })).toContainText("1 missing");

  // The overview names what Swedish readers will get in English.
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Overview", exact: true }).click();
  await expect(page.getByRole("list", { name: "Missing in Swedish" })).toHaveText("Summary");

  // A Swedish reader (by the address here; by cookie below) sees the new title, marked Swedish.
  const reader = await browser.newContext({ locale: "en-GB", baseURL: testInfo.project.use.baseURL });
  const swedish = await reader.newPage();
  await swedish.goto("/events/robotic-manipulation?lang=sv");
  const heading = swedish.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(swedishTitle);
  expect(await languageOf(heading)).toBe("sv");
  // No Swedish summary any more: the English one, whole, read as English.
  const summary = swedish.locator(".event-page__summary");
  await expect(summary).toHaveText("HKUST × KTH Joint Webinar from the jointly funded RoMRO project");
  expect(await languageOf(summary)).toBe("en");
  // Segments keep their Swedish titles.
  await expect(swedish.getByRole("heading", { name: "Frågor från publiken" })).toBeVisible();
  expect(await languageOf(swedish.getByRole("heading", { name: "Frågor från publiken" }))).toBe("sv");

  await reader.addCookies([{ name: "podium_lang", value: "sv", url: new URL("/", swedish.url()).toString() }]);
  await swedish.goto("/events/robotic-manipulation");
  await expect(swedish.getByRole("heading", { level: 1 })).toHaveText(swedishTitle);
  await swedish.goto("/");
  await expect(swedish.getByRole("link", { name: swedishTitle })).toBeVisible();
  await reader.close();
});

test("a Hong Kong browser reads the KTH–HKUST webinar in Traditional Chinese", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ locale: "zh-HK", baseURL: testInfo.project.use.baseURL });
  const page = await context.newPage();
  await page.goto("/events/responding-to-covid-19");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("應對2019冠狀病毒病：從生命科學角度看診斷、大規模檢測及疫苗研發");
  expect(await languageOf(heading)).toBe("zh-Hant");
  await expect(page.locator(".event-page__summary")).toHaveText("香港科技大學 × 瑞典皇家理工學院聯合網絡研討會");
  await expect(page.getByRole("heading", { name: "專題討論", exact: true })).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ name: "應對2019冠狀病毒病：從生命科學角度看診斷、大規模檢測及疫苗研發", inLanguage: "zh-Hant" });
  const ics = await (await page.request.get("/events/responding-to-covid-19.ics", { headers: { "Accept-Language": "zh-HK" } })).text();
  expect(ics).toContain("SUMMARY:應對2019冠狀病毒病");
  await context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a question's options are translated whole or not at all, with the error beside them and the input kept", async ({ page }) => {
    await signIn(page);
    await openTranslations(page, "Graphene Membranes for Clean Energy", "繁體中文");
    const question = page.getByRole("group", { name: /^Registration question 1/ });
    await question.getByLabel("Option 1, “University”, in Traditional Chinese").fill("大專院校");
    await question.getByLabel("Option 2, “Industry”, in Traditional Chinese").fill("");
    await page.getByRole("button", { name: "Save Traditional Chinese" }).click();
    await expect(page.getByText("Translate every option, or leave them all empty to show the source language's")).toBeVisible();
    await expect(question.getByLabel("Option 1, “University”, in Traditional Chinese")).toHaveValue("大專院校");
    await question.getByLabel("Option 2, “Industry”, in Traditional Chinese").fill("業界");
    await page.getByRole("button", { name: "Save Traditional Chinese" }).click();
    await expect(page.getByText("Saved the Traditional Chinese text.")).toBeVisible();

    await page.goto("/events/graphene-membranes-for-clean-energy?lang=zh-Hant");
    const choices = page.getByRole("group", { name: /你在哪類機構工作？/ });
    await expect(choices.getByText("大專院校")).toBeVisible();
    // The answer stored is still the source option, so the export reads the same in every language.
    await expect(choices.locator('input[value="University"]')).toHaveCount(1);
  });
});

test("a series and a speaker are translated on pages of their own, which pass axe and fit the screen", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  await signIn(page);
  await page.goto("/admin/series");
  await page.getByRole("link", { name: "Edit HKUST × KTH Joint Webinars" }).click();
  await page.getByRole("link", { name: "Translations of the title and description" }).click();
  await page.getByRole("navigation", { name: "Languages" }).getByRole("link", { name: "Svenska" }).click();
  await expect(page.getByRole("group", { name: "Series" }).getByLabel("Title (Svenska)")).toHaveValue("Gemensamma webbinarier HKUST × KTH");
  await expectAccessibleAtEveryWidth(page);

  await page.goto("/admin/people");
  await page.getByRole("link", { name: "Edit Prof. Erik JENELIUS" }).click();
  await page.getByRole("link", { name: "Translations of the position and biography" }).click();
  const position = `Docent i transportplanering (${testInfo.project.name})`;
  await page.getByRole("navigation", { name: "Languages" }).getByRole("link", { name: "Svenska" }).click();
  await page.getByLabel("Position (Svenska)").fill(position);
  await page.getByRole("button", { name: "Save Swedish" }).click();
  await expect(page.getByText("Saved the Swedish text.")).toBeVisible();
  await expectAccessibleAtEveryWidth(page);

  const reader = await browser.newContext({ locale: "sv-SE", baseURL: testInfo.project.use.baseURL });
  const swedish = await reader.newPage();
  await swedish.goto("/speakers/erik-jenelius");
  await expect(swedish.getByText(position)).toBeVisible();
  // The name and affiliation stay as published.
  await expect(swedish.getByRole("heading", { level: 1 })).toHaveText("Prof. Erik JENELIUS");
  await reader.close();
});
