// Ownership is checked in the query itself: an organizer's lookups are joined
// to event_organizers, so another organizer's event is simply "not found" (404),
// never revealed. Admins manage every event.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { eventOrganizers, events, type Event, type User } from "~db/schema";
import { isUuid } from "~db/records.server";
import { requireUser } from "./session.server";

/** A WHERE fragment limiting `events` to those the user may manage (undefined: every event). */
export function manageableBy(user: Pick<User, "id" | "role">): SQL | undefined {
  if (user.role === "admin") return undefined;
  return sql`exists (select 1 from ${eventOrganizers} where ${eventOrganizers.eventId} = ${events.id} and ${eventOrganizers.userId} = ${user.id})`;
}

export function notFound(message = "No such event in your console."): Response {
  return new Response(message, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/**
 * Every per-event /admin loader and action starts here: signed out → login,
 * not an owner (or no such event) → 404, otherwise the user and the event.
 */
export async function requireEventAccess(
  db: Database,
  request: Request,
  eventId: string | undefined,
): Promise<{ user: User; event: Event }> {
  const user = await requireUser(db, request);
  if (!isUuid(eventId)) throw notFound();
  const ownership = manageableBy(user);
  const [event] = await db
    .select()
    .from(events)
    .where(ownership ? and(eq(events.id, eventId), ownership) : eq(events.id, eventId));
  if (!event) throw notFound();
  return { user, event };
}
