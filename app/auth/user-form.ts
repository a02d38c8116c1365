// The administrator's account forms (add an organizer, edit one), used by the
// browser (Conform) and the server. Browser-safe: no database, no argon2.
import { z } from "zod";
import type { UserRole } from "~db/schema";
import type { Translate } from "~/i18n/translator";

export const USER_ROLES = ["organizer", "admin"] as const satisfies readonly UserRole[];

/** English role names, for the audit log (the console shows them through its catalogue, `users.role`). */
export const USER_ROLE_LABEL: Record<UserRole, string> = {
  admin: "Administrator",
  organizer: "Organizer",
};

export const USER_NAME_MAX = 200;
export const USER_EMAIL_MAX = 254;
/** The same floor as PASSWORD_MIN_LENGTH in password.server.ts, which the browser cannot import; a test holds them equal. */
export const USER_PASSWORD_MIN = 12;
export const USER_PASSWORD_MAX = 1024;

/** The two account forms in the administrator's language (`t`: the console translator). */
export function userFormSchemasIn(t: Translate) {
  const name = z
    .string({ required_error: t("account.nameRequired") })
    .trim()
    .min(1, t("account.nameRequired"))
    .max(USER_NAME_MAX, t("account.nameTooLong", { max: USER_NAME_MAX }));
  const role = z.enum(USER_ROLES, { errorMap: () => ({ message: t("account.chooseRole") }) });
  const newUser = z.object({
    email: z
      .string({ required_error: t("account.emailRequired") })
      .trim()
      .toLowerCase()
      .max(USER_EMAIL_MAX, t("account.emailTooLong"))
      .email(t("account.emailInvalid")),
    name,
    role,
    // Left empty, the server generates a strong one and shows it once.
    password: z
      .string()
      .min(USER_PASSWORD_MIN, t("account.passwordTooShort", { min: USER_PASSWORD_MIN }))
      .max(USER_PASSWORD_MAX, t("account.passwordTooLong", { max: USER_PASSWORD_MAX }))
      .optional(),
  });
  return { newUser, editUser: z.object({ name, role }) };
}

export type NewUserFormValues = z.infer<ReturnType<typeof userFormSchemasIn>["newUser"]>;
export type EditUserFormValues = z.infer<ReturnType<typeof userFormSchemasIn>["editUser"]>;
