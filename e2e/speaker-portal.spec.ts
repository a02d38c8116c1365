// A speaker keeps their own details current, as the issue describes it: the
// organizer invites them from the agenda, the speaker opens the link from the
// email (in a browser with JavaScript off, at the project's width), confirms,
// renames their talk, rewrites their bio and takes their sessions' .ics; the
// public page and the organizer's agenda show it at once.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ical from "node-ical";
import { expectNoAxeViolations, expectNoHorizontalScroll, signIn } from "./fixtures";


// Each project takes its own speaker of the seeded robotics webinar, so the runs do not meet.
const SPEAKERS = {
  desktop: { name: "Michael WANG", display: "Prof. Michael WANG", talk: "Optimization for dexterous grasping" },
  phone: { name: "Danica KRAGIC", display: "Prof. Danica KRAGIC", talk: "Representations robots can learn from" },
} as const;


test("an invited speaker confirms, renames their talk and updates their bio through their private link", async ({ page, browser }, testInfo) => {
  test.setTimeout(150_000);
  const speaker = SPEAKERS[testInfo.project.name as keyof typeof SPEAKERS];
  const speakerEmail = `${speaker.name.split(" ")[0]!.toLowerCase()}-${Date.now()}@speakers.example.edu`;
  const newTitle = `${speaker.talk}: what changed in 2026`;

  await signIn(page);
  // The directory entry needs an email before an invitation can go out.
  await page.goto(`/admin/people?q=${encodeURIComponent(speaker.name.split(" ")[1]!)}`);
  await page.getByRole("link", { name: `Edit ${speaker.display}` }).click();
  await page.getByLabel("Email").fill(speakerEmail);
  await page.getByRole("button", { name: /Save/ }).click();
  await expect(page.getByRole("status")).toContainText("Saved");

  await page.goto("/admin/events");
  await page.getByRole("link", { name: "Robotic Manipulation: Representation and Optimization" }).click();
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Agenda" }).click();
  await page.getByRole("button", { name: `Invite ${speaker.display}` }).click();
  await expect(page.getByRole("status")).toHaveText(`Invited ${speaker.name}; the email is on its way.`);
  const talk = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: speaker.talk, exact: true }) });
  await expect(talk).toContainText("invited");
  await expectNoAxeViolations(page);

  // The invitation in the built-in mailbox carries the private link.
  const message = page.getByRole("listitem").filter({ hasText: speakerEmail }).filter({ hasText: "Speaker invitation: Robotic Manipulation" });
  await expect(async () => {
    await page.goto("/admin/mailbox");
    await expect(message).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await message.getByRole("link").click();
  const mailText = await page.locator("pre.mail-text").innerText();
  expect(mailText).toContain(speaker.talk);
  const portalPath = /\/speak\/[A-Za-z0-9_-]{43}/.exec(mailText)![0];

  // The speaker, in their own browser without JavaScript.
  const speakerContext = await browser.newContext({ javaScriptEnabled: false, ...(testInfo.project.use.viewport ? { viewport: testInfo.project.use.viewport } : {}) });
  const portal = await speakerContext.newPage();
  await portal.goto(portalPath);
  await expect(portal.getByRole("heading", { level: 1 })).toHaveText("Robotic Manipulation: Representation and Optimization");
  await expect(portal.getByText("Please confirm that you will take part.")).toBeVisible();
  await portal.getByRole("button", { name: "Confirm I will take part" }).click();
  await expect(portal.getByRole("status")).toHaveText("Thank you: you have confirmed.");

  const session = portal.getByRole("region", { name: speaker.talk });
  await session.getByLabel("Talk title").fill(newTitle);
  await session.getByRole("button", { name: "Save talk details" }).click();
  await expect(portal.getByRole("status")).toHaveText("Saved; the public event page shows it now.");
  await portal.getByLabel("Short biography").fill(`${speaker.name} builds robots that learn. Updated by the speaker.`);
  await portal.getByLabel("Your time zone").selectOption("Asia/Hong_Kong");
  await portal.getByRole("button", { name: "Save profile" }).click();
  await expect(portal.getByRole("status")).toHaveText("Your profile is saved; the public pages show it now.");
  await expect(portal.getByText("(your time)").first()).toBeVisible();
  await expect(portal.locator("body")).toContainText("HKT (your time)");

  const download = portal.waitForEvent("download");
  await portal.getByRole("link", { name: "Add your sessions to your calendar (.ics)" }).click();
  const ics = await readFile((await (await download).path())!, "utf8");
  const sessions = Object.values(ical.sync.parseICS(ics)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
  expect(sessions.map((s) => String(s.summary))).toEqual([expect.stringContaining(newTitle)]);

  await portal.goto("/events/robotic-manipulation");
  await expect(portal.locator("body")).toContainText(newTitle);
  await speakerContext.close();

  // axe runs inside the page, so it checks the portal in a browser with JavaScript, at the project's width.
  await page.goto(portalPath);
  await expect(page.getByText("You have confirmed that you will take part. Thank you!")).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  // The organizer sees the confirmation and the change.
  await page.goto("/admin/events");
  await page.getByRole("link", { name: "Robotic Manipulation: Representation and Optimization" }).click();
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Agenda" }).click();
  const renamed = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: newTitle, exact: true }) });
  await expect(renamed).toContainText("confirmed");
  await expect(renamed).toContainText(`Last change by them: ${speaker.name} updated their`);
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.locator("table")).toContainText(`Speaker: ${speaker.name}`);
  await expect(page.locator("table")).toContainText(`changed the title “${speaker.talk}” → “${newTitle}”`);
});

test("a speaker link that does not exist gets a clear page and no data", async ({ page }) => {
  const response = await page.goto(`/speak/${"A".repeat(43)}`);
  expect(response?.status()).toBe(404);
  await expect(page.locator("body")).toContainText("This speaker link is not valid.");
  await expectNoAxeViolations(page);
});
