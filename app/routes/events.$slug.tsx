import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AgendaList } from "~/components/agenda-list";
import { RegistrationPanelView } from "~/components/registration-panel";
import { EventTimes } from "~/components/event-times";
import { JsonLd } from "~/components/json-ld";
import { PhaseBadge } from "~/components/phase-badge";
import { toEventPage } from "~/events/event-view.server";
import { findPublicEvent } from "~/events/public-events.server";
import { handleRegistration } from "~/registrations/registration-action.server";
import { loadRegistrationPanel } from "~/registrations/registration-panel.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const event = await findPublicEvent(context.db, params.slug ?? "");
  if (!event) throw new Response("No such event", { status: 404 });
  const now = new Date();
  const viewerZone = viewerZoneFrom(request);
  return {
    ...toEventPage(event, { viewerZone, now, origin: context.origin }),
    registration: await loadRegistrationPanel(context.db, event, now),
    defaultZone: viewerZone ?? event.homeZone,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleRegistration({ db: context.db, request, slug: params.slug ?? "", links: context.links });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Event not found — Podium" }];
  return [
    { title: `${data.title} — Podium` },
    { name: "description", content: data.meta.description },
    { property: "og:type", content: "website" },
    { property: "og:title", content: data.title },
    { property: "og:description", content: data.meta.description },
    { property: "og:url", content: data.meta.url },
    { property: "og:site_name", content: "Podium" },
    { name: "twitter:card", content: "summary" },
    { tagName: "link", rel: "canonical", href: data.meta.url },
  ];
};

export default function EventPage() {
  const event = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article className="event-page">
      <JsonLd data={event.jsonLd} />
      <header className="event-page__header">
        <p className="event-page__kicker">
          {event.hostsLabel ? <span>{event.hostsLabel}</span> : null}
          <PhaseBadge phase={event.phase} label={event.phaseLabel} />
        </p>
        <h1>{event.title}</h1>
        {event.series ? (
          <p className="event-page__series">
            Part of <Link to={`/series/${event.series.slug}`}>{event.series.title}</Link>
          </p>
        ) : null}
        {event.summary ? <p className="event-page__summary">{event.summary}</p> : null}
      </header>

      <div className="event-page__layout">
        <aside className="event-page__aside" aria-label="Date and time">
          <section className="panel">
            <h2 className="panel__title">When</h2>
            <EventTimes when={event.when} />
            {event.phase === "cancelled" ? (
              <p className="notice notice--warning">This event has been cancelled.</p>
            ) : null}
            {event.phase !== "cancelled" && event.phase !== "ended" ? (
              <div className="calendar-links">
                <h3 className="calendar-links__title">Add to calendar</h3>
                <ul>
                  <li>
                    <a href={event.calendar.icsPath} download>
                      Download .ics<span className="visually-hidden"> for {event.title}</span>
                    </a>
                  </li>
                  <li>
                    <a href={event.calendar.google} rel="noopener noreferrer" target="_blank">
                      Add to Google Calendar<span className="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  </li>
                  <li>
                    <a href={event.calendar.outlook} rel="noopener noreferrer" target="_blank">
                      Add to Outlook<span className="visually-hidden"> (opens in a new tab)</span>
                    </a>
                  </li>
                </ul>
              </div>
            ) : null}
          </section>
          {event.registration ? (
            <RegistrationPanelView panel={event.registration} defaultZone={event.defaultZone} actionData={actionData} />
          ) : null}
          {event.recordings.length > 0 ? (
            <section className="panel panel--recording" id="recording" aria-labelledby="recording-title">
              <h2 className="panel__title" id="recording-title">
                Recording
              </h2>
              <ul className="recording-links">
                {event.recordings.map((r) => (
                  <li key={r.url}>
                    <a className="button" href={r.url} rel="noopener noreferrer">
                      {r.label}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {event.hosts.length > 0 ? (
            <section className="panel" aria-labelledby="hosts-title">
              <h2 className="panel__title" id="hosts-title">
                Hosted by
              </h2>
              <ul className="host-list">
                {event.hosts.map((h) => (
                  <li key={h.shortName}>{h.name}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>

        <div className="event-page__main">
          {event.descriptionHtml ? (
            <section aria-labelledby="about-title">
              <h2 id="about-title">About this event</h2>
              <div className="prose" dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
            </section>
          ) : null}
          {event.agenda.length > 0 ? (
            <section aria-labelledby="agenda-title">
              <h2 id="agenda-title">Programme</h2>
              <AgendaList items={event.agenda} />
            </section>
          ) : null}
        </div>
      </div>
    </article>
  );
}
