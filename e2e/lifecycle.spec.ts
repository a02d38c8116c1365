// Issue 11's three walks, in Chromium, ending the way an attendee expects:
// a raised capacity seats the waitlist (and emails the person moved up), a
// re-registration's invite supersedes the cancellation, and moving an event
// moves its public programme with it in every zone.
import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectAccessibleAtEveryWidth, signIn } from "./fixtures";




/** A published event created through the console, 17:00 HKT, shown in CET and HKT; returns its public path. */
async function publishedEvent(page: Page, { title, capacity, agenda = false }: { title: string; capacity?: number; agenda?: boolean }) {
  await page.goto("/admin/events/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Start date").fill("2027-12-09");
  await page.getByLabel("Start time").fill("17:00");
  await page.getByLabel("Time zone the start is entered in").fill("Asia/Hong_Kong");
  await page.getByLabel("Duration in minutes").fill("60");
  await page.getByLabel("Display zone 1").fill("Europe/Stockholm");
  await page.getByLabel("Display zone 2").fill("Asia/Hong_Kong");
  if (capacity !== undefined) await page.getByLabel("Capacity").fill(String(capacity));
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Draft created. Build the agenda, then publish.");
  if (agenda) {
    await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Agenda" }).click();
    const form = page.getByRole("form", { name: "Add a segment" });
    await form.getByLabel("Title").fill("Opening keynote");
    await form.getByLabel("Start").fill("17:00");
    await form.getByLabel("Minutes").fill("30");
    await form.getByRole("button", { name: "Add segment" }).click();
    await expect(page.getByRole("status")).toHaveText("Added “Opening keynote”.");
    await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Overview" }).click();
  }
  await page.getByRole("button", { name: "Publish event" }).click();
  await expect(page.getByRole("status")).toHaveText("Published: the event is on the public site.");
  return (await page.getByRole("link", { name: /^\/events\// }).getAttribute("href"))!;
}

async function register(browser: Browser, path: string, { name, email }: { name: string; email: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(path);
  const form = page.getByRole("region", { name: "Register" });
  await form.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await form.getByRole("textbox", { name: "Email", exact: true }).fill(email);
  await form.getByRole("checkbox", { name: /I agree/ }).check();
  await form.getByRole("button", { name: /Register|Join the waitlist/ }).click();
  await expect(page).toHaveURL(/\/r\/[A-Za-z0-9_-]{43}\?welcome=1$/);
  return { page, close: () => context.close() };
}

/** The newest mailbox message to this address with this subject, opened. */
async function openNewestMail(page: Page, { to, subject }: { to: string; subject: string }, count = 1) {
  const messages = page.getByRole("listitem").filter({ hasText: to }).filter({ hasText: subject });
  await expect(async () => {
    await page.goto("/admin/mailbox");
    await expect(messages).toHaveCount(count, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await messages.first().getByRole("link").click();
}

async function inviteSequence(page: Page): Promise<{ method: string; sequence: number }> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "invite.ics" }).click();
  const text = await readFile((await (await download).path())!, "utf8");
  return { method: /METHOD:(\w+)/.exec(text)![1]!, sequence: Number(/SEQUENCE:(\d+)/.exec(text)![1]) };
}

test("raising capacity seats the first person waiting and emails her", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const run = `${testInfo.project.name}-${Date.now()}`;
  const title = `Capacity walk ${run}`;
  await signIn(page);
  const path = await publishedEvent(page, { title, capacity: 1 });
  const kim = await register(browser, path, { name: "Kim Larsson", email: `kim-${run}@example.edu` });
  await expect(kim.page.getByText("You are registered.")).toBeVisible();
  await kim.close();
  const lea = await register(browser, path, { name: "Lea Chan", email: `lea-${run}@example.edu` });
  await expect(lea.page.getByText("You are number 1 on the waitlist.")).toBeVisible();
  await expectAccessibleAtEveryWidth(lea.page);

  // The console shows the same number, and says what promoting by hand means.
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Registrations" }).click();
  await expect(page.getByRole("row").filter({ hasText: "Lea Chan" })).toContainText("Waitlisted (#1)");
  await expect(page.getByText("it jumps the queue")).toBeVisible();
  await expectAccessibleAtEveryWidth(page);

  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Details" }).click();
  await page.getByLabel("Capacity").fill("2");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText("Changes saved. 1 person moved up from the waitlist into the freed seats and will be emailed.");
  await expectAccessibleAtEveryWidth(page);

  await lea.page.reload();
  await expect(lea.page.getByText("You are registered.")).toBeVisible();
  await lea.close();
  await openNewestMail(page, { to: `lea-${run}@example.edu`, subject: `A seat is yours: ${title}` });
  expect((await inviteSequence(page)).method).toBe("REQUEST");
});

test("a re-registration's invite supersedes the cancellation", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const run = `${testInfo.project.name}-${Date.now()}`;
  const title = `Re-registration walk ${run}`;
  const email = `ana-${run}@example.edu`;
  await signIn(page);
  const path = await publishedEvent(page, { title });

  const first = await register(browser, path, { name: "Ana Ruiz", email });
  await first.page.getByRole("link", { name: "Cancel my registration" }).click();
  await first.page.getByRole("button", { name: "Yes, cancel my registration" }).click();
  await expect(first.page.getByRole("status")).toContainText("Your registration is cancelled");
  await first.close();
  const again = await register(browser, path, { name: "Ana Ruiz", email });
  await expect(again.page.getByText("You are registered.")).toBeVisible();
  await expectAccessibleAtEveryWidth(again.page);
  await again.close();

  await openNewestMail(page, { to: email, subject: `Registration cancelled: ${title}` });
  const cancel = await inviteSequence(page);
  await openNewestMail(page, { to: email, subject: `You are registered: ${title}` }, 2);
  const request = await inviteSequence(page);
  expect(cancel.method).toBe("CANCEL");
  expect(request.method).toBe("REQUEST");
  expect(request.sequence).toBeGreaterThan(cancel.sequence);
  await expectAccessibleAtEveryWidth(page);
});

test("moving a published event moves its public programme in every zone", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  const title = `Move walk ${testInfo.project.name}-${Date.now()}`;
  await signIn(page);
  const path = await publishedEvent(page, { title, agenda: true });

  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Details" }).click();
  await page.getByLabel("Start time").fill("18:00");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText("Changes saved. The programme moved with the event: 1 agenda segment now starts 1 hour later.");
  await expectAccessibleAtEveryWidth(page);

  await page.goto(path);
  const keynote = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Opening keynote" }) });
  await expect(keynote).toContainText("11:00 – 11:30 CET");
  await expect(keynote).toContainText("18:00 – 18:30 HKT");
  await expect(keynote).not.toContainText("17:00");
  await expectAccessibleAtEveryWidth(page);
});
