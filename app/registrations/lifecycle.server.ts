// The one owner of a registration's states and transitions (decision 013).
// Every caller (the public form, the registrant's page, the console, the join
// link, unsubscribe) changes a registration only through the functions below,
// inside a transaction holding the event's row lock (withLockedEvent). Each
// transition writes exactly one row to registration_events; the emails and
// audit entries it causes are derived from that row in registration-effects.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { events, registrationEvents, registrations, type Event, type Registration, type RegistrationStatus } from "~db/schema";
import type { Tx } from "~db/records.server";
import { lockEvent } from "~/events/event-lock.server";
import { translatorFor } from "~/i18n/catalogues.server";
import type { Translate } from "~/i18n/translator";
import type { LinkSigner } from "~/security/link-tokens.server";
import { applyEffects, planEffects } from "./registration-effects.server";

export const REGISTRATION_STATES = ["pending", "confirmed", "waitlisted", "declined", "cancelled", "attended", "erased"] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

export type Transition = "register" | "approve" | "decline" | "cancel" | "promote" | "promote-by-hand" | "attend" | "erase";

/**
 * The lifecycle, written down once. `null` is "no registration yet". A
 * cancelled registration may register again (same row, same links); an erased
 * one is gone for good (its email address no longer exists to match).
 */
export const TRANSITIONS: Record<Transition, { from: readonly (RegistrationState | null)[]; to: readonly RegistrationState[] }> = {
  register: { from: [null, "cancelled"], to: ["pending", "confirmed", "waitlisted"] },
  approve: { from: ["pending"], to: ["confirmed", "waitlisted"] },
  decline: { from: ["pending"], to: ["declined"] },
  cancel: { from: ["pending", "confirmed", "waitlisted"], to: ["cancelled"] },
  // In turn, by the system, whenever a seat is free: the earliest ticket first.
  promote: { from: ["waitlisted"], to: ["confirmed"] },
  // An organizer's deliberate choice, past capacity or ahead of others; recorded as such.
  "promote-by-hand": { from: ["waitlisted"], to: ["confirmed"] },
  attend: { from: ["confirmed"], to: ["attended"] },
  erase: { from: ["pending", "confirmed", "waitlisted", "declined", "cancelled", "attended"], to: ["erased"] },
};

export function isAllowed(transition: Transition, from: RegistrationState | null, to: RegistrationState): boolean {
  const rule = TRANSITIONS[transition];
  return rule.from.includes(from) && rule.to.includes(to);
}

/** A transition the table refuses from this state (from null: the registration does not exist). */
export type Refusal = { transition: Transition; from: RegistrationState | null };

/** The refusal for a transition the table does not allow; null when it is allowed from here. */
export function refusalOf(transition: Transition, from: RegistrationState | null): Refusal | null {
  return TRANSITIONS[transition].from.includes(from) ? null : { transition, from };
}

/** The refusal as a sentence in `t`'s language (English for the API and the logs). */
export function refusalSentence(refusal: Refusal, t: Translate = translatorFor("en")): string {
  if (refusal.from === null) return t("lifecycle.notFound");
  return t("lifecycle.refused", { state: t(`lifecycle.state.${refusal.from}`), action: t(`lifecycle.past.${refusal.transition}`) });
}

/**
 * attended and erased are kept as marks on a row (first_joined_at, erased_at)
 * beside the status column, which stays the seat-holding fact: an attendee
 * still holds their seat, an erased registration is a cancelled one.
 */
export function stateOf(registration: Pick<Registration, "status" | "firstJoinedAt" | "erasedAt">): RegistrationState {
  if (registration.erasedAt) return "erased";
  if (registration.status === "confirmed" && registration.firstJoinedAt) return "attended";
  return registration.status;
}

const STORED_STATUS: Record<RegistrationState, RegistrationStatus> = {
  pending: "pending",
  confirmed: "confirmed",
  waitlisted: "waitlisted",
  declined: "declined",
  cancelled: "cancelled",
  attended: "confirmed",
  erased: "cancelled",
};

const holdsSeat = (state: RegistrationState | null) => state === "confirmed" || state === "attended";

export type LifecycleActor =
  | { kind: "attendee" }
  | { kind: "system" }
  | { kind: "organizer"; userId: string | null; label: string };

export const ATTENDEE: LifecycleActor = { kind: "attendee" };
export const SYSTEM: LifecycleActor = { kind: "system" };
export const organizerActor = (actor: { userId: string | null; label: string }): LifecycleActor => ({ kind: "organizer", ...actor });

/** Everything a transition needs; `event` is the locked row, kept current as counters change. */
export interface LockedScope {
  tx: Tx;
  event: Event;
  now: Date;
  links: LinkSigner;
}

/** For transitions that send no email (attend, unsubscribe): nothing is signed with it. */
export const NO_EMAIL_LINKS: LinkSigner = { origin: "", secret: "" };

/** Runs `work` in one transaction holding the event's row lock; null when the event does not exist. */
export async function withLockedEvent<T>(
  db: Database,
  { eventId, now, links }: { eventId: string; now: Date; links: LinkSigner },
  work: (scope: LockedScope) => Promise<T>,
): Promise<T | null> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (!event) return null;
    return work({ tx, event, now, links });
  });
}

/** Free seats, O(1) from the locked row; null when the event has no limit. */
export function seatsLeft(event: Pick<Event, "capacity" | "seatsTaken">): number | null {
  return event.capacity === null ? null : Math.max(0, event.capacity - event.seatsTaken);
}

const hasFreeSeat = (event: Pick<Event, "capacity" | "seatsTaken">) => seatsLeft(event) !== 0;

/**
 * A registration of this event, read under the event's lock. No row lock of its
 * own: every transition already holds the event's, and a FOR UPDATE here would
 * deadlock with any email queued outside the lock (its foreign keys take KEY
 * SHARE on the registration, then on the event).
 */
export async function readRegistration(scope: LockedScope, registrationId: string): Promise<Registration | undefined> {
  const [row] = await scope.tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, scope.event.id)));
  return row;
}

interface TransitionRequest {
  transition: Transition;
  to: RegistrationState;
  actor: LifecycleActor;
  /** Columns besides status, ticket and invite sequence (a new registration's identity, erasure's blanks). */
  columns?: Partial<typeof registrations.$inferInsert>;
  details?: Record<string, unknown>;
}

export interface TransitionResult {
  registration: Registration;
  from: RegistrationState | null;
  to: RegistrationState;
  /** 1-based rank for someone who just joined the waitlist (always its end), else null. */
  waitlistRank: number | null;
}

/**
 * The single writer: checks the table, moves the counters on the locked event,
 * writes the row, the journal entry and (through registration-effects) the email
 * and audit entry. `before` is undefined for a brand-new registration, whose
 * columns must then be complete.
 */
async function applyTransition(scope: LockedScope, before: Registration | undefined, request: TransitionRequest): Promise<TransitionResult> {
  const from = before ? stateOf(before) : null;
  const { transition, to, actor } = request;
  if (!isAllowed(transition, from, to)) {
    // Callers check refusalOf first; reaching this is a bug, and throwing rolls everything back.
    throw new Error(`Registration lifecycle: ${transition} from ${from ?? "nothing"} to ${to} is not allowed`);
  }
  const seatDelta = Number(holdsSeat(to)) - Number(holdsSeat(from));
  const waitDelta = Number(to === "waitlisted") - Number(from === "waitlisted");
  const takesTicket = to === "waitlisted";
  if (seatDelta !== 0 || waitDelta !== 0 || takesTicket) {
    const [event] = await scope.tx
      .update(events)
      .set({
        seatsTaken: sql`${events.seatsTaken} + ${seatDelta}`,
        waitlistLength: sql`${events.waitlistLength} + ${waitDelta}`,
        waitlistTicketsIssued: sql`${events.waitlistTicketsIssued} + ${takesTicket ? 1 : 0}`,
      })
      .where(eq(events.id, scope.event.id))
      .returning();
    scope.event = event!;
  }
  const plan = planEffects(transition, from, to);
  const values = {
    ...request.columns,
    status: STORED_STATUS[to],
    waitlistTicket: takesTicket ? scope.event.waitlistTicketsIssued : null,
    // Raised in SQL, not from the row read earlier: a copy of an email sent outside the lock may have raised it since.
    ...(plan.invite ? { inviteSequence: before ? sql`${registrations.inviteSequence} + 1` : 1 } : {}),
    ...(to === "confirmed" ? { confirmedAt: scope.now } : {}),
    ...(to === "cancelled" ? { cancelledAt: scope.now } : {}),
    ...(to === "erased" ? { cancelledAt: before?.cancelledAt ?? scope.now } : {}),
    ...(to === "attended" ? { firstJoinedAt: scope.now } : {}),
    ...(to === "erased" ? { erasedAt: scope.now } : {}),
  };
  const [registration] = before
    ? await scope.tx.update(registrations).set({ ...values, updatedAt: scope.now }).where(eq(registrations.id, before.id)).returning()
    : await scope.tx.insert(registrations).values(values as typeof registrations.$inferInsert).returning();
  const inviteSequence = plan.invite ? registration!.inviteSequence : undefined;
  const ticket = takesTicket ? scope.event.waitlistTicketsIssued : from === "waitlisted" ? before!.waitlistTicket : null;
  const [record] = await scope.tx
    .insert(registrationEvents)
    .values({
      eventId: scope.event.id,
      registrationId: registration!.id,
      transition,
      fromState: from,
      toState: to,
      actorKind: actor.kind,
      actorUserId: actor.kind === "organizer" ? actor.userId : null,
      actorLabel: actor.kind === "organizer" ? actor.label : actor.kind === "system" ? "Podium (automatic)" : "The registrant",
      inviteSequence: inviteSequence ?? null,
      details: { ...(ticket !== null ? { waitlistTicket: ticket } : {}), ...request.details },
      occurredAt: scope.now,
    })
    .returning();
  const waitlistRank = takesTicket ? scope.event.waitlistLength : null;
  // Nobody waits beside a free seat before this change, so a free seat with people waiting now is the
  // one this change gave up, and fillFreeSeats (which the seat-freeing transitions call next) hands it on.
  const seatPassedOn = seatDelta < 0 && scope.event.status !== "cancelled" && hasFreeSeat(scope.event) && scope.event.waitlistLength > 0;
  // An erased registration is written to at the address it had, which the effects need once more.
  await applyEffects(scope, { record: record!, plan, registration: registration!, addressee: before && to === "erased" ? before : registration!, waitlistRank, seatPassedOn });
  return { registration: registration!, from, to, waitlistRank };
}

/**
 * Fairness: while a seat is free and someone waits, the earliest ticket gets it
 * and is emailed. Called after every change that can free a seat (cancel,
 * erase, capacity raised); O(1) when there is nothing to do.
 */
export async function fillFreeSeats(scope: LockedScope, cause: string): Promise<Registration[]> {
  const promoted: Registration[] = [];
  // A cancelled event hands out no seats: its registrants were told it is off.
  if (scope.event.status === "cancelled") return promoted;
  while (hasFreeSeat(scope.event) && scope.event.waitlistLength > 0) {
    const [next] = await scope.tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, scope.event.id), eq(registrations.status, "waitlisted")))
      .orderBy(asc(registrations.waitlistTicket))
      .limit(1);
    if (!next) break;
    const result = await applyTransition(scope, next, { transition: "promote", to: "confirmed", actor: SYSTEM, details: { cause } });
    promoted.push(result.registration);
  }
  return promoted;
}

export type RegisterValues = Pick<
  typeof registrations.$inferInsert,
  "id" | "email" | "name" | "affiliation" | "timeZone" | "locale" | "answers" | "consentAt" | "tokenVersion" | "manageTokenHash" | "joinTokenHash"
>;

/**
 * A new registration, or a cancelled one registering again: pending when the
 * event needs approval, confirmed when a seat is free (then nobody waits, since
 * seats are always handed to the waitlist first), else the end of the waitlist.
 */
export async function register(
  scope: LockedScope,
  { existing, values, actor }: { existing: Registration | undefined; values: RegisterValues; actor: LifecycleActor },
): Promise<TransitionResult | { refused: Refusal }> {
  const refusal = refusalOf("register", existing ? stateOf(existing) : null);
  if (refusal) return { refused: refusal };
  const to: RegistrationState = scope.event.requiresApproval ? "pending" : hasFreeSeat(scope.event) ? "confirmed" : "waitlisted";
  return applyTransition(scope, existing, {
    transition: "register",
    to,
    actor,
    columns: { ...values, eventId: scope.event.id, cancelledAt: null, confirmedAt: null, firstJoinedAt: null },
  });
}

/** Approval joins the one queue: a free seat only when nobody waits, else the end of the waitlist. */
export async function approve(scope: LockedScope, registration: Registration, actor: LifecycleActor): Promise<TransitionResult | { refused: Refusal }> {
  const refusal = refusalOf("approve", stateOf(registration));
  if (refusal) return { refused: refusal };
  return applyTransition(scope, registration, { transition: "approve", to: hasFreeSeat(scope.event) ? "confirmed" : "waitlisted", actor });
}

export async function decline(scope: LockedScope, registration: Registration, actor: LifecycleActor): Promise<TransitionResult | { refused: Refusal }> {
  const refusal = refusalOf("decline", stateOf(registration));
  if (refusal) return { refused: refusal };
  const result = await applyTransition(scope, registration, { transition: "decline", to: "declined", actor });
  await fillFreeSeats(scope, "declined");
  return result;
}

export async function cancel(
  scope: LockedScope,
  registration: Registration,
  actor: LifecycleActor,
): Promise<(TransitionResult & { promoted: Registration[] }) | { refused: Refusal }> {
  const refusal = refusalOf("cancel", stateOf(registration));
  if (refusal) return { refused: refusal };
  const result = await applyTransition(scope, registration, { transition: "cancel", to: "cancelled", actor });
  return { ...result, promoted: await fillFreeSeats(scope, "cancellation") };
}

/** Seats someone from the waitlist now, whatever their place and the capacity; the journal says whom they passed. */
export async function promoteByHand(
  scope: LockedScope,
  registration: Registration,
  actor: LifecycleActor,
): Promise<(TransitionResult & { jumpedAhead: number; overCapacity: boolean }) | { refused: Refusal }> {
  const refusal = refusalOf("promote-by-hand", stateOf(registration));
  if (refusal) return { refused: refusal };
  // One indexed count bounded by this person's place, paid only on an organizer's click.
  const jumpedAhead = (await waitlistRank(scope.tx, registration))! - 1;
  const overCapacity = !hasFreeSeat(scope.event);
  const result = await applyTransition(scope, registration, {
    transition: "promote-by-hand",
    to: "confirmed",
    actor,
    details: { outOfTurn: true, jumpedAhead, overCapacity },
  });
  return { ...result, jumpedAhead, overCapacity };
}

/** The first join through the personal link (or an organizer recording attendance); later joins change nothing. */
export async function markAttended(scope: LockedScope, registration: Registration, actor: LifecycleActor = ATTENDEE): Promise<TransitionResult | null> {
  if (stateOf(registration) !== "confirmed") return null;
  return applyTransition(scope, registration, { transition: "attend", to: "attended", actor });
}

/** Forgets the person: their seat or place goes to the waitlist, their links stop working. */
export async function erase(
  scope: LockedScope,
  registration: Registration,
  { actor, blanks }: { actor: LifecycleActor; blanks: Partial<typeof registrations.$inferInsert> },
): Promise<TransitionResult | { refused: Refusal }> {
  const refusal = refusalOf("erase", stateOf(registration));
  if (refusal) return { refused: refusal };
  const result = await applyTransition(scope, registration, {
    transition: "erase",
    to: "erased",
    actor,
    columns: { ...blanks, unsubscribedAt: registration.unsubscribedAt ?? scope.now },
  });
  await fillFreeSeats(scope, "erasure");
  return result;
}

/** Not a change of state, but a change a consumer may care about: journaled, no email. */
export async function recordUnsubscribe(scope: LockedScope, registration: Registration): Promise<void> {
  if (registration.unsubscribedAt) return;
  await scope.tx.update(registrations).set({ unsubscribedAt: scope.now }).where(eq(registrations.id, registration.id));
  const state = stateOf(registration);
  await scope.tx.insert(registrationEvents).values({
    eventId: scope.event.id,
    registrationId: registration.id,
    transition: "unsubscribe",
    fromState: state,
    toState: state,
    actorKind: "attendee",
    actorLabel: "The registrant",
    occurredAt: scope.now,
  });
}

// ── The waitlist rank: one derived number ────────────────────────────────────

/**
 * 1 + the number of people still waiting with an earlier ticket. Computed on
 * read, outside the lock (an index range bounded by the person's place); inside
 * the lock only a newcomer's rank is needed, and that is the waitlist's length.
 */
export async function waitlistRank(
  db: Pick<Database, "select">,
  registration: Pick<Registration, "eventId" | "status" | "waitlistTicket">,
): Promise<number | null> {
  if (registration.status !== "waitlisted" || registration.waitlistTicket === null) return null;
  const [{ ahead }] = (await db
    .select({ ahead: sql<number>`count(*)::int` })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, registration.eventId),
        eq(registrations.status, "waitlisted"),
        sql`${registrations.waitlistTicket} < ${registration.waitlistTicket}`,
      ),
    )) as [{ ahead: number }];
  return ahead + 1;
}

/** Every waiting registration's rank at once (one ordered pass), for lists and exports. */
export async function waitlistRanks(db: Pick<Database, "select">, eventId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: registrations.id })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.waitlistTicket));
  return new Map(rows.map((row, index) => [row.id, index + 1]));
}
