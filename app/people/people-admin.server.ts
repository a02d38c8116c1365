// The people directory of the organizer console: the speakers, moderators and
// chairs agendas are built from. Names and affiliations are shared by every
// organizer (a speaker appears in many organizers' events); contact details,
// event links and changes follow person-access.server.ts (decision 015). Each
// change is written in one transaction with its audit entry.
import { and, asc, desc, eq, ilike, ne, or, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { agendaItems, agendaRoles, events, people, type Person, type User } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import { changedFields, orNull, type DirectorySaveOutcome } from "~/events/directory-records.server";
import { freeSlug, escapeLikePattern, isUniqueViolation, isUuid, type Tx } from "~db/records.server";
import { personDisplayName } from "~/events/labels";
import { manageableBy } from "~/auth/event-access.server";
import { PEOPLE_QUERY_MAX, type PersonFormValues } from "./person-form";
import type { Translate } from "~/i18n/translator";
import { contactVisibleTo, editableBy } from "./person-access.server";

type Reader = Pick<Database, "select">;

export type SavePersonOutcome = DirectorySaveOutcome<Person, PersonFormValues>;


/**
 * People whose name, affiliation or email contains the query, in any letter case;
 * everyone when it is empty. The email only matches where the user may see it,
 * so a search cannot be used to guess another organizer's speaker's address.
 */
export async function searchPeople(db: Reader, { user, query, limit = 100 }: { user: Pick<User, "id" | "role">; query?: string | null; limit?: number }) {
  const text = (query ?? "").trim().slice(0, PEOPLE_QUERY_MAX);
  const pattern = `%${escapeLikePattern(text)}%`;
  const matches = text
    ? or(ilike(people.name, pattern), ilike(people.affiliation, pattern), and(ilike(people.email, pattern), contactVisibleTo(user)))
    : undefined;
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

export interface PersonAccess {
  person: Person;
  /** May read the email and the events the person appears on. */
  canSeeContact: boolean;
  /** May change the person. */
  canEdit: boolean;
}

/** The person behind an /admin/people/:id URL with what this user may do with them, or null. */
export async function findPersonWithAccess(db: Reader, user: Pick<User, "id" | "role">, id: string | undefined): Promise<PersonAccess | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ person: people, canSeeContact: sql<boolean>`${contactVisibleTo(user)}`, canEdit: sql<boolean>`${editableBy(user)}` })
    .from(people)
    .where(eq(people.id, id));
  if (!row) return null;
  const canSeeContact = Boolean(row.canSeeContact);
  // Never hand the email to a page that may not show it, even as a hidden value.
  return { person: canSeeContact ? row.person : { ...row.person, email: null }, canSeeContact, canEdit: Boolean(row.canEdit) };
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

/**
 * The agenda segments a person appears in on events this user manages, newest
 * event first, drafts included; and how many other events they appear on,
 * without naming them (another organizer's draft titles stay theirs).
 */
export async function listPersonAppearances(db: Reader, personId: string, user: Pick<User, "id" | "role">) {
  if (!isUuid(personId)) return { mine: [], elsewhere: 0 };
  const ownership = manageableBy(user);
  const mine = await db
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
    .where(ownership ? and(eq(agendaRoles.personId, personId), ownership) : eq(agendaRoles.personId, personId))
    .orderBy(desc(events.startsAt), asc(agendaItems.position), asc(agendaRoles.position));
  if (!ownership) return { mine, elsewhere: 0 };
  const [other] = await db
    .select({ n: sql<number>`count(distinct ${events.id})::int` })
    .from(agendaRoles)
    .innerJoin(agendaItems, eq(agendaItems.id, agendaRoles.agendaItemId))
    .innerJoin(events, eq(events.id, agendaItems.eventId))
    .where(and(eq(agendaRoles.personId, personId), sql`not ${ownership}`));
  return { mine, elsewhere: other?.n ?? 0 };
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

export async function createPersonFromForm(db: Database, { user, values, t }: { user: User; values: PersonFormValues; t: Translate }): Promise<SavePersonOutcome> {
  try {
    return await db.transaction(async (tx) => {
      if (values.slug && (await slugTaken(tx, values.slug, null))) return { ok: false, fieldErrors: { slug: [t("people.slugTaken")] } } as const;
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
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: [t("people.slugTaken")] } };
    throw error;
  }
}

const AUDITED_FIELDS = ["honorific", "name", "position", "affiliation", "bio", "photoUrl", "homeZone", "email", "slug"] as const;

/** Saves the form over a person; an empty address keeps the current one, so public links do not move by accident. */
export async function updatePersonFromForm(
  db: Database,
  { user, personId, values, t }: { user: User; personId: string; values: PersonFormValues; t: Translate },
): Promise<SavePersonOutcome> {
  if (!isUuid(personId)) return { ok: false, fieldErrors: { form: [t("people.gone")] } };
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(people).where(eq(people.id, personId)).for("update");
      if (!before) return { ok: false, fieldErrors: { form: [t("people.gone")] } } as const;
      // Checked under the person's row lock, in the transaction that writes.
      const [access] = await tx.select({ canEdit: sql<boolean>`${editableBy(user)}` }).from(people).where(eq(people.id, personId));
      if (!access?.canEdit) return { ok: false, refused: true, fieldErrors: { form: [t("person.notYours")] } } as const;
      const slug = values.slug ?? before.slug;
      if (await slugTaken(tx, slug, personId)) return { ok: false, fieldErrors: { slug: [t("people.slugTaken")] } } as const;
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
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: { slug: [t("people.slugTaken")] } };
    throw error;
  }
}
