// The organizer's registrations screen for one event: the list (search, filter),
// decisions singly and in bulk, promotion and cancellation by hand, adding
// someone by hand, and the CSV export.
import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations, type Event, type Registration } from "~db/schema";
import { recordAudit, type Actor } from "~/audit/audit-log.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { formatInstant } from "~/time";
import { loadQuestions } from "./registration-action.server";
import { confirmWaitlisted } from "./manage.server";
import type { StatusFilter } from "./registration-status";
import { escapeLikePattern } from "~/events/directory-records.server";
import { lockEvent } from "~/events/event-lock.server";


function listConditions(eventId: string, { query, status }: { query: string; status: StatusFilter | null }): SQL {
  const conditions: SQL[] = [eq(registrations.eventId, eventId)];
  const q = query.trim().slice(0, 100);
  if (q) {
    const pattern = `%${escapeLikePattern(q)}%`;
    conditions.push(or(ilike(registrations.name, pattern), ilike(registrations.email, pattern), ilike(registrations.affiliation, pattern))!);
  }
  if (status === "attended") conditions.push(sql`${registrations.firstJoinedAt} is not null`);
  else if (status) conditions.push(eq(registrations.status, status));
  return and(...conditions)!;
}

export async function listEventRegistrations(
  db: Pick<Database, "select">,
  event: Pick<Event, "id" | "homeZone">,
  { query, status, limit = 500 }: { query: string; status: StatusFilter | null; limit?: number },
) {
  const rows = await db
    .select()
    .from(registrations)
    .where(listConditions(event.id, { query, status }))
    // Waitlist in queue order, everyone else by arrival.
    .orderBy(sql`${registrations.waitlistPosition} asc nulls last`, asc(registrations.createdAt))
    .limit(limit);
  return rows.map((r) => ({
    id: r.id,
    name: r.erasedAt ? "(erased)" : r.name,
    email: r.erasedAt ? "" : r.email,
    affiliation: r.affiliation,
    status: r.status,
    waitlistPosition: r.waitlistPosition,
    registeredAt: formatInstant(r.createdAt, event.homeZone, "dateTime"),
    attended: r.firstJoinedAt !== null,
  }));
}

export type PromoteOutcome = { ok: true; message: string } | { ok: false; message: string };

/** An organizer's choice: confirm someone from the waitlist now, even past capacity. */
export async function promoteByHand(
  db: Database,
  { eventId, registrationId, actor, now, links }: { eventId: string; registrationId: string; actor: Actor; now: Date; links: LinkSigner },
): Promise<PromoteOutcome> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, eventId);
    if (!event) return { ok: false, message: "This event no longer exists." } as const;
    const [waiting] = await tx
      .select()
      .from(registrations)
      .where(and(eq(registrations.id, registrationId), eq(registrations.eventId, eventId)))
      .for("update");
    if (!waiting) return { ok: false, message: "That registration does not exist." } as const;
    if (waiting.status !== "waitlisted") return { ok: false, message: `${waiting.name} is not on the waitlist (${waiting.status}).` } as const;
    const promoted = await confirmWaitlisted(tx, event, waiting, { now, links });
    const [{ confirmed }] = (await tx
      .select({ confirmed: sql<number>`count(*)::int` })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed")))) as [{ confirmed: number }];
    const over = event.capacity !== null && confirmed > event.capacity;
    await recordAudit(tx, {
      actor,
      eventId,
      action: "registration.promoted",
      summary: `Promoted ${promoted.name} <${promoted.email}> from the waitlist by hand${over ? ` (${confirmed} confirmed for ${event.capacity} seat${event.capacity === 1 ? "" : "s"})` : ""}`,
      details: { registrationId },
    });
    return {
      ok: true,
      message: `${promoted.name} is confirmed and will be emailed.${over ? ` That makes ${confirmed} confirmed for ${event.capacity} seat${event.capacity === 1 ? "" : "s"}.` : ""}`,
    } as const;
  });
}

// ── CSV export ───────────────────────────────────────────────────────────────

/** RFC 4180 quoting; cells that a spreadsheet would run as a formula are defused with a leading apostrophe. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function answerText(value: string | string[] | boolean | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  return Array.isArray(value) ? value.join("; ") : value;
}

/** UTF-8 with a byte-order mark so Excel reads "Östlund" correctly; one column per custom question. */
export async function registrationsCsv(db: Database, event: Event): Promise<string> {
  const questions = await loadQuestions(db, event.id);
  const rows: Registration[] = await db
    .select()
    .from(registrations)
    .where(eq(registrations.eventId, event.id))
    .orderBy(asc(registrations.createdAt));
  const zone = event.homeZone;
  const header = [
    "Name",
    "Email",
    "Affiliation",
    "Status",
    "Waitlist position",
    `Registered (${zone})`,
    `Confirmed (${zone})`,
    `Cancelled (${zone})`,
    `First joined (${zone})`,
    "Time zone",
    ...questions.map((q) => q.label),
  ];
  const at = (instant: Date | null) => (instant ? formatInstant(instant, zone, "sortable") : "");
  const lines = [header, ...rows.map((r) => [
    r.erasedAt ? "(erased)" : r.name,
    r.erasedAt ? "" : r.email,
    r.affiliation,
    r.status,
    r.waitlistPosition === null ? "" : String(r.waitlistPosition),
    at(r.createdAt),
    at(r.confirmedAt),
    at(r.cancelledAt),
    at(r.firstJoinedAt),
    r.timeZone,
    ...questions.map((q) => answerText(r.answers[q.id])),
  ])];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
