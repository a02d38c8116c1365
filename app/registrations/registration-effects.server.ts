// The one place that maps a journal entry (registration_events) to what it
// causes: the registrant's email (at most one per transition, keyed by the
// entry's id so it can never be sent twice) and, for organizer and automatic
// changes, the audit entry; and the message for the organizer's webhooks.
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations, type Registration, type RegistrationEventRow } from "~db/schema";
import { lockEvent } from "~/events/event-lock.server";
import { recordAudit } from "~/audit/audit-log.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { stateOf, waitlistRank, type LockedScope, type RegistrationState, type Transition } from "./lifecycle.server";
import { queueRegistrationWebhook } from "~/webhooks/webhook-outbox.server";
import { queueRegistrationEmail, type InviteMethod, type RegistrationTemplate } from "./registration-emails.server";

export interface EffectPlan {
  template: RegistrationTemplate | null;
  invite: InviteMethod | null;
}

const NONE: EffectPlan = { template: null, invite: null };

/** Which email (and invite) a transition sends. Pure, so the lifecycle can reserve the invite's SEQUENCE first. */
export function planEffects(transition: Transition, from: RegistrationState | null, to: RegistrationState): EffectPlan {
  const hadInvite = from === "confirmed";
  switch (transition) {
    case "register":
      if (to === "confirmed") return { template: "registration-confirmed", invite: "REQUEST" };
      return { template: to === "waitlisted" ? "registration-waitlisted" : "registration-pending", invite: null };
    case "approve":
      return to === "confirmed" ? { template: "registration-approved", invite: "REQUEST" } : { template: "registration-waitlisted", invite: null };
    case "decline":
      return { template: "registration-declined", invite: null };
    case "cancel":
      return { template: "registration-cancelled", invite: hadInvite ? "CANCEL" : null };
    case "promote":
    case "promote-by-hand":
      return { template: "promoted-from-waitlist", invite: "REQUEST" };
    case "attend":
      return NONE;
    case "erase":
      // Someone still expecting the event hears that it is off (and their calendar entry goes);
      // after the event, or when nothing was pending, erasure is silent.
      return from === "pending" || from === "confirmed" || from === "waitlisted" ? { template: "registration-cancelled", invite: hadInvite ? "CANCEL" : null } : NONE;
  }
}

const seats = (n: number | null) => (n === null ? "no limit" : `${n} seat${n === 1 ? "" : "s"}`);

function auditEntry(record: RegistrationEventRow, who: string, scope: LockedScope): { action: string; summary: string } | null {
  const details = record.details as { jumpedAhead?: number; overCapacity?: boolean; cause?: string };
  switch (record.transition) {
    case "register":
      return record.actorKind === "organizer" ? { action: "registration.added", summary: `Added ${who} by hand (${record.toState})` } : null;
    case "approve":
      return {
        action: "registration.approved",
        summary: `${who} ${record.toState === "confirmed" ? "approved" : "approved onto the end of the waitlist (no seat free)"}`,
      };
    case "decline":
      return { action: "registration.declined", summary: `${who} declined` };
    case "cancel":
      return record.actorKind === "organizer" ? { action: "registration.cancelled", summary: `Cancelled ${who}'s registration on their behalf` } : null;
    case "promote":
      return { action: "registration.promoted", summary: `${who} moved up from the waitlist into a free seat (after a ${details.cause ?? "change"})` };
    case "promote-by-hand": {
      const ahead = details.jumpedAhead ?? 0;
      const over = details.overCapacity ? `; ${scope.event.seatsTaken} confirmed for ${seats(scope.event.capacity)}` : "";
      return {
        action: "registration.promoted",
        summary: `Promoted ${who} from the waitlist by hand, out of turn${ahead ? ` (ahead of ${ahead} waiting)` : ""}${over}`,
      };
    }
    case "attend":
      return record.actorKind === "organizer" ? { action: "registration.attended", summary: `Recorded ${who} as attended` } : null;
    default:
      return null;
  }
}

/**
 * What the email may truthfully say about how this change came about (issue 11:
 * no "your seat has gone to someone on the waitlist" when nobody waited).
 */
export interface Circumstances {
  cancelledBy?: "registrant" | "organizer";
  seatPassedOn?: boolean;
  seatCameFrom?: "freed" | "added" | "organizer";
}

function circumstancesOf(record: RegistrationEventRow, plan: EffectPlan, seatPassedOn: boolean): Circumstances {
  if (plan.template === "registration-cancelled") {
    const cancelledBy = record.actorKind === "attendee" ? "registrant" : record.actorKind === "organizer" ? "organizer" : undefined;
    return { cancelledBy, seatPassedOn };
  }
  if (plan.template === "promoted-from-waitlist") {
    const cause = (record.details as { cause?: string }).cause;
    return { seatCameFrom: record.transition === "promote-by-hand" ? "organizer" : cause === "capacity change" ? "added" : "freed" };
  }
  return {};
}

export async function applyEffects(
  scope: LockedScope,
  {
    record,
    plan,
    registration,
    addressee,
    waitlistRank,
    seatPassedOn,
  }: {
    record: RegistrationEventRow;
    plan: EffectPlan;
    registration: Registration;
    addressee: Registration;
    waitlistRank: number | null;
    /** The seat this change freed goes to the first person waiting (fillFreeSeats runs next). */
    seatPassedOn: boolean;
  },
): Promise<void> {
  if (plan.template) {
    await queueRegistrationEmail(scope.tx, {
      template: plan.template,
      event: scope.event,
      registration: { ...addressee, inviteSequence: registration.inviteSequence },
      links: scope.links,
      dedupeKey: `${plan.template}/${registration.id}/${record.id}`,
      waitlistRank,
      invite: plan.invite ? { method: plan.invite, sequence: record.inviteSequence! } : null,
      circumstances: circumstancesOf(record, plan, seatPassedOn),
    });
  }
  // The organizer's systems hear of every transition, in the same transaction (decision 020).
  await queueRegistrationWebhook(scope.tx, { record, registration });
  if (record.actorKind === "attendee") return;
  const entry = auditEntry(record, `${addressee.name} <${addressee.email}>`, scope);
  if (!entry) return;
  await recordAudit(scope.tx, {
    actor: { userId: record.actorUserId, label: record.actorLabel },
    eventId: scope.event.id,
    ...entry,
    details: { registrationId: registration.id, registrationEventId: record.id },
  });
}

const COPY_OF: Partial<Record<RegistrationState, RegistrationTemplate>> = {
  pending: "registration-pending",
  confirmed: "registration-confirmed",
  attended: "registration-confirmed",
  waitlisted: "registration-waitlisted",
  declined: "registration-declined",
};

/**
 * Someone registering again while registered gets a fresh copy of where they
 * stand. Not a transition: the state does not change, so no journal entry.
 */
export async function resendRegistrationEmail(
  db: Database,
  { registration, now, links }: { registration: Registration; now: Date; links: LinkSigner },
): Promise<void> {
  const state = stateOf(registration);
  const template = COPY_OF[state];
  if (!template) return;
  // The rank is read before the lock (it costs a look at the queue); then, like every other writer,
  // the copy takes the event's lock first, so locks are always taken in one order and cannot deadlock.
  const rank = await waitlistRank(db, registration);
  await db.transaction(async (tx) => {
    const event = await lockEvent(tx, registration.eventId);
    if (!event) return;
    let invite: { method: "REQUEST"; sequence: number } | null = null;
    if (template === "registration-confirmed") {
      // Even a copy carries a SEQUENCE of its own, so every invite a registrant holds is ordered;
      // and only while still confirmed: a cancel that won the lock first sends no stale REQUEST.
      const [raised] = await tx
        .update(registrations)
        .set({ inviteSequence: sql`${registrations.inviteSequence} + 1` })
        .where(and(eq(registrations.id, registration.id), eq(registrations.status, "confirmed")))
        .returning({ inviteSequence: registrations.inviteSequence });
      if (!raised) return;
      invite = { method: "REQUEST", sequence: raised.inviteSequence };
    }
    await queueRegistrationEmail(tx, {
      template,
      event,
      registration,
      links,
      dedupeKey: `${template}/${registration.id}/copy-${now.getTime()}`,
      waitlistRank: rank,
      invite,
    });
  });
}
