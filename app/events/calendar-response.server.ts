import { buildEventFeed } from "~/calendar";
import { toCalendarInput } from "./event-view.server";
import type { PublicEventSummary } from "./public-events.server";

/** Every .ics download and feed goes out the same way. */
export function calendarResponse({
  name,
  filename,
  events,
  origin,
  url,
}: {
  name: string;
  filename: string;
  events: PublicEventSummary[];
  origin: string;
  url?: string;
}): Response {
  const body = buildEventFeed({ name, url, events: events.map((e) => toCalendarInput(e, origin)) });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
