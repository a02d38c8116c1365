import { describe, expect, it } from "vitest";
import { zoneAbbreviation } from "./zones";

const WINTER = new Date("2026-01-15T12:00:00Z");
const SUMMER = new Date("2026-07-15T12:00:00Z");

describe("zoneAbbreviation", () => {
  it.each([
    ["Europe/Stockholm", "CET", "CEST"],
    ["Europe/Berlin", "CET", "CEST"],
    ["Europe/Paris", "CET", "CEST"],
    ["Europe/Zurich", "CET", "CEST"],
    ["Europe/London", "GMT", "BST"],
    ["Europe/Helsinki", "EET", "EEST"],
    ["America/New_York", "EST", "EDT"],
    ["America/Toronto", "EST", "EDT"],
    ["America/Chicago", "CST", "CDT"],
    ["America/Denver", "MST", "MDT"],
    ["America/Phoenix", "MST", "MST"],
    ["America/Los_Angeles", "PST", "PDT"],
    ["America/Anchorage", "AKST", "AKDT"],
    ["Pacific/Honolulu", "HST", "HST"],
    ["America/Halifax", "AST", "ADT"],
    ["Asia/Hong_Kong", "HKT", "HKT"],
    ["Asia/Tokyo", "JST", "JST"],
    ["Asia/Seoul", "KST", "KST"],
    ["Asia/Kolkata", "IST", "IST"],
    ["Asia/Singapore", "SGT", "SGT"],
    // Southern hemisphere: daylight time in January.
    ["Australia/Sydney", "AEDT", "AEST"],
    ["Australia/Melbourne", "AEDT", "AEST"],
    ["Australia/Brisbane", "AEST", "AEST"],
    ["Australia/Adelaide", "ACDT", "ACST"],
    ["Australia/Darwin", "ACST", "ACST"],
    ["Australia/Perth", "AWST", "AWST"],
    ["Pacific/Auckland", "NZDT", "NZST"],
    ["UTC", "UTC", "UTC"],
  ])("%s is %s in January and %s in July", (zone, january, july) => {
    expect(zoneAbbreviation(zone, WINTER)).toBe(january);
    expect(zoneAbbreviation(zone, SUMMER)).toBe(july);
  });

  it("switches at the exact instants of the 2026 European changes", () => {
    // Clocks go forward at 01:00 UTC on 29 March and back at 01:00 UTC on 25 October.
    expect(zoneAbbreviation("Europe/Stockholm", new Date("2026-03-29T00:59:59Z"))).toBe("CET");
    expect(zoneAbbreviation("Europe/Stockholm", new Date("2026-03-29T01:00:00Z"))).toBe("CEST");
    expect(zoneAbbreviation("Europe/Stockholm", new Date("2026-10-25T00:59:59Z"))).toBe("CEST");
    expect(zoneAbbreviation("Europe/Stockholm", new Date("2026-10-25T01:00:00Z"))).toBe("CET");
    expect(zoneAbbreviation("Europe/London", new Date("2026-03-29T00:59:59Z"))).toBe("GMT");
    expect(zoneAbbreviation("Europe/London", new Date("2026-03-29T01:00:00Z"))).toBe("BST");
  });

  it("switches at the US change, which is weeks before Europe's", () => {
    // 8 March 2026, 02:00 EST = 07:00 UTC.
    expect(zoneAbbreviation("America/New_York", new Date("2026-03-08T06:59:59Z"))).toBe("EST");
    expect(zoneAbbreviation("America/New_York", new Date("2026-03-08T07:00:00Z"))).toBe("EDT");
    expect(zoneAbbreviation("Europe/Stockholm", new Date("2026-03-08T07:00:00Z"))).toBe("CET");
  });

  it("gives an explicit offset where an abbreviation would be ambiguous or unknown", () => {
    expect(zoneAbbreviation("Asia/Shanghai", WINTER)).toBe("UTC+8");
    expect(zoneAbbreviation("Asia/Taipei", WINTER)).toBe("UTC+8");
    expect(zoneAbbreviation("Asia/Kathmandu", WINTER)).toBe("UTC+5:45");
    expect(zoneAbbreviation("America/Sao_Paulo", WINTER)).toBe("UTC\u22123");
    expect(zoneAbbreviation("Asia/Dubai", WINTER)).toBe("UTC+4");
  });

  it("falls back to the offset when a zone's historic rules differ from today's", () => {
    // Hong Kong kept summer time until 1979: HKST is not in our table, so the offset shows.
    expect(zoneAbbreviation("Asia/Hong_Kong", new Date("1975-07-01T12:00:00Z"))).toBe("UTC+9");
  });
});
