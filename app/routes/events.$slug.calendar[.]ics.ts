import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse } from "~/events/calendar-response.server";
import { findPublicEvent } from "~/events/public-events.server";

// Served at /events/:slug.ics (see rewriteCalendarPaths in the http app).
export async function loader({ params, context }: LoaderFunctionArgs) {
  const event = await findPublicEvent(context.db, params.slug ?? "");
  if (!event) throw new Response("No such event", { status: 404 });
  return calendarResponse({
    name: event.title,
    filename: `${event.slug}.ics`,
    events: [event],
    origin: context.origin,
    url: `${context.origin}/events/${event.slug}`,
  });
}
