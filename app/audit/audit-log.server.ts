// The audit log: one row per organizer (or speaker) change, written in the
// transaction that makes the change so the history can never disagree with the data.
import { desc, eq, isNull } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { auditLog, type AuditEntry, type User } from "~db/schema";
import { formatInstant } from "~/time";

type Writer = Pick<Database, "insert">;

export interface Actor {
  userId: string | null;
  label: string;
}

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

/** Entries as the audit pages show them, times in the reader's zone. */
export function toAuditRows(entries: AuditEntry[], zone: string) {
  return entries.map((e) => ({ id: e.id, at: formatInstant(e.createdAt, zone, "dateTime"), actor: e.actorLabel, summary: e.summary }));
}
