// Organizer accounts, managed by administrators at /admin/users: add an account
// (with a generated password shown once), rename it, change its role, disable or
// enable it, reset its password. Every route calls requireUser(…, { role: "admin" })
// before anything here runs. Each change is written in one transaction with its
// audit entry; passwords never reach the audit log.
import { randomBytes } from "node:crypto";
import { parseSubmission } from "~/security/form-submission.server";
import type { SubmissionResult } from "@conform-to/react";
import { data, redirect } from "@remix-run/node";
import { asc, count, eq, sql } from "drizzle-orm";
import type { Database } from "~db/client.server";
import { eventOrganizers, users, type User, type UserRole } from "~db/schema";
import { actorFor, recordAudit } from "~/audit/audit-log.server";
import { changedFields, type DirectoryFieldErrors, type DirectorySaveOutcome } from "~/events/directory-records.server";
import { isUniqueViolation, isUuid } from "~db/records.server";
import { hashPassword } from "./password.server";
import { revokeAllSessions } from "./session.server";
import type { Translate } from "~/i18n/translator";
import { USER_ROLE_LABEL, userFormSchemasIn, type EditUserFormValues, type NewUserFormValues } from "./user-form";
import { createUser, findUserByEmail, UserInputError } from "./users.server";

type Reader = Pick<Database, "select">;

export const USERS_PATH = "/admin/users";

function accountLabel(account: Pick<User, "name" | "email">): string {
  return `${account.name} (${account.email})`;
}

/** As the user:create script makes one: 18 random bytes, 24 URL-safe characters, 144 bits. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

/** Every account with how many events each organizes, by name. */
export async function listUsers(db: Reader) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
      eventCount: count(eventOrganizers.eventId),
    })
    .from(users)
    .leftJoin(eventOrganizers, eq(eventOrganizers.userId, users.id))
    .groupBy(users.id)
    .orderBy(asc(sql`lower(${users.name})`), asc(users.email), asc(users.id));
}

/** The account behind an /admin/users/:id URL, or null for an unknown or malformed id. */
export async function findUserForEdit(db: Reader, id: string | undefined): Promise<User | null> {
  if (!isUuid(id)) return null;
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user ?? null;
}

/** An account as the edit form shows it. */
export function userFormDefaults(user: User): Record<string, string> {
  return { name: user.name, role: user.role };
}

export type CreateUserOutcome =
  | { ok: true; record: User; generatedPassword: string | null }
  | { ok: false; fieldErrors: DirectoryFieldErrors<NewUserFormValues> };

/** Adds an account; without a password in the form, generates one and returns it so the page can show it once. */
export async function createUserFromForm(db: Database, { user, values, t }: { user: User; values: NewUserFormValues; t: Translate }): Promise<CreateUserOutcome> {
  const generatedPassword = values.password ? null : generatePassword();
  const password = values.password ?? generatedPassword!;
  try {
    return await db.transaction(async (tx) => {
      if (await findUserByEmail(tx, values.email)) return { ok: false, fieldErrors: { email: [t("account.alreadyExists", { email: values.email })] } } as const;
      const created = await createUser(tx, { email: values.email, name: values.name, role: values.role, password });
      await recordAudit(tx, {
        actor: actorFor(user),
        eventId: null,
        action: "user.created",
        summary: `Added the ${USER_ROLE_LABEL[created.role].toLowerCase()} account of ${accountLabel(created)}`,
        details: { userId: created.id, role: created.role, passwordGenerated: generatedPassword !== null },
      });
      return { ok: true, record: created, generatedPassword } as const;
    });
  } catch (error) {
    // Two administrators adding the same email at once: the unique index decides.
    if (error instanceof UserInputError || isUniqueViolation(error)) {
      if (await findUserByEmail(db, values.email)) return { ok: false, fieldErrors: { email: [t("account.alreadyExists", { email: values.email })] } };
      if (error instanceof UserInputError) return { ok: false, fieldErrors: { form: [error.message] } };
    }
    throw error;
  }
}

export type UpdateUserOutcome = DirectorySaveOutcome<User, EditUserFormValues>;

/** Renames an account or changes its role; an administrator cannot take away their own role. */
export async function updateUserFromForm(
  db: Database,
  { user, userId, values, t }: { user: User; userId: string; values: EditUserFormValues; t: Translate },
): Promise<UpdateUserOutcome> {
  if (!isUuid(userId)) return { ok: false, fieldErrors: { form: [t("account.gone")] } };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!before) return { ok: false, fieldErrors: { form: [t("account.gone")] } } as const;
    if (before.id === user.id && before.role === "admin" && values.role !== "admin") return { ok: false, fieldErrors: { role: [t("account.cannotDemoteSelf")] } } as const;
    const [after] = await tx.update(users).set({ name: values.name, role: values.role, updatedAt: new Date() }).where(eq(users.id, userId)).returning();
    const fields = changedFields(before, after!, ["name", "role"] as const);
    const roleChange = before.role !== after!.role ? ` (${USER_ROLE_LABEL[before.role].toLowerCase()} → ${USER_ROLE_LABEL[after!.role].toLowerCase()})` : "";
    await recordAudit(tx, {
      actor: actorFor(user),
      eventId: null,
      action: "user.updated",
      summary: fields.length ? `Changed ${fields.join(" and ")} of ${accountLabel(after!)}${roleChange}` : `Saved ${accountLabel(after!)} without changes`,
      details: { userId, fields, ...(roleChange ? { role: { from: before.role, to: after!.role } } : {}) },
    });
    return { ok: true, record: after! } as const;
  });
}

export type AccountChangeOutcome = { ok: true; message: string } | { ok: false; message: string };

/** Disables an account (signing it out everywhere) or enables it again; nobody can disable themself. */
export async function setUserDisabled(
  db: Database,
  { user, userId, disabled, t }: { user: User; userId: string; disabled: boolean; t: Translate },
): Promise<AccountChangeOutcome> {
  if (disabled && userId === user.id) return { ok: false, message: t("account.cannotDisableSelf") };
  if (!isUuid(userId)) return { ok: false, message: t("account.gone") };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!before) return { ok: false, message: t("account.gone") } as const;
    if ((before.disabledAt !== null) === disabled) {
      return { ok: true, message: disabled ? t("account.alreadyDisabled", { name: before.name }) : t("account.alreadyEnabled", { name: before.name }) } as const;
    }
    const now = new Date();
    await tx.update(users).set({ disabledAt: disabled ? now : null, updatedAt: now }).where(eq(users.id, userId));
    if (disabled) await revokeAllSessions(tx, userId);
    await recordAudit(tx, {
      actor: actorFor(user),
      eventId: null,
      action: disabled ? "user.disabled" : "user.enabled",
      summary: disabled ? `Disabled the account of ${accountLabel(before)} and signed it out everywhere` : `Enabled the account of ${accountLabel(before)}`,
      details: { userId },
    });
    return {
      ok: true,
      message: disabled ? t("account.disabledNotice", { name: before.name }) : t("account.enabledNotice", { name: before.name }),
    } as const;
  });
}

export type ResetPasswordOutcome = { ok: true; password: string; message: string } | { ok: false; message: string };

/** A new generated password, returned once for the page to show; every session of the account is signed out. */
export async function resetPassword(db: Database, { user, userId, t }: { user: User; userId: string; t: Translate }): Promise<ResetPasswordOutcome> {
  // Resetting one's own would sign the administrator out before they could read the new password.
  if (userId === user.id) return { ok: false, message: t("account.cannotResetSelf") };
  if (!isUuid(userId)) return { ok: false, message: t("account.gone") };
  const password = generatePassword();
  // Hashed before the transaction so the row lock is held for milliseconds, not for argon2.
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const [account] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!account) return { ok: false, message: t("account.gone") } as const;
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
    await revokeAllSessions(tx, userId);
    await recordAudit(tx, {
      actor: actorFor(user),
      eventId: null,
      action: "user.password_reset",
      summary: `Reset the password of ${accountLabel(account)} and signed it out everywhere`,
      details: { userId },
    });
    return { ok: true, password, message: t("account.passwordResetNotice", { name: account.name }) } as const;
  });
}

// ---- The route actions: parse the form, call one function above, answer. ----

export type NewUserActionData =
  | { kind: "form"; result: SubmissionResult<string[]> }
  | { kind: "created"; name: string; email: string; role: UserRole; password: string };

/** /admin/users/new: back to the list when the administrator chose the password, or the generated one shown once. */
export async function handleNewUserForm(db: Database, request: Request, { user, t }: { user: User; t: Translate }) {
  const formData = await request.formData();
  const submission = parseSubmission(formData, { schema: userFormSchemasIn(t).newUser });
  // A typed password is never echoed back into the page.
  if (submission.status !== "success") return data<NewUserActionData>({ kind: "form", result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const outcome = await createUserFromForm(db, { user, values: submission.value, t });
  if (!outcome.ok) {
    const { form, ...fieldErrors } = outcome.fieldErrors as Record<string, string[] | undefined>;
    return data<NewUserActionData>(
      { kind: "form", result: submission.reply({ fieldErrors: fieldErrors as Record<string, string[]>, formErrors: form, hideFields: ["password"] }) },
      { status: 400 },
    );
  }
  if (!outcome.generatedPassword) throw redirect(`${USERS_PATH}?notice=created`);
  const { name, email, role } = outcome.record;
  return data<NewUserActionData>({ kind: "created", name, email, role, password: outcome.generatedPassword });
}

export type EditUserActionData =
  | { kind: "form"; result: SubmissionResult<string[]> }
  | { kind: "message"; ok: boolean; message: string }
  | { kind: "password"; name: string; password: string; message: string };

/** /admin/users/:userId: save the form, disable, enable or reset the password, by the submitted intent. */
export async function handleEditUserAction(db: Database, request: Request, { user, account, t }: { user: User; account: User; t: Translate }) {
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "save": {
      const submission = parseSubmission(formData, { schema: userFormSchemasIn(t).editUser });
      if (submission.status !== "success") return data<EditUserActionData>({ kind: "form", result: submission.reply() }, { status: 400 });
      const outcome = await updateUserFromForm(db, { user, userId: account.id, values: submission.value, t });
      if (!outcome.ok) {
        const { form, ...fieldErrors } = outcome.fieldErrors as Record<string, string[] | undefined>;
        return data<EditUserActionData>({ kind: "form", result: submission.reply({ fieldErrors: fieldErrors as Record<string, string[]>, formErrors: form }) }, { status: 400 });
      }
      throw redirect(`${USERS_PATH}?notice=saved`);
    }
    case "disable":
    case "enable": {
      const outcome = await setUserDisabled(db, { user, userId: account.id, disabled: formData.get("intent") === "disable", t });
      return data<EditUserActionData>({ kind: "message", ok: outcome.ok, message: outcome.message }, { status: outcome.ok ? 200 : 400 });
    }
    case "reset-password": {
      const outcome = await resetPassword(db, { user, userId: account.id, t });
      return outcome.ok
        ? data<EditUserActionData>({ kind: "password", name: account.name, password: outcome.password, message: outcome.message })
        : data<EditUserActionData>({ kind: "message", ok: false, message: outcome.message }, { status: 400 });
    }
    default:
      return data<EditUserActionData>({ kind: "message", ok: false, message: t("account.unknownAction") }, { status: 400 });
  }
}
