// /api/v1/events/{id}/registrations: every change goes through the registration lifecycle
// (decision 013) by way of the same area functions the console and the public form call.
import { and, eq, gte, sql, type SQL } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations, type Event, type Registration, type User } from "~db/schema";
import { actorFor } from "~/audit/audit-log.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { recordAttendance } from "~/registrations/attendance.server";
import { decidePendingRegistration } from "~/registrations/decisions.server";
import { stateOf, waitlistRank, waitlistRanks } from "~/registrations/lifecycle.server";
import { cancelRegistration } from "~/registrations/manage.server";
import { registerAttendee } from "~/registrations/register.server";
import { loadQuestions, refusalMessage } from "~/registrations/registration-action.server";
import { registrationFormSchema } from "~/registrations/registration-form";
import { translatorFor } from "~/i18n/catalogues.server";
import { resolveTimeZone } from "~/time/zone-catalog.server";
import { toIsoWithOffset } from "~/time";
import { ApiProblem, notFound } from "./api-problem.server";
import { afterCursor, DEFAULT_PAGE, orderOf, pageFrom, sortValue, type Ordering } from "./pagination.server";
import type { RegistrationCreateInput, RegistrationListQuery, RegistrationSchema, z } from "./schemas.server";

type RegistrationResource = z.infer<typeof RegistrationSchema>;

export function registrationResource(registration: Registration, rank: number | null): RegistrationResource {
  const at = (instant: Date) => toIsoWithOffset(instant, registration.timeZone);
  const erased = registration.erasedAt !== null;
  return {
    id: registration.id,
    event_id: registration.eventId,
    name: erased ? "(erased)" : registration.name,
    email: erased ? "" : registration.email,
    affiliation: registration.affiliation,
    time_zone: registration.timeZone,
    status: stateOf(registration),
    waitlist_position: rank,
    answers: registration.answers,
    created_at: at(registration.createdAt),
    updated_at: at(registration.updatedAt),
    confirmed_at: registration.confirmedAt ? at(registration.confirmedAt) : null,
    cancelled_at: registration.cancelledAt ? at(registration.cancelledAt) : null,
    attended_at: registration.firstJoinedAt ? at(registration.firstJoinedAt) : null,
  };
}

async function findRegistration(db: Pick<Database, "select">, event: Event, registrationId: string): Promise<Registration> {
  const [row] = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, event.id)));
  if (!row) throw notFound("registration");
  return row;
}

export async function getRegistration(db: Database, event: Event, registrationId: string): Promise<RegistrationResource> {
  const registration = await findRegistration(db, event, registrationId);
  return registrationResource(registration, await waitlistRank(db, registration));
}

export async function listRegistrations(db: Database, event: Event, query: z.infer<typeof RegistrationListQuery>) {
  const ordering: Ordering = query.updated_since
    ? { name: "registrations.updated", column: registrations.updatedAt, id: registrations.id, direction: "asc" }
    : { name: "registrations.created", column: registrations.createdAt, id: registrations.id, direction: "asc" };
  const limit = query.limit ?? DEFAULT_PAGE;
  const status: SQL | undefined =
    query.status === "attended"
      ? sql`${registrations.firstJoinedAt} is not null`
      : query.status === "confirmed"
        ? and(eq(registrations.status, "confirmed"), sql`${registrations.firstJoinedAt} is null`)
        : query.status
          ? eq(registrations.status, query.status)
          : undefined;
  const rows = await db
    .select({ registration: registrations, sortValue: sortValue(ordering.column), id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, event.id),
        status,
        query.updated_since ? gte(registrations.updatedAt, new Date(query.updated_since)) : undefined,
        afterCursor(ordering, query.cursor),
      ),
    )
    .orderBy(...orderOf(ordering))
    .limit(limit + 1);
  const ranks = rows.some((row) => row.registration.status === "waitlisted") ? await waitlistRanks(db, event.id) : new Map<string, number>();
  return pageFrom(rows, limit, ordering, (row) => registrationResource(row.registration, ranks.get(row.id) ?? null));
}

const FORM_FIELD_TO_API: Record<string, string> = { timeZone: "time_zone" };

/**
 * Adds someone with the public form's rules: the same schema (questions, zone, consent), then
 * the lifecycle's register (capacity, waitlist, approval). The same email again is not an error:
 * the existing registration comes back (200) and the person gets a fresh copy of their email.
 */
export async function addRegistration(
  db: Database,
  { user, event, input, now, links }: { user: User; event: Event; input: RegistrationCreateInput; now: Date; links: LinkSigner },
): Promise<{ status: 200 | 201; body: RegistrationResource }> {
  const questions = await loadQuestions(db, event.id);
  const parsed = registrationFormSchema(questions, resolveTimeZone, translatorFor("en")).safeParse({
    name: input.name,
    email: input.email,
    affiliation: input.affiliation,
    timeZone: input.time_zone,
    consent: input.consent ? "on" : undefined,
    answers: input.answers ?? {},
  });
  if (!parsed.success) {
    const errors = parsed.error.issues.slice(0, 50).map((issue) => {
      const [head, ...rest] = issue.path.map(String);
      return { field: [FORM_FIELD_TO_API[head ?? ""] ?? head, ...rest].join("."), detail: issue.message };
    });
    throw new ApiProblem(422, "Some fields need correcting.", errors);
  }
  const outcome = await registerAttendee(db, {
    eventId: event.id,
    input: { ...parsed.data, answers: parsed.data.answers as Record<string, string | string[] | boolean> },
    now,
    links,
    addedBy: actorFor(user),
  });
  if (outcome.kind === "refused") {
    throw new ApiProblem(409, outcome.reason === "not-found" ? "This event is a draft: publish it before adding registrations." : refusalMessage(outcome.reason));
  }
  if (outcome.kind === "already-registered") {
    const [existing] = await db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), sql`lower(${registrations.email}) = lower(${outcome.email})`));
    return { status: 200, body: registrationResource(existing!, await waitlistRank(db, existing!)) };
  }
  return { status: 201, body: registrationResource(outcome.registration, outcome.waitlistRank) };
}

export type RegistrationAction = "approve" | "decline" | "cancel" | "attend";

export async function changeRegistration(
  db: Database,
  { user, event, registrationId, action, now, links }: { user: User; event: Event; registrationId: string; action: RegistrationAction; now: Date; links: LinkSigner },
): Promise<RegistrationResource> {
  const actor = actorFor(user);
  await findRegistration(db, event, registrationId);
  let refusal: string | null = null;
  if (action === "approve" || action === "decline") {
    const outcome = await decidePendingRegistration(db, { registrationId, decision: action, now, links, actor, eventId: event.id });
    if (outcome.kind === "not-found") throw notFound("registration");
    if (outcome.kind === "not-pending") refusal = outcome.message;
  } else if (action === "cancel") {
    const outcome = await cancelRegistration(db, { registrationId, now, links, actor });
    if (outcome.kind === "not-found") throw notFound("registration");
    if (outcome.kind === "already-cancelled") refusal = outcome.message;
  } else {
    const outcome = await recordAttendance(db, { eventId: event.id, registrationId, actor, now });
    if (outcome.kind === "not-found") throw notFound("registration");
    if (outcome.kind === "refused") refusal = outcome.message;
  }
  if (refusal) throw new ApiProblem(409, refusal);
  return getRegistration(db, event, registrationId);
}
