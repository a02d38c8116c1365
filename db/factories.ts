// Builders for every kind of record, shared by the demo seed and the tests so
// both exercise the same shapes the app reads.
import { randomBytes } from "node:crypto";
import type { Database } from "./client.server";
import {
  agendaItems,
  agendaRoles,
  eventHosts,
  events,
  organizations,
  people,
  recordingLinks,
  registrationQuestions,
  series,
  type AgendaItemKind,
  type AgendaRoleKind,
  type Event,
  type HostRole,
  type NewEvent,
  type Organization,
  type Person,
  type Series,
} from "./schema";
import { slugify } from "./records.server";
import { translationsSchema, type TranslatableKind } from "../app/content/translations";
import { isLocale, type Locale } from "../app/i18n/locales";
import type { TranslationsColumn } from "./schema";

/** Translations pass the same zod check as the console's (decision 023), so demo data cannot hold what the app refuses. */
function checkedTranslations(kind: TranslatableKind, value: TranslationsColumn | undefined, source: string | undefined): TranslationsColumn {
  const sourceLocale: Locale = isLocale(source) ? source : "en";
  return translationsSchema(kind, sourceLocale).parse(value ?? {});
}

/** Any query runner: the database itself or a transaction inside it. */
type Runner = Pick<Database, "insert" | "select" | "update" | "delete">;

function uniqueSuffix(): string {
  return randomBytes(3).toString("hex");
}

export async function createOrganization(
  db: Runner,
  input: Partial<typeof organizations.$inferInsert> & { name?: string } = {},
): Promise<Organization> {
  const name = input.name ?? `University ${uniqueSuffix()}`;
  const [row] = await db
    .insert(organizations)
    .values({ shortName: input.shortName ?? name, slug: input.slug ?? slugify(input.shortName ?? name), ...input, name })
    .returning();
  return row!;
}

export async function createSeries(
  db: Runner,
  input: Partial<typeof series.$inferInsert> = {},
): Promise<Series> {
  const title = input.title ?? `Series ${uniqueSuffix()}`;
  const [row] = await db
    .insert(series)
    .values({ slug: input.slug ?? slugify(title), ...input, title, translations: checkedTranslations("series", input.translations, input.defaultLocale) })
    .returning();
  return row!;
}

export async function createPerson(
  db: Runner,
  input: Partial<typeof people.$inferInsert> = {},
): Promise<Person> {
  const name = input.name ?? `Speaker ${uniqueSuffix()}`;
  const [row] = await db
    .insert(people)
    .values({ slug: input.slug ?? slugify(name), ...input, name, translations: checkedTranslations("person", input.translations, input.defaultLocale) })
    .returning();
  return row!;
}

export interface AgendaItemSpec {
  kind: AgendaItemKind;
  title: string;
  abstract?: string;
  startsAt?: Date | null;
  endsAt?: Date | null;
  roles?: { person: Person; role: AgendaRoleKind }[];
  translations?: TranslationsColumn;
}

export interface EventSpec extends Partial<Omit<NewEvent, "startsAt" | "endsAt" | "homeZone" | "displayZones">> {
  startsAt: Date;
  endsAt: Date;
  homeZone?: string;
  displayZones?: string[];
  hosts?: { organization: Organization; role?: HostRole }[];
  agenda?: AgendaItemSpec[];
  recordings?: { label: string; url: string; published?: boolean }[];
  questions?: { kind: (typeof registrationQuestions.$inferInsert)["kind"]; label: string; required?: boolean; options?: string[]; translations?: TranslationsColumn }[];
}

export async function createEvent(db: Runner, spec: EventSpec): Promise<Event> {
  const { hosts = [], agenda = [], recordings = [], questions = [], ...fields } = spec;
  const title = fields.title ?? `Webinar ${uniqueSuffix()}`;
  const homeZone = fields.homeZone ?? fields.displayZones?.[0] ?? "UTC";
  const [event] = await db
    .insert(events)
    .values({
      ...fields,
      title,
      slug: fields.slug ?? `${slugify(title)}-${uniqueSuffix()}`,
      homeZone,
      displayZones: fields.displayZones ?? [homeZone],
      status: fields.status ?? "published",
      translations: checkedTranslations("event", fields.translations, fields.defaultLocale),
    })
    .returning();
  const created = event!;

  if (hosts.length > 0) {
    await db.insert(eventHosts).values(
      hosts.map((host, position) => ({
        eventId: created.id,
        organizationId: host.organization.id,
        role: host.role ?? "host",
        position,
      })),
    );
  }
  for (const [position, item] of agenda.entries()) {
    const [row] = await db
      .insert(agendaItems)
      .values({
        eventId: created.id,
        position,
        kind: item.kind,
        title: item.title,
        abstract: item.abstract ?? "",
        startsAt: item.startsAt ?? null,
        endsAt: item.endsAt ?? null,
        translations: checkedTranslations("agendaItem", item.translations, created.defaultLocale),
      })
      .returning();
    if (item.roles && item.roles.length > 0) {
      await db.insert(agendaRoles).values(
        item.roles.map((r, rolePosition) => ({
          agendaItemId: row!.id,
          personId: r.person.id,
          role: r.role,
          position: rolePosition,
        })),
      );
    }
  }
  if (questions.length > 0) {
    await db.insert(registrationQuestions).values(
      questions.map((q, position) => ({
        eventId: created.id,
        position,
        kind: q.kind,
        label: q.label,
        required: q.required ?? false,
        options: q.options ?? [],
        translations: checkedTranslations("question", q.translations, created.defaultLocale),
      })),
    );
  }
  if (recordings.length > 0) {
    await db.insert(recordingLinks).values(
      recordings.map((r, position) => ({
        eventId: created.id,
        label: r.label,
        url: r.url,
        position,
        publishedAt: r.published === false ? null : created.endsAt,
      })),
    );
  }
  return created;
}
