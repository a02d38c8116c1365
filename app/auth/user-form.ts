// The administrator's account forms (add an organizer, edit one), used by the
// browser (Conform) and the server. Browser-safe: no database, no argon2.
import { z } from "zod";
import type { UserRole } from "~db/schema";

export const USER_ROLES = ["organizer", "admin"] as const satisfies readonly UserRole[];

export const USER_ROLE_LABEL: Record<UserRole, string> = {
  admin: "Administrator",
  organizer: "Organizer",
};

export const USER_NAME_MAX = 200;
export const USER_EMAIL_MAX = 254;
/** The same floor as PASSWORD_MIN_LENGTH in password.server.ts, which the browser cannot import; a test holds them equal. */
export const USER_PASSWORD_MIN = 12;
export const USER_PASSWORD_MAX = 1024;

const name = z
  .string({ required_error: "Enter the person's name" })
  .trim()
  .min(1, "Enter the person's name")
  .max(USER_NAME_MAX, `Keep the name under ${USER_NAME_MAX} characters`);

const role = z.enum(USER_ROLES, { errorMap: () => ({ message: "Choose a role: organizer or administrator" }) });

export const newUserFormSchema = z.object({
  email: z
    .string({ required_error: "Enter their email address" })
    .trim()
    .toLowerCase()
    .max(USER_EMAIL_MAX, "That email address is too long")
    .email("Enter a valid email address, like name@university.edu"),
  name,
  role,
  // Left empty, the server generates a strong one and shows it once.
  password: z
    .string()
    .min(USER_PASSWORD_MIN, `Passwords need at least ${USER_PASSWORD_MIN} characters; leave it empty to generate one`)
    .max(USER_PASSWORD_MAX, `Keep the password under ${USER_PASSWORD_MAX} characters`)
    .optional(),
});

export const editUserFormSchema = z.object({ name, role });

export type NewUserFormValues = z.infer<typeof newUserFormSchema>;
export type EditUserFormValues = z.infer<typeof editUserFormSchema>;
