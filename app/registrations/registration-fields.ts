// What the registration form's markup needs, without zod: the public event page
// renders the form in the browser too, and keeps zod on the server (decision 017).

import type { Locale } from "~/i18n/locales";

export type QuestionKind = "short_text" | "long_text" | "single_choice" | "multiple_choice" | "checkbox";

export interface QuestionDefinition {
  id: string;
  kind: QuestionKind;
  label: string;
  required: boolean;
  /** The values stored in answers: always the source language's, whatever the reader sees. */
  options: string[];
  /** What the reader sees when it differs from the stored text: the label and options in their language, and the `lang` each needs. */
  shown?: { label: string; options: string[]; lang: { label?: Locale; options?: Locale } };
}

/** The honeypot: a field people never see or fill, and form-filling bots do. */
export const HONEYPOT_FIELD = "website";
