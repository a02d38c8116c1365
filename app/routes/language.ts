import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirectPath } from "~/auth/session.server";
import { languageCookie } from "~/i18n/request-locale.server";
import { isLocale } from "~/i18n/locales";

// The language switcher posts here (a plain form, so it works without JavaScript):
// keep the choice in a cookie and go back to the page, on this site only.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const returnTo = safeRedirectPath(form.get("returnTo"), "/");
  const lang = form.get("lang");
  if (!isLocale(lang)) return redirect(returnTo, { status: 303 });
  return redirect(returnTo, { status: 303, headers: { "Set-Cookie": languageCookie(lang) } });
}

export function loader() {
  return redirect("/");
}
