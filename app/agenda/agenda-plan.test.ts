// The agenda builder's warnings and "fill sequentially", as an organizer sees them.
import { describe, expect, it } from "vitest";
import { DEFAULT_SEGMENT_MINUTES, agendaWarnings, fillSequentially, type PlannedSegment } from "./agenda-plan";

const at = (hhmm: string) => new Date(`2026-12-03T${hhmm}:00Z`);
const event = { startsAt: at("09:00"), endsAt: at("11:00") };

function segment(id: string, title: string, from: string | null, to: string | null): PlannedSegment {
  return { id, title, startsAt: from ? at(from) : null, endsAt: to ? at(to) : null };
}

describe("agendaWarnings", () => {
  it("names the other segment when two overlap, on both of them, and leaves back-to-back segments alone", () => {
    const segments = [
      segment("a", "Opening remarks", "09:00", "09:20"),
      segment("b", "Keynote", "09:15", "10:00"),
      segment("c", "Panel", "10:00", "10:45"),
    ];
    const warnings = agendaWarnings(event, segments);
    expect(warnings.get("a")).toEqual(["Overlaps “Keynote”"]);
    expect(warnings.get("b")).toEqual(["Overlaps “Opening remarks”"]);
    // The keynote ends at 10:00 exactly when the panel starts: no overlap.
    expect(warnings.get("c")).toEqual([]);
  });

  it("lists every segment a long one overlaps", () => {
    const warnings = agendaWarnings(event, [
      segment("long", "Workshop", "09:00", "10:30"),
      segment("x", "Talk one", "09:10", "09:30"),
      segment("y", "Talk two", "10:00", "10:20"),
    ]);
    expect(warnings.get("long")).toEqual(["Overlaps “Talk one”", "Overlaps “Talk two”"]);
  });

  it("warns about a segment that starts before the event or ends after it", () => {
    const warnings = agendaWarnings(event, [
      segment("early", "Warm-up", "08:45", "09:05"),
      segment("late", "Networking", "10:50", "11:30"),
      segment("both", "Marathon", "08:00", "12:00"),
      segment("inside", "Q&A", "09:30", "09:40"),
    ]);
    expect(warnings.get("early")).toContain("Starts before the event does");
    expect(warnings.get("early")).not.toContain("Ends after the event does");
    expect(warnings.get("late")).toContain("Ends after the event does");
    expect(warnings.get("late")).not.toContain("Starts before the event does");
    expect(warnings.get("both")!.slice(0, 2)).toEqual(["Starts before the event does", "Ends after the event does"]);
    // Q&A is inside the event but sits under the Marathon.
    expect(warnings.get("inside")).toEqual(["Overlaps “Marathon”"]);
  });

  it("gives segments without times no warnings, and never counts them as overlapping", () => {
    const warnings = agendaWarnings(event, [
      segment("timed", "Keynote", "09:00", "10:00"),
      segment("untimed", "Coffee break", null, null),
      segment("half", "Half-timed", "08:00", null),
    ]);
    expect(warnings.get("untimed")).toEqual([]);
    expect(warnings.get("half")).toEqual([]);
    expect(warnings.get("timed")).toEqual([]);
  });
});

describe("fillSequentially", () => {
  it("lays segments end to end from the event's start, keeping each one's length", () => {
    const planned = fillSequentially(event.startsAt, [
      segment("a", "Opening", "10:40", "10:50"), // 10 minutes, somewhere else
      segment("b", "Keynote", "08:00", "08:45"), // 45 minutes
      segment("c", "Panel", "09:00", "09:30"), // 30 minutes
    ]);
    expect(planned.map((p) => [p.id, p.startsAt.toISOString(), p.endsAt.toISOString()])).toEqual([
      ["a", "2026-12-03T09:00:00.000Z", "2026-12-03T09:10:00.000Z"],
      ["b", "2026-12-03T09:10:00.000Z", "2026-12-03T09:55:00.000Z"],
      ["c", "2026-12-03T09:55:00.000Z", "2026-12-03T10:25:00.000Z"],
    ]);
  });

  it("gives a segment without times 15 minutes", () => {
    expect(DEFAULT_SEGMENT_MINUTES).toBe(15);
    const planned = fillSequentially(event.startsAt, [segment("a", "Welcome", null, null), segment("b", "Talk", "09:00", "09:20")]);
    expect(planned.map((p) => [p.startsAt.toISOString(), p.endsAt.toISOString()])).toEqual([
      ["2026-12-03T09:00:00.000Z", "2026-12-03T09:15:00.000Z"],
      ["2026-12-03T09:15:00.000Z", "2026-12-03T09:35:00.000Z"],
    ]);
  });

  it("starts at whatever instant the event starts and leaves the result free of warnings when it fits", () => {
    const start = new Date("2027-03-28T00:30:00Z");
    const segments = [segment("a", "One", null, null), segment("b", "Two", null, null)];
    const planned = fillSequentially(start, segments);
    expect(planned[0]!.startsAt.getTime()).toBe(start.getTime());
    const placed = segments.map((s, i) => ({ ...s, startsAt: planned[i]!.startsAt, endsAt: planned[i]!.endsAt }));
    const warnings = agendaWarnings({ startsAt: start, endsAt: new Date(start.getTime() + 3_600_000) }, placed);
    expect([...warnings.values()].flat()).toEqual([]);
  });
});
