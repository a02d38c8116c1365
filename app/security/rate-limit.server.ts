import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { preparedStatement } from "~db/records.server";
import { attemptThrottles, rateLimits } from "~db/schema";

export interface RateLimitRule {
  /** e.g. "register:ip:203.0.113.7" */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
  /** Hits left in this window (hitRateLimit only), for RateLimit headers. */
  remaining?: number;
}

/** The fixed window a rule is in at `now`, and the seconds until the next one starts. */
function windowOf(rule: RateLimitRule, now: Date): { windowStart: Date; retryAfterSeconds: number } {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  return { windowStart, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)) };
}

/**
 * Counts a hit in a fixed window stored in PostgreSQL, so every app process
 * shares one budget. One upsert (podium_hit_rate_limits) both counts and reads:
 * no race between them.
 */
export async function hitRateLimit(db: Database, rule: RateLimitRule, now: Date = new Date()): Promise<RateLimitVerdict> {
  const [row] = await countHits(db).execute({ limits: rateLimitWindows([rule], now).argument });
  const hits = row?.hits ?? 0;
  return { allowed: hits <= rule.limit, retryAfterSeconds: windowOf(rule, now).retryAfterSeconds, remaining: Math.max(0, rule.limit - hits) };
}

/** The SQL function that counts one hit against each of several windows; the migration holds exactly this text. */
export const HIT_RATE_LIMITS_FUNCTION = "podium_hit_rate_limits";

/**
 * Counts one hit in each window of `p_limits` ([{key, windowStart, limit}], keys distinct)
 * and says which are now past their limit. A function, so that the registration's own
 * statement (podium_register_newcomer) can count its budgets inside its transaction, with
 * no commit of their own, by the same rule as hitRateLimits.
 */
export function hitRateLimitsFunctionSql(): string {
  // PL/pgSQL, not SQL: PostgreSQL plans a SQL function's statement again on every call made
  // from another function, which cost a registration ~0.1 ms; PL/pgSQL keeps the plan per session.
  return `CREATE OR REPLACE FUNCTION ${HIT_RATE_LIMITS_FUNCTION}(p_limits jsonb)
RETURNS TABLE (key text, hits integer, over boolean) AS $fn$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  WITH wanted AS (
    SELECT l->>'key' AS key, (l->>'windowStart')::timestamptz AS window_start, (l->>'limit')::integer AS hit_limit
    FROM jsonb_array_elements(p_limits) l
  ), counted AS (
    INSERT INTO rate_limits AS r (key, window_start, hits)
    SELECT w.key, w.window_start, 1 FROM wanted w
    ON CONFLICT (key, window_start) DO UPDATE SET hits = r.hits + 1
    RETURNING r.key, r.hits
  )
  SELECT c.key, c.hits, c.hits > w.hit_limit FROM counted c JOIN wanted w ON w.key = c.key;
END;
$fn$ LANGUAGE plpgsql;`;
}

/** Several rules' windows at one instant: what the database function counts, and the verdict it leads to. */
export interface RateLimitWindows {
  /** The function's argument (JSON text). */
  argument: string;
  keys: readonly string[];
  /** Refused if any rule is past its limit, with the longest wait among those. */
  verdict(overKeys: readonly string[]): RateLimitVerdict;
}

export function rateLimitWindows(rules: readonly RateLimitRule[], now: Date): RateLimitWindows {
  const windows = rules.map((rule) => ({ rule, ...windowOf(rule, now) }));
  return {
    argument: JSON.stringify(windows.map(({ rule, windowStart }) => ({ key: rule.key, windowStart: windowStart.toISOString(), limit: rule.limit }))),
    keys: rules.map((rule) => rule.key),
    verdict(overKeys) {
      const exhausted = windows.filter(({ rule }) => overKeys.includes(rule.key));
      if (exhausted.length === 0) return { allowed: true, retryAfterSeconds: 0 };
      return { allowed: false, retryAfterSeconds: Math.max(...exhausted.map((w) => w.retryAfterSeconds)) };
    },
  };
}

// One named statement, planned once per connection.
const countHits = preparedStatement((db) =>
  db
    .select({ key: sql<string>`h.key`, hits: sql<number>`h.hits`, over: sql<boolean>`h.over` })
    .from(sql`${sql.identifier(HIT_RATE_LIMITS_FUNCTION)}(${sql.placeholder("limits")}::jsonb) as h`)
    .prepare("rate_limit_hits"),
);

/**
 * Counts one hit against each of several windows in ONE statement (one commit, one round
 * trip: the registration form counts its address and its email budgets together, here or
 * inside its own statement). The verdict is the strictest: refused if any rule is exhausted,
 * with the longest wait among the exhausted ones. Keys must differ.
 */
export async function hitRateLimitWindows(db: Database, windows: RateLimitWindows): Promise<RateLimitVerdict> {
  const rows = await countHits(db).execute({ limits: windows.argument });
  return windows.verdict(rows.filter((row) => row.over).map((row) => row.key));
}

/**
 * Reads a budget without spending it: for limits that only failures should use up
 * (a correct password must not lock its owner out). Allowed while hits < limit.
 */
export async function peekRateLimit(db: Database, rule: RateLimitRule, now: Date = new Date()): Promise<RateLimitVerdict> {
  const { windowStart, retryAfterSeconds } = windowOf(rule, now);
  const [row] = await db
    .select({ hits: rateLimits.hits })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, rule.key), eq(rateLimits.windowStart, windowStart)));
  return { allowed: (row?.hits ?? 0) < rule.limit, retryAfterSeconds };
}

/**
 * A throttle that slows down instead of locking: the first `freeAttempts` attempts
 * pass at once; after that each attempt must wait `firstDelaySeconds` after the
 * previous one, doubling with every further attempt up to `maxDelaySeconds`. A
 * key that has been quiet for `forgetAfterSeconds` starts afresh.
 */
export interface ThrottleRule {
  /** e.g. "login:address:203.0.113.7" */
  key: string;
  freeAttempts: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  forgetAfterSeconds: number;
}

/** How long after its last attempt a key with `attempts` recent attempts must wait. */
export function throttleDelaySeconds(rule: Omit<ThrottleRule, "key">, attempts: number): number {
  if (attempts < rule.freeAttempts) return 0;
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** Math.min(attempts - rule.freeAttempts, 30));
}

/**
 * Counts an attempt if the key may make one now, in one statement: the upsert only
 * updates when the key's wait is over, so parallel requests cannot slip through
 * together. Refused attempts are not counted, so waiting always ends.
 */
export async function claimAttempt(db: Database, rule: ThrottleRule, now: Date = new Date()): Promise<RateLimitVerdict> {
  const forgetBefore = new Date(now.getTime() - rule.forgetAfterSeconds * 1000);
  const t = attemptThrottles;
  const waitSeconds = sql`case when ${t.attempts} < ${rule.freeAttempts} then 0
    else least(${rule.maxDelaySeconds}::float8, ${rule.firstDelaySeconds}::float8 * power(2, least(${t.attempts} - ${rule.freeAttempts}, 30))) end`;
  const [claimed] = await db
    .insert(t)
    .values({ key: rule.key, attempts: 1, lastAttemptAt: now })
    .onConflictDoUpdate({
      target: t.key,
      // Parallel requests read the clock before they queue on this row, so a later one can
      // arrive with an earlier `now`: a free attempt is free whatever the clock says, and the
      // last attempt's time never moves backwards.
      set: {
        attempts: sql`case when ${t.lastAttemptAt} < ${forgetBefore.toISOString()} then 1 else ${t.attempts} + 1 end`,
        lastAttemptAt: sql`greatest(${t.lastAttemptAt}, ${now.toISOString()}::timestamptz)`,
      },
      setWhere: sql`${t.lastAttemptAt} < ${forgetBefore.toISOString()} or ${t.attempts} < ${rule.freeAttempts}
        or ${t.lastAttemptAt} + make_interval(secs => ${waitSeconds}) <= ${now.toISOString()}`,
    })
    .returning({ attempts: t.attempts });
  if (claimed) return { allowed: true, retryAfterSeconds: 0 };
  const [row] = await db.select().from(t).where(eq(t.key, rule.key));
  if (!row) return { allowed: true, retryAfterSeconds: 0 };
  const until = row.lastAttemptAt.getTime() + throttleDelaySeconds(rule, row.attempts) * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/** Takes back one counted attempt (it turned out well), without going below zero. */
export async function refundAttempt(db: Database, key: string): Promise<void> {
  await db
    .update(attemptThrottles)
    .set({ attempts: sql`greatest(${attemptThrottles.attempts} - 1, 0)` })
    .where(eq(attemptThrottles.key, key));
}

/** Forgets a key's attempts altogether (its owner proved who they are). */
export async function clearAttempts(db: Database, key: string): Promise<void> {
  await db.delete(attemptThrottles).where(eq(attemptThrottles.key, key));
}

/** Old windows and quiet throttles are useless; the worker calls this now and then. */
export async function pruneRateLimits(db: Database, olderThan: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, olderThan));
  await db.delete(attemptThrottles).where(lt(attemptThrottles.lastAttemptAt, olderThan));
}
