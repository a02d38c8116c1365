// "Email me a sign-in link": one-time, 15-minute links, stored as SHA-256, usable only in the
// browser that asked (a cookie), sent through the outbox. Asking for a link for an address
// with no account looks exactly the same from outside: the same page, the same limits, the
// same writes (a row that opens nothing), only no email leaves.
import { and, eq, gt, isNull, ne } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { signInLinks } from "~db/schema";
import { EMAIL_PRIORITY, enqueueEmail } from "~/email/outbox.server";
import type { Env } from "~/env.server";
import { clientAddress } from "~/security/client-address.server";
import { hitRateLimit, type RateLimitRule } from "~/security/rate-limit.server";
import { createToken, hashToken, looksLikeToken } from "~/security/tokens.server";
import { bindBrowser, browserBindingHash } from "./browser-binding.server";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import type { Translate } from "~/i18n/translator";
import type { SignInProblem } from "./oidc-sign-in.server";
import { auditSignIn, auditSignInRefused } from "./sign-in-accounts.server";
import { createSession, safeRedirectPath } from "./session.server";
import { findUserByEmail } from "./users.server";

export const SIGN_IN_LINK_MINUTES = 15;

/**
 * Per account (the email address, whether or not an account has it, so a refusal reveals
 * nothing): 3 links per 15 minutes, enough for "it did not arrive, send another". Per client
 * address: 10 per 15 minutes, so one machine cannot mail-bomb a list of colleagues.
 */
export const SIGN_IN_LINK_LIMITS = {
  account: { limit: 3, windowSeconds: 15 * 60 },
  address: { limit: 10, windowSeconds: 15 * 60 },
} as const;

const METHOD = "an email link";

export function signInLinksEnabled(env: Env): boolean {
  return env.PODIUM_SIGN_IN_LINKS === "on" && env.PODIUM_REQUIRE_SSO === "off";
}

export type LinkRequestOutcome =
  | { ok: true; email: string; setCookie: string | null }
  | { ok: false; retryAfterSeconds: number };

export async function requestSignInLink(
  db: Database,
  { origin, request, email: typedEmail, redirectTo }: { origin: string; request: Request; email: string; redirectTo?: string },
): Promise<LinkRequestOutcome> {
  const email = typedEmail.trim().toLowerCase();
  const rules: RateLimitRule[] = [
    { key: `sign-in-link:address:${clientAddress(request)}`, ...SIGN_IN_LINK_LIMITS.address },
    { key: `sign-in-link:account:${email}`, ...SIGN_IN_LINK_LIMITS.account },
  ];
  for (const rule of rules) {
    const verdict = await hitRateLimit(db, rule);
    if (!verdict.allowed) return { ok: false, retryAfterSeconds: verdict.retryAfterSeconds };
  }

  const user = await findUserByEmail(db, email);
  const mayUse = user && !user.disabledAt;
  const binding = bindBrowser(request);
  const { token, hash } = createToken();
  const expiresAt = new Date(Date.now() + SIGN_IN_LINK_MINUTES * 60_000);
  await db.transaction(async (tx) => {
    const [link] = await tx
      .insert(signInLinks)
      .values({ tokenHash: hash, browserHash: binding.hash, email, userId: mayUse ? user.id : null, redirectTo: safeRedirectPath(redirectTo), expiresAt })
      .returning({ id: signInLinks.id });
    if (!mayUse) return;
    await enqueueEmail(tx, {
      dedupeKey: `sign-in-link/${link!.id}`,
      message: {
        template: "sign-in-link",
        // In the language of the page the person asked from.
        props: { recipient: { name: user.name }, signInUrl: `${origin}/login/link/${token}`, validMinutes: SIGN_IN_LINK_MINUTES, locale: requestLocale(request) },
      },
      to: { email: user.email, name: user.name },
      priority: EMAIL_PRIORITY.personal,
      // A link that arrives after it has expired is only confusing.
      expiresAt,
    });
  });
  return { ok: true, email, setCookie: binding.setCookie };
}

export type RedeemOutcome = { ok: true; location: string; setCookie: string } | { ok: false; problem: SignInProblem };

function linkNotValid(t: Translate): SignInProblem {
  return { status: 410, title: t("signInProblem.linkInvalid.title"), message: t("signInProblem.linkInvalid.message", { minutes: SIGN_IN_LINK_MINUTES }) };
}
function otherBrowser(t: Translate): SignInProblem {
  return { status: 403, title: t("signInProblem.otherBrowser.title"), message: t("signInProblem.otherBrowser.message") };
}

/** Opening the emailed link: one use, in the asking browser, for an account that may still sign in. */
export async function redeemSignInLink(db: Database, { env, request, token }: { env: Env; request: Request; token: string | undefined }): Promise<RedeemOutcome> {
  // Shown on a public page, in the reader's language.
  const t = translatorFor(requestLocale(request));
  if (!signInLinksEnabled(env)) {
    return { ok: false, problem: { status: 403, title: t("signInProblem.linksOff.title"), message: t("signInProblem.linksOff.message") } };
  }
  if (!looksLikeToken(token)) return { ok: false, problem: linkNotValid(t) };
  const [link] = await db.select().from(signInLinks).where(eq(signInLinks.tokenHash, hashToken(token)));
  if (!link?.userId || link.usedAt || link.expiresAt <= new Date()) return { ok: false, problem: linkNotValid(t) };
  // Checked before the link is spent: a mail scanner or a colleague opening it elsewhere must not burn it.
  if (browserBindingHash(request) !== link.browserHash) {
    await auditSignInRefused(db, { who: link.email, userId: link.userId, method: METHOD, reason: "opened in another browser" });
    return { ok: false, problem: otherBrowser(t) };
  }
  const [spent] = await db
    .update(signInLinks)
    .set({ usedAt: new Date() })
    .where(and(eq(signInLinks.id, link.id), isNull(signInLinks.usedAt), gt(signInLinks.expiresAt, new Date())))
    .returning();
  if (!spent) return { ok: false, problem: linkNotValid(t) };

  const user = await findUserByEmail(db, link.email);
  if (!user || user.id !== link.userId || user.disabledAt) {
    await auditSignInRefused(db, { who: link.email, userId: link.userId, method: METHOD, reason: user?.disabledAt ? "the account is disabled" : "the account changed" });
    return {
      ok: false,
      problem: { status: 403, title: t("signInProblem.disabled.linkTitle"), message: t("signInProblem.disabled.message") },
    };
  }
  const setCookie = await db.transaction(async (tx) => {
    // Signed in: any other link still waiting in the inbox is spent too.
    await tx
      .update(signInLinks)
      .set({ usedAt: new Date() })
      .where(and(eq(signInLinks.userId, user.id), isNull(signInLinks.usedAt), ne(signInLinks.id, link.id)));
    await auditSignIn(tx, user, METHOD);
    return createSession(tx, { user, request, method: "link" });
  });
  return { ok: true, location: safeRedirectPath(link.redirectTo), setCookie };
}
