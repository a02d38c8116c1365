// The identity providers' metadata (endpoints, JWKS address), fetched by discovery once per
// process and kept: a login page must never wait on a university's server. Only the sign-in
// POST and the callback talk to a provider, each request bounded by PODIUM_OIDC_TIMEOUT_SECONDS.
import * as oidc from "openid-client";
import type { OidcProviderConfig } from "~/env.server";

/** A provider that did not answer discovery is asked again after this long, not on every click. */
const FAILED_DISCOVERY_RETRY_MS = 10_000;
/** Metadata and keys rotate rarely; a day-old copy is refreshed on the next sign-in. */
const DISCOVERY_MAX_AGE_MS = 24 * 3_600_000;

export class ProviderUnavailableError extends Error {
  constructor(
    readonly providerName: string,
    cause: unknown,
  ) {
    super(`${providerName} did not answer`, { cause });
  }
}

interface CacheEntry {
  at: number;
  config: Promise<oidc.Configuration>;
  failed?: boolean;
}

const cache = new Map<string, CacheEntry>();

/**
 * Plain http is accepted only for an issuer on this machine (tests, a local Keycloak);
 * every real provider speaks https, and openid-client refuses anything else for them.
 */
function isLoopback(issuer: URL): boolean {
  return issuer.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(issuer.hostname);
}

async function discover(provider: OidcProviderConfig, timeoutSeconds: number): Promise<oidc.Configuration> {
  const issuer = new URL(provider.issuer);
  const execute = isLoopback(issuer) ? [oidc.allowInsecureRequests] : [];
  const clientAuth = provider.clientSecret ? oidc.ClientSecretPost(provider.clientSecret) : oidc.None();
  // enableNonRepudiationChecks: openid-client would otherwise trust an ID token from the token
  // endpoint on TLS alone (OIDC Core 3.1.3.7 allows it); we check its signature against the JWKS too.
  return oidc.discovery(issuer, provider.clientId, undefined, clientAuth, { timeout: timeoutSeconds, execute: [...execute, oidc.enableNonRepudiationChecks] });
}

/** The provider's configuration, from this process's cache when fresh; throws ProviderUnavailableError. */
export async function providerConfiguration(provider: OidcProviderConfig, timeoutSeconds: number, now = Date.now()): Promise<oidc.Configuration> {
  const key = `${provider.id}|${provider.issuer}|${provider.clientId}`;
  const cached = cache.get(key);
  const stale = !cached || (cached.failed ? now - cached.at > FAILED_DISCOVERY_RETRY_MS : now - cached.at > DISCOVERY_MAX_AGE_MS);
  if (stale) {
    // Concurrent sign-ins share one discovery request: the promise is cached, not its result.
    const entry: CacheEntry = { at: now, config: discover(provider, timeoutSeconds) };
    entry.config.catch(() => {
      entry.failed = true;
      entry.at = Date.now();
    });
    cache.set(key, entry);
  }
  try {
    return await cache.get(key)!.config;
  } catch (error) {
    throw new ProviderUnavailableError(provider.name, error);
  }
}

/**
 * Where the sign-in button's form may lead: each provider's issuer origin. Browsers apply a
 * page's CSP form-action to every redirect after a form's POST, so without these the POST to
 * /auth/oidc/:id would be stopped silently on its way to the provider.
 */
export function signInFormTargets(providers: readonly Pick<OidcProviderConfig, "issuer">[]): string[] {
  return [...new Set(providers.map((p) => new URL(p.issuer).origin))];
}

/** Tests restart providers on new ports; production never needs this. */
export function forgetProviderConfigurations(): void {
  cache.clear();
}
