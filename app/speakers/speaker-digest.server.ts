// One email to an event's organizers summarising what its speakers changed,
// sent once the speakers have been quiet for a while: a speaker who saves five
// times in a minute causes one email, not five. Run by the outbox worker; any
// number of workers may run it at once (row locks with SKIP LOCKED, and the
// outbox's unique key).
import { and, asc, eq, inArray, isNull, like, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { auditLog, eventOrganizers, events, users } from "~db/schema";
import { enqueueEmail } from "~/email/outbox.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { formatInstant } from "~/time";
import { translatorFor } from "~/i18n/catalogues.server";
import type { Translate } from "~/i18n/translator";
import { emailLocale } from "~emails/i18n";

export const SPEAKER_DIGEST_QUIET_MINUTES = 10;

export async function queueSpeakerChangeDigests(
  db: Database,
  { now, links, quietMinutes = SPEAKER_DIGEST_QUIET_MINUTES }: { now: Date; links: Pick<LinkSigner, "origin">; quietMinutes?: number },
): Promise<number> {
  const quietSince = new Date(now.getTime() - quietMinutes * 60_000);
  // Events whose newest undigested speaker change is older than the quiet period.
  const due = await db
    .select({ eventId: auditLog.eventId })
    .from(auditLog)
    .where(and(like(auditLog.action, "speaker.%"), isNull(auditLog.digestQueuedAt)))
    .groupBy(auditLog.eventId)
    // An ISO string with a cast: a bare Date inside raw SQL has no column type for the driver to map it by.
    .having(sql`max(${auditLog.createdAt}) < ${quietSince.toISOString()}::timestamptz`);
  let queued = 0;
  for (const { eventId } of due) {
    if (!eventId) continue;
    queued += await db.transaction(async (tx) => {
      const entries = await tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.eventId, eventId), like(auditLog.action, "speaker.%"), isNull(auditLog.digestQueuedAt)))
        .orderBy(asc(auditLog.createdAt))
        .for("update", { skipLocked: true });
      if (entries.length === 0) return 0;
      const [event] = await tx.select().from(events).where(eq(events.id, eventId));
      const organizers = await tx
        .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
        .from(eventOrganizers)
        .innerJoin(users, eq(users.id, eventOrganizers.userId))
        .where(and(eq(eventOrganizers.eventId, eventId), isNull(users.disabledAt)));
      // An event nobody owns (e.g. created before ownership existed) reports to the admins.
      const recipients = organizers.length
        ? organizers
        : await tx.select({ id: users.id, name: users.name, email: users.email, locale: users.locale }).from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
      const zone = event!.homeZone;
      // An answer is worded again in the organizer's language; other changes keep the audit log's own words.
      const summaryOf = (t: Translate, e: (typeof entries)[number], who: string) =>
        e.action === "speaker.confirmed"
          ? t("email.speakerChanges.confirmed", { name: who })
          : e.action === "speaker.declined"
            ? t("email.speakerChanges.declined", { name: who })
            : e.summary;
      const last = entries[entries.length - 1]!;
      let sent = 0;
      for (const recipient of recipients) {
        // The language the organizer uses the console in, else (never signed in since) the event's.
        const locale = emailLocale(recipient.locale ?? event!.defaultLocale);
        const t = translatorFor(locale);
        const ok = await enqueueEmail(tx, {
          dedupeKey: `speaker-changes/${eventId}/${last.id}/${recipient.id}`,
          message: {
            template: "speaker-changes",
            props: {
              recipient: { name: recipient.name },
              event: { title: event!.title, consoleUrl: `${links.origin}/admin/events/${eventId}/agenda` },
              changes: entries.map((e) => {
                const who = e.actorLabel.replace(/^Speaker: /, "");
                return { at: formatInstant(e.createdAt, zone, "dateTime", locale), who, summary: summaryOf(t, e, who) };
              }),
              locale,
            },
          },
          to: { email: recipient.email, name: recipient.name },
          eventId,
        });
        if (ok) sent += 1;
      }
      await tx.update(auditLog).set({ digestQueuedAt: now }).where(inArray(auditLog.id, entries.map((e) => e.id)));
      return sent;
    });
  }
  return queued;
}
