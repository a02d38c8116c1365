// /api/v1/series, /organizations, /people: the shared directories (decision 006), read-only.
// A person's email follows the console's rule (decision 015): only through events you manage.
import { and, eq, type AnyColumn } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "~db/client.server";
import { organizations, people, series, type Organization, type Person, type Series, type User } from "~db/schema";
import { contactVisibleTo } from "~/people/person-access.server";
import { sourceLocaleOf } from "~/i18n/localize-content";
import { toIsoWithOffset } from "~/time";
import { apiTranslations } from "./events-api.server";
import { notFound } from "./api-problem.server";
import { afterCursor, DEFAULT_PAGE, orderOf, pageFrom, sortValue, type Ordering } from "./pagination.server";
import type { DirectoryListQuery, OrganizationSchema, PersonSchema, SeriesSchema, z } from "./schemas.server";

const utc = (instant: Date) => toIsoWithOffset(instant, "UTC");
const stamps = (row: { createdAt: Date; updatedAt: Date }) => ({ time_zone: "UTC" as const, created_at: utc(row.createdAt), updated_at: utc(row.updatedAt) });

function seriesResource(row: Series): z.infer<typeof SeriesSchema> {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    default_language: sourceLocaleOf(row),
    translations: apiTranslations(row.translations),
    ...stamps(row),
  };
}

function organizationResource(row: Organization): z.infer<typeof OrganizationSchema> {
  return { id: row.id, slug: row.slug, name: row.name, short_name: row.shortName, website_url: row.websiteUrl, ...stamps(row) };
}

function personResource(row: Person, contactVisible: boolean): z.infer<typeof PersonSchema> {
  return {
    id: row.id,
    slug: row.slug,
    honorific: row.honorific,
    name: row.name,
    position: row.position,
    affiliation: row.affiliation,
    bio: row.bio,
    default_language: sourceLocaleOf(row),
    translations: apiTranslations(row.translations),
    photo_url: row.photoUrl,
    home_zone: row.homeZone,
    email: contactVisible ? row.email : null,
    ...stamps(row),
  };
}

type Query = z.infer<typeof DirectoryListQuery>;

async function listByCreation<Row>(
  db: Database,
  table: PgTable & { createdAt: AnyColumn; id: AnyColumn },
  name: string,
  query: Query,
  select: (ordering: Ordering, after: ReturnType<typeof afterCursor>, limit: number) => Promise<(Row & { sortValue: string; id: string })[]>,
) {
  const ordering: Ordering = { name, column: table.createdAt, id: table.id, direction: "asc" };
  const limit = query.limit ?? DEFAULT_PAGE;
  return { ordering, limit, rows: await select(ordering, afterCursor(ordering, query.cursor), limit + 1) };
}

export async function listSeries(db: Database, query: Query) {
  const { ordering, limit, rows } = await listByCreation(db, series, "series.created", query, (o, after, n) =>
    db.select({ row: series, sortValue: sortValue(o.column), id: series.id }).from(series).where(after).orderBy(...orderOf(o)).limit(n),
  );
  return pageFrom(rows, limit, ordering, (r) => seriesResource(r.row));
}

export async function getSeries(db: Database, id: string) {
  const [row] = await db.select().from(series).where(eq(series.id, id));
  if (!row) throw notFound("series");
  return seriesResource(row);
}

export async function listOrganizations(db: Database, query: Query) {
  const { ordering, limit, rows } = await listByCreation(db, organizations, "organizations.created", query, (o, after, n) =>
    db.select({ row: organizations, sortValue: sortValue(o.column), id: organizations.id }).from(organizations).where(after).orderBy(...orderOf(o)).limit(n),
  );
  return pageFrom(rows, limit, ordering, (r) => organizationResource(r.row));
}

export async function getOrganization(db: Database, id: string) {
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw notFound("organization");
  return organizationResource(row);
}

export async function listPeople(db: Database, user: Pick<User, "id" | "role">, query: Query) {
  const { ordering, limit, rows } = await listByCreation(db, people, "people.created", query, (o, after, n) =>
    db
      .select({ row: people, visible: contactVisibleTo(user).mapWith(Boolean), sortValue: sortValue(o.column), id: people.id })
      .from(people)
      .where(after)
      .orderBy(...orderOf(o))
      .limit(n),
  );
  return pageFrom(rows, limit, ordering, (r) => personResource(r.row, r.visible));
}

export async function getPerson(db: Database, user: Pick<User, "id" | "role">, id: string) {
  const [row] = await db
    .select({ row: people, visible: contactVisibleTo(user).mapWith(Boolean) })
    .from(people)
    .where(and(eq(people.id, id)));
  if (!row) throw notFound("person");
  return personResource(row.row, row.visible);
}
