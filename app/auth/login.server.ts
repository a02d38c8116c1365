import { parseSubmission } from "~/security/form-submission.server";
import { data, redirect } from "@remix-run/node";
import type { Database } from "~db/client.server";
import { claimAttempt, clearAttempts, refundAttempt, type RateLimitVerdict, type ThrottleRule } from "~/security/rate-limit.server";
import { clientAddress } from "~/security/client-address.server";
import type { Env } from "~/env.server";
import { translatorFor } from "~/i18n/catalogues.server";
import { requestLocale } from "~/i18n/request-locale.server";
import type { Translate } from "~/i18n/translator";
import { loginSchemaIn, LINK_INTENT, signInLinkSchemaIn } from "./login-form";
import { requestSignInLink, signInLinksEnabled } from "./sign-in-link.server";
import { hashPassword, verifyPassword } from "./password.server";
import { createSession, safeRedirectPath } from "./session.server";
import { findUserByEmail } from "./users.server";
import { auditSignIn, auditSignInRefused } from "./sign-in-accounts.server";

// A hash to verify against when the email is unknown, so the response takes
// as long as for a known email and does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
function timingDecoy(): Promise<string> {
  dummyHash ??= hashPassword("no account has this password");
  return dummyHash;
}

/**
 * Sign-in throttles slow guessing down where it happens and lock nobody out:
 * - one account from one address: 3 tries at once, then 5 s, 10 s, 20 s … between
 *   tries (at most 15 minutes); signing in correctly clears it;
 * - one address, whatever the accounts: 20 failed tries, then the same doubling wait.
 * The owner signing in from anywhere that has not been guessing is never held up by
 * someone else's wrong passwords. Unknown emails are throttled exactly like known ones,
 * so the answers reveal nothing about which accounts exist.
 */
export const LOGIN_THROTTLES = {
  accountFromAddress: { freeAttempts: 3, firstDelaySeconds: 5, maxDelaySeconds: 900, forgetAfterSeconds: 3600 },
  address: { freeAttempts: 20, firstDelaySeconds: 5, maxDelaySeconds: 900, forgetAfterSeconds: 3600 },
} satisfies Record<string, Omit<ThrottleRule, "key">>;

function waitMessage(seconds: number, t: Translate): string {
  return seconds < 120 ? t("login.tooManyFailures.seconds", { count: seconds }) : t("login.tooManyFailures.minutes", { count: Math.ceil(seconds / 60) });
}

/** What the login page offers, from the configuration: the buttons, the password form, the link button. */
export function signInOptions(env: Env) {
  return {
    providers: env.oidcProviders.map((p) => ({ id: p.id, name: p.name })),
    passwords: env.PODIUM_REQUIRE_SSO === "off",
    links: signInLinksEnabled(env),
  };
}

/** The login form's two buttons: "Sign in" (password) and "Email me a sign-in link". */
export async function handleLoginForm(db: Database, { request, env, origin }: { request: Request; env: Env; origin: string }) {
  const formData = await request.formData();
  const t = translatorFor(requestLocale(request));
  if (formData.get("intent") === LINK_INTENT) return handleSignInLinkRequest(db, { request, env, origin, formData, t });
  return handleLogin(db, request, { env, formData, t });
}

async function handleSignInLinkRequest(db: Database, { request, env, origin, formData, t }: { request: Request; env: Env; origin: string; formData: FormData; t: Translate }) {
  const submission = parseSubmission(formData, { schema: signInLinkSchemaIn(t) });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  if (!signInLinksEnabled(env)) {
    return data({ result: submission.reply({ formErrors: [t("login.linksOff")] }) }, { status: 403 });
  }
  const outcome = await requestSignInLink(db, { origin, request, email: submission.value.email, redirectTo: submission.value.redirectTo });
  if (!outcome.ok) {
    return data(
      { result: submission.reply({ formErrors: [t("login.tooManyLinks", { count: Math.ceil(outcome.retryAfterSeconds / 60) })] }) },
      { status: 429, headers: { "Retry-After": String(outcome.retryAfterSeconds) } },
    );
  }
  // The same words whether or not an account has this address.
  return data(
    { result: submission.reply({ resetForm: true }), linkSentTo: outcome.email },
    { headers: outcome.setCookie ? { "Set-Cookie": outcome.setCookie } : {} },
  );
}

export async function handleLogin(db: Database, request: Request, { env, formData: given, t = translatorFor(requestLocale(request)) }: { env?: Env; formData?: FormData; t?: Translate } = {}) {
  const formData = given ?? (await request.formData());
  const submission = parseSubmission(formData, { schema: loginSchemaIn(t) });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  if (env?.PODIUM_REQUIRE_SSO === "on") {
    return data(
      { result: submission.reply({ formErrors: [t("login.passwordsOff")], hideFields: ["password"] }) },
      { status: 403 },
    );
  }
  const address = clientAddress(request);
  const email = submission.value.email.toLowerCase();
  const addressRule: ThrottleRule = { key: `login:address:${address}`, ...LOGIN_THROTTLES.address };
  const accountRule: ThrottleRule = { key: `login:account:${email}:address:${address}`, ...LOGIN_THROTTLES.accountFromAddress };

  // Every attempt is counted before the password is checked, so parallel guesses
  // cannot all slip through; one that succeeds is taken back afterwards.
  let refused: RateLimitVerdict | null = null;
  const fromAddress = await claimAttempt(db, addressRule);
  if (!fromAddress.allowed) refused = fromAddress;
  else {
    const forAccount = await claimAttempt(db, accountRule);
    if (!forAccount.allowed) {
      await refundAttempt(db, addressRule.key);
      refused = forAccount;
    }
  }
  if (refused) {
    return data(
      { result: submission.reply({ formErrors: [waitMessage(refused.retryAfterSeconds, t)], hideFields: ["password"] }) },
      { status: 429, headers: { "Retry-After": String(refused.retryAfterSeconds) } },
    );
  }

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(user?.passwordHash ?? (await timingDecoy()), submission.value.password);
  if (!user || !valid || user.disabledAt) {
    // Only failures against a real account are written down: unknown emails would let anyone fill the log.
    if (user) await auditSignInRefused(db, { who: user.email, userId: user.id, method: "a password", reason: user.disabledAt && valid ? "the account is disabled" : "wrong password" });
    return data(
      { result: submission.reply({ formErrors: [t("login.wrongPassword")], hideFields: ["password"] }) },
      { status: 400 },
    );
  }
  await clearAttempts(db, accountRule.key);
  await refundAttempt(db, addressRule.key);
  const cookie = await db.transaction(async (tx) => {
    await auditSignIn(tx, user, "a password");
    return createSession(tx, { user, request, method: "password" });
  });
  throw redirect(safeRedirectPath(submission.value.redirectTo), { headers: { "Set-Cookie": cookie } });
}
