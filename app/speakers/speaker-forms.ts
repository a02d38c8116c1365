// The speaker portal's forms (browser-safe): a speaker's own profile and the
// details of a talk. The profile is the organizer's person form minus what only
// organizers decide (the public address and the private email).
import { z } from "zod";
import { SUPPORTED_LOCALES } from "~/i18n/locales";
import { optionalText, optionalWebLink } from "~/events/directory-fields";
import { personFormSchemaIn } from "~/people/person-form";
import type { Translate } from "~/i18n/translator";

/** The speaker's profile, with its messages in the speaker's language (`t`: the interface translator). */
export function speakerProfileSchemaIn(t: Translate) {
  return personFormSchemaIn(t).omit({ slug: true, email: true });
}
export type SpeakerProfileValues = z.infer<ReturnType<typeof speakerProfileSchemaIn>>;

export const talkDetailsSchema = z.object({
  itemId: z.string({ required_error: "That session does not exist" }).uuid("That session does not exist"),
  title: z.string({ required_error: "Give your talk a title" }).trim().min(1, "Give your talk a title").max(200, "Keep the title under 200 characters"),
  abstract: optionalText(5000, "abstract"),
  materialsUrl: optionalWebLink("slides or materials link"),
});
export type TalkDetailsValues = z.infer<typeof talkDetailsSchema>;

export const responseSchema = z.object({ response: z.enum(["confirmed", "declined"], { errorMap: () => ({ message: "Choose to confirm or decline" }) }) });

/** The language of the speaker's emails, chosen on their page. */
export const emailLanguageSchema = z.object({ emailLocale: z.enum(SUPPORTED_LOCALES) });
