// An organizer recording that someone came (the join link records it by itself; people
// who joined another way, by phone or in the room, are marked by hand or through the API).
import type { Database } from "~db/client.server";
import type { Registration } from "~db/schema";
import type { Actor } from "~/audit/audit-log.server";
import { markAttended, NO_EMAIL_LINKS, organizerActor, readRegistration, refusalOf, refusalSentence, stateOf, withLockedEvent } from "./lifecycle.server";

export type AttendanceOutcome = { kind: "attended"; registration: Registration } | { kind: "refused"; message: string } | { kind: "not-found" };

export async function recordAttendance(
  db: Database,
  { eventId, registrationId, actor, now }: { eventId: string; registrationId: string; actor: Actor; now: Date },
): Promise<AttendanceOutcome> {
  const outcome = await withLockedEvent(db, { eventId, now, links: NO_EMAIL_LINKS }, async (scope): Promise<AttendanceOutcome> => {
    const registration = await readRegistration(scope, registrationId);
    if (!registration) return { kind: "not-found" };
    const result = await markAttended(scope, registration, organizerActor(actor));
    if (!result) return { kind: "refused", message: refusalSentence(refusalOf("attend", stateOf(registration)) ?? { transition: "attend", from: "attended" }) };
    return { kind: "attended", registration: result.registration };
  });
  return outcome ?? { kind: "not-found" };
}
