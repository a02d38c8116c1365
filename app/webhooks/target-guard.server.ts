// SSRF guard for webhook targets. An organizer types the URL, so in production it
// must never reach loopback, link-local, private or other non-public ranges. The URL
// is checked when saved (a clear message in the form) and its name resolved again at
// every delivery, because DNS may answer differently later; the connection is then
// pinned to the address that was checked (see send-webhook), so a rebinding answer
// between the check and the connect cannot switch it.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { consoleTranslatorFor } from "~/i18n/console-catalogues.server";
import type { Translate } from "~/i18n/translator";

export interface TargetPolicy {
  /** PODIUM_WEBHOOK_ALLOW_PRIVATE: development and tests deliver to loopback receivers. */
  allowPrivate: boolean;
}

/** Only ordinary public unicast: ipaddr.js names every special range (loopback, private, linkLocal, uniqueLocal, carrierGradeNat, 6to4 …) otherwise. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // ::ffff:10.0.0.1 is 10.0.0.1 to the kernel.
  return ipaddr.process(address).range() === "unicast";
}

const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, "$1");

/** The save-time check: a sentence for the form (in the console's language), or null when the URL is acceptable. */
export function urlProblem(value: string, policy: TargetPolicy, t: Translate = consoleTranslatorFor("en")): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return t("webhooks.validation.fullUrl");
  }
  if (url.protocol !== "https:" && !(policy.allowPrivate && url.protocol === "http:")) return t("webhooks.validation.httpsOnly");
  if (url.username || url.password) return t("webhooks.validation.noCredentials");
  if (url.hash) return t("webhooks.validation.noFragment");
  const host = bare(url.hostname);
  if (!policy.allowPrivate) {
    if (isIP(host) && !isPublicAddress(host)) return t("webhooks.validation.privateAddress");
    if (host === "localhost" || host.endsWith(".localhost") || !host.includes(".")) return t("webhooks.validation.localName");
  }
  return null;
}

export type ResolvedTarget = { ok: true; address: string; family: 4 | 6 } | { ok: false; reason: string };

/** Resolves the URL's host now and refuses if any of its addresses is not public (unless allowed). */
export async function resolveTarget(url: URL, policy: TargetPolicy): Promise<ResolvedTarget> {
  const host = bare(url.hostname);
  let addresses: { address: string; family: number }[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await lookup(host, { all: true, verbatim: true });
    } catch (error) {
      return { ok: false, reason: `could not resolve ${host} (${(error as NodeJS.ErrnoException).code ?? "lookup failed"})` };
    }
  }
  if (addresses.length === 0) return { ok: false, reason: `${host} has no addresses` };
  if (!policy.allowPrivate) {
    // Any non-public answer refuses the whole name: picking the public one would let a
    // hostile name keep a private answer in reserve for the next lookup.
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return { ok: false, reason: `refused: ${host} resolves to ${refused.address}, which is not a public address` };
  }
  const chosen = addresses[0]!;
  return { ok: true, address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}
