import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Projects: pure unit tests, the integration suite on PGlite, the same suite on a
// real PostgreSQL when DATABASE_URL is set, and then the drills: tests that time how
// fast whole app processes recover (a database restart, a killed web process). Most
// test time is spent waiting on a database or a socket, so files run three at a time
// even on two cores; the drills run after everything else, one at a time, so the
// CPU-heavy PGlite files cannot skew the seconds they measure. The provider-limit and
// multi-process tests also start processes, but assert counts and per-second ceilings
// that load cannot break; they run with the PostgreSQL files, mostly waiting.
const integration = ["app/**/*.integration.test.ts", "db/**/*.integration.test.ts", "test/**/*.integration.test.ts"];
// Issue 16's full-scale email proofs take about 15 minutes and load the machine: they are
// only a project when asked for (`npm run prove:email`), never part of `npm test`.
const fullScale = ["test/email-scale.postgres.test.ts"];
const proveEmail = process.env.PODIUM_PROVE_EMAIL === "on";
const drills = ["test/database-restart.postgres.test.ts", "test/supervisor.integration.test.ts"];

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    maxWorkers: Number(process.env.PODIUM_TEST_WORKERS ?? 3),
    minWorkers: 1,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "app/**/*.test.tsx", "emails/**/*.test.ts", "emails/**/*.test.tsx", "db/**/*.test.ts", "test/**/*.test.ts"],
          exclude: [...integration, "**/*.postgres.test.ts", "node_modules/**"],
          // Property tests walk thousands of cases; with files running side by side they need more than 5 s.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "pglite",
          include: integration,
          exclude: [...drills, "node_modules/**"],
          env: { PODIUM_TEST_DB: "pglite" },
          globalSetup: ["test/support/pglite-template.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(process.env.DATABASE_URL
        ? [
            {
              extends: true as const,
              test: {
                name: "postgres",
                include: [...integration, "app/**/*.postgres.test.ts", "test/**/*.postgres.test.ts"],
                exclude: [...drills, ...fullScale, "node_modules/**"],
                env: { PODIUM_TEST_DB: "postgres" },
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
            {
              extends: true as const,
              test: {
                name: "drills",
                include: drills,
                exclude: [...fullScale, "node_modules/**"],
                env: { PODIUM_TEST_DB: "postgres" },
                sequence: { groupOrder: 1 },
                // One drill at a time: each starts app processes and times their recovery.
                poolOptions: { forks: { singleFork: true } },
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
            ...(proveEmail
              ? [
                  {
                    extends: true as const,
                    test: {
                      name: "prove-email",
                      include: fullScale,
                      env: { PODIUM_TEST_DB: "postgres" },
                      poolOptions: { forks: { singleFork: true } },
                      testTimeout: 900_000,
                      hookTimeout: 120_000,
                    },
                  },
                ]
              : []),
          ]
        : [
            {
              extends: true as const,
              test: {
                name: "drills",
                include: drills.filter((file) => !file.endsWith(".postgres.test.ts")),
                env: { PODIUM_TEST_DB: "pglite" },
                sequence: { groupOrder: 1 },
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ]),
    ],
  },
});
