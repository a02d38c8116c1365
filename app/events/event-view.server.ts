// Turns public events into what the pages show: every time already formatted
// through ~/time for the event's zones and the viewer's, so components stay dumb.
import { calendarBadge, formatEventRange, formatTimeRange, formatViewerRange, toIsoWithOffset } from "~/time";
import { googleCalendarUrl, outlookCalendarUrl, type CalendarEventInput } from "~/calendar";
import { markdownToPlainText, renderMarkdown } from "~/content/markdown.server";
import { eventPhase, PHASE_LABEL, type EventPhase } from "./event-phase";
import { AGENDA_KIND_LABEL, AGENDA_ROLE_LABEL, hostsLabel, personDisplayName } from "./labels";
import type { PublicEventDetail, PublicEventSummary } from "./public-events.server";

export interface ViewerTime {
  zone: string;
  text: string;
  dayOffset: number;
}

export interface EventWhen {
  dateLabel: string;
  zones: { zone: string; abbreviation: string; text: string; dayOffset: number }[];
  text: string;
  viewer: ViewerTime | null;
}

function describeWhen(event: { startsAt: Date; endsAt: Date; displayZones: string[] }, viewerZone: string | null): EventWhen {
  const range = formatEventRange({ startsAt: event.startsAt, endsAt: event.endsAt, zones: event.displayZones });
  const leadZone = event.displayZones[0] ?? "UTC";
  const viewer = viewerZone
    ? { zone: viewerZone, ...formatViewerRange({ startsAt: event.startsAt, endsAt: event.endsAt, viewerZone, leadZone }) }
    : null;
  return {
    dateLabel: range.dateLabel,
    zones: range.zones.map((z) => ({ zone: z.zone, abbreviation: z.abbreviation, text: z.text, dayOffset: z.dayOffset })),
    text: range.text,
    viewer,
  };
}

export interface EventCardView {
  slug: string;
  title: string;
  summary: string;
  hostsLabel: string;
  series: { slug: string; title: string } | null;
  phase: EventPhase;
  phaseLabel: string;
  badge: { month: string; day: string; weekday: string; year: string };
  when: EventWhen;
  hasRecording: boolean;
}

export function toEventCard(event: PublicEventSummary, { viewerZone, now }: { viewerZone: string | null; now: Date }): EventCardView {
  const phase = eventPhase(event, now);
  return {
    slug: event.slug,
    title: event.title,
    summary: event.summary,
    hostsLabel: hostsLabel(event.hosts.map((h) => h.shortName)),
    series: event.series,
    phase,
    phaseLabel: PHASE_LABEL[phase],
    badge: calendarBadge(event.startsAt, event.displayZones[0] ?? event.homeZone),
    when: describeWhen(event, viewerZone),
    hasRecording: event.hasRecording,
  };
}

export function toCalendarInput(event: PublicEventSummary, origin: string): CalendarEventInput {
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    summary: event.summary || markdownToPlainText(event.descriptionMd).slice(0, 500),
    url: `${origin}/events/${event.slug}`,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    status: event.status,
    sequence: event.sequence,
    updatedAt: event.updatedAt,
    createdAt: event.createdAt,
    hosts: event.hosts.map((h) => h.shortName),
  };
}

export interface AgendaItemView {
  id: string;
  kindLabel: string;
  title: string;
  abstract: string;
  times: string[];
  materialsUrl: string | null;
  people: { slug: string; displayName: string; roleLabel: string; position: string; affiliation: string }[];
}

export interface EventPageView extends EventCardView {
  descriptionHtml: string;
  hosts: { name: string; shortName: string; roleLabel: string }[];
  agenda: AgendaItemView[];
  recordings: { label: string; url: string }[];
  calendar: { icsPath: string; google: string; outlook: string };
  meta: { title: string; description: string; url: string };
  jsonLd: Record<string, unknown>;
}

const EVENT_STATUS_SCHEMA: Record<EventPhase, string> = {
  upcoming: "https://schema.org/EventScheduled",
  live: "https://schema.org/EventScheduled",
  ended: "https://schema.org/EventScheduled",
  cancelled: "https://schema.org/EventCancelled",
};

export function toEventPage(
  event: PublicEventDetail,
  { viewerZone, now, origin }: { viewerZone: string | null; now: Date; origin: string },
): EventPageView {
  const card = toEventCard(event, { viewerZone, now });
  const calendarInput = toCalendarInput(event, origin);
  const url = `${origin}/events/${event.slug}`;
  const description = event.summary || markdownToPlainText(event.descriptionMd).slice(0, 300);
  const leadZone = event.displayZones[0] ?? event.homeZone;
  return {
    ...card,
    descriptionHtml: renderMarkdown(event.descriptionMd),
    hosts: event.hosts.map((h) => ({ name: h.name, shortName: h.shortName, roleLabel: h.role })),
    agenda: event.agenda.map((item) => ({
      id: item.id,
      kindLabel: AGENDA_KIND_LABEL[item.kind],
      title: item.title,
      abstract: item.abstract,
      times:
        item.startsAt && item.endsAt
          ? event.displayZones.map((zone) => formatTimeRange({ startsAt: item.startsAt!, endsAt: item.endsAt!, zone }))
          : [],
      materialsUrl: item.materialsUrl,
      people: item.people.map((p) => ({
        slug: p.slug,
        displayName: personDisplayName(p),
        roleLabel: AGENDA_ROLE_LABEL[p.role],
        position: p.position,
        affiliation: p.affiliation,
      })),
    })),
    recordings: card.phase === "ended" ? event.recordings : [],
    calendar: {
      icsPath: `/events/${event.slug}.ics`,
      google: googleCalendarUrl(calendarInput),
      outlook: outlookCalendarUrl(calendarInput),
    },
    meta: { title: event.title, description, url },
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "Event",
      name: event.title,
      description,
      url,
      startDate: toIsoWithOffset(event.startsAt, leadZone),
      endDate: toIsoWithOffset(event.endsAt, leadZone),
      eventStatus: EVENT_STATUS_SCHEMA[card.phase],
      eventAttendanceMode: "https://schema.org/OnlineEventAttendanceMode",
      location: { "@type": "VirtualLocation", url },
      organizer: event.hosts.map((h) => ({ "@type": "Organization", name: h.name })),
      performer: [...new Map(event.agenda.flatMap((i) => i.people).map((p) => [p.slug, p])).values()].map((p) => ({
        "@type": "Person",
        name: personDisplayName(p),
        affiliation: p.affiliation || undefined,
      })),
    },
  };
}
