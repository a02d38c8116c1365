import { defineConfig, devices } from "@playwright/test";

// Playwright drives Debian's Chromium (/usr/bin/chromium): browsers cannot be
// downloaded on our machines. The app runs as `npm start` would, on a fresh
// PGlite directory, so every run starts from the demo data.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const chromium = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? "/usr/bin/chromium";
const launchOptions = {
  executablePath: chromium,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    timezoneId: "Europe/Stockholm",
    locale: "en-GB",
    trace: "retain-on-failure",
    launchOptions,
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions } },
  ],
  webServer: {
    command: `rm -rf .e2e-data && env -u DATABASE_URL NODE_ENV=production PODIUM_DATA_DIR=.e2e-data PORT=${PORT} HOST=127.0.0.1 tsx server.ts`,
    url: `http://127.0.0.1:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
