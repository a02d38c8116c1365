import { createHash, randomBytes } from "node:crypto";

// Private links carry 256 random bits; only their SHA-256 is stored, so a leaked
// database cannot be turned back into working links.
const TOKEN_BYTES = 32;

export function createToken(): { token: string; hash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Cheap shape check before any database lookup: 43 base64url characters. */
export function looksLikeToken(value: string | undefined): value is string {
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value);
}
