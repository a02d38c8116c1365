import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The demo organizer every fresh demo database has (see the README). */
export const DEMO = { email: "organizer@podium.demo", password: "podium-demo-2026" };

/** Opens `path` signed out, signs in as the demo organizer on the login page it leads to, and lands back on `path`. */
export async function signIn(page: Page, path = "/admin") {
  await page.goto(path);
  await page.getByRole("textbox", { name: "Email" }).fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[/?]/g, "\\$&")}$`));
}

/** Every page we ship must pass axe (WCAG 2.1 A and AA rules) with no violations. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary).toEqual([]);
}

const PHONE_VIEWPORT = { width: 390, height: 844 };

/**
 * axe and no sideways scroll at the test's own viewport and, when that is wider, at a phone's
 * width too. The console's specs run once, in the desktop project (the phone project walks the
 * attendee's and speaker's pages), so this is how every console page is still read on a phone.
 */
export async function expectAccessibleAtEveryWidth(page: Page) {
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);
  const size = page.viewportSize();
  if (!size || size.width <= PHONE_VIEWPORT.width) return;
  await page.setViewportSize(PHONE_VIEWPORT);
  try {
    await expectNoAxeViolations(page);
    await expectNoHorizontalScroll(page);
  } finally {
    await page.setViewportSize(size);
  }
}

/** The page must not be wider than the viewport: nothing to scroll sideways on a phone. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
