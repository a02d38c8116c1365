import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { EventCardView } from "~/events/event-view.server";
import { EventTimes } from "./event-times";
import { PhaseBadge } from "./phase-badge";

export function EventCard({ event, headingLevel = 3 }: { event: EventCardView; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="event-card">
      <div className="event-card__badge" aria-hidden="true">
        <span className="event-card__month">{event.badge.month}</span>
        <span className="event-card__day">{event.badge.day}</span>
        <span className="event-card__year">{event.badge.year}</span>
      </div>
      <div className="event-card__body">
        <p className="event-card__kicker">
          {event.hostsLabel ? <span className="event-card__hosts">{event.hostsLabel}</span> : null}
          {event.phase !== "upcoming" ? <PhaseBadge phase={event.phase} label={event.phaseLabel} /> : null}
        </p>
        <Heading className="event-card__title">
          <Link to={`/events/${event.slug}`} lang={event.lang.title}>
            {event.title}
          </Link>
        </Heading>
        {event.series ? (
          <p className="event-card__series">
            {t("card.series")}{" "}
            <Link to={`/series/${event.series.slug}`} lang={event.series.lang.title}>
              {event.series.title}
            </Link>
          </p>
        ) : null}
        <EventTimes when={event.when} compact />
        {event.phase === "ended" && event.hasRecording ? (
          <p className="event-card__recording">
            <Link to={`/events/${event.slug}#recording`}>
              {t("card.watchRecording")}
              <span className="visually-hidden"> {t("card.watchRecordingOf", { title: event.title })}</span>
            </Link>
          </p>
        ) : null}
      </div>
    </article>
  );
}
