// The organizer's event form: one Conform form over eventFormSchema. The start
// is typed in a chosen zone; beneath it the same instant is shown in every
// display zone, recomputed as the organizer types (with JavaScript) or on
// "Preview" (without).
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { eventFormSchema, HOST_CHOICES, MAX_DISPLAY_ZONES } from "~/events/event-form";
import { HOST_ROLE_LABEL } from "~/events/labels";
import { describeStartPreview, type StartPreview } from "~/events/start-preview";
import { CheckboxField, FormErrors, SelectField, TextAreaField, TextField } from "./form-fields";
import { STEADY_VALIDATION } from "./form-validation";

export interface EventFormChoices {
  series: { id: string; title: string }[];
  organizations: { id: string; name: string; shortName: string }[];
  zones: string[];
}

function readPreviewInput(form: HTMLFormElement) {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? "").trim();
  return {
    date: text("startDate"),
    time: text("startTime"),
    zone: text("startZone"),
    durationMinutes: Number(text("durationMinutes")),
    displayZones: ["zone1", "zone2", "zone3", "zone4"].map(text).filter(Boolean),
  };
}

export function StartPreviewLine({ preview }: { preview: StartPreview }) {
  return (
    <div className="zone-preview" aria-live="polite">
      {preview.kind === "ok" ? (
        <>
          <p className="zone-preview__title">The same instant in every display zone:</p>
          <ul>
            {preview.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="zone-preview__title">{preview.message}</p>
      )}
    </div>
  );
}

export function EventForm({
  choices,
  defaultValue,
  lastResult,
  submitLabel,
  descriptionPreviewHtml,
}: {
  choices: EventFormChoices;
  defaultValue: Record<string, unknown>;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
  descriptionPreviewHtml?: string | null;
}) {
  const [form, fields] = useForm({
    id: "event-form",
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(eventFormSchema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: eventFormSchema }),
  });
  const values = (lastResult?.initialValue ?? defaultValue) as Record<string, unknown>;
  const asText = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const [preview, setPreview] = useState<StartPreview>(() =>
    describeStartPreview({
      date: asText("startDate"),
      time: asText("startTime"),
      zone: asText("startZone"),
      durationMinutes: Number(asText("durationMinutes")),
      displayZones: ["zone1", "zone2", "zone3", "zone4"].map(asText).filter(Boolean),
    }),
  );
  const hostValues = (values.hosts ?? {}) as Record<string, string>;
  // Live description preview: a short pause after typing, then the server renders and sanitises it.
  const descriptionPreview = useFetcher<{ html: string; error: string | null }>();
  const typingTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(typingTimer.current), []);
  const onDescriptionInput = (markdown: string) => {
    clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(() => descriptionPreview.submit({ descriptionMd: markdown }, { method: "post", action: "/admin/markdown-preview" }), 400);
  };
  const previewHtml = descriptionPreview.data?.html ?? descriptionPreviewHtml;
  const zoneOptions = choices.zones;

  return (
    <Form
      method="post"
      className="stack-form panel"
      {...getFormProps(form)}
      onChange={(e) => {
        setPreview(describeStartPreview(readPreviewInput(e.currentTarget)));
        const target = e.target as HTMLElement & { name?: string; value?: string };
        if (target.name === "descriptionMd") onDescriptionInput(target.value ?? "");
      }}
    >
      <FormErrors errors={form.errors} id={form.errorId} />
      <datalist id="time-zone-list">
        {zoneOptions.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>

      <fieldset className="form-section">
        <legend>What</legend>
        <TextField field={fields.title} label="Title" />
        <TextField field={fields.slug} label="Address" optional hint="The last part of the public link /events/…; left empty, it is made from the title." />
        <TextAreaField field={fields.summary} label="Summary" optional rows={2} hint="One or two sentences for listings and calendars." />
        <TextAreaField field={fields.descriptionMd} label="Description" optional rows={8} hint="Markdown: **bold**, *italic*, [links](https://…), lists." />
        <button type="submit" name="intent" value="preview" className="button button--secondary">
          Preview description and times
        </button>
        {previewHtml ? (
          <section className="prose description-preview" aria-label="Description preview">
            <div dangerouslySetInnerHTML={{ __html: previewHtml }} />
          </section>
        ) : null}
        <SelectField
          field={fields.seriesId}
          label="Series"
          optional
          emptyLabel="Not part of a series"
          options={choices.series.map((s) => ({ value: s.id, label: s.title }))}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>When</legend>
        <div className="field-row">
          <TextField field={fields.startDate} label="Start date" type="date" />
          <TextField field={fields.startTime} label="Start time" type="time" />
        </div>
        <ZoneInput field={fields.startZone} label="Time zone the start is entered in" hint="The event's home zone, e.g. Asia/Hong_Kong." />
        <TextField field={fields.durationMinutes} label="Duration in minutes" type="number" inputMode="numeric" />
        <p className="field__hint">Display zones, in the order the public page shows them (e.g. Europe/Stockholm for CET, then Asia/Hong_Kong for HKT).</p>
        <div className="field-row">
          {(["zone1", "zone2", "zone3", "zone4"] as const).slice(0, MAX_DISPLAY_ZONES).map((name, index) => (
            <ZoneInput key={name} field={fields[name]} label={`Display zone ${index + 1}`} optional={index > 0} />
          ))}
        </div>
        <StartPreviewLine preview={preview} />
      </fieldset>

      <fieldset className="form-section">
        <legend>Registration</legend>
        <TextField field={fields.capacity} label="Capacity" type="number" inputMode="numeric" optional hint="Seats; when they are taken, registrants join a waitlist. Empty: no limit." />
        <CheckboxField field={fields.requiresApproval} label="Registrations wait for an organizer's approval" />
        <div className="field-row">
          <TextField field={fields.registrationOpensDate} label="Registration opens (date)" type="date" optional />
          <TextField field={fields.registrationOpensTime} label="Registration opens (time)" type="time" optional />
        </div>
        <div className="field-row">
          <TextField field={fields.registrationClosesDate} label="Registration closes (date)" type="date" optional hint="Empty: open until the event ends." />
          <TextField field={fields.registrationClosesTime} label="Registration closes (time)" type="time" optional />
        </div>
        <TextField field={fields.reminderHours} label="Reminders, hours before the start" optional hint="Comma-separated, e.g. 24, 1. Empty: no reminders." />
        <TextField
          field={fields.joinUrl}
          label="Webinar link (private)"
          type="url"
          optional
          hint="Zoom, Teams or other link. Never shown publicly: confirmed registrants reach it through their personal join link."
        />
        <TextField field={fields.speakerCutoffHours} label="Speakers may edit until this many hours before the start" type="number" inputMode="numeric" optional />
      </fieldset>

      {choices.organizations.length > 0 ? (
        <fieldset className="form-section">
          <legend>Host organizations</legend>
          {choices.organizations.map((organization) => (
            <div className="field" key={organization.id}>
              <label htmlFor={`host-${organization.id}`}>{organization.name}</label>
              <select id={`host-${organization.id}`} name={`hosts.${organization.id}`} defaultValue={hostValues[organization.id] ?? "none"}>
                {HOST_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {choice === "none" ? "Not a host" : HOST_ROLE_LABEL[choice]}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      ) : null}

      <button type="submit" name="intent" value="save" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}

function ZoneInput({ field, label, hint, optional }: { field: Parameters<typeof TextField>[0]["field"]; label: string; hint?: string; optional?: boolean }) {
  const hintId = `${field.id}-hint`;
  return (
    <div className="field">
      <label htmlFor={field.id}>
        {label} {optional ? <span className="field__optional">(optional)</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        id={field.id}
        name={field.name}
        defaultValue={(field.initialValue as string | undefined) ?? ""}
        key={field.key}
        list="time-zone-list"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={[hint ? hintId : null, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ") || undefined}
      />
      {field.errors?.length ? (
        <p className="field-error" id={field.errorId}>
          {field.errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
