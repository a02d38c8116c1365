// Checks of the registration lifecycle's promises that read only the database:
// the seat counters, "nobody waits while a seat is free", the journal replayed
// in order (fairness), one email per journal entry, and invites whose SEQUENCE
// only rises. Used by the sequential model test and the concurrent one.
import { asc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Database } from "~db/client.server";
import { emailOutbox, events, registrationEvents, registrations, type RegistrationEventRow } from "~db/schema";
import { planEffects } from "~/registrations/registration-effects.server";
import type { RegistrationState, Transition } from "~/registrations/lifecycle.server";

export function inviteSequenceOf(content: string): number {
  const match = /^SEQUENCE:(\d+)/m.exec(content);
  if (!match) throw new Error("An invite without SEQUENCE");
  return Number(match[1]);
}

/** The counters on the event row agree with the rows, and no seat stays empty while someone waits. */
export async function expectSeatBookkeeping(db: Database, eventId: string) {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  const rows = await db.select({ status: registrations.status }).from(registrations).where(eq(registrations.eventId, eventId));
  const confirmed = rows.filter((r) => r.status === "confirmed").length;
  const waiting = rows.filter((r) => r.status === "waitlisted").length;
  expect({ seatsTaken: event!.seatsTaken, waitlistLength: event!.waitlistLength }).toEqual({ seatsTaken: confirmed, waitlistLength: waiting });
  const free = event!.capacity === null ? Infinity : event!.capacity - confirmed;
  if (waiting > 0) expect(free, "someone waits while a seat is free").toBeLessThanOrEqual(0);
  return { event: event!, confirmed, waiting };
}

/**
 * Replays the journal in order: a seat given by register or approve only when
 * nobody waited; an automatic promotion always to the lowest ticket waiting; a
 * seat out of turn only by an organizer's promote-by-hand, marked as such.
 */
export function expectFairJournal(journal: RegistrationEventRow[]) {
  const waiting = new Map<string, number>();
  for (const entry of journal) {
    const ticket = (entry.details as { waitlistTicket?: number }).waitlistTicket;
    if (entry.toState === "confirmed" && (entry.transition === "register" || entry.transition === "approve")) {
      expect(waiting.size, `${entry.transition} seated someone while ${waiting.size} waited`).toBe(0);
    }
    if (entry.transition === "promote") {
      expect(ticket, "promoted someone who was not first in the queue").toBe(Math.min(...waiting.values()));
      expect(entry.actorKind).toBe("system");
    }
    if (entry.transition === "promote-by-hand") {
      expect(entry.actorKind).toBe("organizer");
      expect((entry.details as { outOfTurn?: boolean }).outOfTurn).toBe(true);
    }
    if (entry.fromState === "waitlisted" && entry.toState !== "waitlisted") waiting.delete(entry.registrationId);
    if (entry.toState === "waitlisted") {
      expect(ticket, "a waitlisted entry without its ticket").toBeTypeOf("number");
      expect([...waiting.values()].every((t) => t < ticket!), "a ticket that does not rise").toBe(true);
      waiting.set(entry.registrationId, ticket!);
    }
  }
}

export async function loadJournal(db: Database, eventId: string) {
  return db.select().from(registrationEvents).where(eq(registrationEvents.eventId, eventId)).orderBy(asc(registrationEvents.position));
}

/**
 * Every journal entry caused exactly the email its transition should (none for
 * some), keyed by the entry; every other email is a copy for someone who
 * registered again. Every registration's invites, in journal order, rise.
 */
export async function expectEmailsFollowJournal(db: Database, eventId: string, journal: RegistrationEventRow[]) {
  const mail = await db.select().from(emailOutbox).where(eq(emailOutbox.eventId, eventId));
  const byEntry = new Map<string, typeof mail>();
  for (const row of mail) {
    const entryId = row.dedupeKey.split("/").at(-1)!;
    byEntry.set(entryId, [...(byEntry.get(entryId) ?? []), row]);
  }
  const lastSequence = new Map<string, number>();
  for (const entry of journal) {
    const sent = byEntry.get(entry.id) ?? [];
    byEntry.delete(entry.id);
    const plan = entry.transition === "unsubscribe" ? { template: null, invite: null } : planEffects(entry.transition as Transition, entry.fromState as RegistrationState | null, entry.toState as RegistrationState);
    expect(sent.map((m) => m.template), `${entry.transition} ${entry.fromState}→${entry.toState}`).toEqual(plan.template ? [plan.template] : []);
    const invite = sent[0]?.attachments[0];
    if (plan.invite) {
      expect(invite?.contentType).toContain(`method=${plan.invite}`);
      const sequence = inviteSequenceOf(invite!.content);
      expect(sequence).toBe(entry.inviteSequence);
      expect(sequence, "an invite that does not supersede the last").toBeGreaterThan(lastSequence.get(entry.registrationId) ?? -1);
      lastSequence.set(entry.registrationId, sequence);
    } else {
      expect(invite).toBeUndefined();
    }
  }
  // The rest: copies for someone who registered again, and event-wide news (moved, cancelled).
  for (const rows of byEntry.values()) for (const row of rows) expect(row.dedupeKey).toMatch(/\/copy-\d+$|^event-(changed|cancelled)\//);
  // Copies carry a SEQUENCE of their own: across everything sent, each registration's SEQUENCEs are distinct.
  const seen = new Map<string, Set<number>>();
  for (const row of mail) {
    if (!row.registrationId || row.attachments.length === 0) continue;
    const set = seen.get(row.registrationId) ?? new Set<number>();
    const sequence = inviteSequenceOf(row.attachments[0]!.content);
    expect(set.has(sequence), "two invites with one SEQUENCE").toBe(false);
    set.add(sequence);
    seen.set(row.registrationId, set);
  }
}
