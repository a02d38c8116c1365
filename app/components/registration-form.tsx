import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { HONEYPOT_FIELD, registrationFormSchema, type QuestionDefinition } from "~/registrations/registration-form";

function FieldError({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <p className="field-error" id={id}>
      {errors.join(" ")}
    </p>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are keyed by question id, known only at run time
type AnswerField = FieldMetadata<any, any, string[]>;

/** The event's own questions, shared by the registration form and the registrant's edit form. */
export function QuestionFields({ questions, answers }: { questions: QuestionDefinition[]; answers: Record<string, AnswerField> }) {
  const describedBy = (errorId: string, errors: string[] | undefined) => (errors?.length ? errorId : undefined);
  return (
    <>
      {questions.map((q) => {
        const field = answers[q.id]!;
        const errorId = field.errorId;
        const label = (
          <>
            {q.label}
            {q.required ? null : <span className="field__optional"> (optional)</span>}
          </>
        );
        switch (q.kind) {
          case "short_text":
            return (
              <div className="field" key={q.id}>
                <label htmlFor={field.id}>{label}</label>
                <input {...getInputProps(field, { type: "text" })} aria-describedby={describedBy(errorId, field.errors)} />
                <FieldError id={errorId} errors={field.errors} />
              </div>
            );
          case "long_text":
            return (
              <div className="field" key={q.id}>
                <label htmlFor={field.id}>{label}</label>
                <textarea
                  id={field.id}
                  name={field.name}
                  defaultValue={field.initialValue as string | undefined}
                  key={field.key}
                  rows={4}
                  aria-invalid={field.errors?.length ? true : undefined}
                  aria-describedby={describedBy(errorId, field.errors)}
                />
                <FieldError id={errorId} errors={field.errors} />
              </div>
            );
          case "single_choice":
          case "multiple_choice":
            return (
              <fieldset className="field field--choices" key={q.id} aria-describedby={describedBy(errorId, field.errors)}>
                <legend>{label}</legend>
                {q.options.map((option, index) => (
                  <label key={option} className="choice">
                    <input
                      type={q.kind === "single_choice" ? "radio" : "checkbox"}
                      name={field.name}
                      value={option}
                      id={`${field.id}-${index}`}
                      defaultChecked={
                        Array.isArray(field.initialValue) ? field.initialValue.includes(option) : field.initialValue === option
                      }
                    />{" "}
                    {option}
                  </label>
                ))}
                <FieldError id={errorId} errors={field.errors} />
              </fieldset>
            );
          case "checkbox":
            return (
              <div className="field" key={q.id}>
                <label className="choice">
                  <input {...getInputProps(field, { type: "checkbox" })} aria-describedby={describedBy(errorId, field.errors)} /> {label}
                </label>
                <FieldError id={errorId} errors={field.errors} />
              </div>
            );
        }
      })}

    </>
  );
}

export function RegistrationForm({
  questions,
  zones,
  defaultZone,
  lastResult,
  submitLabel,
}: {
  questions: QuestionDefinition[];
  zones: string[];
  defaultZone: string;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const schema = registrationFormSchema(questions);
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "registration",
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    defaultValue: { timeZone: defaultZone },
  });
  const answers = fields.answers.getFieldset();
  const describedBy = (errorId: string, errors: string[] | undefined) => (errors?.length ? errorId : undefined);

  return (
    <Form method="post" className="stack-form" {...getFormProps(form)}>
      {form.errors?.length ? (
        <p className="notice notice--warning" id={form.errorId} role="alert">
          {form.errors.join(" ")}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={fields.name.id}>Name</label>
        <input
          {...getInputProps(fields.name, { type: "text" })}
          autoComplete="name"
          aria-describedby={describedBy(fields.name.errorId, fields.name.errors)}
        />
        <FieldError id={fields.name.errorId} errors={fields.name.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.email.id}>Email</label>
        <input
          {...getInputProps(fields.email, { type: "email" })}
          autoComplete="email"
          aria-describedby={describedBy(fields.email.errorId, fields.email.errors)}
        />
        <FieldError id={fields.email.errorId} errors={fields.email.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.affiliation.id}>
          Affiliation <span className="field__optional">(optional)</span>
        </label>
        <input
          {...getInputProps(fields.affiliation, { type: "text" })}
          autoComplete="organization"
          aria-describedby={describedBy(fields.affiliation.errorId, fields.affiliation.errors)}
        />
        <FieldError id={fields.affiliation.errorId} errors={fields.affiliation.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.timeZone.id}>Your time zone</label>
        <select
          id={fields.timeZone.id}
          name={fields.timeZone.name}
          defaultValue={(fields.timeZone.initialValue as string | undefined) ?? defaultZone}
          key={fields.timeZone.key}
          aria-invalid={fields.timeZone.errors?.length ? true : undefined}
          aria-describedby={describedBy(fields.timeZone.errorId, fields.timeZone.errors)}
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replace(/_/g, " ")}
            </option>
          ))}
        </select>
        <FieldError id={fields.timeZone.errorId} errors={fields.timeZone.errors} />
      </div>

      <QuestionFields questions={questions} answers={answers} />

      <div className="field">
        <label className="choice">
          <input {...getInputProps(fields.consent, { type: "checkbox" })} aria-describedby={describedBy(fields.consent.errorId, fields.consent.errors)} />{" "}
          I agree that the organizers keep my name, email and answers to run this event. I can cancel and erase them at any time
          from my personal link.
        </label>
        <FieldError id={fields.consent.errorId} errors={fields.consent.errors} />
      </div>

      {/* Hidden from people and assistive technology; bots fill it in. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="registration-website">Leave this empty</label>
        <input id="registration-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button type="submit" className="button button--wide" disabled={navigation.state === "submitting"}>
        {navigation.state === "submitting" ? "Registering…" : submitLabel}
      </button>
    </Form>
  );
}
