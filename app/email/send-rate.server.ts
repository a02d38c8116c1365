// The send rate every worker in every process shares, kept in one row of
// email_send_rate. A worker asks for the next free slot and is given an exact instant
// to send at (at most RESERVE_AHEAD_MS ahead), so the slots stay evenly spaced however
// late each worker happens to ask: nobody polls for a token and loses the time between
// the token appearing and the poll. Asking is ONE UPDATE … RETURNING, so no
// interleaving of workers can hand out one slot twice.
//
// A 429 pauses everyone until the time the provider named (Retry-After) and lowers the
// rate by a fixed share, never below a floor; the rate then climbs back within seconds.
// A provider that refuses at random (not because we were too fast) therefore costs a
// pause per refusal, not a rate that halves towards zero (issue 16). The rules live here
// in SQL alone.
import { eq, sql, type SQL } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { emailSendRate as bucket } from "~db/schema";

export interface SendRateConfig {
  /** Requests per second we may make (RESEND_RATE_PER_SECOND). */
  ratePerSecond: number;
  provider?: string;
}

/** Granted: send at `sendAt` (now or a moment later). Refused: ask again after `waitMs`. */
export type SendSlot = { granted: true; sendAt: Date } | { granted: false; waitMs: number; paused: boolean };

/**
 * Slots are spaced a little wider than the limit: a request reaches the provider a few
 * milliseconds after its slot, and that jitter must not push three requests into one
 * provider second at 2/s. 5 % wider leaves 52 ms of jitter per pair at 2/s.
 */
export const RATE_SAFETY = 0.95;
/** A worker may hold a slot this far ahead; it sleeps until then. Wider than a database round trip under load. */
export const RESERVE_AHEAD_MS = 500;
/** Each 429 multiplies the rate by this (the "multiplicative decrease")… */
export const RATE_LIMITED_FACTOR = 0.7;
/** …never below this share of the allowed rate… */
export const RATE_FLOOR_SHARE = 0.25;
/** …and it climbs back by this share of the allowed rate per second (the "additive increase"). */
export const RECOVERY_SHARE_PER_SECOND = 0.2;

const providerOf = (config: SendRateConfig) => config.provider ?? "resend";
const ts = (at: Date) => sql`${at.toISOString()}::timestamptz`;
const seconds = (from: SQL, to: SQL) => sql`extract(epoch from (${to} - ${from}))`;

/** The allowed rate: ours, capped by a lower limit the provider announced. */
function allowedRate(config: SendRateConfig): SQL {
  return sql`least(${config.ratePerSecond}::float8, coalesce(${bucket.providerLimit}, ${config.ratePerSecond}::float8))`;
}

/** Requests per second in force at `now` (before the safety margin): the allowed rate, or less while recovering from a 429. */
function rateInForce(config: SendRateConfig, now: Date): SQL {
  const cap = allowedRate(config);
  const recovered = sql`${cap} * ${RECOVERY_SHARE_PER_SECOND}::float8 * greatest(0, ${seconds(sql`${bucket.limitedAt}`, ts(now))})`;
  return sql`(case when ${bucket.reducedRate} is null or ${bucket.limitedAt} is null then ${cap}
    else least(${cap}, greatest(${cap} * ${RATE_FLOOR_SHARE}::float8, ${bucket.reducedRate} + ${recovered})) end)`;
}

/** The instant the next request may go: one interval after the last slot, never before `now` or the end of a pause. */
function nextSlotAt(config: SendRateConfig, now: Date): SQL {
  const interval = sql`greatest(0, 1 - ${bucket.tokens}) / (${rateInForce(config, now)} * ${RATE_SAFETY}::float8)`;
  return sql`greatest(${ts(now)}, ${bucket.refilledAt} + make_interval(secs => ${interval}), coalesce(${bucket.pausedUntil}, ${ts(now)}))`;
}

async function ensureBucket(db: Database, config: SendRateConfig, now: Date): Promise<void> {
  await db.insert(bucket).values({ provider: providerOf(config), tokens: 1, refilledAt: now }).onConflictDoNothing();
}

/**
 * Reserves the next send slot of the shared rate if it is at most RESERVE_AHEAD_MS away,
 * else says how long to wait before asking again. After a grant the row holds the slot
 * just given (`refilled_at`) with no token left, so the next slot is one interval later.
 */
export async function acquireSendSlot(db: Database, config: SendRateConfig, now: Date = new Date()): Promise<SendSlot> {
  const slot = nextSlotAt(config, now);
  const granted = sql`(${slot} <= ${ts(new Date(now.getTime() + RESERVE_AHEAD_MS))})`;
  const take = () =>
    db
      .update(bucket)
      .set({
        tokens: sql`case when ${granted} then 0 else ${bucket.tokens} end`,
        refilledAt: sql`case when ${granted} then ${slot} else ${bucket.refilledAt} end`,
        lastGranted: granted,
      })
      .where(eq(bucket.provider, providerOf(config)))
      // RETURNING sees the row as updated: a granted slot is `refilled_at`; a refused one is
      // still `slot`, computed from the unchanged row.
      .returning({ granted: bucket.lastGranted, grantedAt: bucket.refilledAt, nextSlot: sql<string>`${slot}`, pausedUntil: bucket.pausedUntil });
  let [row] = await take();
  if (!row) {
    await ensureBucket(db, config, now);
    [row] = await take();
  }
  if (row!.granted) return { granted: true, sendAt: row!.grantedAt };
  const nextSlot = new Date(row!.nextSlot);
  const paused = row!.pausedUntil !== null && row!.pausedUntil > now && row!.pausedUntil.getTime() >= nextSlot.getTime();
  return { granted: false, waitMs: Math.max(1, Math.ceil(nextSlot.getTime() - now.getTime() - RESERVE_AHEAD_MS)), paused };
}

/**
 * A request left `lateMs` after its slot (its worker woke late on a busy machine, or the
 * slot was "now" and the answer took a while): the slots not yet given move back as far,
 * so the request two slots on is still two intervals after this one's real departure.
 */
export async function recordLateSend(db: Database, config: SendRateConfig, lateMs: number): Promise<void> {
  await db
    .update(bucket)
    .set({ refilledAt: sql`${bucket.refilledAt} + make_interval(secs => ${lateMs / 1000}::float8)` })
    .where(eq(bucket.provider, providerOf(config)));
}

/**
 * A 429 reached one worker: nobody sends before the provider's Retry-After (else 1 s),
 * and the rate drops by RATE_LIMITED_FACTOR from where it stood, never below the floor.
 * Returns when sending may resume.
 */
export async function recordRateLimited(
  db: Database,
  config: SendRateConfig,
  { retryAfterSeconds, providerLimit }: { retryAfterSeconds?: number; providerLimit?: number },
  now: Date = new Date(),
): Promise<Date> {
  await ensureBucket(db, config, now);
  const pauseEnds = new Date(now.getTime() + (retryAfterSeconds ?? 1) * 1000);
  const lowerLimit = providerLimit !== undefined && providerLimit < config.ratePerSecond ? providerLimit : null;
  const [row] = await db
    .update(bucket)
    .set({
      pausedUntil: sql`greatest(coalesce(${bucket.pausedUntil}, ${ts(pauseEnds)}), ${ts(pauseEnds)})`,
      reducedRate: sql`greatest(${allowedRate(config)} * ${RATE_FLOOR_SHARE}::float8, ${rateInForce(config, now)} * ${RATE_LIMITED_FACTOR}::float8)`,
      // The climb back starts when sending resumes.
      limitedAt: ts(pauseEnds),
      providerLimit: lowerLimit === null ? sql`${bucket.providerLimit}` : lowerLimit,
    })
    .where(eq(bucket.provider, providerOf(config)))
    .returning({ pausedUntil: bucket.pausedUntil });
  return row!.pausedUntil!;
}

/** A successful answer announced the provider's limit; adopt it when it is lower than ours. */
export async function recordProviderLimit(db: Database, config: SendRateConfig, providerLimit: number): Promise<void> {
  const limit = providerLimit < config.ratePerSecond ? providerLimit : null;
  await db
    .update(bucket)
    .set({ providerLimit: limit })
    .where(sql`${bucket.provider} = ${providerOf(config)} and ${bucket.providerLimit} is distinct from ${limit}::float8`);
}

/** For the dashboard: the request rate in force and whether everyone is paused. */
export async function currentSendRate(
  db: Database,
  config: SendRateConfig,
  now: Date = new Date(),
): Promise<{ configured: number; current: number; pausedUntil: Date | null }> {
  const [row] = await db
    .select({ rate: rateInForce(config, now), pausedUntil: bucket.pausedUntil })
    .from(bucket)
    .where(eq(bucket.provider, providerOf(config)));
  if (!row) return { configured: config.ratePerSecond, current: config.ratePerSecond, pausedUntil: null };
  return {
    configured: config.ratePerSecond,
    current: Math.round(Number(row.rate) * 100) / 100,
    pausedUntil: row.pausedUntil && row.pausedUntil > now ? row.pausedUntil : null,
  };
}
