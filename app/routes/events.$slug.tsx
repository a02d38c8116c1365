import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { AgendaList } from "~/components/agenda-list";
import { RegistrationPanelView } from "~/components/registration-panel";
import { EventTimes } from "~/components/event-times";
import { JsonLd } from "~/components/json-ld";
import { PhaseBadge } from "~/components/phase-badge";
import { toEventPage } from "~/events/event-view.server";
import { findPublicEvent } from "~/events/public-events.server";
import { handleRegistration } from "~/registrations/registration-action.server";
import { loadQuestionsForPage } from "~/registrations/registration-action.server";
import { loadRegistrationPanel } from "~/registrations/registration-panel.server";
import { readPublicData } from "~/server/public-data-cache.server";
import { contentLanguage } from "~/i18n/content-locale.server";
import { viewerZoneFrom, viewerZoneNote } from "~/viewer/viewer-zone.server";
import type { DocumentHandle } from "~/root";

// The page people land on from an announcement: everything, times in their zone
// included, is rendered on the server, and the form posts as a plain HTML form,
// so its documents ship no JavaScript (decision 017). Reached by a link inside
// the running app, it renders in the browser as before.
export const handle: DocumentHandle = { hydrate: false, languageAlternates: true };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const t = translatorFor(locale);
  const slug = params.slug ?? "";
  const { event, questions } = await readPublicData(context.publicData, `event ${slug}`, async () => {
    const found = await findPublicEvent(context.db, slug);
    return { event: found, questions: found ? await loadQuestionsForPage(context.db, found.id) : [] };
  });
  if (!event) throw new Response(t("errors.noSuchEvent"), { status: 404 });
  const now = new Date();
  const viewerZone = viewerZoneFrom(request);
  const language = contentLanguage(request);
  return {
    ...toEventPage(event, { viewerZone, now, origin: context.origin, language }),
    registration: await loadRegistrationPanel(context.db, event, now, language, questions),
    viewerZone,
    zoneNote: viewerZoneNote(request, t),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleRegistration({ db: context.db, request, slug: params.slug ?? "", links: context.links });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Podium" }];
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
  const { t } = useTranslation();
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
        <h1 lang={event.lang.title}>{event.title}</h1>
        {event.series ? (
          <p className="event-page__series">
            {t("event.partOf")}{" "}
            <Link to={`/series/${event.series.slug}`} lang={event.series.lang.title}>
              {event.series.title}
            </Link>
          </p>
        ) : null}
        {event.summary ? (
          <p className="event-page__summary" lang={event.lang.summary}>
            {event.summary}
          </p>
        ) : null}
      </header>

      <div className="event-page__layout">
        <aside className="event-page__aside" aria-label={t("event.dateAndTime")}>
          <section className="panel">
            <h2 className="panel__title">{t("event.when")}</h2>
            <EventTimes when={event.when} />
            {event.phase === "cancelled" ? (
              <p className="notice notice--warning">{t("event.cancelled")}</p>
            ) : null}
            {event.phase !== "cancelled" && event.phase !== "ended" ? (
              <div className="calendar-links">
                <h3 className="calendar-links__title">{t("event.addToCalendar")}</h3>
                <ul>
                  <li>
                    <a href={event.calendar.icsPath} download>
                      {t("event.downloadIcs")}
                      <span className="visually-hidden"> {t("event.forTitle", { title: event.title })}</span>
                    </a>
                  </li>
                  <li>
                    <a href={event.calendar.google} rel="noopener noreferrer" target="_blank">
                      {t("event.google")}
                      <span className="visually-hidden"> {t("event.newTab")}</span>
                    </a>
                  </li>
                  <li>
                    <a href={event.calendar.outlook} rel="noopener noreferrer" target="_blank">
                      {t("event.outlook")}
                      <span className="visually-hidden"> {t("event.newTab")}</span>
                    </a>
                  </li>
                </ul>
              </div>
            ) : null}
          </section>
          {event.registration ? (
            <RegistrationPanelView panel={event.registration} viewerZone={event.viewerZone} zoneNote={event.zoneNote} actionData={actionData} />
          ) : null}
          {event.recordings.length > 0 ? (
            <section className="panel panel--recording" id="recording" aria-labelledby="recording-title">
              <h2 className="panel__title" id="recording-title">
                {t("event.recording")}
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
                {t("event.hostedBy")}
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
              <h2 id="about-title">{t("event.about")}</h2>
              <div className="prose" lang={event.descriptionLang} dangerouslySetInnerHTML={{ __html: event.descriptionHtml }} />
            </section>
          ) : null}
          {event.agenda.length > 0 ? (
            <section aria-labelledby="agenda-title">
              <h2 id="agenda-title">{t("event.programme")}</h2>
              <AgendaList items={event.agenda} />
            </section>
          ) : null}
        </div>
      </div>
    </article>
  );
}
