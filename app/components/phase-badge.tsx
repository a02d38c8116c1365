import type { EventPhase } from "~/events/event-phase";

export function PhaseBadge({ phase, label }: { phase: EventPhase; label: string }) {
  return <span className={`phase-badge phase-badge--${phase}`}>{label}</span>;
}

const STATUS_LABEL = { draft: "Draft", published: "Published", cancelled: "Cancelled" } as const;
const STATUS_PHASE = { draft: "ended", published: "upcoming", cancelled: "cancelled" } as const;

/** An event's publishing state in the organizer console. */
export function StatusBadge({ status }: { status: keyof typeof STATUS_LABEL }) {
  return <PhaseBadge phase={STATUS_PHASE[status]} label={STATUS_LABEL[status]} />;
}
