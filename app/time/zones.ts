import { DateTime, IANAZone } from "luxon";
import { abbreviationFor, formatUtcOffset } from "./abbreviations";
import { boundedMemo } from "~/shared/bounded-memo";
export { DEFAULT_ZONE, UNKNOWN_ZONE_MESSAGE, cityName, zoneChoiceValue, zoneFromChoice } from "./zone-names";

// Luxon's check builds an Intl.DateTimeFormat on every call; the answer never changes.
const knownZoneValidity = boundedMemo(2_000, (zone) => zone === "UTC" || IANAZone.isValidZone(zone));

export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  return knownZoneValidity(zone);
}


// Luxon recomputes a zone's offset for every DateTime (an Intl formatToParts call)
// and a page shows the same few instants in the same few zones over and over.
// DateTimes are immutable, so one per (instant, zone) serves every caller; the key is "millis|zone".
const zonedDateTimes = boundedMemo(5_000, (key) => {
  const bar = key.indexOf("|");
  const zone = key.slice(bar + 1);
  const dt = DateTime.fromMillis(Number(key.slice(0, bar)), { zone });
  if (!dt.isValid) throw new Error(`Unknown time zone "${zone}"`);
  return dt;
});

export function zonedDateTime(instant: Date, zone: string): DateTime {
  return zonedDateTimes(`${instant.getTime()}|${zone}`);
}

// toFormat parses its pattern and builds Intl formatters on every call. The key is
// "intlLocale|pattern|millis|zone": the same pattern names a Thursday "Thursday",
// "torsdag" or "星期四", so the language is part of the key (patterns never hold "|").
const formattedTimes = boundedMemo(10_000, (key) => {
  const first = key.indexOf("|");
  const second = key.indexOf("|", first + 1);
  const intlLocale = key.slice(0, first);
  const pattern = key.slice(first + 1, second);
  const dt = zonedDateTimes(key.slice(second + 1));
  return dt.toFormat(pattern, { locale: intlLocale });
});

/**
 * `instant` in `zone` written with a luxon pattern ("HH:mm"), with month and day
 * names in `intlLocale` (a BCP 47 tag, default en-GB) whatever the process locale.
 */
export function formatZoned(instant: Date, zone: string, pattern: string, intlLocale = "en-GB"): string {
  return formattedTimes(`${intlLocale}|${pattern}|${instant.getTime()}|${zone}`);
}

export function zoneAbbreviation(zone: string, instant: Date): string {
  return abbreviationFor(zone, zonedDateTime(instant, zone).offset);
}


/** "Europe/Stockholm (CET, UTC+1)" for select lists. */
export function zoneLabel(zone: string, instant: Date): string {
  const offset = zonedDateTime(instant, zone).offset;
  const abbreviation = abbreviationFor(zone, offset);
  const utc = formatUtcOffset(offset);
  return abbreviation === utc ? `${zone.replace(/_/g, " ")} (${utc})` : `${zone.replace(/_/g, " ")} (${abbreviation}, ${utc})`;
}
