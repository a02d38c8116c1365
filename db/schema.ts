// The whole product's data model. Instants are timestamptz (UTC on the wire);
// zones are IANA names kept beside the instants they describe.
import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
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
} from "drizzle-orm/pg-core";

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

export const series = pgTable("series", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    descriptionMd: text("description_md").notNull().default(""),
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("events_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("events_capacity_non_negative", sql`${t.capacity} is null or ${t.capacity} >= 0`),
    check("events_has_display_zone", sql`cardinality(${t.displayZones}) >= 1`),
    index("events_starts_at_idx").on(t.startsAt),
    index("events_series_idx").on(t.seriesId),
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

export const people = pgTable("people", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  honorific: text("honorific").notNull().default(""),
  name: text("name").notNull(),
  position: text("position").notNull().default(""),
  affiliation: text("affiliation").notNull().default(""),
  bio: text("bio").notNull().default(""),
  photoUrl: text("photo_url"),
  homeZone: text("home_zone"),
  // For speaker invitations; never shown publicly.
  email: text("email"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

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

export const eventsRelations = relations(events, ({ one, many }) => ({
  series: one(series, { fields: [events.seriesId], references: [series.id] }),
  hosts: many(eventHosts),
  agendaItems: many(agendaItems),
  recordingLinks: many(recordingLinks),
}));

export const seriesRelations = relations(series, ({ many }) => ({ events: many(events) }));

export const eventHostsRelations = relations(eventHosts, ({ one }) => ({
  event: one(events, { fields: [eventHosts.eventId], references: [events.id] }),
  organization: one(organizations, {
    fields: [eventHosts.organizationId],
    references: [organizations.id],
  }),
}));

export const recordingLinksRelations = relations(recordingLinks, ({ one }) => ({
  event: one(events, { fields: [recordingLinks.eventId], references: [events.id] }),
}));

export const agendaItemsRelations = relations(agendaItems, ({ one, many }) => ({
  event: one(events, { fields: [agendaItems.eventId], references: [events.id] }),
  roles: many(agendaRoles),
}));

export const agendaRolesRelations = relations(agendaRoles, ({ one }) => ({
  agendaItem: one(agendaItems, {
    fields: [agendaRoles.agendaItemId],
    references: [agendaItems.id],
  }),
  person: one(people, { fields: [agendaRoles.personId], references: [people.id] }),
}));

export const peopleRelations = relations(people, ({ many }) => ({ agendaRoles: many(agendaRoles) }));

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
    status: registrationStatus("status").notNull(),
    // First come, first served: assigned under the event's row lock, never reused.
    waitlistPosition: integer("waitlist_position"),
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
    uniqueIndex("registrations_event_waitlist_idx").on(t.eventId, t.waitlistPosition),
    index("registrations_event_status_idx").on(t.eventId, t.status),
  ],
);

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
    createdAt: createdAt(),
  },
  (t) => [index("registration_questions_event_idx").on(t.eventId, t.position)],
);

// ── Email outbox ─────────────────────────────────────────────────────────────

export const outboxStatus = pgEnum("outbox_status", ["queued", "sending", "sent", "dead"]);

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
  },
  (t) => [index("email_outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

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
    // argon2id, PHC string.
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("organizer"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    disabledAt: instant("disabled_at"),
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
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("speaker_invitations_event_person_idx").on(t.eventId, t.personId), index("speaker_invitations_person_idx").on(t.personId)],
);

export type SpeakerInvitation = typeof speakerInvitations.$inferSelect;
