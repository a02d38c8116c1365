// Podium's entry: checks the environment, opens and migrates the database,
// seeds demo data into an empty one, and serves the Remix app over express.
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase } from "./db/client.server";
import { migrateDatabase } from "./db/migrate.server";
import { DEMO_ORGANIZER, seedDemoOrganizer } from "./db/demo-organizer";
import { seedDemoDataIfEmpty } from "./db/seed";
import { readEnv } from "./app/env.server";
import { createHttpApp } from "./app/server/http-app.server";
import { runEmailWorker } from "./app/email/run-worker.server";
import { resolveLinkSecret } from "./app/security/link-secret.server";

const env = readEnv();
const production = env.NODE_ENV === "production";

const handle = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: path.join(env.PODIUM_DATA_DIR, "pglite"),
});
await migrateDatabase(handle);
if (env.PODIUM_SEED === "on") {
  const seeded = await seedDemoDataIfEmpty(handle.db);
  if (seeded) console.log(`Seeded demo data: ${seeded.events} events.`);
  await seedDemoOrganizer(handle.db);
}

const linkSecret = await resolveLinkSecret(handle.db, env.PODIUM_SECRET);
const worker = env.PODIUM_WORKER === "on" ? runEmailWorker(handle.db, env, linkSecret) : null;

const build = production
  ? ((await import(path.resolve("build/server/index.js"))) as ServerBuild)
  : {
      vite: await import("vite").then((vite) =>
        vite.createServer({ server: { middlewareMode: true } }),
      ),
    };

const app = createHttpApp({ db: handle.db, env, build, linkSecret });
const server = app.listen(env.PORT, env.HOST, () => {
  const url = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  const database = handle.kind === "postgres" ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${env.PODIUM_DATA_DIR}/pglite`;
  const mail = env.RESEND_API_KEY ? "Resend" : "the built-in mailbox (/admin/mailbox)";
  console.log(`Podium is running at ${url}  (database: ${database}; email: ${mail}; worker: ${worker ? "in this process" : "off"})`);
  if (env.PODIUM_SEED === "on") {
    console.log(`Organizer console: ${url}/admin  demo login: ${DEMO_ORGANIZER.email} / ${DEMO_ORGANIZER.password}`);
  }
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received, shutting down`);
  server.close();
  await worker?.stop();
  await handle.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
