import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import type { DocumentHandle } from "~/root";
import { feedSubscriptionLinks } from "~/calendar";
import { EventCard } from "~/components/event-card";
import { FeedSubscribe } from "~/components/feed-subscribe";
import { toEventCard } from "~/events/event-view.server";
import { findSeries, listSeriesEvents } from "~/events/public-events.server";
import { contentLanguage, feedUrlIn } from "~/i18n/content-locale.server";
import { pickFields, sourceLocaleOf } from "~/i18n/localize-content";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";
import { readPublicData } from "~/server/public-data-cache.server";

export const handle: DocumentHandle = { languageAlternates: true };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const locale = requestLocale(request);
  const t = translatorFor(locale);
  const slug = params.slug ?? "";
  const { series, seriesEvents } = await readPublicData(context.publicData, `series ${slug}`, async () => {
    const found = await findSeries(context.db, slug);
    return { series: found, seriesEvents: found ? await listSeriesEvents(context.db, found.id) : [] };
  });
  if (!series) throw new Response(t("series.notFound"), { status: 404 });
  const now = new Date();
  const viewerZone = viewerZoneFrom(request);
  const language = contentLanguage(request);
  const events = seriesEvents.map((e) => toEventCard(e, { viewerZone, now, language }));
  const text = pickFields(series, ["title", "description"], sourceLocaleOf(series), language);
  return {
    fallbackDescription: t("series.metaDescription", { title: text.title }),
    series: { slug: series.slug, ...text },
    feed: feedSubscriptionLinks({ feedUrl: feedUrlIn(`${context.origin}/series/${series.slug}.ics`, language.reader), name: text.title }),
    upcoming: events.filter((e) => e.phase === "upcoming" || e.phase === "live"),
    past: events.filter((e) => e.phase === "ended" || e.phase === "cancelled").reverse(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.series.title} — Podium` },
        { name: "description", content: data.series.description || data.fallbackDescription },
      ]
    : [{ title: "Podium" }];

export default function SeriesPage() {
  const { t } = useTranslation();
  const { series, feed, upcoming, past } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">{t("series.kicker")}</p>
        <h1 lang={series.lang.title}>{series.title}</h1>
        {series.description ? (
          <p className="page-header__lead" lang={series.lang.description}>
            {series.description}
          </p>
        ) : null}
      </header>
      <section className="panel feed-panel" aria-labelledby="series-feed">
        <h2 className="panel__title" id="series-feed">
          {t("series.keepInCalendar")}
        </h2>
        <FeedSubscribe links={feed} name={series.title} />
      </section>
      <section aria-labelledby="series-upcoming" className="event-section">
        <h2 id="series-upcoming">{t("series.upcoming")}</h2>
        {upcoming.length === 0 ? (
          <p className="empty-state">{t("series.nothingScheduled")}</p>
        ) : (
          <div className="event-list">
            {upcoming.map((e) => (
              <EventCard key={e.slug} event={e} />
            ))}
          </div>
        )}
      </section>
      {past.length > 0 ? (
        <section aria-labelledby="series-past" className="event-section">
          <h2 id="series-past">{t("series.past")}</h2>
          <div className="event-list">
            {past.map((e) => (
              <EventCard key={e.slug} event={e} />
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
