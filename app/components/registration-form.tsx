import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import type { getZodConstraint } from "@conform-to/zod";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { zoneChoiceValue } from "~/time/zone-names";
import { TimeZoneField } from "./time-zone-field";
import { HONEYPOT_FIELD, type QuestionDefinition } from "~/registrations/registration-fields";
import type { RegistrationFormValues } from "~/registrations/registration-form";
import { STEADY_VALIDATION } from "./form-validation";

/** The browser-side rules (required, maxlength…) the server derives from the form's zod schema. */
export type FormConstraint = ReturnType<typeof getZodConstraint>;

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
  const { t } = useTranslation();
  const describedBy = (errorId: string, errors: string[] | undefined) => (errors?.length ? errorId : undefined);
  return (
    <>
      {questions.map((q) => {
        const field = answers[q.id]!;
        const errorId = field.errorId;
        const label = (
          <>
            <span lang={q.shown?.lang.label}>{q.shown?.label ?? q.label}</span>
            {q.required ? null : <span className="field__optional"> {t("register.optional")}</span>}
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
                    <span lang={q.shown?.lang.options}>{q.shown?.options[index] ?? option}</span>
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

/**
 * The public registration form. Its zod schema stays on the server (decision 017):
 * the browser gets the schema's constraints, so it checks what HTML can (required,
 * lengths, an email's shape) before sending, and every other message comes back
 * from the server's parse with the person's input intact, as it does without JavaScript.
 */
export function RegistrationForm({
  questions,
  constraint,
  defaultZone,
  zoneNote,
  lastResult,
  submitLabel,
}: {
  questions: QuestionDefinition[];
  constraint: FormConstraint;
  /** The visitor's zone when their browser told us or they chose it; otherwise they must choose. */
  defaultZone: string | null;
  zoneNote: string;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [form, fields] = useForm<RegistrationFormValues>({
    id: "registration",
    lastResult,
    constraint,
    ...STEADY_VALIDATION,
  });
  const answers = fields.answers.getFieldset();
  const describedBy = (errorId: string, errors: string[] | undefined) => (errors?.length ? errorId : undefined);

  return (
    // noValidate: the server's messages, in the page beside each field, rather than the
    // browser's bubbles; the same with JavaScript or without, and on the event page's
    // documents, which ship none (decision 017).
    <Form method="post" className="stack-form" {...getFormProps(form)} noValidate>
      {form.errors?.length ? (
        <p className="notice notice--warning" id={form.errorId} role="alert">
          {form.errors.join(" ")}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor={fields.name.id}>{t("register.name")}</label>
        <input
          {...getInputProps(fields.name, { type: "text" })}
          autoComplete="name"
          aria-describedby={describedBy(fields.name.errorId, fields.name.errors)}
        />
        <FieldError id={fields.name.errorId} errors={fields.name.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.email.id}>{t("register.email")}</label>
        <input
          {...getInputProps(fields.email, { type: "email" })}
          autoComplete="email"
          aria-describedby={describedBy(fields.email.errorId, fields.email.errors)}
        />
        <FieldError id={fields.email.errorId} errors={fields.email.errors} />
      </div>
      <div className="field">
        <label htmlFor={fields.affiliation.id}>
          {t("register.affiliation")} <span className="field__optional">{t("register.optional")}</span>
        </label>
        <input
          {...getInputProps(fields.affiliation, { type: "text" })}
          autoComplete="organization"
          aria-describedby={describedBy(fields.affiliation.errorId, fields.affiliation.errors)}
        />
        <FieldError id={fields.affiliation.errorId} errors={fields.affiliation.errors} />
      </div>
      <TimeZoneField
        key={fields.timeZone.key}
        id={fields.timeZone.id}
        name={fields.timeZone.name}
        defaultValue={(fields.timeZone.initialValue as string | undefined) ?? (defaultZone ? zoneChoiceValue(defaultZone) : "")}
        prefillNote={zoneNote}
        prefilled={fields.timeZone.initialValue === undefined && defaultZone !== null}
        errorId={fields.timeZone.errorId}
        errors={fields.timeZone.errors}
      />

      <QuestionFields questions={questions} answers={answers} />

      <div className="field">
        <label className="choice">
          <input {...getInputProps(fields.consent, { type: "checkbox" })} aria-describedby={describedBy(fields.consent.errorId, fields.consent.errors)} />{" "}
          {t("register.consent")}
        </label>
        <FieldError id={fields.consent.errorId} errors={fields.consent.errors} />
      </div>

      {/* Hidden from people and assistive technology; bots fill it in. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="registration-website">{t("register.honeypot")}</label>
        <input id="registration-website" name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>

      <button type="submit" className="button button--wide" disabled={navigation.state === "submitting"}>
        {navigation.state === "submitting" ? t("register.submitting") : submitLabel}
      </button>
    </Form>
  );
}
