import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/events/calendar-response.server";
import { findSeries, listSeriesEvents } from "~/events/public-events.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { localized, sourceLocaleOf } from "~/i18n/localize-content";

// Served at /series/:slug.ics (see rewriteCalendarPaths in the http app).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const series = await findSeries(context.db, params.slug ?? "");
  if (!series) throw new Response("No such series", { status: 404 });
  const locale = requestLocale(request);
  return calendarResponse({
    name: localized(series, "title", locale, sourceLocaleOf(series)).text,
    filename: `${series.slug}.ics`,
    events: await listSeriesEvents(context.db, series.id),
    origin: context.origin,
    url: `${context.origin}/series/${series.slug}`,
    locale,
  });
}
