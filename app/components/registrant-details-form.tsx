import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { registrantDetailsSchema, type QuestionDefinition } from "~/registrations/registration-form";
import { zoneChoiceValue } from "~/time";
import { QuestionFields } from "./registration-form";
import { STEADY_VALIDATION } from "./form-validation";
import { TimeZoneField } from "./time-zone-field";

/** The registrant's own edit form on /r/:token: name, affiliation, zone and answers; the email stays. */
export function RegistrantDetailsForm({
  questions,
  defaultValue,
  lastResult,
  cancelHref,
}: {
  questions: QuestionDefinition[];
  defaultValue: { name: string; affiliation: string; timeZone: string; answers: Record<string, unknown> };
  lastResult: SubmissionResult<string[]> | undefined;
  cancelHref: string;
}) {
  const { t } = useTranslation();
  const schema = registrantDetailsSchema(questions, undefined, t);
  // Conform reads checkboxes as "on"; stored answers keep booleans.
  const initial = {
    ...defaultValue,
    timeZone: zoneChoiceValue(defaultValue.timeZone),
    answers: Object.fromEntries(Object.entries(defaultValue.answers).map(([id, v]) => [id, v === true ? "on" : v === false ? undefined : v])),
  };
  const [form, fields] = useForm({
    id: "registrant-details",
    lastResult,
    // Answers are keyed by question id at run time, so the static type cannot describe them.
    defaultValue: initial as never,
    constraint: getZodConstraint(schema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const errorFor = (field: { errorId: string; errors?: string[] }) =>
    field.errors?.length ? (
      <p className="field-error" id={field.errorId}>
        {field.errors.join(" ")}
      </p>
    ) : null;
  return (
    <Form method="post" className="stack-form" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="update" />
      <div className="field">
        <label htmlFor={fields.name.id}>{t("registrant.name")}</label>
        <input {...getInputProps(fields.name, { type: "text" })} autoComplete="name" aria-describedby={fields.name.errors ? fields.name.errorId : undefined} />
        {errorFor(fields.name)}
      </div>
      <div className="field">
        <label htmlFor={fields.affiliation.id}>
          {t("registrant.affiliation")} <span className="field__optional">{t("register.optional")}</span>
        </label>
        <input {...getInputProps(fields.affiliation, { type: "text" })} autoComplete="organization" />
        {errorFor(fields.affiliation)}
      </div>
      <TimeZoneField
        key={fields.timeZone.key}
        id={fields.timeZone.id}
        name={fields.timeZone.name}
        defaultValue={(fields.timeZone.initialValue as string | undefined) ?? zoneChoiceValue(defaultValue.timeZone)}
        prefillNote={t("zone.emailNote")}
        prefilled={(fields.timeZone.initialValue ?? zoneChoiceValue(defaultValue.timeZone)) === zoneChoiceValue(defaultValue.timeZone)}
        errorId={fields.timeZone.errorId}
        errors={fields.timeZone.errors}
      />
      <QuestionFields questions={questions} answers={fields.answers.getFieldset()} />
      <p>
        <button type="submit" className="button">
          {t("registrant.save")}
        </button>{" "}
        <Link to={cancelHref}>{t("registrant.cancelEdit")}</Link>
      </p>
    </Form>
  );
}
