// `npm run worker`: the outbox worker alone, for deployments that keep it out
// of the web processes (PODIUM_WORKER=off there). Any number may run at once.
import path from "node:path";
import { openDatabase } from "../db/client.server";
import { migrateDatabase } from "../db/migrate.server";
import { readEnv } from "../app/env.server";
import { runEmailWorker, runWebhookWorker } from "../app/jobs/run-worker.server";
import { resolveLinkSecret } from "../app/security/link-secret.server";
import { resolveWorkerOrigin } from "../app/security/public-origin.server";

const env = readEnv();
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: path.join(env.PODIUM_DATA_DIR, "pglite") });
await migrateDatabase(handle);
const origin = await resolveWorkerOrigin(handle.db, env);
const worker = runEmailWorker(handle.db, env, { origin, secret: await resolveLinkSecret(handle.db, env.PODIUM_SECRET) });
const webhookWorker = runWebhookWorker(handle.db, env, origin);
console.log(`Podium email worker running (${env.RESEND_API_KEY ? "Resend" : "built-in mailbox"})`);
console.log("Podium webhook worker running");

async function shutdown() {
  await Promise.all([worker.stop(), webhookWorker.stop()]);
  await handle.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
