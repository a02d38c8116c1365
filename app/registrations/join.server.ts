// The personal join link /j/:token: the only way a webinar's join URL is ever
// revealed, and the record of who came.
import { eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { events, registrations } from "~db/schema";
import { hashToken, looksLikeToken } from "~/security/tokens.server";
import { readRegistration, markAttended, NO_EMAIL_LINKS, withLockedEvent } from "./lifecycle.server";

/** Doors open this long before the start, as in Zoom's waiting rooms. */
export const DOORS_OPEN_MINUTES = 15;

export type JoinDecision =
  | { kind: "redirect"; url: string }
  | { kind: "unknown-link" }
  | { kind: "not-confirmed"; status: string; eventSlug: string; eventTitle: string }
  | { kind: "too-early"; opensAt: Date; eventSlug: string; eventTitle: string; startsAt: Date; endsAt: Date; displayZones: string[]; timeZone: string }
  | { kind: "ended"; eventSlug: string; eventTitle: string }
  | { kind: "cancelled"; eventSlug: string; eventTitle: string }
  | { kind: "no-link-yet"; eventSlug: string; eventTitle: string };

/** `via` says which private link was used: the join link from the email, or the manage page's join button. */
export async function decideJoin(
  db: Database,
  { token, via = "join" }: { token: string | undefined; via?: "join" | "manage" },
  now: Date,
): Promise<JoinDecision> {
  if (!looksLikeToken(token)) return { kind: "unknown-link" };
  const [row] = await db
    .select({
      registrationId: registrations.id,
      eventId: registrations.eventId,
      status: registrations.status,
      firstJoinedAt: registrations.firstJoinedAt,
      erasedAt: registrations.erasedAt,
      timeZone: registrations.timeZone,
      event: {
        slug: events.slug,
        title: events.title,
        status: events.status,
        startsAt: events.startsAt,
        endsAt: events.endsAt,
        joinUrl: events.joinUrl,
        displayZones: events.displayZones,
      },
    })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(via === "join" ? registrations.joinTokenHash : registrations.manageTokenHash, hashToken(token)));
  if (!row || row.erasedAt) return { kind: "unknown-link" };
  const about = { eventSlug: row.event.slug, eventTitle: row.event.title };
  if (row.event.status === "cancelled") return { kind: "cancelled", ...about };
  if (row.status !== "confirmed") return { kind: "not-confirmed", status: row.status, ...about };
  if (now >= row.event.endsAt) return { kind: "ended", ...about };
  const opensAt = new Date(row.event.startsAt.getTime() - DOORS_OPEN_MINUTES * 60_000);
  if (now < opensAt) {
    return {
      kind: "too-early",
      opensAt,
      startsAt: row.event.startsAt,
      endsAt: row.event.endsAt,
      displayZones: row.event.displayZones,
      timeZone: row.timeZone,
      ...about,
    };
  }
  if (!row.event.joinUrl) return { kind: "no-link-yet", ...about };
  // Attendance: the first join is the lifecycle's confirmed → attended; later joins change nothing and take no lock.
  if (!row.firstJoinedAt) {
    await withLockedEvent(db, { eventId: row.eventId, now, links: NO_EMAIL_LINKS }, async (scope) => {
      const registration = await readRegistration(scope, row.registrationId);
      if (registration) await markAttended(scope, registration);
    });
  }
  return { kind: "redirect", url: row.event.joinUrl };
}
