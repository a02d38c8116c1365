// The organizer's whole job, as a new organizer would do it in Chromium: sign in
// with the printed demo account, create an HKUST × KTH webinar typed in Hong Kong
// time and shown in CET and HKT, build its panel agenda, publish it, approve a
// registration from another browser, move the event by an hour and watch the
// update (with its new invite) arrive, then publish the recording and tell people.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import ical from "node-ical";
import { expectAccessibleAtEveryWidth, signIn } from "./fixtures";




async function openMail(page: Page, { to, subject }: { to: string; subject: string }) {
  const message = page.getByRole("listitem").filter({ hasText: to }).filter({ hasText: subject });
  await expect(async () => {
    await page.goto("/admin/mailbox");
    await expect(message).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await message.getByRole("link").click();
}

async function downloadInvite(page: Page): Promise<ical.VEvent & { sequence?: string | number }> {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "invite.ics" }).click();
  const text = await readFile((await (await download).path())!, "utf8");
  const [vevent] = Object.values(ical.sync.parseICS(text)).filter((c): c is ical.VEvent => c?.type === "VEVENT");
  return Object.assign(vevent!, { method: /METHOD:(\w+)/.exec(text)?.[1], sequenceText: /SEQUENCE:(\d+)/.exec(text)?.[1] });
}

test("an organizer creates, programmes, publishes, moves and follows up a joint webinar", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const title = `HKUST × KTH: Quantum Materials (${testInfo.project.name})`;
  const registrant = `e2e-organizer-${testInfo.project.name}-${Date.now()}@example.edu`;

  await signIn(page);
  await expectAccessibleAtEveryWidth(page);
  await page.getByRole("link", { name: "New event" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("New event");

  await page.getByLabel("Title").fill(title);
  // The description's preview follows the typing, sanitised as the public page will show it.
  await page.getByLabel("Description").fill("A joint **HKUST × KTH** webinar <img src=x onerror=alert(1)>");
  await expect(page.getByRole("region", { name: "Description preview" }).locator("strong")).toHaveText("HKUST × KTH");
  await expect(page.getByRole("region", { name: "Description preview" }).locator("img")).toHaveCount(0);
  await page.getByLabel("Start date").fill("2027-12-02");
  await page.getByLabel("Start time").fill("17:00");
  await page.getByLabel("Time zone the start is entered in").fill("Asia/Hong_Kong");
  await page.getByLabel("Duration in minutes").fill("75");
  await page.getByLabel("Display zone 1").fill("Europe/Stockholm");
  await page.getByLabel("Display zone 2").fill("Asia/Hong_Kong");
  // The same instant in both zones, recomputed as the organizer types.
  await expect(page.locator(".zone-preview")).toContainText("Thursday, 2 December 2027, 10:00 – 11:15 CET (Europe/Stockholm)");
  await expect(page.locator(".zone-preview")).toContainText("Thursday, 2 December 2027, 17:00 – 18:15 HKT (Asia/Hong Kong)");
  await page.getByLabel("Capacity").fill("100");
  await page.getByLabel("Registrations wait for an organizer's approval").check();
  await page.getByLabel("Webinar link (private)").fill("https://zoom.example/j/123456");
  await expectAccessibleAtEveryWidth(page);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("status")).toHaveText("Draft created. Build the agenda, then publish.");
  await expect(page.getByText("Thursday, 2 December 2027 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT")).toBeVisible();
  await expectAccessibleAtEveryWidth(page);

  // The panel agenda: opening remarks, three talks and a moderated discussion.
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Agenda" }).click();
  const segments: [string, string, string][] = [
    ["Opening remarks", "Welcome from HKUST and KTH", "10"],
    ["Talk", "Topological insulators", "15"],
    ["Talk", "2D magnets", "15"],
    ["Talk", "Quantum sensing", "15"],
    ["Panel discussion", "Moderated discussion", "20"],
  ];
  for (const [kind, segmentTitle, minutes] of segments) {
    const form = page.getByRole("form", { name: "Add a segment" });
    await form.getByLabel("Kind").selectOption({ label: kind });
    await form.getByLabel("Title").fill(segmentTitle);
    await form.getByLabel("Start").fill("17:00");
    await form.getByLabel("Minutes").fill(minutes);
    await form.getByRole("button", { name: "Add segment" }).click();
    await expect(page.getByRole("status")).toHaveText(`Added “${segmentTitle}”.`);
  }
  // All five start at 17:00, so they overlap until laid end to end.
  await expect(page.getByRole("list", { name: "Warnings for Quantum sensing" })).toContainText("Overlaps “2D magnets”");
  await page.getByRole("button", { name: "Fill sequentially from the start" }).click();
  await expect(page.getByRole("list", { name: /Warnings for/ })).toHaveCount(0);
  const discussion = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Moderated discussion" }) });
  await expect(discussion).toContainText("10:55 – 11:15 CET");
  await expect(discussion).toContainText("17:55 – 18:15 HKT");
  await discussion.getByText("Add a person to “Moderated discussion”").click();
  await discussion.getByLabel("Person").selectOption({ label: "Prof. Danica KRAGIC (KTH)" });
  await discussion.getByLabel("Role").selectOption("moderator");
  await discussion.getByRole("button", { name: "Add person" }).click();
  await expect(page.getByRole("status")).toHaveText("Added Danica KRAGIC to “Moderated discussion”.");
  await expect(discussion).toContainText("Moderator: Prof. Danica KRAGIC, KTH");
  await page.getByRole("button", { name: "Move up: Quantum sensing" }).click();
  await expect(page.getByRole("status")).toHaveText("Moved “Quantum sensing” up.");
  await expectAccessibleAtEveryWidth(page);

  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Overview" }).click();
  await page.getByRole("button", { name: "Publish event" }).click();
  await expect(page.getByRole("status")).toHaveText("Published: the event is on the public site.");
  const publicPath = (await page.getByRole("link", { name: /^\/events\// }).getAttribute("href"))!;

  // Another browser: the public page in both zones, and a registration.
  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(publicPath);
  await expect(visitorPage.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(visitorPage.locator("body")).toContainText("10:00 – 11:15 CET");
  await expect(visitorPage.locator("body")).toContainText("17:00 – 18:15 HKT");
  await expect(visitorPage.locator("body")).toContainText("Moderated discussion");
  await visitorPage.getByRole("textbox", { name: "Name", exact: true }).fill("Åsa Östlund");
  await visitorPage.getByRole("textbox", { name: "Email", exact: true }).fill(registrant);
  await visitorPage.getByRole("checkbox", { name: /I agree/ }).check();
  await visitorPage.getByRole("button", { name: "Request a seat" }).click();
  await expect(visitorPage.getByText("Your registration is waiting for the organizers' approval.")).toBeVisible();
  await visitor.close();

  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Registrations" }).click();
  await expect(page.getByRole("list", { name: "Registrations by status" })).toContainText("Pending: 1");
  await expectAccessibleAtEveryWidth(page);
  await page.getByRole("button", { name: "Approve Åsa Östlund" }).click();
  await expect(page.getByRole("status")).toHaveText("Approved Åsa Östlund; they will be emailed.");
  await expect(page.getByRole("list", { name: "Registrations by status" })).toContainText("Confirmed: 1 of 100");

  await openMail(page, { to: registrant, subject: `Approved: ${title}` });
  const firstInvite = await downloadInvite(page);

  // Move the event by an hour: the registrant gets "Updated" with the same UID and a higher SEQUENCE.
  await page.goto(publicPath.replace(/^\/events\/.*/, "/admin/events"));
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Details" }).click();
  await expectAccessibleAtEveryWidth(page);
  await page.getByLabel("Start time").fill("18:00");
  await expect(page.locator(".zone-preview")).toContainText("11:00 – 12:15 CET");
  await page.getByRole("button", { name: "Save changes" }).click();
  // The programme moves with the event, and the save says so.
  await expect(page.getByRole("status")).toHaveText(
    "Changes saved. The programme moved with the event: 5 agenda segments now start 1 hour later. 1 registrant will be emailed about the change.",
  );
  await expect(page.getByText("Thursday, 2 December 2027 · 11:00 – 12:15 CET · 18:00 – 19:15 HKT")).toBeVisible();

  await openMail(page, { to: registrant, subject: `Updated: ${title}` });
  const updatedInvite = await downloadInvite(page);
  expect(updatedInvite.uid).toBe(firstInvite.uid);
  expect(Number((updatedInvite as unknown as { sequenceText: string }).sequenceText)).toBeGreaterThan(Number((firstInvite as unknown as { sequenceText: string }).sequenceText));
  expect(new Date(updatedInvite.start).toISOString()).toBe("2027-12-02T10:00:00.000Z");

  // A recording link added before the event: the console says when it will show, and holds the email until the end.
  await page.goto("/admin/events");
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Recordings" }).click();
  await page.getByRole("textbox", { name: "Link" }).fill("https://video.example/hkust-kth/quantum-materials");
  await page.getByRole("button", { name: "Add recording" }).click();
  await expect(page.getByRole("status")).toHaveText("Added “Watch the recording”; it will show on the public page once the event has ended.");
  await expect(page.getByText("You can email registrants about the recording once the event has ended.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Email the recording/ })).toHaveCount(0);
  await expectAccessibleAtEveryWidth(page);

  await page.goto("/admin/events");
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: "Audit log" }).click();
  await expect(page.locator("table")).toContainText(`Åsa Östlund <${registrant}> approved`);
  await expect(page.locator("table")).toContainText("Changed start time Thursday, 2 December 2027, 17:00 HKT → 18:00 HKT, end time Thursday, 2 December 2027, 18:15 HKT → 19:15 HKT; 5 agenda segments moved with it; 1 registrant emailed");
  await expectAccessibleAtEveryWidth(page);
});

test("a cross-site form post to the console is refused, even with a valid session", async ({ page }) => {
  await signIn(page);
  const response = await page.request.post("/admin/events/new", {
    headers: { Origin: "https://evil.example" },
    form: { intent: "save", title: "Forged", startDate: "2027-01-01", startTime: "10:00", startZone: "UTC", durationMinutes: "60", zone1: "UTC" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  await page.goto("/admin/events");
  await expect(page.getByRole("link", { name: "Forged" })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the event form shows the start in every zone on Preview, and the agenda reorders with plain buttons", async ({ page }, testInfo) => {
    await signIn(page, "/admin/events/new");
    await page.getByLabel("Title").fill(`No-JS seminar (${testInfo.project.name})`);
    await page.getByLabel("Start date").fill("2027-06-10");
    await page.getByLabel("Start time").fill("16:30");
    await page.getByLabel("Time zone the start is entered in").fill("Asia/Hong_Kong");
    await page.getByLabel("Duration in minutes").fill("75");
    await page.getByLabel("Display zone 1").fill("Asia/Hong_Kong");
    await page.getByLabel("Display zone 2").fill("Europe/Stockholm");
    await page.getByLabel("Description").fill("A **bold** claim <script>alert(1)</script>");
    await page.getByRole("button", { name: "Preview description and times" }).click();
    await expect(page.locator(".zone-preview")).toContainText("10:30 – 11:45 CEST (Europe/Stockholm)");
    await expect(page.getByRole("region", { name: "Description preview" }).locator("strong")).toHaveText("bold");
    await expect(page.getByRole("region", { name: "Description preview" }).locator("script")).toHaveCount(0);
    await page.getByLabel("Duration in minutes").fill("2");
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page.getByText("An event lasts at least 5 minutes")).toBeVisible();
    await expect(page.getByLabel("Title")).toHaveValue(`No-JS seminar (${testInfo.project.name})`);
    await page.getByLabel("Duration in minutes").fill("75");
    await page.getByRole("button", { name: "Create draft" }).click();
    await expect(page.getByText("Draft created. Build the agenda, then publish.")).toBeVisible();

    await page.getByRole("link", { name: "Agenda" }).click();
    for (const segmentTitle of ["First talk", "Second talk"]) {
      const form = page.getByRole("form", { name: "Add a segment" });
      await form.getByLabel("Title").fill(segmentTitle);
      await form.getByRole("button", { name: "Add segment" }).click();
      await expect(page.getByText(`Added “${segmentTitle}”.`)).toBeVisible();
    }
    await page.getByRole("button", { name: "Move up: Second talk" }).click();
    await expect(page.getByText("Moved “Second talk” up.")).toBeVisible();
    await expect(page.locator(".agenda-builder h3")).toHaveText(["Second talk", "First talk"]);
  });
});

test("every other console page passes axe and fits the screen", async ({ page }) => {
  // Sixteen pages through axe at two widths while the other project runs beside it.
  test.setTimeout(420_000);
  await signIn(page);
  const paths = [
    "/admin/events",
    "/admin/people",
    "/admin/people/new",
    "/admin/series",
    "/admin/series/new",
    "/admin/organizations",
    "/admin/organizations/new",
    "/admin/users",
    "/admin/users/new",
    "/admin/audit",
  ];
  for (const path of paths) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectAccessibleAtEveryWidth(page);
  }
  // Edit pages, reached as an organizer would.
  await page.goto("/admin/people");
  await page.getByRole("link", { name: /^Edit / }).first().click();
  await expectAccessibleAtEveryWidth(page);
  await page.goto("/admin/users");
  await page.getByRole("link", { name: /^Edit / }).first().click();
  await expectAccessibleAtEveryWidth(page);
  await page.goto("/admin/events");
  await page.getByRole("link", { name: "Graphene Membranes for Clean Energy" }).click();
  for (const tab of ["Questions", "Recordings", "Audit log", "Details"]) {
    await page.getByRole("navigation", { name: "Event sections" }).getByRole("link", { name: tab }).click();
    await expect(page.getByRole("heading", { level: 2 })).toBeVisible();
    await expectAccessibleAtEveryWidth(page);
  }
});
