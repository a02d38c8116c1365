// One error must not take the server down, yet a process in an unknown state must
// not limp on. So: the postgres driver's known null-socket crash is contained (its
// pool replaced, see db/driver-crash.server.ts), a database outage surfacing in a
// promise nobody awaited is logged, and anything else is logged and the process
// exits, so the supervisor (app/server/supervisor.server.ts) starts a fresh one.
import { isDatabaseUnavailable } from "~db/availability.server";
import { isKnownDriverCrash, recycleDriverPools } from "~db/driver-crash.server";

export type UncaughtVerdict = "contain-driver-crash" | "ignore-database-outage" | "exit";

/** What to do with an error that reached the top of the process. */
export function judgeUncaught(error: unknown, origin: "uncaughtException" | "unhandledRejection"): UncaughtVerdict {
  if (isKnownDriverCrash(error)) return "contain-driver-crash";
  if (origin === "unhandledRejection" && isDatabaseUnavailable(error)) return "ignore-database-outage";
  return "exit";
}

let installed = false;

/** Installs the process-wide handler once; `label` names the process in the log. */
export function guardProcess(label: string): void {
  if (installed) return;
  installed = true;
  process.on("uncaughtException", (error, origin) => {
    const verdict = judgeUncaught(error, origin);
    if (verdict === "contain-driver-crash") {
      const pools = recycleDriverPools();
      console.error(`${label}: contained the postgres driver's null-socket bug; replaced ${pools} database pool(s) and kept serving`, error);
      return;
    }
    if (verdict === "ignore-database-outage") {
      console.error(`${label}: the database was unreachable in a promise nobody awaited; continuing`, error);
      return;
    }
    console.error(`${label}: uncaught ${origin === "unhandledRejection" ? "rejection" : "exception"}; exiting so a fresh process takes over`, error);
    process.exit(1);
  });
}
