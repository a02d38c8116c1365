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

export interface FeedSubscription {
  /** Opens the visitor's own calendar app (Apple Calendar, Outlook desktop, Thunderbird…) to subscribe. */
  webcal: string;
  google: string;
  outlook: string;
  /** The same feed as a one-off file, for apps that only import. */
  download: string;
}

/**
 * Ways to subscribe to a feed, so new and moved events keep arriving, beside the
 * one-off download. Google and Outlook fetch the feed themselves, so the feed
 * must be reachable at its public address.
 */
export function feedSubscriptionLinks({ feedUrl, name }: { feedUrl: string; name: string }): FeedSubscription {
  const url = new URL(feedUrl);
  const webcal = `webcal://${url.host}${url.pathname}${url.search}`;
  const google = new URL("https://calendar.google.com/calendar/render");
  google.searchParams.set("cid", webcal);
  const outlook = new URL("https://outlook.office.com/calendar/0/addfromweb");
  outlook.searchParams.set("url", url.toString());
  outlook.searchParams.set("name", name);
  return { webcal, google: google.toString(), outlook: outlook.toString(), download: url.pathname + url.search };
}
