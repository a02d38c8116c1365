// The organizer's person form: one Conform form over personFormSchemaIn, for
// adding and editing speakers, moderators and chairs. Works without JavaScript.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { personFormSchemaIn } from "~/people/person-form";
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
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  // The schema's messages are shared with the speaker's own profile form: the interface namespace.
  const { t: tInterface } = useTranslation();
  const schema = personFormSchemaIn(tInterface);
  const [form, fields] = useForm({
    id: "person-form",
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  // A zone saved before the list changed (or an alias) stays choosable instead of silently clearing.
  const current = typeof fields.homeZone.initialValue === "string" ? fields.homeZone.initialValue : "";
  const zoneChoices = current && !zones.includes(current) ? [current, ...zones] : zones;

  return (
    <Form method="post" className="stack-form panel" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <div className="field-row field-row--name">
        <TextField field={fields.honorific} label={t("people.form.honorific")} optional hint={t("people.form.honorificHint")} />
        <TextField field={fields.name} label={t("people.form.name")} autoComplete="off" hint={t("people.form.nameHint")} />
      </div>
      <TextField field={fields.position} label={t("people.form.position")} optional hint={t("people.form.positionHint")} />
      <TextField field={fields.affiliation} label={t("people.form.affiliation")} optional hint={t("people.form.affiliationHint")} />
      <TextAreaField field={fields.bio} label={t("people.form.bio")} optional rows={6} hint={t("people.form.bioHint")} />
      <TextField field={fields.photoUrl} label={t("people.form.photoUrl")} type="url" optional hint={t("people.form.photoUrlHint")} />
      <SelectField
        field={fields.homeZone}
        label={t("people.form.homeZone")}
        optional
        emptyLabel={t("people.form.homeZoneUnknown")}
        hint={t("people.form.homeZoneHint")}
        options={zoneChoices.map((zone) => ({ value: zone, label: zone.replace(/_/g, " ") }))}
      />
      <TextField field={fields.email} label={t("people.form.email")} type="email" optional autoComplete="off" hint={t("people.form.emailHint")} />
      <TextField field={fields.slug} label={t("directory.address")} optional hint={isNew ? t("people.form.slugHintNew") : t("people.form.slugHintEdit")} />
      <div className="toolbar">
        <button type="submit" className="button">
          {submitLabel}
        </button>
        <Link to="/admin/people" className="button button--secondary">
          {t("directory.cancel")}
        </Link>
      </div>
    </Form>
  );
}
