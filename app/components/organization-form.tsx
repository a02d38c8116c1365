// The organizer's organization form: one Conform form over organizationFormSchema. Works without JavaScript.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { organizationFormSchema } from "~/events/organization-form";
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
  const [form, fields] = useForm({
    id: "organization-form",
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(organizationFormSchema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: organizationFormSchema }),
  });
  return (
    <Form method="post" className="stack-form panel" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.name} label="Full name" autoComplete="organization" hint="e.g. The Hong Kong University of Science and Technology" />
      <TextField field={fields.shortName} label="Short name" autoComplete="off" hint="How joint events are billed, e.g. HKUST in “HKUST × KTH”." />
      <TextField field={fields.websiteUrl} label="Website" type="url" optional hint="e.g. https://hkust.edu.hk" />
      <TextField
        field={fields.slug}
        label="Address"
        optional
        hint={isNew ? "A short identifier like hkust; left empty, it is made from the short name." : "A short identifier like hkust; left empty, it stays as it is."}
      />
      <div className="toolbar">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to="/admin/organizations" className="button button--secondary">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
