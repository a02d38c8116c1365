import { describe, expect, it } from "vitest";
import { eventPhase } from "./event-phase";

const event = { status: "published" as const, startsAt: new Date("2020-12-03T09:00:00Z"), endsAt: new Date("2020-12-03T10:15:00Z") };

describe("eventPhase", () => {
  it("is upcoming before the start, live until the end, ended from the end on", () => {
    expect(eventPhase(event, new Date("2020-12-03T08:59:59Z"))).toBe("upcoming");
    expect(eventPhase(event, new Date("2020-12-03T09:00:00Z"))).toBe("live");
    expect(eventPhase(event, new Date("2020-12-03T10:14:59Z"))).toBe("live");
    expect(eventPhase(event, new Date("2020-12-03T10:15:00Z"))).toBe("ended");
  });

  it("is cancelled whatever the time", () => {
    expect(eventPhase({ ...event, status: "cancelled" }, new Date("2020-12-03T09:30:00Z"))).toBe("cancelled");
  });
});
