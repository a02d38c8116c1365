// The whole product's data model. Instants are timestamptz (UTC on the wire);
// zones are IANA names kept beside the instants they describe.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

/**
 * Text in other languages than the record's source language, by language then field:
 * `{ "sv": { "title": "…" }, "zh-Hant": { … } }` (decision 023). The plain columns hold
 * the source language; only app/content/translations.ts shapes what goes in here.
 */
export type TranslationsColumn = Partial<Record<string, Record<string, string | string[]>>>;
const translations = () =>
  jsonb("translations").$type<TranslationsColumn>().notNull().default({});
/** The language the plain text columns are written in (a code from app/i18n/locales.ts). */
const sourceLocale = () => text("default_locale").notNull().default("en");
/** The database refuses a source language or a translations value no version of the app could read. */
const translationChecks = (table: string, t: { translations: AnyPgColumn; defaultLocale?: AnyPgColumn }) => [
  check(`${table}_translations_object`, sql`jsonb_typeof(${t.translations}) = 'object'`),
  ...(t.defaultLocale ? [check(`${table}_default_locale_known`, sql`${t.defaultLocale} in ('en', 'zh-Hant', 'sv')`)] : []),
];

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => instant("created_at").notNull().defaultNow();
const updatedAt = () => instant("updated_at").notNull().defaultNow();

export const eventStatus = pgEnum("event_status", ["draft", "published", "cancelled"]);
export const hostRole = pgEnum("host_role", ["host", "co_host", "partner"]);
export const agendaItemKind = pgEnum("agenda_item_kind", [
  "opening_remarks",
  "talk",
  "panel",
  "qa",
  "break",
  "closing",
]);
export const agendaRoleKind = pgEnum("agenda_role_kind", [
  "speaker",
  "moderator",
  "panelist",
  "chair",
  "host",
]);

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  shortName: text("short_name").notNull(),
  websiteUrl: text("website_url"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const series = pgTable(
  "series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    defaultLocale: sourceLocale(),
    translations: translations(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => translationChecks("series", t),
);

export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    descriptionMd: text("description_md").notNull().default(""),
    // Agenda segments and registration questions are written in their event's source language.
    defaultLocale: sourceLocale(),
    translations: translations(),
    seriesId: uuid("series_id").references(() => series.id, { onDelete: "set null" }),
    startsAt: instant("starts_at").notNull(),
    endsAt: instant("ends_at").notNull(),
    homeZone: text("home_zone").notNull(),
    // Ordered: the first zone leads the date line ("CET then HKT").
    displayZones: text("display_zones").array().notNull(),
    status: eventStatus("status").notNull().default("draft"),
    // Private: only ever revealed through a confirmed registrant's /j/:token redirect.
    joinUrl: text("join_url"),
    capacity: integer("capacity"),
    registrationOpensAt: instant("registration_opens_at"),
    registrationClosesAt: instant("registration_closes_at"),
    requiresApproval: boolean("requires_approval").notNull().default(false),
    reminderOffsetsMinutes: integer("reminder_offsets_minutes")
      .array()
      .notNull()
      .default(sql`'{1440,60}'::integer[]`),
    speakerEditCutoffMinutes: integer("speaker_edit_cutoff_minutes").notNull().default(1440),
    // iCalendar SEQUENCE; raised by a trigger whenever time, title or status changes.
    sequence: integer("sequence").notNull().default(0),
    // Seat bookkeeping, changed only by app/registrations/lifecycle.server.ts under this row's
    // lock, so the seat decision and a newcomer's waitlist rank cost O(1) (decision 013).
    seatsTaken: integer("seats_taken").notNull().default(0),
    waitlistLength: integer("waitlist_length").notNull().default(0),
    // Waitlist tickets handed out so far; a new ticket is this plus one, never reused.
    waitlistTicketsIssued: integer("waitlist_tickets_issued").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("events_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("events_capacity_non_negative", sql`${t.capacity} is null or ${t.capacity} >= 0`),
    check("events_has_display_zone", sql`cardinality(${t.displayZones}) >= 1`),
    index("events_starts_at_idx").on(t.startsAt),
    index("events_series_idx").on(t.seriesId),
    ...translationChecks("events", t),
  ],
);

export const recordingLinks = pgTable(
  "recording_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    url: text("url").notNull(),
    position: integer("position").notNull().default(0),
    publishedAt: instant("published_at"),
    createdAt: createdAt(),
  },
  (t) => [index("recording_links_event_idx").on(t.eventId, t.position)],
);

export const eventHosts = pgTable(
  "event_hosts",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "restrict" }),
    role: hostRole("role").notNull().default("host"),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organizationId] })],
);

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    honorific: text("honorific").notNull().default(""),
    name: text("name").notNull(),
    position: text("position").notNull().default(""),
    affiliation: text("affiliation").notNull().default(""),
    bio: text("bio").notNull().default(""),
    // Position and bio are written in this language; name and affiliation stay as published.
    defaultLocale: sourceLocale(),
    translations: translations(),
    photoUrl: text("photo_url"),
    homeZone: text("home_zone"),
    // For speaker invitations; never shown publicly.
    email: text("email"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => translationChecks("people", t),
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: agendaItemKind("kind").notNull(),
    title: text("title").notNull(),
    abstract: text("abstract").notNull().default(""),
    translations: translations(),
    // Optional: many published programmes list segments without their own times.
    startsAt: instant("starts_at"),
    endsAt: instant("ends_at"),
    materialsUrl: text("materials_url"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("agenda_items_event_idx").on(t.eventId, t.position),
    check(
      "agenda_items_ends_after_start",
      sql`${t.startsAt} is null or ${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`,
    ),
    ...translationChecks("agenda_items", t),
  ],
);

export const agendaRoles = pgTable(
  "agenda_roles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agendaItemId: uuid("agenda_item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    role: agendaRoleKind("role").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    uniqueIndex("agenda_roles_item_person_role_idx").on(t.agendaItemId, t.personId, t.role),
    index("agenda_roles_person_idx").on(t.personId),
  ],
);


export type Event = typeof events.$inferSelect;
export type NewEvent = typeof events.$inferInsert;
export type Person = typeof people.$inferSelect;
export type Organization = typeof organizations.$inferSelect;
export type Series = typeof series.$inferSelect;
export type AgendaItem = typeof agendaItems.$inferSelect;
export type AgendaRole = typeof agendaRoles.$inferSelect;
export type RecordingLink = typeof recordingLinks.$inferSelect;
export type EventStatus = (typeof eventStatus.enumValues)[number];
export type HostRole = (typeof hostRole.enumValues)[number];
export type AgendaItemKind = (typeof agendaItemKind.enumValues)[number];
export type AgendaRoleKind = (typeof agendaRoleKind.enumValues)[number];

// ── Registrations ────────────────────────────────────────────────────────────

export const registrationStatus = pgEnum("registration_status", [
  "pending",
  "confirmed",
  "waitlisted",
  "declined",
  "cancelled",
]);

export const registrations = pgTable(
  "registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    affiliation: text("affiliation").notNull().default(""),
    timeZone: text("time_zone").notNull(),
    // The language the registration was made in (app/i18n/locales.ts): every email to this
    // registrant is written in it, whatever language the organizer uses. Changeable on /r/:token.
    locale: text("locale").notNull().default("en"),
    status: registrationStatus("status").notNull(),
    // Place in the queue while waitlisted: taken from events.waitlist_tickets_issued under the
    // event's row lock, so it only rises; the rank shown is 1 + the people waiting with a lower ticket.
    waitlistTicket: integer("waitlist_ticket"),
    // iCalendar SEQUENCE of the last invite (REQUEST or CANCEL) this registration was sent; only rises.
    inviteSequence: integer("invite_sequence").notNull().default(0),
    answers: jsonb("answers").$type<Record<string, string | string[] | boolean>>().notNull().default({}),
    consentAt: instant("consent_at").notNull(),
    // SHA-256 of the tokens in the registrant's private links; the tokens themselves are never
    // stored (app/security/link-tokens.server.ts). Raising the version revokes both links.
    tokenVersion: integer("token_version").notNull().default(1),
    manageTokenHash: text("manage_token_hash").notNull().unique(),
    joinTokenHash: text("join_token_hash").notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    confirmedAt: instant("confirmed_at"),
    cancelledAt: instant("cancelled_at"),
    firstJoinedAt: instant("first_joined_at"),
    // Set by the one-click List-Unsubscribe link: no more reminders or recording notices.
    unsubscribedAt: instant("unsubscribed_at"),
    erasedAt: instant("erased_at"),
  },
  (t) => [
    uniqueIndex("registrations_event_email_idx").on(t.eventId, sql`lower(${t.email})`),
    check("registrations_locale_supported", sql`${t.locale} in ('en', 'zh-Hant', 'sv')`),
    uniqueIndex("registrations_event_waitlist_ticket_idx").on(t.eventId, t.waitlistTicket),
    index("registrations_event_status_idx").on(t.eventId, t.status),
  ],
);

/**
 * The registration lifecycle's journal: one row per transition (and per unsubscribe), written
 * in the transaction that makes it. Emails and audit entries are derived from these rows in one
 * place (app/registrations/registration-effects.server.ts); later consumers (webhooks) read them.
 */
export const registrationEvents = pgTable(
  "registration_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Total order of the journal; within one event it is the order of the event's row lock.
    position: bigint("position", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    registrationId: uuid("registration_id")
      .notNull()
      .references(() => registrations.id, { onDelete: "cascade" }),
    // "register", "approve", "decline", "cancel", "promote", "promote-by-hand", "attend", "erase", "unsubscribe"
    transition: text("transition").notNull(),
    // Lifecycle states (pending … attended, erased); from is null for a brand-new registration.
    fromState: text("from_state"),
    toState: text("to_state").notNull(),
    actorKind: text("actor_kind").$type<"attendee" | "organizer" | "system">().notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    // SEQUENCE of the invite this transition sent, when it sent one.
    inviteSequence: integer("invite_sequence"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: instant("occurred_at").notNull(),
  },
  (t) => [index("registration_events_event_idx").on(t.eventId, t.position), index("registration_events_registration_idx").on(t.registrationId, t.position)],
);

export type RegistrationEventRow = typeof registrationEvents.$inferSelect;

export const registrationQuestionKind = pgEnum("registration_question_kind", [
  "short_text",
  "long_text",
  "single_choice",
  "multiple_choice",
  "checkbox",
]);

export const registrationQuestions = pgTable(
  "registration_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
    kind: registrationQuestionKind("kind").notNull(),
    label: text("label").notNull(),
    required: boolean("required").notNull().default(false),
    options: text("options").array().notNull().default(sql`'{}'::text[]`),
    // Answers keep the source-language option; a translation only changes what is shown.
    translations: translations(),
    createdAt: createdAt(),
  },
  (t) => [index("registration_questions_event_idx").on(t.eventId, t.position), ...translationChecks("registration_questions", t)],
);

// ── Email outbox ─────────────────────────────────────────────────────────────

// "dropped": no longer worth sending (a reminder for an event that has started).
export const outboxStatus = pgEnum("outbox_status", ["queued", "sending", "sent", "dead", "dropped"]);
/** Why a queued message is waiting for another try; null for a first try. */
export const outboxRetryReason = pgEnum("outbox_retry_reason", ["rate_limit", "provider_error"]);

export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Makes a duplicate message impossible, e.g. reminder-24h/<registration>/<event sequence>.
    dedupeKey: text("dedupe_key").notNull().unique(),
    template: text("template").notNull(),
    toEmail: text("to_email").notNull(),
    toName: text("to_name").notNull().default(""),
    props: jsonb("props").$type<Record<string, unknown>>().notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    attachments: jsonb("attachments")
      .$type<{ filename: string; contentType: string; content: string }[]>()
      .notNull()
      .default([]),
    registrationId: uuid("registration_id").references(() => registrations.id, { onDelete: "set null" }),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
    status: outboxStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    lockedUntil: instant("locked_until"),
    lastError: text("last_error"),
    providerId: text("provider_id"),
    sentAt: instant("sent_at"),
    createdAt: createdAt(),
    /** 0 = one person waiting on it (confirmations, cancellations) … 3 = news that can wait. Lower goes first. */
    priority: integer("priority").notNull().default(0),
    /** May travel in one request with others through the provider's batch endpoint (no attachments). */
    batchable: boolean("batchable").notNull().default(false),
    /**
     * The id of the row that leads this message's batch. Set when first claimed and kept
     * through retries, so a batch is always re-sent whole under the same idempotency key.
     */
    batchKey: uuid("batch_key"),
    /** Identifies the claim that holds the row, so a worker whose lease lapsed cannot record over another's. */
    claimToken: uuid("claim_token"),
    /** Not worth sending after this instant (a reminder: the event's start); dropped instead. */
    expiresAt: instant("expires_at"),
    /** When the current run of real failures began; give-up time counts from here. */
    failingSince: instant("failing_since"),
    retryReason: outboxRetryReason("retry_reason"),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("email_outbox_batch_idx").on(t.batchKey).where(sql`${t.batchKey} is not null`),
  ],
);

/**
 * The shared send rate: one row per provider, a token bucket every worker in every
 * process draws from in one atomic statement, plus the pause the provider asked for.
 */
export const emailSendRate = pgTable("email_send_rate", {
  provider: text("provider").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  refilledAt: instant("refilled_at").notNull(),
  /** Set by a 429 for everyone: nobody sends before this. */
  pausedUntil: instant("paused_until"),
  /** The rate after the last 429 (it climbs back to the configured rate over time). */
  reducedRate: doublePrecision("reduced_rate"),
  limitedAt: instant("limited_at"),
  /** The limit the provider announced in `ratelimit-limit`, if lower than ours. */
  providerLimit: doublePrecision("provider_limit"),
  /** Whether the last request for a slot got one (read back by the statement that asked). */
  lastGranted: boolean("last_granted").notNull().default(false),
});

/** The built-in mailbox: where email goes when no RESEND_API_KEY is set. */
export const mailboxMessages = pgTable(
  "mailbox_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    outboxId: uuid("outbox_id").notNull().unique(),
    fromAddress: text("from_address").notNull(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull().default({}),
    attachments: jsonb("attachments")
      .$type<{ filename: string; contentType: string; content: string }[]>()
      .notNull()
      .default([]),
    receivedAt: createdAt(),
  },
  (t) => [index("mailbox_messages_received_idx").on(t.receivedAt)],
);

// ── Settings ─────────────────────────────────────────────────────────────────

/** Instance-wide values every process must agree on, e.g. the link secret when PODIUM_SECRET is unset. */
export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});

// ── Rate limits ──────────────────────────────────────────────────────────────

/** Fixed-window counters shared by every app process (login, registration, token guessing). */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").notNull(),
    windowStart: instant("window_start").notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * Growing-delay throttles (app/security/rate-limit.server.ts `claimAttempt`): how many
 * suspect attempts a key (an address, or an account from one address) has made
 * recently, and when the last one was. Nothing is ever locked: the next attempt is
 * only delayed, by a wait that doubles with each further attempt.
 */
export const attemptThrottles = pgTable("attempt_throttles", {
  key: text("key").primaryKey(),
  attempts: integer("attempts").notNull(),
  lastAttemptAt: instant("last_attempt_at").notNull(),
});

export type Registration = typeof registrations.$inferSelect;
export type RegistrationStatus = (typeof registrationStatus.enumValues)[number];
export type RegistrationQuestion = typeof registrationQuestions.$inferSelect;
export type OutboxRow = typeof emailOutbox.$inferSelect;

// ── Organizer accounts ───────────────────────────────────────────────────────

export const userRole = pgEnum("user_role", ["admin", "organizer"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    // argon2id, PHC string; null for accounts that sign in only through SSO or email links.
    passwordHash: text("password_hash"),
    role: userRole("role").notNull().default("organizer"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    disabledAt: instant("disabled_at"),
    // The language the person last used the console in (set at sign-in and by the language
    // switcher): the emails Podium writes to them alone follow it. Null until then.
    locale: text("locale"),
  },
  (t) => [uniqueIndex("users_email_idx").on(sql`lower(${t.email})`)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // SHA-256 of the cookie's token; the token itself is never stored.
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
    userAgent: text("user_agent").notNull().default(""),
    revokedAt: instant("revoked_at"),
    /** How this session was opened: "password", "link" or "oidc:<provider id>" (shown and audited). */
    signInMethod: text("sign_in_method").notNull().default("password"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type UserRole = (typeof userRole.enumValues)[number];
export type Session = typeof sessions.$inferSelect;

// ── Event ownership and the audit log ────────────────────────────────────────

/** Organizers who own or co-own an event; admins manage every event without a row here. */
export const eventOrganizers = pgTable(
  "event_organizers",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index("event_organizers_user_idx").on(t.userId)],
);

/**
 * Who changed what and when. Rows are only ever inserted, in the same transaction
 * as the change they describe; the actor is kept as text too, so the history
 * survives a deleted account.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(),
    // e.g. "event.updated", "agenda.moved", "registration.approved", "user.created"
    action: text("action").notNull(),
    summary: text("summary").notNull(),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    // Speaker changes only: when the organizers' summary email that covers this entry was queued.
    digestQueuedAt: instant("digest_queued_at"),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_event_idx").on(t.eventId, t.createdAt), index("audit_log_created_idx").on(t.createdAt)],
);

export type AuditEntry = typeof auditLog.$inferSelect;

// ── Speaker invitations ──────────────────────────────────────────────────────

export const speakerResponse = pgEnum("speaker_response", ["invited", "confirmed", "declined"]);

/**
 * One per person and event: the private /speak/:token link (only its SHA-256 is
 * stored; raising token_version or setting revoked_at kills it) and their answer.
 */
export const speakerInvitations = pgTable(
  "speaker_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    tokenVersion: integer("token_version").notNull().default(1),
    tokenHash: text("token_hash").notNull().unique(),
    response: speakerResponse("response").notNull().default("invited"),
    invitedAt: instant("invited_at").notNull().defaultNow(),
    lastSentAt: instant("last_sent_at").notNull().defaultNow(),
    respondedAt: instant("responded_at"),
    // No stored expiry: a link works until the event's end plus 30 days, read from the
    // event itself so it follows the event when it moves.
    revokedAt: instant("revoked_at"),
    // The language of the speaker's emails (app/i18n/locales.ts): the event's own language
    // until the speaker chooses another on their page.
    locale: text("locale").notNull().default("en"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("speaker_invitations_event_person_idx").on(t.eventId, t.personId),
    index("speaker_invitations_person_idx").on(t.personId),
    check("speaker_invitations_locale_supported", sql`${t.locale} in ('en', 'zh-Hant', 'sv')`),
  ],
);

export type SpeakerInvitation = typeof speakerInvitations.$inferSelect;

// ── University sign-in (OpenID Connect) and passwordless links ───────────────

/** An account's link to a person at an identity provider: (issuer, subject) is who they are, not the email. */
export const userIdentities = pgTable(
  "user_identities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    providerId: text("provider_id").notNull(),
    issuer: text("issuer").notNull(),
    subject: text("subject").notNull(),
    email: text("email").notNull().default(""),
    createdAt: createdAt(),
    lastSignInAt: instant("last_sign_in_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_identities_issuer_subject_idx").on(t.issuer, t.subject), index("user_identities_user_idx").on(t.userId)],
);

/**
 * One OpenID Connect sign-in in progress, so any process can finish what another began:
 * the state (hashed), nonce and PKCE verifier, bound to the browser that started it by
 * the SHA-256 of a cookie's token. Used once, then kept until it expires for the audit trail.
 */
export const oidcSignInFlows = pgTable(
  "oidc_sign_in_flows",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    providerId: text("provider_id").notNull(),
    stateHash: text("state_hash").notNull().unique(),
    browserHash: text("browser_hash").notNull(),
    nonce: text("nonce").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    redirectTo: text("redirect_to").notNull().default("/admin"),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("oidc_sign_in_flows_expires_idx").on(t.expiresAt)],
);

/**
 * Emailed one-time sign-in links: SHA-256 of the token, the browser that asked (SHA-256
 * of its cookie token) and the account. A request for an address with no account is
 * stored too, with no user, so both answers do the same work; such a row opens nothing.
 */
export const signInLinks = pgTable(
  "sign_in_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    browserHash: text("browser_hash").notNull(),
    email: text("email").notNull(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    redirectTo: text("redirect_to").notNull().default("/admin"),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("sign_in_links_expires_idx").on(t.expiresAt)],
);

export type UserIdentity = typeof userIdentities.$inferSelect;
export type OidcSignInFlow = typeof oidcSignInFlows.$inferSelect;
export type SignInLink = typeof signInLinks.$inferSelect;

// ── API tokens and idempotency (decision 019) ────────────────────────────────

export const apiTokenScope = pgEnum("api_token_scope", ["read", "write"]);

/**
 * Personal access tokens for /api/v1. Only the SHA-256 of the secret is stored; the
 * prefix (the first characters of the token) lets an owner recognise it in the list.
 * A token acts as its owner, narrowed by its scope and, when event_ids is set, to those events.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    displayPrefix: text("display_prefix").notNull(),
    scope: apiTokenScope("scope").notNull(),
    // null: every event the owner manages, now and later.
    eventIds: uuid("event_ids").array(),
    lastUsedAt: instant("last_used_at"),
    createdAt: createdAt(),
    revokedAt: instant("revoked_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
export type ApiTokenScope = (typeof apiTokenScope.enumValues)[number];

/**
 * One row per Idempotency-Key a token used on a POST: claimed before the work (status null),
 * completed with the response, so a retry with the same key and body gets the same answer.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    // SHA-256 of method, path and body: the same key with another request is refused.
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status"),
    responseBody: text("response_body"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] }), index("api_idempotency_keys_created_idx").on(t.createdAt)],
);
// ── Webhooks (decision 020) ──────────────────────────────────────────────────

/**
 * An organizer's HTTPS endpoint, subscribed to event types for all their events
 * (event_id null) or one. The signing secret is kept as issued: HMAC needs it, so
 * unlike a bearer token it cannot be stored as a hash. After a rotation the previous
 * secret keeps signing beside the new one until previous_secret_expires_at.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerUserId: uuid("owner_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    eventTypes: text("event_types").array().notNull(),
    secret: text("secret").notNull(),
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: instant("previous_secret_expires_at"),
    /** When the current run of failed deliveries began; cleared by any success. */
    failingSince: instant("failing_since"),
    disabledAt: instant("disabled_at"),
    disabledReason: text("disabled_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("webhook_endpoints_owner_idx").on(t.ownerUserId), index("webhook_endpoints_event_idx").on(t.eventId)],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["queued", "sending", "delivered", "failed"]);

/**
 * The webhook outbox: one row per endpoint and message, written in the transaction of
 * the change. `message_id` is the `webhook-id` every attempt carries; `body` is kept as
 * the exact bytes signed, so a retry is the same request. Rows with the same
 * `ordering_key` (a registration, an event) go out one after another in `position` order.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    position: bigint("position", { mode: "number" }).generatedAlwaysAsIdentity().notNull(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    messageId: text("message_id").notNull(),
    eventType: text("event_type").notNull(),
    orderingKey: text("ordering_key").notNull(),
    body: text("body").notNull(),
    status: webhookDeliveryStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    lockedUntil: instant("locked_until"),
    claimToken: uuid("claim_token"),
    failingSince: instant("failing_since"),
    lastError: text("last_error"),
    lastStatus: integer("last_status"),
    deliveredAt: instant("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_endpoint_message_idx").on(t.endpointId, t.messageId),
    // The claim walks due rows in order and stops at the first one free to go: partial indexes keep that short.
    index("webhook_deliveries_queued_idx").on(t.nextAttemptAt, t.position).where(sql`${t.status} = 'queued'`),
    index("webhook_deliveries_sending_idx").on(t.lockedUntil).where(sql`${t.status} = 'sending'`),
    index("webhook_deliveries_order_idx").on(t.endpointId, t.orderingKey, t.position),
    index("webhook_deliveries_created_idx").on(t.createdAt),
  ],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

/** The delivery log: one row per HTTP attempt, kept 30 days. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    url: text("url").notNull(),
    requestHeaders: jsonb("request_headers").$type<Record<string, string>>().notNull(),
    responseStatus: integer("response_status"),
    /** The first KB of the response body. */
    responseBody: text("response_body"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    attemptedAt: instant("attempted_at").notNull(),
  },
  (t) => [index("webhook_attempts_endpoint_idx").on(t.endpointId, t.attemptedAt), index("webhook_attempts_delivery_idx").on(t.deliveryId)],
);

export type WebhookAttempt = typeof webhookAttempts.$inferSelect;
/**
 * One row whose version rises with every committed change to what public pages show
 * (events, series, organizations, hosts, people, agenda, recordings, registration
 * questions). Deferred triggers raise it at commit, once per transaction, so a page
 * cache keyed by it (app/server/page-cache.server.ts) can never hold a page older than
 * the version it was stored under, in any process. See decision 016.
 */
export const contentVersions = pgTable("content_versions", {
  id: integer("id").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
  // The transaction that raised it last, so a transaction touching many rows raises it once.
  lastTransaction: bigint("last_transaction", { mode: "number" }),
});
