// Organizer decisions on registrations (the screens come with the organizer
// console): approve or decline a pending registration, each emailed. Approval
// still respects capacity: with no seat left, the registrant joins the waitlist.
import { and, count, eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations, type Registration } from "~db/schema";
import { recordAudit, type Actor } from "~/audit/audit-log.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { queueRegistrationEmail } from "./registration-emails.server";
import { nextWaitlistPosition, waitlistRank } from "./register.server";
import { lockEvent } from "~/events/event-lock.server";

export type DecisionOutcome =
  | { kind: "approved"; registration: Registration }
  | { kind: "waitlisted"; registration: Registration }
  | { kind: "declined"; registration: Registration }
  | { kind: "not-pending" }
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
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ eventId: registrations.eventId }).from(registrations).where(eq(registrations.id, registrationId));
    // With eventId, a registration of another event is "not found": the organizer's screen is per event.
    if (!current || (eventId && current.eventId !== eventId)) return { kind: "not-found" } as const;
    const event = await lockEvent(tx, current.eventId);
    const [registration] = await tx.select().from(registrations).where(eq(registrations.id, registrationId)).for("update");
    if (!event || !registration) return { kind: "not-found" } as const;
    if (registration.status !== "pending") return { kind: "not-pending" } as const;

    let status: "confirmed" | "waitlisted" | "declined" = "declined";
    let waitlistPosition: number | null = null;
    if (decision === "approve") {
      const [{ confirmed }] = (await tx
        .select({ confirmed: count() })
        .from(registrations)
        .where(and(eq(registrations.eventId, event.id), eq(registrations.status, "confirmed")))) as [{ confirmed: number }];
      if (event.capacity !== null && confirmed >= event.capacity) {
        status = "waitlisted";
        waitlistPosition = await nextWaitlistPosition(tx, event.id);
      } else {
        status = "confirmed";
      }
    }
    const [updated] = await tx
      .update(registrations)
      .set({ status, waitlistPosition, confirmedAt: status === "confirmed" ? now : null })
      .where(eq(registrations.id, registration.id))
      .returning();
    await queueRegistrationEmail(tx, {
      event,
      registration: updated!,
      links,
      reason: `decision-${decision}`,
      waitlistRank: await waitlistRank(tx, updated!),
      approved: decision === "approve",
    });
    if (actor) {
      const outcome = status === "confirmed" ? "approved" : status === "waitlisted" ? "approved onto the waitlist (no seat left)" : "declined";
      await recordAudit(tx, {
        actor,
        eventId: event.id,
        action: `registration.${decision === "approve" ? "approved" : "declined"}`,
        summary: `${registration.name} <${registration.email}> ${outcome}`,
        details: { registrationId: registration.id },
      });
    }
    if (status === "confirmed") return { kind: "approved", registration: updated! } as const;
    if (status === "waitlisted") return { kind: "waitlisted", registration: updated! } as const;
    return { kind: "declined", registration: updated! } as const;
  });
}
