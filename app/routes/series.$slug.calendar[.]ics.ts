import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/events/calendar-response.server";
import { findSeries, listSeriesEvents } from "~/events/public-events.server";

// Served at /series/:slug.ics (see rewriteCalendarPaths in the http app).
export async function loader({ params, context }: LoaderFunctionArgs) {
  const series = await findSeries(context.db, params.slug ?? "");
  if (!series) throw new Response("No such series", { status: 404 });
  return calendarResponse({
    name: series.title,
    filename: `${series.slug}.ics`,
    events: await listSeriesEvents(context.db, series.id),
    origin: context.origin,
    url: `${context.origin}/series/${series.slug}`,
  });
}
