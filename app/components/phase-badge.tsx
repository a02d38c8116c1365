import { useTranslation } from "~/i18n/use-translation";
import type { EventPhase } from "~/events/event-phase";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";

export function PhaseBadge({ phase, label }: { phase: EventPhase; label: string }) {
  return <span className={`phase-badge phase-badge--${phase}`}>{label}</span>;
}

const STATUS_PHASE = { draft: "ended", published: "upcoming", cancelled: "cancelled" } as const;

/** An event's publishing state in the organizer console (console pages only: it reads the console's messages). */
export function StatusBadge({ status }: { status: keyof typeof STATUS_PHASE }) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return <PhaseBadge phase={STATUS_PHASE[status]} label={t(`eventStatus.${status}`)} />;
}
