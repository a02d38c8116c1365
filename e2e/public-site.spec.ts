import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ical from "node-ical";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./fixtures";

// The browser runs in Europe/Stockholm (playwright.config.ts), so "Your time" is CET.

test("the home page lists upcoming events and past recordings", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Webinars from universities and research alliances");
  const upcoming = page.getByRole("region", { name: "Upcoming events" });
  // Soonest first: the three seeded upcoming webinars lead (other specs may add later ones).
  await expect(upcoming.getByRole("article").nth(0)).toContainText("Graphene Membranes for Clean Energy");
  await expect(upcoming.getByRole("article").nth(1)).toContainText("Internet of Things for Intelligent Buildings and Transportation");
  await expect(upcoming.getByRole("article").nth(2)).toContainText("Robotic Manipulation: Representation and Optimization");
  const past = page.getByRole("region", { name: "Past events" });
  await expect(
    past.getByRole("link", { name: "Biases, Norms and Culture: A Framework for Understanding Our Responses to a Pandemic", exact: true }),
  ).toBeVisible();
  await expect(past.getByRole("link", { name: /Watch the recording of Biases, Norms and Culture/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
});

test("an event page shows the published times, the visitor's time and the recording", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /^Responding to COVID-19/ }).click();
  await expect(page).toHaveURL(/\/events\/responding-to-covid-19$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Responding to COVID-19");
  const when = page.getByRole("complementary", { name: "Date and time" });
  await expect(when).toContainText("Thursday, 3 December 2020");
  await expect(when.getByText("10:00 – 11:15 CET", { exact: true })).toBeVisible();
  await expect(when.getByText("17:00 – 18:15 HKT", { exact: true })).toBeVisible();
  await expect(when).toContainText("Your time Thursday, 3 December 2020, 10:00 – 11:15 CET");
  await expect(page.getByRole("link", { name: "Watch the recording" })).toHaveAttribute("href", /2020-12-03/);
  await expect(page.getByText("HKUST × KTH").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
});

test("the panel programme lists every speaker with role and affiliation", async ({ page }) => {
  await page.goto("/events/biases-norms-and-culture");
  const programme = page.getByRole("region", { name: "Programme" });
  await expect(programme.getByRole("heading", { level: 3 })).toHaveText([
    "Opening Remarks",
    "Behavioural Biases and Our Responses to Pandemics",
    "Impact of COVID-19 on Public Transport Use in Stockholm",
    "Science of SARS-CoV-2 Transmission and Measures for Public Health Protection in the New Norms During Pandemic",
    "How the Corona Pandemic Changes Our Habits of How We Use the City and Public Space",
    "Panel discussion",
  ]);
  await expect(programme.locator(".agenda__people li", { hasText: "Prof. Naubahar SHARIF" })).toContainText("Moderator");
  await expect(page.getByRole("complementary", { name: "Date and time" })).toContainText("10:30 – 11:45 CEST");
  await programme.getByRole("link", { name: "Prof. Erik JENELIUS" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prof. Erik JENELIUS");
  await expect(page.getByText("Impact of COVID-19 on Public Transport Use in Stockholm")).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the calendar download parses to the same instants as the page", async ({ page }) => {
  await page.goto("/events/graphene-membranes-for-clean-energy");
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download \.ics/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("graphene-membranes-for-clean-energy.ics");
  const text = await readFile((await download.path())!, "utf8");
  const [vevent] = Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
  expect(vevent!.start.toISOString()).toBe(new Date(jsonLd.startDate).toISOString());
  expect(vevent!.end!.toISOString()).toBe(new Date(jsonLd.endDate).toISOString());
  await expect(page.getByRole("link", { name: /Add to Google Calendar/ })).toHaveAttribute("href", /calendar\.google\.com/);
  await expectNoAxeViolations(page);
});

test("a visitor in Los Angeles sees their own time and the day it falls on", async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: "America/Los_Angeles", locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/events/responding-to-covid-19");
  await expect(page.getByRole("complementary", { name: "Date and time" })).toContainText(
    "Your time Thursday, 3 December 2020, 01:00 – 02:15 PST",
  );
  await context.close();
});

test("pages work with JavaScript off", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("link", { name: /Biases, Norms and Culture/ }).first().click();
  await expect(page.getByRole("complementary", { name: "Date and time" })).toContainText("16:30 – 17:45 HKT");
  await page.getByRole("link", { name: "Navigating a World of Disruption" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Navigating a World of Disruption");
  // No "Your time" without JavaScript: the zone comes from the browser. The organizers' zones are all there.
  await expect(page.getByText("Your time")).toHaveCount(0);
  await context.close();
});

test("series pages pass axe", async ({ page }) => {
  await page.goto("/series/hkust-kth-joint-webinars");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("HKUST × KTH Joint Webinars");
  await expectNoAxeViolations(page);
});

test("an unknown page is a friendly 404", async ({ page }) => {
  const response = await page.goto("/events/this-does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectNoAxeViolations(page);
});

test("event pages answer a conditional GET with 304", async ({ request }) => {
  const first = await request.get("/events/biases-norms-and-culture");
  expect(first.status()).toBe(200);
  const etag = first.headers()["etag"];
  expect(etag).toBeTruthy();
  const second = await request.get("/events/biases-norms-and-culture", { headers: { "If-None-Match": etag! } });
  expect(second.status()).toBe(304);
  expect(await second.body()).toHaveLength(0);
});
