// The series directory of the organizer console. Series are shared by every
// organizer; each change runs in one transaction with its audit entry.
import { and, asc, eq, ne, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { events, series, type Series, type User } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import { changedFields, type DirectorySaveOutcome } from "./directory-records.server";
import { freeSlug, isUniqueViolation, isUuid, type Tx } from "~db/records.server";
import type { Translate } from "~/i18n/translator";
import type { SeriesFormValues } from "./series-form";

type Reader = Pick<Database, "select">;

export type SaveSeriesOutcome = DirectorySaveOutcome<Series, SeriesFormValues>;


/** Every series, by title, with how many events (drafts included) belong to it. */
export async function listSeries(db: Reader) {
  return db
    .select({
      id: series.id,
      slug: series.slug,
      title: series.title,
      // Qualified by hand: in a one-table select drizzle writes ${series.id} as a bare "id", which inside
      // this subquery would mean e.id.
      eventCount: sql<number>`(select count(*)::int from ${events} e where e.series_id = ${series}.id)`,
    })
    .from(series)
    .orderBy(asc(sql`lower(${series.title})`), asc(series.id));
}

export async function findSeriesForEdit(db: Reader, id: string | undefined): Promise<Series | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(series).where(eq(series.id, id));
  return row ?? null;
}

export function seriesFormDefaults(row: Series): Record<string, string> {
  return { title: row.title, slug: row.slug, description: row.description };
}

async function slugTaken(tx: Tx, slug: string, exceptSeriesId: string | null): Promise<boolean> {
  const others = exceptSeriesId ? ne(series.id, exceptSeriesId) : undefined;
  const [row] = await tx.select({ id: series.id }).from(series).where(and(eq(series.slug, slug), others)).limit(1);
  return Boolean(row);
}

export async function createSeriesFromForm(db: Database, { user, values, t }: { user: User; values: SeriesFormValues; t: Translate }): Promise<SaveSeriesOutcome> {
  try {
    return await db.transaction(async (tx) => {
      if (values.slug && (await slugTaken(tx, values.slug, null))) return { ok: false, fieldErrors: { slug: [t("series.slugTaken")] } } as const;
      const slug = values.slug ?? (await freeSlug(values.title, { fallback: "series", isTaken: (s) => slugTaken(tx, s, null) }));
      const [row] = await tx.insert(series).values({ title: values.title, description: values.description, slug }).returning();
      await recordAudit(tx, {
        actor: actorFor(user),
        eventId: null,
        action: "series.created",
        summary: `Created the series “${row!.title}”`,
        details: { seriesId: row!.id, slug },
      });
      return { ok: true, record: row! } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: [t("series.slugTaken")] } };
    throw error;
  }
}

const AUDITED_FIELDS = ["title", "slug", "description"] as const;

/** Saves the form over a series; an empty address keeps the current one (its public page and calendar feed). */
export async function updateSeriesFromForm(
  db: Database,
  { user, seriesId, values, t }: { user: User; seriesId: string; values: SeriesFormValues; t: Translate },
): Promise<SaveSeriesOutcome> {
  if (!isUuid(seriesId)) return { ok: false, fieldErrors: { form: [t("series.gone")] } };
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(series).where(eq(series.id, seriesId)).for("update");
      if (!before) return { ok: false, fieldErrors: { form: [t("series.gone")] } } as const;
      const slug = values.slug ?? before.slug;
      if (await slugTaken(tx, slug, seriesId)) return { ok: false, fieldErrors: { slug: [t("series.slugTaken")] } } as const;
      const [after] = await tx
        .update(series)
        .set({ title: values.title, description: values.description, slug, updatedAt: new Date() })
        .where(eq(series.id, seriesId))
        .returning();
      const fields = changedFields(before, after!, AUDITED_FIELDS);
      await recordAudit(tx, {
        actor: actorFor(user),
        eventId: null,
        action: "series.updated",
        summary: fields.length ? `Changed ${fields.join(", ")} of the series “${after!.title}”` : `Saved the series “${after!.title}” without changes`,
        details: { seriesId, fields },
      });
      return { ok: true, record: after! } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: [t("series.slugTaken")] } };
    throw error;
  }
}
