// Zone names as people read and type them, without luxon: the browser's
// registration form imports these, and must not pull in luxon's zone handling
// (decision 017). Everything that needs offsets or formatting is in ./zones.

export const DEFAULT_ZONE = "UTC";

/** What every zone field says when the text names no zone. */
export const UNKNOWN_ZONE_MESSAGE = "Choose a time zone from the list, or type a city such as Stockholm";

/** "Stockholm" from "Europe/Stockholm", "Ho Chi Minh" from "Asia/Ho_Chi_Minh". */
export function cityName(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}

/**
 * How a zone reads in a zone field: "Kolkata — Asia/Kolkata", the form the
 * suggestions use, so a person sees a city and the server reads the zone.
 */
export function zoneChoiceValue(zone: string): string {
  return zone === DEFAULT_ZONE ? DEFAULT_ZONE : `${cityName(zone)} — ${zone}`;
}

/** The zone part of a zone field's text: "Asia/Kolkata" from "Kolkata — Asia/Kolkata"; other text as typed. */
export function zoneFromChoice(text: string): string {
  const dash = text.lastIndexOf("—");
  return (dash === -1 ? text : text.slice(dash + 1)).trim();
}
