// What the page cache asks before every public page: which version of the public
// content is committed now, and when the pages will next change by themselves (an
// event starting or ending, registration opening or closing). See decision 016.
import { eq, ne, sql } from "drizzle-orm";
import { embeddedClient, type Database } from "~db/client.server";
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
  /**
   * The same, or null when the database is slow or away: a read that takes longer than
   * `deadlineMs` (or fails) is given up, and for the next few seconds every caller gets null
   * at once, so no request queues behind a silent database (decision 011). The caches then
   * stand aside and the page renders as usual, which answers an outage properly.
   */
  currentWithin(deadlineMs: number): Promise<ContentSnapshot | null>;
}

/** After a read missed its deadline or failed, callers are told at once for this long. */
const STAND_ASIDE_MS = 5_000;

/** The channel migration 0017 notifies on, once per transaction that raised the version. */
const CHANGE_CHANNEL = "podium_content_version";

/**
 * Reads the version row, and the next clock change only when the version moved or the last one passed.
 * On the embedded database no other process can write, so once a read is known to be current it
 * stays current until the commit notification of the next change (decision 016, addendum).
 */
export function createContentVersionReader(db: Database, clock: () => number = Date.now): ContentVersionReader {
  const versionQuery = db
    .select({ version: contentVersions.version })
    .from(contentVersions)
    .where(eq(contentVersions.id, 1))
    .prepare("podium_content_version");
  let last: ContentSnapshot | null = null;
  /** Commits seen through notifications; a read that saw none begin meanwhile is current. */
  let changesSeen = 0;
  /** Embedded only: `last` holds every commit so far. Never set on PostgreSQL. */
  let lastIsCurrent = false;
  const embedded = embeddedClient(db);
  const listening = embedded
    ? embedded.listen(CHANGE_CHANNEL, () => {
        changesSeen += 1;
        lastIsCurrent = false;
      })
    : null;

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
    // Subscribed before the read, so no commit can fall between the read and the subscription.
    const subscribed = listening !== null && (await listening.then(() => true, () => false));
    const before = changesSeen;
    const [row] = await versionQuery.execute();
    const version = row?.version ?? 0;
    const now = clock();
    if (!(last && last.version === version && now < last.changesAt)) last = { version, changesAt: await nextClockChange(now) };
    // A notification that arrived while reading may be for a commit the read did not see.
    if (subscribed && changesSeen === before) lastIsCurrent = true;
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

  let standAsideUntil = 0;

  function current(): Promise<ContentSnapshot> {
    if (lastIsCurrent && last && clock() < last.changesAt) return Promise.resolve(last);
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
  }

  async function currentWithin(deadlineMs: number): Promise<ContentSnapshot | null> {
    if (Date.now() < standAsideUntil) return null;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), deadlineMs);
    });
    const snapshot = await Promise.race([current(), deadline]).catch(() => null);
    clearTimeout(timer);
    if (!snapshot) standAsideUntil = Date.now() + STAND_ASIDE_MS;
    return snapshot;
  }

  return { current, currentWithin };
}
