// The organizer's person form: one Conform form over personFormSchema, for
// adding and editing speakers, moderators and chairs. Works without JavaScript.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { personFormSchema } from "~/people/person-form";
import { FormErrors, SelectField, TextAreaField, TextField } from "./form-fields";
import { STEADY_VALIDATION } from "./form-validation";

export function PersonForm({
  defaultValue,
  lastResult,
  zones,
  submitLabel,
  isNew,
}: {
  defaultValue: Record<string, string>;
  lastResult: SubmissionResult<string[]> | undefined;
  zones: string[];
  submitLabel: string;
  isNew: boolean;
}) {
  const [form, fields] = useForm({
    id: "person-form",
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(personFormSchema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: personFormSchema }),
  });
  // A zone saved before the list changed (or an alias) stays choosable instead of silently clearing.
  const current = typeof fields.homeZone.initialValue === "string" ? fields.homeZone.initialValue : "";
  const zoneChoices = current && !zones.includes(current) ? [current, ...zones] : zones;

  return (
    <Form method="post" className="stack-form panel" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <div className="field-row field-row--name">
        <TextField field={fields.honorific} label="Honorific" optional hint="Shown before the name, e.g. Prof. or Dr." />
        <TextField field={fields.name} label="Name" autoComplete="off" hint="As the programme prints it, e.g. Erik JENELIUS." />
      </div>
      <TextField field={fields.position} label="Position" optional hint="e.g. Associate Professor, Department of Civil and Architectural Engineering" />
      <TextField field={fields.affiliation} label="Affiliation" optional hint="e.g. KTH or HKUST" />
      <TextAreaField field={fields.bio} label="Biography" optional rows={6} hint="Shown on the public speaker page." />
      <TextField field={fields.photoUrl} label="Photo link" type="url" optional hint="A square photo at https://…" />
      <SelectField
        field={fields.homeZone}
        label="Home time zone"
        optional
        emptyLabel="Not known"
        hint="Where the person usually is, so their session times can be shown in their zone."
        options={zoneChoices.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
      />
      <TextField field={fields.email} label="Email" type="email" optional autoComplete="off" hint="For speaker invitations; never shown publicly." />
      <TextField
        field={fields.slug}
        label="Address"
        optional
        hint={
          isNew
            ? "The last part of the public link /speakers/…; left empty, it is made from the name."
            : "The last part of the public link /speakers/…; changing it breaks links already shared. Left empty, it stays as it is."
        }
      />
      <div className="toolbar">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to="/admin/people" className="button button--secondary">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
