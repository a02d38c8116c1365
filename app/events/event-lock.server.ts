// Every change to an event, its agenda or its registrations starts by locking the
// event's row: the one serialisation point that keeps seats, positions and
// emails consistent across any number of app processes.
import { eq } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { events, type Event } from "~db/schema";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/** The event, locked FOR UPDATE until the transaction ends; undefined when it does not exist. */
export async function lockEvent(tx: Pick<Tx, "select">, eventId: string): Promise<Event | undefined> {
  const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
  return event;
}
