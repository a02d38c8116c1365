import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/events/calendar-response.server";
import { findPublicEvent } from "~/events/public-events.server";
import { requestLocale } from "~/i18n/request-locale.server";
import { localized, sourceLocaleOf } from "~/i18n/localize-content";

// Served at /events/:slug.ics (see rewriteCalendarPaths in the http app).
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const event = await findPublicEvent(context.db, params.slug ?? "");
  if (!event) throw new Response("No such event", { status: 404 });
  const locale = requestLocale(request);
  return calendarResponse({
    name: localized(event, "title", locale, sourceLocaleOf(event)).text,
    filename: `${event.slug}.ics`,
    events: [event],
    origin: context.origin,
    url: `${context.origin}/events/${event.slug}`,
    locale,
  });
}
