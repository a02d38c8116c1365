// The only module that imports luxon (ESLint enforces it). Everything else
// asks here for zones, abbreviations, ranges and day shifts. The zone catalogue
// (current names, aliases, cities) is server-only: ./zone-catalog.server.
export { formatUtcOffset, abbreviationFor } from "./abbreviations";
export {
  DEFAULT_ZONE,
  UNKNOWN_ZONE_MESSAGE,
  cityName,
  isValidTimeZone,
  zoneAbbreviation,
  zoneChoiceValue,
  zoneFromChoice,
  zoneLabel,
} from "./zones";
export {
  calendarBadge,
  formatEventRange,
  formatSegmentTimes,
  formatInstant,
  formatTimeRange,
  formatViewerRange,
  formatDayShift,
  zoneName,
  type EventRange,
  type InstantStyle,
  type SegmentTimes,
  type ZoneRange,
} from "./format";
export { instantToZonedWallTime, nowUtc, toIsoWithOffset, toUtcBasic, zonedWallTimeToInstant } from "./convert";
export { formatTimeLeft } from "./time-left";
