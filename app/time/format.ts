// Every date and time a person reads in Podium is formatted here: 24-hour
// clock, dates written the way each language writes them, the zone's
// abbreviation (the same in every language: CET, HKT), and a visible day
// shift when a zone's calendar date differs from the lead zone's.
import { boundedMemo } from "~/shared/bounded-memo";
import type { DateTime } from "luxon";
import type { Locale } from "~/i18n/locales";
import { abbreviationFor } from "./abbreviations";
import { formatZoned, zonedDateTime } from "./zones";

const TIME = "HH:mm";

/** How one language writes dates, ranges and day markers. Luxon's own month and day names, in `intl`. */
interface DateWording {
  intl: string;
  date: string;
  shortDate: string;
  badgeMonth: string;
  badgeWeekday: string;
  /** Between start and end: "10:00 – 11:15" in English and Chinese, "10:00–11:15" in Swedish. */
  dash: string;
  /** Between the date and the zones, and between zones. */
  afterDate: string;
  betweenZones: string;
  /** "(next day)", "(+2 days)": an end on a later date in the same zone. */
  endsLater: (days: number) => string;
  /** "(+1 day)", "(−1 day)": a zone whose date differs from the lead zone's. */
  dayShift: (sign: "+" | "\u2212", days: number) => string;
  dateTime: (date: string, time: string, abbreviation: string) => string;
  dateAtTime: (date: string, time: string, abbreviation: string) => string;
  viewerLine: (date: string, range: string) => string;
}

const WORDING: Record<Locale, DateWording> = {
  en: {
    intl: "en-GB",
    date: "cccc, d LLLL yyyy",
    shortDate: "ccc d LLL yyyy",
    badgeMonth: "LLL",
    badgeWeekday: "ccc",
    dash: " \u2013 ",
    afterDate: " \u00b7 ",
    betweenZones: " \u00b7 ",
    endsLater: (days) => (days === 1 ? " (next day)" : ` (+${days} days)`),
    dayShift: (sign, days) => ` (${sign}${days} day${days === 1 ? "" : "s"})`,
    dateTime: (date, time, abbreviation) => `${date}, ${time} ${abbreviation}`,
    dateAtTime: (date, time, abbreviation) => `${date} at ${time} ${abbreviation}`,
    viewerLine: (date, range) => `${date}, ${range}`,
  },
  // As Hong Kong writes it: 2020年12月3日（星期四）, full-width brackets and semicolons, 翌日 for "next day".
  "zh-Hant": {
    intl: "zh-Hant-HK",
    date: "yyyy年M月d日（cccc）",
    shortDate: "yyyy年M月d日",
    badgeMonth: "M月",
    badgeWeekday: "ccc",
    dash: " \u2013 ",
    afterDate: "",
    betweenZones: "；",
    endsLater: (days) => (days === 1 ? "（翌日）" : `（+${days} 日）`),
    dayShift: (sign, days) => `（${sign}${days} 日）`,
    dateTime: (date, time, abbreviation) => `${date}${time} ${abbreviation}`,
    dateAtTime: (date, time, abbreviation) => `${date}${time} ${abbreviation}`,
    viewerLine: (date, range) => `${date}${range}`,
  },
  // Swedish: torsdag 3 december 2020, an unspaced en dash in a range, "kl." before a lone time.
  sv: {
    intl: "sv-SE",
    date: "cccc d LLLL yyyy",
    shortDate: "ccc d LLL yyyy",
    badgeMonth: "LLL",
    badgeWeekday: "ccc",
    dash: "\u2013",
    afterDate: " \u00b7 ",
    betweenZones: " \u00b7 ",
    endsLater: (days) => (days === 1 ? " (nästa dag)" : ` (+${days} dagar)`),
    dayShift: (sign, days) => ` (${sign}${days} ${days === 1 ? "dag" : "dagar"})`,
    dateTime: (date, time, abbreviation) => `${date} kl. ${time} ${abbreviation}`,
    dateAtTime: (date, time, abbreviation) => `${date} kl. ${time} ${abbreviation}`,
    viewerLine: (date, range) => `${date} \u00b7 ${range}`,
  },
};

function wording(locale: Locale): DateWording {
  return WORDING[locale] ?? WORDING.en;
}

function calendarDay(dt: DateTime): number {
  return Date.UTC(dt.year, dt.month - 1, dt.day) / 86_400_000;
}

function dayShiftLabel(days: number, locale: Locale): string {
  if (days === 0) return "";
  return wording(locale).dayShift(days > 0 ? "+" : "\u2212", Math.abs(days));
}

function formatDate(instant: Date, zone: string, locale: Locale): string {
  const words = wording(locale);
  return formatZoned(instant, zone, words.date, words.intl);
}

/**
 * "sortable" is for spreadsheets: 2026-12-03 17:00, in the zone given.
 * "dateAtTime" reads inside a sentence: "opens on Thursday, 3 December 2020 at 09:45 CET".
 */
export type InstantStyle = "date" | "shortDate" | "time" | "dateTime" | "dateAtTime" | "sortable";

export function formatInstant(instant: Date, zone: string, style: InstantStyle, locale: Locale = "en"): string {
  const words = wording(locale);
  const at = (pattern: string) => formatZoned(instant, zone, pattern, words.intl);
  const abbreviation = () => abbreviationFor(zone, zonedDateTime(instant, zone).offset);
  switch (style) {
    case "date":
      return at(words.date);
    case "shortDate":
      return at(words.shortDate);
    case "time":
      return at(TIME);
    case "sortable":
      return at("yyyy-MM-dd HH:mm");
    case "dateTime":
      return words.dateTime(at(words.date), at(TIME), abbreviation());
    case "dateAtTime":
      return words.dateAtTime(at(words.date), at(TIME), abbreviation());
  }
}

export function calendarBadge(instant: Date, zone: string, locale: Locale = "en"): { month: string; day: string; weekday: string; year: string } {
  const words = wording(locale);
  const dt = zonedDateTime(instant, zone);
  return {
    month: formatZoned(instant, zone, words.badgeMonth, words.intl),
    day: String(dt.day),
    weekday: formatZoned(instant, zone, words.badgeWeekday, words.intl),
    year: String(dt.year),
  };
}

/**
 * "10:00 – 11:15 CET". A range that ends on a later date in this zone reads
 * "23:30 – 00:45 (next day) CET". When start and end fall under different
 * abbreviations (a DST change mid-event) both are shown.
 */
export function formatTimeRange({ startsAt, endsAt, zone, locale = "en" }: { startsAt: Date; endsAt: Date; zone: string; locale?: Locale }): string {
  const words = wording(locale);
  const start = zonedDateTime(startsAt, zone);
  const end = zonedDateTime(endsAt, zone);
  const startAbbr = abbreviationFor(zone, start.offset);
  const endAbbr = abbreviationFor(zone, end.offset);
  const endDays = calendarDay(end) - calendarDay(start);
  const endMarker = endDays > 0 ? words.endsLater(endDays) : "";
  const startTime = formatZoned(startsAt, zone, TIME);
  // With an abbreviation on each side the dash needs room, whatever the language.
  const startText = startAbbr === endAbbr ? startTime : `${startTime} ${startAbbr}`;
  const dash = startAbbr === endAbbr ? words.dash : " \u2013 ";
  const beforeAbbr = endMarker.startsWith("（") ? "" : " ";
  return `${startText}${dash}${formatZoned(endsAt, zone, TIME)}${endMarker}${beforeAbbr}${endAbbr}`;
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

/**
 * "Thursday, 3 December 2020 · 10:00 – 11:15 CET · 17:00 – 18:15 HKT": the first zone leads the date.
 * "2020年12月3日（星期四）10:00 – 11:15 CET；17:00 – 18:15 HKT", "torsdag 3 december 2020 · 10:00–11:15 CET · 17:00–18:15 HKT".
 */
export function formatEventRange({
  startsAt,
  endsAt,
  zones,
  locale = "en",
}: {
  startsAt: Date;
  endsAt: Date;
  zones: string[];
  locale?: Locale;
}): EventRange {
  const words = wording(locale);
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
      startTime: formatZoned(startsAt, zone, TIME),
      endTime: formatZoned(endsAt, zone, TIME),
      dayOffset,
      endsNextDay: calendarDay(end) > calendarDay(start),
      dateLabel: formatDate(startsAt, zone, locale),
      text: `${formatTimeRange({ startsAt, endsAt, zone, locale })}${dayShiftLabel(dayOffset, locale)}`,
    };
  });
  const dateLabel = formatDate(startsAt, unique[0]!, locale);
  return { dateLabel, zones: ranges, text: `${dateLabel}${words.afterDate}${ranges.map((r) => r.text).join(words.betweenZones)}` };
}

/** The viewer's own date and time, and how their date differs from the lead zone's. */
export function formatViewerRange({
  startsAt,
  endsAt,
  viewerZone,
  leadZone,
  locale = "en",
}: {
  startsAt: Date;
  endsAt: Date;
  viewerZone: string;
  leadZone: string;
  locale?: Locale;
}): { text: string; dayOffset: number } {
  const start = zonedDateTime(startsAt, viewerZone);
  const dayOffset = calendarDay(start) - calendarDay(zonedDateTime(startsAt, leadZone));
  return {
    text: wording(locale).viewerLine(formatDate(startsAt, viewerZone, locale), formatTimeRange({ startsAt, endsAt, zone: viewerZone, locale })),
    dayOffset,
  };
}

/** The BCP 47 tag Intl formats a language's dates with: en-GB, zh-Hant-HK, sv-SE. */
export function intlLocaleOf(locale: Locale): string {
  return WORDING[locale].intl;
}

/**
 * A zone as a reader of `locale` names it: "香港標準時間", "centraleuropeisk tid". English keeps
 * the IANA name people see in every calendar ("Asia/Hong Kong"); in other languages those are
 * English words, so Unicode CLDR's name in the reader's language is used (through Intl, the
 * same source as the browser's own clock settings). A zone CLDR only knows as "GMT+08:00"
 * keeps its IANA name. Asked for today's name: CLDR's names follow a zone's history (1970's
 * Stockholm reads "normaltid").
 */
export function zoneName(zone: string, locale: Locale = "en"): string {
  return zoneNames(`${locale}|${zone}`);
}

const zoneNames = boundedMemo(2_000, (key) => {
  const bar = key.indexOf("|");
  const locale = key.slice(0, bar) as Locale;
  const zone = key.slice(bar + 1);
  const iana = zone.replace(/_/g, " ");
  if (locale === "en") return iana;
  try {
    const parts = new Intl.DateTimeFormat(WORDING[locale].intl, { timeZone: zone, timeZoneName: "longGeneric" }).formatToParts(Date.now());
    const name = parts.find((part) => part.type === "timeZoneName")?.value;
    return name && !/^(?:GMT|UTC)/.test(name) ? name : iana;
  } catch {
    return iana;
  }
});

/** "(+1 day)", "（−1 日）", "(+1 dag)": the viewer's date against the lead zone's, for the "your time" line. */
export function formatDayShift(dayOffset: number, locale: Locale = "en"): string {
  return dayShiftLabel(dayOffset, locale).trim();
}

export interface SegmentTimes {
  /** One per display zone: "04:30 – 05:00 JST (+1 day)". */
  zones: { zone: string; text: string }[];
  /** The same in the viewer's zone, or null when we do not know it. */
  viewer: { zone: string; text: string } | null;
}

/**
 * A programme segment's times, in every display zone and the viewer's. Day
 * markers count from the date the event's header shows (the lead zone's date
 * at the event's start), so a segment reads "+1 day" exactly where the header
 * does, and also where a late segment runs past midnight in the lead zone.
 */
export function formatSegmentTimes({
  startsAt,
  endsAt,
  zones,
  eventStartsAt,
  viewerZone,
  locale = "en",
}: {
  startsAt: Date;
  endsAt: Date;
  zones: string[];
  eventStartsAt: Date;
  viewerZone: string | null;
  locale?: Locale;
}): SegmentTimes {
  const unique = [...new Set(zones.length > 0 ? zones : ["UTC"])];
  const headerDay = calendarDay(zonedDateTime(eventStartsAt, unique[0]!));
  const inZone = (zone: string) => {
    const dayOffset = calendarDay(zonedDateTime(startsAt, zone)) - headerDay;
    return { zone, text: `${formatTimeRange({ startsAt, endsAt, zone, locale })}${dayShiftLabel(dayOffset, locale)}` };
  };
  return { zones: unique.map(inZone), viewer: viewerZone ? inZone(viewerZone) : null };
}
