// The kinds of custom registration question, as organizers choose them (browser-safe).
export const QUESTION_KINDS = ["short_text", "long_text", "single_choice", "multiple_choice", "checkbox"] as const;
export const QUESTION_KIND_LABEL: Record<(typeof QUESTION_KINDS)[number], string> = {
  short_text: "Short text",
  long_text: "Long text",
  single_choice: "Single choice",
  multiple_choice: "Multiple choice",
  checkbox: "Checkbox (yes/no)",
};
