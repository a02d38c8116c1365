// Registering for an event: the one place that decides confirmed, waitlisted or
// pending. Everything happens inside one short transaction holding the event's
// row lock, so however many requests arrive at once, across however many app
// processes, confirmed registrations never exceed capacity.
import { randomUUID } from "node:crypto";
import { and, count, eq, max, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations, type Event, type Registration, type RegistrationStatus } from "~db/schema";
import { recordAudit, type Actor } from "~/audit/audit-log.server";
import { lockEvent } from "~/events/event-lock.server";
import { deriveToken, registrationTokenHashes, type LinkSigner } from "~/security/link-tokens.server";
import { queueRegistrationEmail } from "./registration-emails.server";

export interface RegistrationInput {
  name: string;
  email: string;
  affiliation: string;
  timeZone: string;
  answers: Record<string, string | string[] | boolean>;
}

export type RegistrationRefusal = "not-found" | "cancelled" | "ended" | "not-open-yet" | "closed";

export type RegistrationOutcome =
  | {
      kind: "registered";
      registration: Registration;
      /** Shown once, on the confirmation page; only its hash is stored. */
      manageToken: string;
      /** 1-based place in the queue for a waitlisted registration. */
      waitlistRank: number | null;
    }
  | { kind: "already-registered"; email: string }
  | { kind: "refused"; reason: RegistrationRefusal };

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export function registrationWindow(event: Pick<Event, "registrationOpensAt" | "registrationClosesAt" | "endsAt">) {
  return { opensAt: event.registrationOpensAt, closesAt: event.registrationClosesAt ?? event.endsAt };
}

export function refusalFor(
  event: Pick<Event, "status" | "registrationOpensAt" | "registrationClosesAt" | "endsAt">,
  now: Date,
): RegistrationRefusal | null {
  if (event.status === "draft") return "not-found";
  if (event.status === "cancelled") return "cancelled";
  if (now >= event.endsAt) return "ended";
  const window = registrationWindow(event);
  if (window.opensAt && now < window.opensAt) return "not-open-yet";
  if (now >= window.closesAt) return "closed";
  return null;
}

/** The seat decision, made while the event row is locked. */
async function decideStatus(tx: Tx, event: Event): Promise<{ status: RegistrationStatus; waitlistPosition: number | null }> {
  if (event.requiresApproval) return { status: "pending", waitlistPosition: null };
  if (event.capacity !== null) {
    const [{ confirmed }] = (await tx
      .select({ confirmed: count() })
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "confirmed")))) as [{ confirmed: number }];
    if (confirmed >= event.capacity) {
      return { status: "waitlisted", waitlistPosition: await nextWaitlistPosition(tx, event.id) };
    }
  }
  return { status: "confirmed", waitlistPosition: null };
}

export async function nextWaitlistPosition(tx: Tx, eventId: string): Promise<number> {
  const [{ highest }] = (await tx
    .select({ highest: max(registrations.waitlistPosition) })
    .from(registrations)
    .where(eq(registrations.eventId, eventId))) as [{ highest: number | null }];
  return (highest ?? 0) + 1;
}

export async function waitlistRank(tx: Pick<Database, "select">, registration: Pick<Registration, "eventId" | "status" | "waitlistPosition">): Promise<number | null> {
  if (registration.status !== "waitlisted" || registration.waitlistPosition === null) return null;
  const [{ ahead }] = (await tx
    .select({ ahead: count() })
    .from(registrations)
    .where(
      and(
        eq(registrations.eventId, registration.eventId),
        eq(registrations.status, "waitlisted"),
        sql`${registrations.waitlistPosition} < ${registration.waitlistPosition}`,
      ),
    )) as [{ ahead: number }];
  return ahead + 1;
}

export async function registerAttendee(
  db: Database,
  {
    eventId,
    input,
    now,
    links,
    addedBy,
  }: {
    eventId: string;
    input: RegistrationInput;
    now: Date;
    links: LinkSigner;
    /** An organizer adding someone by hand: the registration window does not apply to them, capacity does. */
    addedBy?: Actor;
  },
): Promise<RegistrationOutcome> {
  const email = input.email.trim();
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (!event) return { kind: "refused", reason: "not-found" } as const;
    const refusal = refusalFor(event, now);
    if (refusal && !(addedBy && (refusal === "not-open-yet" || refusal === "closed"))) return { kind: "refused", reason: refusal } as const;

    const [existing] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), sql`lower(${registrations.email}) = lower(${email})`));

    if (existing && existing.status !== "cancelled") {
      // Same person again: no duplicate, no error, a fresh copy of their email.
      await queueRegistrationEmail(tx, {
        event,
        registration: existing,
        links,
        reason: `copy-${now.getTime()}`,
        waitlistRank: await waitlistRank(tx, existing),
      });
      return { kind: "already-registered", email: existing.email } as const;
    }

    const decision = await decideStatus(tx, event);
    const id = existing?.id ?? randomUUID();
    const tokenVersion = existing?.tokenVersion ?? 1;
    const values = {
      id,
      tokenVersion,
      ...registrationTokenHashes(links.secret, id, tokenVersion),
      eventId: event.id,
      email,
      name: input.name.trim(),
      affiliation: input.affiliation.trim(),
      timeZone: input.timeZone,
      answers: input.answers,
      status: decision.status,
      waitlistPosition: decision.waitlistPosition,
      consentAt: now,
      confirmedAt: decision.status === "confirmed" ? now : null,
      cancelledAt: null,
    };
    const [registration] = existing
      ? await tx.update(registrations).set(values).where(eq(registrations.id, existing.id)).returning()
      : await tx.insert(registrations).values(values).returning();
    const rank = await waitlistRank(tx, registration!);
    if (addedBy) {
      await recordAudit(tx, {
        actor: addedBy,
        eventId: event.id,
        action: "registration.added",
        summary: `Added ${registration!.name} <${registration!.email}> by hand (${registration!.status})`,
        details: { registrationId: registration!.id },
      });
    }
    await queueRegistrationEmail(tx, {
      event,
      registration: registration!,
      links,
      reason: `registered-${now.getTime()}`,
      waitlistRank: rank,
    });
    return {
      kind: "registered",
      registration: registration!,
      manageToken: deriveToken(links.secret, "manage", id, tokenVersion),
      waitlistRank: rank,
    } as const;
  });
}
