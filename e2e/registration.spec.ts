import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./fixtures";

const EVENT = "/events/robotic-manipulation";

async function fillRegistration(page: Page, { name, email }: { name: string; email: string }) {
  await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await page.getByRole("checkbox", { name: /I agree/ }).check();
}

test("a visitor registers, sees their page, and cancels", async ({ page }, testInfo) => {
  const email = `e2e-${testInfo.project.name}-${Date.now()}@example.edu`;
  await page.goto(EVENT);
  const register = page.getByRole("region", { name: "Register" });
  await expect(register).toContainText("seats left");
  await expectNoAxeViolations(page);

  await register.getByRole("button", { name: "Register" }).click();
  await expect(register.getByText("Enter your name")).toBeVisible();
  await expect(register.getByText("Please agree to the privacy notice")).toBeVisible();

  await fillRegistration(page, { name: "Ann Östlund", email });
  await register.getByRole("button", { name: "Register" }).click();
  await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{43}\?welcome=1$/);
  await expect(page.getByRole("status")).toContainText("Thank you, Ann Östlund");
  await expect(page.getByText("You are registered.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Your details" }).getByText("Europe/Stockholm")).toBeVisible();
  await expectNoAxeViolations(page);
  await expectNoHorizontalScroll(page);

  await page.getByRole("link", { name: "Cancel my registration" }).click();
  await page.getByRole("button", { name: "Yes, cancel my registration" }).click();
  await expect(page.getByRole("status")).toContainText("Your registration is cancelled");
  await expect(page.getByText("You cancelled this registration.")).toBeVisible();
});

test("registering twice with the same email does not duplicate", async ({ page }, testInfo) => {
  const email = `twice-${testInfo.project.name}-${Date.now()}@example.edu`;
  await page.goto(EVENT);
  await fillRegistration(page, { name: "Erik Jenelius", email });
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page).toHaveURL(/\/r\//);

  await page.goto(EVENT);
  await fillRegistration(page, { name: "Erik Jenelius", email: email.toUpperCase() });
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("status")).toContainText("You are already registered");
});

test("registration works with JavaScript off", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(EVENT);
  await fillRegistration(page, { name: "No Script", email: `nojs-${testInfo.project.name}-${Date.now()}@example.edu` });
  // Without JavaScript the browser has not told us its zone, so the person types one.
  await page.getByRole("combobox", { name: "Your time zone" }).fill("Stockholm");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page).toHaveURL(/\/r\//);
  await expect(page.getByText("You are registered.")).toBeVisible();
  await context.close();
});

test("the server refuses bad input with a clear 400 and writes nothing", async ({ request }) => {
  const response = await request.post(EVENT, {
    form: { name: "x".repeat(10_000), email: "<script>alert(1)</script>", timeZone: "Mars/Base", consent: "on" },
    headers: { Origin: test.info().project.use.baseURL ?? "" },
  });
  expect(response.status()).toBe(400);
  const body = await response.text();
  expect(body).toContain("Keep your name under 200 characters");
  expect(body).toContain("Enter a valid email address");
  expect(body).toContain("Choose a time zone from the list");
  expect(body).not.toContain("<script>alert(1)</script>");
});

test("a cross-site form post is refused", async ({ request }) => {
  const response = await request.post(EVENT, {
    form: { name: "Mallory", email: "mallory@example.com", timeZone: "UTC", consent: "on" },
    headers: { Origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
});

test("custom questions are asked, answered, and editable from the registrant's page", async ({ page }, testInfo) => {
  await page.goto("/events/graphene-membranes-for-clean-energy");
  await fillRegistration(page, { name: "Carina Lagergren", email: `questions-${testInfo.project.name}-${Date.now()}@example.edu` });
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("Please answer “Where do you work?”")).toBeVisible();
  await page.getByRole("radio", { name: "University" }).check();
  await page.getByRole("textbox", { name: /A question for the panel/ }).fill("How thin is thin enough?");
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page).toHaveURL(/\/r\//);
  const details = page.getByRole("region", { name: "Your details" });
  await expect(details).toContainText("Where do you work?University");
  await expect(details).toContainText("How thin is thin enough?");

  await details.getByRole("link", { name: "Edit my details" }).click();
  await details.getByRole("radio", { name: "Industry" }).check();
  await details.getByRole("combobox", { name: "Your time zone" }).fill("Hong Kong");
  await expectNoAxeViolations(page);
  await details.getByRole("button", { name: "Save my details" }).click();
  await expect(page.getByRole("status")).toContainText("Your details are saved.");
  await expect(details).toContainText("Where do you work?Industry");
  await expect(page.getByRole("region", { name: "When" })).toContainText(/Your time \w+, \d+ \w+ \d{4}, 17:00 – 18:15 HKT/);
});
