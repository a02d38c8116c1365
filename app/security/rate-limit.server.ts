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

/**
 * Counts a hit in a fixed window stored in PostgreSQL, so every app process
 * shares one budget. A single upsert both counts and reads: no race between them.
 */
export async function hitRateLimit(db: Database, rule: RateLimitRule, now: Date = new Date()): Promise<RateLimitVerdict> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: rule.key, windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { hits: sql`${rateLimits.hits} + 1` } })
    .returning({ hits: rateLimits.hits });
  const hits = row?.hits ?? 0;
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: hits <= rule.limit, retryAfterSeconds, remaining: Math.max(0, rule.limit - hits) };
}

/**
 * Counts one hit against each of several rules in ONE statement (one commit, one
 * round trip: the registration form checks its address and its email budgets
 * together). The verdict is the strictest: refused if any rule is exhausted, with
 * the longest wait among the exhausted ones. Keys must differ.
 */
export async function hitRateLimits(db: Database, rules: RateLimitRule[], now: Date = new Date()): Promise<RateLimitVerdict> {
  if (rules.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  const windows = rules.map((rule) => {
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
    return { rule, windowStart, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)) };
  });
  const rows = await countHits(db, rules.length).execute(
    Object.fromEntries(windows.flatMap(({ rule, windowStart }, i) => [[`key${i}`, rule.key], [`windowStart${i}`, windowStart]])),
  );
  const hitsByKey = new Map(rows.map((row) => [row.key, row.hits]));
  const exhausted = windows.filter(({ rule }) => (hitsByKey.get(rule.key) ?? 0) > rule.limit);
  if (exhausted.length === 0) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(...exhausted.map((w) => w.retryAfterSeconds)) };
}

// One named statement per number of rules (the registration form always has the
// same one or two), so PostgreSQL plans the upsert once per connection.
const countHitsStatements = new Map<number, ReturnType<typeof countHitsStatement>>();

function countHitsStatement(ruleCount: number) {
  return preparedStatement((db) =>
    db
      .insert(rateLimits)
      .values(Array.from({ length: ruleCount }, (_, i) => ({ key: sql.placeholder(`key${i}`), windowStart: sql.placeholder(`windowStart${i}`), hits: 1 })))
      .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { hits: sql`${rateLimits.hits} + 1` } })
      .returning({ key: rateLimits.key, hits: rateLimits.hits })
      .prepare(`rate_limit_hits_${ruleCount}`),
  );
}

function countHits(db: Database, ruleCount: number) {
  let statement = countHitsStatements.get(ruleCount);
  if (!statement) countHitsStatements.set(ruleCount, (statement = countHitsStatement(ruleCount)));
  return statement(db);
}

/**
 * Reads a budget without spending it: for limits that only failures should use up
 * (a correct password must not lock its owner out). Allowed while hits < limit.
 */
export async function peekRateLimit(db: Database, rule: RateLimitRule, now: Date = new Date()): Promise<RateLimitVerdict> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await db
    .select({ hits: rateLimits.hits })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, rule.key), eq(rateLimits.windowStart, windowStart)));
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
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
