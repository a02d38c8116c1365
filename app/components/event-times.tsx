import type { EventWhen } from "~/events/event-view.server";

function dayShiftLabel(dayOffset: number): string | null {
  if (dayOffset === 0) return null;
  return dayOffset > 0 ? `+${dayOffset} day` : `−${Math.abs(dayOffset)} day`;
}

/** The date line, one row per display zone, and the viewer's own time. */
export function EventTimes({ when, compact = false }: { when: EventWhen; compact?: boolean }) {
  return (
    <div className={compact ? "event-times event-times--compact" : "event-times"}>
      <p className="event-times__date">
        <time>{when.dateLabel}</time>
      </p>
      <ul className="event-times__zones" aria-label="Times in the organizers' time zones">
        {when.zones.map((zone) => (
          <li key={zone.zone} title={zone.zone}>
            {zone.text}
          </li>
        ))}
      </ul>
      {when.viewer ? (
        <p className="event-times__viewer">
          <span className="event-times__viewer-label">Your time</span> {when.viewer.text}
          {dayShiftLabel(when.viewer.dayOffset) ? (
            <span className="day-shift"> ({dayShiftLabel(when.viewer.dayOffset)})</span>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
