import { DateTime, IANAZone } from "luxon";
import { abbreviationFor, formatUtcOffset } from "./abbreviations";

export const DEFAULT_ZONE = "UTC";

export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  return zone === "UTC" || IANAZone.isValidZone(zone);
}

let cachedZones: string[] | null = null;
export function listTimeZones(): string[] {
  if (!cachedZones) {
    const zones = new Set<string>(Intl.supportedValuesOf("timeZone"));
    zones.add("UTC");
    cachedZones = [...zones].sort();
  }
  return cachedZones;
}

export function zonedDateTime(instant: Date, zone: string): DateTime {
  const dt = DateTime.fromJSDate(instant, { zone });
  if (!dt.isValid) throw new Error(`Unknown time zone "${zone}"`);
  return dt;
}

export function zoneAbbreviation(zone: string, instant: Date): string {
  return abbreviationFor(zone, zonedDateTime(instant, zone).offset);
}

/** "Stockholm" from "Europe/Stockholm", "Ho Chi Minh" from "Asia/Ho_Chi_Minh". */
export function cityName(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

/** "Europe/Stockholm (CET, UTC+1)" for select lists. */
export function zoneLabel(zone: string, instant: Date): string {
  const offset = zonedDateTime(instant, zone).offset;
  const abbreviation = abbreviationFor(zone, offset);
  const utc = formatUtcOffset(offset);
  return abbreviation === utc ? `${zone.replace(/_/g, " ")} (${utc})` : `${zone.replace(/_/g, " ")} (${abbreviation}, ${utc})`;
}
