import { createHmac } from "node:crypto";
import { hashToken } from "./tokens.server";

/**
 * Private links (manage, join, speaker portal) carry tokens derived from a
 * server secret: HMAC-SHA256(secret, purpose:id:version), 256 bits, base64url.
 * The database stores only SHA-256 of each token, so its contents alone cannot
 * be turned into working links; yet every email can carry the same stable link
 * instead of invalidating the ones sent before. Raising the version revokes.
 */
export type LinkPurpose = "manage" | "join" | "speak";

export interface LinkSigner {
  origin: string;
  secret: string;
}

export function deriveToken(secret: string, purpose: LinkPurpose, id: string, version: number): string {
  return createHmac("sha256", secret).update(`${purpose}:${id}:${version}`).digest("base64url");
}

export function derivedTokenHash(secret: string, purpose: LinkPurpose, id: string, version: number): string {
  return hashToken(deriveToken(secret, purpose, id, version));
}

export function registrationTokenHashes(secret: string, id: string, version: number) {
  return {
    manageTokenHash: derivedTokenHash(secret, "manage", id, version),
    joinTokenHash: derivedTokenHash(secret, "join", id, version),
  };
}

export function registrationUrls(links: LinkSigner, registration: { id: string; tokenVersion: number }) {
  const manage = deriveToken(links.secret, "manage", registration.id, registration.tokenVersion);
  const join = deriveToken(links.secret, "join", registration.id, registration.tokenVersion);
  return {
    manageUrl: `${links.origin}/r/${manage}`,
    joinUrl: `${links.origin}/j/${join}`,
    unsubscribeUrl: `${links.origin}/r/${manage}/unsubscribe`,
  };
}
