// The webhook endpoint form: one Conform form over endpointFormSchema. Works without JavaScript.
import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import { endpointFormSchema } from "~/webhooks/endpoint-form";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from "~/webhooks/event-types";
import { FieldErrors, FormErrors, SelectField, TextField } from "./form-fields";
import { STEADY_VALIDATION } from "./form-validation";

export function WebhookEndpointForm({ lastResult, eventChoices }: { lastResult: SubmissionResult<string[]> | undefined; eventChoices: { value: string; label: string }[] }) {
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
      <TextField field={fields.url} label="URL" type="url" autoComplete="off" hint="Where Podium POSTs each event, e.g. https://crm.example.edu/hooks/podium. HTTPS only." />
      <TextField field={fields.description} label="Description" optional autoComplete="off" hint="For you: which system this is." />
      <SelectField field={fields.eventId} label="Events" options={eventChoices} emptyLabel="All your events" hint="Limit the endpoint to one event, or hear about all of yours." />
      <fieldset className="field field--choices" aria-describedby={fields.eventTypes.errors?.length ? typesErrorId : undefined}>
        <legend>Event types</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label className="choice" key={type}>
            <input
              {...getInputProps(fields.eventTypes as never, { type: "checkbox", value: type, ariaAttributes: false })}
              key={type}
              id={`${fields.eventTypes.id}-${type}`}
            />
            <span>
              <code>{type}</code> — {WEBHOOK_EVENT_DESCRIPTIONS[type]}
            </span>
          </label>
        ))}
        <FieldErrors field={fields.eventTypes as never} />
      </fieldset>
      <div className="toolbar">
        <button type="submit" className="button">
          Add endpoint
        </button>
      </div>
    </Form>
  );
}
