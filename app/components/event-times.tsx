import { useTranslation } from "~/i18n/use-translation";
import type { EventWhen } from "~/events/event-view.server";

/** The date line, one row per display zone, and the viewer's own time. */
export function EventTimes({ when, compact = false }: { when: EventWhen; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={compact ? "event-times event-times--compact" : "event-times"}>
      <p className="event-times__date">
        <time>{when.dateLabel}</time>
      </p>
      <div className="event-times__zones-clip">
        <ul className="event-times__zones" aria-label={t("times.organizerZones")}>
          {when.zones.map((zone) => (
            <li key={zone.zone} title={zone.name}>
              {compact ? (
                <span className="event-times__separator" aria-hidden="true">
                  ·
                </span>
              ) : null}
              {zone.text}
            </li>
          ))}
        </ul>
      </div>
      {when.viewer ? (
        <p className="event-times__viewer">
          <span className="event-times__viewer-label">{t("times.yourTime")}</span> {when.viewer.text}
          {when.viewer.dayShift ? <span className="day-shift"> {when.viewer.dayShift}</span> : null}
        </p>
      ) : null}
    </div>
  );
}
