// Registering for an event: the window and identity rules, then the lifecycle's
// register transition (lifecycle.server.ts), which decides confirmed, waitlisted
// or pending inside one short transaction holding the event's row lock, so
// however many requests arrive at once, across however many app processes,
// confirmed registrations never exceed capacity.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations, type Event, type Registration } from "~db/schema";
import type { Actor } from "~/audit/audit-log.server";
import { deriveToken, registrationTokenHashes, type LinkSigner } from "~/security/link-tokens.server";
import { ATTENDEE, organizerActor, register, withLockedEvent } from "./lifecycle.server";
import { resendRegistrationEmail } from "./registration-effects.server";
import { readEventWithVersion, registerNewcomer } from "./newcomer.server";
import type { Locale } from "~/i18n/locales";

export interface RegistrationInput {
  name: string;
  email: string;
  affiliation: string;
  timeZone: string;
  /** The language the registration is made in; its emails follow it. English when not given (API, console). */
  locale?: Locale;
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

/** Only when `rateLimits` were given: one is spent, and nothing was registered. */
export type RateLimitedOutcome = { kind: "rate-limited" };


/** An event read together with its exact version (see readEventWithVersion) and its hosts label. */
export interface EventAsSeen {
  event: Event;
  version: string;
  hostsLabel?: string;
}

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

export interface RegisterAttendeeOptions {
  eventId: string;
  input: RegistrationInput;
  now: Date;
  links: LinkSigner;
  /** An organizer adding someone by hand: the registration window does not apply to them, capacity does. */
  addedBy?: Actor;
  /** The event as the caller already read it (with its exact version and hosts), so the newcomer's path reads nothing again. */
  seen?: EventAsSeen;
  /**
   * The public form's budgets (rateLimitWindows(...).argument), counted in the newcomer's
   * own statement. A caller passing them counts the attempts that never reach it (refused
   * before, here) itself.
   */
  rateLimits?: string;
}

export async function registerAttendee(db: Database, options: RegisterAttendeeOptions & { rateLimits: string }): Promise<RegistrationOutcome | RateLimitedOutcome>;
export async function registerAttendee(db: Database, options: RegisterAttendeeOptions & { rateLimits?: undefined }): Promise<RegistrationOutcome>;
export async function registerAttendee(
  db: Database,
  { eventId, input, now, links, addedBy, seen, rateLimits }: RegisterAttendeeOptions,
): Promise<RegistrationOutcome | RateLimitedOutcome> {
  const email = input.email.trim();
  const actor = addedBy ? organizerActor(addedBy) : ATTENDEE;
  if (!addedBy) {
    // The common case, someone new, in one statement (newcomer.server.ts); it answers null
    // when the lifecycle's own path below must decide (address seen before, event just changed).
    const read: EventAsSeen | undefined = seen?.event.id === eventId ? seen : await readEventWithVersion(db, eventId);
    if (!read) return { kind: "refused", reason: "not-found" };
    const { event, version, hostsLabel } = read;
    const refusal = refusalFor(event, now);
    if (refusal) return { kind: "refused", reason: refusal };
    const id = randomUUID();
    const person = { id, email, name: input.name.trim(), affiliation: input.affiliation.trim(), timeZone: input.timeZone, locale: input.locale ?? "en", answers: input.answers, tokenVersion: 1 };
    const decided = await registerNewcomer(db, { event, version, person, now, links, hostsLabel, rateLimits });
    if (decided === "limited") return { kind: "rate-limited" };
    if (decided) return { kind: "registered", ...decided, manageToken: deriveToken(links.secret, "manage", id, 1) };
  }
  const outcome = await withLockedEvent(db, { eventId, now, links }, async (scope) => {
    const event = scope.event;
    const refusal = refusalFor(event, now);
    if (refusal && !(addedBy && (refusal === "not-open-yet" || refusal === "closed"))) return { kind: "refused", reason: refusal } as const;

    const [existing] = await scope.tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), sql`lower(${registrations.email}) = lower(${email})`));
    // Same person again: no duplicate, no error; a fresh copy of their email is sent after the lock is released.
    if (existing && existing.status !== "cancelled") return { kind: "already-registered", existing } as const;

    const id = existing?.id ?? randomUUID();
    const tokenVersion = existing?.tokenVersion ?? 1;
    const result = await register(scope, {
      existing,
      actor,
      values: {
        id,
        tokenVersion,
        ...registrationTokenHashes(links.secret, id, tokenVersion),
        email,
        name: input.name.trim(),
        affiliation: input.affiliation.trim(),
        timeZone: input.timeZone,
        locale: input.locale ?? "en",
        answers: input.answers,
        consentAt: now,
      },
    });
    if ("refused" in result) return { kind: "already-registered", existing: existing! } as const;
    return {
      kind: "registered",
      registration: result.registration,
      manageToken: deriveToken(links.secret, "manage", id, tokenVersion),
      waitlistRank: result.waitlistRank,
    } as const;
  });
  if (!outcome) return { kind: "refused", reason: "not-found" };
  if (outcome.kind === "already-registered") {
    await resendRegistrationEmail(db, { registration: outcome.existing, now, links });
    return { kind: "already-registered", email: outcome.existing.email };
  }
  return outcome;
}
