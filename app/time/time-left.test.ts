import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTimeLeft } from "./time-left";

const start = new Date("2026-12-03T09:00:00Z");
const before = (minutes: number) => new Date(start.getTime() - minutes * 60_000);

describe("formatTimeLeft", () => {
  it.each([
    [20, "in 20 minutes"],
    [1, "in 1 minute"],
    [59.4, "in 59 minutes"],
    [60, "in 1 hour"],
    [61, "in 1 hour"],
    [90, "in 1 hour 30 minutes"],
    [118, "in 2 hours"],
    [150, "in 2 hours 30 minutes"],
    [1440, "in 24 hours"],
    [1439, "in 24 hours"],
    [2880, "in 2 days"],
    [0, "now"],
  ])("%s minutes before the start: %s", (minutes, label) => {
    expect(formatTimeLeft(before(minutes), start)).toBe(label);
  });

  it("is never further from the real time left than its rounding step (5 minutes, an hour, a day)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 14 * 1440 }), (minutes) => {
        const label = formatTimeLeft(before(minutes), start);
        const match = /^in (\d+) (minute|hour|day)s?(?: (\d+) minutes)?$/.exec(label);
        expect(match, label).not.toBeNull();
        const unit = { minute: 1, hour: 60, day: 1440 }[match![2] as "minute" | "hour" | "day"];
        const said = Number(match![1]) * unit + Number(match![3] ?? 0);
        const tolerance = minutes < 60 ? 0 : minutes < 180 ? 2.5 : minutes < 2880 ? 30 : 720;
        expect(Math.abs(said - minutes)).toBeLessThanOrEqual(tolerance);
      }),
    );
  });
});
