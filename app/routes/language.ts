import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { users } from "~db/schema";
import { getCurrentUser, safeRedirectPath } from "~/auth/session.server";
import { languageCookie } from "~/i18n/request-locale.server";
import { isLocale } from "~/i18n/locales";

// The language switcher posts here (a plain form, so it works without JavaScript):
// keep the choice in a cookie and go back to the page, on this site only. A signed-in
// organizer's choice is also kept on their account, for the emails Podium writes to them.
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const returnTo = safeRedirectPath(form.get("returnTo"), "/");
  const lang = form.get("lang");
  if (!isLocale(lang)) return redirect(returnTo, { status: 303 });
  const user = await getCurrentUser(context.db, request);
  if (user && user.locale !== lang) await context.db.update(users).set({ locale: lang }).where(eq(users.id, user.id));
  return redirect(returnTo, { status: 303, headers: { "Set-Cookie": languageCookie(lang) } });
}

export function loader() {
  return redirect("/");
}
