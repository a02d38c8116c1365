// The console's translation page: one language at a time, each field beside its source
// text, one Conform form over translationFormSchema. Works without JavaScript: the
// language tabs are links, the form a plain POST, and errors come back next to the field.
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { sourceLocaleFormSchemaIn, translationFormSchemaIn, TRANSLATION_TAB_PARAM } from "~/content/translation-form";
import type { TranslationEditor as EditorData, TranslationRow } from "~/content/translations-admin.server";
import { LOCALE_NAMES, SUPPORTED_LOCALES, languageNameIn, type Locale } from "~/i18n/locales";
import { CONSOLE_NAMESPACE } from "~/i18n/translator";
import { FieldErrors, FormErrors } from "./form-fields";
import { lastFormErrors, STEADY_VALIDATION } from "./form-validation";

type AnyField = FieldMetadata<unknown, Record<string, unknown>, string[]>;

export function TranslationEditor({
  editor,
  basePath,
  lastResult,
  sourceResult,
  notice,
}: {
  editor: EditorData;
  /** The page's own path; tabs add `?into=`. */
  basePath: string;
  lastResult: SubmissionResult<string[]> | undefined;
  sourceResult: SubmissionResult<string[]> | undefined;
  notice: string | null;
}) {
  const { locale, sourceLocale } = editor;
  const { t, i18n } = useTranslation(CONSOLE_NAMESPACE);
  return (
    <section aria-labelledby="translations-title" className="translations">
      <h2 id="translations-title">{t("translationEditor.title")}</h2>
      <p>{t("translationEditor.intro", { source: languageNameIn(i18n.language, sourceLocale) })}</p>
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      ) : null}
      <nav aria-label={t("translationEditor.languages")}>
        <ul className="admin-tabs">
          {editor.languages.map((language) => (
            <li key={language.locale}>
              <Link to={`${basePath}?${TRANSLATION_TAB_PARAM}=${language.locale}`} aria-current={language.locale === locale ? "page" : undefined} lang={language.locale}>
                {language.name}
              </Link>{" "}
              <span className={`translation-badge${language.missing ? " translation-badge--missing" : ""}`}>
                {language.missing ? t("translationEditor.missing", { count: language.missing }) : t("translationEditor.complete")}
              </span>
            </li>
          ))}
        </ul>
      </nav>
      {/* A key per language: switching tabs starts a fresh form with that language's values. */}
      {lastResult && !answerFor(editor, lastResult) ? (
        <p className="notice notice--warning" role="alert">
          {t("translationEditor.stale")}
        </p>
      ) : null}
      {/* The language stays in the address the forms post to, so an answer with errors comes back on the same tab. */}
      <TranslationForm key={locale} editor={editor} action={`${basePath}?${TRANSLATION_TAB_PARAM}=${locale}`} lastResult={answerFor(editor, lastResult)} />
      <SourceLocaleForm sourceLocale={sourceLocale} action={`${basePath}?${TRANSLATION_TAB_PARAM}=${locale}`} lastResult={sourceResult} />
    </section>
  );
}

/**
 * The server's last answer, when it belongs to the form on screen: the same language and
 * the same fields (a segment added meanwhile would shift every field after it).
 */
function answerFor(editor: EditorData, lastResult: SubmissionResult<string[]> | undefined) {
  const sent = lastResult?.initialValue as { locale?: unknown; entries?: unknown } | null | undefined;
  if (!sent || sent.locale !== editor.locale) return undefined;
  return Array.isArray(sent.entries) && sent.entries.length === editor.defaultValue.entries.length ? lastResult : undefined;
}

function TranslationForm({ editor, action, lastResult }: { editor: EditorData; action: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { locale, sourceLocale } = editor;
  const { t, i18n } = useTranslation(CONSOLE_NAMESPACE);
  const schema = translationFormSchemaIn(t);
  const [form, fields] = useForm({
    id: `translations-${locale}`,
    lastResult,
    defaultValue: editor.defaultValue as never,
    constraint: getZodConstraint(schema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const entries = fields.entries.getFieldList();
  let index = 0;
  return (
    <Form method="post" action={action} className="stack-form panel" {...getFormProps(form)} aria-labelledby="translation-form-title">
      <h3 id="translation-form-title">
        <span lang={locale}>{LOCALE_NAMES[locale]}</span>
        {t("translationEditor.beside")}
        <span lang={sourceLocale}>{LOCALE_NAMES[sourceLocale]}</span>
      </h3>
      <FormErrors errors={lastFormErrors(lastResult) ?? form.errors} id={form.errorId} />
      <input type="hidden" name={fields.locale.name} value={locale} />
      {editor.sections.length === 0 ? <p>{t("translationEditor.noText")}</p> : null}
      {editor.sections.map((section) => (
        <fieldset key={section.heading} className="translation-section">
          <legend>{section.heading}</legend>
          {section.rows.map((row) => {
            const entry = entries[index++]!.getFieldset();
            return <TranslationRowField key={`${row.target}-${row.field}`} row={row} entry={entry as never} locale={locale} sourceLocale={sourceLocale} />;
          })}
        </fieldset>
      ))}
      <div className="toolbar">
        <button type="submit" name="intent" value="translations" className="button">
          {t("translationEditor.save", { language: languageNameIn(i18n.language, locale) })}
        </button>
      </div>
    </Form>
  );
}

function TranslationRowField({
  row,
  entry,
  locale,
  sourceLocale,
}: {
  row: TranslationRow;
  entry: { target: AnyField; field: AnyField; text: AnyField; items: FieldMetadata<string[], Record<string, unknown>, string[]> };
  locale: Locale;
  sourceLocale: Locale;
}) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  const sourceId = `${entry.text.id}-source`;
  return (
    <div className="translation-row">
      <input type="hidden" name={entry.target.name} value={row.target} />
      <input type="hidden" name={entry.field.name} value={row.field} />
      <div className="translation-row__source">
        <p className="translation-row__label" id={`${sourceId}-label`}>
          {row.label} <span className="field__optional">({LOCALE_NAMES[sourceLocale]})</span>
        </p>
        {Array.isArray(row.source) ? (
          <ol className="translation-row__text" lang={sourceLocale} aria-labelledby={`${sourceId}-label`}>
            {row.source.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ol>
        ) : (
          <p className="translation-row__text" lang={sourceLocale} id={sourceId}>
            {row.source || <em>{t("translationEditor.empty")}</em>}
          </p>
        )}
      </div>
      <div className="translation-row__target">
        {row.list ? <ListTranslation row={row} items={entry.items} locale={locale} /> : <TextTranslation row={row} field={entry.text} locale={locale} sourceId={sourceId} />}
      </div>
    </div>
  );
}

function TextTranslation({ row, field, locale, sourceId }: { row: TranslationRow; field: AnyField; locale: Locale; sourceId: string }) {
  const describedBy = [sourceId, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ");
  const common = { lang: locale, "aria-invalid": field.errors?.length ? true : undefined, "aria-describedby": describedBy };
  return (
    <div className="field">
      <label htmlFor={field.id}>
        {row.label} <span className="field__optional">({LOCALE_NAMES[locale]})</span>
      </label>
      {row.rows ? (
        <textarea {...getTextareaProps(field as never, { ariaAttributes: false })} {...common} rows={row.rows} maxLength={row.max} />
      ) : (
        <input {...getInputProps(field as never, { type: "text", ariaAttributes: false })} {...common} maxLength={row.max} autoComplete="off" />
      )}
      <FieldErrors field={field} />
    </div>
  );
}

function ListTranslation({ row, items, locale }: { row: TranslationRow; items: FieldMetadata<string[], Record<string, unknown>, string[]>; locale: Locale }) {
  const { t, i18n } = useTranslation(CONSOLE_NAMESPACE);
  const list = items.getFieldList();
  const sourceItems = Array.isArray(row.source) ? row.source : [];
  return (
    <fieldset className="field" aria-describedby={items.errors?.length ? items.errorId : undefined}>
      <legend>
        {row.label} <span className="field__optional">({LOCALE_NAMES[locale]})</span>
      </legend>
      {sourceItems.map((source, i) => {
        const item = list[i];
        const id = item?.id ?? `${items.id}-${i}`;
        return (
          <div key={i} className="translation-row__item">
            <label htmlFor={id} className="visually-hidden">
              {t("translationEditor.optionLabel", { number: i + 1, source, language: languageNameIn(i18n.language, locale) })}
            </label>
            <input
              id={id}
              name={`${items.name}[${i}]`}
              type="text"
              lang={locale}
              defaultValue={(item?.initialValue as string | undefined) ?? ""}
              maxLength={row.max}
              autoComplete="off"
              aria-invalid={item?.errors?.length || items.errors?.length ? true : undefined}
            />
          </div>
        );
      })}
      <FieldErrors field={items as never} />
    </fieldset>
  );
}

function SourceLocaleForm({ sourceLocale, action, lastResult }: { sourceLocale: Locale; action: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation(CONSOLE_NAMESPACE);
  const schema = sourceLocaleFormSchemaIn(t);
  const [form, fields] = useForm({
    id: "source-language",
    lastResult,
    defaultValue: { defaultLocale: sourceLocale },
    constraint: getZodConstraint(schema),
    ...STEADY_VALIDATION,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
  const field = fields.defaultLocale;
  return (
    <Form method="post" action={action} className="stack-form panel" {...getFormProps(form)} aria-labelledby="source-language-title">
      <h3 id="source-language-title">{t("translationEditor.sourceTitle")}</h3>
      <FormErrors errors={lastFormErrors(lastResult) ?? form.errors} id={form.errorId} />
      <div className="field">
        <label htmlFor={field.id}>{t("translationEditor.sourceLabel")}</label>
        <p className="field__hint" id={`${field.id}-hint`}>
          {t("translationEditor.sourceHint")}
        </p>
        <select
          {...getSelectProps(field as never, { ariaAttributes: false })}
          aria-invalid={field.errors?.length ? true : undefined}
          aria-describedby={[`${field.id}-hint`, field.errors?.length ? field.errorId : null].filter(Boolean).join(" ")}
        >
          {SUPPORTED_LOCALES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </select>
        <FieldErrors field={field as never} />
      </div>
      <div className="toolbar">
        <button type="submit" name="intent" value="source-language" className="button button--secondary">
          {t("translationEditor.changeSource")}
        </button>
      </div>
    </Form>
  );
}
