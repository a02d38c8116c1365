// One web process: checks the environment, opens and migrates the database, seeds
// demo data into an empty one, and serves the Remix app over express. server.ts
// runs it under the supervisor (app/server/supervisor.server.ts).
import cluster from "node:cluster";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase } from "~db/client.server";
import { migrateDatabase } from "~db/migrate.server";
import { DEMO_ORGANIZER, seedDemoOrganizer } from "~db/demo-organizer";
import { seedDemoDataIfEmpty } from "~db/seed";
import { readEnv } from "../env.server";
import { runEmailWorker, runWebhookWorker } from "../jobs/run-worker.server";
import { resolveLinkSecret } from "../security/link-secret.server";
import { resolveWebOrigin } from "../security/public-origin.server";
import { createHttpApp } from "./http-app.server";
import { guardProcess } from "./process-guard.server";

export async function startWebProcess(): Promise<void> {
  guardProcess(`web process ${process.pid}`);
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
  const publicOrigin = await resolveWebOrigin(handle.db, env);
  // Several web processes share the outboxes; one worker of each kind among them is enough (decision 017).
  const runsWorkers = env.PODIUM_WORKER === "on" && env.PODIUM_PROCESS_INDEX === 0;
  const worker = runsWorkers ? runEmailWorker(handle.db, env, { origin: publicOrigin, secret: linkSecret }) : null;
  const webhookWorker = runsWorkers ? runWebhookWorker(handle.db, env, publicOrigin) : null;

  const build = production
    ? ((await import(path.resolve("build/server/index.js"))) as ServerBuild)
    : {
        vite: await import("vite").then((vite) =>
          vite.createServer({ server: { middlewareMode: true } }),
        ),
      };

  const app = createHttpApp({ db: handle.db, env, build, linkSecret, publicOrigin });
  const server = app.listen(env.PORT, env.HOST, () => {
    const url = publicOrigin;
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
    await Promise.all([worker?.stop(), webhookWorker?.stop()]);
    await handle.close();
    process.exit(0);
  }
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  // The supervisor is gone (killed, even with SIGKILL): stop rather than serve on as an orphan holding PGlite.
  if (cluster.isWorker) process.on("disconnect", () => void shutdown("supervisor gone"));
}
