// The organizations directory of the organizer console: the universities and
// partners that host events. Shared by every organizer; each change runs in
// one transaction with its audit entry.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { eventHosts, organizations, type Organization, type User } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import { changedFields, orNull, type DirectorySaveOutcome } from "./directory-records.server";
import { freeSlug, isUniqueViolation, isUuid, slugify, type Tx } from "~db/records.server";
import type { Translate } from "~/i18n/translator";
import type { OrganizationFormValues } from "./organization-form";

type Reader = Pick<Database, "select">;

export type SaveOrganizationOutcome = DirectorySaveOutcome<Organization, OrganizationFormValues>;


/** Every organization, by name, with how many events it hosts or partners in. */
export async function listOrganizations(db: Reader) {
  return db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      shortName: organizations.shortName,
      websiteUrl: organizations.websiteUrl,
      // Qualified by hand: in a one-table select drizzle writes ${organizations.id} as a bare "id".
      eventCount: sql<number>`(select count(*)::int from ${eventHosts} h where h.organization_id = ${organizations}.id)`,
    })
    .from(organizations)
    .orderBy(asc(sql`lower(${organizations.name})`), asc(organizations.id));
}

export async function findOrganizationForEdit(db: Reader, id: string | undefined): Promise<Organization | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

export function organizationFormDefaults(row: Organization): Record<string, string> {
  return { name: row.name, shortName: row.shortName, slug: row.slug, websiteUrl: row.websiteUrl ?? "" };
}

function toColumns(values: OrganizationFormValues) {
  return { name: values.name, shortName: values.shortName, websiteUrl: orNull(values.websiteUrl) };
}

async function slugTaken(tx: Tx, slug: string, exceptOrganizationId: string | null): Promise<boolean> {
  const others = exceptOrganizationId ? ne(organizations.id, exceptOrganizationId) : undefined;
  const [row] = await tx.select({ id: organizations.id }).from(organizations).where(and(eq(organizations.slug, slug), others)).limit(1);
  return Boolean(row);
}

export async function createOrganizationFromForm(
  db: Database,
  { user, values, t }: { user: User; values: OrganizationFormValues; t: Translate },
): Promise<SaveOrganizationOutcome> {
  try {
    return await db.transaction(async (tx) => {
      if (values.slug && (await slugTaken(tx, values.slug, null))) return { ok: false, fieldErrors: { slug: [t("organizations.slugTaken")] } } as const;
      // From the short name, as the seed does: "hkust", not "the-hong-kong-university-of-science-and-technology".
      const source = slugify(values.shortName) ? values.shortName : values.name;
      const slug = values.slug ?? (await freeSlug(source, { fallback: "organization", isTaken: (s) => slugTaken(tx, s, null) }));
      const [row] = await tx.insert(organizations).values({ ...toColumns(values), slug }).returning();
      await recordAudit(tx, {
        actor: actorFor(user),
        eventId: null,
        action: "organization.created",
        summary: `Added the organization “${row!.name}” (${row!.shortName})`,
        details: { organizationId: row!.id, slug },
      });
      return { ok: true, record: row! } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: [t("organizations.slugTaken")] } };
    throw error;
  }
}

const AUDITED_FIELDS = ["name", "shortName", "slug", "websiteUrl"] as const;

/** Saves the form over an organization; an empty address keeps the current one. */
export async function updateOrganizationFromForm(
  db: Database,
  { user, organizationId, values, t }: { user: User; organizationId: string; values: OrganizationFormValues; t: Translate },
): Promise<SaveOrganizationOutcome> {
  if (!isUuid(organizationId)) return { ok: false, fieldErrors: { form: [t("organizations.gone")] } };
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(organizations).where(eq(organizations.id, organizationId)).for("update");
      if (!before) return { ok: false, fieldErrors: { form: [t("organizations.gone")] } } as const;
      const slug = values.slug ?? before.slug;
      if (await slugTaken(tx, slug, organizationId)) return { ok: false, fieldErrors: { slug: [t("organizations.slugTaken")] } } as const;
      const [after] = await tx
        .update(organizations)
        .set({ ...toColumns(values), slug, updatedAt: new Date() })
        .where(eq(organizations.id, organizationId))
        .returning();
      const fields = changedFields(before, after!, AUDITED_FIELDS);
      await recordAudit(tx, {
        actor: actorFor(user),
        eventId: null,
        action: "organization.updated",
        summary: fields.length ? `Changed ${fields.join(", ")} of “${after!.name}”` : `Saved “${after!.name}” without changes`,
        details: { organizationId, fields },
      });
      return { ok: true, record: after! } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: [t("organizations.slugTaken")] } };
    throw error;
  }
}
