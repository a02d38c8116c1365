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

/** What can be wrong with a segment's time, for the reader's language to put into words. */
export type AgendaProblem = { kind: "starts-before" } | { kind: "ends-after" } | { kind: "overlaps"; title: string };

/** Problems per segment id: outside the event's time, or overlapping another segment. */
export function agendaProblems(event: { startsAt: Date; endsAt: Date }, segments: PlannedSegment[]): Map<string, AgendaProblem[]> {
  const problems = new Map<string, AgendaProblem[]>(segments.map((s) => [s.id, []]));
  const timed = segments.filter((s): s is PlannedSegment & { startsAt: Date; endsAt: Date } => s.startsAt !== null && s.endsAt !== null);
  for (const segment of timed) {
    const list = problems.get(segment.id)!;
    if (segment.startsAt < event.startsAt) list.push({ kind: "starts-before" });
    if (segment.endsAt > event.endsAt) list.push({ kind: "ends-after" });
    for (const other of timed) {
      if (other.id === segment.id) continue;
      if (segment.startsAt < other.endsAt && other.startsAt < segment.endsAt) list.push({ kind: "overlaps", title: other.title });
    }
  }
  return problems;
}

/** The same problems in English words. */
export function agendaWarnings(event: { startsAt: Date; endsAt: Date }, segments: PlannedSegment[]): Map<string, string[]> {
  const english = (p: AgendaProblem) => (p.kind === "starts-before" ? STARTS_BEFORE_EVENT : p.kind === "ends-after" ? ENDS_AFTER_EVENT : `Overlaps “${p.title}”`);
  return new Map([...agendaProblems(event, segments)].map(([id, list]) => [id, list.map(english)]));
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
