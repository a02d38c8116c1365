// What the page cache asks before every public page: which version of the public
// content is committed now, and when the pages will next change by themselves (an
// event starting or ending, registration opening or closing). See decision 016.
import { eq, ne, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { contentVersions, events } from "~db/schema";

export interface ContentSnapshot {
  /** Rises with every committed change to what public pages show (migration 0013's triggers). */
  version: number;
  /**
   * The next instant (ms since the epoch) at which some public page changes with the
   * clock alone, or Infinity. Part of the cache key: once it passes, every key changes.
   */
  changesAt: number;
}

export interface ContentVersionReader {
  /**
   * A snapshot read by a query that started after this call, so a change committed
   * before the request arrived is always in it, whichever process committed it.
   * Concurrent callers share reads: at most one runs and one waits at any time.
   */
  current(): Promise<ContentSnapshot>;
}

/** Reads the version row, and the next clock change only when the version moved or the last one passed. */
export function createContentVersionReader(db: Database, clock: () => number = Date.now): ContentVersionReader {
  const versionQuery = db
    .select({ version: contentVersions.version })
    .from(contentVersions)
    .where(eq(contentVersions.id, 1))
    .prepare("podium_content_version");
  let last: ContentSnapshot | null = null;

  async function nextClockChange(now: number): Promise<number> {
    // Bound as text and cast: the postgres driver will not serialise a Date inside sql``.
    const at = sql`${new Date(now).toISOString()}::timestamptz`;
    const later = (column: typeof events.startsAt | typeof events.registrationOpensAt) => sql`case when ${column} > ${at} then ${column} end`;
    const [row] = await db
      .select({
        next: sql<string | Date | null>`min(least(${later(events.startsAt)}, ${later(events.endsAt)}, ${later(events.registrationOpensAt)}, ${later(events.registrationClosesAt)}))`,
      })
      .from(events)
      .where(ne(events.status, "draft"));
    return row?.next ? new Date(row.next).getTime() : Infinity;
  }

  async function read(): Promise<ContentSnapshot> {
    const [row] = await versionQuery.execute();
    const version = row?.version ?? 0;
    const now = clock();
    if (last && last.version === version && now < last.changesAt) return last;
    last = { version, changesAt: await nextClockChange(now) };
    return last;
  }

  let running: Promise<ContentSnapshot> | null = null;
  let waiting: Promise<ContentSnapshot> | null = null;

  function start(): Promise<ContentSnapshot> {
    const reading = read().finally(() => {
      if (running === reading) running = null;
    });
    running = reading;
    return reading;
  }

  return {
    current() {
      if (!running) return start();
      // A read already under way may have begun before this request's change committed:
      // wait for the next one, shared by everyone who arrives in the meantime.
      if (!waiting) {
        waiting = running
          .catch(() => undefined)
          .then(() => {
            waiting = null;
            return running ?? start();
          });
      }
      return waiting;
    },
  };
}
