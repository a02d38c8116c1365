// Read side of the public site: what a visitor may see of events, series and
// speakers. Drafts never leave this module; join URLs are never selected.
import { and, asc, desc, eq, gte, inArray, lt, ne } from "drizzle-orm";
import type { Database } from "~db/client.server";
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
} from "~db/schema";

const publicStatus = ne(events.status, "draft");

/** The columns a visitor may see; joinUrl is deliberately absent. */
const publicEventColumns = {
  id: events.id,
  slug: events.slug,
  title: events.title,
  summary: events.summary,
  descriptionMd: events.descriptionMd,
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
};

export interface PublicEvent {
  id: string;
  slug: string;
  title: string;
  summary: string;
  descriptionMd: string;
  startsAt: Date;
  endsAt: Date;
  homeZone: string;
  displayZones: string[];
  status: EventStatus;
  capacity: number | null;
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

export interface PublicEventSummary extends PublicEvent {
  hosts: PublicHost[];
  series: { slug: string; title: string } | null;
  hasRecording: boolean;
}

async function hostsFor(db: Database, eventIds: string[]): Promise<Map<string, PublicHost[]>> {
  const byEvent = new Map<string, PublicHost[]>();
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .select({
      eventId: eventHosts.eventId,
      slug: organizations.slug,
      name: organizations.name,
      shortName: organizations.shortName,
      role: eventHosts.role,
    })
    .from(eventHosts)
    .innerJoin(organizations, eq(organizations.id, eventHosts.organizationId))
    .where(inArray(eventHosts.eventId, eventIds))
    .orderBy(asc(eventHosts.position));
  for (const row of rows) byEvent.set(row.eventId, [...(byEvent.get(row.eventId) ?? []), row]);
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

async function summarize(db: Database, rows: (PublicEvent & { seriesSlug: string | null; seriesTitle: string | null })[]): Promise<PublicEventSummary[]> {
  const ids = rows.map((r) => r.id);
  const [hosts, recorded] = await Promise.all([hostsFor(db, ids), recordingEventIds(db, ids)]);
  return rows.map(({ seriesSlug, seriesTitle, ...event }) => ({
    ...event,
    hosts: hosts.get(event.id) ?? [],
    series: seriesSlug && seriesTitle ? { slug: seriesSlug, title: seriesTitle } : null,
    hasRecording: recorded.has(event.id),
  }));
}

function summaryQuery(db: Database) {
  return db
    .select({ ...publicEventColumns, seriesSlug: series.slug, seriesTitle: series.title })
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
  slug: string;
  honorific: string;
  name: string;
  position: string;
  affiliation: string;
  photoUrl: string | null;
  role: AgendaRoleKind;
}

export interface PublicAgendaItem {
  id: string;
  kind: AgendaItemKind;
  title: string;
  abstract: string;
  startsAt: Date | null;
  endsAt: Date | null;
  materialsUrl: string | null;
  people: AgendaPerson[];
}

export async function loadAgenda(db: Database, eventId: string): Promise<PublicAgendaItem[]> {
  const items = await db
    .select({
      id: agendaItems.id,
      kind: agendaItems.kind,
      title: agendaItems.title,
      abstract: agendaItems.abstract,
      startsAt: agendaItems.startsAt,
      endsAt: agendaItems.endsAt,
      materialsUrl: agendaItems.materialsUrl,
    })
    .from(agendaItems)
    .where(eq(agendaItems.eventId, eventId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
  if (items.length === 0) return [];
  const roles = await db
    .select({
      agendaItemId: agendaRoles.agendaItemId,
      role: agendaRoles.role,
      slug: people.slug,
      honorific: people.honorific,
      name: people.name,
      position: people.position,
      affiliation: people.affiliation,
      photoUrl: people.photoUrl,
    })
    .from(agendaRoles)
    .innerJoin(people, eq(people.id, agendaRoles.personId))
    .where(inArray(agendaRoles.agendaItemId, items.map((i) => i.id)))
    .orderBy(asc(agendaRoles.position));
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
  const [row] = await summaryQuery(db).where(and(publicStatus, eq(events.slug, slug))).limit(1);
  if (!row) return null;
  const { seriesSlug, seriesTitle, ...event } = row;
  const [hosts, agenda, recordings] = await Promise.all([
    hostsFor(db, [row.id]),
    loadAgenda(db, row.id),
    db
      .select({ label: recordingLinks.label, url: recordingLinks.url, publishedAt: recordingLinks.publishedAt })
      .from(recordingLinks)
      .where(eq(recordingLinks.eventId, row.id))
      .orderBy(asc(recordingLinks.position)),
  ]);
  const published = recordings.filter((r) => r.publishedAt !== null).map(({ label, url }) => ({ label, url }));
  return {
    ...event,
    hosts: hosts.get(row.id) ?? [],
    series: seriesSlug && seriesTitle ? { slug: seriesSlug, title: seriesTitle } : null,
    hasRecording: published.length > 0,
    agenda,
    recordings: published,
  };
}

export async function findSeries(db: Database, slug: string) {
  const [row] = await db.select().from(series).where(eq(series.slug, slug)).limit(1);
  return row ?? null;
}

export interface SpeakerSession {
  agendaItemId: string;
  kind: AgendaItemKind;
  title: string;
  role: AgendaRoleKind;
  startsAt: Date | null;
  endsAt: Date | null;
  event: { slug: string; title: string; startsAt: Date; endsAt: Date; displayZones: string[]; status: EventStatus };
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
      role: agendaRoles.role,
      startsAt: agendaItems.startsAt,
      endsAt: agendaItems.endsAt,
      eventSlug: events.slug,
      eventTitle: events.title,
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
    role: r.role,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    event: {
      slug: r.eventSlug,
      title: r.eventTitle,
      startsAt: r.eventStartsAt,
      endsAt: r.eventEndsAt,
      displayZones: r.eventDisplayZones,
      status: r.eventStatus,
    },
  }));
  return { person, sessions };
}
