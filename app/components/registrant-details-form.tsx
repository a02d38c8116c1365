import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { registrantDetailsSchema, type QuestionDefinition } from "~/registrations/registration-form";
import { QuestionFields } from "./registration-form";

/** The registrant's own edit form on /r/:token: name, affiliation, zone and answers; the email stays. */
export function RegistrantDetailsForm({
  questions,
  zones,
  defaultValue,
  lastResult,
  cancelHref,
}: {
  questions: QuestionDefinition[];
  zones: string[];
  defaultValue: { name: string; affiliation: string; timeZone: string; answers: Record<string, unknown> };
  lastResult: SubmissionResult<string[]> | undefined;
  cancelHref: string;
}) {
  const schema = registrantDetailsSchema(questions);
  // Conform reads checkboxes as "on"; stored answers keep booleans.
  const initial = {
    ...defaultValue,
    answers: Object.fromEntries(Object.entries(defaultValue.answers).map(([id, v]) => [id, v === true ? "on" : v === false ? undefined : v])),
  };
  const [form, fields] = useForm({
    id: "registrant-details",
    lastResult,
    // Answers are keyed by question id at run time, so the static type cannot describe them.
    defaultValue: initial as never,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
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
        <label htmlFor={fields.name.id}>Name</label>
        <input {...getInputProps(fields.name, { type: "text" })} autoComplete="name" aria-describedby={fields.name.errors ? fields.name.errorId : undefined} />
        {errorFor(fields.name)}
      </div>
      <div className="field">
        <label htmlFor={fields.affiliation.id}>
          Affiliation <span className="field__optional">(optional)</span>
        </label>
        <input {...getInputProps(fields.affiliation, { type: "text" })} autoComplete="organization" />
        {errorFor(fields.affiliation)}
      </div>
      <div className="field">
        <label htmlFor={fields.timeZone.id}>Your time zone</label>
        <select id={fields.timeZone.id} name={fields.timeZone.name} defaultValue={defaultValue.timeZone} key={fields.timeZone.key}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, " ")}
            </option>
          ))}
        </select>
        {errorFor(fields.timeZone)}
      </div>
      <QuestionFields questions={questions} answers={fields.answers.getFieldset()} />
      <p>
        <button type="submit" className="button">
          Save my details
        </button>{" "}
        <Link to={cancelHref}>Cancel</Link>
      </p>
    </Form>
  );
}
