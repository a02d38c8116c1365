import tsconfigPaths from "vite-tsconfig-paths";
import { defineConfig } from "vitest/config";

// Three projects: pure unit tests, the integration suite on PGlite, and the same
// integration suite on a real PostgreSQL when DATABASE_URL is set.
const integration = ["app/**/*.integration.test.ts", "db/**/*.integration.test.ts", "test/**/*.integration.test.ts"];

export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "app/**/*.test.tsx", "emails/**/*.test.tsx", "db/**/*.test.ts", "test/**/*.test.ts"],
          exclude: [...integration, "**/*.postgres.test.ts", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "pglite",
          include: integration,
          env: { PODIUM_TEST_DB: "pglite" },
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
                env: { PODIUM_TEST_DB: "postgres" },
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
