import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EventCard } from "~/components/event-card";
import { toEventCard } from "~/events/event-view.server";
import { findSeries, listSeriesEvents } from "~/events/public-events.server";
import { viewerZoneFrom } from "~/viewer/viewer-zone.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const series = await findSeries(context.db, params.slug ?? "");
  if (!series) throw new Response("No such series", { status: 404 });
  const now = new Date();
  const viewerZone = viewerZoneFrom(request);
  const events = (await listSeriesEvents(context.db, series.id)).map((e) => toEventCard(e, { viewerZone, now }));
  return {
    series: { slug: series.slug, title: series.title, description: series.description },
    upcoming: events.filter((e) => e.phase === "upcoming" || e.phase === "live"),
    past: events.filter((e) => e.phase === "ended" || e.phase === "cancelled").reverse(),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.series.title} — Podium` },
        { name: "description", content: data.series.description || `Events in the series ${data.series.title}` },
      ]
    : [{ title: "Series not found — Podium" }];

export default function SeriesPage() {
  const { series, upcoming, past } = useLoaderData<typeof loader>();
  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">Series</p>
        <h1>{series.title}</h1>
        {series.description ? <p className="page-header__lead">{series.description}</p> : null}
        <p>
          <a href={`/series/${series.slug}.ics`}>Subscribe to this series (.ics)</a>
        </p>
      </header>
      <section aria-labelledby="series-upcoming" className="event-section">
        <h2 id="series-upcoming">Upcoming</h2>
        {upcoming.length === 0 ? (
          <p className="empty-state">Nothing scheduled in this series yet.</p>
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
          <h2 id="series-past">Past</h2>
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
