// Read side of the public site: what a visitor may see of events, series and
// speakers. Drafts never leave this module; join URLs are never selected.
import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { preparedStatement } from "~db/records.server";
import {
  agendaItems,
  agendaRoles,
  eventHosts,
  events,
  organizations,
  people,
  recordingLinks,
  series,
  type AgendaItemKind,
  type AgendaRoleKind,
  type EventStatus,
  type HostRole,
  type TranslationsColumn,
} from "~db/schema";
import { inBillingOrder } from "./labels";

const publicStatus = ne(events.status, "draft");

/** The columns a visitor may see; joinUrl is deliberately absent. */
const publicEventColumns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  summary: events.summary,
  descriptionMd: events.descriptionMd,
  defaultLocale: events.defaultLocale,
  translations: events.translations,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  homeZone: events.homeZone,
  displayZones: events.displayZones,
  status: events.status,
  capacity: events.capacity,
  requiresApproval: events.requiresApproval,
  registrationOpensAt: events.registrationOpensAt,
  registrationClosesAt: events.registrationClosesAt,
  sequence: events.sequence,
  seriesId: events.seriesId,
  createdAt: events.createdAt,
  updatedAt: events.updatedAt,
  // Seats left are public; the lifecycle keeps this count on the event row.
  seatsTaken: events.seatsTaken,
};

export interface PublicEvent {
  id: string;
  slug: string;
  title: string;
  summary: string;
  descriptionMd: string;
  /** The language title, summary, description, segments and questions are written in. */
  defaultLocale: string;
  translations: TranslationsColumn;
  startsAt: Date;
  endsAt: Date;
  homeZone: string;
  displayZones: string[];
  status: EventStatus;
  capacity: number | null;
  seatsTaken: number;
  requiresApproval: boolean;
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
  sequence: number;
  seriesId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PublicHost {
  eventId: string;
  slug: string;
  name: string;
  shortName: string;
  role: HostRole;
}

/** A series as an event card names it, with what it takes to show its title in the reader's language. */
export interface PublicSeriesRef {
  slug: string;
  title: string;
  defaultLocale: string;
  translations: TranslationsColumn;
}

export interface PublicEventSummary extends PublicEvent {
  hosts: PublicHost[];
  series: PublicSeriesRef | null;
  hasRecording: boolean;
}

const hostColumns = {
  eventId: eventHosts.eventId,
  slug: organizations.slug,
  name: organizations.name,
  shortName: organizations.shortName,
  role: eventHosts.role,
  position: eventHosts.position,
};

/** Each event's hosts in billing order (role, then the organizer's order). */
async function hostsFor(db: Database, eventIds: string[]): Promise<Map<string, PublicHost[]>> {
  const byEvent = new Map<string, PublicHost[]>();
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .select(hostColumns)
    .from(eventHosts)
    .innerJoin(organizations, eq(organizations.id, eventHosts.organizationId))
    .where(inArray(eventHosts.eventId, eventIds))
    .orderBy(asc(eventHosts.position));
  for (const { position: _position, ...host } of inBillingOrder(rows)) byEvent.set(host.eventId, [...(byEvent.get(host.eventId) ?? []), host]);
  return byEvent;
}

async function recordingEventIds(db: Database, eventIds: string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ eventId: recordingLinks.eventId })
    .from(recordingLinks)
    .where(and(inArray(recordingLinks.eventId, eventIds)));
  return new Set(rows.map((r) => r.eventId));
}

type SeriesColumns = { seriesSlug: string | null; seriesTitle: string | null; seriesDefaultLocale: string | null; seriesTranslations: TranslationsColumn | null };

function seriesRef({ seriesSlug, seriesTitle, seriesDefaultLocale, seriesTranslations }: SeriesColumns): PublicSeriesRef | null {
  if (!seriesSlug || !seriesTitle) return null;
  return { slug: seriesSlug, title: seriesTitle, defaultLocale: seriesDefaultLocale ?? "en", translations: seriesTranslations ?? {} };
}

async function summarize(db: Database, rows: (PublicEvent & SeriesColumns)[]): Promise<PublicEventSummary[]> {
  const ids = rows.map((r) => r.id);
  const [hosts, recorded] = await Promise.all([hostsFor(db, ids), recordingEventIds(db, ids)]);
  return rows.map(({ seriesSlug, seriesTitle, seriesDefaultLocale, seriesTranslations, ...event }) => ({
    ...event,
    hosts: hosts.get(event.id) ?? [],
    series: seriesRef({ seriesSlug, seriesTitle, seriesDefaultLocale, seriesTranslations }),
    hasRecording: recorded.has(event.id),
  }));
}

function summaryQuery(db: Database) {
  return db
    .select({
      ...publicEventColumns,
      seriesSlug: series.slug,
      seriesTitle: series.title,
      seriesDefaultLocale: series.defaultLocale,
      seriesTranslations: series.translations,
    })
    .from(events)
    .leftJoin(series, eq(series.id, events.seriesId));
}

/** Upcoming (including live) soonest first; past most recent first. */
export async function listPublicEvents(
  db: Database,
  { now, pastLimit = 50 }: { now: Date; pastLimit?: number },
): Promise<{ upcoming: PublicEventSummary[]; past: PublicEventSummary[] }> {
  const [upcomingRows, pastRows] = await Promise.all([
    summaryQuery(db).where(and(publicStatus, gte(events.endsAt, now))).orderBy(asc(events.startsAt)),
    summaryQuery(db)
      .where(and(publicStatus, lt(events.endsAt, now)))
      .orderBy(desc(events.startsAt))
      .limit(pastLimit),
  ]);
  const [upcoming, past] = await Promise.all([summarize(db, upcomingRows), summarize(db, pastRows)]);
  return { upcoming, past };
}

export async function listSeriesEvents(db: Database, seriesId: string): Promise<PublicEventSummary[]> {
  const rows = await summaryQuery(db)
    .where(and(publicStatus, eq(events.seriesId, seriesId)))
    .orderBy(asc(events.startsAt));
  return summarize(db, rows);
}

/** Every public event, for /calendar.ics. */
export async function listAllPublicEvents(db: Database): Promise<PublicEventSummary[]> {
  const rows = await summaryQuery(db).where(publicStatus).orderBy(asc(events.startsAt));
  return summarize(db, rows);
}

export interface AgendaPerson {
  id: string;
  slug: string;
  honorific: string;
  name: string;
  position: string;
  affiliation: string;
  photoUrl: string | null;
  role: AgendaRoleKind;
  defaultLocale: string;
  translations: TranslationsColumn;
}

export interface PublicAgendaItem {
  id: string;
  kind: AgendaItemKind;
  title: string;
  abstract: string;
  translations: TranslationsColumn;
  startsAt: Date | null;
  endsAt: Date | null;
  materialsUrl: string | null;
  people: AgendaPerson[];
}

const agendaItemColumns = {
  id: agendaItems.id,
  kind: agendaItems.kind,
  title: agendaItems.title,
  abstract: agendaItems.abstract,
  translations: agendaItems.translations,
  startsAt: agendaItems.startsAt,
  endsAt: agendaItems.endsAt,
  materialsUrl: agendaItems.materialsUrl,
};

const agendaRoleColumns = {
  agendaItemId: agendaRoles.agendaItemId,
  role: agendaRoles.role,
  id: people.id,
  slug: people.slug,
  honorific: people.honorific,
  name: people.name,
  position: people.position,
  affiliation: people.affiliation,
  photoUrl: people.photoUrl,
  defaultLocale: people.defaultLocale,
  translations: people.translations,
};

// The event page's queries run on every uncached view, so each is a named prepared
// statement (decision 017); they take the event id (or slug) as a placeholder.
const eventIdParam = sql.placeholder("eventId");

const publicEventBySlug = preparedStatement((db) =>
  summaryQuery(db)
    .where(and(publicStatus, eq(events.slug, sql.placeholder("slug"))))
    .limit(1)
    .prepare("public_event_by_slug"),
);

const eventHostsById = preparedStatement((db) =>
  db
    .select(hostColumns)
    .from(eventHosts)
    .innerJoin(organizations, eq(organizations.id, eventHosts.organizationId))
    .where(eq(eventHosts.eventId, eventIdParam))
    .orderBy(asc(eventHosts.position))
    .prepare("public_event_hosts"),
);

const agendaItemsOfEvent = preparedStatement((db) =>
  db
    .select(agendaItemColumns)
    .from(agendaItems)
    .where(eq(agendaItems.eventId, eventIdParam))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt))
    .prepare("public_event_agenda_items"),
);

const agendaRolesOfEvent = preparedStatement((db) =>
  db
    .select(agendaRoleColumns)
    .from(agendaRoles)
    .innerJoin(people, eq(people.id, agendaRoles.personId))
    .innerJoin(agendaItems, eq(agendaItems.id, agendaRoles.agendaItemId))
    .where(eq(agendaItems.eventId, eventIdParam))
    .orderBy(asc(agendaRoles.position))
    .prepare("public_event_agenda_roles"),
);

const recordingsOfEvent = preparedStatement((db) =>
  db
    .select({ label: recordingLinks.label, url: recordingLinks.url, publishedAt: recordingLinks.publishedAt })
    .from(recordingLinks)
    .where(eq(recordingLinks.eventId, eventIdParam))
    .orderBy(asc(recordingLinks.position))
    .prepare("public_event_recordings"),
);

export async function loadAgenda(db: Database, eventId: string): Promise<PublicAgendaItem[]> {
  // Items and their people in parallel: the roles are found through the items' event.
  const [items, roles] = await Promise.all([
    agendaItemsOfEvent(db).execute({ eventId }),
    agendaRolesOfEvent(db).execute({ eventId }),
  ]);
  return items.map((item) => ({
    ...item,
    people: roles.filter((r) => r.agendaItemId === item.id).map(({ agendaItemId: _id, ...person }) => person),
  }));
}

export interface PublicEventDetail extends PublicEventSummary {
  agenda: PublicAgendaItem[];
  recordings: { label: string; url: string }[];
}

export async function findPublicEvent(db: Database, slug: string): Promise<PublicEventDetail | null> {
  const [row] = await publicEventBySlug(db).execute({ slug });
  if (!row) return null;
  const { seriesSlug, seriesTitle, seriesDefaultLocale, seriesTranslations, ...event } = row;
  const [hostRows, agenda, recordings] = await Promise.all([
    eventHostsById(db).execute({ eventId: row.id }),
    loadAgenda(db, row.id),
    recordingsOfEvent(db).execute({ eventId: row.id }),
  ]);
  const hosts = inBillingOrder(hostRows).map(({ position: _position, ...host }) => host);
  const published = recordings.filter((r) => r.publishedAt !== null).map(({ label, url }) => ({ label, url }));
  return {
    ...event,
    hosts,
    series: seriesRef({ seriesSlug, seriesTitle, seriesDefaultLocale, seriesTranslations }),
    hasRecording: published.length > 0,
    agenda,
    recordings: published,
  };
}

/** Series with at least one public event, for the subscribe page. */
export async function listPublicSeries(db: Database): Promise<PublicSeriesRef[]> {
  return db
    .selectDistinct({ slug: series.slug, title: series.title, defaultLocale: series.defaultLocale, translations: series.translations })
    .from(series)
    .innerJoin(events, and(eq(events.seriesId, series.id), publicStatus))
    .orderBy(asc(series.title));
}

export async function findSeries(db: Database, slug: string) {
  const [row] = await db.select().from(series).where(eq(series.slug, slug)).limit(1);
  return row ?? null;
}

export interface SpeakerSession {
  agendaItemId: string;
  kind: AgendaItemKind;
  title: string;
  translations: TranslationsColumn;
  role: AgendaRoleKind;
  startsAt: Date | null;
  endsAt: Date | null;
  event: {
    slug: string;
    title: string;
    defaultLocale: string;
    translations: TranslationsColumn;
    startsAt: Date;
    endsAt: Date;
    displayZones: string[];
    status: EventStatus;
  };
}

export async function findSpeaker(db: Database, slug: string) {
  const [person] = await db
    .select({
      id: people.id,
      slug: people.slug,
      honorific: people.honorific,
      name: people.name,
      position: people.position,
      affiliation: people.affiliation,
      bio: people.bio,
      photoUrl: people.photoUrl,
      homeZone: people.homeZone,
      defaultLocale: people.defaultLocale,
      translations: people.translations,
    })
    .from(people)
    .where(eq(people.slug, slug))
    .limit(1);
  if (!person) return null;
  const rows = await db
    .select({
      agendaItemId: agendaItems.id,
      kind: agendaItems.kind,
      title: agendaItems.title,
      translations: agendaItems.translations,
      role: agendaRoles.role,
      startsAt: agendaItems.startsAt,
      endsAt: agendaItems.endsAt,
      eventSlug: events.slug,
      eventTitle: events.title,
      eventDefaultLocale: events.defaultLocale,
      eventTranslations: events.translations,
      eventStartsAt: events.startsAt,
      eventEndsAt: events.endsAt,
      eventDisplayZones: events.displayZones,
      eventStatus: events.status,
    })
    .from(agendaRoles)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaRoles.agendaItemId))
    .innerJoin(events, eq(events.id, agendaItems.eventId))
    .where(and(eq(agendaRoles.personId, person.id), publicStatus))
    .orderBy(desc(events.startsAt), asc(agendaItems.position));
  const sessions: SpeakerSession[] = rows.map((r) => ({
    agendaItemId: r.agendaItemId,
    kind: r.kind,
    title: r.title,
    translations: r.translations,
    role: r.role,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    event: {
      slug: r.eventSlug,
      title: r.eventTitle,
      defaultLocale: r.eventDefaultLocale,
      translations: r.eventTranslations,
      startsAt: r.eventStartsAt,
      endsAt: r.eventEndsAt,
      displayZones: r.eventDisplayZones,
      status: r.eventStatus,
    },
  }));
  return { person, sessions };
}
