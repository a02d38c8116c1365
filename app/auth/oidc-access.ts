// Who a provider lets in, and as what: the one rule, pure so it can be property-tested.
import type { OidcProviderConfig } from "~/env.server";
import type { UserRole } from "~db/schema";

/** A refusal names its reason as a code; the sign-in page words it in the reader's language. */
export type AccessDecision = { allowed: true; role: UserRole; email: string } | { allowed: false; code: "unverified-email" | "not-allowed"; email: string };

/** Group-like claims come as a list ("groups": [...]), one string, or a space-separated string ("roles"). */
function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  if (typeof value === "string") return value.split(/\s+/).filter(Boolean);
  return [];
}

/**
 * An administrator group wins; otherwise an organizer group or a verified email in an
 * allowed domain makes an organizer. An unverified email never counts: anyone can type one.
 * Domains match exactly (kth.se does not admit evil-kth.se nor sub.kth.se unless listed).
 */
export function decideAccess(provider: Pick<OidcProviderConfig, "allowedDomains" | "groupsClaim" | "organizerGroups" | "adminGroups" | "trustEmail">, claims: Record<string, unknown>): AccessDecision {
  const email = typeof claims.email === "string" ? claims.email.trim().toLowerCase() : "";
  // Entra ID sends no email_verified: only a provider marked TRUST_EMAIL (one tenant's own directory) may skip it.
  const verified = claims.email_verified === true || claims.email_verified === "true" || (provider.trustEmail && claims.email_verified === undefined);
  if (!email || !verified || !/^[^\s@]+@[^\s@]+$/.test(email)) {
    return { allowed: false, code: "unverified-email", email };
  }
  const groups = new Set(claimValues(claims[provider.groupsClaim]));
  if (provider.adminGroups.some((g) => groups.has(g))) return { allowed: true, role: "admin", email };
  const domain = email.slice(email.lastIndexOf("@") + 1);
  if (provider.organizerGroups.some((g) => groups.has(g)) || provider.allowedDomains.includes(domain)) {
    return { allowed: true, role: "organizer", email };
  }
  return { allowed: false, code: "not-allowed", email };
}
