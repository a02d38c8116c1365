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
