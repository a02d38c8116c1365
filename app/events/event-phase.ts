export type EventPhase = "upcoming" | "live" | "ended" | "cancelled";

/** Where an event stands for a visitor right now; drafts never reach the public. */
export function eventPhase(
  event: { status: "draft" | "published" | "cancelled"; startsAt: Date; endsAt: Date },
  now: Date,
): EventPhase {
  if (event.status === "cancelled") return "cancelled";
  if (now < event.startsAt) return "upcoming";
  if (now < event.endsAt) return "live";
  return "ended";
}

export const PHASE_LABEL: Record<EventPhase, string> = {
  upcoming: "Upcoming",
  live: "Live now",
  ended: "Ended",
  cancelled: "Cancelled",
};

/** The public page shows an event's published recordings once it has ended, and never a draft's or a cancelled one's. */
export function recordingsShowPublicly(event: { status: "draft" | "published" | "cancelled"; startsAt: Date; endsAt: Date }, now: Date): boolean {
  return event.status === "published" && eventPhase(event, now) === "ended";
}
