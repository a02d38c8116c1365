// Organizer decisions on pending registrations: approve or decline, each
// through the lifecycle (which emails the registrant and writes the audit
// entry). Approval joins the one queue: a seat only when nobody is waiting.
import { eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations, type Registration } from "~db/schema";
import type { Actor } from "~/audit/audit-log.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { approve, decline, readRegistration, organizerActor, refusalSentence, SYSTEM, withLockedEvent } from "./lifecycle.server";

export type DecisionOutcome =
  | { kind: "approved"; registration: Registration }
  | { kind: "waitlisted"; registration: Registration; waitlistRank: number }
  | { kind: "declined"; registration: Registration }
  | { kind: "not-pending"; message: string }
  | { kind: "not-found" };

export async function decidePendingRegistration(
  db: Database,
  {
    registrationId,
    decision,
    now,
    links,
    actor,
    eventId,
  }: { registrationId: string; decision: "approve" | "decline"; now: Date; links: LinkSigner; actor?: Actor; eventId?: string },
): Promise<DecisionOutcome> {
  const [current] = await db.select({ eventId: registrations.eventId }).from(registrations).where(eq(registrations.id, registrationId));
  // With eventId, a registration of another event is "not found": the organizer's screen is per event.
  if (!current || (eventId && current.eventId !== eventId)) return { kind: "not-found" };
  const outcome = await withLockedEvent(db, { eventId: current.eventId, now, links }, async (scope): Promise<DecisionOutcome> => {
    const registration = await readRegistration(scope, registrationId);
    if (!registration) return { kind: "not-found" };
    const who = actor ? organizerActor(actor) : SYSTEM;
    const result = decision === "approve" ? await approve(scope, registration, who) : await decline(scope, registration, who);
    if ("refused" in result) return { kind: "not-pending", message: refusalSentence(result.refused) };
    if (result.to === "confirmed") return { kind: "approved", registration: result.registration };
    if (result.to === "waitlisted") return { kind: "waitlisted", registration: result.registration, waitlistRank: result.waitlistRank! };
    return { kind: "declined", registration: result.registration };
  });
  return outcome ?? { kind: "not-found" };
}
