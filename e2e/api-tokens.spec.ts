// Issue 13 in Chromium: an organizer creates an API token, sees it once, uses it (a request
// from the test), sees when it was last used, and revokes it; the token page and the API
// reference pass axe and fit a phone's width.
import { expect, test } from "@playwright/test";
import { expectAccessibleAtEveryWidth, expectNoAxeViolations, signIn } from "./fixtures";



test("an organizer creates a token, uses it once, sees it used, and revokes it", async ({ page, request }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const consoleNav = page.getByRole("navigation", { name: "Organizer console" });
  // One section per item: two links in one item ran together as "API tokensWebhooks" on a phone.
  for (const item of await consoleNav.getByRole("listitem").all()) await expect(item.getByRole("link")).toHaveCount(1);
  await consoleNav.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expectAccessibleAtEveryWidth(page);

  // A mistake first: the name is required, said next to the field.
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("Name the token after what will use it")).toBeVisible();

  const name = `Department website ${Date.now()}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Access").selectOption("read");
  await page.getByRole("button", { name: "Create token" }).click();
  const secretBox = page.getByLabel("Your new token");
  await expect(secretBox).toBeVisible();
  const secret = await secretBox.inputValue();
  expect(secret).toMatch(/^podium_pat_[A-Za-z0-9_-]{43}$/);
  await expectNoAxeViolations(page);

  // Shown once: a fresh visit lists the token by its first characters only.
  await page.goto("/admin/api-tokens");
  await expect(page.getByLabel("Your new token")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(secret.slice(0, 17));
  await expect(row).toContainText("Never");

  const used = await request.get("/api/v1/events?when=upcoming", { headers: { Authorization: `Bearer ${secret}` } });
  expect(used.status()).toBe(200);
  expect((await used.json()).data.length).toBeGreaterThan(0);

  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: name })).not.toContainText("Never");

  await page.getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByText(`Revoked “${name}”`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Revoked");
  const refused = await request.get("/api/v1/events", { headers: { Authorization: `Bearer ${secret}` } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
});

test("the API reference reads without JavaScript and passes axe", async ({ browser, page }) => {
  // Every operation and schema on one page: axe has thousands of nodes to check.
  test.setTimeout(120_000);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto("/api");
  await expect(plain.getByRole("heading", { name: /Podium API/ })).toBeVisible();
  await expect(plain.getByRole("heading", { name: "Register someone" })).toBeVisible();
  await context.close();
  // axe runs as a script in the page, which never finishes where JavaScript is off: the same page, checked with it on.
  await page.goto("/api");
  await expectAccessibleAtEveryWidth(page);
});
