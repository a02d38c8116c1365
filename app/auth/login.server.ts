import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { Database } from "~db/client.server";
import { hitRateLimit, peekRateLimit } from "~/security/rate-limit.server";
import { clientAddress } from "~/registrations/registration-action.server";
import { loginSchema } from "./login-form";
import { hashPassword, verifyPassword } from "./password.server";
import { createSession, safeRedirectPath } from "./session.server";
import { findUserByEmail } from "./users.server";

// A hash to verify against when the email is unknown, so the response takes
// as long as for a known email and does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
function timingDecoy(): Promise<string> {
  dummyHash ??= hashPassword("no account has this password");
  return dummyHash;
}

export async function handleLogin(db: Database, request: Request) {
  const formData = await request.formData();
  const email = String(formData.get("email") ?? "").trim().toLowerCase().slice(0, 320);
  // Every attempt from an address counts; against one account only failures count,
  // so guessing is capped while the owner signing in repeatedly is never locked out.
  const accountRule = email ? { key: `login:email:${email}`, limit: 5, windowSeconds: 900 } : null;
  const verdicts = [
    await hitRateLimit(db, { key: `login:ip:${clientAddress(request)}`, limit: 20, windowSeconds: 900 }),
    ...(accountRule ? [await peekRateLimit(db, accountRule)] : []),
  ];
  const refused = verdicts.find((v) => !v.allowed);
  if (refused) {
    const minutes = Math.ceil(refused.retryAfterSeconds / 60);
    const submission = parseWithZod(formData, { schema: loginSchema });
    return data(
      { result: submission.reply({ formErrors: [`Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`], hideFields: ["password"] }) },
      { status: 429, headers: { "Retry-After": String(refused.retryAfterSeconds) } },
    );
  }
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const user = await findUserByEmail(db, submission.value.email);
  const valid = await verifyPassword(user?.passwordHash ?? (await timingDecoy()), submission.value.password);
  if (!user || !valid || user.disabledAt) {
    if (accountRule) await hitRateLimit(db, accountRule);
    return data(
      { result: submission.reply({ formErrors: ["Email or password is incorrect."], hideFields: ["password"] }) },
      { status: 400 },
    );
  }
  const cookie = await createSession(db, { user, request });
  throw redirect(safeRedirectPath(submission.value.redirectTo), { headers: { "Set-Cookie": cookie } });
}
