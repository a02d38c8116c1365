// The organizer's event form: one Conform form over eventFormSchema. The start
// is typed in a chosen zone; beneath it the same instant is shown in every
// display zone, recomputed as the organizer types (with JavaScript) or on
// "Preview" (without).
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, useFetcher } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { eventFormSchemaIn, HOST_CHOICES, MAX_DISPLAY_ZONES } from "~/events/event-form";
import { isLocale } from "~/i18n/locales";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
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
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <div className="zone-preview" aria-live="polite">
      {preview.kind === "ok" ? (
        <>
          <p className="zone-preview__title">{t("eventForm.preview.title")}</p>
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
  const { t, i18n } = useTranslation(CONSOLE_NAMESPACE);
  const locale = isLocale(i18n.language) ? i18n.language : "en";
  const schema = useMemo(() => eventFormSchemaIn(t), [t]);
  const [form, fields] = useForm({
    id: "event-form",
    lastResult,
    defaultValue: defaultValue as never,
    constraint: getZodConstraint(schema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const values = (lastResult?.initialValue ?? defaultValue) as Record<string, unknown>;
  const asText = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const [preview, setPreview] = useState<StartPreview>(() =>
    describeStartPreview(
      {
        date: asText("startDate"),
        time: asText("startTime"),
        zone: asText("startZone"),
        durationMinutes: Number(asText("durationMinutes")),
        displayZones: ["zone1", "zone2", "zone3", "zone4"].map(asText).filter(Boolean),
      },
      { t, locale },
    ),
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
        setPreview(describeStartPreview(readPreviewInput(e.currentTarget), { t, locale }));
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
        <legend>{t("eventForm.section.what")}</legend>
        <TextField field={fields.title} label={t("eventForm.field.title")} />
        <TextField field={fields.slug} label={t("eventForm.field.slug")} optional hint={t("eventForm.field.slugHint")} />
        <TextAreaField field={fields.summary} label={t("eventForm.field.summary")} optional rows={2} hint={t("eventForm.field.summaryHint")} />
        <TextAreaField field={fields.descriptionMd} label={t("eventForm.field.description")} optional rows={8} hint={t("eventForm.field.descriptionHint")} />
        <button type="submit" name="intent" value="preview" className="button button--secondary">
          {t("eventForm.previewButton")}
        </button>
        {previewHtml ? (
          <section className="prose description-preview" aria-label={t("eventForm.descriptionPreview")}>
            <div dangerouslySetInnerHTML={{ __html: previewHtml }} />
          </section>
        ) : null}
        <SelectField
          field={fields.seriesId}
          label={t("eventForm.field.series")}
          optional
          emptyLabel={t("eventForm.field.noSeries")}
          options={choices.series.map((s) => ({ value: s.id, label: s.title }))}
        />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("eventForm.section.when")}</legend>
        <div className="field-row">
          <TextField field={fields.startDate} label={t("eventForm.field.startDate")} type="date" />
          <TextField field={fields.startTime} label={t("eventForm.field.startTime")} type="time" />
        </div>
        <ZoneInput field={fields.startZone} label={t("eventForm.field.startZone")} hint={t("eventForm.field.startZoneHint")} />
        <TextField field={fields.durationMinutes} label={t("eventForm.field.duration")} type="number" inputMode="numeric" />
        <p className="field__hint">{t("eventForm.field.displayZonesHint")}</p>
        <div className="field-row">
          {(["zone1", "zone2", "zone3", "zone4"] as const).slice(0, MAX_DISPLAY_ZONES).map((name, index) => (
            <ZoneInput key={name} field={fields[name]} label={t("eventForm.field.displayZone", { n: index + 1 })} optional={index > 0} />
          ))}
        </div>
        <StartPreviewLine preview={preview} />
      </fieldset>

      <fieldset className="form-section">
        <legend>{t("eventForm.section.registration")}</legend>
        <TextField field={fields.capacity} label={t("eventForm.field.capacity")} type="number" inputMode="numeric" optional hint={t("eventForm.field.capacityHint")} />
        <CheckboxField field={fields.requiresApproval} label={t("eventForm.field.requiresApproval")} />
        <div className="field-row">
          <TextField field={fields.registrationOpensDate} label={t("eventForm.field.opensDate")} type="date" optional />
          <TextField field={fields.registrationOpensTime} label={t("eventForm.field.opensTime")} type="time" optional />
        </div>
        <div className="field-row">
          <TextField field={fields.registrationClosesDate} label={t("eventForm.field.closesDate")} type="date" optional hint={t("eventForm.field.closesHint")} />
          <TextField field={fields.registrationClosesTime} label={t("eventForm.field.closesTime")} type="time" optional />
        </div>
        <TextField field={fields.reminderHours} label={t("eventForm.field.reminders")} optional hint={t("eventForm.field.remindersHint")} />
        <TextField
          field={fields.joinUrl}
          label={t("eventForm.field.joinUrl")}
          type="url"
          optional
          hint={t("eventForm.field.joinUrlHint")}
        />
        <TextField field={fields.speakerCutoffHours} label={t("eventForm.field.speakerCutoff")} type="number" inputMode="numeric" optional />
      </fieldset>

      {choices.organizations.length > 0 ? (
        <fieldset className="form-section">
          <legend>{t("eventForm.section.hosts")}</legend>
          {choices.organizations.map((organization) => (
            <div className="field" key={organization.id}>
              <label htmlFor={`host-${organization.id}`}>{organization.name}</label>
              <select id={`host-${organization.id}`} name={`hosts.${organization.id}`} defaultValue={hostValues[organization.id] ?? "none"}>
                {HOST_CHOICES.map((choice) => (
                  <option key={choice} value={choice}>
                    {t(`eventForm.hostRole.${choice}`)}
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
  const { t } = useTranslation();
  const hintId = `${field.id}-hint`;
  return (
    <div className="field">
      <label htmlFor={field.id}>
        {label} {optional ? <span className="field__optional">{t("form.optional")}</span> : null}
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
