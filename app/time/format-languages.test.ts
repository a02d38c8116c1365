// The same instants in English, Hong Kong Chinese and Swedish: dates, ranges,
// day markers and the viewer's line, across daylight-saving changes and dates
// that differ between zones. Run under several TZ values by `npm run test:time-zones`.
import { describe, expect, it } from "vitest";
import { calendarBadge, formatDayShift, formatTimeLeft, formatEventRange, formatInstant, formatSegmentTimes, formatTimeRange, formatViewerRange, zoneName } from "./index";

const covid = { startsAt: new Date("2020-12-03T09:00:00Z"), endsAt: new Date("2020-12-03T10:15:00Z") };
const zones = ["Europe/Stockholm", "Asia/Hong_Kong"];

describe("the December 2020 webinar in each language", () => {
  it("reads as each audience writes it", () => {
    expect(formatEventRange({ ...covid, zones, locale: "en" }).text).toBe("Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT");
    expect(formatEventRange({ ...covid, zones, locale: "zh-Hant" }).text).toBe("2020年12月3日（星期四）10:00 – 11:15 CET；17:00 – 18:15 HKT");
    expect(formatEventRange({ ...covid, zones, locale: "sv" }).text).toBe("torsdag 3 december 2020 · 10:00–11:15 CET · 17:00–18:15 HKT");
  });

  it("keeps English the default, so existing callers read as before", () => {
    expect(formatEventRange({ ...covid, zones }).text).toBe(formatEventRange({ ...covid, zones, locale: "en" }).text);
    expect(formatInstant(covid.startsAt, "Europe/Stockholm", "dateAtTime")).toBe("Thursday, 3 December 2020 at 10:00 CET");
  });

  it("writes single instants and the calendar badge in each language", () => {
    expect(formatInstant(covid.startsAt, "Asia/Hong_Kong", "dateTime", "zh-Hant")).toBe("2020年12月3日（星期四）17:00 HKT");
    expect(formatInstant(covid.startsAt, "Europe/Stockholm", "dateAtTime", "sv")).toBe("torsdag 3 december 2020 kl. 10:00 CET");
    expect(formatInstant(covid.startsAt, "Europe/Stockholm", "date", "sv")).toBe("torsdag 3 december 2020");
    expect(calendarBadge(covid.startsAt, "Asia/Hong_Kong", "zh-Hant").month).toBe("12月");
    expect(calendarBadge(covid.startsAt, "Europe/Stockholm", "sv").month).toMatch(/^dec/);
    expect(calendarBadge(covid.startsAt, "Europe/Stockholm", "en").month).toBe("Dec");
  });

  it("does not let one language's memoised text leak into another's", () => {
    // The same instant, zone and pattern asked in turn: the memo is keyed by language.
    const asked = ["en", "sv", "zh-Hant", "en", "zh-Hant", "sv"] as const;
    const dates = asked.map((locale) => formatInstant(covid.startsAt, "Europe/Stockholm", "date", locale));
    expect(dates).toEqual([
      "Thursday, 3 December 2020",
      "torsdag 3 december 2020",
      "2020年12月3日（星期四）",
      "Thursday, 3 December 2020",
      "2020年12月3日（星期四）",
      "torsdag 3 december 2020",
    ]);
  });
});

describe("dates that differ between zones", () => {
  const evening = { startsAt: new Date("2026-12-01T19:00:00Z"), endsAt: new Date("2026-12-01T20:00:00Z") };
  const three = ["Europe/Stockholm", "Asia/Tokyo", "America/Los_Angeles"];

  it("marks a zone a day ahead of the lead zone", () => {
    expect(formatEventRange({ ...evening, zones: three, locale: "zh-Hant" }).text).toBe(
      "2026年12月1日（星期二）20:00 – 21:00 CET；04:00 – 05:00 JST（+1 日）；11:00 – 12:00 PST",
    );
    expect(formatEventRange({ ...evening, zones: three, locale: "sv" }).text).toBe(
      "tisdag 1 december 2026 · 20:00–21:00 CET · 04:00–05:00 JST (+1 dag) · 11:00–12:00 PST",
    );
  });

  it("marks a zone a day behind, with a real minus sign", () => {
    const hkMorning = { startsAt: new Date("2026-12-02T01:00:00Z"), endsAt: new Date("2026-12-02T02:00:00Z") };
    const both = ["Asia/Hong_Kong", "America/Los_Angeles"];
    expect(formatEventRange({ ...hkMorning, zones: both, locale: "zh-Hant" }).text).toBe("2026年12月2日（星期三）09:00 – 10:00 HKT；17:00 – 18:00 PST（\u22121 日）");
    expect(formatEventRange({ ...hkMorning, zones: both, locale: "sv" }).text).toBe("onsdag 2 december 2026 · 09:00–10:00 HKT · 17:00–18:00 PST (\u22121 dag)");
    expect(formatEventRange({ ...hkMorning, zones: both, locale: "sv" }).zones[1]!.dateLabel).toBe("tisdag 1 december 2026");
  });

  it("says when a range runs past midnight inside one zone", () => {
    const late = { startsAt: new Date("2026-12-01T22:30:00Z"), endsAt: new Date("2026-12-01T23:45:00Z"), zone: "Europe/Stockholm" };
    expect(formatTimeRange({ ...late, locale: "en" })).toBe("23:30 – 00:45 (next day) CET");
    expect(formatTimeRange({ ...late, locale: "zh-Hant" })).toBe("23:30 – 00:45（翌日）CET");
    expect(formatTimeRange({ ...late, locale: "sv" })).toBe("23:30–00:45 (nästa dag) CET");
    const twoDays = { startsAt: new Date("2026-12-01T22:30:00Z"), endsAt: new Date("2026-12-03T08:00:00Z"), zone: "Europe/Stockholm" };
    expect(formatTimeRange({ ...twoDays, locale: "sv" })).toBe("23:30–09:00 (+2 dagar) CET");
    expect(formatTimeRange({ ...twoDays, locale: "zh-Hant" })).toBe("23:30 – 09:00（+2 日）CET");
  });

  it("gives the viewer their own line and day shift in their language", () => {
    const viewer = (locale: "en" | "zh-Hant" | "sv") =>
      formatViewerRange({ ...evening, viewerZone: "Asia/Hong_Kong", leadZone: "Europe/Stockholm", locale });
    expect(viewer("en")).toEqual({ text: "Wednesday, 2 December 2026, 03:00 – 04:00 HKT", dayOffset: 1 });
    expect(viewer("zh-Hant")).toEqual({ text: "2026年12月2日（星期三）03:00 – 04:00 HKT", dayOffset: 1 });
    expect(viewer("sv")).toEqual({ text: "onsdag 2 december 2026 · 03:00–04:00 HKT", dayOffset: 1 });
    expect(formatDayShift(1, "zh-Hant")).toBe("（+1 日）");
    expect(formatDayShift(-2, "sv")).toBe("(\u22122 dagar)");
    expect(formatDayShift(0, "en")).toBe("");
  });

  it("marks programme segments from the header's date in each language", () => {
    const times = formatSegmentTimes({
      startsAt: new Date("2026-12-01T19:30:00Z"),
      endsAt: new Date("2026-12-01T20:00:00Z"),
      zones: ["Europe/Stockholm", "Asia/Tokyo"],
      eventStartsAt: evening.startsAt,
      viewerZone: "America/Los_Angeles",
      locale: "sv",
    });
    expect(times.zones.map((z) => z.text)).toEqual(["20:30–21:00 CET", "04:30–05:00 JST (+1 dag)"]);
    expect(times.viewer?.text).toBe("11:30–12:00 PST");
  });
});

describe("daylight saving in each language", () => {
  it("shows both abbreviations when summer time ends during the event", () => {
    const overnight = { startsAt: new Date("2026-10-25T00:30:00Z"), endsAt: new Date("2026-10-25T01:30:00Z"), zone: "Europe/Stockholm" };
    expect(formatTimeRange({ ...overnight, locale: "sv" })).toBe("02:30 CEST – 02:30 CET");
    expect(formatTimeRange({ ...overnight, locale: "zh-Hant" })).toBe("02:30 CEST – 02:30 CET");
  });

  it("follows the week when Europe has changed its clocks and Hong Kong has not", () => {
    // 29 March 2026: Stockholm moves to CEST, so the gap to Hong Kong shrinks from 7 hours to 6.
    const before = { startsAt: new Date("2026-03-27T09:00:00Z"), endsAt: new Date("2026-03-27T10:00:00Z") };
    const after = { startsAt: new Date("2026-03-30T08:00:00Z"), endsAt: new Date("2026-03-30T09:00:00Z") };
    expect(formatEventRange({ ...before, zones, locale: "zh-Hant" }).text).toBe("2026年3月27日（星期五）10:00 – 11:00 CET；17:00 – 18:00 HKT");
    expect(formatEventRange({ ...after, zones, locale: "zh-Hant" }).text).toBe("2026年3月30日（星期一）10:00 – 11:00 CEST；16:00 – 17:00 HKT");
    expect(formatEventRange({ ...after, zones, locale: "sv" }).text).toBe("måndag 30 mars 2026 · 10:00–11:00 CEST · 16:00–17:00 HKT");
  });

  it("crosses the US change with a day shift in Swedish", () => {
    // 8 March 2026, US clocks spring forward; Stockholm has not yet.
    const range = formatEventRange({
      startsAt: new Date("2026-03-09T02:00:00Z"),
      endsAt: new Date("2026-03-09T03:00:00Z"),
      zones: ["America/New_York", "Europe/Stockholm"],
      locale: "sv",
    });
    expect(range.text).toBe("söndag 8 mars 2026 · 22:00–23:00 EDT · 03:00–04:00 CET (+1 dag)");
  });
});

describe("time left, as reminders say it", () => {
  const now = new Date("2026-12-03T08:00:00Z");
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  it("speaks each language's plurals", () => {
    expect([1, 20, 90, 60 * 24, 60 * 72].map((m) => formatTimeLeft(now, at(m), "sv"))).toEqual([
      "om 1 minut",
      "om 20 minuter",
      "om 1 timme 30 minuter",
      "om 24 timmar",
      "om 3 dagar",
    ]);
    expect([1, 90, 60 * 72].map((m) => formatTimeLeft(now, at(m), "zh-Hant"))).toEqual(["1 分鐘後", "1 小時 30 分鐘後", "3 日後"]);
    expect(formatTimeLeft(now, at(-5), "zh-Hant")).toBe("現在");
    expect(formatTimeLeft(now, at(20))).toBe("in 20 minutes");
  });
});

describe("zone names in the reader's language", () => {
  it("keeps the IANA name in English and uses the language's own name elsewhere", () => {
    expect(zoneName("Asia/Hong_Kong", "en")).toBe("Asia/Hong Kong");
    expect(zoneName("Asia/Hong_Kong", "zh-Hant")).toMatch(/^香港(標準)?時間$/);
    expect(zoneName("Europe/Stockholm", "zh-Hant")).toMatch(/^中歐(標準)?時間$/);
    expect(zoneName("Europe/Stockholm", "sv")).toBe("centraleuropeisk tid");
    expect(zoneName("America/Los_Angeles", "sv")).toBe("västnordamerikansk tid");
  });

  it("falls back to the IANA name where the language only knows an offset, or the zone is unknown", () => {
    expect(zoneName("UTC", "zh-Hant")).toBe("UTC");
    expect(zoneName("Etc/GMT-14", "sv")).toBe("Etc/GMT-14");
    expect(zoneName("Not/A_Zone", "sv")).toBe("Not/A Zone");
  });
});
