// The kinds of custom registration question, as organizers choose them (browser-safe).
// Their names are the console catalogue's `questions.kind.<kind>`.
export const QUESTION_KINDS = ["short_text", "long_text", "single_choice", "multiple_choice", "checkbox"] as const;
