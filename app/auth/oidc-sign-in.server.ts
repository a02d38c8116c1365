// Sign-in through a university's identity provider: the authorization code flow with PKCE,
// state and nonce kept in the database (any process may receive the callback) and bound to
// the browser by a cookie. openid-client validates the ID token: issuer, audience, expiry,
// nonce and the signature against the provider's JWKS.
import { and, eq, gt, isNull } from "drizzle-orm";
import * as oidc from "openid-client";
import type { Database } from "~db/client.server";
import { oidcSignInFlows } from "~db/schema";
import type { Env, OidcProviderConfig } from "~/env.server";
import { hashToken } from "~/security/tokens.server";
import { bindBrowser, browserBindingHash } from "./browser-binding.server";
import { decideAccess } from "./oidc-access";
import { providerConfiguration, ProviderUnavailableError, signInFormTargets } from "./oidc-client.server";
import { accountForIdentity, auditSignIn, auditSignInRefused } from "./sign-in-accounts.server";
import { createSession, safeRedirectPath } from "./session.server";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import type { Translate } from "~/i18n/translator";

/** Long enough for a university login with two-factor authentication; a flow is used once. */
const FLOW_MINUTES = 10;

export interface SignInProblem {
  status: number;
  title: string;
  message: string;
  retryAfterSeconds?: number;
}

export type StartOutcome = { ok: true; location: string; setCookie: string | null } | { ok: false; problem: SignInProblem };
export type FinishOutcome = { ok: true; location: string; setCookie: string } | { ok: false; problem: SignInProblem };

export function findOidcProvider(env: Env, providerId: string | undefined): OidcProviderConfig | undefined {
  return env.oidcProviders.find((p) => p.id === providerId);
}

export function callbackUrl(origin: string, provider: Pick<OidcProviderConfig, "id">): string {
  return `${origin}/auth/oidc/${provider.id}/callback`;
}

function providerDown(t: Translate, provider: OidcProviderConfig): SignInProblem {
  return {
    status: 503,
    title: t("signInProblem.providerDown.title", { provider: provider.name }),
    message: t("signInProblem.providerDown.message", { provider: provider.name }),
    retryAfterSeconds: 30,
  };
}

/** The provider's login page lives off its issuer's origin, where the page's form-action policy cannot follow. */
function providerMisplaced(t: Translate, provider: OidcProviderConfig, origin: string): SignInProblem {
  return {
    status: 502,
    title: t("signInProblem.providerMisplaced.title", { provider: provider.name }),
    message: t("signInProblem.providerMisplaced.message", { provider: provider.name, origin }),
  };
}

function notCompleted(t: Translate): SignInProblem {
  return { status: 400, title: t("signInProblem.notCompleted.title"), message: t("signInProblem.notCompleted.message") };
}

function expired(t: Translate): SignInProblem {
  return { status: 400, title: t("signInProblem.expired.title"), message: t("signInProblem.expired.message") };
}

/** The problems are shown on a public page, in the reader's language. */
function readerTranslator(request: Request): Translate {
  return translatorFor(requestLocale(request));
}

/** Step 1 (the button's POST): remember state, nonce and PKCE verifier, then send the browser to the provider. */
export async function startOidcSignIn(
  db: Database,
  { env, origin, request, provider, redirectTo }: { env: Env; origin: string; request: Request; provider: OidcProviderConfig; redirectTo: unknown },
): Promise<StartOutcome> {
  const t = readerTranslator(request);
  let config: oidc.Configuration;
  try {
    config = await providerConfiguration(provider, env.PODIUM_OIDC_TIMEOUT_SECONDS);
  } catch (error) {
    if (error instanceof ProviderUnavailableError) return { ok: false, problem: providerDown(t, provider) };
    throw error;
  }
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const binding = bindBrowser(request);
  await db.insert(oidcSignInFlows).values({
    providerId: provider.id,
    stateHash: hashToken(state),
    browserHash: binding.hash,
    nonce,
    codeVerifier,
    redirectTo: safeRedirectPath(redirectTo),
    expiresAt: new Date(Date.now() + FLOW_MINUTES * 60_000),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(origin, provider),
    scope: provider.scopes,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  if (!signInFormTargets([provider]).includes(url.origin)) {
    console.error(`OIDC provider ${provider.id}: authorization endpoint ${url.origin} is not on the issuer's origin; browsers would block the redirect (CSP form-action).`);
    return { ok: false, problem: providerMisplaced(t, provider, url.origin) };
  }
  return { ok: true, location: url.href, setCookie: binding.setCookie };
}

/** A network failure or timeout talking to the provider, as opposed to an answer we refuse. */
function isUnreachable(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e.name === "TimeoutError" || e.name === "AbortError" || (e instanceof TypeError && /fetch failed/i.test(e.message))) return true;
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === "string" && /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|UND_ERR)/.test(code)) return true;
  }
  return false;
}

/** Step 2 (the provider sends the browser back): check everything, then open a session. */
export async function finishOidcSignIn(
  db: Database,
  { env, origin, request, provider }: { env: Env; origin: string; request: Request; provider: OidcProviderConfig },
): Promise<FinishOutcome> {
  const t = readerTranslator(request);
  const method = `${provider.name} (OpenID Connect)`;
  const params = new URL(request.url).searchParams;
  const state = params.get("state");
  const browser = browserBindingHash(request);
  if (params.get("error")) {
    // The person cancelled, or the provider refused them; its own words are not shown (they can be anything).
    await auditSignInRefused(db, { who: "unknown", method, reason: `the provider answered ${params.get("error")!.slice(0, 60)}` });
    return { ok: false, problem: { ...notCompleted(t), message: t("signInProblem.notCompleted.providerRefused", { provider: provider.name }) } };
  }
  if (!state || !browser) {
    await auditSignInRefused(db, { who: "unknown", method, reason: !state ? "no state" : "no sign-in cookie in this browser" });
    return { ok: false, problem: expired(t) };
  }
  // Claim the flow: matching state, this browser, this provider, unused, unexpired. Used once, whatever comes next.
  const [flow] = await db
    .update(oidcSignInFlows)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oidcSignInFlows.stateHash, hashToken(state)),
        eq(oidcSignInFlows.browserHash, browser),
        eq(oidcSignInFlows.providerId, provider.id),
        isNull(oidcSignInFlows.usedAt),
        gt(oidcSignInFlows.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!flow) {
    await auditSignInRefused(db, { who: "unknown", method, reason: "unknown, used or expired state" });
    return { ok: false, problem: expired(t) };
  }

  let claims: oidc.IDToken;
  try {
    const config = await providerConfiguration(provider, env.PODIUM_OIDC_TIMEOUT_SECONDS);
    const currentUrl = new URL(callbackUrl(origin, provider));
    currentUrl.search = new URL(request.url).search;
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims()!;
  } catch (error) {
    if (error instanceof ProviderUnavailableError || isUnreachable(error)) {
      await auditSignInRefused(db, { who: "unknown", method, reason: "the provider did not answer" });
      return { ok: false, problem: providerDown(t, provider) };
    }
    // Replayed code, wrong audience or issuer, expired or wrongly signed ID token, nonce mismatch…
    await auditSignInRefused(db, { who: "unknown", method, reason: `the provider's answer failed its checks (${describe(error)})` });
    return { ok: false, problem: notCompleted(t) };
  }

  const who = typeof claims.email === "string" ? claims.email : `${claims.iss} ${claims.sub}`;
  const access = decideAccess(provider, claims);
  if (!access.allowed) {
    await auditSignInRefused(db, { who, method, reason: "not allowed by the provider's domains or groups" });
    const message =
      access.code === "unverified-email"
        ? t("signInProblem.notAllowed.noVerifiedEmail")
        : t("signInProblem.notAllowed.notAmongAllowed", { email: access.email });
    return { ok: false, problem: { status: 403, title: t("signInProblem.notAllowed.title"), message } };
  }
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim().slice(0, 200) : access.email;
  const outcome = await accountForIdentity(db, {
    providerId: provider.id,
    providerName: provider.name,
    issuer: claims.iss,
    subject: claims.sub,
    email: access.email,
    name,
    role: access.role,
    roleFromProvider: provider.adminGroups.length > 0,
  });
  if (!outcome.ok) {
    await auditSignInRefused(db, { who, userId: outcome.user.id, method, reason: "the account is disabled" });
    return {
      ok: false,
      problem: { status: 403, title: t("signInProblem.disabled.title"), message: t("signInProblem.disabled.message") },
    };
  }
  const setCookie = await db.transaction(async (tx) => {
    await auditSignIn(tx, outcome.user, method, { providerId: provider.id, created: outcome.created });
    return createSession(tx, { user: outcome.user, request, method: `oidc:${provider.id}` });
  });
  return { ok: true, location: safeRedirectPath(flow.redirectTo), setCookie };
}

function describe(error: unknown): string {
  const e = error as { code?: unknown; error?: unknown; message?: unknown };
  const text = [e.code, e.error, e.message].filter((part) => typeof part === "string").join(": ");
  return text.slice(0, 200) || "unknown error";
}
