import { Form } from "@remix-run/react";
import { LOCALE_NAMES, SUPPORTED_LOCALES, type Locale } from "~/i18n/locales";

/**
 * "Emails in: [language] [Save]": the registrant's and the speaker's choice of the language
 * we write to them in. A plain form (intent=language, field emailLocale), so it works without JavaScript.
 */
export function EmailLanguageForm({ id, label, saveLabel, current }: { id: string; label: string; saveLabel: string; current: Locale }) {
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="language" />
      <label htmlFor={id}>{label}</label>{" "}
      <select id={id} name="emailLocale" defaultValue={current}>
        {SUPPORTED_LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </select>{" "}
      <button type="submit" className="button button--secondary">
        {saveLabel}
      </button>
    </Form>
  );
}
