import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatInstant, zoneChoiceValue } from "./index";
import { canonicalTimeZone, listTimeZones, resolveTimeZone, timeZoneChoicesHtml } from "./zone-catalog.server";

const INSTANTS = [new Date("2026-01-15T12:00:00Z"), new Date("2026-07-15T12:00:00Z")];

describe("the zone catalogue", () => {
  it("offers current names, never the legacy ones ICU still reports", () => {
    const zones = listTimeZones();
    for (const current of ["Asia/Kolkata", "Europe/Kyiv", "Asia/Ho_Chi_Minh", "Asia/Kathmandu", "America/Nuuk", "UTC"]) {
      expect(zones).toContain(current);
    }
    for (const legacy of ["Asia/Calcutta", "Europe/Kiev", "Asia/Saigon", "Asia/Katmandu", "America/Godthab"]) {
      expect(zones).not.toContain(legacy);
    }
  });

  it("turns every alias into its current name", () => {
    expect(canonicalTimeZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(canonicalTimeZone("Asia/Saigon")).toBe("Asia/Ho_Chi_Minh");
    expect(canonicalTimeZone("US/Eastern")).toBe("America/New_York");
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
  });

  it("accepts every zone the runtime knows and keeps its clock", () => {
    // Whatever name a browser reports, the zone stored shows the same wall time.
    for (const zone of Intl.supportedValuesOf("timeZone")) {
      const current = canonicalTimeZone(zone);
      expect(current, zone).not.toBeNull();
      for (const instant of INSTANTS) {
        expect(formatInstant(instant, current!, "dateTime"), zone).toContain(formatInstant(instant, zone, "time"));
      }
    }
  });

  it("reads what a person types: a suggestion, a zone, an alias or a city", () => {
    expect(resolveTimeZone("Kolkata — Asia/Kolkata")).toBe("Asia/Kolkata");
    expect(resolveTimeZone("asia/calcutta")).toBe("Asia/Kolkata");
    expect(resolveTimeZone("Mumbai")).toBe("Asia/Kolkata");
    expect(resolveTimeZone("  stockholm ")).toBe("Europe/Stockholm");
    expect(resolveTimeZone("Malmo")).toBe("Europe/Stockholm");
    expect(resolveTimeZone("Hong Kong")).toBe("Asia/Hong_Kong");
    expect(resolveTimeZone("Ho Chi Minh")).toBe("Asia/Ho_Chi_Minh");
    expect(resolveTimeZone("UTC")).toBe("UTC");
    expect(resolveTimeZone("Atlantis")).toBeNull();
    expect(resolveTimeZone("")).toBeNull();
  });

  it("reads back every suggestion it offers as the zone it names", () => {
    for (const zone of listTimeZones()) expect(resolveTimeZone(zoneChoiceValue(zone))).toBe(zone);
  });

  it("never answers anything but a listed or valid zone, whatever is typed", () => {
    const listed = new Set(listTimeZones());
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (text) => {
        const zone = resolveTimeZone(text);
        if (zone !== null) expect(listed.has(zone) || canonicalTimeZone(zone) === zone).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("renders the suggestions with their cities, escaped", () => {
    const html = timeZoneChoicesHtml();
    expect(html).toContain('<option value="Kolkata — Asia/Kolkata" label="India · Mumbai · Delhi · Bengaluru · Hyderabad"></option>');
    expect(html).not.toContain("Asia/Calcutta");
    expect(html.match(/<option /g)!.length).toBeGreaterThan(300);
  });
});
