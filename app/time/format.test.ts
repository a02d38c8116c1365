import { describe, expect, it } from "vitest";
import {
  calendarBadge,
  formatEventRange,
  formatSegmentTimes,
  formatInstant,
  formatTimeRange,
  formatViewerRange,
  instantToZonedWallTime,
  isValidTimeZone,
  toIsoWithOffset,
  toUtcBasic,
  zonedWallTimeToInstant,
  zoneLabel,
} from "./index";

const covid = { startsAt: new Date("2020-12-03T09:00:00Z"), endsAt: new Date("2020-12-03T10:15:00Z") };
const biases = { startsAt: new Date("2020-06-23T08:30:00Z"), endsAt: new Date("2020-06-23T09:45:00Z") };

describe("formatEventRange", () => {
  it("prints the December 2020 webinar exactly as its page did", () => {
    expect(formatEventRange({ ...covid, zones: ["Europe/Stockholm", "Asia/Hong_Kong"] }).text).toBe(
      "Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT",
    );
  });

  it("prints the June 2020 webinar in HKT first and CEST second", () => {
    expect(formatEventRange({ ...biases, zones: ["Asia/Hong_Kong", "Europe/Stockholm"] }).text).toBe(
      "Tuesday, 23 June 2020 · 16:30 – 17:45 HKT · 10:30 – 11:45 CEST",
    );
  });

  it("marks a zone whose date is a day later or earlier than the lead zone's", () => {
    const evening = { startsAt: new Date("2026-12-01T19:00:00Z"), endsAt: new Date("2026-12-01T20:00:00Z") };
    const range = formatEventRange({ ...evening, zones: ["Europe/Stockholm", "Asia/Tokyo", "America/Los_Angeles"] });
    expect(range.text).toBe("Tuesday, 1 December 2026 · 20:00 – 21:00 CET · 04:00 – 05:00 JST (+1 day) · 11:00 – 12:00 PST");
    expect(range.zones.map((z) => z.dayOffset)).toEqual([0, 1, 0]);

    const hkMorning = { startsAt: new Date("2026-12-02T01:00:00Z"), endsAt: new Date("2026-12-02T02:00:00Z") };
    const back = formatEventRange({ ...hkMorning, zones: ["Asia/Hong_Kong", "America/Los_Angeles"] });
    expect(back.text).toBe("Wednesday, 2 December 2026 · 09:00 – 10:00 HKT · 17:00 – 18:00 PST (\u22121 day)");
    expect(back.zones[1]!.dateLabel).toBe("Tuesday, 1 December 2026");
  });

  it("says so when a range crosses midnight inside one zone", () => {
    const late = { startsAt: new Date("2026-12-01T22:30:00Z"), endsAt: new Date("2026-12-01T23:45:00Z") };
    const range = formatEventRange({ ...late, zones: ["Europe/Stockholm"] });
    expect(range.text).toBe("Tuesday, 1 December 2026 · 23:30 – 00:45 (next day) CET");
    expect(range.zones[0]!.endsNextDay).toBe(true);
  });

  it("shows both abbreviations when daylight time ends during the event", () => {
    const overnight = { startsAt: new Date("2026-10-25T00:30:00Z"), endsAt: new Date("2026-10-25T01:30:00Z") };
    expect(formatTimeRange({ ...overnight, zone: "Europe/Stockholm" })).toBe("02:30 CEST – 02:30 CET");
  });

  it("shows a repeated zone once", () => {
    expect(formatEventRange({ ...covid, zones: ["Europe/Stockholm", "Europe/Stockholm"] }).zones).toHaveLength(1);
  });
});

describe("formatViewerRange", () => {
  it("gives the viewer their own date, time and day shift", () => {
    expect(formatViewerRange({ ...covid, viewerZone: "America/Los_Angeles", leadZone: "Europe/Stockholm" })).toEqual({
      text: "Thursday, 3 December 2020, 01:00 – 02:15 PST",
      dayOffset: 0,
    });
    expect(formatViewerRange({ ...covid, viewerZone: "Pacific/Auckland", leadZone: "Europe/Stockholm" })).toEqual({
      text: "Thursday, 3 December 2020, 22:00 – 23:15 NZDT",
      dayOffset: 0,
    });
    const evening = { startsAt: new Date("2026-12-01T19:00:00Z"), endsAt: new Date("2026-12-01T20:00:00Z") };
    expect(formatViewerRange({ ...evening, viewerZone: "Asia/Kolkata", leadZone: "Europe/Stockholm" })).toEqual({
      text: "Wednesday, 2 December 2026, 00:30 – 01:30 IST",
      dayOffset: 1,
    });
  });
});

describe("formatInstant and friends", () => {
  it("formats single instants in each style", () => {
    const instant = covid.startsAt;
    expect(formatInstant(instant, "Europe/Stockholm", "date")).toBe("Thursday, 3 December 2020");
    expect(formatInstant(instant, "Europe/Stockholm", "shortDate")).toBe("Thu 3 Dec 2020");
    expect(formatInstant(instant, "Asia/Hong_Kong", "time")).toBe("17:00");
    expect(formatInstant(instant, "Asia/Hong_Kong", "dateTime")).toBe("Thursday, 3 December 2020, 17:00 HKT");
    expect(calendarBadge(instant, "Asia/Tokyo")).toEqual({ month: "Dec", day: "3", weekday: "Thu", year: "2020" });
  });

  it("writes machine-readable instants with the zone's offset or in UTC", () => {
    expect(toIsoWithOffset(covid.startsAt, "Europe/Stockholm")).toBe("2020-12-03T10:00:00+01:00");
    expect(toIsoWithOffset(biases.startsAt, "Europe/Stockholm")).toBe("2020-06-23T10:30:00+02:00");
    expect(toIsoWithOffset(biases.startsAt, "Asia/Hong_Kong")).toBe("2020-06-23T16:30:00+08:00");
    expect(toUtcBasic(covid.startsAt)).toBe("20201203T090000Z");
  });

  it("labels zones for pickers", () => {
    expect(zoneLabel("Europe/Stockholm", covid.startsAt)).toBe("Europe/Stockholm (CET, UTC+1)");
    expect(zoneLabel("Asia/Shanghai", covid.startsAt)).toBe("Asia/Shanghai (UTC+8)");
  });
});

describe("zonedWallTimeToInstant", () => {
  it("turns a wall time in a zone into the right instant, both sides of DST", () => {
    expect(zonedWallTimeToInstant({ date: "2020-12-03", time: "10:00", zone: "Europe/Stockholm" }).toISOString()).toBe(
      "2020-12-03T09:00:00.000Z",
    );
    expect(zonedWallTimeToInstant({ date: "2020-06-23", time: "16:30", zone: "Asia/Hong_Kong" }).toISOString()).toBe(
      "2020-06-23T08:30:00.000Z",
    );
    expect(zonedWallTimeToInstant({ date: "2026-07-01", time: "10:00", zone: "Europe/Stockholm" }).toISOString()).toBe(
      "2026-07-01T08:00:00.000Z",
    );
  });

  it("moves a time in the spring-forward gap forward by the gap", () => {
    // 02:30 does not exist in Stockholm on 29 March 2026; it becomes 03:30 CEST.
    expect(zonedWallTimeToInstant({ date: "2026-03-29", time: "02:30", zone: "Europe/Stockholm" }).toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });

  it("takes the earlier instant for a time that happens twice in the autumn", () => {
    expect(zonedWallTimeToInstant({ date: "2026-10-25", time: "02:30", zone: "Europe/Stockholm" }).toISOString()).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(zonedWallTimeToInstant({ date: "2026-11-01", time: "01:30", zone: "America/New_York" }).toISOString()).toBe(
      "2026-11-01T05:30:00.000Z",
    );
  });

  it("round-trips with instantToZonedWallTime", () => {
    for (const zone of ["Europe/Stockholm", "Asia/Hong_Kong", "America/Los_Angeles", "Australia/Sydney", "Asia/Kathmandu"]) {
      const instant = zonedWallTimeToInstant({ date: "2026-12-03", time: "17:45", zone });
      expect(instantToZonedWallTime(instant, zone)).toEqual({ date: "2026-12-03", time: "17:45" });
    }
  });

  it("refuses invalid zones, dates and times with a clear error", () => {
    expect(() => zonedWallTimeToInstant({ date: "2026-12-03", time: "10:00", zone: "Mars/Olympus" })).toThrow('Unknown time zone "Mars/Olympus"');
    expect(() => zonedWallTimeToInstant({ date: "2026-02-30", time: "10:00", zone: "UTC" })).toThrow("Invalid date or time");
    expect(() => zonedWallTimeToInstant({ date: "3 Dec", time: "10:00", zone: "UTC" })).toThrow("expected YYYY-MM-DD");
    expect(() => zonedWallTimeToInstant({ date: "2026-12-03", time: "25:00", zone: "UTC" })).toThrow("Invalid date or time");
  });
});

describe("zones", () => {
  it("validates IANA names", () => {
    expect(isValidTimeZone("Europe/Stockholm")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

describe("formatSegmentTimes", () => {
  // An evening event in Stockholm: Tokyo is already on the next day, as the header says.
  const eventStartsAt = new Date("2026-12-01T19:00:00Z");
  const zones = ["Europe/Stockholm", "Asia/Tokyo", "America/Los_Angeles"];

  it("marks the same day shifts as the header, and the viewer's own time", () => {
    const segment = formatSegmentTimes({
      startsAt: new Date("2026-12-01T19:30:00Z"),
      endsAt: new Date("2026-12-01T20:00:00Z"),
      zones,
      eventStartsAt,
      viewerZone: "Asia/Kolkata",
    });
    expect(segment.zones.map((z) => z.text)).toEqual(["20:30 – 21:00 CET", "04:30 – 05:00 JST (+1 day)", "11:30 – 12:00 PST"]);
    expect(segment.viewer).toEqual({ zone: "Asia/Kolkata", text: "01:00 – 01:30 IST (+1 day)" });
  });

  it("marks a late segment that starts after midnight in the lead zone", () => {
    const segment = formatSegmentTimes({
      startsAt: new Date("2026-12-01T23:15:00Z"),
      endsAt: new Date("2026-12-01T23:45:00Z"),
      zones,
      eventStartsAt,
      viewerZone: null,
    });
    expect(segment.zones[0]!.text).toBe("00:15 – 00:45 CET (+1 day)");
    expect(segment.zones[2]!.text).toBe("15:15 – 15:45 PST");
    expect(segment.viewer).toBeNull();
  });
});

describe("dateAtTime", () => {
  it("reads inside a sentence", () => {
    expect(formatInstant(covid.startsAt, "Europe/Stockholm", "dateAtTime")).toBe("Thursday, 3 December 2020 at 10:00 CET");
  });
});
