// The organizer's series form: one Conform form over seriesFormSchema. Works without JavaScript.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { seriesFormSchema } from "~/events/series-form";
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
  const [form, fields] = useForm({
    id: "series-form",
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(seriesFormSchema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: seriesFormSchema }),
  });
  return (
    <Form method="post" className="stack-form panel" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.title} label="Title" autoComplete="off" hint="e.g. Navigating a World of Disruption" />
      <TextField
        field={fields.slug}
        label="Address"
        optional
        hint={
          isNew
            ? "The last part of the public link /series/…; left empty, it is made from the title."
            : "The last part of the public link /series/… and its calendar feed; changing it breaks subscriptions. Left empty, it stays as it is."
        }
      />
      <TextAreaField field={fields.description} label="Description" optional rows={5} hint="Shown on the public series page." />
      <div className="toolbar">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to="/admin/series" className="button button--secondary">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
