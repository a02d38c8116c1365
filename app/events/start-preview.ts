// What the event form shows under the start time: the typed wall time, read in
// its zone, as the same instant in every display zone. Runs in the browser as
// the organizer types and on the server for the no-JavaScript preview.
import { formatEventRange, isValidTimeZone, zonedWallTimeToInstant } from "~/time";

export type StartPreview = { kind: "ok"; lines: string[] } | { kind: "incomplete"; message: string };

export function describeStartPreview({
  date,
  time,
  zone,
  durationMinutes,
  displayZones,
}: {
  date: string;
  time: string;
  zone: string;
  durationMinutes: number;
  displayZones: string[];
}): StartPreview {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) {
    return { kind: "incomplete", message: "Enter a start date and time to see them in every display zone." };
  }
  if (!isValidTimeZone(zone)) return { kind: "incomplete", message: "Choose the zone the start time is entered in." };
  const zones = displayZones.filter(isValidTimeZone);
  if (zones.length === 0) return { kind: "incomplete", message: "Choose at least one display zone." };
  let startsAt: Date;
  try {
    startsAt = zonedWallTimeToInstant({ date, time, zone });
  } catch {
    return { kind: "incomplete", message: "That date or time does not exist." };
  }
  const minutes = Number.isFinite(durationMinutes) && durationMinutes >= 5 ? durationMinutes : 60;
  const range = formatEventRange({ startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), zones: [...new Set([...zones, zone])] });
  return { kind: "ok", lines: range.zones.map((z) => `${z.dateLabel}, ${z.text} (${z.zone.replace(/_/g, " ")})`) };
}
