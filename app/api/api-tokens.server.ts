// Personal access tokens for /api/v1 (decision 019): "podium_pat_" + 256 random bits,
// shown once; only the SHA-256 is stored (the same helper as every private link). A token
// acts as its owner (same ownership rule as the console), narrowed by scope and events.
import { and, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { apiTokens, events, users, type ApiToken, type ApiTokenScope, type User } from "~db/schema";
import { manageableBy } from "~/auth/event-access.server";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import { createToken, hashToken, looksLikeToken } from "~/security/tokens.server";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import type { Translate } from "~/i18n/translator";

export const TOKEN_PREFIX = "podium_pat_";
/** How much of a token the list shows so its owner can tell tokens apart (never enough to guess it). */
const DISPLAY_CHARS = TOKEN_PREFIX.length + 6;
/** last_used_at is written at most this often per token, so reads stay reads. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface TokenOwner {
  token: ApiToken;
  user: User;
}

export type CreateTokenOutcome = { ok: true; secret: string; token: ApiToken } | { ok: false; field: "eventIds"; message: string };

export async function createApiToken(
  db: Database,
  {
    user,
    name,
    scope,
    eventIds,
    t = consoleTranslatorFor("en"),
  }: { user: User; name: string; scope: ApiTokenScope; eventIds: string[] | null; /** The console's language for the refusal. */ t?: Translate },
): Promise<CreateTokenOutcome> {
  if (eventIds) {
    // Chosen events must be ones the owner manages now; another organizer's event is simply not offered.
    const ownership = manageableBy(user);
    const unique = [...new Set(eventIds)];
    const found = await db
      .select({ id: events.id })
      .from(events)
      .where(ownership ? and(inArray(events.id, unique), ownership) : inArray(events.id, unique));
    if (found.length !== unique.length || unique.length === 0) return { ok: false, field: "eventIds", message: t("apiTokens.validation.eventFromList") };
    eventIds = unique;
  }
  const { token } = createToken();
  const secret = `${TOKEN_PREFIX}${token}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: user.id, name, scope, eventIds, tokenHash: hashToken(secret), displayPrefix: secret.slice(0, DISPLAY_CHARS) })
      .returning();
    await recordAudit(tx, { actor: actorFor(user), action: "api_token.created", summary: `Created the ${scope === "write" ? "read-write" : "read-only"} API token “${name}”` });
    return { ok: true, secret, token: row! } as const;
  });
}

export async function listApiTokens(db: Pick<Database, "select">, user: Pick<User, "id">): Promise<ApiToken[]> {
  return db.select().from(apiTokens).where(eq(apiTokens.userId, user.id)).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revokes one of the user's own tokens; someone else's token is "not found". */
export async function revokeApiToken(db: Database, { user, tokenId }: { user: User; tokenId: string }): Promise<{ ok: true; name: string } | { ok: false }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, user.id), isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) return { ok: false } as const;
    await recordAudit(tx, { actor: actorFor(user), action: "api_token.revoked", summary: `Revoked the API token “${row.name}”` });
    return { ok: true, name: row.name } as const;
  });
}

/** The token's owner when the secret is a live token of an active account; null otherwise. */
export async function authenticateApiToken(db: Database, secret: string, now: Date = new Date()): Promise<TokenOwner | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || !looksLikeToken(secret.slice(TOKEN_PREFIX.length))) return null;
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(secret)), isNull(apiTokens.revokedAt), isNull(users.disabledAt)));
  if (!row) return null;
  if (!row.token.lastUsedAt || now.getTime() - row.token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
  }
  return row;
}

/**
 * The events a token may touch, as a WHERE fragment over `events`: its owner's (decision 006),
 * narrowed to the token's chosen events when it has some. Undefined: every event (an admin's all-events token).
 */
export function tokenEventFilter({ token, user }: TokenOwner) {
  const ownership = manageableBy(user);
  const chosen = token.eventIds ? inArray(events.id, token.eventIds) : undefined;
  if (ownership && chosen) return and(ownership, chosen);
  return ownership ?? chosen;
}
