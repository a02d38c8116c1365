// What a registrant can do through their private link, and cancelling on
// someone's behalf: both go through the lifecycle, which hands a freed seat to
// the first person waiting.
import { eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { events, registrations, type Event, type Registration } from "~db/schema";
import type { Actor } from "~/audit/audit-log.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { hashToken, looksLikeToken } from "~/security/tokens.server";
import type { Translate } from "~/i18n/translator";
import { ATTENDEE, cancel, readRegistration, organizerActor, refusalSentence, withLockedEvent } from "./lifecycle.server";

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

export type CancelOutcome =
  | { kind: "cancelled"; promoted: Registration | null; promotedCount: number }
  | { kind: "already-cancelled"; message: string }
  | { kind: "not-found" };

/** Cancels by the registrant (no actor) or by an organizer on their behalf (actor). */
export async function cancelRegistration(
  db: Database,
  { registrationId, now, links, actor, t }: { registrationId: string; now: Date; links: LinkSigner; actor?: Actor; t?: Translate },
): Promise<CancelOutcome> {
  const [current] = await db.select({ eventId: registrations.eventId }).from(registrations).where(eq(registrations.id, registrationId));
  if (!current) return { kind: "not-found" };
  const outcome = await withLockedEvent(db, { eventId: current.eventId, now, links }, async (scope): Promise<CancelOutcome> => {
    // Read again under the lock: a concurrent cancel may have won.
    const registration = await readRegistration(scope, registrationId);
    if (!registration) return { kind: "not-found" };
    const result = await cancel(scope, registration, actor ? organizerActor(actor) : ATTENDEE);
    if ("refused" in result) return { kind: "already-cancelled", message: refusalSentence(result.refused, t) };
    return { kind: "cancelled", promoted: result.promoted[0] ?? null, promotedCount: result.promoted.length };
  });
  return outcome ?? { kind: "not-found" };
}
