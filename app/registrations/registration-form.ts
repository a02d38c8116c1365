// One schema for the registration form, used by the browser (Conform) and the
// server alike. Custom questions are defined per event, so the schema is built
// from them.
import { z } from "zod";
import type { Translate } from "~/i18n/translator";
import type { QuestionDefinition } from "./registration-fields";

export { HONEYPOT_FIELD, type QuestionDefinition, type QuestionKind } from "./registration-fields";

export const NAME_MAX = 200;
export const EMAIL_MAX = 254;
export const AFFILIATION_MAX = 200;
export const SHORT_ANSWER_MAX = 500;
export const LONG_ANSWER_MAX = 5000;

/**
 * What the schema reads of the questions, as a string: the key under which the server keeps
 * a built schema (zod schemas are immutable, and events ask the same few questions).
 */
export function questionsKey(questions: readonly QuestionDefinition[]): string {
  return JSON.stringify(questions.map(({ id, kind, label, required, options }) => ({ id, kind, label, required, options })));
}

function questionSchema(q: QuestionDefinition, t: Translate): z.ZodTypeAny {
  const label = q.label;
  const requiredMessage = t("validation.answerRequired", { label });
  const textMessage = t("validation.answerText", { label });
  const chooseOne = t("validation.chooseOne", { label });
  switch (q.kind) {
    case "short_text":
    case "long_text": {
      const maxLength = q.kind === "short_text" ? SHORT_ANSWER_MAX : LONG_ANSWER_MAX;
      const text = z
        .string({ invalid_type_error: textMessage })
        .trim()
        .max(maxLength, t("validation.answerTooLong", { label, max: maxLength }));
      return q.required
        ? z.string({ required_error: requiredMessage, invalid_type_error: textMessage }).pipe(text.pipe(z.string().min(1, requiredMessage)))
        : text.optional();
    }
    case "single_choice": {
      const choice = z.string({ invalid_type_error: chooseOne }).refine((v) => q.options.includes(v), {
        message: t("validation.chooseListed", { label }),
      });
      return q.required
        ? z.string({ required_error: requiredMessage, invalid_type_error: chooseOne }).pipe(choice)
        : choice.optional();
    }
    case "multiple_choice": {
      const choices = z
        .array(z.string(), { invalid_type_error: t("validation.chooseOptions", { label }) })
        .refine((values) => values.every((v) => q.options.includes(v)), {
          message: t("validation.chooseOnlyListed", { label }),
        });
      const normalized = z.preprocess((v) => (typeof v === "string" ? [v] : v), choices);
      return q.required
        ? z.preprocess((v) => (typeof v === "string" ? [v] : v), choices.refine((v) => v.length > 0, requiredMessage))
        : normalized.optional();
    }
    case "checkbox": {
      // An unticked box is simply absent from the form; only a required one may refuse that.
      // The inner schema is optional so the browser's constraint (Conform reads it) is not `required`.
      const checked = (v: unknown) => v === "on" || v === true;
      return q.required
        ? z.preprocess(checked, z.boolean()).refine((v) => v, requiredMessage)
        : z.preprocess(checked, z.boolean().optional());
    }
  }
}

/**
 * Reads a zone field ("Kolkata — Asia/Kolkata", "Asia/Calcutta", "Mumbai") as a
 * current IANA name, or null. The server passes the catalogue's resolver; the
 * browser has no catalogue, so it lets any text through and the server decides.
 */
export type ZoneResolver = (text: string) => string | null;
const leaveZoneToServer: ZoneResolver = (text) => text;

/**
 * Every message comes from `t`, so a reader gets them in the language of the page
 * (the server passes its translator, the browser the one its page hydrated with).
 */
export function registrationFormSchema(questions: QuestionDefinition[], resolveZone: ZoneResolver | undefined, t: Translate) {
  const resolve = resolveZone ?? leaveZoneToServer;
  const answers = Object.fromEntries(questions.map((q) => [q.id, questionSchema(q, t)]));
  return z.object({
    name: z
      .string({ required_error: t("validation.nameRequired") })
      .trim()
      .min(1, t("validation.nameRequired"))
      .max(NAME_MAX, t("validation.nameTooLong", { max: NAME_MAX })),
    email: z
      .string({ required_error: t("validation.emailRequired") })
      .trim()
      .max(EMAIL_MAX, t("validation.emailTooLong"))
      .email(t("validation.emailInvalid")),
    affiliation: z
      .string()
      .trim()
      .max(AFFILIATION_MAX, t("validation.affiliationTooLong", { max: AFFILIATION_MAX }))
      .optional()
      .default(""),
    timeZone: z
      .string({ required_error: t("validation.zoneRequired") })
      .trim()
      .min(1, t("validation.zoneRequired"))
      .transform((text, ctx) => {
        const zone = resolve(text);
        if (zone === null) ctx.addIssue({ code: z.ZodIssueCode.custom, message: t("validation.zoneUnknown") });
        return zone ?? z.NEVER;
      }),
    consent: z.literal("on", {
      errorMap: () => ({ message: t("validation.consentRequired") }),
    }),
    answers: z.object(answers).strict(t("validation.unknownQuestion")).default({}),
  });
}

export type RegistrationFormValues = z.infer<ReturnType<typeof registrationFormSchema>>;


/** What a registrant may change later from their private page: everything but the email and consent. */
export function registrantDetailsSchema(questions: QuestionDefinition[], resolveZone: ZoneResolver | undefined, t: Translate) {
  return registrationFormSchema(questions, resolveZone, t).omit({ email: true, consent: true });
}
