// The administrator's account forms: one Conform form to add an organizer and
// one to rename an account or change its role. Both work without JavaScript.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { USER_PASSWORD_MIN, USER_ROLES, userFormSchemasIn } from "~/auth/user-form";
import { CONSOLE_NAMESPACE, type Translate } from "~/i18n/translator";
import { FormErrors, SelectField, TextField } from "./form-fields";
import { STEADY_VALIDATION } from "./form-validation";

const roleOptions = (t: Translate) => USER_ROLES.map((role) => ({ value: role, label: t(`users.role.${role}`) }));

function FormButtons({ submitLabel }: { submitLabel: string }) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <div className="toolbar">
      <button type="submit" className="button">
        {submitLabel}
      </button>
      <Link to="/admin/users" className="button button--secondary">
        {t("directory.cancel")}
      </Link>
    </div>
  );
}

export function NewAccountForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  const schema = userFormSchemasIn(t).newUser;
  const [form, fields] = useForm({
    id: "new-account-form",
    lastResult,
    defaultValue: { role: "organizer" },
    constraint: getZodConstraint(schema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="stack-form panel" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.email} label={t("account.form.email")} type="email" autoComplete="off" hint={t("account.form.emailHint")} />
      <TextField field={fields.name} label={t("account.form.name")} autoComplete="off" />
      <SelectField field={fields.role} label={t("account.form.role")} hint={t("account.form.roleHint")} options={roleOptions(t)} />
      <TextField
        field={fields.password}
        label={t("account.form.password")}
        type="password"
        optional
        autoComplete="new-password"
        hint={t("account.form.passwordHint", { min: USER_PASSWORD_MIN })}
      />
      <FormButtons submitLabel={t("account.form.addSubmit")} />
    </Form>
  );
}

export function EditAccountForm({
  defaultValue,
  lastResult,
  isSelf,
}: {
  defaultValue: Record<string, string>;
  lastResult: SubmissionResult<string[]> | undefined;
  isSelf: boolean;
}) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  const schema = userFormSchemasIn(t).editUser;
  const [form, fields] = useForm({
    id: "account-form",
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="stack-form panel" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.name} label={t("account.form.name")} autoComplete="off" />
      <SelectField
        field={fields.role}
        label={t("account.form.role")}
        hint={isSelf ? t("account.form.roleHintSelf") : t("account.form.roleHint")}
        options={roleOptions(t)}
      />
      <FormButtons submitLabel={t("directory.saveChanges")} />
    </Form>
  );
}
