// Numbers for the organizer's event overview and the dashboard.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations, type Event } from "~db/schema";

export interface RegistrationCounts {
  confirmed: number;
  waitlisted: number;
  pending: number;
  declined: number;
  cancelled: number;
  attended: number;
  total: number;
}

export async function registrationCounts(db: Pick<Database, "select">, eventId: string): Promise<RegistrationCounts> {
  const rows = await db
    .select({ status: registrations.status, n: sql<number>`count(*)::int` })
    .from(registrations)
    .where(eq(registrations.eventId, eventId))
    .groupBy(registrations.status);
  const [{ attended }] = (await db
    .select({ attended: sql<number>`count(*)::int` })
    .from(registrations)
    .where(and(eq(registrations.eventId, eventId), isNotNull(registrations.firstJoinedAt)))) as [{ attended: number }];
  const counts: RegistrationCounts = { confirmed: 0, waitlisted: 0, pending: 0, declined: 0, cancelled: 0, attended, total: 0 };
  for (const row of rows) {
    counts[row.status] = row.n;
    counts.total += row.n;
  }
  return counts;
}

/** Registrations per calendar day in the event's home zone, oldest first. */
export async function registrationsPerDay(db: Pick<Database, "select">, event: Pick<Event, "id" | "homeZone">): Promise<{ day: string; count: number }[]> {
  const day = sql<string>`to_char(${registrations.createdAt} at time zone ${event.homeZone}, 'YYYY-MM-DD')`;
  return db
    .select({ day, count: sql<number>`count(*)::int` })
    .from(registrations)
    .where(eq(registrations.eventId, event.id))
    // By position: the zone is a bound parameter, and PostgreSQL cannot tell that two
    // parameters are the same expression.
    .groupBy(sql`1`)
    .orderBy(sql`1`);
}

/** Share of confirmed registrants who used their join link; null before anyone could. */
export function attendanceRate(counts: RegistrationCounts): number | null {
  return counts.confirmed > 0 ? counts.attended / counts.confirmed : null;
}

export function fillRate(confirmed: number, capacity: number | null): number | null {
  return capacity ? Math.min(1, confirmed / capacity) : null;
}

export function percent(rate: number | null): string {
  return rate === null ? "—" : `${Math.round(rate * 100)}%`;
}
