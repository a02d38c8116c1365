// The whole product's data model. Instants are timestamptz (UTC on the wire);
// zones are IANA names kept beside the instants they describe.
import { relations, sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
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
