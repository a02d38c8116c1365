import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./fixtures";

// axe on a machine shared with other test runs can take a while.
test.describe.configure({ timeout: 60_000 });

// After a failed sign-in, pressing the mouse on "Sign in" blurs the password field.
// Nothing may move under the pointer between that mousedown and the click: if the
// error banner vanished on blur, the button jumped and the click landed on nothing.
test("a second try after a wrong password signs in with one press of the mouse", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("organizer@podium.demo");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const banner = page.getByRole("alert");
  await expect(banner).toHaveText("Email or password is incorrect.");
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByLabel("Password").fill("podium-demo-2026");
  const button = page.getByRole("button", { name: "Sign in" });
  const before = await button.boundingBox();
  expect(before).not.toBeNull();
  await page.mouse.move(before!.x + before!.width / 2, before!.y + before!.height / 2);
  await page.mouse.down();
  // A person holds the button for a moment: long enough for anything blur sets off to render.
  await page.waitForTimeout(250);
  expect(await button.boundingBox()).toEqual(before);
  await expect(banner).toBeVisible();
  await page.mouse.up();
  await expect(page).toHaveURL(/\/admin$/);
});

test("the same holds when the second try leaves the password empty: the click still submits", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("organizer@podium.demo");
  await page.getByLabel("Password").fill("wrong again");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");

  const password = page.getByLabel("Password");
  await password.fill("");
  await password.focus();
  const button = page.getByRole("button", { name: "Sign in" });
  const before = await button.boundingBox();
  await page.mouse.move(before!.x + before!.width / 2, before!.y + before!.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(250);
  expect(await button.boundingBox()).toEqual(before);
  await page.mouse.up();
  // The click reached the button: the empty password is flagged next to its field.
  await expect(page.getByText("Enter your password")).toBeVisible();
  await expectNoAxeViolations(page);
});
