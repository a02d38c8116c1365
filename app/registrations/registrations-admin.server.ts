// The organizer's registrations screen for one event: the list (search, filter),
// decisions singly and in bulk, promotion and cancellation by hand, adding
// someone by hand, and the CSV export.
import { and, asc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations, type Event, type Registration } from "~db/schema";
import type { Actor } from "~/audit/audit-log.server";
import type { LinkSigner } from "~/security/link-tokens.server";
import { formatInstant } from "~/time";
import { loadQuestions } from "./registration-action.server";
import { readRegistration, organizerActor, promoteByHand as promoteLifecycle, refusalSentence, stateOf, waitlistRanks, withLockedEvent } from "./lifecycle.server";
import type { StatusFilter } from "./registration-status";
import { escapeLikePattern } from "~db/records.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import type { Locale } from "~/i18n/locales";
import { localeOf, type Translate } from "~/i18n/translator";
import { translatorFor } from "~/i18n/catalogues.server";


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
  { query, status, limit = 500, locale = "en" }: { query: string; status: StatusFilter | null; limit?: number; locale?: Locale },
) {
  const rows = await db
    .select()
    .from(registrations)
    .where(listConditions(event.id, { query, status }))
    // Waitlist in queue order, everyone else by arrival.
    .orderBy(sql`${registrations.waitlistTicket} asc nulls last`, asc(registrations.createdAt))
    .limit(limit);
  const ranks = await waitlistRanks(db, event.id);
  return rows.map((r) => ({
    id: r.id,
    name: r.erasedAt ? consoleTranslatorFor(locale)("registrations.erased") : r.name,
    email: r.erasedAt ? "" : r.email,
    affiliation: r.affiliation,
    status: r.status,
    /** The same rank the registrant's own page shows. */
    waitlistRank: ranks.get(r.id) ?? null,
    registeredAt: formatInstant(r.createdAt, event.homeZone, "dateTime", locale),
    attended: r.firstJoinedAt !== null,
  }));
}

export type PromoteOutcome = { ok: true; message: string } | { ok: false; message: string };

/**
 * An organizer's choice: confirm someone from the waitlist now, ahead of the
 * queue and past capacity if need be. The lifecycle records it as out of turn.
 */
export async function promoteByHand(
  db: Database,
  {
    eventId,
    registrationId,
    actor,
    now,
    links,
    t = consoleTranslatorFor("en"),
  }: { eventId: string; registrationId: string; actor: Actor; now: Date; links: LinkSigner; t?: Translate },
): Promise<PromoteOutcome> {
  const outcome = await withLockedEvent(db, { eventId, now, links }, async (scope): Promise<PromoteOutcome> => {
    const waiting = await readRegistration(scope, registrationId);
    if (!waiting) return { ok: false, message: t("registrations.missing") };
    if (waiting.status !== "waitlisted") return { ok: false, message: t("registrations.notWaitlisted", { name: waiting.name, state: t(`registrations.state.${stateOf(waiting)}`) }) };
    const result = await promoteLifecycle(scope, waiting, organizerActor(actor));
    if ("refused" in result) return { ok: false, message: refusalSentence(result.refused, translatorFor(localeOf(t))) };
    const { seatsTaken, capacity } = scope.event;
    const said = [t("registrations.promoted", { name: result.registration.name })];
    if (result.jumpedAhead) said.push(t("registrations.jumped", { count: result.jumpedAhead }));
    if (result.overCapacity && capacity !== null) said.push(t("registrations.overCapacity", { count: capacity, taken: seatsTaken }));
    return { ok: true, message: said.join(t("registrations.sentenceSeparator")) };
  });
  return outcome ?? { ok: false, message: t("notice.eventGone") };
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
  const ranks = await waitlistRanks(db, event.id);
  const zone = event.homeZone;
  // The column headers (and "yes"/"no") stay English in every language: a CSV is data for other
  // systems (spreadsheets, mail tools, scripts), which read it by its column names.
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
    String(ranks.get(r.id) ?? ""),
    at(r.createdAt),
    at(r.confirmedAt),
    at(r.cancelledAt),
    at(r.firstJoinedAt),
    r.timeZone,
    ...questions.map((q) => answerText(r.answers[q.id])),
  ])];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
