// The organizer's series form: one Conform form over seriesFormSchemaIn. Works without JavaScript.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { seriesFormSchemaIn } from "~/events/series-form";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { FormErrors, TextAreaField, TextField } from "./form-fields";
import { STEADY_VALIDATION } from "./form-validation";

export function SeriesForm({
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
  const schema = seriesFormSchemaIn(t);
  const [form, fields] = useForm({
    id: "series-form",
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  return (
    <Form method="post" className="stack-form panel" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.title} label={t("series.form.title")} autoComplete="off" hint={t("series.form.titleHint")} />
      <TextField field={fields.slug} label={t("directory.address")} optional hint={isNew ? t("series.form.slugHintNew") : t("series.form.slugHintEdit")} />
      <TextAreaField field={fields.description} label={t("series.form.description")} optional rows={5} hint={t("series.form.descriptionHint")} />
      <div className="toolbar">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to="/admin/series" className="button button--secondary">
          {t("directory.cancel")}
        </Link>
      </div>
    </Form>
  );
}
