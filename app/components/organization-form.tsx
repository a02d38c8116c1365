// The organizer's organization form: one Conform form over organizationFormSchemaIn. Works without JavaScript.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { organizationFormSchemaIn } from "~/events/organization-form";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { FormErrors, TextField } from "./form-fields";
import { STEADY_VALIDATION } from "./form-validation";

export function OrganizationForm({
  defaultValue,
  lastResult,
  submitLabel,
  isNew,
}: {
  defaultValue: Record<string, string>;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
  isNew: boolean;
}) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  const schema = organizationFormSchemaIn(t);
  const [form, fields] = useForm({
    id: "organization-form",
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="stack-form panel" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.name} label={t("organizations.form.name")} autoComplete="organization" hint={t("organizations.form.nameHint")} />
      <TextField field={fields.shortName} label={t("organizations.form.shortName")} autoComplete="off" hint={t("organizations.form.shortNameHint")} />
      <TextField field={fields.websiteUrl} label={t("organizations.form.website")} type="url" optional hint={t("organizations.form.websiteHint")} />
      <TextField
        field={fields.slug}
        label={t("directory.address")}
        optional
        hint={isNew ? t("organizations.form.slugHintNew") : t("organizations.form.slugHintEdit")}
      />
      <div className="toolbar">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to="/admin/organizations" className="button button--secondary">
          {t("directory.cancel")}
        </Link>
      </div>
    </Form>
  );
}
