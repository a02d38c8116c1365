// What the event page says about registering: open or not, seats left, the
// questions to ask. Counted fresh on every load; the seat decision itself is
// made again, under a lock, when someone submits.
import { and, count, eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { registrations, type Event } from "~db/schema";
import { listTimeZones } from "~/time";
import type { QuestionDefinition } from "./registration-form";
import { loadQuestions, REFUSAL_MESSAGE } from "./registration-action.server";
import { refusalFor } from "./register.server";

export interface RegistrationPanel {
  open: boolean;
  closedMessage: string | null;
  capacity: number | null;
  seatsLeft: number | null;
  full: boolean;
  requiresApproval: boolean;
  questions: QuestionDefinition[];
  zones: string[];
}

type PanelEvent = Pick<Event, "id" | "status" | "endsAt" | "capacity" | "requiresApproval" | "registrationOpensAt" | "registrationClosesAt">;

export async function loadRegistrationPanel(db: Database, event: PanelEvent, now: Date): Promise<RegistrationPanel | null> {
  const eventId = event.id;
  const refusal = refusalFor(event, now);
  if (refusal === "ended" || refusal === "not-found") return null;
  const [counted, questions] = await Promise.all([
    db
      .select({ confirmed: count() })
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.status, "confirmed"))),
    refusal === null ? loadQuestions(db, eventId) : Promise.resolve([]),
  ]);
  const confirmed = counted[0]?.confirmed ?? 0;
  const seatsLeft = event.capacity === null ? null : Math.max(0, event.capacity - confirmed);
  return {
    open: refusal === null,
    closedMessage: refusal ? REFUSAL_MESSAGE[refusal] : null,
    capacity: event.capacity,
    seatsLeft,
    full: seatsLeft === 0,
    requiresApproval: event.requiresApproval,
    questions,
    zones: refusal === null ? listTimeZones() : [],
  };
}
