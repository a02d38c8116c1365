import { DateTime } from "luxon";
import { isValidTimeZone } from "./zones";

export function nowUtc(): Date {
  return new Date();
}

/** "2020-12-03T10:00:00+01:00", for schema.org and anything machine-read. */
export function toIsoWithOffset(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true })!;
}

/** "20201203T090000Z", the basic format calendar links use. */
export function toUtcBasic(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * The instant a wall-clock time names in a zone. In a spring-forward gap
 * (02:30 on the night clocks jump 02:00→03:00) luxon moves forward by the gap,
 * so 02:30 becomes 03:30; in a fall-back overlap the earlier instant is taken.
 */
export function zonedWallTimeToInstant({ date, time, zone }: { date: string; time: string; zone: string }): Date {
  if (!isValidTimeZone(zone)) throw new Error(`Unknown time zone "${zone}"`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`Invalid date "${date}": expected YYYY-MM-DD`);
  if (!/^\d{2}:\d{2}$/.test(time)) throw new Error(`Invalid time "${time}": expected HH:MM`);
  const dt = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!dt.isValid) throw new Error(`Invalid date or time "${date} ${time}"`);
  // In a fall-back overlap the same wall time also exists one hour earlier, under the summer offset.
  const hourEarlier = DateTime.fromMillis(dt.toMillis() - 3_600_000, { zone });
  const ambiguous = hourEarlier.toFormat("yyyy-MM-dd") === date && hourEarlier.toFormat("HH:mm") === time;
  return new Date(ambiguous ? hourEarlier.toMillis() : dt.toMillis());
}

export function instantToZonedWallTime(instant: Date, zone: string): { date: string; time: string } {
  const dt = DateTime.fromJSDate(instant, { zone });
  return { date: dt.toFormat("yyyy-MM-dd"), time: dt.toFormat("HH:mm") };
}
