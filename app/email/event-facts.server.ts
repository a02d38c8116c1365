// What every email says about an event: its title, page, hosts and times, in the
// recipient's zone and the event's zones. Registrations, speakers, reminders and
// event notifications all build their messages from this one place.
import { asc, eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { eventHosts, organizations, type Event, type HostRole } from "~db/schema";
import { hostsLabel, inBillingOrder } from "~/events/labels";
import { formatEventRange, formatViewerRange } from "~/time";
import { translatorFor } from "~/i18n/catalogues.server";
import { localized, sourceLocaleOf } from "~/i18n/localize-content";
import type { Locale } from "~/i18n/locales";
import type { EmailEventInfo } from "~emails/types";

export interface HostForLabel {
  shortName: string;
  role: HostRole;
  position: number;
}

/** "HKUST × KTH": the hosts in billing order (rows read by the caller, e.g. inside a larger query). */
export function labelOfHosts(hosts: readonly HostForLabel[]): string {
  return hostsLabel(inBillingOrder(hosts).map((h) => h.shortName));
}

/** "HKUST × KTH": the event's hosts in billing order. */
export async function eventHostsLabel(db: Pick<Database, "select">, eventId: string): Promise<string> {
  const hosts = await db
    .select({ shortName: organizations.shortName, role: eventHosts.role, position: eventHosts.position })
    .from(eventHosts)
    .innerJoin(organizations, eq(organizations.id, eventHosts.organizationId))
    .where(eq(eventHosts.eventId, eventId))
    .orderBy(asc(eventHosts.position));
  return labelOfHosts(hosts);
}

/**
 * The event as one recipient's email shows it, its title in the recipient's language when
 * translated; pure, so a loop over registrants looks the hosts up once.
 */
export function emailEventInfoFor(
  event: Pick<Event, "slug" | "title" | "startsAt" | "endsAt" | "displayZones"> & Partial<Pick<Event, "translations" | "defaultLocale">>,
  hosts: string,
  recipientZone: string,
  origin: string,
  locale: Locale = "en",
): EmailEventInfo {
  const leadZone = event.displayZones[0] ?? "UTC";
  const t = translatorFor(locale);
  return {
    title: event.translations && event.defaultLocale ? localized({ title: event.title, translations: event.translations }, "title", locale, sourceLocaleOf({ defaultLocale: event.defaultLocale })).text : event.title,
    url: `${origin}/events/${event.slug}`,
    hostsLabel: hosts,
    whenInEventZones: formatEventRange({ startsAt: event.startsAt, endsAt: event.endsAt, zones: event.displayZones, locale }).text,
    whenForRecipient: t("email.yourTime", {
      when: formatViewerRange({ startsAt: event.startsAt, endsAt: event.endsAt, viewerZone: recipientZone, leadZone, locale }).text,
    }),
  };
}

export async function emailEventInfo(
  db: Pick<Database, "select">,
  event: Pick<Event, "id" | "slug" | "title" | "startsAt" | "endsAt" | "displayZones"> & Partial<Pick<Event, "translations" | "defaultLocale">>,
  recipientZone: string,
  origin: string,
  locale: Locale = "en",
): Promise<EmailEventInfo> {
  return emailEventInfoFor(event, await eventHostsLabel(db, event.id), recipientZone, origin, locale);
}
