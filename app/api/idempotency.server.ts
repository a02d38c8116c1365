// Idempotency-Key on POST (decision 019): the key is claimed before the work and completed
// with the answer, so a retry with the same key and body gets the first answer again.
import { createHash } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { apiIdempotencyKeys } from "~db/schema";
import { ApiProblem } from "./api-problem.server";
import type { TokenOwner } from "./api-tokens.server";

/** A key is remembered this long; a retry after that is a new request. */
const IDEMPOTENCY_HOURS = 24;

/** The worker forgets keys past their window, so the table does not grow for ever. */
export async function pruneIdempotencyKeys(db: Database, now: Date): Promise<void> {
  await db.delete(apiIdempotencyKeys).where(lt(apiIdempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_HOURS * 3_600_000)));
}

type Claim = { kind: "fresh"; complete(result: Response): Promise<void>; release(): Promise<void> } | { kind: "replay"; response: Response } | null;

/** Same key and same request: the first answer again. Same key, another request: refused. */
export async function claimIdempotencyKey(db: Database, owner: TokenOwner, request: Request, body: unknown, now: Date): Promise<Claim> {
  const key = request.headers.get("idempotency-key");
  if (key === null || request.method !== "POST") return null;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) throw new ApiProblem(400, "Idempotency-Key must be 1–255 visible ASCII characters.", [{ field: "Idempotency-Key", detail: "Invalid key" }]);
  const requestHash = createHash("sha256").update(`${request.method} ${new URL(request.url).pathname}\n${JSON.stringify(body ?? null)}`).digest("hex");
  const tokenId = owner.token.id;
  // A key older than the retention window is forgotten, so it may start afresh.
  await db
    .delete(apiIdempotencyKeys)
    .where(and(eq(apiIdempotencyKeys.tokenId, tokenId), eq(apiIdempotencyKeys.key, key), lt(apiIdempotencyKeys.createdAt, new Date(now.getTime() - IDEMPOTENCY_HOURS * 3_600_000))));
  const [claimed] = await db.insert(apiIdempotencyKeys).values({ tokenId, key, requestHash, createdAt: now }).onConflictDoNothing().returning();
  const where = and(eq(apiIdempotencyKeys.tokenId, tokenId), eq(apiIdempotencyKeys.key, key));
  if (claimed) {
    return {
      kind: "fresh",
      complete: async (response) => {
        const text = await response.clone().text();
        await db.update(apiIdempotencyKeys).set({ responseStatus: response.status, responseBody: text }).where(where);
      },
      release: async () => {
        await db.delete(apiIdempotencyKeys).where(and(where, isNull(apiIdempotencyKeys.responseStatus)));
      },
    };
  }
  const [existing] = await db.select().from(apiIdempotencyKeys).where(where);
  if (!existing) throw new ApiProblem(409, "A request with this Idempotency-Key was just finishing; send it again.");
  if (existing.requestHash !== requestHash) {
    throw new ApiProblem(422, "This Idempotency-Key was already used with a different request. Use a new key for a new request.", [{ field: "Idempotency-Key", detail: "Reused with another request" }]);
  }
  if (existing.responseStatus === null || existing.responseBody === null) {
    throw new ApiProblem(409, "A request with this Idempotency-Key is still being processed; try again shortly.", undefined, { "Retry-After": "1" });
  }
  const problem = existing.responseStatus >= 400;
  return {
    kind: "replay",
    response: new Response(existing.responseBody, {
      status: existing.responseStatus,
      headers: { "Content-Type": problem ? "application/problem+json" : "application/json; charset=utf-8", "Cache-Control": "no-store", "Idempotent-Replayed": "true" },
    }),
  };
}

