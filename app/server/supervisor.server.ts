// `npm start` runs Podium under a small supervisor: the node:cluster primary
// starts the web process and, if it dies (an uncaught error, an out-of-memory
// kill), starts a new one after a pause that doubles with each quick failure.
// SIGTERM and SIGINT are passed on and the supervisor exits once its web
// processes have stopped. It opens no database itself, so PGlite (the embedded
// default) is only ever opened by the one web process, and a replacement is
// started only after the old one has exited. On PostgreSQL it may run several
// (PODIUM_PROCESSES, decision 017): each gets a slot number in
// PODIUM_PROCESS_INDEX, kept by its replacement, and only slot 0 runs the outbox worker.
import cluster, { type Worker } from "node:cluster";

export interface SupervisorOptions {
  processes: number;
  /** First pause before a restart; doubles per quick failure up to maxRestartDelayMs. */
  firstRestartDelayMs?: number;
  maxRestartDelayMs?: number;
  /** A process that ran this long before dying starts the pauses from the beginning. */
  stableAfterMs?: number;
  /** How long stopping may take before the remaining processes are killed. */
  stopTimeoutMs?: number;
}

/** The pause before restart number `failures` (1-based) in a row. */
export function restartDelayMs(failures: number, firstMs = 500, maxMs = 30_000): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, failures - 1));
}

export function superviseWebProcesses(options: SupervisorOptions): void {
  const { processes, firstRestartDelayMs = 500, maxRestartDelayMs = 30_000, stableAfterMs = 30_000, stopTimeoutMs = 15_000 } = options;
  const label = `Podium supervisor ${process.pid}`;
  // Web processes accept their own connections on the shared socket (the kernel
  // spreads them): no hop through this process. While one restarts, the others
  // serve; with a single one, new connections wait in the backlog this process keeps open.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  const startedAt = new Map<Worker, number>();
  const slotOf = new Map<Worker, number>();
  let quickFailures = 0;
  let stopping = false;
  let pendingRestarts = 0;
  const restartTimers = new Set<NodeJS.Timeout>();

  function start(slot: number) {
    const worker = cluster.fork({ PODIUM_PROCESS_INDEX: String(slot) });
    startedAt.set(worker, Date.now());
    slotOf.set(worker, slot);
    console.log(`${label}: started web process ${worker.process.pid} (slot ${slot})`);
  }

  function liveWorkers(): number {
    return Object.keys(cluster.workers ?? {}).length;
  }

  cluster.on("exit", (worker, code, signal) => {
    const ranMs = Date.now() - (startedAt.get(worker) ?? Date.now());
    const slot = slotOf.get(worker) ?? 0;
    startedAt.delete(worker);
    slotOf.delete(worker);
    if (stopping || (code === 0 && !signal)) {
      // Asked to stop (by us, or directly with SIGTERM): do not bring it back.
      if (liveWorkers() === 0 && pendingRestarts === 0) {
        console.log(`${label}: every web process has stopped`);
        process.exit(0);
      }
      return;
    }
    quickFailures = ranMs >= stableAfterMs ? 1 : quickFailures + 1;
    const delay = restartDelayMs(quickFailures, firstRestartDelayMs, maxRestartDelayMs);
    console.error(`${label}: web process ${worker.process.pid} died (${signal ?? `exit code ${code}`}) after ${Math.round(ranMs / 1000)} s; starting another in ${delay} ms`);
    pendingRestarts += 1;
    const timer = setTimeout(() => {
      restartTimers.delete(timer);
      pendingRestarts -= 1;
      if (!stopping) start(slot);
    }, delay);
    restartTimers.add(timer);
  });

  function stop(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    for (const timer of restartTimers) clearTimeout(timer);
    pendingRestarts = 0;
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (workers.length === 0) process.exit(0);
    console.log(`${label}: ${signal} received, stopping ${workers.length} web process(es)`);
    for (const worker of workers) worker.process.kill(signal);
    setTimeout(() => {
      console.error(`${label}: web processes did not stop within ${stopTimeoutMs} ms; killing them`);
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(1);
    }, stopTimeoutMs).unref();
  }
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));

  for (let slot = 0; slot < processes; slot++) start(slot);
}
