// The only module that imports luxon (ESLint enforces it). Everything else
// asks here for zones, abbreviations, ranges and day shifts.
export { formatUtcOffset, abbreviationFor } from "./abbreviations";
export { DEFAULT_ZONE, cityName, isValidTimeZone, listTimeZones, zoneAbbreviation, zoneLabel } from "./zones";
export {
  calendarBadge,
  formatEventRange,
  formatInstant,
  formatTimeRange,
  formatViewerRange,
  type EventRange,
  type InstantStyle,
  type ZoneRange,
} from "./format";
export { instantToZonedWallTime, nowUtc, toIsoWithOffset, toUtcBasic, zonedWallTimeToInstant } from "./convert";
