// Signing in through the university: Chromium, Podium and a real OpenID Connect provider
// (e2e/support/sso-app.ts). Runs in its own project against its own server, so "sign out
// everywhere" here never ends another spec's session.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./fixtures";

test.describe.configure({ timeout: 180_000 });

test("a university person signs in with the provider, lands in the console, and signs out everywhere", async ({ page, browser }) => {
  await page.goto("/login");
  const button = page.getByRole("button", { name: "Sign in with Example University" });
  await expect(button).toBeVisible();
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  // First sign-in: the account is made just in time, named as the provider knows her.
  await button.click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByText("Signed in as Ada Lovelace (organizer)")).toBeVisible();

  // A second browser of hers, signed in the same way, is ended by "sign out everywhere".
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/login");
  await otherPage.getByRole("button", { name: "Sign in with Example University" }).click();
  await expect(otherPage).toHaveURL(/\/admin$/);

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/$/);
  await otherPage.goto("/admin");
  await expect(otherPage).toHaveURL(/\/login/);
  await other.close();

  // Signing in again finds the same account (linked by the provider's subject), not a new one.
  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Example University" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByText("Signed in as Ada Lovelace (organizer)")).toBeVisible();
});

test("without JavaScript the provider's button still signs in", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login?redirectTo=%2Fadmin%2Fevents");
  await page.getByRole("button", { name: "Sign in with Example University" }).click();
  await expect(page).toHaveURL(/\/admin\/events$/);
  await context.close();
});
