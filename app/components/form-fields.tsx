// Labelled inputs for Conform forms: every field gets its label, optional hint
// and its errors next to it, wired with aria-describedby, so each form reads the
// same way to a screen reader and works without JavaScript.
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";

type AnyField = FieldMetadata<unknown, Record<string, unknown>, string[]>;

function describedBy(field: AnyField, hintId?: string): string | undefined {
  const ids = [hintId, field.errors?.length ? field.errorId : undefined].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function FieldErrors({ field }: { field: AnyField }) {
  return field.errors?.length ? (
    <p className="field-error" id={field.errorId}>
      {field.errors.join(" ")}
    </p>
  ) : null;
}

export function FormErrors({ errors, id }: { errors: string[] | undefined; id: string }) {
  return errors?.length ? (
    <p className="notice notice--warning" role="alert" id={id}>
      {errors.join(" ")}
    </p>
  ) : null;
}

function Label({ field, label, optional }: { field: AnyField; label: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={field.id}>
      {label} {optional ? <span className="field__optional">{t("form.optional")}</span> : null}
    </label>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p className="field__hint" id={id}>
      {hint}
    </p>
  ) : null;
}

export function TextField({
  field,
  label,
  hint,
  optional,
  type = "text",
  autoComplete,
  inputMode,
}: {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  type?: "text" | "email" | "url" | "date" | "time" | "number" | "password" | "search";
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "text" | "url" | "email";
}) {
  const hintId = `${field.id}-hint`;
  return (
    <div className="field">
      <Label field={field} label={label} optional={optional} />
      <Hint id={hintId} hint={hint} />
      <input
        {...getInputProps(field as never, { type, ariaAttributes: false })}
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={describedBy(field, hint ? hintId : undefined)}
        autoComplete={autoComplete}
        inputMode={inputMode}
      />
      <FieldErrors field={field} />
    </div>
  );
}

export function TextAreaField({ field, label, hint, optional, rows = 4 }: { field: AnyField; label: ReactNode; hint?: ReactNode; optional?: boolean; rows?: number }) {
  const hintId = `${field.id}-hint`;
  return (
    <div className="field">
      <Label field={field} label={label} optional={optional} />
      <Hint id={hintId} hint={hint} />
      <textarea
        {...getTextareaProps(field as never, { ariaAttributes: false })}
        rows={rows}
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={describedBy(field, hint ? hintId : undefined)}
      />
      <FieldErrors field={field} />
    </div>
  );
}

export function SelectField({
  field,
  label,
  hint,
  optional,
  options,
  emptyLabel,
}: {
  field: AnyField;
  label: ReactNode;
  hint?: ReactNode;
  optional?: boolean;
  options: { value: string; label: string }[];
  /** Adds a first option with an empty value, e.g. "No series". */
  emptyLabel?: string;
}) {
  const hintId = `${field.id}-hint`;
  return (
    <div className="field">
      <Label field={field} label={label} optional={optional} />
      <Hint id={hintId} hint={hint} />
      <select
        {...getSelectProps(field as never, { ariaAttributes: false })}
        aria-invalid={field.errors?.length ? true : undefined}
        aria-describedby={describedBy(field, hint ? hintId : undefined)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldErrors field={field} />
    </div>
  );
}

export function CheckboxField({ field, label, hint }: { field: AnyField; label: ReactNode; hint?: ReactNode }) {
  const hintId = `${field.id}-hint`;
  return (
    <div className="field field--checkbox">
      <input
        {...getInputProps(field as never, { type: "checkbox", ariaAttributes: false })}
        aria-describedby={describedBy(field, hint ? hintId : undefined)}
      />
      <label htmlFor={field.id}>{label}</label>
      <Hint id={hintId} hint={hint} />
      <FieldErrors field={field} />
    </div>
  );
}

/**
 * The same field for small forms without Conform (several per page, such as the
 * agenda builder's): errors come from the action's `fieldErrors`.
 */
export function PlainField({
  id,
  name,
  label,
  defaultValue,
  errors,
  hint,
  optional,
  type = "text",
  options,
  rows,
  required,
}: {
  id: string;
  name: string;
  label: ReactNode;
  defaultValue?: string;
  errors?: string[];
  hint?: ReactNode;
  optional?: boolean;
  type?: "text" | "date" | "time" | "number" | "email" | "url" | "search";
  options?: { value: string; label: string }[];
  rows?: number;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name, defaultValue, required, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": described };
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} {optional ? <span className="field__optional">{t("form.optional")}</span> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {options ? (
        <select {...common}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : rows ? (
        <textarea {...common} rows={rows} />
      ) : (
        <input {...common} type={type} inputMode={type === "number" ? "numeric" : undefined} />
      )}
      {errors?.length ? (
        <p className="field-error" id={errorId}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
