import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates SQL from db/schema.ts here; the app applies the
// migrations itself at start (db/migrate.server.ts), on PGlite or PostgreSQL alike.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
