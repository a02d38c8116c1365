import { toUtcBasic } from "~/time";
import { describe, type CalendarEventInput } from "./calendar-event";

export function googleCalendarUrl(event: CalendarEventInput): string {
  const url = new URL("https://calendar.google.com/calendar/render");
  url.searchParams.set("action", "TEMPLATE");
  url.searchParams.set("text", event.title);
  url.searchParams.set("dates", `${toUtcBasic(event.startsAt)}/${toUtcBasic(event.endsAt)}`);
  url.searchParams.set("details", describe(event));
  url.searchParams.set("location", event.url);
  return url.toString();
}

export function outlookCalendarUrl(event: CalendarEventInput): string {
  const url = new URL("https://outlook.office.com/calendar/0/deeplink/compose");
  url.searchParams.set("path", "/calendar/action/compose");
  url.searchParams.set("rru", "addevent");
  url.searchParams.set("subject", event.title);
  url.searchParams.set("startdt", event.startsAt.toISOString().replace(/\.\d{3}Z$/, "Z"));
  url.searchParams.set("enddt", event.endsAt.toISOString().replace(/\.\d{3}Z$/, "Z"));
  url.searchParams.set("body", describe(event));
  url.searchParams.set("location", event.url);
  return url.toString();
}
