// Turns public events into what the pages show: every time already formatted
// through ~/time for the event's zones and the viewer's, so components stay dumb.
import { calendarBadge, formatDayShift, formatEventRange, formatSegmentTimes, formatViewerRange, toIsoWithOffset, zoneName } from "~/time";
import { googleCalendarUrl, outlookCalendarUrl, type CalendarEventInput } from "~/calendar";
import { markdownToPlainText, renderMarkdown } from "~/content/markdown.server";
import { translatorFor } from "~/i18n/catalogues.server";
import { localized, pickFields, sourceLocaleOf, type ContentLanguage } from "~/i18n/localize-content";
import type { Locale } from "~/i18n/locales";
import { eventPhase, recordingsShowPublicly, type EventPhase } from "./event-phase";
import { hostsLabel, personDisplayName } from "./labels";
import type { PublicEventDetail, PublicEventSummary, PublicSeriesRef } from "./public-events.server";

export interface ViewerTime {
  zone: string;
  text: string;
  dayOffset: number;
  /** "(+1 day)", "（+1 日）": empty when the viewer's date is the lead zone's. */
  dayShift: string;
}

export interface EventWhen {
  dateLabel: string;
  /** `name`: the zone as the reader's language names it (the list item's tooltip). */
  zones: { zone: string; name: string; abbreviation: string; text: string; dayOffset: number }[];
  text: string;
  viewer: ViewerTime | null;
}

/** The event's times for a page: the date, a line per display zone, and the viewer's own (registrant pages pass the registrant's zone). */
export function describeWhen(event: { startsAt: Date; endsAt: Date; displayZones: string[] }, viewerZone: string | null, locale: Locale): EventWhen {
  const range = formatEventRange({ startsAt: event.startsAt, endsAt: event.endsAt, zones: event.displayZones, locale });
  const leadZone = event.displayZones[0] ?? "UTC";
  const ownRange = viewerZone ? formatViewerRange({ startsAt: event.startsAt, endsAt: event.endsAt, viewerZone, leadZone, locale }) : null;
  const viewer = viewerZone && ownRange ? { zone: viewerZone, ...ownRange, dayShift: formatDayShift(ownRange.dayOffset, locale) } : null;
  return {
    dateLabel: range.dateLabel,
    zones: range.zones.map((z) => ({ zone: z.zone, name: zoneName(z.zone, locale), abbreviation: z.abbreviation, text: z.text, dayOffset: z.dayOffset })),
    text: range.text,
    viewer,
  };
}

/** Where a field's text is in another language than the page's: the `lang` its element needs. */
type LangOf<F extends string> = Partial<Record<F, Locale>>;

export interface SeriesRefView {
  slug: string;
  title: string;
  lang: LangOf<"title">;
}

/** A series' title in the reader's language (or its source language, marked). */
export function toSeriesRef(series: PublicSeriesRef, language: ContentLanguage): SeriesRefView {
  return { slug: series.slug, ...pickFields(series, ["title"], sourceLocaleOf(series), language) };
}

export interface EventCardView {
  slug: string;
  title: string;
  summary: string;
  /** `lang` for the title and summary when they are not in the page's language (a fallback, or content ahead of the interface). */
  lang: LangOf<"title" | "summary">;
  hostsLabel: string;
  series: SeriesRefView | null;
  phase: EventPhase;
  phaseLabel: string;
  badge: { month: string; day: string; weekday: string; year: string };
  when: EventWhen;
  hasRecording: boolean;
}

export function toEventCard(
  event: PublicEventSummary,
  { viewerZone, now, language }: { viewerZone: string | null; now: Date; language: ContentLanguage },
): EventCardView {
  const locale = language.page;
  const t = translatorFor(locale);
  const phase = eventPhase(event, now);
  return {
    slug: event.slug,
    ...pickFields(event, ["title", "summary"], sourceLocaleOf(event), language),
    hostsLabel: hostsLabel(event.hosts.map((h) => h.shortName)),
    series: event.series ? toSeriesRef(event.series, language) : null,
    phase,
    phaseLabel: t(`phase.${phase}`),
    badge: calendarBadge(event.startsAt, event.displayZones[0] ?? event.homeZone, locale),
    when: describeWhen(event, viewerZone, locale),
    hasRecording: event.hasRecording,
  };
}

/** The event as a calendar shows it, its text in `locale` where translated (calendars carry no per-field language). */
export function toCalendarInput(event: PublicEventSummary, origin: string, locale: Locale): CalendarEventInput {
  const source = sourceLocaleOf(event);
  const summary = localized(event, "summary", locale, source).text;
  return {
    id: event.id,
    slug: event.slug,
    title: localized(event, "title", locale, source).text,
    summary: summary || markdownToPlainText(localized(event, "descriptionMd", locale, source).text).slice(0, 500),
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
  lang: LangOf<"title" | "abstract">;
  /** One per display zone, with the header's "+1 day" markers. */
  times: string[];
  /** The segment in the viewer's own zone, when we know it. */
  viewerTime: string | null;
  materialsUrl: string | null;
  people: { slug: string; displayName: string; role: string; roleLabel: string; position: string; affiliation: string; lang: LangOf<"position"> }[];
}

export interface EventPageView extends EventCardView {
  descriptionHtml: string;
  /** `lang` of the description when it is not in the page's language. */
  descriptionLang: Locale | undefined;
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
  { viewerZone, now, origin, language }: { viewerZone: string | null; now: Date; origin: string; language: ContentLanguage },
): EventPageView {
  const locale = language.page;
  const t = translatorFor(locale);
  const source = sourceLocaleOf(event);
  const card = toEventCard(event, { viewerZone, now, language });
  const calendarInput = toCalendarInput(event, origin, language.reader);
  const url = `${origin}/events/${event.slug}`;
  const title = localized(event, "title", language.reader, source);
  const body = localized(event, "descriptionMd", language.reader, source);
  const description = card.summary || markdownToPlainText(body.text).slice(0, 300);
  const leadZone = event.displayZones[0] ?? event.homeZone;
  return {
    ...card,
    // Memoised by the text itself, so each language's version is rendered once (decision 017).
    descriptionHtml: renderMarkdown(body.text),
    descriptionLang: body.locale === language.page ? undefined : body.locale,
    hosts: event.hosts.map((h) => ({ name: h.name, shortName: h.shortName, roleLabel: h.role })),
    agenda: event.agenda.map((item) => {
      const segment =
        item.startsAt && item.endsAt
          ? formatSegmentTimes({ startsAt: item.startsAt, endsAt: item.endsAt, zones: event.displayZones, eventStartsAt: event.startsAt, viewerZone, locale })
          : null;
      return {
        id: item.id,
        kindLabel: t(`agendaKind.${item.kind}`),
        // Segments are written in their event's source language.
        ...pickFields(item, ["title", "abstract"], source, language),
        times: segment ? segment.zones.map((z) => z.text) : [],
        viewerTime: segment?.viewer?.text ?? null,
        materialsUrl: item.materialsUrl,
        people: item.people.map((p) => ({
          slug: p.slug,
          displayName: personDisplayName(p),
          role: p.role,
          roleLabel: t(`agendaRole.${p.role}`),
          ...pickFields(p, ["position"], sourceLocaleOf(p), language),
          affiliation: p.affiliation,
        })),
      };
    }),
    recordings: recordingsShowPublicly(event, now) ? event.recordings : [],
    calendar: {
      icsPath: `/events/${event.slug}.ics`,
      google: googleCalendarUrl(calendarInput),
      outlook: outlookCalendarUrl(calendarInput),
    },
    meta: { title: title.text, description, url },
    jsonLd: {
      "@context": "https://schema.org",
      "@type": "Event",
      name: title.text,
      description,
      // The language of the name: the reader's when the title is translated, else the source's.
      inLanguage: title.locale,
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
