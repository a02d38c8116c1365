// What the audit log says when an organizer saves an event: each changed field
// with its old and new value ("capacity 100 → 120, approval off → on"), in the
// organizer's words and the event's home zone. The webinar link is private, so
// only the fact that it changed is written down; long texts are named, not copied.
import type { Event } from "~db/schema";
import { formatInstant } from "~/time";
import { formatReminderHours } from "./event-form";

export interface FieldChange {
  field: keyof Event;
  label: string;
  before: string | null;
  after: string | null;
}

type Shown = (event: Event, context: { seriesTitles: Map<string, string> }) => string | null;

const MAX_VALUE = 80;
const quoted = (text: string) => `“${text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text}”`;
const when = (pick: (e: Event) => Date | null): Shown => (e) => {
  const instant = pick(e);
  return instant ? formatInstant(instant, e.homeZone, "dateTime") : "not set";
};

/** The fields the audit log names when they change; `shown` null means "say it changed, not to what". */
const AUDITED: { field: keyof Event; label: string; shown: Shown | null }[] = [
  { field: "title", label: "title", shown: (e) => quoted(e.title) },
  { field: "slug", label: "address", shown: (e) => `/events/${e.slug}` },
  { field: "summary", label: "summary", shown: null },
  { field: "descriptionMd", label: "description", shown: null },
  { field: "seriesId", label: "series", shown: (e, { seriesTitles }) => (e.seriesId ? quoted(seriesTitles.get(e.seriesId) ?? "a series since removed") : "none") },
  { field: "startsAt", label: "start time", shown: when((e) => e.startsAt) },
  { field: "endsAt", label: "end time", shown: when((e) => e.endsAt) },
  { field: "homeZone", label: "home zone", shown: (e) => e.homeZone },
  { field: "displayZones", label: "display zones", shown: (e) => e.displayZones.join(", ") },
  { field: "capacity", label: "capacity", shown: (e) => (e.capacity === null ? "no limit" : String(e.capacity)) },
  { field: "requiresApproval", label: "approval", shown: (e) => (e.requiresApproval ? "on" : "off") },
  { field: "registrationOpensAt", label: "registration opening", shown: when((e) => e.registrationOpensAt) },
  { field: "registrationClosesAt", label: "registration closing", shown: when((e) => e.registrationClosesAt) },
  { field: "reminderOffsetsMinutes", label: "reminders", shown: (e) => (e.reminderOffsetsMinutes.length ? `${formatReminderHours(e.reminderOffsetsMinutes)} h before` : "none") },
  { field: "joinUrl", label: "webinar link", shown: null },
  { field: "speakerEditCutoffMinutes", label: "speaker cut-off", shown: (e) => `${Math.round((e.speakerEditCutoffMinutes / 60) * 100) / 100} h before` },
];

export function eventFieldChanges(before: Event, after: Event, context: { seriesTitles: Map<string, string> } = { seriesTitles: new Map() }): FieldChange[] {
  return AUDITED.filter(({ field }) => JSON.stringify(before[field]) !== JSON.stringify(after[field])).map(({ field, label, shown }) => ({
    field,
    label,
    before: shown ? shown(before, context) : null,
    after: shown ? shown(after, context) : null,
  }));
}

/** "Thursday, 3 December 2026, 17:00 HKT" → "18:00 HKT" when only the time of day moved. */
function oldToNew(before: string, after: string): string {
  const cut = before.lastIndexOf(", ");
  const sameDay = cut > 0 && after.lastIndexOf(", ") === cut && before.slice(0, cut) === after.slice(0, cut);
  return sameDay ? `${before} → ${after.slice(cut + 2)}` : `${before} → ${after}`;
}

/** "capacity 100 → 120, approval off → on, description": one line for the audit table. */
export function describeFieldChanges(changes: FieldChange[]): string {
  return changes
    .map((c) => {
      if (c.before === null || c.after === null) return c.label;
      return `${c.label} ${c.field === "startsAt" || c.field === "endsAt" || c.field.startsWith("registration") ? oldToNew(c.before, c.after) : `${c.before} → ${c.after}`}`;
    })
    .join(", ");
}
