// Pure rules of the agenda builder: what to warn about, and how "fill
// sequentially" lays segments end to end. No database, so they are easy to prove.

export interface PlannedSegment {
  id: string;
  title: string;
  startsAt: Date | null;
  endsAt: Date | null;
}

export const DEFAULT_SEGMENT_MINUTES = 15;

export const STARTS_BEFORE_EVENT = "Starts before the event does";
export const ENDS_AFTER_EVENT = "Ends after the event does";

/** Warnings per segment id: outside the event's time, or overlapping another segment. */
export function agendaWarnings(event: { startsAt: Date; endsAt: Date }, segments: PlannedSegment[]): Map<string, string[]> {
  const warnings = new Map<string, string[]>(segments.map((s) => [s.id, []]));
  const timed = segments.filter((s): s is PlannedSegment & { startsAt: Date; endsAt: Date } => s.startsAt !== null && s.endsAt !== null);
  for (const segment of timed) {
    const list = warnings.get(segment.id)!;
    if (segment.startsAt < event.startsAt) list.push(STARTS_BEFORE_EVENT);
    if (segment.endsAt > event.endsAt) list.push(ENDS_AFTER_EVENT);
    for (const other of timed) {
      if (other.id === segment.id) continue;
      if (segment.startsAt < other.endsAt && other.startsAt < segment.endsAt) list.push(`Overlaps “${other.title}”`);
    }
  }
  return warnings;
}

/** New times for every segment, end to end from the event's start, keeping each one's length. */
export function fillSequentially(eventStart: Date, segments: PlannedSegment[]): { id: string; startsAt: Date; endsAt: Date }[] {
  let cursor = eventStart.getTime();
  return segments.map((segment) => {
    const minutes =
      segment.startsAt && segment.endsAt ? Math.max(1, Math.round((segment.endsAt.getTime() - segment.startsAt.getTime()) / 60_000)) : DEFAULT_SEGMENT_MINUTES;
    const startsAt = new Date(cursor);
    cursor += minutes * 60_000;
    return { id: segment.id, startsAt, endsAt: new Date(cursor) };
  });
}
