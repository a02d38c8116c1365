import { buildEventFeed } from "~/calendar";
import type { Locale } from "~/i18n/locales";
import { toCalendarInput } from "./event-view.server";
import type { PublicEventSummary } from "./public-events.server";

/** Every .ics download and feed goes out the same way. */
export function calendarResponse({
  name,
  filename,
  events,
  origin,
  url,
  locale,
}: {
  name: string;
  filename: string;
  events: PublicEventSummary[];
  origin: string;
  url?: string;
  /** The reader's language: each event's text in it where translated, else in the event's source language. */
  locale: Locale;
}): Response {
  const body = buildEventFeed({ name, url, events: events.map((e) => toCalendarInput(e, origin, locale)) });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
