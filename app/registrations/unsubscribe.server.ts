import type { Database } from "~db/client.server";
import { findRegistrationByManageToken } from "./manage.server";
import { readRegistration, NO_EMAIL_LINKS, recordUnsubscribe, withLockedEvent } from "./lifecycle.server";

/** One-click unsubscribe from reminders and recording notices; repeat calls are harmless. */
export async function unsubscribeRegistration(db: Database, token: string | undefined, now: Date): Promise<boolean> {
  const found = await findRegistrationByManageToken(db, token);
  if (!found) return false;
  await withLockedEvent(db, { eventId: found.event.id, now, links: NO_EMAIL_LINKS }, async (scope) => {
    const registration = await readRegistration(scope, found.registration.id);
    if (registration) await recordUnsubscribe(scope, registration);
  });
  return true;
}
