// Moving an event moves its programme: when the start changes, every timed
// segment shifts by the same amount in the same transaction, so the public
// programme, the speakers' schedules and the event never disagree. A change of
// length alone keeps the segments where they are and reports those left outside.
import { and, asc, eq, isNotNull, or, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { agendaItems, type Event } from "~db/schema";
import type { Tx } from "~db/records.server";
import type { Translate } from "~/i18n/translator";
import { agendaProblems } from "./agenda-plan";

export interface ProgrammeMove {
  /** Minutes every timed segment moved by (negative: earlier). */
  shiftedMinutes: number;
  /** How many segments moved. */
  moved: number;
}

export async function moveProgrammeWithEvent(tx: Tx, before: Pick<Event, "id" | "startsAt">, after: Pick<Event, "startsAt">): Promise<ProgrammeMove | null> {
  const shiftMs = after.startsAt.getTime() - before.startsAt.getTime();
  if (shiftMs === 0) return null;
  const shift = sql`(${shiftMs}::bigint * interval '1 millisecond')`;
  const moved = await tx
    .update(agendaItems)
    .set({ startsAt: sql`${agendaItems.startsAt} + ${shift}`, endsAt: sql`${agendaItems.endsAt} + ${shift}`, updatedAt: new Date() })
    .where(and(eq(agendaItems.eventId, before.id), or(isNotNull(agendaItems.startsAt), isNotNull(agendaItems.endsAt))))
    .returning({ id: agendaItems.id });
  return { shiftedMinutes: Math.round(shiftMs / 60_000), moved: moved.length };
}

/** Segments that start before or end after the event, with what is wrong, in programme order. */
export async function segmentsOutsideEvent(db: Pick<Database, "select">, event: Pick<Event, "id" | "startsAt" | "endsAt">) {
  const items = await db
    .select({ id: agendaItems.id, title: agendaItems.title, startsAt: agendaItems.startsAt, endsAt: agendaItems.endsAt })
    .from(agendaItems)
    .where(eq(agendaItems.eventId, event.id))
    .orderBy(asc(agendaItems.position), asc(agendaItems.createdAt));
  const warnings = agendaProblems(event, items);
  return items
    .map((item) => ({ title: item.title, problems: (warnings.get(item.id) ?? []).filter((w) => w.kind !== "overlaps").map((w) => w.kind) }))
    .filter((item) => item.problems.length > 0);
}

/** "1 hour later", "30 minutes earlier", "1 day 2 hours later" (in the reader's language). */
export function describeShift(minutes: number, t: Translate): string {
  const total = Math.abs(minutes);
  const parts = [
    [Math.floor(total / 1440), "day"],
    [Math.floor((total % 1440) / 60), "hour"],
    [total % 60, "minute"],
  ] as const;
  const amount = parts
    .filter(([n]) => n > 0)
    .map(([count, unit]) => t(`eventOverview.shift.${unit}`, { count }))
    .join(" ");
  return minutes > 0 ? t("eventOverview.shift.later", { amount }) : t("eventOverview.shift.earlier", { amount });
}
