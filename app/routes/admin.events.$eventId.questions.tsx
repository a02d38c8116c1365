import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireEventAccess } from "~/auth/event-access.server";
import { PlainField } from "~/components/form-fields";
import { useResetOnSuccess } from "~/components/use-reset-on-success";
import { QUESTION_KINDS } from "~/registrations/question-kinds";
import { useTranslation } from "~/i18n/use-translation";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { handleQuestionsAction, listQuestionsForEditing } from "~/registrations/questions-admin.server";
import { ActionNotice } from "~/components/action-notice";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { event } = await requireEventAccess(context.db, request, params.eventId);
  const questions = await listQuestionsForEditing(context.db, event.id);
  return { questions: questions.map((q) => ({ id: q.id, kind: q.kind, label: q.label, required: q.required, options: q.options })) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, event } = await requireEventAccess(context.db, request, params.eventId);
  return handleQuestionsAction(context.db, request, { user, event });
}

function QuestionFields({ formId, values, errors }: { formId: string; values: Record<string, string>; errors?: Record<string, string[]> }) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  const kindOptions = QUESTION_KINDS.map((k) => ({ value: k, label: t(`questions.kind.${k}`) }));
  return (
    <>
      <PlainField id={`${formId}-label`} name="label" label={t("questions.field.label")} defaultValue={values.label} errors={errors?.label} />
      <PlainField id={`${formId}-kind`} name="kind" label={t("questions.field.kind")} options={kindOptions} defaultValue={values.kind ?? "short_text"} errors={errors?.kind} />
      <PlainField
        id={`${formId}-options`}
        name="options"
        label={t("questions.field.options")}
        optional
        rows={4}
        hint={t("questions.field.optionsHint")}
        defaultValue={values.options}
        errors={errors?.options}
      />
      <div className="field field--checkbox">
        <input type="checkbox" id={`${formId}-required`} name="required" defaultChecked={values.required === "on"} />
        <label htmlFor={`${formId}-required`}>{t("questions.field.required")}</label>
      </div>
    </>
  );
}

export default function Questions() {
  const { questions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const addFormRef = useResetOnSuccess(actionData, (result) => result.formId === "new");
  const failedFor = (formId: string) => (actionData && !actionData.ok && actionData.formId === formId ? actionData : undefined);
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">{t("questions.title")}</h2>
      <p>{t("questions.intro")}</p>
      <ActionNotice result={actionData} />
      {questions.length ? (
        <ol className="agenda-builder">
          {questions.map((q, index) => {
            const failed = failedFor(q.id);
            return (
              <li key={q.id} className="panel">
                <h3>{q.label}</h3>
                <p className="field__hint">
                  {t(q.required ? "questions.summaryRequired" : "questions.summaryOptional", { kind: t(`questions.kind.${q.kind}`) })}
                  {q.options.length ? t("questions.summaryOptions", { options: q.options.join(" · ") }) : ""}
                </p>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="questionId" value={q.id} />
                  <button type="submit" name="intent" value="up" className="button button--secondary button--small" disabled={index === 0} aria-label={t("questions.moveUpLabel", { label: q.label })}>
                    {t("questions.moveUp")}
                  </button>
                  <button type="submit" name="intent" value="down" className="button button--secondary button--small" disabled={index === questions.length - 1} aria-label={t("questions.moveDownLabel", { label: q.label })}>
                    {t("questions.moveDown")}
                  </button>
                  <button type="submit" name="intent" value="delete" className="button button--danger button--small" aria-label={t("questions.removeLabel", { label: q.label })}>
                    {t("questions.remove")}
                  </button>
                </Form>
                <details open={Boolean(failed)}>
                  <summary>{t("questions.edit", { label: q.label })}</summary>
                  <Form method="post" className="stack-form">
                    <input type="hidden" name="questionId" value={q.id} />
                    <QuestionFields
                      formId={q.id}
                      values={failed?.values ?? { label: q.label, kind: q.kind, options: q.options.join("\n"), required: q.required ? "on" : "" }}
                      errors={failed?.fieldErrors}
                    />
                    <button type="submit" name="intent" value="update" className="button">
                      {t("questions.save")}
                    </button>
                  </Form>
                </details>
              </li>
            );
          })}
        </ol>
      ) : (
        <p>{t("questions.none")}</p>
      )}
      <Form ref={addFormRef} method="post" className="stack-form panel" aria-labelledby="add-question-title">
        <h3 id="add-question-title">{t("questions.addHeading")}</h3>
        <QuestionFields formId="new" values={failedFor("new")?.values ?? {}} errors={failedFor("new")?.fieldErrors} />
        <button type="submit" name="intent" value="add" className="button">
          {t("questions.add")}
        </button>
      </Form>
    </section>
  );
}
