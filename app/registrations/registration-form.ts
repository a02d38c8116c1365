// One schema for the registration form, used by the browser (Conform) and the
// server alike. Custom questions are defined per event, so the schema is built
// from them.
import { z } from "zod";
import { isValidTimeZone } from "~/time";

export type QuestionKind = "short_text" | "long_text" | "single_choice" | "multiple_choice" | "checkbox";

export interface QuestionDefinition {
  id: string;
  kind: QuestionKind;
  label: string;
  required: boolean;
  options: string[];
}

export const NAME_MAX = 200;
export const EMAIL_MAX = 254;
export const AFFILIATION_MAX = 200;
export const SHORT_ANSWER_MAX = 500;
export const LONG_ANSWER_MAX = 5000;

function questionSchema(q: QuestionDefinition): z.ZodTypeAny {
  const requiredMessage = `Please answer “${q.label}”`;
  switch (q.kind) {
    case "short_text":
    case "long_text": {
      const maxLength = q.kind === "short_text" ? SHORT_ANSWER_MAX : LONG_ANSWER_MAX;
      const text = z
        .string({ invalid_type_error: `“${q.label}” must be text` })
        .trim()
        .max(maxLength, `Keep “${q.label}” under ${maxLength} characters`);
      return q.required
        ? z.string({ required_error: requiredMessage, invalid_type_error: `“${q.label}” must be text` }).pipe(text.pipe(z.string().min(1, requiredMessage)))
        : text.optional();
    }
    case "single_choice": {
      const choice = z.string({ invalid_type_error: `Choose one option for “${q.label}”` }).refine((v) => q.options.includes(v), {
        message: `Choose one of the listed options for “${q.label}”`,
      });
      return q.required
        ? z.string({ required_error: requiredMessage, invalid_type_error: `Choose one option for “${q.label}”` }).pipe(choice)
        : choice.optional();
    }
    case "multiple_choice": {
      const choices = z
        .array(z.string(), { invalid_type_error: `Choose options for “${q.label}”` })
        .refine((values) => values.every((v) => q.options.includes(v)), {
          message: `Choose only listed options for “${q.label}”`,
        });
      const normalized = z.preprocess((v) => (typeof v === "string" ? [v] : v), choices);
      return q.required
        ? z.preprocess((v) => (typeof v === "string" ? [v] : v), choices.refine((v) => v.length > 0, requiredMessage))
        : normalized.optional();
    }
    case "checkbox": {
      const box = z.preprocess((v) => v === "on" || v === true, z.boolean());
      return q.required ? box.refine((v) => v, requiredMessage) : box;
    }
  }
}

export function registrationFormSchema(questions: QuestionDefinition[]) {
  const answers = Object.fromEntries(questions.map((q) => [q.id, questionSchema(q)]));
  return z.object({
    name: z
      .string({ required_error: "Enter your name" })
      .trim()
      .min(1, "Enter your name")
      .max(NAME_MAX, `Keep your name under ${NAME_MAX} characters`),
    email: z
      .string({ required_error: "Enter your email address" })
      .trim()
      .max(EMAIL_MAX, "That email address is too long")
      .email("Enter a valid email address, like name@university.edu"),
    affiliation: z
      .string()
      .trim()
      .max(AFFILIATION_MAX, `Keep your affiliation under ${AFFILIATION_MAX} characters`)
      .optional()
      .default(""),
    timeZone: z
      .string({ required_error: "Choose your time zone" })
      .refine((zone) => isValidTimeZone(zone), "Choose a time zone from the list"),
    consent: z.literal("on", {
      errorMap: () => ({ message: "Please agree to the privacy notice so we can register you" }),
    }),
    answers: z.object(answers).strict("This form has a question the event does not ask; reload the page and try again").default({}),
  });
}

export type RegistrationFormValues = z.infer<ReturnType<typeof registrationFormSchema>>;

/** The honeypot: a field people never see or fill, and form-filling bots do. */
export const HONEYPOT_FIELD = "website";

/** What a registrant may change later from their private page: everything but the email and consent. */
export function registrantDetailsSchema(questions: QuestionDefinition[]) {
  return registrationFormSchema(questions).omit({ email: true, consent: true });
}
