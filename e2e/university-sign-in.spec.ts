// Signing in without a password: the emailed link on the demo server (no provider configured).
// The OpenID Connect flow in Chromium is e2e/university-sign-in-sso.spec.ts (a server with a
// provider of its own); over HTTP, with every refusal, test/sign-in.integration.test.ts.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll, DEMO } from "./fixtures";

// axe on a machine shared with other test runs can take a while.
test.describe.configure({ timeout: 240_000 });


async function signInWithPassword(page: Page) {
  await page.goto("/login?redirectTo=%2Fadmin%2Fmailbox");
  await page.getByRole("textbox", { name: "Email" }).fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/mailbox$/);
}

test("the login page offers a password and an emailed link, passes axe, reads on a phone and works without JavaScript", async ({ page, browser }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 800 });
  await expectNoHorizontalScroll(page);

  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto("/login");
  await plain.getByRole("textbox", { name: "Email" }).fill("nobody-here@example.edu");
  await plain.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(plain.getByRole("status")).toContainText("If nobody-here@example.edu belongs to an organizer account, a sign-in link is on its way.");
  await noScript.close();
  // axe runs as a script in the page, which never finishes where JavaScript is off: the answer, checked with it on.
  await page.getByRole("textbox", { name: "Email" }).fill("nobody-here@example.edu");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText("If nobody-here@example.edu belongs to an organizer account, a sign-in link is on its way.");
  await expectNoAxeViolations(page);
});

test("a sign-in link from the mailbox opens the console once, only in the browser that asked", async ({ page, browser }) => {
  await page.goto("/login");
  await page.getByRole("textbox", { name: "Email" }).fill(DEMO.email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toContainText(`If ${DEMO.email} belongs to an organizer account`);

  // Read the link in the built-in mailbox from another browser (signed in with the password).
  const reader = await browser.newContext();
  const mailbox = await reader.newPage();
  await signInWithPassword(mailbox);
  const message = mailbox.getByRole("listitem").filter({ hasText: "Your Podium sign-in link" });
  await expect(async () => {
    await mailbox.reload();
    await expect(message.first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await message.first().getByRole("link").first().click();
  const text = await mailbox.locator("pre.mail-text").innerText();
  const link = /http:\/\/\S+\/login\/link\/[A-Za-z0-9_-]{43}/.exec(text)![0];

  // Another browser cannot use it, and does not use it up.
  await mailbox.goto(link);
  await expect(mailbox.getByRole("heading", { level: 1 })).toHaveText("Open this link in the browser where you asked for it");
  await reader.close();

  await page.goto(link);
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This sign-in link no longer works");
  await expectNoAxeViolations(page);
});
