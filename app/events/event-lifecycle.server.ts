// The ways an organizer takes an event back before anyone relies on it: delete
// a draft, unpublish an event nobody registered for. Both refuse once people
// have registered (their private pages, emails and calendar entries point at the
// event; cancelling, which tells them, is the way out then). Each runs under
// the event's row lock, so a registration cannot slip in between the check and
// the change.
import { and, eq, like, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { auditLog, events, registrations, type Event, type User } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import type { Tx } from "~db/records.server";
import { lockEvent } from "./event-lock.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import type { Translate } from "~/i18n/translator";

export type LifecycleOutcome = { ok: true; event: Event } | { ok: false; message: string };

/** Has anyone ever registered? Rows are kept when people cancel or erase their data; the audit log is a second witness. */
async function everRegistered(tx: Tx, eventId: string): Promise<number> {
  const [rows] = await tx.select({ n: sql<number>`count(*)::int` }).from(registrations).where(eq(registrations.eventId, eventId));
  if (rows!.n > 0) return rows!.n;
  const [logged] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(and(eq(auditLog.eventId, eventId), like(auditLog.action, "registration.%")));
  return logged!.n;
}

/** Deletes a draft that nobody ever registered for, with everything that belongs to it. */
export async function deleteDraftEvent(
  db: Database,
  { user, eventId, t = consoleTranslatorFor("en") }: { user: User; eventId: string; t?: Translate },
): Promise<LifecycleOutcome> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (!event) return { ok: false, message: t("notice.eventGone") } as const;
    if (event.status !== "draft") {
      const status = t(`events.status.${event.status}`);
      return { ok: false, message: event.status === "published" ? t("eventOverview.refusal.onlyDraftDeletedPublished", { status }) : t("eventOverview.refusal.onlyDraftDeleted", { status }) } as const;
    }
    const registered = await everRegistered(tx, eventId);
    if (registered > 0) return { ok: false, message: t("eventOverview.refusal.registeredNoDelete", { count: registered }) } as const;
    // Agenda, questions, recordings, hosts, invitations and its audit log go with it (foreign keys cascade);
    // the deletion itself is kept in the instance's audit log.
    await tx.delete(events).where(eq(events.id, eventId));
    await recordAudit(tx, {
      actor: actorFor(user),
      eventId: null,
      action: "event.deleted",
      summary: `Deleted the draft “${event.title}”`,
      details: { eventId, slug: event.slug },
    });
    return { ok: true, event } as const;
  });
}

/** Takes a published event off the public site, back to a draft, while nobody has registered. */
export async function unpublishEvent(
  db: Database,
  { user, eventId, t = consoleTranslatorFor("en") }: { user: User; eventId: string; t?: Translate },
): Promise<LifecycleOutcome> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (!event) return { ok: false, message: t("notice.eventGone") } as const;
    if (event.status !== "published") return { ok: false, message: t("eventOverview.refusal.onlyPublishedUnpublished", { status: t(`events.status.${event.status}`) }) } as const;
    const registered = await everRegistered(tx, eventId);
    if (registered > 0) return { ok: false, message: t("eventOverview.refusal.registeredStaysPublished", { count: registered }) } as const;
    const [after] = await tx.update(events).set({ status: "draft", updatedAt: new Date() }).where(eq(events.id, eventId)).returning();
    await recordAudit(tx, { actor: actorFor(user), eventId, action: "event.unpublished", summary: "Unpublished the event: a draft again, off the public site and feeds" });
    return { ok: true, event: after! } as const;
  });
}
