// The loop every outbox worker runs (email, webhooks): prepare (schedule, prune),
// then drain in `concurrency` lanes while there is work, then sleep. While the
// database is away it waits longer between ticks and says so once, not every tick.
import { isDatabaseUnavailable } from "~db/availability.server";

/**
 * How often idle lanes look for work while scheduling is still queueing it. Not much more
 * often: each look is a claim query over the whole queue, and ten a second from every idle
 * lane slowed the queueing of 10,000 reminders to 24 s on a busy machine.
 */
const SCHEDULING_POLL_MS = 500;

export interface WorkerHandle {
  stop(): Promise<void>;
}

/** While the database is away the worker waits longer between tries: poll interval doubling, at most 10 s. */
export function outageDelayMs(pollMs: number, failedTicks: number): number {
  return failedTicks === 0 ? pollMs : Math.min(Math.max(pollMs, 250) * 2 ** (failedTicks - 1), 10_000);
}

export interface PollingWorkerOptions {
  /** How the worker names itself in the log, e.g. "outbox worker". */
  name: string;
  pollMs: number;
  concurrency: number;
  /** Scheduling work before each drain; failing here never holds back the drain. */
  beforeDrain?: (now: Date) => Promise<void>;
  /**
   * Start draining while `beforeDrain` still runs, and keep looking for work until it is
   * done: for scheduling that commits in steps (10,000 reminders), so the first can go
   * while the rest are being queued.
   */
  drainWhileScheduling?: boolean;
  /** Run at the start of every drain (housekeeping the drain relies on). */
  prepareDrain?: (now: Date) => Promise<void>;
  /** Handles the next piece of due work; returns how much it handled (0: nothing due). `scheduling`: beforeDrain still runs. */
  drainStep: (stopping: () => boolean, scheduling: boolean) => Promise<number>;
  onError?: (error: unknown) => void;
}

export function startPollingWorker(options: PollingWorkerOptions): WorkerHandle {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const report = options.onError ?? console.error;
  const stopping = () => stopped;
  // Ticks in a row that found the database away: they slow the worker down and are reported once, not every tick.
  let outageTicks = 0;
  const noteFailure = (error: unknown): boolean => {
    if (!isDatabaseUnavailable(error)) {
      report(error);
      return false;
    }
    // Once per outage, and briefly: the failed query's parameters (a whole email) help nobody here.
    if (outageTicks === 0) report(`${options.name}: the database is unreachable (${error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : String(error)}); waiting before trying again`);
    return true;
  };

  let scheduling = false;
  const lane = async () => {
    while (!stopped) {
      // What the step was told, not what holds when it returns: a step that held work back
      // because scheduling was running must look once more after scheduling ends, or a lone
      // fan-out email waits behind every tick's scheduling step for ever.
      const whileScheduling = scheduling;
      if ((await options.drainStep(stopping, whileScheduling)) > 0) continue; // keep going while there is work
      if (!whileScheduling) return;
      if (scheduling) await new Promise((resolve) => setTimeout(resolve, Math.min(options.pollMs, SCHEDULING_POLL_MS)));
    }
  };
  const tick = async () => {
    let databaseAway = false;
    scheduling = true;
    const schedule = (async () => {
      try {
        await options.beforeDrain?.(new Date());
      } catch (error) {
        databaseAway = noteFailure(error) || databaseAway;
      } finally {
        scheduling = false;
      }
    })();
    if (!options.drainWhileScheduling) await schedule;
    try {
      await options.prepareDrain?.(new Date());
      // Settled, not all: a lane that fails must not let the next tick start beside the others.
      const lanes = await Promise.allSettled(Array.from({ length: options.concurrency }, lane));
      for (const outcome of lanes) if (outcome.status === "rejected") report(outcome.reason);
    } catch (error) {
      databaseAway = noteFailure(error) || databaseAway;
    }
    await schedule;
    if (!databaseAway && outageTicks > 0) console.error(`${options.name}: the database answers again`);
    outageTicks = databaseAway ? outageTicks + 1 : 0;
    if (!stopped) timer = setTimeout(() => (running = tick()), outageDelayMs(options.pollMs, outageTicks));
  };
  running = tick();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
