// Podium's entry. `npm start` runs this file as a small supervisor (node:cluster
// primary) that starts the web process (app/server/web-process.server.ts) and
// starts it again, with backoff, if it ever dies; see decision 011. On PostgreSQL it
// runs one web process per core (PODIUM_PROCESSES), sharing one port; decision 017.
import cluster from "node:cluster";
import { readEnv, webProcessCount } from "./app/env.server";
import { superviseWebProcesses } from "./app/server/supervisor.server";

if (cluster.isPrimary) {
  // Check the environment here too, so a typo stops at once instead of crash-looping the web process.
  let processes = 1;
  try {
    processes = webProcessCount(readEnv());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  superviseWebProcesses({ processes });
} else {
  const { startWebProcess } = await import("./app/server/web-process.server");
  // A start that fails (the database not up yet, say) ends this process; the supervisor tries again.
  await startWebProcess().catch((error: unknown) => {
    console.error("The web process could not start:", error);
    process.exit(1);
  });
}
