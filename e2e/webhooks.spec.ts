// An organizer wires Podium to their own system: creates a webhook endpoint (to a
// receiver this test runs on loopback; the e2e server allows private targets), sends a
// test event, sees it in the delivery log, and redelivers it under the same webhook-id.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { DEMO, expectAccessibleAtEveryWidth } from "./fixtures";


interface Received {
  id: string;
  body: string;
  headers: Record<string, string>;
}

let server: Server;
let url: string;
const received: Received[] = [];

test.beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
      received.push({ id: headers["webhook-id"] ?? "", body: Buffer.concat(chunks).toString("utf8"), headers });
      response.writeHead(200, { "Content-Type": "text/plain" });
      response.end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/podium`;
});
test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("an organizer creates an endpoint, sends a test event, sees it in the log and redelivers it", async ({ page }, testInfo) => {
  // Four axe passes and two waits for the worker: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  await page.goto("/admin/webhooks");
  await page.getByRole("textbox", { name: "Email" }).fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  await expectAccessibleAtEveryWidth(page);

  // A bad URL is refused next to its field, the input kept.
  await page.getByRole("textbox", { name: /^URL/ }).fill("not a url");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("Enter a full URL")).toBeVisible();

  const description = `CRM ${testInfo.project.name} ${Date.now()}`;
  await page.getByRole("textbox", { name: /^URL/ }).fill(url);
  await page.getByRole("textbox", { name: /^Description/ }).fill(description);
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const secret = (await page.getByTestId("new-secret").textContent())!.trim();
  expect(secret).toMatch(/^whsec_/);
  await expectAccessibleAtEveryWidth(page);

  await page.getByRole("link", { name: "Open the endpoint and send a test event" }).click();
  await page.getByRole("button", { name: "Send a test event" }).click();
  await expect(page.getByRole("status")).toContainText("Test event queued");
  const row = page.getByRole("row").filter({ hasText: "webhook.test" });
  await expect(async () => {
    await page.reload();
    await expect(row.getByText(/HTTP 200/)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectAccessibleAtEveryWidth(page);

  const first = received.find((r) => JSON.parse(r.body).data?.message && r.headers["webhook-signature"]);
  expect(first).toBeDefined();
  // The receiver's view: a Standard Webhooks message whose signature verifies with the secret shown once.
  expect(() => new Webhook(secret).verify(first!.body, first!.headers)).not.toThrow();

  await row.getByRole("button", { name: /Redeliver/ }).click();
  await expect(page.getByRole("status")).toContainText("same webhook-id");
  await expect(async () => {
    await page.reload();
    await expect(row.getByText(/HTTP 200/)).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  expect(received.filter((r) => r.id === first!.id)).toHaveLength(2);
});
