import { defineConfig, devices } from "@playwright/test";

// Playwright drives Debian's Chromium (/usr/bin/chromium): browsers cannot be
// downloaded on our machines. The app runs as `npm start` would, on a fresh
// PGlite directory, so every run starts from the demo data. Desktop and phone
// each get a server of their own (PORT and PORT + 1, separate data) and run at
// the same time, one test at a time per project: the specs share demo events,
// mailboxes and login throttles, so two tests must never meet on one server.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const PHONE_PORT = PORT + 1;
// University sign-in needs an identity provider beside the app: a server of its own (e2e/support/sso-app.ts).
const SSO_PORT = PORT + 2;
const ISSUER_PORT = PORT + 3;
const SSO_SPEC = /university-sign-in-sso\.spec\.ts/;
// The console's long walks would keep one desktop worker busy for most of the run while the
// other sits idle, so they are split into two projects with servers of their own (PORT + 4,
// PORT + 5), balanced by how long each spec takes. Two tests still never meet on one server.
const CONSOLE_PORT = PORT + 4;
const CONSOLE_MORE_PORT = PORT + 5;
const CONSOLE_SPECS = /(organizer-console|lifecycle|mailbox|webhooks)\.spec\.ts/;
const CONSOLE_MORE_SPECS = /(console-extras|api-tokens|translations|console-languages)\.spec\.ts/;
// The phone walks what attendees and speakers use on phones. The console's specs run on desktop
// only and check each page's axe and width at a phone's size too (expectAccessibleAtEveryWidth).
const PHONE_SPECS = /\/(attendee-walkthrough|public-site|registration|speaker-portal|login|university-sign-in|languages)\.spec\.ts/;
const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const launchOptions = {
  executablePath: chromium,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  // axe on a long console page, with desktop and phone sharing two cores, can take tens of seconds.
  timeout: 90_000,
  use: {
    timezoneId: "Europe/Stockholm",
    locale: "en-GB",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", workers: 1, testIgnore: [SSO_SPEC, CONSOLE_SPECS, CONSOLE_MORE_SPECS], use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${PORT}`, launchOptions } },
    { name: "console", workers: 1, testMatch: CONSOLE_SPECS, use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${CONSOLE_PORT}`, launchOptions } },
    { name: "console-more", workers: 1, testMatch: CONSOLE_MORE_SPECS, use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${CONSOLE_MORE_PORT}`, launchOptions } },
    { name: "phone", workers: 1, testMatch: PHONE_SPECS, use: { ...devices["Pixel 7"], baseURL: `http://127.0.0.1:${PHONE_PORT}`, launchOptions } },
    { name: "sso", workers: 1, testMatch: SSO_SPEC, use: { ...devices["Desktop Chrome"], baseURL: `http://127.0.0.1:${SSO_PORT}`, launchOptions } },
  ],
  webServer: [
    appServer(PORT, ".e2e-data"),
    appServer(PHONE_PORT, ".e2e-data-phone"),
    appServer(SSO_PORT, ".e2e-sso-data", `ISSUER_PORT=${ISSUER_PORT} tsx e2e/support/sso-app.ts`),
    appServer(CONSOLE_PORT, ".e2e-data-console"),
    appServer(CONSOLE_MORE_PORT, ".e2e-data-console-more"),
  ],
});

function appServer(port: number, dataDir: string, run = "tsx server.ts") {
  return {
    command: `rm -rf ${dataDir} && env -u DATABASE_URL NODE_ENV=production PODIUM_DATA_DIR=${dataDir} PODIUM_WEBHOOK_ALLOW_PRIVATE=on PORT=${port} HOST=127.0.0.1 ${run}`,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
  };
}
