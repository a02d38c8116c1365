// The audit log: one row per organizer (or speaker) change, written in the
// transaction that makes the change so the history can never disagree with the data.
import { desc, eq, isNull } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { auditLog, type AuditEntry, type User } from "~db/schema";
import type { Locale } from "~/i18n/locales";
import type { Translate } from "~/i18n/translator";
import { formatInstant } from "~/time";

type Writer = Pick<Database, "insert">;

export interface Actor {
  userId: string | null;
  label: string;
}

/** Actor labels written by Podium itself (the registration lifecycle), recognised again when read. */
export const SYSTEM_ACTOR_LABEL = "Podium (automatic)";
export const REGISTRANT_ACTOR_LABEL = "The registrant";

export function actorFor(user: Pick<User, "id" | "name" | "email">): Actor {
  return { userId: user.id, label: `${user.name} <${user.email}>` };
}

export async function recordAudit(
  tx: Writer,
  entry: { actor: Actor; eventId?: string | null; action: string; summary: string; details?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditLog).values({
    eventId: entry.eventId ?? null,
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label,
    action: entry.action,
    summary: entry.summary,
    details: entry.details ?? {},
  });
}

export async function listEventAudit(db: Pick<Database, "select">, eventId: string, { limit = 200 }: { limit?: number } = {}) {
  return db.select().from(auditLog).where(eq(auditLog.eventId, eventId)).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(limit);
}

/** Changes that belong to no single event: accounts, people, series, organizations. Admins read these. */
export async function listInstanceAudit(db: Pick<Database, "select">, { limit = 300 }: { limit?: number } = {}) {
  return db.select().from(auditLog).where(isNull(auditLog.eventId)).orderBy(desc(auditLog.createdAt), desc(auditLog.id)).limit(limit);
}

/**
 * Entries as the audit pages show them, times in the reader's zone and language. The summary
 * is the record as it was written (English); the action's name and the actors Podium itself
 * names are worded in the reader's language.
 */
export function toAuditRows(entries: AuditEntry[], { zone, locale, t }: { zone: string; locale: Locale; t: Translate }) {
  return entries.map((e) => ({
    id: e.id,
    at: formatInstant(e.createdAt, zone, "dateTime", locale),
    actor: actorIn(e.actorLabel, t),
    // The catalogue's keys write the action's dot as a hyphen: a dot would nest them.
    action: t(`audit.action.${e.action.replace(".", "-")}`, { defaultValue: e.action }),
    summary: e.summary,
  }));
}

function actorIn(label: string, t: Translate): string {
  if (label === SYSTEM_ACTOR_LABEL) return t("audit.actor.system");
  if (label === REGISTRANT_ACTOR_LABEL) return t("audit.actor.registrant");
  const speaker = /^Speaker: (.+)$/s.exec(label);
  return speaker ? t("audit.actor.speaker", { name: speaker[1] }) : label;
}
