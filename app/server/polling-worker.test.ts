import { describe, expect, it } from "vitest";
import { startPollingWorker } from "./polling-worker.server";

describe("the polling worker's lanes while scheduling runs", () => {
  it("look again once scheduling ends, so work held back while it ran is done in the same tick", async () => {
    const held: string[] = [];
    let waiting = 1; // one lone email that may only go out when no scheduling is running
    let tickCount = 0;
    const worker = startPollingWorker({
      name: "test worker",
      pollMs: 60_000, // one tick only within this test: the work must not wait for the next
      concurrency: 1,
      drainWhileScheduling: true,
      // Scheduling outlasts the lane's first look, as queueing reminders does on a busy machine.
      beforeDrain: async () => {
        tickCount += 1;
        await new Promise((resolve) => setTimeout(resolve, 200));
      },
      // The look that holds the email back is slower than scheduling's end (a claim query on a busy database).
      drainStep: async (_stopping, scheduling) => {
        if (scheduling) {
          held.push("held");
          await new Promise((resolve) => setTimeout(resolve, 400));
          return 0;
        }
        if (waiting === 0) return 0;
        waiting -= 1;
        return 1;
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await worker.stop();
    expect(tickCount).toBe(1);
    expect(held.length).toBeGreaterThan(0);
    expect(waiting).toBe(0);
  });
});
