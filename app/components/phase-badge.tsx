import type { EventPhase } from "~/events/event-phase";

export function PhaseBadge({ phase, label }: { phase: EventPhase; label: string }) {
  return <span className={`phase-badge phase-badge--${phase}`}>{label}</span>;
}
