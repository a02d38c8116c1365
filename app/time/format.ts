// Every date and time a person reads in Podium is formatted here: 24-hour
// clock, day-month-year dates in English, the zone's abbreviation, and a
// visible day shift when a zone's calendar date differs from the lead zone's.
import type { DateTime } from "luxon";
import { abbreviationFor } from "./abbreviations";
import { zonedDateTime } from "./zones";

const DATE = "cccc, d LLLL yyyy";
const SHORT_DATE = "ccc d LLL yyyy";
const TIME = "HH:mm";
const DASH = " \u2013 ";

function calendarDay(dt: DateTime): number {
  return Date.UTC(dt.year, dt.month - 1, dt.day) / 86_400_000;
}

function dayShiftLabel(days: number): string {
  if (days === 0) return "";
  const sign = days > 0 ? "+" : "\u2212";
  const n = Math.abs(days);
  return ` (${sign}${n} day${n === 1 ? "" : "s"})`;
}

/** "sortable" is for spreadsheets: 2026-12-03 17:00, in the zone given. */
export type InstantStyle = "date" | "shortDate" | "time" | "dateTime" | "sortable";

export function formatInstant(instant: Date, zone: string, style: InstantStyle): string {
  const dt = zonedDateTime(instant, zone);
  switch (style) {
    case "date":
      return dt.toFormat(DATE, { locale: "en-GB" });
    case "shortDate":
      return dt.toFormat(SHORT_DATE, { locale: "en-GB" });
    case "time":
      return dt.toFormat(TIME);
    case "sortable":
      return dt.toFormat("yyyy-MM-dd HH:mm");
    case "dateTime":
      return `${dt.toFormat(DATE, { locale: "en-GB" })}, ${dt.toFormat(TIME)} ${abbreviationFor(zone, dt.offset)}`;
  }
}

export function calendarBadge(instant: Date, zone: string): { month: string; day: string; weekday: string; year: string } {
  const dt = zonedDateTime(instant, zone);
  return {
    month: dt.toFormat("LLL", { locale: "en-GB" }),
    day: String(dt.day),
    weekday: dt.toFormat("ccc", { locale: "en-GB" }),
    year: String(dt.year),
  };
}

/**
 * "10:00 – 11:15 CET". A range that ends on a later date in this zone reads
 * "23:30 – 00:45 (next day) CET". When start and end fall under different
 * abbreviations (a DST change mid-event) both are shown.
 */
export function formatTimeRange({ startsAt, endsAt, zone }: { startsAt: Date; endsAt: Date; zone: string }): string {
  const start = zonedDateTime(startsAt, zone);
  const end = zonedDateTime(endsAt, zone);
  const startAbbr = abbreviationFor(zone, start.offset);
  const endAbbr = abbreviationFor(zone, end.offset);
  const endDays = calendarDay(end) - calendarDay(start);
  const endMarker = endDays === 1 ? " (next day)" : endDays > 1 ? ` (+${endDays} days)` : "";
  const startText = startAbbr === endAbbr ? start.toFormat(TIME) : `${start.toFormat(TIME)} ${startAbbr}`;
  return `${startText}${DASH}${end.toFormat(TIME)}${endMarker} ${endAbbr}`;
}

export interface ZoneRange {
  zone: string;
  abbreviation: string;
  startTime: string;
  endTime: string;
  /** Calendar-day difference of this zone's start date from the lead zone's start date. */
  dayOffset: number;
  endsNextDay: boolean;
  dateLabel: string;
  text: string;
}

export interface EventRange {
  dateLabel: string;
  zones: ZoneRange[];
  text: string;
}

/** "Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT": the first zone leads the date. */
export function formatEventRange({ startsAt, endsAt, zones }: { startsAt: Date; endsAt: Date; zones: string[] }): EventRange {
  const unique = [...new Set(zones.length > 0 ? zones : ["UTC"])];
  const lead = zonedDateTime(startsAt, unique[0]!);
  const leadDay = calendarDay(lead);
  const ranges = unique.map((zone): ZoneRange => {
    const start = zonedDateTime(startsAt, zone);
    const end = zonedDateTime(endsAt, zone);
    const dayOffset = calendarDay(start) - leadDay;
    return {
      zone,
      abbreviation: abbreviationFor(zone, start.offset),
      startTime: start.toFormat(TIME),
      endTime: end.toFormat(TIME),
      dayOffset,
      endsNextDay: calendarDay(end) > calendarDay(start),
      dateLabel: start.toFormat(DATE, { locale: "en-GB" }),
      text: `${formatTimeRange({ startsAt, endsAt, zone })}${dayShiftLabel(dayOffset)}`,
    };
  });
  const dateLabel = lead.toFormat(DATE, { locale: "en-GB" });
  return { dateLabel, zones: ranges, text: [dateLabel, ...ranges.map((r) => r.text)].join(" \u00b7 ") };
}

/** The viewer's own date and time, and how their date differs from the lead zone's. */
export function formatViewerRange({
  startsAt,
  endsAt,
  viewerZone,
  leadZone,
}: {
  startsAt: Date;
  endsAt: Date;
  viewerZone: string;
  leadZone: string;
}): { text: string; dayOffset: number } {
  const start = zonedDateTime(startsAt, viewerZone);
  const dayOffset = calendarDay(start) - calendarDay(zonedDateTime(startsAt, leadZone));
  return {
    text: `${start.toFormat(DATE, { locale: "en-GB" })}, ${formatTimeRange({ startsAt, endsAt, zone: viewerZone })}`,
    dayOffset,
  };
}
