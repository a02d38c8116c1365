import { and, eq, lt, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { rateLimits } from "~db/schema";

export interface RateLimitRule {
  /** e.g. "register:ip:203.0.113.7" */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
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
  return { allowed: hits <= rule.limit, retryAfterSeconds };
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

/** Old windows are useless; the worker calls this now and then. */
export async function pruneRateLimits(db: Database, olderThan: Date): Promise<void> {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, olderThan));
}
