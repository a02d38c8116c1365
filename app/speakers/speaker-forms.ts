// The speaker portal's forms (browser-safe): a speaker's own profile and the
// details of a talk. The profile is the organizer's person form minus what only
// organizers decide (the public address and the private email).
import { z } from "zod";
import { SUPPORTED_LOCALES } from "~/i18n/locales";
import { optionalTextIn, optionalWebLinkIn } from "~/events/directory-fields-in";
import { personFormSchemaIn } from "~/people/person-form";
import type { Translate } from "~/i18n/translator";

/** The speaker's profile, with its messages in the speaker's language (`t`: the interface translator). */
export function speakerProfileSchemaIn(t: Translate) {
  return personFormSchemaIn(t).omit({ slug: true, email: true });
}
export type SpeakerProfileValues = z.infer<ReturnType<typeof speakerProfileSchemaIn>>;

const TALK_TITLE_MAX = 200;
const ABSTRACT_MAX = 5000;

/** A talk's details as its speaker edits them, with messages in the speaker's language. */
export function talkDetailsSchemaIn(t: Translate) {
  return z.object({
    itemId: z.string({ required_error: t("talkForm.sessionMissing") }).uuid(t("talkForm.sessionMissing")),
    title: z
      .string({ required_error: t("talkForm.titleRequired") })
      .trim()
      .min(1, t("talkForm.titleRequired"))
      .max(TALK_TITLE_MAX, t("talkForm.titleTooLong", { max: TALK_TITLE_MAX })),
    abstract: optionalTextIn(ABSTRACT_MAX, t("talkForm.abstractTooLong", { max: ABSTRACT_MAX })),
    materialsUrl: optionalWebLinkIn({
      tooLong: t("talkForm.materialsUrlTooLong"),
      notUrl: t("talkForm.materialsUrlNotUrl"),
      notWeb: t("talkForm.materialsUrlNotWeb"),
    }),
  });
}
export type TalkDetailsValues = z.infer<ReturnType<typeof talkDetailsSchemaIn>>;

export const responseSchema = z.object({ response: z.enum(["confirmed", "declined"], { errorMap: () => ({ message: "Choose to confirm or decline" }) }) });

/** The language of the speaker's emails, chosen on their page. */
export const emailLanguageSchema = z.object({ emailLocale: z.enum(SUPPORTED_LOCALES) });
