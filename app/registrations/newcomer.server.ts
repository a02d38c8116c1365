// A newcomer's registration decided in one round trip (issue 12 item 4, decision 018).
//
// The common case under an announcement: someone registers for the first time.
// Everything that does not need the event's lock is done before it — the rules
// that refuse (registration window), the tokens, the email (with its invite) for
// the outcome the unlocked row foretells — and one call of the PL/pgSQL function
// below then locks the event, checks that the event is the version those were
// built from, that the address is new and that the seat decision is the one
// foreseen, takes a seat or the next waitlist ticket, and writes the registration,
// its journal entry and its outbox row. The lock is held for that one statement
// inside the database, never across a round trip through a busy event loop (which
// is what made p99 ~1 s). Emails for the other outcomes are not built: under a
// rush most newcomers meet a full event, and an invite nobody receives was the
// costliest part of each registration.
//
// The function is generated here from the lifecycle's own tables (TRANSITIONS,
// planEffects), so lifecycle.server.ts stays the one owner of the rule; the
// migration holds its text and a test checks the two are the same. Anything the
// fast path does not cover (an address seen before, an event changed meanwhile, a
// seat taken or freed since the read, an organizer adding someone, webhook
// endpoints to feed) answers "fallback" and goes through the lifecycle's register
// transition as before.
import { eq, getTableColumns, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { events, type Event, type Registration } from "~db/schema";
import { emailEventInfo, emailEventInfoFor } from "~/email/event-facts.server";
import { preparedStatement } from "~db/records.server";
import { outboxValues } from "~/email/outbox.server";
import { registrationTokenHashes, type LinkSigner } from "~/security/link-tokens.server";
import { HIT_RATE_LIMITS_FUNCTION } from "~/security/rate-limit.server";
import type { Locale } from "~/i18n/locales";
import { TRANSITIONS, type RegistrationState } from "./lifecycle.server";
import { planEffects } from "./registration-effects.server";
import { buildRegistrationEmail } from "./registration-emails.server";

export const REGISTER_NEWCOMER_FUNCTION = "podium_register_newcomer";

// The states a newcomer can land in, straight from the transition table, with the
// email and invite planEffects says each one sends. The seat decision between them
// is the lifecycle's: pending when the event needs approval, confirmed while a seat
// is free (then nobody waits: seats always go to the waitlist first), else waitlisted.
const NEWCOMER_STATES = TRANSITIONS.register.to;
const withInvite = NEWCOMER_STATES.filter((state) => planEffects("register", null, state).invite !== null);
const stateList = (states: readonly RegistrationState[]) => states.map((state) => `'${state}'`).join(", ");

/** The CREATE FUNCTION statement; the migration holds exactly this text. */
export function registerNewcomerFunctionSql(): string {
  if (!(["pending", "confirmed", "waitlisted"] as const).every((state) => NEWCOMER_STATES.includes(state)) || NEWCOMER_STATES.length !== 3) {
    throw new Error("TRANSITIONS.register changed: regenerate podium_register_newcomer's seat decision");
  }
  return `CREATE OR REPLACE FUNCTION ${REGISTER_NEWCOMER_FUNCTION}(
  p_event_id uuid, p_seen_version text, p_now timestamptz, p_person jsonb, p_emails jsonb, p_limits jsonb
) RETURNS TABLE (outcome text, state text, waitlist_ticket integer, waitlist_rank integer, invite_sequence integer) AS $fn$
#variable_conflict use_column
DECLARE
  ev events%ROWTYPE;
  target_state text;
  ticket integer;
  invite_seq integer;
  journal_id uuid;
  mail jsonb;
BEGIN
  -- The form's rate limits, counted first and in this transaction (no commit of their own);
  -- whatever follows, this attempt has been counted.
  IF EXISTS (SELECT 1 FROM ${HIT_RATE_LIMITS_FUNCTION}(p_limits) h WHERE h.over) THEN
    RETURN QUERY SELECT 'limited'::text, NULL::text, NULL::integer, NULL::integer, NULL::integer;
    RETURN;
  END IF;
  -- Webhook subscribers are fed from the lifecycle's effects (app/webhooks, migration 0011):
  -- while any endpoint is enabled, newcomers take that path so none misses a registration.
  IF EXISTS (SELECT 1 FROM webhook_endpoints WHERE disabled_at IS NULL) THEN
    RETURN QUERY SELECT 'fallback'::text, NULL::text, NULL::integer, NULL::integer, NULL::integer;
    RETURN;
  END IF;
  SELECT * INTO ev FROM events WHERE id = p_event_id FOR UPDATE;
  -- Built from another version of the event (or none): the caller takes the lifecycle's own path.
  IF NOT FOUND OR ev.updated_at IS DISTINCT FROM p_seen_version::timestamptz THEN
    RETURN QUERY SELECT 'fallback'::text, NULL::text, NULL::integer, NULL::integer, NULL::integer;
    RETURN;
  END IF;
  target_state := CASE
    WHEN ev.requires_approval THEN 'pending'
    WHEN ev.capacity IS NULL OR ev.seats_taken < ev.capacity THEN 'confirmed'
    ELSE 'waitlisted' END;
  -- The caller built the email of the one state it foresaw from its unlocked read; when a
  -- seat was taken or freed since, the lifecycle's own path decides this registration.
  IF NOT (p_emails ? target_state) THEN
    RETURN QUERY SELECT 'fallback'::text, NULL::text, NULL::integer, NULL::integer, NULL::integer;
    RETURN;
  END IF;
  ticket := CASE WHEN target_state = 'waitlisted' THEN ev.waitlist_tickets_issued + 1 END;
  invite_seq := CASE WHEN target_state IN (${stateList(withInvite)}) THEN 1 END;
  -- An address seen before takes the lifecycle's own path. The unique index on (event, address)
  -- decides it: a separate EXISTS check was planned once per connection, and a plan made while
  -- the event had few registrations walked all of them on every later call (O(n) in the lock).
  INSERT INTO registrations (id, event_id, email, name, affiliation, time_zone, locale, answers, consent_at, token_version,
      manage_token_hash, join_token_hash, status, waitlist_ticket, invite_sequence, confirmed_at, created_at, updated_at)
    VALUES ((p_person->>'id')::uuid, p_event_id, p_person->>'email', p_person->>'name', p_person->>'affiliation',
      p_person->>'timeZone', coalesce(p_person->>'locale', 'en'), p_person->'answers', p_now, (p_person->>'tokenVersion')::int, p_person->>'manageTokenHash',
      p_person->>'joinTokenHash', target_state::registration_status, ticket, coalesce(invite_seq, 0),
      CASE WHEN target_state = 'confirmed' THEN p_now END, p_now, p_now)
    ON CONFLICT (event_id, lower(email)) DO NOTHING;
  IF NOT FOUND THEN
    RETURN QUERY SELECT 'fallback'::text, NULL::text, NULL::integer, NULL::integer, NULL::integer;
    RETURN;
  END IF;
  IF target_state IN ('confirmed', 'waitlisted') THEN
    UPDATE events SET
      seats_taken = seats_taken + (target_state = 'confirmed')::int,
      waitlist_length = waitlist_length + (target_state = 'waitlisted')::int,
      waitlist_tickets_issued = waitlist_tickets_issued + (target_state = 'waitlisted')::int
    WHERE id = p_event_id
    RETURNING * INTO ev;
  END IF;
  INSERT INTO registration_events (event_id, registration_id, transition, from_state, to_state, actor_kind, actor_label,
      invite_sequence, details, occurred_at)
    VALUES (p_event_id, (p_person->>'id')::uuid, 'register', NULL, target_state, 'attendee', 'The registrant', invite_seq,
      CASE WHEN ticket IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('waitlistTicket', ticket) END, p_now)
    RETURNING id INTO journal_id;
  mail := nullif(p_emails->target_state, 'null'::jsonb);
  IF mail IS NOT NULL THEN
    INSERT INTO email_outbox (dedupe_key, template, to_email, to_name, props, headers, attachments, registration_id, event_id,
        next_attempt_at, expires_at, priority, batchable)
      VALUES ((mail->>'template') || '/' || (p_person->>'id') || '/' || journal_id, mail->>'template', mail->>'toEmail',
        mail->>'toName',
        CASE WHEN target_state = 'waitlisted' THEN jsonb_set(mail->'props', '{waitlistPosition}', to_jsonb(ev.waitlist_length)) ELSE mail->'props' END,
        mail->'headers', mail->'attachments', (p_person->>'id')::uuid, p_event_id, p_now,
        (mail->>'expiresAt')::timestamptz, (mail->>'priority')::int, (mail->>'batchable')::boolean)
      ON CONFLICT (dedupe_key) DO NOTHING;
  END IF;
  RETURN QUERY SELECT 'registered'::text, target_state, ticket,
    CASE WHEN target_state = 'waitlisted' THEN ev.waitlist_length END, coalesce(invite_seq, 0);
END;
$fn$ LANGUAGE plpgsql;`;
}

/** The state the function's seat decision gives a newcomer while the event stays as read. */
export function foreseenState(event: Pick<Event, "requiresApproval" | "capacity" | "seatsTaken">): "pending" | "confirmed" | "waitlisted" {
  if (event.requiresApproval) return "pending";
  return event.capacity === null || event.seatsTaken < event.capacity ? "confirmed" : "waitlisted";
}

export interface Newcomer {
  id: string;
  email: string;
  name: string;
  affiliation: string;
  timeZone: string;
  /** The language of the page they registered on; their emails are written in it. */
  locale: Locale;
  answers: Record<string, string | string[] | boolean>;
  tokenVersion: number;
}

/** The event's columns plus its exact version (updated_at to the microsecond, as text: a JS Date keeps only milliseconds). */
export const eventWithVersionColumns = { ...getTableColumns(events), version: sql<string>`${events.updatedAt}::text` };

/** The event as the fast path needs it: the row and its exact version. */
export async function readEventWithVersion(db: Pick<Database, "select">, eventId: string): Promise<{ event: Event; version: string } | undefined> {
  const [row] = await db.select(eventWithVersionColumns).from(events).where(eq(events.id, eventId));
  if (!row) return undefined;
  const { version, ...event } = row;
  return { event, version };
}

// One named statement: PostgreSQL plans the call once per connection, and the
// builder does not assemble it again for every registration.
const callRegisterNewcomer = preparedStatement((db) =>
  db
    .select({
      outcome: sql<string>`r.outcome`,
      state: sql<RegistrationState | null>`r.state`,
      waitlistTicket: sql<number | null>`r.waitlist_ticket`,
      waitlistRank: sql<number | null>`r.waitlist_rank`,
      inviteSequence: sql<number | null>`r.invite_sequence`,
    })
    .from(
      sql`${sql.identifier(REGISTER_NEWCOMER_FUNCTION)}(${sql.placeholder("eventId")}::uuid, ${sql.placeholder("version")}::text, ${sql.placeholder("now")}::timestamptz, ${sql.placeholder("person")}::jsonb, ${sql.placeholder("emails")}::jsonb, ${sql.placeholder("limits")}::jsonb) as r`,
    )
    .prepare("register_newcomer"),
);

/**
 * Registers someone new in one statement, or answers null when the lifecycle's
 * own path must decide (address seen before, event changed since it was read),
 * or "limited" when one of the given rate limits is spent (nothing registered).
 * `event` is the row the caller read with `readEventWithVersion`, unlocked, and
 * already checked for refusals.
 */
export async function registerNewcomer(
  db: Database,
  {
    event,
    version,
    person,
    now,
    links,
    hostsLabel,
    rateLimits,
  }: {
    event: Event;
    version: string;
    person: Newcomer;
    now: Date;
    links: LinkSigner;
    /** The event's hosts label when the caller read it with the event (saves a round trip). */
    hostsLabel?: string;
    /** The public form's budgets, counted inside the same statement (rateLimitWindows(...).argument). */
    rateLimits?: string;
  },
): Promise<{ registration: Registration; waitlistRank: number | null } | "limited" | null> {
  const hashes = registrationTokenHashes(links.secret, person.id, person.tokenVersion);
  // What the row will be; the function fills in the state, ticket and SEQUENCE it decides.
  const base: Registration = {
    ...person,
    ...hashes,
    eventId: event.id,
    consentAt: now,
    createdAt: now,
    updatedAt: now,
    status: "pending",
    waitlistTicket: null,
    inviteSequence: 0,
    confirmedAt: null,
    cancelledAt: null,
    firstJoinedAt: null,
    unsubscribedAt: null,
    erasedAt: null,
  };
  const info =
    hostsLabel === undefined
      ? await emailEventInfo(db, event, person.timeZone, links.origin, person.locale)
      : emailEventInfoFor(event, hostsLabel, person.timeZone, links.origin, person.locale);
  // Only the email of the state the unlocked row foretells is built (an invite is the
  // costliest part of a registration); the function falls back when the locked row disagrees.
  const foreseen = foreseenState(event);
  const plan = planEffects("register", null, foreseen);
  const email = plan.template
    ? outboxValues(
        buildRegistrationEmail(
          {
            template: plan.template,
            event,
            registration: { ...base, status: foreseen, inviteSequence: plan.invite ? 1 : 0 },
            links,
            dedupeKey: "",
            // Filled in by the function from the locked row: the newcomer is always last.
            waitlistRank: null,
            invite: plan.invite ? { method: plan.invite, sequence: 1 } : null,
          },
          info,
        ),
      )
    : null;
  const emails = { [foreseen]: email };
  const [decided] = await callRegisterNewcomer(db).execute({
    eventId: event.id,
    version,
    now: now.toISOString(),
    person: JSON.stringify({ ...person, ...hashes }),
    emails: JSON.stringify(emails),
    limits: rateLimits ?? "[]",
  });
  if (decided?.outcome === "limited") return "limited";
  if (!decided || decided.outcome !== "registered" || !decided.state) return null;
  const state = decided.state as "pending" | "confirmed" | "waitlisted";
  return {
    registration: {
      ...base,
      status: state,
      waitlistTicket: decided.waitlistTicket,
      inviteSequence: decided.inviteSequence ?? 0,
      confirmedAt: state === "confirmed" ? now : null,
    },
    waitlistRank: decided.waitlistRank,
  };
}
