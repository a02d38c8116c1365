// Zone abbreviations, owned here because Intl's short names depend on the
// locale ("GMT+1" in en-US, "CET" in en-GB) and some are ambiguous (CST is
// both US Central and China). Each zone lists the abbreviation for each UTC
// offset it uses; an offset not listed (old rules, unknown zones) falls back
// to an explicit "UTC+8".

type OffsetNames = Record<number, string>;

const CENTRAL_EUROPE: OffsetNames = { 60: "CET", 120: "CEST" };
const EASTERN_EUROPE: OffsetNames = { 120: "EET", 180: "EEST" };
const BRITISH: OffsetNames = { 0: "GMT", 60: "BST" };
const US_EASTERN: OffsetNames = { [-300]: "EST", [-240]: "EDT" };
const US_CENTRAL: OffsetNames = { [-360]: "CST", [-300]: "CDT" };
const US_MOUNTAIN: OffsetNames = { [-420]: "MST", [-360]: "MDT" };
const US_PACIFIC: OffsetNames = { [-480]: "PST", [-420]: "PDT" };
const AUS_EASTERN: OffsetNames = { 600: "AEST", 660: "AEDT" };
const AUS_CENTRAL: OffsetNames = { 570: "ACST", 630: "ACDT" };

const ZONES: Record<string, OffsetNames> = {
  UTC: { 0: "UTC" },
  "Etc/UTC": { 0: "UTC" },
  "Etc/GMT": { 0: "GMT" },
  "Europe/London": BRITISH,
  "Europe/Dublin": { 0: "GMT", 60: "IST (Ireland)" },
  "Europe/Lisbon": { 0: "WET", 60: "WEST" },
  "Atlantic/Canary": { 0: "WET", 60: "WEST" },
  "Europe/Helsinki": EASTERN_EUROPE,
  "Europe/Athens": EASTERN_EUROPE,
  "Europe/Bucharest": EASTERN_EUROPE,
  "Europe/Sofia": EASTERN_EUROPE,
  "Europe/Riga": EASTERN_EUROPE,
  "Europe/Tallinn": EASTERN_EUROPE,
  "Europe/Vilnius": EASTERN_EUROPE,
  "Europe/Kyiv": EASTERN_EUROPE,
  "Europe/Kiev": EASTERN_EUROPE,
  "Europe/Moscow": { 180: "MSK" },
  "America/New_York": US_EASTERN,
  "America/Toronto": US_EASTERN,
  "America/Detroit": US_EASTERN,
  "America/Montreal": US_EASTERN,
  "America/Chicago": US_CENTRAL,
  "America/Winnipeg": US_CENTRAL,
  "America/Denver": US_MOUNTAIN,
  "America/Edmonton": US_MOUNTAIN,
  "America/Phoenix": { [-420]: "MST" },
  "America/Los_Angeles": US_PACIFIC,
  "America/Vancouver": US_PACIFIC,
  "America/Anchorage": { [-540]: "AKST", [-480]: "AKDT" },
  "Pacific/Honolulu": { [-600]: "HST" },
  "America/Halifax": { [-240]: "AST", [-180]: "ADT" },
  "America/St_Johns": { [-210]: "NST", [-150]: "NDT" },
  "Asia/Hong_Kong": { 480: "HKT" },
  "Asia/Tokyo": { 540: "JST" },
  "Asia/Seoul": { 540: "KST" },
  "Asia/Kolkata": { 330: "IST" },
  "Asia/Calcutta": { 330: "IST" },
  "Asia/Singapore": { 480: "SGT" },
  "Asia/Jakarta": { 420: "WIB" },
  "Asia/Manila": { 480: "PHT" },
  "Australia/Sydney": AUS_EASTERN,
  "Australia/Melbourne": AUS_EASTERN,
  "Australia/Hobart": AUS_EASTERN,
  "Australia/Canberra": AUS_EASTERN,
  "Australia/Brisbane": { 600: "AEST" },
  "Australia/Adelaide": AUS_CENTRAL,
  "Australia/Darwin": { 570: "ACST" },
  "Australia/Perth": { 480: "AWST" },
  "Pacific/Auckland": { 720: "NZST", 780: "NZDT" },
  "Africa/Johannesburg": { 120: "SAST" },
  "Africa/Lagos": { 60: "WAT" },
  "Africa/Nairobi": { 180: "EAT" },
  "Asia/Jerusalem": { 120: "IST (Israel)", 180: "IDT" },
};

for (const city of [
  "Amsterdam", "Andorra", "Belgrade", "Berlin", "Bratislava", "Brussels", "Budapest", "Copenhagen", "Gibraltar",
  "Ljubljana", "Luxembourg", "Madrid", "Malta", "Monaco", "Oslo", "Paris", "Prague", "Rome", "San_Marino",
  "Sarajevo", "Skopje", "Stockholm", "Tirane", "Vaduz", "Vatican", "Vienna", "Warsaw", "Zagreb", "Zurich",
]) {
  ZONES[`Europe/${city}`] = CENTRAL_EUROPE;
}

/** "UTC+8", "UTC+5:45", "UTC−3" (a real minus sign), "UTC" for zero. */
export function formatUtcOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "UTC";
  const sign = offsetMinutes > 0 ? "+" : "\u2212";
  const abs = Math.abs(offsetMinutes);
  const hours = Math.floor(abs / 60);
  const minutes = abs % 60;
  return `UTC${sign}${hours}${minutes ? `:${String(minutes).padStart(2, "0")}` : ""}`;
}

export function abbreviationFor(zone: string, offsetMinutes: number): string {
  return ZONES[zone]?.[offsetMinutes] ?? formatUtcOffset(offsetMinutes);
}
