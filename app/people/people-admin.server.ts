// The people directory of the organizer console: the speakers, moderators and
// chairs agendas are built from. Shared by every organizer (a speaker appears
// in many organizers' events), so any signed-in user may read and change it;
// each change is written in one transaction with its audit entry.
import { and, asc, desc, eq, ilike, ne, or, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { agendaItems, agendaRoles, events, people, type Person, type User } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import {
  changedFields,
  freeSlug,
  escapeLikePattern,
  isUniqueViolation,
  isUuid,
  orNull,
  type DirectorySaveOutcome,
  type Tx,
} from "~/events/directory-records.server";
import { personDisplayName } from "~/events/labels";
import { PEOPLE_QUERY_MAX, type PersonFormValues } from "./person-form";

type Reader = Pick<Database, "select">;

export type SavePersonOutcome = DirectorySaveOutcome<Person, PersonFormValues>;

const SLUG_TAKEN = "Another person already uses this address; choose another one or leave it empty";

/** People whose name, affiliation or email contains the query, in any letter case; everyone when it is empty. */
export async function searchPeople(db: Reader, { query, limit = 100 }: { query?: string | null; limit?: number }) {
  const text = (query ?? "").trim().slice(0, PEOPLE_QUERY_MAX);
  const pattern = `%${escapeLikePattern(text)}%`;
  const matches = text ? or(ilike(people.name, pattern), ilike(people.affiliation, pattern), ilike(people.email, pattern)) : undefined;
  return db
    .select({
      id: people.id,
      slug: people.slug,
      honorific: people.honorific,
      name: people.name,
      position: people.position,
      affiliation: people.affiliation,
      homeZone: people.homeZone,
    })
    .from(people)
    .where(matches)
    .orderBy(asc(sql`lower(${people.name})`), asc(people.name), asc(people.id))
    .limit(Math.max(1, Math.min(limit, 500)));
}

/** The person behind an /admin/people/:id URL, or null for an unknown or malformed id. */
export async function findPersonForEdit(db: Reader, id: string | undefined): Promise<Person | null> {
  if (!isUuid(id)) return null;
  const [person] = await db.select().from(people).where(eq(people.id, id));
  return person ?? null;
}

/** A person as the form shows it. */
export function personFormDefaults(person: Person): Record<string, string> {
  return {
    honorific: person.honorific,
    name: person.name,
    position: person.position,
    affiliation: person.affiliation,
    bio: person.bio,
    photoUrl: person.photoUrl ?? "",
    homeZone: person.homeZone ?? "",
    email: person.email ?? "",
    slug: person.slug,
  };
}

/** The agenda segments a person appears in, newest event first, drafts included. */
export async function listPersonAppearances(db: Reader, personId: string) {
  if (!isUuid(personId)) return [];
  return db
    .select({
      eventId: events.id,
      eventTitle: events.title,
      eventStatus: events.status,
      eventStartsAt: events.startsAt,
      eventDisplayZones: events.displayZones,
      segmentId: agendaItems.id,
      segmentTitle: agendaItems.title,
      role: agendaRoles.role,
    })
    .from(agendaRoles)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaRoles.agendaItemId))
    .innerJoin(events, eq(events.id, agendaItems.eventId))
    .where(eq(agendaRoles.personId, personId))
    .orderBy(desc(events.startsAt), asc(agendaItems.position), asc(agendaRoles.position));
}

function toColumns(values: PersonFormValues) {
  return {
    honorific: values.honorific,
    name: values.name,
    position: values.position,
    affiliation: values.affiliation,
    bio: values.bio,
    photoUrl: orNull(values.photoUrl),
    homeZone: orNull(values.homeZone),
    email: orNull(values.email),
  };
}

async function slugTaken(tx: Tx, slug: string, exceptPersonId: string | null): Promise<boolean> {
  const mine = exceptPersonId ? ne(people.id, exceptPersonId) : undefined;
  const [row] = await tx.select({ id: people.id }).from(people).where(and(eq(people.slug, slug), mine)).limit(1);
  return Boolean(row);
}

export async function createPersonFromForm(db: Database, { user, values }: { user: User; values: PersonFormValues }): Promise<SavePersonOutcome> {
  try {
    return await db.transaction(async (tx) => {
      if (values.slug && (await slugTaken(tx, values.slug, null))) return { ok: false, fieldErrors: { slug: [SLUG_TAKEN] } } as const;
      const slug = values.slug ?? (await freeSlug(values.name, { fallback: "person", isTaken: (s) => slugTaken(tx, s, null) }));
      const [person] = await tx.insert(people).values({ ...toColumns(values), slug }).returning();
      await recordAudit(tx, {
        actor: actorFor(user),
        eventId: null,
        action: "person.created",
        summary: `Added “${personDisplayName(person!)}” to the people directory`,
        details: { personId: person!.id, slug },
      });
      return { ok: true, record: person! } as const;
    });
  } catch (error) {
    // Two organizers saving the same address at once: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: [SLUG_TAKEN] } };
    throw error;
  }
}

const AUDITED_FIELDS = ["honorific", "name", "position", "affiliation", "bio", "photoUrl", "homeZone", "email", "slug"] as const;

/** Saves the form over a person; an empty address keeps the current one, so public links do not move by accident. */
export async function updatePersonFromForm(
  db: Database,
  { user, personId, values }: { user: User; personId: string; values: PersonFormValues },
): Promise<SavePersonOutcome> {
  if (!isUuid(personId)) return { ok: false, fieldErrors: { form: ["This person no longer exists"] } };
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(people).where(eq(people.id, personId)).for("update");
      if (!before) return { ok: false, fieldErrors: { form: ["This person no longer exists"] } } as const;
      const slug = values.slug ?? before.slug;
      if (await slugTaken(tx, slug, personId)) return { ok: false, fieldErrors: { slug: [SLUG_TAKEN] } } as const;
      const [after] = await tx
        .update(people)
        .set({ ...toColumns(values), slug, updatedAt: new Date() })
        .where(eq(people.id, personId))
        .returning();
      const fields = changedFields(before, after!, AUDITED_FIELDS);
      await recordAudit(tx, {
        actor: actorFor(user),
        eventId: null,
        action: "person.updated",
        summary: fields.length
          ? `Changed ${fields.join(", ")} of “${personDisplayName(after!)}”`
          : `Saved “${personDisplayName(after!)}” without changes`,
        // Field names only: the values (an email, say) stay out of the log.
        details: { personId, fields },
      });
      return { ok: true, record: after! } as const;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: [SLUG_TAKEN] } };
    throw error;
  }
}
