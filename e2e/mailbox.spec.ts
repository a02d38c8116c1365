import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import ical from "node-ical";
import { DEMO, expectAccessibleAtEveryWidth, expectNoAxeViolations } from "./fixtures";


test("signed-out visitors are sent to sign in, and a wrong password is refused", async ({ page }) => {
  await page.goto("/admin/mailbox");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fmailbox$/);
  await expectNoAxeViolations(page);
  await page.getByRole("textbox", { name: "Email" }).fill(DEMO.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
});

test("a registration's confirmation email, with its invite, arrives in the mailbox", async ({ page, browser }, testInfo) => {
  const email = `mailbox-${testInfo.project.name}-${Date.now()}@example.edu`;
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto("/events/iot-for-intelligent-buildings");
  await visitorPage.getByRole("textbox", { name: "Name", exact: true }).fill("Danica Kragic");
  await visitorPage.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await visitorPage.getByRole("checkbox", { name: /I agree/ }).check();
  await visitorPage.getByRole("button", { name: "Register" }).click();
  await expect(visitorPage.getByText("You are registered.")).toBeVisible();
  const manageUrl = visitorPage.url().replace(/\?.*$/, "");
  await visitor.close();

  await page.goto("/admin/mailbox");
  await page.getByRole("textbox", { name: "Email" }).fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/mailbox$/);

  const message = page.getByRole("listitem").filter({ hasText: email });
  await expect(async () => {
    await page.reload();
    await expect(message).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expectAccessibleAtEveryWidth(page);
  await message.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    "You are registered: Internet of Things for Intelligent Buildings and Transportation",
  );
  await expect(page.locator("pre.mail-text")).toContainText(manageUrl);
  await expect(page.locator("pre.mail-text")).toContainText("(your time)");
  await expectNoAxeViolations(page);
  const html = await page.request.get(await page.getByRole("link", { name: "Open the HTML version" }).getAttribute("href") ?? "");
  expect(html.headers()["content-security-policy"]).toContain("sandbox");
  expect(await html.text()).toContain(manageUrl);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "invite.ics" }).click();
  const invite = await readFile((await (await download).path())!, "utf8");
  expect(invite).toContain("METHOD:REQUEST");
  const [vevent] = Object.values(ical.sync.parseICS(invite)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
  expect(vevent!.uid).toMatch(/^registration-[0-9a-f-]{36}@podium\.events$/);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  // Signing out lands on the home page; going elsewhere before that would cancel the sign-out's POST.
  await expect(page).toHaveURL(/:\d+\/$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/login/);
});
