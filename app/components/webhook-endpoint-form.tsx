// The webhook endpoint form: one Conform form over the endpoint schema, in the organizer's language. Works without JavaScript.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { Trans } from "react-i18next";
import { useTranslation } from "~/i18n/use-translation";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { endpointFormSchemaIn } from "~/webhooks/endpoint-form";
import { WEBHOOK_EVENT_TYPES } from "~/webhooks/event-types";
import { FieldErrors, FormErrors, SelectField, TextField } from "./form-fields";
import { STEADY_VALIDATION } from "./form-validation";

export function WebhookEndpointForm({ lastResult, eventChoices }: { lastResult: SubmissionResult<string[]> | undefined; eventChoices: { value: string; label: string }[] }) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  const endpointFormSchema = endpointFormSchemaIn(t);
  const [form, fields] = useForm({
    id: "webhook-endpoint-form",
    lastResult,
    defaultValue: { eventTypes: [...WEBHOOK_EVENT_TYPES] } as never,
    constraint: getZodConstraint(endpointFormSchema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: endpointFormSchema }),
  });
  const typesErrorId = fields.eventTypes.errorId;
  return (
    <Form method="post" className="stack-form panel" {...getFormProps(form)}>
      <FormErrors errors={form.errors} id={form.errorId} />
      <TextField field={fields.url} label={t("webhooks.form.url")} type="url" autoComplete="off" hint={t("webhooks.form.urlHint")} />
      <TextField field={fields.description} label={t("webhooks.form.description")} optional autoComplete="off" hint={t("webhooks.form.descriptionHint")} />
      <SelectField field={fields.eventId} label={t("webhooks.form.events")} options={eventChoices} emptyLabel={t("webhooks.allYourEvents")} hint={t("webhooks.form.eventsHint")} />
      <fieldset className="field field--choices" aria-describedby={fields.eventTypes.errors?.length ? typesErrorId : undefined}>
        <legend>{t("webhooks.form.eventTypes")}</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label className="choice" key={type}>
            <input
              {...getInputProps(fields.eventTypes as never, { type: "checkbox", value: type, ariaAttributes: false })}
              key={type}
              id={`${fields.eventTypes.id}-${type}`}
            />
            <span>
              {/* The catalogue's keys write the type's dot as a hyphen: a dot would nest them. */}
              <code>{type}</code> — <Trans t={t} i18nKey={`webhooks.eventType.${type.replace(".", "-")}`} components={{ code: <code /> }} />
            </span>
          </label>
        ))}
        <FieldErrors field={fields.eventTypes as never} />
      </fieldset>
      <div className="toolbar">
        <button type="submit" className="button">
          {t("webhooks.form.submit")}
        </button>
      </div>
    </Form>
  );
}
