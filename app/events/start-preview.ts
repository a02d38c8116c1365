// What the event form shows under the start time: the typed wall time, read in
// its zone, as the same instant in every display zone. Runs in the browser as
// the organizer types and on the server for the no-JavaScript preview.
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translator";
import { formatEventRange, isValidTimeZone, zonedWallTimeToInstant } from "~/time";

type Incomplete = "noStart" | "noZone" | "noDisplayZone" | "noSuchTime";

/** The English words (the catalogue's eventForm.preview.* say the same), for callers without a translator. */
const ENGLISH: Record<Incomplete, string> = {
  noStart: "Enter a start date and time to see them in every display zone.",
  noZone: "Choose the zone the start time is entered in.",
  noDisplayZone: "Choose at least one display zone.",
  noSuchTime: "That date or time does not exist.",
};

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
},
  { t, locale = "en" }: { t?: Translate; locale?: Locale } = {},
): StartPreview {
  const say = (reason: Incomplete) => (t ? t(`eventForm.preview.${reason}`) : ENGLISH[reason]);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) {
    return { kind: "incomplete", message: say("noStart") };
  }
  if (!isValidTimeZone(zone)) return { kind: "incomplete", message: say("noZone") };
  const zones = displayZones.filter(isValidTimeZone);
  if (zones.length === 0) return { kind: "incomplete", message: say("noDisplayZone") };
  let startsAt: Date;
  try {
    startsAt = zonedWallTimeToInstant({ date, time, zone });
  } catch {
    return { kind: "incomplete", message: say("noSuchTime") };
  }
  const minutes = Number.isFinite(durationMinutes) && durationMinutes >= 5 ? durationMinutes : 60;
  const range = formatEventRange({ startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000), zones: [...new Set([...zones, zone])], locale });
  return { kind: "ok", lines: range.zones.map((z) => (t ? t("eventForm.preview.line", { date: z.dateLabel, time: z.text, zone: z.zone.replace(/_/g, " ") }) : `${z.dateLabel}, ${z.text} (${z.zone.replace(/_/g, " ")})`)) };
}
