import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { Database } from "~db/client.server";
import { hitRateLimit } from "~/security/rate-limit.server";
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
  for (const rule of [
    { key: `login:ip:${clientAddress(request)}`, limit: 20, windowSeconds: 900 },
    ...(email ? [{ key: `login:email:${email}`, limit: 5, windowSeconds: 900 }] : []),
  ]) {
    const verdict = await hitRateLimit(db, rule);
    if (!verdict.allowed) {
      const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
      const submission = parseWithZod(formData, { schema: loginSchema });
      return data(
        { result: submission.reply({ formErrors: [`Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`], hideFields: ["password"] }) },
        { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } },
      );
    }
  }
  const submission = parseWithZod(formData, { schema: loginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const user = await findUserByEmail(db, submission.value.email);
  const valid = await verifyPassword(user?.passwordHash ?? (await timingDecoy()), submission.value.password);
  if (!user || !valid || user.disabledAt) {
    return data(
      { result: submission.reply({ formErrors: ["Email or password is incorrect."], hideFields: ["password"] }) },
      { status: 400 },
    );
  }
  const cookie = await createSession(db, { user, request });
  throw redirect(safeRedirectPath(submission.value.redirectTo), { headers: { "Set-Cookie": cookie } });
}
