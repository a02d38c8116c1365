// The administrator's account forms: one Conform form to add an organizer and
// one to rename an account or change its role. Both work without JavaScript.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { editUserFormSchema, newUserFormSchema, USER_PASSWORD_MIN, USER_ROLE_LABEL, USER_ROLES } from "~/auth/user-form";
import { FormErrors, SelectField, TextField } from "./form-fields";
import { STEADY_VALIDATION } from "./form-validation";

const ROLE_OPTIONS = USER_ROLES.map((role) => ({ value: role, label: USER_ROLE_LABEL[role] }));
const ROLE_HINT = "Organizers manage the events they organize; administrators also manage every event and these accounts.";

function FormButtons({ submitLabel }: { submitLabel: string }) {
  return (
    <div className="toolbar">
      <button type="submit" className="button">
        {submitLabel}
      </button>
      <Link to="/admin/users" className="button button--secondary">
        Cancel
      </Link>
    </div>
  );
}

export function NewAccountForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: "new-account-form",
    lastResult,
    defaultValue: { role: "organizer" },
    constraint: getZodConstraint(newUserFormSchema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: newUserFormSchema }),
  });
  return (
    <Form method="post" className="stack-form panel" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.email} label="Email" type="email" autoComplete="off" hint="They sign in with this address." />
      <TextField field={fields.name} label="Name" autoComplete="off" />
      <SelectField field={fields.role} label="Role" hint={ROLE_HINT} options={ROLE_OPTIONS} />
      <TextField
        field={fields.password}
        label="Password"
        type="password"
        optional
        autoComplete="new-password"
        hint={`At least ${USER_PASSWORD_MIN} characters. Leave it empty to generate a strong one, shown once after you add the account.`}
      />
      <FormButtons submitLabel="Add account" />
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
  const [form, fields] = useForm({
    id: "account-form",
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(editUserFormSchema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: editUserFormSchema }),
  });
  return (
    <Form method="post" className="stack-form panel" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="save" />
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.name} label="Name" autoComplete="off" />
      <SelectField field={fields.role} label="Role" hint={isSelf ? `${ROLE_HINT} You cannot remove your own administrator role.` : ROLE_HINT} options={ROLE_OPTIONS} />
      <FormButtons submitLabel="Save changes" />
    </Form>
  );
}
