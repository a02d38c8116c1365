// What a registrant can do through their private link: see it, cancel it
// (which frees the seat for the first person waiting), erase their data.
import { and, asc, eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { events, registrations, type Event, type Registration } from "~db/schema";
import { recordAudit, type Actor } from "~/audit/audit-log.server";
import { registrationUrls, type LinkSigner } from "~/security/link-tokens.server";
import { hashToken, looksLikeToken } from "~/security/tokens.server";
import { enqueueEmail } from "~/email/outbox.server";
import { emailEventInfo, queueRegistrationEmail, registrationInvite } from "./registration-emails.server";
import { lockEvent } from "~/events/event-lock.server";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export async function findRegistrationByManageToken(
  db: Pick<Database, "select">,
  token: string | undefined,
): Promise<{ registration: Registration; event: Event } | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({ registration: registrations, event: events })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.manageTokenHash, hashToken(token)));
  if (!row || row.registration.erasedAt) return null;
  return row;
}

/**
 * Gives the seat of a confirmed registration that just left to the first
 * person on the waitlist, if a seat is now free. Runs under the event lock.
 */
export async function promoteFromWaitlist(tx: Tx, event: Event, { now, links }: { now: Date; links: LinkSigner }): Promise<Registration | null> {
  if (event.capacity !== null) {
    const confirmed = await tx
      .select({ id: registrations.id })
      .from(registrations)
      .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "confirmed")));
    if (confirmed.length >= event.capacity) return null;
  }
  const [next] = await tx
    .select()
    .from(registrations)
    .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "waitlisted")))
    .orderBy(asc(registrations.waitlistPosition))
    .limit(1);
  if (!next) return null;
  return confirmWaitlisted(tx, event, next, { now, links });
}

/** Moves one waitlisted registration to confirmed and emails them their seat and invite. */
export async function confirmWaitlisted(tx: Tx, event: Event, waiting: Registration, { now, links }: { now: Date; links: LinkSigner }): Promise<Registration> {
  const [promoted] = await tx
    .update(registrations)
    .set({ status: "confirmed", confirmedAt: now, waitlistPosition: null })
    .where(eq(registrations.id, waiting.id))
    .returning();
  const origin = links.origin;
  const { manageUrl, joinUrl } = registrationUrls(links, promoted!);
  await enqueueEmail(tx, {
    dedupeKey: `promoted-from-waitlist/${promoted!.id}/${now.getTime()}`,
    message: {
      template: "promoted-from-waitlist",
      props: {
        recipient: { name: promoted!.name },
        event: await emailEventInfo(tx, event, promoted!.timeZone, origin),
        manageUrl,
        joinUrl,
      },
    },
    to: { email: promoted!.email, name: promoted!.name },
    registrationId: promoted!.id,
    eventId: event.id,
    attachments: [registrationInvite(event, promoted!, { method: "REQUEST", origin, joinUrl, manageUrl })],
  });
  return promoted!;
}

export type CancelOutcome = { kind: "cancelled"; promoted: Registration | null } | { kind: "already-cancelled" } | { kind: "not-found" };

export async function cancelRegistration(
  db: Database,
  { registrationId, now, links, actor }: { registrationId: string; now: Date; links: LinkSigner; actor?: Actor },
): Promise<CancelOutcome> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(registrations).where(eq(registrations.id, registrationId));
    if (!current) return { kind: "not-found" } as const;
    const event = await lockEvent(tx, current.eventId);
    // Re-read under the lock: a concurrent cancel may have won.
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for("update");
    if (!event || !registration) return { kind: "not-found" } as const;
    if (registration.status === "cancelled" || registration.status === "declined") return { kind: "already-cancelled" } as const;
    const wasConfirmed = registration.status === "confirmed";
    const [cancelled] = await tx
      .update(registrations)
      .set({ status: "cancelled", cancelledAt: now, waitlistPosition: null })
      .where(eq(registrations.id, registration.id))
      .returning();
    await queueRegistrationEmail(tx, {
      event,
      registration: cancelled!,
      links,
      reason: `cancelled-${now.getTime()}`,
      waitlistRank: null,
    });
    const promoted = wasConfirmed ? await promoteFromWaitlist(tx, event, { now, links }) : null;
    if (actor) {
      await recordAudit(tx, {
        actor,
        eventId: event.id,
        action: "registration.cancelled",
        summary: `Cancelled ${registration.name}'s registration on their behalf${promoted ? `; ${promoted.name} promoted from the waitlist` : ""}`,
        details: { registrationId: registration.id },
      });
    }
    return { kind: "cancelled", promoted } as const;
  });
}
