// Every change to an event, its agenda or its registrations starts by locking the
// event's row: the one serialisation point that keeps seats, positions and
// emails consistent across any number of app processes.
import { eq } from "drizzle-orm";
import { events, type Event } from "~db/schema";
import type { Tx } from "~db/records.server";


/** The event, locked FOR UPDATE until the transaction ends; undefined when it does not exist. */
export async function lockEvent(tx: Pick<Tx, "select">, eventId: string): Promise<Event | undefined> {
  const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
  return event;
}
