// The sign-in form's two schemas, in the reader's language (the page and the server
// build them with the same translate function, so their messages match).
import { z } from "zod";
import type { Translate } from "~/i18n/translator";

export function loginSchemaIn(t: Translate) {
  return z.object({
    email: z.string({ required_error: t("validation.emailRequired") }).trim().email(t("login.validEmail")),
    password: z.string({ required_error: t("login.enterPassword") }).max(1024),
    redirectTo: z.string().optional(),
  });
}

/** "Email me a sign-in link": the same form's email, sent with intent=link (no password needed). */
export function signInLinkSchemaIn(t: Translate) {
  return z.object({
    email: z.string({ required_error: t("validation.emailRequired") }).trim().email(t("login.validEmail")).max(320),
    redirectTo: z.string().optional(),
  });
}

export const LINK_INTENT = "link";
